"""Spans of the article: sentences, clauses, paragraphs, and evidence built from offsets."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from summarise.schemas import Evidence

MAX_QUOTE = 300
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_CLAUSE_END = re.compile(r"[。！？!?；;，,：:\n]")
_TRIM = " \t\u3000\r\n"


@dataclass(frozen=True)
class Span:
    """A half-open character range of the article text."""

    start: int
    end: int

    def text(self, doc_text: str) -> str:
        return doc_text[self.start:self.end]


def _split(text: str, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> Iterator[Span]:
    end = len(text) if end is None else end
    pos = start
    for m in pattern.finditer(text, start, end):
        if m.end() > pos:
            span = trim(text, pos, m.end())
            if span.end > span.start:
                yield span
        pos = m.end()
    if pos < end:
        span = trim(text, pos, end)
        if span.end > span.start:
            yield span


def trim(text: str, start: int, end: int) -> Span:
    """The span without surrounding whitespace."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return Span(start, end)


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines."""
    return list(_split(text, re.compile(r"\n")))


@lru_cache(maxsize=16)
def _all_sentences(text: str) -> tuple[Span, ...]:
    return tuple(_split(text, _SENTENCE_END))


def clear_cache() -> None:
    """Forget the sentences of earlier texts."""
    _all_sentences.cache_clear()


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences (ending with 。！？； or a line break), end punctuation included."""
    if start == 0 and end is None:
        return list(_all_sentences(text))
    return list(_split(text, _SENTENCE_END, start, end))


def enclosing(spans: list[Span], pos: int) -> Span | None:
    """The span that contains position `pos`."""
    for span in spans:
        if span.start <= pos < span.end:
            return span
    return None


def clause_around(text: str, start: int, end: int) -> Span:
    """The clause (between punctuation marks) containing text[start:end]."""
    left = start
    while left > 0 and not _CLAUSE_END.match(text[left - 1]):
        left -= 1
    right = end
    while right < len(text) and not _CLAUSE_END.match(text[right]):
        right += 1
    if right < len(text) and text[right] in "。！？!?；;":
        right += 1
    return trim(text, left, right)


def evidence(text: str, start: int, end: int) -> Evidence:
    """Evidence for text[start:end], trimmed and cut to at most MAX_QUOTE characters at a clause end."""
    span = trim(text, start, end)
    start, end = span.start, span.end
    if end - start > MAX_QUOTE:
        limit = start + MAX_QUOTE
        cut = max((m.end() for m in _CLAUSE_END.finditer(text, start, limit)), default=limit)
        end = cut if cut > start + 20 else limit
        end = trim(text, start, end).end
    return Evidence(quote=text[start:end], start=start, end=end)
