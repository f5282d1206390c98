"""Every file of ../shared/corpus normalises, with per-file must / must-not strings."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from corpus_expectations import CORPUS
from summarise.normalise import normalise


@pytest.mark.parametrize("filename", sorted(CORPUS))
def test_corpus_file(shared_dir: Path, filename: str) -> None:
    exp = CORPUS[filename]
    doc = normalise(shared_dir / "corpus" / filename)
    for key in ("kind", "title", "published", "publisher", "encoding"):
        if key in exp:
            assert getattr(doc, key) == exp[key], key
    assert doc.script == "simplified"
    assert doc.text.startswith(exp["title"] + "\n")
    for s in exp["must"]:
        assert s in doc.text, s
    for s in exp["must_not"]:
        assert s not in doc.text, s
    assert normalise(doc.text).text == doc.text
    assert all(0 <= s <= e <= len(doc.original) for s, e in doc.spans)


def test_every_corpus_file_is_covered(shared_dir: Path) -> None:
    files = {p.name for p in (shared_dir / "corpus").iterdir() if p.name != "SOURCES.md"}
    assert files == set(CORPUS), "add expectations for new corpus files to tests/corpus_expectations.py"


@pytest.mark.parametrize("filename", [f for f in sorted(CORPUS) if CORPUS[f]["kind"] == "html"])
def test_html_spans_point_at_page_text(shared_dir: Path, filename: str) -> None:
    """Each must-appear sentence maps back to the same characters in the raw page (tags aside)."""
    doc = normalise(shared_dir / "corpus" / filename)
    for s in CORPUS[filename]["must"]:
        i = doc.text.index(s)
        a, b = doc.source_span(i, i + len(s))
        src = doc.original[a:b]
        assert src[0] == s[0] and src[-1] == s[-1]
        assert html.unescape(re.sub(r"<[^<>]*>", "", src)) == s


def test_gb2312_without_meta_is_detected(shared_dir: Path) -> None:
    raw = (shared_dir / "corpus" / "02_huangshi-wuhan-investment-promotion-meeting_raw-gb2312.html").read_bytes()
    doc = normalise(raw.replace(b"charset=gb2312", b"charset=unknown"), name="no-meta.html")
    assert doc.encoding == "gb18030"
    assert "175.65亿元" in doc.text
