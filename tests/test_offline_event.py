"""Event name, date, place, convening body, topic and kind on synthetic articles."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.event import find_event
from summarise.offline.people import find_people
from summarise.parse.dates import find_dates, resolve_date
from test_offline_docs import make_doc


def event_of(body: str, title: str = "标题", published: str | None = None):
    text = f"{title}\n{body}"
    raw = find_event(text, title)
    pick = lambda s: text[s.start:s.end] if s else None  # noqa: E731
    return pick(raw.name), pick(raw.convened_by), pick(raw.place), raw.date.quote if raw.date else None


@pytest.mark.parametrize("body, name, body_, place", [
    ("8月1日,小榄镇召开2024年工业园改造升级工作推进会,总结经验。", "2024年工业园改造升级工作推进会", "小榄镇", None),
    ("5月22日,中条林局组织召开“改革创新、奋发有为”大讨论交流总结会议。", "“改革创新、奋发有为”大讨论交流总结会议", "中条林局", None),
    ("昨日(14日)上午,市政协召开政府采购工作民主监督座谈会。", "政府采购工作民主监督座谈会", "市政协", None),
    ("9月9日,青海全省政府采购工作会议在西宁市召开。", "青海全省政府采购工作会议", None, "西宁市"),
    ("8月30日上午9点,中央单位政府采购工作会议在京召开。", "中央单位政府采购工作会议", None, "京"),
    ("11月12日,中山市召开全市升级改造专题讲座视频会议。", "全市升级改造专题讲座视频会议", "中山市", "视频会议"),
])
def test_event_formulas(body: str, name: str, body_: str | None, place: str | None) -> None:
    got = event_of(body)
    assert got[:3] == (name, body_, place)


def test_a_back_reference_is_not_the_event() -> None:
    body = "这是记者从日前召开的中央单位会议上获悉的。\n8月30日,中央单位政府采购工作会议在京召开。"
    assert event_of(body)[0] == "中央单位政府采购工作会议"
    assert event_of(body)[3] == "8月30日"


@pytest.mark.parametrize("published, expected", [
    ("2024-08-02", "2024-08-01"),       # year from a publication date one day later
    ("2024-09-27", "--08-01"),          # a repost long after: year stays open
    (None, "--08-01"),
])
def test_event_date_rule(published: str | None, expected: str) -> None:
    doc = make_doc("标题\n8月1日,某镇召开工作推进会。", published=published)
    assert extract_facts(doc).event.date.value == expected


def test_explicit_year_wins() -> None:
    doc = make_doc("标题\n2021年6月24日下午,某局隆重召开表彰大会。", published="2024-01-01")
    date = extract_facts(doc).event.date
    assert date.value == "2021-06-24" and date.year_basis == "stated"


def test_lecture_topic_from_guillemets_and_from_the_clause() -> None:
    doc = make_doc("标题\n6月18日,区委举行集体学习会,特邀中央党校教授王强作《深入学习党的精神》专题辅导报告。")
    facts = extract_facts(doc)
    assert facts.kind == "policy_lecture" and facts.lecturer.name == "王强"
    assert facts.event.topic.zh == "深入学习党的精神"
    doc = make_doc("标题\n会议邀请市发改局副局长陈林作顺德工业园改造专题讲座。")
    assert extract_facts(doc).event.topic.zh == "顺德工业园改造"


@pytest.mark.parametrize("text, kind", [
    ("某镇召开推进会\n8月1日,某镇召开推进会。镇党委书记赵某出席会议并讲话。", "meeting_report"),
    ("中山专题研讨\n11月12日,中山市召开专题讲座视频会议。会议邀请市发改局副局长陈林作专题讲座。", "policy_lecture"),
    ("某集团隆重召开表彰大会\n6月24日,集团举行大会。湖北省委党校黄俭副校长作了专题讲课。", "other"),
    ("某处长的讲话\n各位代表,同志们:\n大家上午好。下面介绍有关情况。", "other"),
    ("春季花卉展开幕\n市民纷纷前往公园赏花,花卉品种超过200个。", "other"),
])
def test_kind(text: str, kind: str) -> None:
    facts = extract_facts(make_doc(text))
    assert facts.kind == kind
    assert (facts.out_of_scope_reason is not None) == (kind == "other")
    if kind == "other":
        assert facts.lecturer is None


def test_attendee_groups_keep_parenthesised_lists_whole() -> None:
    doc = make_doc("标题\n3月1日,市委召开工作会议。各县（市、区）委书记、市直各单位主要负责同志在分会场参加会议。")
    groups = [g.text.zh for g in extract_facts(doc).attendee_groups]
    assert groups == ["各县（市、区）委书记", "市直各单位主要负责同志"]


def test_lecture_meeting_with_numbered_directives() -> None:
    text = ("标题\n4月10日下午,市委理论学习中心组召开专题学习会,邀请省委党校教授张华作题为《以新质生产力推动高质量发展》"
            "的专题辅导报告。市委书记李强主持会议并讲话。市委副书记、市长王明,市政协主席刘芳等市领导出席。\n"
            "李强强调,一要提高政治站位;二要狠抓工作落实;三要加强督导检查。")
    facts = extract_facts(make_doc(text, published="2024-04-12"))
    assert facts.kind == "policy_lecture" and facts.event.date.value == "2024-04-10"
    assert facts.lecturer.name == "张华" and facts.chair.name == "李强"
    assert facts.event.topic.zh == "以新质生产力推动高质量发展"
    assert [(p.number, p.speaker) for p in facts.points] == [(1, "李强"), (2, "李强"), (3, "李强")]
    assert {p.name for p in facts.people} == {"张华", "李强", "王明", "刘芳"}


# --- the meeting the report reports: not one it schedules or recalls; no chair as the convening body

@pytest.mark.parametrize("body, name, date", [
    ("中共中央政治局12月25日召开会议，听取工作汇报。\n会议同意明年1月12日至14日召开二十届中央纪律检查委员会第五次全体会议。",
     "会议", "12月25日"),
    ("中共中央政治局9月29日召开会议，研究重大问题。\n会议决定，中国共产党第二十届中央委员会第四次全体会议于10月20日至23日在北京召开。",
     "会议", "9月29日"),
    ("市委常委会3月2日召开会议。\n会议建议，市人大常委会第十次会议于3月20日举行。", "市委常委会", "3月2日"),
    ("十四届全国人大常委会第五十六次委员长会议15日下午在北京人民大会堂举行。会议审议了关于召开第十四届全国人民代表大会第四次会议的决定草案。",
     "十四届全国人大常委会第五十六次委员长会议", "15日"),
    ("县委12月5日召开常委会议。\n此前，县委书记主持召开县委常委会会议，听取汇报。", "常委会议", "12月5日"),
])
def test_a_scheduled_or_earlier_meeting_is_not_the_event(body: str, name: str | None, date: str) -> None:
    got = event_of(body)
    assert got[0] == name and got[3] == date


@pytest.mark.parametrize("body, name, place", [
    ("政协第十四届全国委员会常务委员会第十四次会议31日上午在京开幕。", "政协第十四届全国委员会常务委员会第十四次会议", "京"),
    ("政协第十四届全国委员会常务委员会第十四次会议1日下午在京闭幕。", "政协第十四届全国委员会常务委员会第十四次会议", "京"),
    ("第二届中欧班列国际合作论坛11月18日在陕西西安开幕。", "第二届中欧班列国际合作论坛", "陕西西安"),
    ("当地时间11月18日，国务院总理李强在莫斯科出席上海合作组织成员国政府首脑（总理）理事会第二十四次会议。",
     "上海合作组织成员国政府首脑（总理）理事会第二十四次会议", "莫斯科"),
])
def test_a_meeting_dated_before_its_verb_or_attended(body: str, name: str, place: str) -> None:
    got = event_of(body)
    assert (got[0], got[2]) == (name, place)


@pytest.mark.parametrize("body, body_, place", [
    ("国务院总理李强11月14日主持召开国务院常务会议，研究有关工作。", None, None),  # the chair, not a convening body
    ("国务院总理李克强2月12日主持召开国务院常务会议。", None, None),
    ("11月10日，学校在综合办公楼808会议室召开专题会议。", "学校", "综合办公楼808会议室"),
    ("12月3日，县政府在县行政中心召开安全生产工作会议。", "县政府", "县行政中心"),
])
def test_the_subject_of_the_convening_verb(body: str, body_: str | None, place: str | None) -> None:
    got = event_of(body)
    assert (got[1], got[2]) == (body_, place)


def test_page_chrome_and_a_repeated_headline_stay_out_of_the_event_quote() -> None:
    text = ("李强主持召开国务院常务会议\n李强主持召开国务院常务会议 研究有关工作 2025-11-14 20:11 来源： 新华社 字号：默认 大 超大 | "
            "打印 | 李强主持召开国务院常务会议研究有关工作新华社北京11月14日电 国务院总理李强11月14日主持召开国务院常务会议，研究有关工作。")
    raw = find_event(text, "李强主持召开国务院常务会议")
    quote = text[raw.sentence.start:raw.sentence.end]
    assert quote.startswith("新华社北京11月14日电") and "字号" not in quote
    assert text[raw.name.start:raw.name.end] == "国务院常务会议"


def test_a_report_of_someone_attending_and_speaking_is_no_transcript() -> None:
    doc = make_doc("丁薛祥出席第二届中欧班列国际合作论坛开幕式并致辞\n第二届中欧班列国际合作论坛11月18日在陕西西安开幕。"
                   "中共中央政治局常委、国务院副总理丁薛祥出席并致辞。", "丁薛祥出席第二届中欧班列国际合作论坛开幕式并致辞")
    assert extract_facts(doc).kind == "meeting_report"


def facts(body: str, published: str | None = None, title: str = "某地新闻"):
    return extract_facts(make_doc(f"{title}\n{body}", published=published))


def people(text: str) -> dict[str, tuple[str | None, list[str]]]:
    return {p.name: (p.title, p.roles) for p in find_people(text)}


def test_the_university_lecture_is_a_policy_lecture() -> None:
    f = facts("4月13日下午，学校邀请天津财经大学侯欣一教授作《两会归来话两会》的宣讲报告。校党委书记周剑琴主持。",
              published="2017-04-16")
    assert f.kind == "policy_lecture"
    assert "lecturer" in {p.name: p.roles for p in f.people}["侯欣一"]


@pytest.mark.parametrize("body, published, date", [
    ("浙江在线11月27日讯（记者 张某）26日至27日，省委举行专题学习会。省委书记王刚主持会议并讲话。", "2021-12-06", "2021-11-26"),
    ("新华社北京3月6日电 全国政协十三届一次会议5日下午在人民大会堂召开。主席王强主持会议。", "2018-03-07", "2018-03-05"),
    ("本报讯 9月12日电 11日上午，市委召开常委会议。市委书记李华主持会议。", "2020-09-12", "2020-09-11"),
])
def test_a_dateline_dates_the_report_not_the_event(body: str, published: str, date: str) -> None:
    f = facts(body, published=published)
    assert f.event.date is not None and f.event.date.value == date


@pytest.mark.parametrize("text, value", [
    ("4月24日教育部在京召开2015年度职业教育与继续教育工作会议。", "2015-04-24"),
    ("2月3日，省委召开2019年度全省组织工作会议。", "2019-02-03"),
    ("1月5日，市委召开2018年度总结表彰大会。", "--01-05"),
    ("1月5日，市委召开2018年度工作总结会议。", "--01-05"),
])
def test_a_years_own_work_meeting_dates_it(text: str, value: str) -> None:
    assert resolve_date(find_dates(text)[0], None).value == value


@pytest.mark.parametrize("quote, published, value", [
    ("12月28日", "2012-12-18", "--12-28"),  # after the page date: the page date says nothing about the year
    ("1月3日", "2019-12-30", "--01-03"),
    ("8月1日", "2024-06-01", "--08-01"),
    ("11月12日", "2024-09-27", "--11-12"),
    ("12月10日", "2012-12-18", "2012-12-10"),
])
def test_a_date_after_the_page_date_keeps_its_year_open(quote: str, published: str, value: str) -> None:
    assert resolve_date(find_dates(quote)[0], published).value == value


@pytest.mark.parametrize("body, date", [
    ("5月31日下午，副市长张荣先深入八里湖分局七里湖派出所调研指导工作。张荣先指出，要真抓实干。", "--05-31"),
    ("7月25日，省委网信办调研组一行5人深入耀州区大数据产业园开展专题调研。", "--07-25"),
    ("3月2日，市长李明前往城南新区视察重点项目建设。", "--03-02"),
    # an official leading departments on an inspection (offline9)
    ("9月22日下午，副市长胡某某带领相关部门负责人，对督察组转办件落实情况进行“回头看”。", "--09-22"),
    ("4月8日，县委书记王某某率队对全县安全生产工作进行督查，先后察看了三家企业。", "--04-08"),
])
def test_a_visit_is_dated_though_it_is_not_a_meeting(body: str, date: str) -> None:
    f = facts(body)
    assert f.kind == "other"
    assert f.event.date is not None and f.event.date.value == date
