"""Property tests: no stage crashes on arbitrary text, spans stay inside the original,
normalising twice changes nothing."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarise.normalise import (
    NormaliseError,
    Tracked,
    boilerplate,
    markup,
    mojibake,
    normalise,
    pinyin,
    script,
    whitespace,
)

# Text built from the pieces real pages are made of, plus arbitrary unicode.
PIECES = st.sampled_from([
    "會(huì)議", "當(dāng)", "(社區)", "(WTO)", "(a)", "(1)", "?!", "?!?/span>", "肮じ摹", "\ue51e", "|",
    "ldquo;", "&amp;", "&nbsp;", "<p>", "</span>", "图片", "相关文章", "分享到：", "来源：", "发布日期:2024-08-02",
    "。", "，", ",", "“", "”", "\n", "\r\n", "\u3000", "\u00a0", "９５％", "ＡＢ", "92.4亿元", "久久_超碰_",
    "13391219793", "①", "版权", "首页 > ", "会议强调，要加快推进重点项目建设。", "民昇", "臺灣", " ",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans_ok(t: Tracked, n: int) -> bool:
    return len(t.starts) == len(t.text) and all(0 <= s <= e <= n for s, e in zip(t.starts, t.ends))


@FAST
@given(TEXT)
def test_stages_never_crash_and_keep_spans_inside(text: str) -> None:
    n = len(text)
    t = Tracked.identity(text)
    ext = markup.extract(text)
    assert _spans_ok(ext.body, n)
    for stage in (markup.fix_entities, mojibake.repair, markup.strip_tag_fragments, whitespace.normalise_width,
                  pinyin.remove_annotations):
        t, _ = stage(t)
        assert _spans_ok(t, n)
    t = whitespace.normalise_spaces(t)
    c = boilerplate.clean(t)
    assert _spans_ok(c.body, n)
    t2, _, _ = script.convert(whitespace.tidy(c.body))
    assert _spans_ok(t2, n)


@FAST
@given(TEXT)
def test_normalise_is_idempotent_and_maps_into_original(text: str) -> None:
    try:
        doc = normalise(text)
    except NormaliseError:
        return
    assert len(doc.spans) == len(doc.text)
    assert all(0 <= s <= e <= len(doc.original) for s, e in doc.spans)
    again = normalise(doc.text.encode("utf-8"))  # as content: a short str like "a.txt" would name a file
    assert again.text == doc.text
    assert doc.text == doc.text.strip() and "\n\n" not in doc.text


@FAST
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise_anything_but_normalise_error(data: bytes) -> None:
    try:
        doc = normalise(data)
    except NormaliseError:
        return
    assert all(0 <= s <= e <= len(doc.original) for s, e in doc.spans)


@FAST
@given(TEXT, st.integers(0, 60), st.integers(0, 60))
def test_source_span_is_within_original(text: str, i: int, j: int) -> None:
    try:
        doc = normalise(text)
    except NormaliseError:
        return
    a, b = doc.source_span(min(i, j), max(i, j))
    assert 0 <= a <= b <= len(doc.original)
