"""A campaign held in every village is no one event, and site chrome above a headline is no headline
(issue #14, offline9) — synthetic texts."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from test_offline_docs import make_doc


@pytest.mark.parametrize("text", [
    ("为了提高农牧民的健康意识，某县某卫生院巾帼志愿者在各村举行了健康大讲堂活动。\n"
     "大讲堂活动中，志愿者对常见疾病的预防方法进行了详细阐述，群众认真聆听。"),
    ("连日来，某镇宣讲团深入各行政村开展党的二十大精神宣讲，为村民讲解惠民政策。\n"
     "宣讲员用通俗易懂的语言，为村民解读了党的二十大精神。"),
])
def test_lectures_in_every_village_are_no_one_event(text: str) -> None:
    assert extract_facts(make_doc(text, title="")).kind == "other"


def test_one_village_lecture_whose_campaign_follows_stays_a_lecture() -> None:
    text = ("在某村的宣讲现场，镇党委委员王某某日前用通俗易懂的语言，为村民宣讲党的二十届三中全会精神。\n"
            "连日来，镇领导班子成员深入各村开展系列宣讲活动，与村民面对面交流。")
    assert extract_facts(make_doc(text, title="")).kind == "policy_lecture"


@pytest.mark.parametrize("chrome", ["人民网\n人民网>>上海频道\n", "某某新闻网\n", "首页 >> 新闻中心 >> 本地要闻\n"])
def test_site_chrome_above_the_headline_is_skipped(chrome: str) -> None:
    headline = "某医院健康科普活动走进某村"
    text = chrome + headline + "\n近日，某医院健康科普活动在某镇某村举行，医生为村民送上实用的健康知识。"
    facts = extract_facts(make_doc(text, title=""))  # the page states no title of its own
    assert facts.headline is not None and facts.headline.zh == headline


@pytest.mark.parametrize("mark", ["[图]", "（组图）", "【视频】"])
def test_a_picture_mark_after_the_headline_is_no_part_of_it(mark: str) -> None:
    text = "某镇召开企业家座谈会" + mark + "\n日前，某镇组织召开企业家座谈会。会议由镇长王某某主持。"
    facts = extract_facts(make_doc(text))
    assert facts.headline is not None and facts.headline.zh == "某镇召开企业家座谈会"


def test_a_short_headline_ending_in_wang_is_no_site_chrome() -> None:
    text = "织密防汛安全网\n近日，某县召开防汛工作会议，县长王某某主持会议并讲话，部署全县防汛工作。"
    facts = extract_facts(make_doc(text, title=""))
    assert facts.headline is not None and facts.headline.zh == "织密防汛安全网"


@pytest.mark.parametrize("text, kind", [
    ("3月5日，某县召开会议，县委书记王某某在各乡镇党委书记述职评议会上进行点评，要求狠抓落实。", "meeting_report"),
    ("3月5日，副县长王某某在各村“两委”干部培训会上进行授课，为村干部解读乡村振兴政策。", "policy_lecture"),
    ("3月5日，县委常委会召开会议，县委书记王某某主持会议，研究部署在各乡镇开展安全生产大检查。", "meeting_report"),
])
def test_one_event_that_names_every_place_is_no_roundup(text: str, kind: str) -> None:
    assert extract_facts(make_doc(text, title="")).kind == kind
