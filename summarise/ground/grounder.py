"""Grounding: every fact must be stated by the article, next to that fact's own evidence.

`Grounder.review(facts)` returns the facts with spans filled in and everything unsupported removed
(or set to null) and reported as a `Rejection` naming the field; `GroundedFacts` fails validation
while anything is rejected, so instructor re-asks with `reasons(rejected)`. Quotes match exactly,
or after folding punctuation width and white space only; the shipped quote is then replaced by the
article's own characters. What each field needs is in README "How it works" → Ground; the claim
checks (roles, titles, speakers, what a figure measures) are in `claims.py`, the summary's in
`freetext.py`.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from summarise import redact
from summarise.parse.dates import (
    DateMention,
    ResolvedDate,
    dateline,
    find_dates,
    headline_year,
    parse_iso,
    resolve_date,
)
from summarise.parse.numbers import find_figures, parse_figure, values_agree
from summarise.schemas import Bilingual, EventDate, Evidence, Facts, Figure, Person, Point, Rejection

from . import claims, freetext, lenient

_FOLD = str.maketrans({
    "，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")",
    "“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"',
    "、": ",", "—": "-", "－": "-", "～": "~",
})
QUOTED = ("people", "figures", "points", "attendee_groups")  # the lists of facts that carry a quote
MEASURES_OVERLAP = 0.6  # share of a figure's `measures` that its sentence must write
MEASURES_LEAD = 60  # characters before the figure's sentence that may say what it counts (a heading)
# What a count of people (4个联系人, 50个人) is followed by: a count (个) the answer may call `person`.
# 户 counts businesses as well as households (9户…重大危险源企业): a count when the clause says so.
_BUSINESSES_AFTER = re.compile(r"[^。；;！？!?\n，,]{0,30}?(?:企业|公司|商户|经营户|经营主体|市场主体|个体户|工厂|厂家|门店|单位)")
DEPARTURE_MIN = 4  # a shorter opening in common says nothing of where the quote was taken from
_PEOPLE_AFTER = re.compile(r"[\u3400-\u9fff]{0,3}?(?:人|员|者|同志|干部|党员|群众|代表|学生|专家|教师|职工|委员"
                           r"|书记|主任|(?:农|村|居|市|渔|牧)民(?!小组|委员会|委|组|专业|合作|协会|学校|夜校|企业|公司|工作|服务|中心)|师生|家长|儿童|老人|妇女)")
# What joins the parts of a place, body or topic described in the article's words.
_PARTS = re.compile(r"[()（）、，,;；/]|及|和|与|以及")
# An abbreviation aside the article writes inside a name (《…条例》(以下简称《条例》)解读): a name quoted
# without it is still the article's.
_ALIAS_ASIDE = re.compile(r"[（(](?:以下简称|以下称|下称|简称)[^（()）\n]{1,20}[）)]")
_DATE_VALUE = re.compile(r"^(?:(?P<y>[0-9]{4})|-)-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?$")


def _span(ev: Evidence) -> tuple[int, int]:
    """Where located evidence stands in the text (grounding sets both ends of every quote it keeps)."""
    if ev.start is None or ev.end is None:
        raise ValueError(f"the quote {ev.quote!r} has not been located in the article")
    return ev.start, ev.end


def _fold_char(ch: str) -> str:
    if ch.isspace():
        return ""
    return unicodedata.normalize("NFKC", ch).translate(_FOLD)[:1] or ""


@dataclass
class Grounder:
    """Checks facts against one normalised article (its page title and publication date as context)."""

    text: str
    published: str | None = None
    title: str | None = None

    @cached_property
    def _folded(self) -> tuple[str, list[int]]:
        chars: list[str] = []
        index: list[int] = []
        for i, ch in enumerate(self.text):
            f = _fold_char(ch)
            if f:
                chars.append(f)
                index.append(i)
        return "".join(chars), index

    @cached_property
    def _published(self) -> date | None:
        """The publication date the page states, else the article's dateline (not a date in a link's path:
        an address is no date the page states)."""
        return parse_iso(self.published) or dateline(self.text)

    @cached_property
    def squeezed(self) -> str:
        return claims.squeeze(self.text)

    @cached_property
    def _squeezed_without_asides(self) -> str | None:
        """The squeezed text with its abbreviation asides left out (None when it writes none)."""
        if _ALIAS_ASIDE.search(self.text) is None:
            return None
        return claims.squeeze(_ALIAS_ASIDE.sub("", self.text))

    @cached_property
    def stated(self) -> freetext.Stated:
        """The article's numbers, dates and readings, for checking free text."""
        return freetext.Stated(self.text, self._published)

    def locate(self, quote: str) -> tuple[int, int] | None:
        """Span of `quote` in the text: exact, else modulo punctuation width and white space."""
        if not quote:
            return None
        at = self.text.find(quote)
        if at >= 0:
            return at, at + len(quote)
        needle = "".join(_fold_char(c) for c in quote)
        if not needle:
            return None
        folded, index = self._folded
        at = folded.find(needle)
        if at < 0:
            return None
        return index[at], index[at + len(needle) - 1] + 1

    def occurs(self, s: str) -> bool:
        return self.locate(s) is not None

    def says(self, phrase: str) -> bool:
        """The article (or its page title) writes `phrase`, white space, punctuation and abbreviation
        asides aside."""
        s = claims.squeeze(phrase)
        if not s:
            return False
        if s in self.squeezed or (self.title is not None and s in claims.squeeze(self.title)):
            return True
        return self._squeezed_without_asides is not None and s in self._squeezed_without_asides

    def says_each(self, phrase: str) -> bool:
        """The article writes `phrase`, or each of the parts it joins (视频会议（主会场及各镇街分会场）:
        a place described in the article's own words, bracketed or listed)."""
        if self.says(phrase):
            return True
        parts = [p for p in _PARTS.split(phrase) if claims.squeeze(p)]
        return len(parts) > 1 and all(self.says(p) for p in parts)

    # -- checks -----------------------------------------------------------------------------
    def _evidence(self, ev: Evidence | None, out: list[str]) -> Evidence | None:
        if ev is None:
            return None
        span = self.locate(ev.quote)
        if span is None:
            out.append(f"quote {ev.quote!r} does not occur in the article{self._departure(ev.quote)}")
            return None
        return Evidence(quote=self.text[span[0]:span[1]], start=span[0], end=span[1])

    def _departure(self, quote: str) -> str:
        """Where a quote leaves the article's words, for the re-ask (…到伊犁天山加入 where the article
        writes 参加): the longest opening of the quote the article writes, and what follows there."""
        lo, hi = 0, len(quote)  # the longest opening that occurs: each shorter one occurs too
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if quote[:mid] in self.text:
                lo = mid
            else:
                hi = mid - 1
        if lo < DEPARTURE_MIN:
            return " (copy it character for character from the article)"
        at = self.text.find(quote[:lo]) + lo
        return (f" (it follows the article up to {quote[max(0, lo - 8):lo]!r}; there the article writes "
                f"{self.text[at:at + 8]!r}, the quote {quote[lo:lo + 8]!r}: a quote is copied character for "
                f"character, never reworded)")

    def _figure(self, fig: Figure, evidence: Evidence, out: list[str]) -> Figure | None:
        """The figure as its quote states it (flags read in the article), or None with the reasons."""
        parsed = parse_figure("".join(fig.quote.split()), noun_after=True)  # 80 多名, as a page may space it
        if parsed is None:
            out.append(f"figure {fig.quote!r} cannot be read as a number with a unit")
            return None
        at = self.text.find(fig.quote, evidence.start, evidence.end)
        if at < 0:
            at = self.text.find(fig.quote)
        people = parsed.unit == "count" and fig.unit == "person" and _PEOPLE_AFTER.match(self.text, at + len(fig.quote))
        businesses = parsed.unit == "household" and fig.unit == "count" and _BUSINESSES_AFTER.match(
            self.text, at + len(fig.quote))
        if (parsed.unit != fig.unit and not (people or businesses)) or not values_agree(parsed.value, fig.value):
            out.append(f"figure {fig.quote!r}: the quote says {parsed.value} {parsed.unit}, "
                       f"the answer says {fig.value:g} {fig.unit}")
            return None
        in_text = [f for f in find_figures(self.text[max(0, at - 6):at + len(fig.quote) + 4], quoted=True)
                   if f.value == parsed.value and f.unit == parsed.unit] if at >= 0 else []
        if in_text:  # the markers around the quote (超, 近, 以下) are the article's, not the quote's
            flags = in_text[0]
            return fig.model_copy(update={"approximate": flags.approximate, "lower_bound": flags.lower_bound,
                                          "upper_bound": flags.upper_bound})
        return fig

    def _date(self, value: EventDate, grounded: Evidence, out: list[str]) -> EventDate | None:
        """The event date its quote states, with the year the article supports."""
        start, end = _span(grounded)
        mentions = ([m for m in self._chronicle if start <= m.start < end]  # 7月 / 1日 …
                    or [m for m in self._sentence_dates(grounded) if start <= m.start < end and (m.month or m.day)]
                    or find_dates(grounded.quote))
        if not mentions:
            out.append(f"quote {grounded.quote!r} states no date")
            return None
        claimed = _DATE_VALUE.match(value.value)
        claimed_year = claimed.group("y") if claimed else None
        same = [m for m in mentions if claimed and m.month == int(claimed.group("m"))
                and (claimed.group("d") is None or m.day == int(claimed.group("d")))]
        mention = (same or mentions)[0]
        resolved = resolve_date(mention, self._published)
        if resolved.year_basis == "open" and claimed_year and mention.month and mention.day:
            year = headline_year(self.title) or headline_year(self._head_line)
            if year is not None and str(year) == claimed_year and self._not_after_publication(year, mention):
                resolved = ResolvedDate(f"{year:04d}-{mention.month:02d}-{mention.day:02d}", "stated",
                                        f"year stated in the headline ({year}年)")
        more_than_claimed = claimed_year is None and resolved.value.endswith(value.value[1:])
        if resolved.value != value.value and not more_than_claimed:
            out.append(f"{value.value!r} is not what the text supports ({resolved.value!r}"
                       f"{'; ' + resolved.note if resolved.note else ''})")
        try:
            return EventDate(value=resolved.value, year_basis=resolved.year_basis, note=resolved.note,
                             evidence=grounded)
        except ValidationError:  # a month with neither year nor day ("--03"): no date a record can hold
            out.append(f"quote {grounded.quote!r} dates nothing a record can hold ({resolved.value!r}: "
                       f"{resolved.note or 'a month alone'})")
            return None

    @cached_property
    def _chronicle(self) -> list[DateMention]:
        return self.stated.chronicle

    @cached_property
    def _head_line(self) -> str:
        return self.text.lstrip().split("\n", 1)[0][:80]

    def _not_after_publication(self, year: int, mention: DateMention) -> bool:
        pub = self._published
        try:
            return pub is None or date(year, mention.month, mention.day or 1) <= pub
        except ValueError:
            return False

    def _sentence_dates(self, ev: Evidence) -> list[DateMention]:
        """Date mentions of the quote's sentence, with spans into the text (for the sentence's year)."""
        start, end = _span(ev)
        a = start
        while a > 0 and self.text[a - 1] not in "。！？!?\n" and start - a < 200:
            a -= 1
        b = end
        while b < len(self.text) and self.text[b] not in "。！？!?\n" and b - end < 200:
            b += 1
        return [DateMention(m.quote, m.start + a, m.end + a, m.year, m.month, m.day, m.relative, m.context_year)
                for m in find_dates(self.text[a:b])]

    # -- the review ---------------------------------------------------------------------------
    def review(self, facts: Facts) -> tuple[Facts, list[Rejection]]:
        """Ground every fact; return the grounded facts and what was removed or corrected."""
        rejected: list[Rejection] = []

        def reject(where: str, value: Any, reasons: list[str]) -> None:
            if isinstance(value, BaseModel):
                value = value.model_dump(mode="json", exclude_none=True)
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            rejected.append(Rejection(field=where, value=text[:500], reason="; ".join(reasons)))

        given = list(dict.fromkeys([p.name for p in facts.people] + [p.speaker for p in facts.points if p.speaker]))
        known = [n for n in given if claims.is_name(n) is None]
        slotted = frozenset(n for n in given if claims.unlisted_surname(n) and claims.in_name_slot(self.text, n, known))
        names = tuple(n for n in given if n in slotted or claims.is_name(n) is None)
        article = claims.Article(self.text, names)
        # Shallow copies of what is changed below: the input is never modified, and a deep copy of
        # every fact costs more than the whole check. The result is a plain `Facts`, whatever the input.
        fields = dict(facts)
        for field in QUOTED:
            kept = []
            for i, fact in enumerate(fields[field]):
                fact = fact.model_copy()
                why: list[str] = []
                evidence = self._evidence(fact.evidence, why)
                if evidence is not None:
                    fact.evidence = evidence
                    if isinstance(fact, Person):
                        why += self._person(fact, evidence, slotted)
                    elif isinstance(fact, Figure):
                        if fact.quote not in evidence.quote:
                            why.append(f"figure {fact.quote!r} is not inside its evidence quote")
                        else:
                            fact = self._figure(fact, evidence, why) or fact
                if why:
                    reject(f"{field}[{i}]", getattr(facts, field)[i], why)
                    continue
                for attr, value, reason in self._unsupported_parts(fact, article):
                    reject(f"{field}[{i}].{attr}", value, [reason])
                kept.append(fact)
            fields[field] = kept

        event = fields["event"] = facts.event.model_copy()
        if event.evidence is not None:
            why = []
            grounded = self._evidence(event.evidence, why)
            if why:
                reject("event.evidence", event.evidence, why)
            event.evidence = grounded
        if event.date is not None:
            why = []
            grounded = self._evidence(event.date.evidence, why)
            date_ = self._date(event.date, grounded, why) if grounded else None
            if why:
                reject("event.date", event.date, why)
            event.date = date_
        for name in ("name", "place", "convened_by", "topic"):
            said: Bilingual | None = getattr(event, name)
            if said is not None and not (self.says(said.zh) if name == "name" else self.says_each(said.zh)):
                reject(f"event.{name}", said, [f"{said.zh!r} does not occur in the article"])
                setattr(event, name, None)
        headline: Bilingual | None = fields["headline"]
        if headline is not None and not self.says(headline.zh):
            reject("headline", headline, [f"headline {headline.zh!r} is neither in the article nor the page title"])
            fields["headline"] = None
        out_of_scope: str | None = fields.get("out_of_scope_reason")
        if out_of_scope and facts.kind != "other":  # says why kind is other: of any other kind it is no fact
            misplaced = f"an out-of-scope reason in a record of kind {facts.kind!r} (only `other` says why it is out of scope)"
            reject("out_of_scope_reason", out_of_scope, [misplaced])
            fields["out_of_scope_reason"] = None
        grounded_facts = Facts.model_construct(_fields_set=facts.model_fields_set, **fields)
        summary: Bilingual | None = fields["summary"]
        if summary is not None:
            problems = freetext.problems(summary, self, grounded_facts, facts, rejected)
            if problems:
                reject("summary", summary, problems)
                grounded_facts.summary = freetext.composed(grounded_facts)
        return grounded_facts, rejected

    def _person(self, person: Person, evidence: Evidence, slotted: frozenset[str] = frozenset()) -> list[str]:
        """Why a person is not supported by their own quote (empty when they are); `slotted`: names of a
        surname missing from the lists that the article writes in a name slot."""
        why = None if person.name in slotted else claims.is_name(person.name)
        if why:
            return [why]
        if person.name not in evidence.quote:
            return [f"person {person.name!r} is not in their evidence quote {evidence.quote!r}"]
        return []

    def _unsupported_parts(self, fact: Any, article: claims.Article) -> Iterator[tuple[str, Any, str]]:
        """Optional parts of a grounded fact that the article does not support: removed from `fact`
        (attribute, what was said, reason)."""
        if isinstance(fact, Person):
            if fact.title is not None and not article.titled(fact.name, fact.title.zh):
                yield "title", fact.title, f"title {fact.title.zh!r} is not written next to {fact.name!r}"
                fact.title = None
            if fact.roles:
                stated = article.roles(fact.name, fact.roles)
                dropped = [r for r in fact.roles if r not in stated]
                if dropped:
                    cues = "; ".join(f"{r}: {'/'.join(claims.ROLE_CUES[r][:6])}" for r in dropped)
                    yield "roles", dropped, (f"the article writes no cue for {', '.join(dropped)} next to "
                                             f"{fact.name!r} ({cues})")
                    fact.roles = [r for r in fact.roles if r in stated]
        elif isinstance(fact, Point) and fact.speaker:
            start, end = _span(fact.evidence)
            if fact.speaker in fact.evidence.quote or article.named_within(fact.speaker, start, end):
                return
            titled = article.titled_speaker_within(start, end)
            if titled is not None:
                yield "speaker", fact.speaker, (f"speaker {fact.speaker!r} is not who the quote names ({titled!r}: the "
                                                f"article does not tie that surname and post to {fact.speaker!r} alone)")
                fact.speaker = None
                return
            found, speaker = article.introducer(start)
            if (not found or speaker != fact.speaker) and fact.speaker not in (
                    article.last_named(start), article.head_speaker, article.quoted_by(start, end)):
                said_by = "no one" if not found else (f"{speaker!r}" if speaker else "the meeting itself")
                yield "speaker", fact.speaker, (f"speaker {fact.speaker!r} does not introduce this point "
                                                f"(the clause before it names {said_by})")
                fact.speaker = None
        elif isinstance(fact, Figure) and fact.measures is not None:
            sentence = article.sentence(*_span(fact.evidence), lead=MEASURES_LEAD)
            if claims.overlap(fact.measures.zh, sentence) < MEASURES_OVERLAP:
                yield "measures", fact.measures, (f"{fact.measures.zh!r} is not what the figure's sentence says "
                                                  f"it measures")
                fact.measures = None

    def problems(self, facts: Facts) -> list[str]:
        """Human-readable reasons the facts are not fully grounded (empty when they are)."""
        return reasons(self.review(facts)[1])


def reasons(rejected: list[Rejection]) -> list[str]:
    """One line per rejection, as sent back to the model in a re-ask."""
    return [f"{r.field}: {r.reason}" for r in rejected]


def quoted_count(facts: Facts) -> int:
    """How many facts carry a quote (the lists, the event's evidence and date)."""
    return sum(len(getattr(facts, f)) for f in QUOTED) + (facts.event.evidence is not None) + (facts.event.date is not None)


def all_rejected(facts: Facts, rejected: list[Rejection]) -> str | None:
    """Why the document fails when every quoted fact of the answer was rejected (None otherwise)."""
    whole = [r for r in rejected if (r.field.split(".")[0].split("[")[0] in QUOTED and "." not in r.field)
             or r.field in ("event.evidence", "event.date")]
    if quoted_count(facts) or not whole:
        return None
    first = "; ".join(reasons(whole[:3]))
    return (f"the model's answer states nothing this article supports: every quoted fact of it was rejected "
            f"({len(whole)}): {first}" + (" …" if len(whole) > 3 else ""))


_CHECKING: ContextVar[dict[str, Any] | None] = ContextVar("summarise_grounding", default=None)


@contextmanager
def checking(grounder: Grounder) -> Iterator[dict[str, Any]]:
    """Within the block, validating `GroundedFacts` checks it against `grounder`; the yielded dict
    then holds the grounded facts under "grounded" and what was rejected under "rejected".

    A context variable, not instructor's `context=` argument: instructor renders the messages as
    Jinja templates whenever that argument is given, and the article text must reach the model as is.
    """
    state: dict[str, Any] = {"grounder": grounder}
    token = _CHECKING.set(state)
    try:
        yield state
    finally:
        _CHECKING.reset(token)


def read(data: Any, grounder: Grounder) -> tuple[Facts, list[Rejection]]:
    """An answer (parsed JSON) as grounded facts: a field that does not validate is dropped and
    reported like an unsupported one, the rest is grounded. ValidationError only when nothing of it
    can be read (not an object, no valid kind)."""
    facts, invalid = lenient.validate(Facts, redact.scrub_data(data))
    grounded, rejected = grounder.review(facts)
    return grounded, invalid + rejected


# `Facts` whose validation fails while anything is invalid or ungrounded: this drives instructor's
# re-asks. The check runs only inside `checking(grounder)`.
class GroundedFacts(Facts):
    model_config = ConfigDict(title="Facts", json_schema_extra={"description": (Facts.__doc__ or "").strip()})

    @model_validator(mode="wrap")
    @classmethod
    def _grounded(cls, data: Any, handler: Any) -> GroundedFacts:
        context = _CHECKING.get()
        if context is None:
            return handler(data)
        data = redact.scrub_data(data)  # a key the endpoint echoed goes no further than the answer
        try:
            facts = handler(data)
            invalid: list[Rejection] = []
        except ValidationError:
            if not isinstance(data, dict):
                raise
            cleaned, invalid = lenient.clean(Facts, data)  # one bad field never costs the whole answer
            facts = handler(cleaned)
        grounded, rejected = context["grounder"].review(facts)
        rejected = invalid + rejected
        context["grounded"], context["rejected"] = grounded, rejected
        if rejected:
            raise ValueError(
                "Some facts are not supported by the article. Every quote must be copied "
                "character for character from the article and state the fact it backs (the name, "
                "the title next to it, the role's cue, the speaker's introducing clause); figures must "
                "equal their quote; the summary may name only what the article states; drop anything "
                "the article does not state.\n- " + "\n- ".join(reasons(rejected))
            )
        return facts
