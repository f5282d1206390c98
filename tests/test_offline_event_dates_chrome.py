"""Event dates past page chrome, a publication date read from a breadcrumb, page chrome and spam
sources kept out (issue #14,
offline6) — synthetic pages in the genre's forms."""
from __future__ import annotations

import pytest

from summarise import normalise
from summarise.offline import extract_facts


def test_a_breadcrumb_with_a_date_gives_the_publication_date() -> None:
    doc = normalise(text="首页 > 教育新闻 > 新闻阅读/2022-10-21 / 加入收藏 / 打印\n某中学宣讲团走进课堂\n"
                         "10月14日，某中学宣讲团成员王丽给全校师生带来了一堂思政课。")
    assert doc.published == "2022-10-21"
    assert extract_facts(doc).event.date.value == "2022-10-14"


def test_a_breadcrumb_with_two_dates_gives_none() -> None:
    doc = normalise(text="首页 > 新闻 > 2022-10-21 > 2021-01-02\n某中学宣讲团走进课堂\n"
                         "10月14日，某中学宣讲团成员王丽给全校师生带来了一堂思政课。")
    assert doc.published is None


def test_a_lead_below_banner_lines_dates_the_event() -> None:
    doc = normalise(text="车间里上好微党课\n发布时间：2022-12-02\n某某网，本地第一门户！\n追踪热点，关注民生，传播文化！\n"
                         "欢迎您，某某网荣誉出品\n“这样在岗位上听党课还是第一次。”11月22日早上，“班前十分钟”微党课在某机械厂车间内开讲，"
                         "工人们围坐一圈认真听课。")
    date = extract_facts(doc).event.date
    assert date is not None and date.value == "2022-11-22"


def test_an_image_placeholder_is_no_headline() -> None:
    doc = normalise(text="【资料图】\n新城村唱响好声音\n11月25日，新城村宣讲小分队走进田间地头开展宣讲，村民们纷纷点赞。")
    assert doc.title == "新城村唱响好声音"
    assert "资料图" not in doc.text


def test_a_font_label_alone_is_chrome() -> None:
    doc = normalise(text="某镇开展普法讲座\n字体:\n5月3日，某镇司法所为村民开展普法讲座，围绕民法典进行解读。")
    assert "字体" not in doc.text



@pytest.mark.parametrize("source, kept", [
    ("2024新老某某原料网站", False), ("ng28某某股份有限公司", False), ("某某博彩", False),
    ("新华网", True), ("某市日报", True), ("2024年某某网站新闻", True),
])
def test_a_source_field_spam_wrote_is_no_publisher(source: str, kept: bool) -> None:
    doc = normalise(text=f"某医院开展党课试讲\n来源:{source} 发布时期:2022年06月23日\n"
                         "6月21日，某医院党委开展党课试讲，两位支部书记试讲党课。")
    assert (doc.publisher == source) is kept
    assert doc.published == "2022-06-23"
