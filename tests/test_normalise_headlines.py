"""Headlines that are not captions, greetings, field lines or menus, and datelines read as
publication dates — synthetic pages in several wordings."""
from __future__ import annotations

import pytest

from summarise.normalise import normalise

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
