"""Markdown mirrors: front matter, the page's own date over the front matter's, comments between
paragraphs."""
from __future__ import annotations

import re

from summarise.normalise import Tracked, markup, normalise, wrappers

MD = """---
title: 某大学->学校召开党委常委会（扩大）会议 | example.info
date: 2022-05-12 01:21:48.309626
urlname: 63be3cef
tags:
- 某大学
---
**某大学** **新闻网讯** （记者 王某

摄影报道）5月6日，学校召开党委常委会（扩大）会议。与会校领导结合南开大
<!--more-->
学工作实际，作了交流研讨发言。

<!--more-->

会议要求，一是坚持党的领导，二是落实根本任务。详见[学校主页](http://example.edu.cn/)。

![图](http://example.edu.cn/a)

![图](http://example.edu.cn/

[转入文章首发地址](http://example.edu.cn/1.shtml)
"""


def test_front_matter_keys_and_body_start() -> None:
    fm = wrappers.front_matter(MD)
    assert fm is not None and fm.keys["date"][0] == "2022-05-12 01:21:48.309626"
    assert MD[fm.end:].startswith("**某大学**")
    assert wrappers.front_matter("---\n\n---\ntext") is None  # no keys: a horizontal rule, not front matter


def test_markdown_mirror() -> None:
    doc = normalise(MD)
    lines = doc.text.split("\n")
    assert doc.kind == "markdown" and lines[0] == doc.title == "学校召开党委常委会（扩大）会议"
    assert "与会校领导结合南开大学工作实际" in doc.text  # the comment no longer splits the word
    assert "（记者 王某摄影报道）5月6日" in doc.text  # the byline's bracket break is joined
    assert "会议要求，一是坚持党的领导" in lines[-1] and "详见学校主页。" in lines[-1]
    for junk in ("<!--", "more", "![", "](", "http", "**", "urlname", "date:", "转入文章首发地址", "example.info"):
        assert junk not in doc.text, junk
    # the front matter date is a mirror timestamp: used only because the page states none, and reported
    assert doc.published == "2022-05-12" and doc.removed["published_from_front_matter"] == 1
    i = doc.text.index("学工作")
    a, b = doc.source_span(i - 1, i + 1)
    assert doc.original[a:b] == "大\n<!--more-->\n学"


def test_markdown_page_date_beats_front_matter() -> None:
    doc = normalise(MD.replace("**某大学** **新闻网讯**", "发布时间：2022-05-07\n\n**某大学** **新闻网讯**"))
    assert doc.published == "2022-05-07" and "published_from_front_matter" not in doc.removed


def test_markdown_comment_between_paragraphs_keeps_them_apart() -> None:
    out, _ = markup._markdown_text(Tracked.identity("第一段内容。\n\n<!--more-->\n\n第二段内容。\nword\n<!-- x -->\nnext"))
    assert re.split(r"\n{2,}", out.text) == ["第一段内容。", "第二段内容。\nword\nnext"]
