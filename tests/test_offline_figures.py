"""Figures through the shared parser, with the genre's slogans and vague amounts left out."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.figures import find_figures
from summarise.parse.dates import find_dates
from test_offline_docs import make_doc


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


# --- what a national report's numbers are: years, ordinals, formulas; what amounts and rates measure

@pytest.mark.parametrize("text", [
    "批准《上合组织发展战略（2026－2035年）》。",  # a range of calendar years, not 2,026 years
    "会议听取了关于召开十四届全国人大四次会议的决定草案审议情况的汇报。",  # an ordinal session
    "巩固拓展深入贯彻中央八项规定精神学习教育成果。",  # 八项规定: a name
    "统筹国内国际两个大局。",
    "续写经济快速发展和社会长期稳定两大奇迹新篇章。",
    "植根中华五千年文明。",
    "座谈会达到了三个目的，一是倾听民企心声。",  # the label of the list that follows
])
def test_no_figure_in_national_formulas(text: str) -> None:
    assert find_figures(text, find_dates(text)) == []


@pytest.mark.parametrize("text, quote, value", [
    ("擘画了未来5年中国发展蓝图。", "5年", 5),  # 年中国 is no 年中 (mid-year)
    ("提前一年全面完成落后产能淘汰任务。", "一年", 1),
    ("对未来五年发展作出顶层设计。", "五年", 5),
])
def test_durations(text: str, quote: str, value: int) -> None:
    ((_, fig),) = find_figures(text, find_dates(text))
    assert (fig.quote, fig.value, fig.unit) == (quote, value, "year")


@pytest.mark.parametrize("text, zh, en", [
    ("预计阳新片区新老项目可实现年上交税收6-8亿元。", "税收", "tax revenue"),
    ("全市共签约33个项目，签约金额达175.65亿元。", "签约金额", "contract value"),
    ("对东部地区给予50%的补助。", "补助", "subsidies"),
    ("全年工业产值同比增长8.5%。", "同比增长", "year-on-year growth"),
    ("46家在闽央企负责人参加了会议。", "在闽央企", "central state-owned enterprises in Fujian"),
])
def test_what_an_amount_a_rate_or_a_count_measures(text: str, zh: str, en: str) -> None:
    figs = [f for _, f in find_figures(text, find_dates(text))]
    fig = figs[-1]
    assert fig.measures is not None and (fig.measures.zh, fig.measures.en) == (zh, en)
    assert fig.measures.zh in fig.evidence.quote


def facts(body: str, published: str | None = None, title: str = "某地新闻"):
    return extract_facts(make_doc(f"{title}\n{body}", published=published))


@pytest.mark.parametrize("body", [
    "省委副书记王浩，省四套班子其他领导出席。",
    "市五套班子领导参加活动。",
    "县两套班子成员到会。",
])
def test_the_leading_bodies_are_not_a_count(body: str) -> None:
    assert not [f for f in facts(body).figures if f.unit == "count"]


@pytest.mark.parametrize("text", [
    "围绕区委六届五次全委(扩大)会议和区人大四次确定的工作任务。", "贯彻市党代会二次精神。",
    "传达了省暨二十项民生工程动员部署会议精神。", "启动五项惠民行动。",
])
def test_session_numbers_and_programme_names_are_not_figures(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize("text, quote", [
    ("本届政府任期的五年,是关键时期。", "五年"), ("全年召开四次常务会议研究。", "四次"),
    ("近一年来,共完成十项工作。", "一年"),
])
def test_durations_and_counts_beside_those_stay(text: str, quote: str) -> None:
    assert quote in quotes(text)
