"""Figure parser: NOTES.md test vectors, exclusions, seed articles, amounts in 亿 and money nouns, linear time."""
from __future__ import annotations

from decimal import Decimal

import pytest

from growth import assert_linear
from summarise.parse.numbers import cn_numeral, find_figures, parse_figure, values_agree


@pytest.mark.parametrize(
    "quote, value, unit, approx, lower, english",
    [
        ("92.4亿元", 9_240_000_000, "CNY", False, False, "9.24 billion yuan"),
        ("11.2万亩", 112_000, "mu", False, False, "112,000 mu (≈ 7,466.67 ha)"),
        ("5000亩", 5000, "mu", False, False, "5,000 mu (≈ 333.33 ha)"),
        ("25.33万平方米", 253_300, "m2", False, False, "253,300 m²"),
        ("15万平方米", 150_000, "m2", False, False, "150,000 m²"),
        ("3年多", 3, "year", False, True, "3+ years"),
        ("95%", 95, "percent", False, False, "95%"),
        ("121宗", 121, "count", False, False, "121 (count)"),
        ("150余人", 150, "person", False, True, "150+ people"),
        ("50余万人", 500_000, "person", False, True, "500,000+ people"),
        ("1.5多亿元", 150_000_000, "CNY", False, True, "150+ million yuan"),
        ("0.16亿元", 16_000_000, "CNY", False, False, "16 million yuan"),
        ("10个亿", 1_000_000_000, "CNY", False, False, "1 billion yuan"),
        ("十余个", 10, "count", False, True, "10+ (count)"),
        ("一百五十余人", 150, "person", False, True, "150+ people"),
        ("两万元", 20_000, "CNY", False, False, "20,000 yuan"),
        ("三年", 3, "year", False, False, "3 years"),
        ("四个多月", 4, "month", False, True, "4+ months"),
        ("2000万吨", 20_000_000, "ton", False, False, "20,000,000 tonnes"),
        ("15萬平方米", 150_000, "m2", False, False, "150,000 m²"),
        ("百分之五十", 50, "percent", False, False, "50%"),
        ("3平方公里", 3_000_000, "m2", False, False, "3,000,000 m²"),
    ],
)
def test_vectors(quote: str, value: int, unit: str, approx: bool, lower: bool, english: str) -> None:
    f = parse_figure(quote)
    assert f is not None
    assert (f.quote, f.start, f.end) == (quote, 0, len(quote))
    assert f.value == Decimal(value) and f.unit == unit
    assert (f.approximate, f.lower_bound) == (approx, lower)
    assert f.english() == english


def test_prefix_markers_are_flags_not_quote() -> None:
    f = parse_figure("超5000亩")
    assert f is not None and (f.quote, f.start, f.end, f.value, f.unit) == ("5000亩", 1, 6, 5000, "mu")
    assert f.lower_bound and f.english() == "over 5,000 mu (≈ 333.33 ha)"
    near = parse_figure("近300人")
    assert near is not None and near.quote == "300人" and near.approximate and not near.lower_bound
    assert near.english() == "nearly 300 people"
    about = parse_figure("10%左右")
    assert about is not None and about.quote == "10%" and about.approximate


def test_range() -> None:
    f = parse_figure("6-8亿元")
    assert f is not None and f.value == 600_000_000 and f.upper == 800_000_000
    assert f.english() == "600–800 million yuan"


@pytest.mark.parametrize(
    "text",
    ["2024年", "2022年至今", "二〇二四年", "2018年1月", "8月1日", "11月12日", "第八批", "第3栋",
     "一期和二期", "〔2024〕38号", "13391219793", "400 0123 021", "粤B2-20160575B1-20203854",
     "A-4-1地块", "2106单元", "ipad2", "6:08", "2022-06-10 11:56:33", "1栋B座21楼", "一是",
     "一条路", "十大镇街", "千家万户", "4万亿项目", "5个百分点", "5亿",
     "90年代", "2024年度", "24年3月"],
)
def test_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_marker_inside_word_is_not_a_marker() -> None:
    (f,) = find_figures("全市共签约33个项目")
    assert f.quote == "33个" and not f.approximate


SEED_000_SIMPLIFIED = (
    "8月1日,小榄镇召开2024年村镇低效工业园改造升级工作推进会。会上,副镇长吴铸辉汇报2024年现阶段“工改”进展情况。"
    "产业园一期和二期建成的15万平方米高端工业厂房,有95%已经完成了招商出租。"
    "在“工改”项目一期、二期都尝到甜头后,现在加快开展三期项目。坚持念好“谈、移、拆、建、引”五字经。"
    "2022年至今,全镇拆除整理低效工业用地超5000亩,已累计推动121宗“工改”项目动工建设,"
    "预计投资总额达到92.4亿元,达产后年产值达190亿元。“工改”释放出了小榄高质量发展的活力与潜力。"
    "统筹经济强、城乡美、社会治三篇大文章,以“百米冲刺”的姿态早点改。"
)


def test_seed_000_sentences() -> None:
    got = sorted((f.quote, f.value, f.unit) for f in find_figures(SEED_000_SIMPLIFIED))
    assert got == sorted([("5000亩", 5000, "mu"), ("121宗", 121, "count"), ("92.4亿元", 9_240_000_000, "CNY"),
                          ("190亿元", 19_000_000_000, "CNY"), ("15万平方米", 150_000, "m2"),
                          ("95%", 95, "percent")])
    for f in find_figures(SEED_000_SIMPLIFIED):
        assert SEED_000_SIMPLIFIED[f.start:f.end] == f.quote


def test_seed_001_article_body(seeds_dir) -> None:
    raw = (seeds_dir / "001_6b39ea2c5599d977.txt").read_text(encoding="utf-8")
    body = raw.split("①")[0]
    got = [(f.quote, f.value, f.unit, f.lower_bound) for f in find_figures(body)]
    assert got == [("3年多", 3, "year", True), ("11.2万亩", 112_000, "mu", False), ("95份", 95, "count", False)]


def test_seed_000_raw_traditional(seeds_dir) -> None:
    raw = (seeds_dir / "000_09f2237585b32c6b.txt").read_text(encoding="utf-8")
    quotes = {f.quote for f in find_figures(raw)}
    assert {"5000畝", "121宗", "92.4億元", "190億元", "15萬平方米", "95%"} <= quotes


def test_corpus_spans_and_units(shared_dir) -> None:
    text = (shared_dir / "corpus" / "06_hangzhou-cppcc-procurement-oversight-symposium.txt").read_text(encoding="utf-8")
    got = [(f.quote, f.value, f.unit) for f in find_figures(text)]
    assert ("0.16亿元", 16_000_000, "CNY") in got and ("45.37亿元", 4_537_000_000, "CNY") in got
    assert all(q != "1998年" for q, _, _ in got)


def test_cn_numeral() -> None:
    assert [cn_numeral(s) for s in ("一百五十", "两万", "十一", "三千五百万", "一百五", "三万五", "二百零五")] == [
        150, 20_000, 11, 35_000_000, 150, 35_000, 205]
    assert cn_numeral("一二") is None


def test_values_agree() -> None:
    assert values_agree(Decimal("9240000000"), 9.24e9)
    assert values_agree(0, 0) and not values_agree(95, 96)


@pytest.mark.growth
@pytest.mark.parametrize("chunk", ["1", "一", "十", "1-", "1,000", "1万", "超5000亩余", "百分之", "9" * 50 + "亿"])
def test_linear_time(chunk: str) -> None:
    assert_linear(find_figures, lambda n: chunk * max(1, n // len(chunk)), 20_000, f"find_figures({chunk!r} × n)")


@pytest.mark.parametrize("text, quote, value, unit", [
    ("尝试了3种管理模式", "3种", 3, "count"),
    ("专家范围已涉及55类,", "55类", 55, "count"),
    ("他提出4点意见:", "4点", 4, "count"),
    ("共分8批次实施", "8批", 8, "count"),
    ("开展了3轮谈判", "3轮", 3, "count"),
    ("举办3期培训班", "3期", 3, "count"),
    ("举办两期研修班", "两期", 2, "count"),
    ("举办三期业务培训班", "三期", 3, "count"),
    ("分为三类,分别管理", "三类", 3, "count"),
    ("覆盖12種產品", "12種", 12, "count"),
    ("5年间,采购金额由245亿元增加到395亿元", "5年", 5, "year"),
    ("5年来,全市累计", "5年", 5, "year"),
    ("五年来,我们坚持", "五年", 5, "year"),
    ("近十年间", "十年", 10, "year"),
])
def test_measure_words_and_durations(text: str, quote: str, value: int, unit: str) -> None:
    f = find_figures(text)[0]
    assert (f.quote, f.value, f.unit) == (quote, value, unit)


@pytest.mark.parametrize("text", [
    "8月30日上午9点召开", "下午3点半开始", "9点30分", "晚8点举行", "凌晨4点多钟",  # clock times
    "二期工程", "一期和二期", "三期项目", "推进3期改造",  # project phases
    "三类地区", "二类资质企业",  # class labels
    "2005年间", "2010年来", "第3轮", "第二期",  # calendar years and ordinals
])
def test_measure_words_that_are_not_counts(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize("text, found", [("近一年来，各地", True), ("一年以来", True), ("过去一年里", True),
                                         ("一年一次", False), ("用一年时间", False), ("一个", False)])
def test_one_year_as_a_duration(text: str, found: bool) -> None:
    got = [(f.quote, f.unit) for f in find_figures(text)]
    assert (("一年", "year") in got) is found


@pytest.mark.parametrize(
    "quote, value, unit, english",
    [
        ("三个方面", 3, "count", "3 (count)"),
        ("四个必须", 4, "count", "4 (count)"),
        ("百个", 100, "count", "100 (count)"),
        ("千余人", 1000, "person", "1,000+ people"),
        ("半天", 0.5, "day", "0.5 days"),
        ("两起", 2, "count", "2 (count)"),
        ("五样", 5, "count", "5 (count)"),
        ("4支", 4, "count", "4 (count)"),
        ("3小时", 3, "hour", "3 hours"),
        ("3个小时", 3, "hour", "3 hours"),
        ("一个半小时", 1.5, "hour", "1.5 hours"),
        ("两年半", 2.5, "year", "2.5 years"),
        ("30分钟", 30, "minute", "30 minutes"),
        ("两周", 2, "week", "2 weeks"),
        ("100周年", 100, "year", "100 years"),
    ],
)
def test_quoted_counts_and_durations(quote: str, value: float, unit: str, english: str) -> None:
    """What the prompt calls a figure, read from the quote a model chose (words after the count allowed)."""
    f = parse_figure(quote, noun_after=True)
    assert f is not None and f.value == Decimal(str(value)) and f.unit == unit
    assert f.english() == english


@pytest.mark.parametrize("text", ["三篇大文章", "千人计划", "上半年", "半年工作会", "建国70周年", "三部门"])
def test_quote_only_readings_are_not_scanned(text: str) -> None:
    """A scan of running text leaves out the readings that mostly name slogans and programmes."""
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "quote, english",
    [("不足100人", "under 100 people"), ("不到5%", "under 5%"), ("10人以下", "under 10 people"),
     ("3天以内", "at most 3 days"), ("不超过30分钟", "at most 30 minutes")],
)
def test_upper_bounds(quote: str, english: str) -> None:
    f = parse_figure(quote)
    assert f is not None and f.upper_bound and not f.lower_bound and not f.approximate
    assert f.english() == english


def test_more_than_markers_are_lower_bounds_not_approximations() -> None:
    """多/余 say "more than" (prompt and schema agree): a lower bound, not an approximation."""
    for quote in ("3年多", "5000余亩", "四个多月", "150余人"):
        f = parse_figure(quote)
        assert f is not None and f.lower_bound and not f.approximate, quote


def test_a_count_with_another_figure_after_it_is_not_one_figure() -> None:
    assert parse_figure("三个方面，5个", noun_after=True) is None
    assert parse_figure("三个方面") is None  # without noun_after the whole quote must be the figure


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


@pytest.mark.parametrize("text, quote, value, unit", [
    ("他二十几年在乡村工作", "二十几年", 20, "year"),
    ("十几名群众围坐在一起", "十几名", 10, "person"),
    ("二十幾年來", "二十幾年", 20, "year"),
])
def test_ji_after_a_numeral_is_more_than_the_number(text: str, quote: str, value: int, unit: str) -> None:
    [fig] = find_figures(text)
    assert (fig.quote, fig.value, fig.unit, fig.lower_bound) == (quote, value, unit, True)
    assert fig.english().endswith("+ years") or unit != "year"


@pytest.mark.parametrize("text", ["几十年如一日", "几百人参加", "几千亩土地"])
def test_ji_before_a_numeral_is_no_figure(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize("text, value, unit", [
    ("一刻钟的讲解", 15, "minute"), ("三刻鐘", 45, "minute"),
    ("两个世纪的变迁", 200, "year"), ("半个世纪的坚守", 50, "year"),
])
def test_a_quarter_hour_and_a_century(text: str, value: int, unit: str) -> None:
    (f,) = find_figures(text, quoted=True)
    assert (f.value, f.unit) == (Decimal(value), unit)


@pytest.mark.parametrize("text", ["21世纪", "二十一世纪中叶", "此刻钟声响起", "一刻不停", "世纪之交"])
def test_a_century_by_its_ordinal_and_a_moment_are_no_figures(text: str) -> None:
    assert find_figures(text, quoted=True) == []


@pytest.mark.parametrize("text", ["中国企业变革的四个周期", "三个周转环节", "两个周围村庄"])
def test_zhou_inside_a_word_is_no_week(text: str) -> None:
    # 周期 (cycle), 周转 (turnover), 周围 (around) begin with 周 but measure no weeks
    assert all(f.unit != "week" for f in find_figures(text))


def test_weeks_still_read() -> None:
    assert [(f.value, f.unit) for f in find_figures("用两个周时间完成，再过3周验收")] == [
        (Decimal(2), "week"), (Decimal(3), "week")]
