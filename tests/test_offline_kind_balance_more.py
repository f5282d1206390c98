"""The balance of evidence for a page's kind, widened — synthetic texts: one
lecture counted (一场…宣讲, 上了一节…党课) is a single event; a plenum named as a topic (了解学习…全会
精神) is no attendance; a habit of every day (连日来, 每天) is a feature's mark; a roundup (…综述, in the
headline or a subtitle line) reports no one event."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.kind import ROUNDUP_REASON
from test_offline_docs import make_doc


def facts(text: str):  # type: ignore[no-untyped-def]
    return extract_facts(make_doc(text))


@pytest.mark.parametrize("text", [
    # volunteers' talk in a village: no addressing verb, but one lecture counted
    ("11月26日，某村会议室里气氛热烈，一场由村团支部组织的学习贯彻全会精神专题宣讲正式开讲。\n"
     "志愿者以村民熟悉的家常话为切入点，把全会提出的重要部署转化为身边变化。"),
    # a principal's lesson to an audience no list knows, with a brand in the purpose clause
    ("为全力打造党建带队建品牌，在建队71周年之际，某小学党委书记、校长周某为全体少先队大队委上了一节意义非凡的党课。\n"
     "周某将党的光辉历史娓娓道来，让大队委们感受到党的领导下发生的变化。"),
])
def test_one_lecture_counted_is_a_lecture(text: str) -> None:
    assert facts(text).kind == "policy_lecture"


@pytest.mark.parametrize("text", [
    ("连日来，每天早上8时，某村的广播员麦某某都会准时来到村广播室，通过大喇叭向村民们宣传全会精神。\n"
     "某村通过村里的大喇叭开设了“政策解读”等栏目，用通俗易懂的语言将全会精神传递给群众。\n"
     "每天8时、18时，大喇叭准时开播，收听广播成为村民了解学习五中全会精神的一个重要途径。"),
])
def test_a_daily_broadcast_is_a_feature_not_a_lecture_or_a_meeting(text: str) -> None:
    assert facts(text).kind == "other"


@pytest.mark.parametrize("text", [
    "惠风拂面鼓干劲\n——我市十七大精神宣讲活动综述\n冬日的绿城大地，暖流激荡。11月6日，市委书记王某走进大学校园，为师生作了一场辅导报告。",
    "宣讲活动综述\n11月6日，市委书记王某走进大学校园，为师生作了一场辅导报告。",
    "理论宣讲进基层巡礼\n11月6日，县委书记王某在某村主持召开座谈会。",
])
def test_a_roundup_reports_no_one_event(text: str) -> None:
    f = facts(text)
    assert (f.kind, f.out_of_scope_reason) == ("other", ROUNDUP_REASON)
    assert f.event.date is None
    assert not any({"chair", "lecturer"} & set(p.roles) for p in f.people)


def test_a_subtitle_far_below_the_top_makes_no_roundup() -> None:
    text = "某县召开宣讲报告会\n11月6日，某县召开宣讲报告会，县委书记王某主持会议。\n" + "会议强调，要抓好落实。" * 60 + "\n——工作综述"
    assert facts(text).kind != "other"


@pytest.mark.parametrize("text", [
    "全市宣讲工作研讨会综述\n11月6日，全市宣讲工作研讨会召开，市委副书记王某某主持会议。",
    "乡村振兴论坛综述\n11月6日，乡村振兴论坛在某县举行，县委书记王某某主持会议。",
])
def test_one_meetings_own_summary_is_no_roundup(text: str) -> None:
    assert facts(text).out_of_scope_reason != ROUNDUP_REASON
