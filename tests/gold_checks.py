"""A check shared by the normaliser's held-out tests: the cleaned text is the article the gold describes."""
from __future__ import annotations

import json
from pathlib import Path

from summarise.normalise import normalise


def assert_article_matches_gold(gold_path: Path, *, published_may_be_unknown: bool = False,
                                no_title_means_none: bool = False) -> None:
    """Headline first, every gold figure quote and name present, no forbidden string, the page's date,
    idempotent, spans inside the input."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = normalise(gold_path.parent / gold["input"])
    if gold["title"] is not None:
        assert doc.text.split("\n", 1)[0] == gold["title"]
        assert doc.title in (None, gold["title"]) if published_may_be_unknown else doc.title == gold["title"]
    elif no_title_means_none:
        assert doc.title is None
    for fig in gold.get("figures") or []:
        assert fig["quote"] in doc.text, fig["quote"]
    names = [p["name"] for p in gold.get("people") or []]
    names += [gold[k]["name"] for k in ("chair", "lecturer") if gold.get(k)]
    for name in names:
        assert name in doc.text, name
    for bad in gold.get("forbidden") or []:
        assert bad not in doc.text, bad
    if not (published_may_be_unknown and doc.published is None):  # None is an honest "unknown"
        assert doc.published == gold["published"]
    assert normalise(doc.text).text == doc.text
    assert all(0 <= s <= e <= len(doc.original) for s, e in doc.spans)
