"""Attendee groups described without names (相关部门负责人, 各村(社区)党委书记 …)."""
from __future__ import annotations

import re
from bisect import bisect_right

from .text import Span, sentences, trim

_ATTEND = re.compile(r"(?:在[^，,。；]{0,10}?会场|等[^，,。；]{0,8}?|共计[^，,。；]{0,8}?)?(?:参加|出席|列席|参会|与会)(?:了)?(?:会议|活动|大会|座谈会?|本次活动)?[。！；;]?$")
_ATTEND_WORD = re.compile(r"参加|出席|列席|参会|与会")
_GROUP_WORD = re.compile(r"(?:负责人|负责同志|人员|书记|代表|成员|干部|委员|领导|同志|职工|党员|镇长|局长|主任|客商|嘉宾)")
_LEAD = re.compile(r"^(?:来自|包括|其中|以及|和)")
_ITEM_SPLIT = re.compile(r"[、，,；;]|和|及|以及")


def _attendance_sentences(text: str) -> list[Span]:
    """The sentences that hold an attendance word, in order (one scan of the text)."""
    sents = sentences(text)
    starts = [s.start for s in sents]
    out: list[Span] = []
    for word in _ATTEND_WORD.finditer(text):
        i = bisect_right(starts, word.start()) - 1
        if i >= 0 and word.start() < sents[i].end and (not out or out[-1] is not sents[i]):
            out.append(sents[i])
    return out


def _last_clause_start(text: str, sent: Span) -> int:
    """Where the sentence's last clause starts: a match of _ATTEND ends the sentence and holds no
    ，,。； but as its last character, so it starts there or later (searching from the sentence's
    start tried _ATTEND's optional prefixes at every position before)."""
    marks = (text.rfind(c, sent.start, sent.end - 1) for c in "，,。；")
    return max(sent.start, max(marks) + 1)


def _merge_modifiers(text: str, items: list[tuple[int, int]], person_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Items without a group word joined to the next item that has one: 自然资源、城市更新、工信等部门
    工作人员 is one group (the departments qualify 工作人员), not three items of which two are dropped."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for a, b in items:
        if _GROUP_WORD.search(text, a, b):
            out.append((a if start is None else start, b))
            start = None
        elif any(s < b and a < e for s, e in person_spans):
            start = None  # a name (区领导朱江、杨光华以及…) qualifies no group
        elif start is None:
            start = a
    return out


def find_groups(text: str, person_spans: list[tuple[int, int]], names: tuple[str, ...] = ()) -> list[Span]:
    """Unnamed groups listed as the subject of an attendance sentence; an item holding a person's
    name (区领导张胜良, at a later mention than the one `person_spans` holds) is that person, no group."""
    out: list[Span] = []
    for sent in _attendance_sentences(text):
        m = _ATTEND.search(text, _last_clause_start(text, sent), sent.end)
        if not m:
            continue
        pos = sent.start
        items = []
        for sep in _ITEM_SPLIT.finditer(text, sent.start, m.start()):
            inside = text[pos:sep.start()]
            if inside.count("（") + inside.count("(") > inside.count("）") + inside.count(")"):
                continue  # 各县（市、区）委书记: a separator inside parentheses
            items.append((pos, sep.start()))
            pos = sep.end()
        items.append((pos, m.start()))
        items = _merge_modifiers(text, items, person_spans)
        for a, b in items:
            span = trim(text, a, b)
            lead = _LEAD.match(text[span.start:span.end])
            if lead:
                span = Span(span.start + lead.end(), span.end)
            item = text[span.start:span.end]
            if not (2 <= len(item) <= 40) or not _GROUP_WORD.search(item):
                continue
            if any(s < span.end and span.start < e for s, e in person_spans) or any(n in item for n in names):
                continue
            out.append(span)
    return out
