"""Worst cases: cost linear in input size on hostile inputs (repeated patterns, unterminated
constructs, deep nesting), found by a hostile test run and kept fixed here.

The timing tests compare the CPU time at n and 4n in the same test (tests/growth.py), never an absolute
time; they are marked `growth`, left out of the unit suite and run on their own by .ci/run.
"""
from __future__ import annotations

import contextlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from growth import assert_linear
from summarise import ExtractionError, extract, normalise
from summarise.normalise import wrappers
from summarise.parse import dates
from summarise.settings import Settings

OFFLINE = Settings.from_env(backend="offline")


# -- dates: the year a sentence gives the event ---------------------------------------------------

def _reference_context_year(text: str, d: dates.DateMention) -> dates.DateMention:
    """The rule as first written: walk the clauses after each date (quadratic on a long sentence)."""
    if d.year is not None or not d.month or not d.day:
        return d
    pos = d.end
    while pos < len(text):
        stop = dates._CLAUSE_STOP.search(text, pos)
        end = stop.start() if stop else len(text)
        if dates._CONVENED.search(text, pos, end):
            scope = text[d.end:end]
            years = {int(y) for y in dates._CONTEXT_YEAR.findall(scope)}
            if len(years) != 1 or dates._RETROSPECTIVE.search(scope) or not dates._valid(next(iter(years)), d.month, d.day):
                return d
            return dates.DateMention(d.quote, d.start, d.end, d.year, d.month, d.day, d.relative, years.pop())
        if stop is None or stop.group() not in "，,、":
            return d
        pos = stop.end()
    return d


DATE_PIECES = st.sampled_from([
    "3月27日", "8月1日", "3月27至28日", "9月27日-28日", "，", "、", "。", "；", "\n", "召开", "举行", "开幕",
    "2012年", "2013年", "2015年度", "工作会议", "总结", "表彰", "去年", "年度", "镇", "在西安", "1", "2012",
    "年", "月", "日",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DATE_PIECES, max_size=25).map("".join))
def test_context_years_agree_with_the_clause_walk(text: str) -> None:
    found = dates.find_dates(text)
    plain = [dates.DateMention(d.quote, d.start, d.end, d.year, d.month, d.day, d.relative) for d in found]
    assert found == [_reference_context_year(text, d) for d in plain]


def test_context_year_still_read() -> None:
    text = "3月27至28日，陕西中烟在西安召开2012年纪检监察工作会议。"
    assert {d.context_year for d in dates.find_dates(text)} == {2012}


@pytest.mark.growth
def test_a_sentence_of_many_dates_is_linear() -> None:
    # a hostile run: '镇召开会议。' + '8月1日，' * 39990 (under the 200,000-character limit) took 234 s
    assert_linear(dates.find_dates, lambda n: "镇召开会议。" + "8月1日，" * n, 1000, "find_dates")
    assert_linear(dates.find_dates, lambda n: "8月1日，" * n + "召开2012年工作会议。", 1000, "find_dates (one far verb)")


@pytest.mark.growth
def test_a_sentence_of_many_dates_is_linear_through_extract() -> None:
    assert_linear(lambda t: extract(t, settings=OFFLINE), lambda n: "镇召开会议。" + "8月1日，" * n, 1000, "extract")


# -- string literals in a page cut mid-script ------------------------------------------------------

OLD_JS = re.compile(r"//[^\n]*|/\*.*?(?:\*/|\Z)|'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"|`((?:[^`\\]|\\.)*)`",
                    re.S)
OLD_PY = re.compile(r"#[^\n]*|[rRbBuUfF]{0,2}(?:'''((?:[^\\]|\\.)*?)'''|\"\"\"((?:[^\\]|\\.)*?)\"\"\"|"
                    r"'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\")", re.S)


def _reference_js(text: str) -> list[wrappers.JsString]:
    """One regex over the whole text (quadratic when many quotes open no literal)."""
    out, stack, pos = [], [], 0
    for m in OLD_JS.finditer(text):
        wrappers._braces(text, pos, m.start(), stack)
        pos = m.end()
        for g in (1, 2, 3):
            if m.group(g) is not None:
                raw = wrappers._JS_INTERP.sub("", m.group(g)) if g == 3 else m.group(g)
                out.append(wrappers.JsString(wrappers.unescape_js(raw), m.start(g), m.end(g), stack[-1] if stack else -1))
    return out


def _reference_py(text: str) -> list[wrappers.JsString]:
    return [wrappers.JsString(wrappers.unescape_js(m.group(g)), m.start(g), m.end(g), -1)
            for m in OLD_PY.finditer(text) for g in (1, 2, 3, 4) if m.group(g) is not None]


CODE_PIECES = st.sampled_from(["'", '"', "`", "\\", "/", "*", "#", "\n", "{", "}", "a", "会", " ", "r", "'''", '"""',
                               "//", "/*", "*/", "\\\n", "${x}"])


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(CODE_PIECES, max_size=20).map("".join))
def test_string_literals_agree_with_one_regex(text: str) -> None:
    assert wrappers.js_strings(text) == _reference_js(text)
    assert wrappers.py_strings(text) == _reference_py(text)


@pytest.mark.growth
def test_unterminated_string_literals_are_linear() -> None:
    # a hostile run: 'var content = "' + ('\\"' + Chinese) * N, no closing quote: 256 KB took 25.7 s
    for quote in ('"', "'", "`"):
        assert_linear(wrappers.js_strings, lambda n, q=quote: f"var content = {q}" + (f"\\{q}会议强调要做好工作") * n,
                      2000, f"js_strings ({quote})")
    assert_linear(wrappers.py_strings, lambda n: "x = '''" + "\\'''会议" * n, 2000, "py_strings (''')")
    assert_linear(lambda t: normalise(t.encode()), lambda n: 'var content = "' + '\\"会议强调要做好工作' * n, 2000,
                  "normalise")


# -- markup nested past the parser's depth limit ---------------------------------------------------

def test_text_after_300_unclosed_tags_is_kept() -> None:
    for tag in ("font", "div", "span><b"):
        page = f"<html><body><p>开头。</p>{f'<{tag}>' * 300}镇召开会议，会议内容很多。</body></html>"
        doc = normalise(page.encode())
        assert "镇召开会议，会议内容很多。" in doc.text, tag
        assert doc.removed.get("deep_markup")
        at = doc.text.index("会议内容")
        start, end = doc.source_span(at, at + 4)
        assert page[start:end] == "会议内容"  # the map back to the page still holds


def test_shallow_markup_is_parsed_as_before() -> None:
    doc = normalise("<html><body><div><p>开头。</p><p>镇召开会议。</p></div></body></html>".encode())
    assert doc.text.splitlines() == ["开头。", "镇召开会议。"] and "deep_markup" not in doc.removed


@pytest.mark.growth
def test_deep_nesting_is_linear() -> None:
    assert_linear(lambda t: normalise(t.encode()), lambda n: "<html><body>" + "<font>会议" * n, 2000, "normalise")


# -- generated pathological inputs through the whole normaliser and offline extractor ---------------

HOSTILE_PIECES = st.sampled_from([
    "8月1日，", "3月27至28日", "2012年", "召开", "主持会议，", "书记张三、", "5000亩，", "92.4亿元", "一是", "要",
    '\\"会议', "'会", "`会", "/*", "//", "<!--", "<?php ", "<font>", "<div>", "<p>", "</span>", "<![CDATA[",
    "<item>", "<title>", "(", "（", "會(huì)", "insert into t values ('", '{"content": "', "---\n", "&amp",
    "&#x4e2d;", "\\u4e2d", "\n", "。", "，", "?!", "\ue51e", "相关文章", "来源：", "{", "[", "# ", "```",
])


@pytest.mark.growth
@pytest.mark.slow
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(HOSTILE_PIECES, min_size=1, max_size=6).map("".join))
def test_generated_repetitions_are_linear(unit: str) -> None:
    """A unit of hostile pieces repeated to ~4,000 and ~16,000 characters: the normaliser and the
    offline extractor must not grow super-linearly (repeated patterns, unterminated constructs,
    deep nesting all come out of such repetitions)."""
    n = max(1, 4000 // len(unit))

    def run(text: str) -> None:
        with contextlib.suppress(ExtractionError):  # refusing an input is fine: the time it takes is measured
            extract(text.encode("utf-8", "surrogatepass"), settings=OFFLINE)

    assert_linear(run, lambda k: "镇召开会议。" + unit * k, n, f"extract of {unit!r} × n")


@pytest.mark.growth
def test_bare_yi_amounts_among_many_figures_are_linear() -> None:
    """A unit the generated test first failed on, pinned: bare 亿 amounts among many figures (the
    overlap check scanned every figure)."""
    assert_linear(lambda t: extract(t, settings=OFFLINE), lambda n: "镇召开会议。" + "召开92.4亿元" * n, 1000,
                  "extract of 召开92.4亿元 × n")


def test_a_month_stated_alone_without_a_year_gives_a_valid_record() -> None:
    """A unit the generated test first failed on, pinned: a month stated alone where no year can be
    found crashed the record with a date value the schema cannot hold."""
    record = extract("镇召开会议。" + "3月27至28日召开" * 100, settings=OFFLINE)
    assert record.event.date is None or record.event.date.value.count("-") >= 1


@pytest.mark.growth
def test_a_long_list_of_names_is_linear() -> None:
    """书记张三、 × n: every name of a one-sentence list scanned (and copied) the rest of the sentence
    (25,000 characters 0.23 s, 100,000 2.8 s, 200,000 10.6 s of CPU before)."""
    assert_linear(lambda t: extract(t, settings=OFFLINE), lambda n: "镇召开会议。" + "书记张三、" * n, 4000,
                  "extract of 书记张三、 × n")
