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
