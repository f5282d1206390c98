"""Input normalisation: messy bytes → clean simplified article text, metadata and offsets.

    from summarise.normalise import normalise, Document, NormaliseError
    doc = normalise(Path("page.html"))     # a Path (file), bytes (page) or str (text; or text=...)
    doc.text, doc.title, doc.published, doc.publisher, doc.script
    doc.source_span(i, j)                  # span of text[i:j] in doc.original

Stages (each its own module): decode, markup (with ``wrappers``: SQL dump rows, PHP templates,
Markdown mirrors, RSS/Atom items, string literals of JavaScript and other source code), mojibake, pinyin, boilerplate, script, whitespace;
``offsets.Tracked`` carries the per-character map through all of them; ``pipeline`` runs them.
"""
from __future__ import annotations

from .document import Document
from .errors import NormaliseError
from .offsets import SpanMap, Tracked
from .pipeline import normalise, report
from .read import read_source

__all__ = ["Document", "NormaliseError", "SpanMap", "Tracked", "normalise", "read_source", "report"]
