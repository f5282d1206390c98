"""Date mentions and the year rule (NOTES.md "Dates")."""
from __future__ import annotations

from datetime import date

import pytest

from summarise.parse.dates import DateMention, dateline, find_dates, parse_iso, resolve_date


def _one(text: str) -> DateMention:
    (m,) = find_dates(text)
    return m


def test_seed_000_meeting_date() -> None:
    m = _one("8月1日,小榄镇召开2024年村镇低效工业园改造升级工作推进会")
    assert (m.quote, m.start, m.end, m.year, m.month, m.day) == ("8月1日", 0, 4, None, 8, 1)
    r = resolve_date(m, "2024-08-02")
    assert (r.value, r.year_basis) == ("2024-08-01", "publication")


def test_seed_001_year_left_open() -> None:
    r = resolve_date(_one("11月12日,中山市召开全市村镇工业集聚区升级改造专题讲座视频会议。"), "2024-09-27")
    assert (r.value, r.year_basis) == ("--11-12", "open")
    assert r.note and "320 days" in r.note and "45" in r.note


def test_stated_year_wins() -> None:
    r = resolve_date(_one("2018年1月开始"), date(2024, 9, 27))
    assert (r.value, r.year_basis) == ("2018-01", "stated")
    assert resolve_date(_one("二〇二四年十一月十二日"), None).value == "2024-11-12"


def test_across_new_year_and_window() -> None:
    assert resolve_date(_one("12月30日"), "2025-01-05").value == "2024-12-30"
    assert resolve_date(_one("8月1日"), "2024-09-15", window_days=45).value == "2024-08-01"
    assert resolve_date(_one("8月1日"), "2024-09-15", window_days=44).value == "--08-01"
    assert resolve_date(_one("12月30日"), None).year_basis == "open"


def test_relative_day() -> None:
    m = _one("昨日(14日)上午，市政协召开政府采购工作民主监督座谈会")
    assert (m.month, m.day, m.relative) == (0, 14, -1)
    r = resolve_date(m, "2011-06-15")
    assert (r.value, r.year_basis) == ("2011-06-14", "publication")
    assert resolve_date(_one("昨日（13日）"), "2011-06-15").year_basis == "open"


def test_forms() -> None:
    got = [(m.quote, m.year, m.month, m.day) for m in find_dates(
        "发布日期:2024-08-02 分享 2011年09月26来源 9月27日-28日，全省 5月召开 2022年08月12日 17:44")]
    assert got == [("2024-08-02", 2024, 8, 2), ("2011年09月26", 2011, 9, 26), ("9月27日", None, 9, 27),
                   ("28日", None, 9, 28), ("5月", None, 5, None), ("2022年08月12日", 2022, 8, 12)]


@pytest.mark.parametrize("text", ["3个月", "12月32日", "14日上午", "2024年", "13月5日", "A-4-1"])
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_month_only() -> None:
    assert resolve_date(_one("9月召开"), "2011-09-26").value == "2011-09"
    assert resolve_date(_one("5月召开"), "2011-09-26").value == "--05"


def test_parse_iso() -> None:
    assert parse_iso("2024-08-02") == date(2024, 8, 2)
    assert parse_iso("2021/6/9") == date(2021, 6, 9)
    assert parse_iso("2022-06-10 11:56:33") == date(2022, 6, 10)
    assert parse_iso("2024年8月2日") == date(2024, 8, 2)
    assert parse_iso("2024-02-30") is None and parse_iso("") is None and parse_iso("soon") is None


def test_gold_dates(shared_dir) -> None:
    import json

    seeds = shared_dir.parent / "main" / "seeds"
    for gold_path in sorted((shared_dir / "eval" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (gold_path.parent / gold["input"]).resolve()
        if not text.exists():
            text = seeds / text.name
        body = text.read_text(encoding="utf-8")
        # the first month-day in the article body is the meeting date in both seeds
        first = next(m for m in find_dates(body) if m.year is None and m.day)
        assert resolve_date(first, gold["published"]).value == gold["event_date"]


@pytest.mark.parametrize("text", ["3月27至28日，全省", "3月27日至28日，全省", "3月27-28日，全省", "3月27日—28日，全省",
                                  "3月27到28日召开"])
def test_range_start_is_a_date(text: str) -> None:
    first, second = find_dates(text)[:2]
    assert (first.month, first.day) == (3, 27) and (second.month, second.day) == (3, 28)
    assert first.quote.startswith("3月27")


@pytest.mark.parametrize("text, day", [("27日至28日，全省召开", 27), ("5-6日，在京举行", 5),
                                       ("交流会24日在京召开", 24), ("24日上午，市政协召开座谈会", 24),
                                       ("论坛12日在杭州开幕", 12)])
def test_bare_day_in_a_lead(text: str, day: int) -> None:
    m = find_dates(text)[0]
    assert (m.month, m.day) == (0, day)
    assert resolve_date(m, "2020-08-30").value == f"2020-08-{day:02d}"
    assert resolve_date(m, "2020-09-02").value == f"2020-08-{day:02d}"  # the previous month
    assert resolve_date(m, None).year_basis == "open"


@pytest.mark.parametrize("text", ["14日上午", "完成率达28日", "2至3日内完成", "第3日召开"])
def test_bare_days_that_are_not_event_dates(text: str) -> None:
    assert find_dates(text) == []


def test_bare_day_outside_the_window_stays_open() -> None:
    m = find_dates("大会28日在京召开")[0]
    assert resolve_date(m, "2020-08-05").value == "2020-07-28"
    assert resolve_date(m, "2020-08-05", window_days=5).year_basis == "open"


@pytest.mark.parametrize("text, year", [
    ("3月27至28日，陕西中烟在西安召开2012年纪检监察暨整顿规范工作会议，传达学习了…", 2012),
    ("11月15日上午，2018年第2期清风中原大讲堂在郑州举行。", 2018),
    ("9月3日，市政府召开2019年秋季开学工作部署会。", 2019),
    ("5月8日，全县2021年安全生产工作推进会在县委召开。", 2021),
    ("10月16日，广西2014“中国－东盟大讲坛”第三期在我校多功能报告厅举行。", 2014),  # before the quoted name
])
def test_year_of_the_event_in_its_sentence(text: str, year: int) -> None:
    m = find_dates(text)[0]
    assert m.context_year == year
    r = resolve_date(m, None)
    assert (r.value[:4], r.year_basis) == (str(year), "stated")


@pytest.mark.parametrize("text", [
    "1月5日，市委召开2018年度总结表彰大会。",           # looks back on the year
    "1月5日，回顾2017年工作，部署全年任务。",            # no convening clause
    "3月2日，公司召开会议，总结2011年工作，部署2012年任务。",  # the year stands after the convening clause
    "1月8日，市政府召开会议，2019年1月起施行。",         # a full date, not an event year
    "10月16日，第2014“号”文件在我校举行的会上发布。",      # 第2014: an ordinal, not a year
])
def test_years_that_do_not_date_the_event(text: str) -> None:
    assert find_dates(text)[0].context_year is None


def test_publication_date_wins_over_the_sentence_year() -> None:
    m = find_dates("12月28日，市政府召开2019年工作部署会。")[0]
    assert resolve_date(m, "2019-01-03").value == "2018-12-28"
    assert resolve_date(m, None).value == "2019-12-28"


def test_a_date_glued_to_its_dateline_is_read_with_the_dateline() -> None:
    # 宣布时间:2019-07-036月29日: the page lost the space between the dateline and the lead's date
    text = "来源:某公司 宣布时间:2019-07-036月29日,州总工会举办职工大讲堂。"
    found = [(m.quote, m.year, m.month, m.day) for m in find_dates(text)]
    assert found == [("2019-07-03", 2019, 7, 3), ("6月29日", None, 6, 29)]
    assert dateline(text) == date(2019, 7, 3)
    assert resolve_date(find_dates(text)[1], dateline(text)).value == "2019-06-29"


@pytest.mark.parametrize("text", ["编号2019-07-036", "2019-07-0312日召开", "2019-07-0312", "2019-07-3612月"])
def test_digits_after_an_iso_date_that_start_no_month_are_no_date(text: str) -> None:
    assert find_dates(text) == []
