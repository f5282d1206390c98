"""Genre formulas found on eval/heldout2 (now a development set), tested on synthetic variants.

Pages without a headline, date ranges and a report's own year, lectures received at a branch
venue, launches that are not meetings, digests of several items, name lists and name-first posts,
and numerals that label a list.
"""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from test_offline_docs import Doc, make_doc


def facts(body: str, published: str | None = None, title: str = "某地新闻"):
    return extract_facts(make_doc(f"{title}\n{body}", published=published))


# 1. Headline and date ---------------------------------------------------------------------------

@pytest.mark.parametrize("lead, date", [
    ("1月25日下午，省质检院党委召开专题会议，开展党委班子自查自纠，并就下一步工作作出安排。", "--01-25"),
    ("3月27至28日，陕西中烟在西安召开2012年纪检监察工作会议，安排部署2012年工作任务。", "2012-03-27"),
    ("5月6日-7日，市政府召开全市安全生产工作会议，部署全年工作。", "--05-06"),
])
def test_a_page_that_opens_with_its_lead_has_no_headline(lead: str, date: str) -> None:
    f = extract_facts(Doc(text=lead + "\n会议由局长王刚主持。"))
    assert f.headline is None
    assert f.event.date is not None and f.event.date.value == date
    assert f.event.date.evidence.start == 0 and lead.startswith(f.event.date.evidence.quote)


@pytest.mark.parametrize("body, published, date", [
    ("本报北京8月24日电 全国地方政协工作经验交流会24日在京召开。主席王强出席会议并讲话。", "2020-08-25", "2020-08-24"),
    ("全省教育工作会议12日在南京召开。副省长李明出席会议并讲话。", "2021-03-13", "2021-03-12"),
    ("27日至28日，全市组织工作会议在市委召开。市委书记张华出席会议并讲话。", "2019-05-02", "2019-04-27"),
])
def test_a_day_in_the_lead_takes_the_publication_month(body: str, published: str, date: str) -> None:
    f = facts(body, published=published)
    assert f.event.date is not None and f.event.date.value == date


def test_the_year_in_the_event_name_dates_it_when_nothing_else_does() -> None:
    f = facts("11月15日上午，2018年第2期清风中原大讲堂在郑州举行。讲座由市委书记王刚主持。")
    assert f.event.date is not None and (f.event.date.value, f.event.date.year_basis) == ("2018-11-15", "stated")


# 3. People ---------------------------------------------------------------------------------------

def _people(f) -> dict[str, str | None]:
    return {p.name: (p.title.zh if p.title else None) for p in f.people}


@pytest.mark.parametrize("body, last", [
    ("3月4日，学校召开例会。教务处副处长张小容、邹政、张勇分别就评估工作进行了说明。", "张勇"),
    ("8月24日，交流会在京召开。全国政协副主席刘奇葆、万钢、何维、邵鸿、高云龙出席会议。", "高云龙"),
    ("5月6日，市里召开会议。副市长王刚、李明、赵海先后发言。", "赵海"),
])
def test_the_last_name_of_a_list(body: str, last: str) -> None:
    assert last in _people(facts(body))


@pytest.mark.parametrize("body, names, title", [
    ("11月15日，讲座在郑州举行。刘南昌、安伟、栗金强等副市级以上领导在分会场集中收听收看了讲座。",
     ["刘南昌", "安伟", "栗金强"], "副市级以上领导"),
    ("6月1日，县里召开会议。王海、周丽等县领导出席会议。", ["王海", "周丽"], "县领导"),
    ("6月1日，县里召开会议。王海、周丽出席会议。", ["王海", "周丽"], None),
])
def test_a_list_of_names_without_a_title_before_it(body: str, names: list[str], title: str | None) -> None:
    people = _people(facts(body))
    for name in names:
        assert name in people and people[name] == title


@pytest.mark.parametrize("body", [
    "6月1日，支部召开大会。蔡立、杨洁等四名同志按期转为正式党员。",      # a counted group
    "6月1日，市里召开会议。北京、上海、广州等城市代表参加会议。",          # places, not names
    "6月1日，支部召开大会，向杜志军、陈阳等15名优秀共产党员颁发了荣誉证书。",
])
def test_lists_that_are_not_participants(body: str) -> None:
    names = set(_people(facts(body)))
    assert not names & {"蔡立", "杨洁", "北京", "上海", "杜志军", "陈阳"}


@pytest.mark.parametrize("body, name, title", [
    ("近日，市财政局召开工作会议，刘强总会计师主持会议并作重要讲话。", "刘强", "总会计师"),
    ("6月6日，市财政局举办培训班。会上，李振华副局长强调：要落实责任。", "李振华", "副局长"),
    ("9月1日，学院召开大会，王海军总经济师出席会议。", "王海军", "总经济师"),
    ("9月1日，学院召开大会。会上，孙丽巡视员指出，要抓好落实。", "孙丽", "巡视员"),
])
def test_name_written_before_its_post(body: str, name: str, title: str) -> None:
    people = _people(facts(body))
    assert people.get(name) == title
    assert not set(people) & {"强调", "指出", "主持"}


@pytest.mark.parametrize("body, not_names", [
    ("3月27日，公司召开会议。各烟厂厂长、党委书记、纪检书记、工会主席共130人参加了会议。", {"纪检", "工会"}),
    ("3月27日，学校召开会议。校党政领导参加学习，各部门安全负责人参加会议。", {"党政", "门安全"}),
    ("6月6日，局里召开会议。会上，张华副局长强调：一要落实责任。", {"强调"}),
])
def test_verbs_and_post_modifiers_are_not_names(body: str, not_names: set[str]) -> None:
    assert not set(_people(facts(body))) & not_names


# 2. Kind: lectures received elsewhere, launches, digests ------------------------------------------

@pytest.mark.parametrize("body, lecturer", [
    (("11月15日上午，2018年第2期清风中原大讲堂在郑州举行。讲座邀请中央纪委法规室纪检监察员周鹏飞围绕《条例》作专题讲座。"
      "刘南昌、安伟等副市级以上领导在三门峡分会场集中收听收看了讲座。"), "周鹏飞"),
    ("6月2日，我县组织收听收看全省法治专题讲座。省委党校教授王刚就依法行政作专题讲座。县领导李明、赵海参加。", "王刚"),
    ("3月8日，全市干部在各分会场收看了廉政专题辅导报告，省纪委副书记孙伟作专题辅导报告。", "孙伟"),
])
def test_a_lecture_received_at_a_branch_venue(body: str, lecturer: str) -> None:
    f = facts(body)
    assert f.kind == "policy_lecture"
    assert f.lecturer is not None and f.lecturer.name == lecturer


@pytest.mark.parametrize("body", [
    "11月13日，我市在湖滨广场启动森林防火宣传月活动。市委副书记吴云、副市长李杰出席活动。",
    "5月20日，全县安全生产宣传周启动仪式在广场举行。副县长王刚出席启动仪式。",
    "9月1日，我区开展全民健身宣传月活动。区长赵明参加活动并为群众发放资料。",
])
def test_a_launch_without_meeting_structure_is_other(body: str) -> None:
    f = facts(body, published="2018-11-16" if body.startswith("11") else None)
    assert f.kind == "other"
    assert f.chair is None
    assert f.event.date is not None  # the launch is dated


_DIGEST = """2018年财政信息第8期
我市财政收入平稳增长
5月止，全市财政总收入103.9亿元，完成预算的45.6%。
我市强化业务培训
6月6日，市财政局举办两场业务培训班，由李振华副局长主持、王少强科长作专题讲座。共约290人参加培训。
会上，李振华副局长强调：一要落实责任担当。二要按照考评细则抓落实。三要严格时间节点。
市财政局召开国库改革工作会议
近日，市财政局召开国库改革工作会议，刘强总会计师主持会议并作重要讲话。全市各级财政部门一要加强内控管理；
二要强化库款管理；三要深化改革；四要夯实基础；五要统筹协调。"""


def test_a_digest_of_separate_meetings_is_not_one_meeting() -> None:
    f = extract_facts(make_doc(_DIGEST))
    assert f.kind == "other" and f.chair is None and f.lecturer is None and f.event.date is None
    assert {"李振华", "王少强", "刘强"} <= {p.name for p in f.people}
    assert [p.number for p in f.points] == [1, 2, 3]  # 刘强's list is not appended to 李振华's


def test_a_page_whose_headline_is_one_of_its_items_follows_that_item() -> None:
    text = _DIGEST.replace("2018年财政信息第8期", "市财政局召开国库改革工作会议", 1)
    assert extract_facts(make_doc(text)).kind != "other"


def test_numbered_sections_of_one_speech_are_not_a_digest() -> None:
    body = ("一、加强机构管理\n3月1日，市里召开会议，局长王刚主持会议。\n二、做好日常监管\n"
            "会议由副局长李明主持，处长赵海出席会议。")
    assert facts(body).kind == "meeting_report"


@pytest.mark.parametrize("text, numbers", [
    ("会议指出，一要抓落实。二要强监管。三要重实效。\n局长强调，全市一要加强管理；二要强化服务；三要深化改革；四要夯实基础。",
     [1, 2, 3]),
    ("会议要求，一是抓落实，二是强监管。\n王局长说，二要强化服务，三要深化改革。", [1, 2]),
    ("会议要求，一是抓落实，二是强监管，三是重实效，四是抓作风。", [1, 2, 3, 4]),
])
def test_a_restarted_numbering_ends_the_list(text: str, numbers: list[int]) -> None:
    f = facts(text)
    assert [p.number for p in f.points] == numbers


# 4. Figures --------------------------------------------------------------------------------------

def _figures(body: str) -> set[str]:
    return {fig.quote for fig in facts(body).figures}


@pytest.mark.parametrize("body, label", [
    ("3月4日，学校召开会议，要把握好“学科交叉”、“产教融合”、“教育数字化”三个关键词。", "三个"),
    ("1月25日，院党委召开会议，结合动员部署、深入学习两个阶段的工作，查找问题。", "两个"),
    ("6月6日，培训班围绕为什么做绩效、绩效要做什么、怎么做绩效及注意事项等四个问题进行探讨。", "四个"),
    ("5月1日，处长就评估、认证、专业调整、成果培育等四项重点工作进行了分析。", "四项"),
])
def test_a_numeral_after_the_list_it_labels_is_not_a_figure(body: str, label: str) -> None:
    assert label not in _figures(body)


@pytest.mark.parametrize("body, count", [
    ("3月27日，公司召开会议，要严格按照潘家华组长六项重点工作部署抓好落实。", "六项"),
    ("6月1日，局长部署了八项工作。", "八项"),
    ("会议宣读了四个文件。", "四个"),
    ("蔡立、杨洁等四名同志按期转为正式党员。", "四名"),
    ("汪洋指出，近一年来，各地政协积极探索。", "一年"),
])
def test_counts_of_things_stay_figures(body: str, count: str) -> None:
    assert count in _figures(body)
