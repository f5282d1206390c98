"""Genre formulas found on eval/heldout3 (now a development set), tested on synthetic variants.

Name lists closed by what their members said, verb-like surnames, name-first posts after a
university, a day word between a name and its verb, 四套班子, amounts in 亿 whose 元 a money noun
implies, datelines before the event's own day, a year's own work meeting, event dates just after a
page's date, and the dates of visits.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from summarise.offline import extract_facts
from summarise.offline.people import find_people
from summarise.parse.dates import find_dates, resolve_date
from summarise.parse.numbers import find_figures, parse_figure
from test_offline_docs import make_doc


def facts(body: str, published: str | None = None, title: str = "某地新闻"):
    return extract_facts(make_doc(f"{title}\n{body}", published=published))


def people(text: str) -> dict[str, tuple[str | None, list[str]]]:
    return {p.name: (p.title, p.roles) for p in find_people(text)}


# 1. People ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, names", [
    ("下午进行会议总结，张海涛、李明华、王建、赵小勇作了交流发言，其他领导作了书面交流。", ["张海涛", "李明华", "王建", "赵小勇"]),
    ("座谈会上，刘志强、陈红、周立新先后发言。", ["刘志强", "陈红", "周立新"]),
    ("会上，孙建国、吴晓燕、郑伟分别作表态发言。", ["孙建国", "吴晓燕", "郑伟"]),
    ("随后，马东、何静、许文斌作交流讲话。", ["马东", "何静", "许文斌"]),
])
def test_a_list_of_names_closed_by_their_speeches(text: str, names: list[str]) -> None:
    found = people(text)
    for name in names:
        assert name in found and found[name][0] is None


@pytest.mark.parametrize("text", [
    "人员名单、工作方案作了调整。",  # not names: nouns before 作了
    "会议要求，要把安全、环保、质量作为重点。",
])
def test_lists_of_nouns_before_a_verb_are_not_names(text: str) -> None:
    assert people(text) == {}


@pytest.mark.parametrize("text, name", [
    ("国务院食品安全委员会副主任回良玉出席会议并讲话。", "回良玉"),
    ("自治区副主席回建军主持会议。", "回建军"),
])
def test_a_verb_like_surname_opens_a_three_character_name(text: str, name: str) -> None:
    assert name in people(text)


@pytest.mark.parametrize("text", [
    "局长回应了群众关切。",
    "书记回顾了一年来的工作。",
    "主任回到单位后传达了会议精神。",
    "处长回答了记者提问。",
])
def test_a_verb_like_surname_before_its_verb_is_not_a_name(text: str) -> None:
    assert not any(name.startswith("回") for name in people(text))


@pytest.mark.parametrize("text, name", [
    ("学校邀请天津财经大学侯欣一教授作《两会归来话两会》的宣讲报告。", "侯欣一"),
    ("学院邀请北京师范大学张文华教授作专题辅导报告。", "张文华"),
    ("中心特邀复旦大学李建平教授为全体党员作专题讲座。", "李建平"),
])
def test_a_lecturer_written_after_a_university(text: str, name: str) -> None:
    found = people(text)
    assert name in found and "lecturer" in found[name][1]


@pytest.mark.parametrize("text, name, role", [
    ("国务院食品安全委员会主任李克强昨天主持召开委员会全体会议。", "李克强", "chair"),
    ("市委书记王刚今天上午出席会议并讲话。", "王刚", "speaker"),
    ("副市长赵丽日前主持召开专题会议。", "赵丽", "chair"),
])
def test_a_day_word_between_a_name_and_its_verb(text: str, name: str, role: str) -> None:
    assert role in people(text)[name][1]


def test_the_university_lecture_is_a_policy_lecture() -> None:
    f = facts("4月13日下午，学校邀请天津财经大学侯欣一教授作《两会归来话两会》的宣讲报告。校党委书记周剑琴主持。",
              published="2017-04-16")
    assert f.kind == "policy_lecture"
    assert "lecturer" in {p.name: p.roles for p in f.people}["侯欣一"]


# 2. Figures --------------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "省委副书记王浩，省四套班子其他领导出席。",
    "市五套班子领导参加活动。",
    "县两套班子成员到会。",
])
def test_the_leading_bodies_are_not_a_count(body: str) -> None:
    assert not [f for f in facts(body).figures if f.unit == "count"]


@pytest.mark.parametrize("text, quote, value", [
    ("截至11月实现园区16.3亿产值，2018年突破20亿，给建设千亿级结算中心开了个好头。", "16.3亿", 1_630_000_000),
    ("截至11月实现园区16.3亿产值，2018年突破20亿，给建设千亿级结算中心开了个好头。", "20亿", 2_000_000_000),
    ("集团力争到2025年实现百亿产值。", "百亿", 10_000_000_000),
    ("项目总投资8亿，建设期两年。", "8亿", 800_000_000),
    ("全年税收突破十亿。", "十亿", 1_000_000_000),
    ("营业收入达3.5亿以上。", "3.5亿", 350_000_000),
])
def test_an_amount_in_yi_with_a_money_noun_is_cny(text: str, quote: str, value: int) -> None:
    got = {f.quote: f for f in find_figures(text)}
    assert quote in got and got[quote].unit == "CNY" and got[quote].value == Decimal(value)


@pytest.mark.parametrize("text", [
    "全国14亿人民团结奋斗。",
    "建设千亿级结算中心。",
    "平台累计访问量达2亿，用户遍布全国。",  # no money noun
    "惠及3亿农民。",
])
def test_an_amount_in_yi_without_money_is_not_cny(text: str) -> None:
    assert not [f for f in find_figures(text) if f.unit == "CNY"]


def test_a_bare_yi_quote_reads_as_cny_for_the_grounder() -> None:
    assert parse_figure("16.3亿").unit == "CNY"
    assert parse_figure("突破20亿").value == Decimal(2_000_000_000)
    assert parse_figure("亿") is None


# 3. Dates ----------------------------------------------------------------------------------------

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
])
def test_a_visit_is_dated_though_it_is_not_a_meeting(body: str, date: str) -> None:
    f = facts(body)
    assert f.kind == "other"
    assert f.event.date is not None and f.event.date.value == date
