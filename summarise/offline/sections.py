"""Items of a digest: a page (a bulletin issue, a news round-up) that carries several separate
reports, each under its own heading line.

A heading line is a short line of prose words without sentence or clause punctuation, followed by
a line of prose; consecutive heading lines are one heading (pages that break lines inside words
split a heading too). Numbered headings (一、…, （二）…) are sections of one text, not items. A page is a digest when at least two of its items each report a meeting of
their own (a convening sentence, a chair, attendance or speeches): then no single event, chair or
lecturer belongs to the page.
"""
from __future__ import annotations

import re

from .kind import meeting_structure
from .text import Span, paragraphs

_PUNCT = re.compile(r"[。！？!?；;，,：:]")
_CJK = re.compile(r"[\u3400-\u9fff]")
# Numbered headings (一、 （二） 3. 第一) divide one text into sections, not a page into items.
_OUTLINE = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[、.．]|第[一二三四五六七八九十]+)")
_CONVENED = re.compile(r"(?:召开|举行|举办)[^。；;\n]{0,40}?(?:会议|会|培训班|讲座|论坛)")


def _heading(text: str, line: Span) -> bool:
    s = text[line.start:line.end]
    return len(s) <= 40 and not _PUNCT.search(s) and len(_CJK.findall(s)) >= 4 and not _OUTLINE.match(s)


def items(text: str, body_start: int = 0) -> list[tuple[Span, Span]]:
    """(heading, body) of each item after `body_start`, in order; empty when there are no headings."""
    lines = [p for p in paragraphs(text) if p.start >= body_start]
    out: list[tuple[Span, Span]] = []
    i = 0
    while i < len(lines):
        if not _heading(text, lines[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and _heading(text, lines[j + 1]):
            j += 1
        if j + 1 >= len(lines):
            break  # trailing navigation lines (时政要闻, 工作动态): no prose follows
        k = j + 1
        while k < len(lines) and not _heading(text, lines[k]):
            k += 1
        out.append((Span(lines[i].start, lines[j].end), Span(lines[j + 1].start, lines[k - 1].end)))
        i = k
    return out


def _reports_meeting(text: str, body: Span) -> bool:
    return bool(_CONVENED.search(text, body.start, body.end)) or bool(
        {"chair", "attendance"} & set(meeting_structure(text, body.start, body.end)))


def digest_items(text: str, body_start: int, headline: str | None) -> list[tuple[Span, Span]]:
    """The items when the page is a digest of separate meetings whose headline names none of them."""
    found = items(text, body_start)
    meetings = [it for it in found if _reports_meeting(text, it[1])]
    if len(meetings) < 2:
        return []
    head = re.sub(r"\s", "", headline or "")
    for heading, _ in found:
        h = re.sub(r"\s", "", text[heading.start:heading.end])
        if head and (h in head or head in h):
            return []  # the headline is one item's: that item is the page's report
    return found


# A chronicle (大事记): entries each opening with their own day (5日 …, 7月12日 …).
_DAY_ENTRY = re.compile(r"\s*(?:\d{1,2}月)?\d{1,2}日(?:[至到—-]\d{1,2}日)?[\s\u3000]")
CHRONICLE_MIN = 3


def chronicle_entries(text: str, body_start: int) -> list[Span]:
    """The entries when the page is a chronicle: at least CHRONICLE_MIN paragraphs after
    `body_start` open with a day and a space; each reports its own day's events."""
    entries = [p for p in paragraphs(text) if p.start >= body_start and _DAY_ENTRY.match(text, p.start, p.end)]
    return entries if len(entries) >= CHRONICLE_MIN else []

