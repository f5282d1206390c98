"""Spans of the article: sentences, clauses, paragraphs, and evidence built from offsets."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from summarise.schemas import Evidence

MAX_QUOTE = 300
_SENTENCE_ENDS = "。！？!?；;\n"
_CLAUSE_MARKS = "。！？!?；;，,：:\n"
_CLAUSE_END = re.compile(f"[{_CLAUSE_MARKS}]")
_TRIM = " \t\u3000\r\n"


class Span(NamedTuple):
    """A half-open character range of the article text (a named tuple: an article makes a hundred
    or more, and a tuple is several times cheaper to build than a frozen dataclass)."""

    start: int
    end: int

    def text(self, doc_text: str) -> str:
        return doc_text[self.start:self.end]


def _pieces(ends: str) -> re.Pattern[str]:
    """A regex whose matches are the pieces of a text cut after each character of `ends` (which
    ends the piece before it), without the white space (_TRIM) around them, empty ones left out.

    A piece starts at its first character outside _TRIM and runs to the kept end mark after it,
    else to its last character outside _TRIM; a kept end mark after nothing but white space is a
    piece of its own."""
    cut, space = re.escape(ends), re.escape(_TRIM)
    kept = re.escape("".join(c for c in ends if c not in _TRIM))
    body = rf"[^{cut}{space}](?:[^{cut}]*[^{cut}{space}])?"
    return re.compile(rf"[^{cut}{space}][^{cut}]*[{kept}]|{body}|[{kept}]" if kept else body)


_SENTENCES = _pieces(_SENTENCE_ENDS)
_LINES = _pieces("\n")


def _split(text: str, pieces: re.Pattern[str], start: int = 0, end: int | None = None) -> list[Span]:
    return [Span._make(m.span()) for m in pieces.finditer(text, start, len(text) if end is None else end)]


def trim(text: str, start: int, end: int) -> Span:
    """The span without surrounding whitespace."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return Span(start, end)


@lru_cache(maxsize=16)
def _all_paragraphs(text: str) -> tuple[Span, ...]:
    return tuple(_split(text, _LINES))


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines."""
    return list(_all_paragraphs(text))


@lru_cache(maxsize=16)
def _all_sentences(text: str) -> tuple[Span, ...]:
    return tuple(_split(text, _SENTENCES))


def clear_cache() -> None:
    """Forget the sentences and paragraphs of earlier texts."""
    for cached in (_all_sentences, _all_paragraphs):
        cached.cache_clear()


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences (ending with 。！？； or a line break), end punctuation included."""
    if start == 0 and end is None:
        return list(_all_sentences(text))
    return _split(text, _SENTENCES, start, end)


def enclosing(spans: list[Span], pos: int) -> Span | None:
    """The span that contains position `pos`."""
    for span in spans:
        if span.start <= pos < span.end:
            return span
    return None


def clause_around(text: str, start: int, end: int) -> Span:
    """The clause (between punctuation marks) containing text[start:end]."""
    left = start
    while left > 0 and text[left - 1] not in _CLAUSE_MARKS:
        left -= 1
    mark = _CLAUSE_END.search(text, end)
    right = mark.start() if mark else len(text)
    if right < len(text) and text[right] in "。！？!?；;":
        right += 1
    return trim(text, left, right)


def quote_span(text: str, start: int, end: int) -> Span:
    """text[start:end] trimmed and cut to at most MAX_QUOTE characters at a clause end."""
    span = trim(text, start, end)
    start, end = span.start, span.end
    if end - start > MAX_QUOTE:
        limit = start + MAX_QUOTE
        cut = max((m.end() for m in _CLAUSE_END.finditer(text, start, limit)), default=limit)
        end = cut if cut > start + 20 else limit
        end = trim(text, start, end).end
    return Span(start, end)


def evidence(text: str, start: int, end: int) -> Evidence:
    """Evidence for text[start:end], trimmed and cut to at most MAX_QUOTE characters at a clause end."""
    start, end = quote_span(text, start, end)
    return Evidence(quote=text[start:end], start=start, end=end)
