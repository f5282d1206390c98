"""Figures through the shared parser, with the genre's slogans and vague amounts left out."""
from __future__ import annotations

import pytest

from summarise.dates import find_dates
from summarise.offline.figures import find_figures


def quotes(text: str) -> list[str]:
    return [f.quote for _, f in find_figures(text, find_dates(text))]


def test_figures_of_the_genre() -> None:
    text = "全镇拆除整理低效工业用地超5000亩,推动121宗项目动工,预计投资92.4亿元,有95%已出租。"
    assert quotes(text) == ["5000亩", "121宗", "92.4亿元", "95%"]


@pytest.mark.parametrize("text", [
    "实现四个转变。", "做到“三个适应”。", "突出这两条主线。", "成为九个标杆、九杆旗帜。",
    "按照“9个城市是1个城市”的要求。", "前苏联搞了几十年也垮了。", "实现五年发展规划。",
    "8月1日,会议召开。", "2022年至今。", "两天的会议虽然时间较紧。", "日产6200吨熟料。",
])
def test_not_figures(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize("text, quote", [
    ("徐珑部署了八项工作。", "八项"), ("宣读了四个文件。", "四个"), ("近300人参会。", "300人"),
    ("从4个方面实现突破。", "4个"),
])
def test_counts_that_are_facts(text: str, quote: str) -> None:
    assert quotes(text) == [quote]


def test_one_figure_per_value_and_unit_with_clause_evidence() -> None:
    text = "节支率10%。\n全省节支率每年都在10%左右,最高达到15.21%。"
    found = find_figures(text, find_dates(text))
    assert [f.quote for _, f in found] == ["10%", "15.21%"]
    for _, f in found:
        ev = f.evidence
        assert text[ev.start:ev.end] == ev.quote and f.quote in ev.quote and len(ev.quote) <= 300


@pytest.mark.parametrize("text, expected", [
    ("并提出了三点希望和要求,一是提高认识。", []),      # a Chinese-numeral label of the list that follows
    ("他就下一步工作提出四条意见。", []),
    ("李大胜提出4点意见:一是开好思政课。", ["4点"]),     # an Arabic count is a stated figure
    ("晋中市尝试了3种管理模式。", ["3种"]),
])
def test_list_labels_and_counts(text: str, expected: list[str]) -> None:
    assert quotes(text) == expected


@pytest.mark.parametrize("text", [
    "资格证书的更换分为三类：一是到期证书的延续,二是变更。",
    "三个平台。一是业绩申报的平台;二是日常管理的平台。",
    "重点抓好五项工作:\n一、加强领导。二、完善制度。",
    "主要有两个方面：首先是思想认识。",
])
def test_a_count_announcing_its_own_list_is_a_label(text: str) -> None:
    assert quotes(text) == []


def test_restated_figures_are_listed_once_but_different_measures_are_not() -> None:
    assert quotes("过去5年的工作和新时代10年的伟大变革。新时代十年成就非凡。") == ["5年", "10年"]
    assert quotes("经过四次认定。每个机构应报4个联系人。") == ["四次", "4个"]
