"""Free text (the summary) checked against the article, and a summary composed from grounded facts.

A summary carries no quote, so it is checked for what it must not invent:
- Chinese: every number (digits; a count in Chinese numerals) and every date is one the article
  states (or the grounded event date); every person the answer names, and every name written after a
  title (副总理王大明), occurs in the article; a place where the event was held (在…召开) is the
  article's; nothing that grounding rejected (a place, a body, a name) comes back in it.
- English: every number corresponds to a number of the article (a figure multiplied out, in
  billions or hectares as the notes write them, a date, a count of the grounded facts); every pinyin
  personal name is a grounded person's or reads a name the article writes.
A summary that fails is re-asked; what is still failing is replaced by `composed(facts)`.
"""
from __future__ import annotations

import json
import re
import unicodedata
from contextlib import suppress
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from summarise.english.glossary import glossary
from summarise.english.romanise import romanise_name
from summarise.offline import lexicon
from summarise.offline.surnames import PREPOSITIONS, surname_length
from summarise.parse.dates import DateMention, chronicle_days, find_dates
from summarise.parse.numbers import cn_numeral, find_figures
from summarise.schemas import Bilingual, Facts, Rejection

from . import claims

if TYPE_CHECKING:
    from .grounder import Grounder

_DIGITS = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?")
_GENERATION = re.compile(r"(?<![0-9０-９.])([0-9]0)后")
_CN_RUN = re.compile(r"[〇零一二三四五六七八九十百千万两]{1,8}")
_HELD_AT = re.compile(r"(?:在|于)([\u3400-\u9fff]{2,16}?)(?:召开|举行|举办|开幕)")
_EN_NUMBER = re.compile(
    r"(?<![\w.])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?(?:\s*(thousand|million|billion|trillion))?")
_EN_RANGE_SCALE = re.compile(r"\s*(?:[-–—~]|to)\s*[0-9][0-9,]*(?:\.[0-9]+)?\s*(thousand|million|billion|trillion)\b")
_SCALE = {None: 1, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_EN_NAME = re.compile(r"\b([A-Z][a-z]{0,5})[ ]([A-Z][a-z]{1,11}(?:-[a-z]{1,6})?)\b")
_MU_PER_HA = Decimal(15)
# An item of an enumeration: 第七, 七是, （七）, (7).
_ORDINAL = re.compile(r"第([一二三四五六七八九十]{1,3}|[0-9]{1,2})(?![0-9])|(?<![一二三四五六七八九十])([二三四五六七八九十]{1,3})是"
                      r"|[(（]([一二三四五六七八九十]{1,3}|[0-9]{1,2})[)）]")
MAX_ORDINAL = 30  # a longer "enumeration" is a number of something else (第100次)


def problems(summary: Bilingual, grounder: Grounder, grounded: Facts, proposed: Facts,
             rejected: list[Rejection]) -> list[str]:
    """What in the summary the article does not state (empty when nothing)."""
    out = _chinese(summary.zh, grounder, grounded, proposed, rejected)
    if summary.en:
        out += _english(summary.en, grounder, grounded, proposed)
    return out


# -- Chinese ------------------------------------------------------------------------------------
def _chinese(zh: str, g: Grounder, grounded: Facts, proposed: Facts, rejected: list[Rejection]) -> list[str]:
    out: list[str] = []
    text = unicodedata.normalize("NFKC", zh)
    stated = g.stated
    known = stated.numbers
    counts = _counts(grounded)
    event_year = grounded.event.date.value[:4] if grounded.event.date and grounded.event.date.value[:1] != "-" else None
    dated: list[tuple[int, int]] = []
    article_days = stated.days
    for mention in find_dates(text):
        dated.append((mention.start, mention.end))
        if mention.month and mention.day and (mention.month, mention.day) not in article_days \
                and not _is_event_date(grounded, mention.month, mention.day):
            out.append(f"summary: the date {mention.quote!r} is not in the article")
        if mention.year is not None and str(mention.year) not in known and str(mention.year) != event_year:
            out.append(f"summary: the year {mention.year} is not in the article")
    for m in _DIGITS.finditer(text):
        if any(a <= m.start() < b for a, b in dated):
            continue
        token = m.group().replace(",", "")
        if token not in known and not (token.isdigit() and int(token) in counts | stated.ordinals) \
                and token != event_year:
            out.append(f"summary: the number {m.group()!r} is not in the article")
    for fig in find_figures(text):
        if fig.numeral == "chinese" and (fig.value, fig.unit) not in stated.figures and not (
                fig.unit == "count" and int(fig.value) in counts | stated.ordinals):
            out.append(f"summary: {fig.quote!r} is not a number the article states")
    names = {p.name for p in proposed.people} | {p.speaker for p in proposed.points if p.speaker}
    for name in sorted(n for n in names if len(n) >= 2 and n in text):
        if name not in g.text:
            out.append(f"summary: {name!r} does not occur in the article")
    for readings in _titled_names(text):
        if not any(n in g.text for n in readings):
            out.append(f"summary: the name {readings[0]!r} does not occur in the article")
    for held in _HELD_AT.finditer(text):
        if not g.says(held.group(1)):
            out.append(f"summary: the place {held.group(1)!r} is not in the article")
    squeezed = claims.squeeze(text)
    for r in rejected:
        if r.field in ("event.place", "event.convened_by", "event.name", "event.topic", "headline"):
            said = _zh_of(r.value)
            if said and claims.squeeze(said) in squeezed:
                out.append(f"summary: repeats {said!r}, which the article does not state ({r.field})")
    return list(dict.fromkeys(out))


def _zh_of(value: str) -> str | None:
    try:
        data = json.loads(value)
    except ValueError:
        return value or None
    return data.get("zh") if isinstance(data, dict) else None


def _is_event_date(facts: Facts, month: int, day: int) -> bool:
    d = facts.event.date
    return d is not None and d.value.endswith(f"{month:02d}-{day:02d}")


LISTED = 4  # names a summary may list before it counts the rest ("X, Y, Z, W and 2 others spoke")


def _counts(facts: Facts) -> set[int]:
    """Numbers a summary may state about the facts themselves: 4 directives, 5 participants, 7 who
    spoke (等7人讲话), and the rest of them after the names it lists (and 2 others)."""
    found = {len(facts.points), len(facts.people), len(facts.figures), len(facts.attendee_groups)}
    for role in {r for p in facts.people for r in p.roles}:
        n = sum(role in p.roles for p in facts.people)
        found |= {n} | {n - k for k in range(1, LISTED + 1) if n > k}
    return found


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    from summarise.offline import vocab
    from summarise.offline.surnames import COMPOUND, SINGLE

    surnames = "".join(sorted(SINGLE))
    compound = "|".join(sorted(COMPOUND))
    return re.compile("(?:" + vocab.alternation(vocab.TITLE_SUFFIXES) + ")"
                      + rf"((?:{compound}|[{surnames}])[\u3400-\u9fff]{{1,2}})")


def _titled_names(text: str) -> list[tuple[str, str]]:
    """Names written right after a title (镇党委书记赵锡雄): (3-character reading, 2-character reading).
    A surname that is also a preposition, followed by a common word, is no name (书记向党员传达: 向 +
    党员); any other surname is (书记张国庆 is checked, though 国庆 is a word)."""
    sections = lexicon.sections()
    found = []
    for m in _title_pattern().finditer(text):
        name = m.group(1)
        rest = name[surname_length(name) or 1:]
        if name[0] in PREPOSITIONS and len(rest) == 2 and (rest in sections["word"] or rest in sections["given"]):
            continue
        found.append((name, name[:2]))
    return found


# -- English ------------------------------------------------------------------------------------
def _english(en: str, g: Grounder, grounded: Facts, proposed: Facts) -> list[str]:
    out: list[str] = []
    values = g.stated.values | {Decimal(n) for n in _counts(grounded) | g.stated.ordinals}
    if grounded.event.date is not None:
        values |= {Decimal(int(p)) for p in grounded.event.date.value.strip("-").split("-") if p.isdigit()}
    for m in _EN_NUMBER.finditer(en):
        whole, decimals, scale = m.group(1), m.group(2) or "", m.group(3)
        shared = _EN_RANGE_SCALE.match(en, m.end()) if scale is None else None
        if shared:  # 600–800 million: the scale is both ends'
            scale = shared.group(1)
        try:
            number = Decimal(whole.replace(",", "") + decimals)
        except InvalidOperation:
            continue
        factor = Decimal(_SCALE[scale])
        places = len(decimals) - 1 if decimals else 0  # ".33": two places; a number is rounded to what it shows
        tolerance = Decimal(10) ** -places / 2 * factor
        target = number * factor
        if not any(abs(target - v) <= tolerance for v in values):
            out.append(f"summary (English): the number {m.group().strip()!r} is not a number of the article")
    people = grounded.people
    allowed = {_key(p.name_en) for p in people if p.name_en} | {_key(romanised(p.name)) for p in people}
    for m in _EN_NAME.finditer(en):
        surname, given = m.group(1).lower(), m.group(2).lower().replace("-", "")
        if surname not in _surname_syllables() or not _is_pinyin(given):
            continue
        key = surname + given
        if key not in allowed and not _article_reads(g, surname, given) and not _named_place(g, m.group()):
            out.append(f"summary (English): the name {m.group()!r} is no grounded person's and not in the article")
    return list(dict.fromkeys(out))


def _named_place(g: Grounder, words: str) -> bool:
    """`words` are (part of) the glossary's English for a place the article writes (Hong Kong for
    香港特区): a place, not a person, though it reads as a surname and a given name."""
    low = words.lower()
    return any(low in en and zh in g.text for zh, en in _places())


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[str, str], ...]:
    """(Chinese, lower-case English) of the glossary's places."""
    return tuple((zh, en.lower()) for zh, (en, cat) in glossary().items() if cat == "place")


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _surname_syllables() -> dict[str, tuple[str, ...]]:
    return _surname_chars()


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    from summarise.normalise.pinyin import syllables

    return frozenset(s for s in syllables() if s.isascii())


@lru_cache(maxsize=4096)
def _is_pinyin(word: str) -> bool:
    """`word` splits into one to three toneless pinyin syllables (xixiong → xi + xiong)."""
    inventory = _syllables()

    def split(w: str, left: int) -> bool:
        if not w:
            return True
        if left == 0:
            return False
        return any(w[:n] in inventory and split(w[n:], left - 1) for n in range(min(6, len(w)), 0, -1))

    return split(word.replace("'", ""), 3)


def _article_reads(g: Grounder, surname: str, given: str) -> bool:
    """The article writes a name that reads surname + given in pinyin (习近平 for Xi Jinping): each
    character's readings from pypinyin's dictionary, no segmentation of the whole article."""
    text = g.text

    def reads(at: int, rest: str, left: int) -> bool:  # text[at:] reads `rest` in at most `left` characters
        if not rest:
            return True
        return left > 0 and at < len(text) and any(
            rest.startswith(r) and reads(at + 1, rest[len(r):], left - 1) for r in _readings(text[at]))

    return any(surname in _readings(ch) and reads(i + 1, given, 3) for i, ch in enumerate(text))


@lru_cache(maxsize=8192)
def _readings(ch: str) -> frozenset[str]:
    """Toneless readings of one character."""
    from pypinyin.pinyin_dict import pinyin_dict

    from summarise.normalise.pinyin import strip_tone

    raw = pinyin_dict.get(ord(ch))
    return frozenset(strip_tone(r)[0] for r in raw.split(",")) if raw else frozenset()


@lru_cache(maxsize=1)
def _surname_chars() -> dict[str, tuple[str, ...]]:
    """Pinyin of a surname → the surnames that read so (zhang → 张, 章)."""
    from summarise.offline.surnames import COMPOUND, SINGLE

    found: dict[str, list[str]] = {}
    for s in [*SINGLE, *COMPOUND]:
        found.setdefault(_key(romanised(s + "一")).removesuffix("yi"), []).append(s)
    return {k: tuple(v) for k, v in found.items()}


@lru_cache(maxsize=4096)
def romanised(name: str) -> str:
    return romanise_name(name)


# -- what the article states ----------------------------------------------------------------------
class Stated:
    """The numbers, dates and readings of one article, each computed once and only when needed."""

    def __init__(self, text: str, published: date | None) -> None:
        self.text, self.published = text, published

    @cached_property
    def numbers(self) -> set[str]:
        """Every number written in digits (and the publication year)."""
        found = {m.group().replace(",", "") for m in _DIGITS.finditer(unicodedata.normalize("NFKC", self.text))}
        found |= {t.rstrip("0").rstrip(".") for t in found if "." in t}
        # a generation (90后, 00后) is the decade English names: born in the 1990s
        found |= {("19" if int(m.group(1)) >= 20 else "20") + m.group(1) for m in _GENERATION.finditer(self.text)}
        if self.published is not None:
            found.add(str(self.published.year))
        return found

    @cached_property
    def dates(self) -> list[DateMention]:
        """The article's date mentions (`find_dates`)."""
        return find_dates(self.text)

    @cached_property
    def chronicle(self) -> list[DateMention]:
        """The days of a chronicle's entries (`chronicle_days`)."""
        return chronicle_days(self.text)

    @cached_property
    def days(self) -> set[tuple[int, int]]:
        """(month, day) of every date the article writes, and of its publication date."""
        found = {(m.month, m.day) for m in self.dates + self.chronicle if m.month and m.day}
        if self.published is not None:
            found.add((self.published.month, self.published.day))
        return found

    @cached_property
    def ordinals(self) -> set[int]:
        """How many items the article enumerates: n for each 第n, n是 or (n) it writes (七是 → seven
        aspects), so that a summary may count them."""
        found: set[int] = set()
        for m in _ORDINAL.finditer(unicodedata.normalize("NFKC", self.text)):
            run = next(g for g in m.groups() if g)
            n = int(run) if run.isdigit() else cn_numeral(run)
            if n is not None and 1 < n <= MAX_ORDINAL:
                found.add(n)
        return found

    @cached_property
    def figures(self) -> set[tuple[Decimal, str]]:
        """(value, unit) of every figure the article states, both ends of a range (6-8亿元)."""
        found: set[tuple[Decimal, str]] = set()
        for f in find_figures(self.text, quoted=True):
            found.add((f.value, f.unit))
            if f.upper is not None:
                found.add((f.upper, f.unit))
        return found

    @cached_property
    def values(self) -> set[Decimal]:
        """Every number the article states, as the English of a note may write it."""
        found: set[Decimal] = set()
        for token in self.numbers:
            with suppress(InvalidOperation):
                found.add(Decimal(token))
        for value, unit in self.figures:
            found.add(value)
            if unit == "mu":
                found.add(value / _MU_PER_HA)
        for m in _CN_RUN.finditer(self.text):  # 十一五 states 11 (the 11th Five-Year Plan)
            run = m.group()
            for i in range(1, len(run) + 1):
                n = cn_numeral(run[:i])
                if n is not None:
                    found.add(Decimal(n))
        for mention in self.dates:
            found |= {Decimal(x) for x in (mention.year, mention.month, mention.day) if x}
        return found


# -- the fallback -----------------------------------------------------------------------------------
def composed(facts: Facts) -> Bilingual | None:
    """A summary composed from the grounded facts alone (the notes' English for figures)."""
    from summarise.english.quantities import figure_english
    from summarise.offline.summary import build_summary

    if not (facts.event.name or facts.headline or facts.people or facts.figures or facts.points):
        return None
    return build_summary(facts, [figure_english(f) for f in facts.figures])
