"""Headlines that are not captions, greetings, field lines, menus or a digest's column headings; page
titles without their site's name; the headline element over a section label; datelines read as
publication dates — synthetic pages in several wordings."""
from __future__ import annotations

import pytest

from summarise.normalise import Tracked, boilerplate, markup, normalise

BODY = "8月25日，县委召开常委会议，县委书记张三主持会议并讲话，县委副书记李四等出席会议，会议研究部署了下一阶段的重点工作。"


def clean(page: str):
    return normalise(text=page)


@pytest.mark.parametrize("caption", [
    "会议现场",
    "会议现场。 图 王伟 摄",
    "座谈会现场",
    "图为会议现场",
    "摄影：李明",
    "活动现场 图/张华 摄",
])
def test_a_photo_caption_is_neither_headline_nor_text(caption: str) -> None:
    doc = clean(f"{caption}\n县委召开常委会议\n{BODY}")
    assert doc.title == "县委召开常委会议"
    assert caption not in doc.text


@pytest.mark.parametrize("greeting", ["欢迎访问某某县人民政府网站", "欢迎光临本站", "欢迎您来到某某市教育网"])
def test_a_site_greeting_is_not_the_headline(greeting: str) -> None:
    doc = clean(f"{greeting}\n县委召开常委会议\n{BODY}")
    assert doc.title == "县委召开常委会议" and greeting not in doc.text


@pytest.mark.parametrize("field", ["学校: 某某市实验小学", "栏目：工作动态", "原题:", "原标题："])
def test_a_field_line_or_a_title_label_is_not_the_headline(field: str) -> None:
    doc = clean(f"{field}\n县委召开常委会议\n{BODY}")
    assert doc.title == "县委召开常委会议" and field not in doc.text


@pytest.mark.parametrize("meta, published", [
    ("- 日期:2012-12-20", "2012-12-20"),
    ("· 时间：2019-05-06", "2019-05-06"),
    ("2016-08-26 11:46 太行日报", "2016-08-26"),
    ("2021-03-02 来源：某某日报", "2021-03-02"),
    ("2018年7月28日 09:30 岳麓新闻网", "2018-07-28"),
])
def test_a_dateline_under_the_headline_is_the_publication_date(meta: str, published: str) -> None:
    doc = clean(f"医院新闻\n县委召开常委会议\n{meta}\n{BODY}")
    assert doc.published == published
    assert doc.title == "县委召开常委会议"


def test_a_menu_of_short_labels_before_the_headline_is_navigation() -> None:
    menu = "\n".join(["互联网法律法规", "学校规章制度", "网络信息安全", "正版软件", "使用指南及常见问题", "帮助"])
    doc = clean(f"{menu}\n县委召开常委会议\n{BODY}")
    assert doc.title == "县委召开常委会议" and "学校规章制度" not in doc.text


def test_a_real_first_line_and_subtitle_stay() -> None:
    doc = clean(f"县委召开常委会议\n研究部署下一阶段重点工作\n{BODY}")
    assert doc.title == "县委召开常委会议" and "研究部署下一阶段重点工作" in doc.text


def test_the_markups_headline_is_found_below_a_long_menu() -> None:
    menu = "".join(f"<li>栏目{i}</li>" for i in range(30))
    page = (f"<html><head><title>县委召开常委会议</title></head><body><ul>{menu}</ul>"
            f"<h1>县委召开常委会议</h1><p>{BODY}</p></body></html>")
    doc = normalise(page.encode("utf-8"))
    assert doc.title == "县委召开常委会议" and doc.text.startswith("县委召开常委会议\n")


LEAD = "3月4日上午，某市召开全市重点工作推进会议。市委书记张某某主持会议并讲话，市长李某某出席会议。"
SECOND = "会议强调，要狠抓落实，确保各项任务按期完成，以优异成绩迎接检查验收。"
TITLE = "某市召开重点工作推进会议"


@pytest.mark.parametrize("title,expected", [
    ("南开大学->学校召开党委常委会会议 | nankai.info", "学校召开党委常委会会议"),
    ("学校召开党委常委会会议_某某大学新闻网", "学校召开党委常委会会议"),
    ("学校召开党委常委会会议 - 新闻中心", "学校召开党委常委会会议"),
    ("会议 | nankai.info", "会议 | nankai.info"),  # what would remain is not a headline
    ("首页>开会", "首页>开会"),
    ("“十四五”规划 | 解读：要点与措施", "“十四五”规划 | 解读：要点与措施"),  # not a site name
])
def test_clean_title(title: str, expected: str) -> None:
    s, e = markup.clean_title(title)
    assert title[s:e] == expected


def test_headline_element_matching_the_title_beats_a_section_label() -> None:
    page = (f"<html><head><title>某市召开重点工作推进会议</title></head><body>"
            f'<div><img src="logo.png"/></div><h1><b>新闻中心</b></h1>'
            f'<div><a href="#"><img src="back.png"/></a></div><h4>某市召开重点工作推进会议</h4>'
            f"<p>{LEAD}</p><p>{SECOND}</p></body></html>")
    doc = normalise(page)
    assert doc.title == "某市召开重点工作推进会议" and doc.text.split("\n") == [doc.title, LEAD, SECOND]


def test_dateline_in_the_header_is_metadata_but_not_in_the_body() -> None:
    page = "\n".join(["某市召开重点工作推进会议", "2024年03月05日 09:00:00", LEAD, SECOND, "某市人民政府办公室", "2024年3月5日"])
    c = boilerplate.clean(Tracked.identity(page))
    assert c.published == "2024-03-05" and c.title == "某市召开重点工作推进会议"
    assert c.body.text.split("\n") == ["某市召开重点工作推进会议", LEAD, SECOND, "某市人民政府办公室", "2024年3月5日"]


def test_byline_after_the_body_does_not_pick_a_related_link_as_headline() -> None:
    page = "\n".join(["某市召开重点工作推进会议", LEAD, SECOND, "相关新闻", "另一条新闻 您看了吗？", "责任编辑：某某"])
    c = boilerplate.clean(Tracked.identity(page))
    assert c.title == "某市召开重点工作推进会议" and c.body.text.split("\n") == ["某市召开重点工作推进会议", LEAD, SECOND]


@pytest.mark.parametrize("heading", ["每周一学（2021年12月6日—12月12日）", "理论学习（第12期）", "学习园地(2024.3.1-3.7)"])
def test_column_heading_of_a_digest_page_is_not_the_headline(heading: str) -> None:
    page = f"{heading}\n发布时间：2024年03月05日 点击数：\n次\n{TITLE}\n{LEAD}\n{SECOND}\n"
    doc = normalise(page)
    assert doc.title == TITLE and doc.text.split("\n") == [TITLE, LEAD, SECOND]
    assert doc.removed.get("column_heading") == 1


def test_bracketed_headline_text_is_kept() -> None:
    for headline in ("某市召开重点工作推进会议（扩大）", "全市安全生产工作会议（2024年3月4日）召开"):
        doc = normalise(f"{headline}\n{LEAD}\n{SECOND}\n")
        assert doc.title == headline
