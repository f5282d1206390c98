"""Date mentions in Chinese news and the rule that gives them a year.

Rule: a year stated in the text wins. Otherwise take the latest date with that month-day that is
not after the (trusted) publication date, but only when the gap is small (0–45 days by default);
otherwise keep the year open (ISO 8601 ``--MM-DD``) and say why. Relative days such as
``昨日(14日)`` resolve against the publication date when the stated day agrees.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from summarise.figures import cn_numeral

__all__ = ["DateMention", "ResolvedDate", "find_dates", "resolve_date", "parse_iso"]


@dataclass(frozen=True)
class DateMention:
    """A date as written. ``month`` is 0 when the text gives only a day (``昨日(14日)``, ``28日``
    with no month in reach); ``relative`` is the day offset a word like 昨日 states (−1)."""

    quote: str
    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    relative: int | None = None


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

_DATE_RE = re.compile(
    rf"(?<![0-9０-９A-Za-z.\-/])"
    rf"(?:(?P<iy>{_D}{{4}})(?P<sep>[-/.])(?P<im>{_D}{{1,2}})(?P=sep)(?P<id>{_D}{{1,2}})(?![0-9０-９])"
    rf"|(?:(?P<y>{_D}{{4}}|{_CN_Y})\s*年\s*)?(?P<m>{_D}{{1,2}}|{_CN_M})\s*月"
    rf"(?:\s*(?P<d>{_D}{{1,2}}|{_CN_D})(?P<dd>[日号號])?"
    rf"(?:\s*[-－—~～至到]\s*(?P<d2>{_D}{{1,2}}|{_CN_D})[日号號])?)?"
    rf"|(?P<rel>今日|今天|昨日|昨天|前日|前天|明日|明天)\s*[(（]\s*(?P<rd>{_D}{{1,2}})\s*日\s*[)）])"
)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}


def _int(s: str) -> int | None:
    s = s.strip()
    if s.isdigit():
        return int(s)
    if len(s) == 4 and all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    return cn_numeral(s)


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    last = calendar.monthrange(year if year else 2000, month)[1]  # 2000: leap, so --02-29 is allowed
    return 1 <= day <= last


def find_dates(text: str) -> list[DateMention]:
    """Date mentions in ``text``, in order: 2024年8月1日, 8月1日, 2024-08-02, 2018年1月, 昨日(14日).

    A bare day is kept only as the end of a range (``9月27日-28日``) and inherits the month and
    year of its start; other bare days (``14日上午``) are too ambiguous and are skipped.
    """
    out: list[DateMention] = []
    for m in _DATE_RE.finditer(text):
        g = m.groupdict()
        rel: int | None = None
        end = m.end()
        if g["iy"]:
            y, mo, d = _int(g["iy"]), _int(g["im"]), _int(g["id"])
        elif g["m"]:
            y = _int(g["y"]) if g["y"] else None
            mo = _int(g["m"])
            d = _int(g["d"]) if g["d"] else None
            if d is not None and not g["dd"] and y is None:
                d = None  # 8月1 without 日: a day is only trusted after a stated year (2011年09月26)
                end = text.index("月", m.start("m")) + 1
        elif g["rel"]:
            y, mo, d, rel = None, 0, _int(g["rd"]), _RELATIVE[g["rel"]]
        if mo is None or (mo and not _valid(y, mo, d)) or (mo == 0 and not (d and 1 <= d <= 31)):
            continue
        if y is not None and not 1000 <= y <= 2999:
            continue
        if g.get("d2") and d is not None:  # 9月27日-28日: the range end is a date of its own
            end = m.start("d2") - 1
            while text[end - 1] in " -－—~～至到":
                end -= 1
            d2 = _int(g["d2"])
            out.append(DateMention(text[m.start():end], m.start(), end, y, mo, d, rel))
            if d2 is not None and _valid(y, mo, d2):
                out.append(DateMention(text[m.start("d2"):m.end()], m.start("d2"), m.end(), y, mo, d2))
            continue
        out.append(DateMention(text[m.start():end], m.start(), end, y, mo, d, rel))
    return out


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
        if pub is None:
            return ResolvedDate(open_value, "open", "only a day is stated and there is no publication date")
        if mention.relative is not None:
            cand = pub + timedelta(days=mention.relative)
            if cand.day == d:
                return ResolvedDate(cand.isoformat(), "publication",
                                    f"relative day {mention.relative:+d} from the publication date {pub}")
            return ResolvedDate(open_value, "open",
                                f"day {d} disagrees with {mention.relative:+d} day(s) from the publication date {pub}")
        cand = pub.replace(day=d) if d <= pub.day else None
        if cand is None:
            prev = pub.replace(day=1) - timedelta(days=1)
            cand = prev.replace(day=d) if d <= calendar.monthrange(prev.year, prev.month)[1] else None
        if cand is not None and (pub - cand).days <= window_days:
            return ResolvedDate(cand.isoformat(), "publication", f"month and year taken from the publication date {pub}")
        return ResolvedDate(open_value, "open", f"only a day is stated; no match within {window_days} days before {pub}")
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
