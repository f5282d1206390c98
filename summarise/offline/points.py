"""Numbered lessons and directives: 一是…二是…, 一要…, 第一…, and paragraphs opening with 要…，."""
from __future__ import annotations

import re
from dataclasses import dataclass

from summarise.parse.numbers import scan

from .text import paragraphs, quote_span

NUMERALS = "一二三四五六七八九十"
_AFTER = r"\n。；;：:，,！？!?”」"  # a marker stands at the start or right after one of these
_MARKER = re.compile(
    rf"(?<![^{_AFTER}])\s*(?P<mark>第?(?P<num>十[一二三四五六七八九]?|[一二三四五六七八九])(?:是要|是|要|则|方面|、|，|,)?)"
)
# Where a match of _MARKER can start: white space, 第 or a numeral, at the start or after _AFTER.
_MARKER_FIRST = re.compile(rf"[\s第一二三四五六七八九十](?<![^{_AFTER}].)", re.S)
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_YAO_PARAGRAPH = re.compile(r"要[\u4e00-\u9fff]{1,8}[，,：:]")
_MEETING_VOICE = re.compile(r"(?:会议|会上|大会)(?:指出|强调|要求|明确|认为|提出|决定|研究|部署)")
_LESSON = re.compile(r"(经验|做法|启示|体会|成效|成绩)")
_PROBLEM = re.compile(r"(问题|不足|困难|短板|差距)")


@dataclass
class RawPoint:
    """A point before translation: number, kind, span of its text, and who said it."""

    number: int
    kind: str
    start: int
    end: int
    speaker: str | None


def numeral(s: str) -> int:
    """Value of a Chinese numeral from 一 to 十九."""
    if s.startswith("十"):
        return 10 + (NUMERALS.index(s[1]) + 1 if len(s) > 1 else 0)
    return NUMERALS.index(s) + 1


def _valid_marker(text: str, m: re.Match[str]) -> bool:
    mark = m.group("mark")
    ordinal = mark.startswith("第")
    rest = mark[len(m.group("num")) + (1 if ordinal else 0):]
    if rest in ("是", "是要", "要"):
        return True
    # 第一，/ 第二、 … (ordinals) but not bare 一、 outline headings or counts like 一个
    return ordinal and rest in ("、", "，", ",", "是", "要", "")  and not text.startswith(("个", "次", "批", "届"), m.end())


def _runs(text: str) -> list[list[re.Match[str]]]:
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for m in scan(_MARKER, _MARKER_FIRST, text):
        if not _valid_marker(text, m):
            continue
        n = numeral(m.group("num"))
        if n == 1:
            if len(current) >= 2:
                runs.append(current)
            current = [m]
        elif current and n == numeral(current[-1].group("num")) + 1:
            current.append(m)
        elif current and n <= numeral(current[-1].group("num")):
            # numbering restarts (another speaker's 一要… whose 一 was not seen): the list has ended,
            # and the later numbers (二要, 三要, 四要 …) belong to the other list, not to this one
            if len(current) >= 2:
                runs.append(current)
            current = []
    if len(current) >= 2:
        runs.append(current)
    return runs


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_END.search(text, pos)
    return m.end() if m else len(text)


def _kind(text: str, start: int, first_text: str) -> str:
    context = text[max(0, start - 80):start]
    if first_text.startswith("要") or "要" in first_text[:4]:
        return "directive"
    # the heading nearest the list decides: 取得的成效……存在的问题和困难：一是… lists problems
    lesson = max((m.end() for m in _LESSON.finditer(context)), default=-1)
    problem = max((m.end() for m in _PROBLEM.finditer(context)), default=-1)
    if lesson > problem:
        return "lesson"
    if problem >= 0:
        return "statement"
    return "directive"


def _speaker(anchors: list[tuple[int, str | None]], pos: int) -> str | None:
    speaker = None
    for at, name in anchors:
        if at >= pos:
            break
        speaker = name
    return speaker


def find_points(text: str, anchors: list[tuple[int, str | None]]) -> list[RawPoint]:
    """Enumerated points in text order; `anchors` are (position, speaker) where someone starts speaking."""
    anchors = sorted(anchors + [(m.start(), None) for m in _MEETING_VOICE.finditer(text)],
                     key=lambda a: a[0])
    points: list[RawPoint] = []
    for run in _runs(text):
        first_body = text[run[0].end():run[0].end() + 6]
        kind = _kind(text, run[0].start("mark"), run[0].group("mark")[-1:] + first_body)
        for i, m in enumerate(run):
            start = m.start("mark")
            end = run[i + 1].start("mark") if i + 1 < len(run) else _sentence_end(text, m.end())
            end = min(end, _sentence_end(text, m.end()) if i + 1 == len(run) else end)
            points.append(RawPoint(numeral(m.group("num")), kind, start, end, _speaker(anchors, start)))
    yao = [p for p in paragraphs(text) if _YAO_PARAGRAPH.match(text, p.start, p.end)]
    if len(yao) >= 2:
        for i, p in enumerate(yao, 1):
            if any(q.start <= p.start < q.end for q in points):
                continue
            points.append(RawPoint(i, "directive", p.start, _sentence_end(text, p.start), _speaker(anchors, p.start)))
    if not points:
        points += _arabic_lists(text, anchors) or _yao_clauses(text, anchors)
    points.sort(key=lambda p: p.start)
    return points


# An inline list after a colon: 做出具体安排：1、发放学习卡…。2、全体教职工…。3、…
_ARABIC = re.compile(r"(?<=[：:。；;！!\n])\s*(?P<num>[1-9]\d?)[、.．](?!\d)")
# The directives of a speech as 要 clauses: 强调，要在学上下功夫；要在用上下功夫；要在行上下功夫。
_YAO_SERIES = re.compile(r"(?:强调|指出|要求|提出)[，,：:]")
_CLAUSE_BREAK = re.compile(r"[；;。]")
YAO_SKIP = 2  # clauses of the speaker's own sentence before the 要 run starts
_YAO_CLAUSE = re.compile(r"要[^；;。]{2,}?(?=[；;。])")


def _arabic_lists(text: str, anchors: list[tuple[int, str | None]]) -> list[RawPoint]:
    """Items 1、2、3… of one paragraph, each running to the next number (two or more, in order)."""
    out: list[RawPoint] = []
    for para in paragraphs(text):
        marks = list(_ARABIC.finditer(text, para.start, para.end))
        run: list[re.Match[str]] = []
        for m in marks:
            if int(m.group("num")) == len(run) + 1:
                run.append(m)
        if len(run) >= 2 and text[max(para.start, run[0].start() - 1)] in "：:":
            for i, m in enumerate(run):
                end = run[i + 1].start() if i + 1 < len(run) else _sentence_end(text, m.end())
                out.append(RawPoint(i + 1, "directive", m.start("num"), end, _speaker(anchors, m.start())))
    return out


def _yao_clauses(text: str, anchors: list[tuple[int, str | None]]) -> list[RawPoint]:
    """Two or more consecutive 要… clauses or sentences (ending in ；or 。) in the paragraph of a
    speaker's 强调/指出/要求 (X强调，…任务。要在学上下功夫…。要在用上下功夫…。)."""
    out: list[RawPoint] = []
    for lead in _YAO_SERIES.finditer(text):
        para_end = text.find("\n", lead.end())
        para_end = len(text) if para_end < 0 else para_end
        pos, skipped = lead.end(), 0
        run: list[re.Match[str]] = []
        while pos < para_end:
            m = _YAO_CLAUSE.match(text, pos)
            if m is None:
                skipped += 1
                if run or skipped > YAO_SKIP:
                    break
                nxt = _CLAUSE_BREAK.search(text, pos, para_end)  # not yet a 要 clause: try the next
                if nxt is None:
                    break
                pos = nxt.end()
                continue
            run.append(m)
            pos = m.end() + 1
        if len(run) >= 2:
            for i, c in enumerate(run, 1):
                out.append(RawPoint(i, "directive", c.start(), c.end() + 1, _speaker(anchors, lead.start())))
    return out


def point_text(text: str, point: RawPoint) -> tuple[str, int, int]:
    """The point's wording (≤ 300 characters, cut at a clause end) and its span."""
    start, end = quote_span(text, point.start, point.end)
    quote = text[start:end].rstrip("；;，,、")
    return quote, start, start + len(quote)
