"""A source line opened by a web address is no event sentence, a page's stamp line is no headline, and
numeral + 个 + a noun for people is a head count (issue #14, offline10) — synthetic texts."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.figures import find_figures
from summarise.parse.dates import find_dates
from test_offline_docs import make_doc


@pytest.mark.parametrize("text, unit", [
    ("渔船上又挤上了两个渔民，认真听讲。", "person"),
    ("村里来了三个孩子，围着宣讲员提问。", "person"),
    ("会议研究了两个议题。", "count"),
])
def test_a_count_of_people_nouns_is_a_head_count(text: str, unit: str) -> None:
    assert [f.unit for _, f in find_figures(text, find_dates(text))] == [unit]


def test_a_head_count_of_fishermen_survives_grounding() -> None:
    text = "某镇宣讲团走上渔船宣讲\n11月22日，某镇宣讲团成员王某某登上渔船为渔民宣讲政策，船上挤上了两个渔民，专注地听着。"
    facts = extract_facts(make_doc(text))
    assert [(f.quote, f.unit) for f in facts.figures] == [("两个", "person")]


@pytest.mark.parametrize("line", ["http://www.example.com.cn 2007年11月23日07:38 某某网", "www.example.cn 2020年3月2日 某某网"])
def test_a_source_line_opened_by_a_web_address_is_no_event_sentence(line: str) -> None:
    text = f"某县宣讲团深入渔村宣讲\n{line}\n11月22日，某县宣讲团成员王某某在某村为渔民宣讲政策，群众认真聆听。"
    facts = extract_facts(make_doc(text))
    assert facts.event is not None and facts.event.evidence is not None
    assert "www." not in facts.event.evidence.quote


@pytest.mark.parametrize("stamp", ["2013-12-25 15:15:06 人气:", "2021年3月2日 09:30 来源：某某网"])
def test_a_page_stamp_line_is_no_headline(stamp: str) -> None:
    text = stamp + "\n12月20日上午，市政协在机关会议室召开主席会议，副主席王某某主持会议。"
    facts = extract_facts(make_doc(text, title=""))
    assert facts.headline is None or stamp not in facts.headline.zh
