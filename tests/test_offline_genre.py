"""Genre formulas found on the held-out development set, tested on synthetic variants.

Lectures framed as the event (作…辅导报告 + 主持报告会), meeting structure as the test of a meeting
report, the meeting's own date among relayed ones, and the mirror's timestamp.
"""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from test_offline_docs import make_doc


def facts(body: str, published: str | None = None, title: str = "某校新闻"):
    return extract_facts(make_doc(f"{title}\n{body}", published=published))


# 1. Lectures -------------------------------------------------------------------------------------

@pytest.mark.parametrize("body, lecturer, title, topic", [
    ("12月9日，党的二十大代表、校长刘雅红作学习宣传贯彻党的二十大精神专题辅导报告。校党委副书记邓国安主持报告会。",
     "刘雅红", "校长", "学习宣传贯彻党的二十大精神"),
    ("6月3日，市委书记王强作题为“奋进新征程”的专题报告。报告会由市长李明主持。",
     "王强", "市委书记", "奋进新征程"),
    ("5月8日下午，县委副书记张红作党的创新理论宣讲报告。县委常委刘军主持宣讲会。",
     "张红", "县委副书记", "党的创新理论"),
    ("7月1日，区委书记赵刚为全区党员讲专题党课。区长孙伟主持党课。",
     "赵刚", "区委书记", None),
    (("11月10日下午，我校举行党委中心组扩大会议，邀请华南师范大学马克思主义学院院长、博士生导师陈金龙教授"
      "作题为“全面从严治党的新境界”辅导报告。报告会由校党委书记李建军主持。"),
     "陈金龙", "华南师范大学马克思主义学院院长、博士生导师", "全面从严治党的新境界"),
])
def test_lectures_framed_as_the_event(body: str, lecturer: str, title: str, topic: str | None) -> None:
    f = facts(body)
    assert f.kind == "policy_lecture"
    assert f.lecturer is not None and f.lecturer.name == lecturer and title in f.lecturer.title.zh
    assert f.chair is not None and f.chair.name != lecturer
    if topic:
        assert f.event.topic is not None and f.event.topic.zh == topic


def test_a_work_report_at_a_meeting_is_not_a_lecture() -> None:
    f = facts("3月1日，市委召开全会。市委书记王强代表市委常委会作工作报告。市长李明主持会议。")
    assert f.kind == "meeting_report" and f.lecturer is None


# 2. Kind = meeting structure ---------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "11月10日，教育部副部长郑富芝一行来校调研。在调研座谈会上，校党委书记杨庆山简要汇报了整改情况。",
    "5月6日，省财政厅厅长王平一行来我市调研。座谈会上，市长李明介绍了全市工作情况。",
    "近日，市委书记王强到园区调研，并主持座谈会听取意见。",
    "3月2日，副市长陈立出席座谈会并讲话。",
    "记者从8月30日举行的中央单位政府采购工作会议上了解到，采购规模增加到567亿元。",
])
def test_meeting_structure_makes_a_meeting_report(body: str) -> None:
    assert facts(body).kind == "meeting_report"


@pytest.mark.parametrize("body", [
    ("“采购工作要不断提升。”晋中市财政局纪检组长薛振明在日前召开的全省政府采购工作会议分组讨论会上提出了上述观点。"
     "据介绍，该市尝试了3种管理模式。"),
    "该市近年来不断完善制度。市财政局局长刘强在近日举行的全省财政工作会议上介绍了这一做法。",
    "一是完善制度；二是强化监管；三是加强培训。",
    "记者昨日从市财政局获悉，电子化采购系统正式上线，共有7个子系统。",
])
def test_a_meeting_mentioned_in_passing_is_other(body: str) -> None:
    f = facts(body)
    assert f.kind == "other" and f.out_of_scope_reason
    assert f.chair is None and f.lecturer is None


# 3. The meeting's own date -----------------------------------------------------------------------

@pytest.mark.parametrize("body, published, expected", [
    # the date of a relayed event inside the speech comes later and must not win
    (("3月27日下午，学校党委常委会安排专题学习，传达学习重要讲话精神。会议由校党委书记李大胜主持。\n"
      "李大胜强调，习近平总书记3月18日主持召开学校思想政治理论课教师座谈会并发表重要讲话。"), "2019-03-29", "2019-03-27"),
    (("4月2日，区委理论学习中心组开展集体学习。会议由区委书记王强主持。\n"
      "王强传达了市委书记李明3月30日在全市工作会议上的讲话精神。"), "2023-04-03", "2023-04-02"),
    # background event first, the report's own meeting (with its chair) next
    (("10月24日至27日，党的十八届六中全会在北京召开。全会审议通过了准则。\n"
      "11月10日下午，我校举行党委中心组扩大会议。会议由校党委书记李建军主持。"), "2016-11-15", "2016-11-10"),
    ("9月1日，全省工作会议在省会召开。\n9月5日上午，我市召开贯彻落实会议。市长李明主持会议并讲话。", "2022-09-06", "2022-09-05"),
    # a dated back-reference: held before the stated day
    ("记者从8月30日前举行的中央单位政府采购工作会议上了解到，采购规模持续扩大。", "2011-09-02", "2011-08-30"),
    # a deadline is not the event date
    ("日前，市政府召开专题会议。会议要求各单位于9月30日前完成整改。市长李明主持会议。", "2022-09-06", None),
    # evening/morning markers
    ("6月18日晚，市委召开常委会会议。市委书记王强主持会议。", "2024-06-19", "2024-06-18"),
])
def test_the_meetings_own_date(body: str, published: str, expected: str | None) -> None:
    date = facts(body, published).event.date
    assert (date.value if date else None) == expected


@pytest.mark.parametrize("stamp", ["2021-11-15 01:22:39.163435", "2021-11-15T01:22:39", "2021-11-15 1:22"])
def test_a_crawl_timestamp_is_not_the_event_date(stamp: str) -> None:
    f = facts(f"date: {stamp}\n11月10日，教育部副部长郑富芝一行来校调研。在调研座谈会上，校长曹雪涛作了汇报。",
              published="2021-11-15")
    assert f.event.date is not None and f.event.date.value == "2021-11-10"


def test_the_first_dated_paragraph_when_the_lead_is_undated() -> None:
    text = ("某校新闻\ntitle: 南开大学->郑富芝一行来校调研指导 | nankai.info\n"
            "（记者 郝静秋）11月10日，教育部副部长郑富芝一行来校调研。在调研座谈会上，校长曹雪涛作了汇报。")
    f = extract_facts(make_doc(text, title="某校新闻", published="2021-11-15"))
    assert f.event.date is not None and f.event.date.value == "2021-11-10"


def test_an_article_without_a_meeting_has_no_event_date() -> None:
    f = facts("5月8日，市财政局出台采购管理办法。办法明确了7个子系统的职责。", published="2021-05-10")
    assert f.kind == "other" and f.event.date is None


@pytest.mark.parametrize("body", [
    "该校承担了由张伟教授主持的国家重点研发项目，共投入3000万元。",
    "节目主持人李华介绍了活动情况。",
])
def test_chairing_a_project_or_a_show_is_not_meeting_structure(body: str) -> None:
    assert facts(body).kind == "other"


@pytest.mark.parametrize("text, groups", [
    ("各镇街书记、镇长、相关部门主要负责同志和自然资源、城市更新、工信等部门工作人员在主会场参加会议。",
     ["各镇街书记", "镇长", "相关部门主要负责同志", "自然资源、城市更新、工信等部门工作人员"]),
    ("市直有关部门负责人及各县（市、区）分管负责同志参加会议。", ["市直有关部门负责人", "各县（市、区）分管负责同志"]),
])
def test_attendee_groups_are_whole_phrases(text: str, groups: list[str]) -> None:
    from summarise.offline.groups import find_groups
    assert [text[s.start:s.end] for s in find_groups(text, [])] == groups
