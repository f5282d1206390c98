"""Markdown notes read cleanly in a terminal and show exactly the article's text in a viewer.

`esc` escapes only what a CommonMark/GFM viewer would otherwise change; markdown-it (installed
with rich) plays the viewer.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from sample_records import meeting_report_000
from summarise import extract
from summarise.render import render
from summarise.render.markdown import esc

VIEWER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
TRICKY = "*_`[]()<>&#|\\!~-+=.:;1 a中文，。“”"


def _shown(markdown: str) -> tuple[str, list[str]]:
    """The plain text a viewer shows for one paragraph / item / cell, and any markup it found."""
    tokens = VIEWER.parse(markdown)
    inline = [t for t in tokens if t.type == "inline"]
    markup = [t.type for t in tokens if t.type not in ("inline", "paragraph_open", "paragraph_close")]
    text: list[str] = []
    for tok in inline:
        for child in tok.children or []:
            if child.type == "text":
                text.append(child.content)
            elif child.type == "softbreak":
                text.append(" ")
            else:
                markup.append(child.type)
    return "".join(text), markup


def _check_shown_as_itself(raw: str) -> None:
    folded = " ".join(raw.split())
    if not folded:
        return
    for wrap in ("{}", "- **What**: {}", "1. {} [3]"):
        shown, markup = _shown(wrap.format(esc(folded)))
        assert not (set(markup) - {"bullet_list_open", "bullet_list_close", "list_item_open", "list_item_close",
                                   "ordered_list_open", "ordered_list_close", "strong_open", "strong_close"}), \
            (raw, wrap, markup)
        assert shown.endswith(folded + (" [3]" if wrap.endswith("[3]") else "")), (raw, wrap, shown)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY), min_size=1, max_size=24))
def test_escaped_text_shows_as_itself(raw: str) -> None:
    _check_shown_as_itself(raw)


@pytest.mark.parametrize("raw", ["[链接](http://example.com)", "![图](a.png)", "[a][b]", "[注]: http://x.cn",
                                 "<b>粗</b>", "&amp; &#20013;", "**重要**", "_强调_", "`代码`", "~~删~~",
                                 "# 标题", "> 引用", "- 列表", "1. 第一", "2) 第二", "---", "a\\*b"])
def test_markup_in_article_text_shows_as_itself(raw: str) -> None:
    _check_shown_as_itself(raw)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY), min_size=1, max_size=16))
def test_escaped_text_stays_in_its_table_cell(raw: str) -> None:
    folded = " ".join(raw.split())
    if not folded:
        return
    table = f"| a | b |\n|---|---|\n| {esc(folded, cell=True)} | x |\n"
    tokens = VIEWER.parse(table)
    cells = [t for t in tokens if t.type == "inline"]
    assert len(cells) == 4, (raw, table)
    shown, markup = _shown(cells[2].content)
    assert shown == folded and not markup, (raw, shown, markup)


@pytest.mark.parametrize("text", ["要强认识,以“慢进亦退”的紧迫感", "a_b_c.txt", "95%", "150余人、10%",
                                  "2024年8月1日", "(社区)", "[注]", "1.5亿元", "C#"])
def test_ordinary_text_is_not_escaped(text: str) -> None:
    assert esc(text) == text


def test_seed_notes_have_no_escapes(seeds_dir) -> None:
    for seed in sorted(seeds_dir.glob("*.txt")):
        md = render(extract(seed), "md")
        assert "\\" not in md, re.findall(r".{0,20}\\.{0,20}", md)[:5]
        assert "[untranslated]" in md and " [1]" in md  # marks and references, unescaped


def test_untrusted_markup_stays_inert() -> None:
    record = meeting_report_000()
    record.points[0].text.zh = "[点我](javascript:alert(1)) <img src=x> **粗** `码` # 标题"
    md = render(record, "md")
    line = next(x for x in md.splitlines() if "点我" in x)
    shown, markup = _shown(line)
    assert set(markup) <= {"ordered_list_open", "ordered_list_close", "list_item_open", "list_item_close",
                           "em_open", "em_close"}  # only the note's own *(directive)* emphasis
    assert "[点我](javascript:alert(1)) <img src=x> **粗** `码` # 标题" in shown
