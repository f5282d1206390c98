"""The kind of a page no convening sentence settles, from the balance of its evidence (issue #14,
offline6): a lecture is someone addressing an audience on a subject in a lecture frame, whatever the
verb; a feature over many events stays `other`; a summons (约谈) is a meeting — synthetic texts."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.balance import lecture_balance
from test_offline_docs import make_doc


def kind(text: str) -> str:
    return extract_facts(make_doc(text)).kind


@pytest.mark.parametrize("text", [
    # a volunteer explains a law to villagers: no 作报告, no 宣讲团, no lecture noun as the event
    ("志愿者走进村里讲法律\n5月8日，法律志愿者王丽来到东坪村，给村民们讲解了新修订的《土地管理法》，"
    "用身边的案例说明政策。村民们纷纷表示很受用。"),
    # a lawyer team at a justice office, the audience attending
    ("普法进社区\n6月2日上午，律师服务团在镇司法所为辖区居民开展法治课，围绕《民法典》中的婚姻家庭编进行解读。"
    "居民们认真听讲，不时提问。"),
    # an official's class at a school, an unknown verb (讲授 is not used)
    "副县长到校上思政课\n9月1日，副县长李强来到县第一中学，为师生们上了一堂思政课，结合家乡发展变化阐释党的政策。",
])
def test_an_audience_addressed_in_a_lecture_frame_is_a_lecture(text: str) -> None:
    assert kind(text) == "policy_lecture"


def test_a_feature_over_many_lectures_stays_other() -> None:
    text = ("让普法走进田间地头\n“普法要讲群众听得懂的话。”多年来，某村的“法律明白人”坚持给乡亲们讲解《民法典》。"
            "截至今年10月，全市已培养乡村“法律明白人”两千余名。2019年3月，她第一次登台；2021年5月，她编了快板；"
            "2023年8月，她的故事被收入典型案例。")
    assert lecture_balance(text, "让普法走进田间地头", text.index("\n") + 1).is_lecture is False
    assert kind(text) == "other"


def test_a_frame_word_without_audience_or_subject_is_no_lecture() -> None:
    text = "某镇开展环境整治\n3月5日，某镇组织开展人居环境整治，清理垃圾二十余吨，课堂外的操场也焕然一新。"
    assert kind(text) == "other"


@pytest.mark.parametrize("text", [
    "市安委办对三家企业开展警示约谈\n11月3日，市安委办对近期发生事故的三家企业进行警示约谈。副市长王刚主持约谈并讲话。",
    "区应急管理局召开危化品企业集体约谈会\n4月2日，区应急管理局召开危化品企业集体约谈会，通报了检查中发现的问题。",
])
def test_a_summons_is_a_meeting(text: str) -> None:
    assert kind(text) == "meeting_report"


def test_a_lecture_below_page_chrome_is_a_lecture() -> None:
    # a portal's banner lines sit between the headline and the lead: the lead is the first prose
    text = ("车间里上好“微党课”\n字体:\n某某网欢迎您\nwww.example.net\n"
            "11月2日早上，“班前十分钟”微党课在某机械厂车间内开讲，工人们围坐一圈认真听课。\n"
            "“在岗位上听党课还是第一次。”一名工人说。")
    assert kind(text) == "policy_lecture"


@pytest.mark.parametrize("text", [
    # a study group's enlarged meeting with a party lesson as its second stage
    ("4月8日，某院党总支召开理论学习中心组扩大会议暨专题党课学习。全体党员参加大会，大会由党支部书记王刚主持。\n"
    "会议第一阶段由党总支书记李明传达上级会议精神。会议第二阶段由王刚作题为《学习全会精神》的专题党课。"),
    # a lecture and a push meeting, chaired as a meeting
    ("5月6日，市工商联全会精神宣讲会暨民营经济发展推进会举行。市委常委张华出席并讲话，"
    "工商联党组书记李明主持会议并传达全会精神。"),
])
def test_a_joint_meeting_with_a_lecture_on_its_agenda_is_a_meeting(text: str) -> None:
    assert kind(text) == "meeting_report"


def test_a_habit_of_meeting_is_no_meeting_held() -> None:
    # 每月定期召开: the page describes a practice, it reports no one meeting
    assert kind("建立例会制度 推动安全生产\n某局建立安全例会制度，每月定期召开安全例会，研究部署安全生产工作，确保责任落实。") == "other"


def test_a_visit_without_a_headline_is_read_in_the_lead() -> None:
    # no headline: the lead's first sentence reports the visit; talks with the hosts are part of it
    text = "5月3日，副县长王刚来到某公司调研安全生产工作，并与公司负责人座谈交流。公司总经理李明陪同调研。"
    assert kind(text) == "other"
