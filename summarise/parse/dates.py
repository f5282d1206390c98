"""Date mentions in Chinese news and the rule that gives them a year.

Rule: a year stated in the text wins. Otherwise take the latest date with that month-day that is
not after the (trusted) publication date, but only when the gap is small (0–45 days by default);
a date after the publication date never takes its year (seed 001: a repost stamped before the
month-day it reports says nothing about the year); otherwise keep the year open (ISO 8601 ``--MM-DD``) and say why. When the publication date
gives no year, a year the same sentence states for the event it reports is taken
(``3月27至28日，…召开2012年纪检监察工作会议`` → 2012-03-27; also ``召开2015年度…工作会议``, the
year's own work meeting), unless the sentence looks back (年度总结, 表彰 …). Relative days such as ``昨日(14日)`` resolve against the publication date when
the stated day agrees, and so does a bare day in a report's lead (``交流会24日在京召开``) when
it falls within the window.
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from summarise.parse.numbers import cn_numeral, scan

__all__ = ["DateMention", "ResolvedDate", "find_dates", "parse_iso", "resolve_date"]


@dataclass(frozen=True)
class DateMention:
    """A date as written. ``month`` is 0 when the text gives only a day (``昨日(14日)``, ``28日``
    with no month in reach); ``relative`` is the day offset a word like 昨日 states (−1);
    ``context_year`` is the year the sentence gives the event it dates (``3月27日，…召开2012年…
    工作会议``), used only when the publication date cannot give one."""

    quote: str
    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    relative: int | None = None
    context_year: int | None = None


@dataclass(frozen=True)
class ResolvedDate:
    """``value`` is ISO 8601: ``2024-08-01``, ``2024-08``, ``--11-12`` (year open), ``---14``."""

    value: str
    year_basis: Literal["stated", "publication", "open"]
    note: str | None = None


_D = r"[0-9０-９]"
_CN_Y = r"[〇零一二三四五六七八九○]{4}"
_CN_M = r"十[一二]?|[一二三四五六七八九]"
_CN_D = r"[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_RELATIVE = {"今日": 0, "今天": 0, "昨日": -1, "昨天": -1, "前日": -2, "前天": -2, "明日": 1, "明天": 1}

_NOT_AFTER = r"0-9０-９A-Za-z.\-/"  # a date does not start right after these
_DATE_BODY = (
    rf"(?:(?P<iy>{_D}{{4}})(?P<sep>[-/.])(?P<im>{_D}{{1,2}})(?P=sep)(?P<id>{_D}{{1,2}})"
    rf"(?:(?![0-9０-９])|(?<=[-/.]{_D}{_D})(?P<glued>(?={_D}{{1,2}}\s*月)))"
    rf"|(?:(?P<y>{_D}{{4}}|{_CN_Y})\s*年\s*)?(?P<m>{_D}{{1,2}}|{_CN_M})\s*月"
    rf"(?:\s*(?P<d>{_D}{{1,2}}|{_CN_D})\s*(?P<dd>[日号號])?"
    rf"(?:\s*[-－—~～至到]\s*(?P<d2>{_D}{{1,2}}|{_CN_D})[日号號])?)?"
    rf"|(?P<rel>今日|今天|昨日|昨天|前日|前天|明日|明天)\s*[(（]\s*(?P<rd>{_D}{{1,2}})\s*日\s*[)）]"
    rf"|(?<![月年第])(?P<bd>{_D}{{1,2}})(?:(?P<bdd>[日号])?\s*[-－—~～至到]\s*(?P<bd2>{_D}{{1,2}})[日号](?![内后])"
    rf"|[日号](?=(?:上午|下午|晚上|晚|早上)?[，,]?(?:在|于)?[^，,。；;！？\n]{{0,30}}?(?:召开|举行|举办|开幕|闭幕))))"
)
_DATE_RE = re.compile(rf"(?<![{_NOT_AFTER}]){_DATE_BODY}")
# A date written right after a dateline with nothing between (宣布时间:2019-07-036月29日): read where
# the dateline's two-digit day ends, which _DATE_RE's lookbehind (no date right after a digit) skips.
_GLUED_DATE = re.compile(_DATE_BODY)
# Where a match of _DATE_RE can start: a digit, a Chinese numeral or a relative day word, not
# right after _NOT_AFTER (the lookbehind, checked on the character before the candidate).
_DATE_FIRST = re.compile(rf"[0-9０-９〇零一二三四五六七八九○十今昨前明](?<![{_NOT_AFTER}].)", re.S)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}


def _int(s: str) -> int | None:
    s = s.strip()
    if s.isdigit():
        return int(s)
    if len(s) == 4 and all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    return cn_numeral(s)


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    """Days in the month (calendar.monthrange without its weekday, which costs more)."""
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    last = _days_in_month(year if year else 2000, month)  # 2000: leap, so --02-29 is allowed
    return 1 <= day <= last


def _matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of _DATE_RE, each dateline followed by the date glued to it, if any."""
    for m in scan(_DATE_RE, _DATE_FIRST, text):
        yield m
        if m.group("glued") is not None and _valid(_int(m["iy"]), _int(m["im"]) or 0, _int(m["id"])):
            glued = _GLUED_DATE.match(text, m.end())
            if glued is not None and glued.group("m"):
                yield glued


def find_dates(text: str) -> list[DateMention]:
    """Date mentions in ``text``, in order: 2024年8月1日, 8月1日, 2024-08-02, 2018年1月, 昨日(14日).

    A range's first day needs no 日 (``3月27至28日``); its end (``28日``) inherits the month and
    year of the start. A day without a month (month 0) is kept only in a range (``27日至28日``)
    or when a convening verb follows in its clause (``24日在京召开``, ``24日上午，…召开``): the
    lead of a report dated by its dateline; other bare days (``14日上午``) are too ambiguous.
    """
    out: list[DateMention] = []
    for m in _matches(text):
        g = m.groupdict()
        rel: int | None = None
        end = m.end()
        if g["iy"]:
            y, mo, d = _int(g["iy"]), _int(g["im"]), _int(g["id"])
        elif g["m"]:
            y = _int(g["y"]) if g["y"] else None
            mo = _int(g["m"])
            d = _int(g["d"]) if g["d"] else None
            if d is not None and not g["dd"] and y is None and not g["d2"]:
                d = None  # 8月1 without 日: a day is only trusted after a stated year (2011年09月26)
                end = text.index("月", m.start("m")) + 1
        elif g["rel"]:
            y, mo, d, rel = None, 0, _int(g["rd"]), _RELATIVE[g["rel"]]
        else:  # a day without its month: 27日至28日, 24日在京召开
            y, mo, d = None, 0, _int(g["bd"])
            if g["bd2"]:
                end = m.start("bd") + len(g["bd"]) + (1 if g["bdd"] else 0)
                out.append(DateMention(text[m.start():end], m.start(), end, y, mo, d))
                d2 = _int(g["bd2"])
                if d2 is not None and 1 <= d2 <= 31:
                    out.append(DateMention(text[m.start("bd2"):m.end()], m.start("bd2"), m.end(), y, mo, d2))
                continue
        if mo is None or (mo and not _valid(y, mo, d)) or (mo == 0 and not (d and 1 <= d <= 31)):
            continue
        if y is not None and not 1000 <= y <= 2999:
            continue
        if g.get("d2") and d is not None:  # 9月27日-28日, 3月27至28日: the range end is a date of its own
            end = m.start("d2") - 1
            while text[end - 1] in " -－—~～至到":
                end -= 1
            d2 = _int(g["d2"])
            out.append(DateMention(text[m.start():end], m.start(), end, y, mo, d, rel))
            if d2 is not None and _valid(y, mo, d2):
                out.append(DateMention(text[m.start("d2"):m.end()], m.start("d2"), m.end(), y, mo, d2))
            continue
        out.append(DateMention(text[m.start():end], m.start(), end, y, mo, d, rel))
    return _with_context_years(text, out)


# The year of the event a sentence reports (召开2012年纪检监察工作会议, 2018年第2期清风中原大讲堂在
# 郑州举行), not a year the sentence looks back on (2011年度总结表彰大会, 回顾2017年工作).
_CLAUSE_STOP = re.compile(r"[，,、。！？!?；;：:\n]")
_CLAUSE_JOIN = "，,、"  # stops that continue the sentence
_CONVENED = re.compile(r"召开|举行|举办|开幕|闭幕")
_CONVENED_AT = re.compile(rf"(?=(?:{_CONVENED.pattern}))")
# A year written right before the quoted name of the event counts too (广西2014“中国－东盟大讲坛”第三期…举行).
_YEAR_BODY = (rf"((?:19|20)[0-9]{{2}})(?:年(?![底末终初]|度(?![^，,。；;]{{0,30}}?工作会议)"
              rf"|\s*(?:{_D}{{1,2}}|{_CN_M})\s*月)|(?=[“\"《「]))")
_CONTEXT_YEAR = re.compile(rf"(?<![0-9０-９第]){_YEAR_BODY}")  # 第2014: an ordinal
_CONTEXT_YEAR_FIRST = re.compile(_YEAR_BODY)  # at the start of a scope, where nothing precedes it
# 年度 looks back (2018年度总结表彰大会) unless it names the year's own work meeting (召开2015年度
# 职业教育与继续教育工作会议: the meeting that plans that year's work, held in it).
_RETROSPECTIVE = re.compile(r"总结|表彰|年终|回顾|年度(?![^，,。；;]{0,30}?工作会议)|上年|去年")
_RETROSPECTIVE_AT = re.compile(rf"(?=(?:{_RETROSPECTIVE.pattern}))")


def _with_context_years(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Each mention with the year stated between it and the end of the first clause after it that
    convenes something (3月27至28日，陕西中烟在西安召开2012年…工作会议，…).

    A mention's scope runs from its end to the end of that clause, within its sentence. The clauses,
    and the years and retrospective words in every scope, are found in one pass per scope end, so
    a sentence of thousands of dates costs time linear in its length.
    """
    wanted = [i for i, d in enumerate(mentions) if d.year is None and d.month and d.day]
    if not wanted:
        return mentions
    stops = list(_CLAUSE_STOP.finditer(text))
    starts = [m.start() for m in stops]
    convened = [m.start() for m in _CONVENED_AT.finditer(text)]
    # reach[k]: the end of the first convening clause met going on from clause k (which ends at stop
    # k, or the text's end), through clause-joining stops only; None when the sentence ends first
    reach: list[int | None] = [None] * (len(stops) + 1)
    for k in range(len(stops), -1, -1):
        lo = stops[k - 1].end() if k else 0
        hi = starts[k] if k < len(stops) else len(text)
        if _any_in(convened, lo, hi):
            reach[k] = hi
        elif k < len(stops) and stops[k].group() in _CLAUSE_JOIN:
            reach[k] = reach[k + 1]
    scopes: dict[int, list[int]] = {}
    for i in wanted:
        begin = mentions[i].end
        if begin >= len(text):
            continue
        k = bisect_left(starts, begin)
        hi = starts[k] if k < len(stops) else len(text)
        end = hi if _any_in(convened, begin, hi) else (
            reach[k + 1] if k < len(stops) and stops[k].group() in _CLAUSE_JOIN else None)
        if end is not None:
            scopes.setdefault(end, []).append(i)
    out = list(mentions)
    for end, members in scopes.items():
        for i, year in _scope_years(text, [mentions[i].end for i in members], end, members):
            d = mentions[i]
            if year is not None and _valid(year, d.month, d.day):
                out[i] = DateMention(d.quote, d.start, d.end, d.year, d.month, d.day, d.relative, year)
    return out


def _any_in(positions: list[int], lo: int, hi: int) -> bool:
    """Whether a sorted list holds a position in [lo, hi)."""
    k = bisect_left(positions, lo)
    return k < len(positions) and positions[k] < hi


def _scope_years(text: str, begins: list[int], end: int, members: list[int]) -> list[tuple[int, int | None]]:
    """(member, its context year or None) for scopes text[begin:end] sharing one end: the year when
    the scope states exactly one and looks back on nothing."""
    lowest = min(begins)
    years = [(m.start(), int(m.group(1))) for m in _CONTEXT_YEAR.finditer(text, lowest, end)]
    retro = [m.start() for m in _RETROSPECTIVE_AT.finditer(text, lowest, end)]
    last_retro = max(retro, default=-1)
    result: list[tuple[int, int | None]] = []
    seen: set[int] = set()  # years of the matches after the current begin (two are enough to know)
    j = len(years)
    for begin, member in sorted(zip(begins, members), reverse=True):
        while j and years[j - 1][0] > begin:
            j -= 1
            if len(seen) < 2:
                seen.add(years[j][1])
        found = set(seen)
        first = _CONTEXT_YEAR_FIRST.match(text, begin, end)
        if first is not None:
            found.add(int(first.group(1)))
        ok = len(found) == 1 and last_retro < begin
        result.append((member, found.pop() if ok else None))
    return result


def parse_iso(s: str | None) -> date | None:
    """A date from ``2024-08-02``, ``2024/8/2``, ``2024.08.02``, ``2024年8月2日`` or an ISO datetime."""
    if not s:
        return None
    s = s.strip()
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", s)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _latest_on_or_before(month: int, day: int, pub: date) -> date | None:
    for year in range(pub.year, pub.year - 5, -1):
        if _valid(year, month, day):
            cand = date(year, month, day)
            if cand <= pub:
                return cand
    return None


def resolve_date(mention: DateMention, published: str | date | None, *, window_days: int = 45) -> ResolvedDate:
    """Give ``mention`` a year by the rule in the module docstring; explain in ``note`` when not."""
    pub = published if isinstance(published, date) else parse_iso(published)
    m, d = mention.month, mention.day
    if mention.year is not None:
        value = f"{mention.year:04d}-{m:02d}" + (f"-{d:02d}" if d else "")
        return ResolvedDate(value, "stated")
    if m == 0:  # day only
        open_value = f"---{d:02d}"
        assert d is not None  # a day-only mention has its day (the line above formats it)
        if pub is None:
            return ResolvedDate(open_value, "open", "only a day is stated and there is no publication date")
        if mention.relative is not None:
            shifted = pub + timedelta(days=mention.relative)
            if shifted.day == d:
                return ResolvedDate(shifted.isoformat(), "publication",
                                    f"relative day {mention.relative:+d} from the publication date {pub}")
            return ResolvedDate(open_value, "open",
                                f"day {d} disagrees with {mention.relative:+d} day(s) from the publication date {pub}")
        cand = pub.replace(day=d) if d <= pub.day else None
        if cand is None:
            prev = pub.replace(day=1) - timedelta(days=1)
            cand = prev.replace(day=d) if d <= _days_in_month(prev.year, prev.month) else None
        if cand is not None and (pub - cand).days <= window_days:
            return ResolvedDate(cand.isoformat(), "publication", f"month and year taken from the publication date {pub}")
        return ResolvedDate(open_value, "open", f"only a day is stated; no match within {window_days} days before {pub}")
    resolved = _resolve_month_day(m, d, pub, window_days)
    if resolved.year_basis == "open" and mention.context_year is not None and d:
        return ResolvedDate(f"{mention.context_year:04d}-{m:02d}-{d:02d}", "stated",
                            f"year stated in the same sentence for the event it reports ({mention.context_year}年)")
    return resolved


def _resolve_month_day(m: int, d: int | None, pub: date | None, window_days: int) -> ResolvedDate:
    md = f"{m:02d}" + (f"-{d:02d}" if d else "")
    if pub is None:
        return ResolvedDate(f"--{md}", "open", "year not stated and no publication date")
    if d is None:
        months_back = (pub.year * 12 + pub.month - 1) - ((pub.year if m <= pub.month else pub.year - 1) * 12 + m - 1)
        year = pub.year if m <= pub.month else pub.year - 1
        if months_back * 30 <= window_days:
            return ResolvedDate(f"{year:04d}-{m:02d}", "publication", f"year taken from the publication date {pub}")
        return ResolvedDate(f"--{md}", "open",
                            f"year not stated; month {m} is {months_back} months before the publication date {pub}")
    cand = _latest_on_or_before(m, d, pub)
    if cand is not None:
        gap = (pub - cand).days
        if gap <= window_days:
            return ResolvedDate(cand.isoformat(), "publication",
                                f"year not stated; taken from the publication date {pub} ({gap} day{'s' if gap != 1 else ''} later)")
        after = f"{md} in {pub.year} would fall after the publication date {pub}; " if cand.year < pub.year else ""
        return ResolvedDate(f"--{md}", "open",
                            f"year not stated; {after}the latest earlier {md} is {gap} days before {pub}, "
                            f"outside the {window_days}-day window")
    return ResolvedDate(f"--{md}", "open", f"year not stated; no {md} on or before {pub}")




DATELINE_CHARS = 160  # how far into the article a dateline (2016-08-26 11:46 太行日报) may stand
_YEAR_IN_TITLE = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})\s*年")


def dateline(text: str) -> date | None:
    """The full date at the head of the article (a dateline such as ``2016-08-26 11:46 太行日报`` or
    ``2024年8月2日 来源：…``), which dates the report as a publication date does; None without one."""
    for mention in find_dates(text[:DATELINE_CHARS]):
        if mention.year is not None and mention.month and mention.day:
            try:
                return date(mention.year, mention.month, mention.day)
            except ValueError:
                return None
    return None


def headline_year(title: str | None) -> int | None:
    """The one year a headline states (``2021年度“七一”表彰大会`` → 2021); None for none or several."""
    years = {int(y) for y in _YEAR_IN_TITLE.findall(title or "")}
    return years.pop() if len(years) == 1 else None


_MONTH_LINE = re.compile(rf"^[ \t\u3000]*({_D}{{1,2}}|{_CN_M})\s*月[ \t\u3000]*$", re.M)
_DAY_LINE = re.compile(rf"^[ \t\u3000]*({_D}{{1,2}})\s*[日号](?![0-9０-９])", re.M)


def chronicle_days(text: str) -> list[DateMention]:
    """The days of a chronicle (大事记): a line that is only a month (``7月``), then lines that open with
    a day (``1日 在全市防汛视频调度会议后,…``); each day with the month of the line above it."""
    months = [(m.end(), _int(m.group(1))) for m in _MONTH_LINE.finditer(text)]
    if not months:
        return []
    out: list[DateMention] = []
    for m in _DAY_LINE.finditer(text, months[0][0]):
        month = next((mo for end, mo in reversed(months) if end <= m.start()), None)
        day = _int(m.group(1))
        if month and day and _valid(None, month, day):
            out.append(DateMention(m.group().strip(), m.start(1), m.end(), None, month, day))
    return out
