"""Role frames read more widely (issue #14, offline8) — synthetic texts: a long list of subjects
before the lecture verb, a capacity before the arrival, a titled talk whose title holds commas, a
place before 主持召开, a name after a title confirmed by its other mentions, a lecture brought
(带来了一场…党课); the convening sentence after a clause of grounds; figures inside quotes ‘…’ and
book titles."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.people import find_people
from test_offline_docs import make_doc


def roles(text: str) -> dict[str, list[str]]:
    return {p.name: p.roles for p in find_people(text)}


@pytest.mark.parametrize("text, name", [
    # the subjects of the talk run past sixty characters before 进行了…宣讲
    (("市人大常委会副主任文承保从党的十七大的主题、改革开放的伟大历史进程、深入贯彻落实科学发展观、"
     "实现全面建设小康社会奋斗目标的新要求和主要任务、党的自身建设五大方面进行了深入浅出的宣讲。"), "文承保"),
    (("县委书记李明围绕全面从严治党的历史经验、新时代党的建设总要求、基层党组织建设的重点任务、"
     "党员干部作风建设的具体要求、廉洁自律的底线红线、干事创业的担当作为等六个方面内容讲授了专题党课。"), "李明"),
])
def test_a_long_subject_before_the_lecture_verb(text: str, name: str) -> None:
    assert "lecturer" in roles(text)[name]


@pytest.mark.parametrize("text, name", [
    (("10月23日下午，区法院速裁庭负责人周磊作为法治副校长，应邀来到某初级中学，以“与法同行”为题，"
     "开展了一堂法治专题讲座。"), "周磊"),
    ("5月8日，县检察院副检察长王芳作为法治辅导员，走进某小学，为师生上了一堂法治课。", "王芳"),
])
def test_a_capacity_before_the_arrival(text: str, name: str) -> None:
    assert "lecturer" in roles(text)[name]


@pytest.mark.parametrize("text, name", [
    ("市委讲师团成员、某大学赵有田教授作了《坚持群众路线，扫除“四风”之害》的辅导报告，办主任彭建国主持。", "赵有田"),
    ("县委党校副校长刘军作了《新时代，新征程》专题讲座。", "刘军"),
])
def test_a_titled_talk_whose_title_holds_commas(text: str, name: str) -> None:
    assert "lecturer" in roles(text)[name]


@pytest.mark.parametrize("text, name", [
    ("区长韩云同志在区机关大院2号楼二楼会议室主持召开五届68次区政府常务会议。", "韩云"),
    ("县委书记李明在县委常委会议室主持召开县委常委会会议。", "李明"),
])
def test_a_place_before_the_chair_verb(text: str, name: str) -> None:
    assert roles(text)[name] == ["chair"]


def test_a_place_before_a_chair_does_not_make_a_guest_chair() -> None:
    # 在…的主持下 is someone else's chair: no place frame reads it
    assert "chair" not in roles("县委书记李明在会上讲话。").get("李明", [])


@pytest.mark.parametrize("text, name", [
    # the name runs into a word no list knows (实地, 带著); another mention ends where a name ends
    ("3月25日上午，市委副书记、市长杜德林实地调研重点项目建设。杜德林强调，要加快推进。", "杜德林"),
    ("上午，社区党委书记史孟艳带著党的二十大精神走进企业。由史孟艳、朱某某等宣讲员组成宣讲团。", "史孟艳"),
    ("副县长王立军实地察看项目现场。王立军一行还走访了企业。", "王立军"),
])
def test_a_name_after_a_title_confirmed_by_its_other_mentions(text: str, name: str) -> None:
    assert name in roles(text)


def test_an_unconfirmed_run_after_a_title_is_no_name() -> None:
    # no other mention ends where a name ends: nothing is read after the title
    assert roles("市委副书记、市长杜德林实地调研重点项目建设。") == {}


@pytest.mark.parametrize("text, name", [
    ("上午，社区党委书记史孟艳走进企业，在生产车间为职工们带来了一场“深入学习二十大精神，推进共富建设”主题“车间党课”。",
     "史孟艳"),
    ("村党支部书记张平为村民带来了一堂生动的党史课。", "张平"),
])
def test_a_lecture_brought_to_an_audience(text: str, name: str) -> None:
    assert roles(text)[name][0] == "lecturer"


@pytest.mark.parametrize("text", [
    ("某委会召开辅导报告暨2009年参政议政工作会议\n根据市委会学习教育的进度安排和市委会工作计划安排，5月15日，"
     "民建某市委会召开了学习教育辅导报告暨2009年参政议政工作会议。陈某副主委主持会议。"
     "隗某某主委作了“金融危机下，经济如何科学发展”的主题辅导报告。与会人员进行了讨论。"),
])
def test_a_joint_meeting_after_a_clause_of_grounds_stays_a_meeting(text: str) -> None:
    facts = extract_facts(make_doc(text))
    assert facts.event.name is not None and facts.event.name.zh.endswith("参政议政工作会议")
    assert facts.kind == "meeting_report"


def test_a_plan_that_schedules_a_meeting_still_schedules_it() -> None:
    facts = extract_facts(make_doc("某县开展工作\n会议决定，计划于下月召开全县工作会议。"))
    assert facts.event.name is None


@pytest.mark.parametrize("text, quote", [
    ("报告中再一次强调‘两个毫不动摇’，为企业注入强心剂。", "两个"),
    ("他向学校赠送《青少年权益保障十年观察》一书。", "十年"),
])
def test_a_number_inside_single_quotes_or_a_book_title_is_no_figure(text: str, quote: str) -> None:
    facts = extract_facts(make_doc("某社区开展讲座\n" + text))
    assert all(not f.evidence.quote.startswith(quote) and quote not in [f.evidence.quote] for f in facts.figures)
    assert not any(quote in (f.evidence.quote or "") and f.value in (2, 10) for f in facts.figures)
