"""Lecturers and people in more of the genre's forms (issue #14, offline8) — synthetic texts: a
lecturer 正组织…宣讲 (正 before the verb), a talk titled with a quotation inside its title
(以《…“…”》为题), the first of a list of speakers whose talk follows the list (A、B以及C通过讲述…), a
post opened by 副 after a name (陈某副主委), names before 分享/致欢迎辞 and after a 秘书's post."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.people import find_people
from test_offline_docs import make_doc


def roles(text: str) -> dict[str, list[str]]:
    return {p.name: p.roles for p in find_people(text)}


@pytest.mark.parametrize("text, name", [
    ("村党支部书记曾小艳正组织村民深入浅出宣讲全会精神。", "曾小艳"),
    ("社区书记王丽萍正为居民宣讲垃圾分类的新规定。", "王丽萍"),
])
def test_a_lecturer_at_work_now(text: str, name: str) -> None:
    assert "lecturer" in roles(text)[name]


@pytest.mark.parametrize("text, name", [
    ("宣讲团讲师喻文婷以《调查研究是我们党的“传家宝”》为题，回顾了建党以来的历程。", "喻文婷"),
    ("县委党校教授李明以“新时代‘枫桥经验’”为题，讲述了基层治理的做法。", "李明"),
])
def test_a_talk_titled_with_a_quotation_inside(text: str, name: str) -> None:
    assert "lecturer" in roles(text)[name]


@pytest.mark.parametrize("text, first", [
    (("市宣讲团走进社区宣讲\n10月28日，市宣讲团走进某社区开展宣讲活动。\n"
     "报告会上，社区主任吴永乐、基层民警闫婕、乡村邮递员舒某以及文明引导员茹某通过讲述自己的亲身经历，把政策讲给居民听。"),
     "吴永乐"),
    ("某村开展法治宣讲\n5月6日，某村开展法治宣讲。\n宣讲中，律师张华和法官李强为村民讲解了常见纠纷的处理。", "张华"),
])
def test_the_first_of_a_list_whose_talk_follows_the_list_gives_the_lecture(text: str, first: str) -> None:
    facts = extract_facts(make_doc(text))
    assert facts.kind == "policy_lecture"
    assert next(p.name for p in facts.people if "lecturer" in p.roles) == first


@pytest.mark.parametrize("text, name, title", [
    ("陈俐副主委主持会议。", "陈俐", "副主委"),
    ("程利仲副主委作了工作报告。", "程利仲", "副主委"),
])
def test_a_post_opened_by_fu_after_a_name(text: str, name: str, title: str) -> None:
    found = {p.name: p.title for p in find_people(text)}
    assert found == {name: title}


@pytest.mark.parametrize("text, name", [
    ("馆长房亚明分享了学习体会。", "房亚明"),
    ("市委常委、政法委书记胡旭致欢迎辞。", "胡旭"),
    ("党委副书记、董事会秘书罗长城，公司工会主席王汉民陪同调研。", "罗长城"),
])
def test_names_before_more_verbs_and_after_more_posts(text: str, name: str) -> None:
    assert name in roles(text)


@pytest.mark.parametrize("text, name", [
    ("某村开展法治讲座\n5月5日上午，司法所所长孟庆瑞来到黄菜园村，组织村法律顾问法治讲座活动。\n一是开展法治宣传。",
     "孟庆瑞"),
    (("马背宣讲队进牧区\n村干部组建“马背宣讲队”，为牧民宣讲党的好政策。\n11月20日，团结村党支部书记张国强带领“马背宣讲队”"
     "在雪原上缓缓前行，前往冬窝子。\n牧民们纷纷点赞。"),
     "张国强"),
])
def test_the_titled_person_a_lead_sentence_of_lecturing_names_gives_the_lecture(text: str, name: str) -> None:
    facts = extract_facts(make_doc(text))
    assert [p.name for p in facts.people if "lecturer" in p.roles] == [name]


def test_a_person_named_far_below_the_lead_gives_no_lecture() -> None:
    text = ("某村开展法治讲座\n5月5日上午，某村开展法治讲座活动。\n村民们认真聆听。\n讲座结束后，村委会主任张某某说，"
            "这样的讲座很有意义。")
    facts = extract_facts(make_doc(text))
    assert not any("lecturer" in p.roles for p in facts.people)


@pytest.mark.parametrize("text, name, title", [
    ("某小学党委书记、校长、党组织书记工作室领衔人周伟为全体少先队大队委上了一节党课。", "周伟", "某小学党委书记、校长、党组织书记工作室领衔人"),
    ("“红色宣讲”品牌创始人李红梅为居民讲授了一堂微党课。", "李红梅", "品牌创始人"),
])
def test_a_founders_or_a_leaders_standing_is_a_title(text: str, name: str, title: str) -> None:
    found = {p.name: (p.title, p.roles) for p in find_people(text)}
    assert found[name] == (title, ["lecturer"])


def test_a_guest_with_a_role_in_the_lead_gives_no_lecture() -> None:
    text = ("某村开展宣讲活动\n5月5日上午，副县长张国华出席某村宣讲活动并讲话。\n宣讲员为村民讲解了惠民政策。")
    facts = extract_facts(make_doc(text))
    assert not any("lecturer" in p.roles for p in facts.people if p.name == "张国华")
