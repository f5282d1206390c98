"""Grounding: every fact must be backed by a quote that occurs in the normalised article.

`Grounder.review(facts)` returns the facts with spans filled in and every ungrounded fact removed
and reported as a `Rejection`; `GroundedFacts` fails validation while anything is rejected, so
instructor re-asks with `reasons(rejected)`. Quotes match exactly, or after folding punctuation width and
white space only; the shipped quote is then replaced by the article's own characters.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from .claims import is_name
from .dates import find_dates, resolve_date
from .figures import parse_figure, values_agree
from .schemas import Evidence, EventDate, Facts, Figure, Person, Point, Rejection

_FOLD = str.maketrans({
    "，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")",
    "“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"',
    "、": ",", "—": "-", "－": "-", "～": "~",
})


def _fold_char(ch: str) -> str:
    if ch.isspace():
        return ""
    return unicodedata.normalize("NFKC", ch).translate(_FOLD)[:1] or ""


@dataclass
class Grounder:
    """Checks facts against one normalised article."""

    text: str
    published: str | None = None

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

    # -- checks -----------------------------------------------------------------------------
    def _evidence(self, ev: Evidence | None, out: list[str]) -> Evidence | None:
        if ev is None:
            return None
        span = self.locate(ev.quote)
        if span is None:
            out.append(f"quote {ev.quote!r} does not occur in the article")
            return None
        return Evidence(quote=self.text[span[0]:span[1]], start=span[0], end=span[1])

    def _figure_problem(self, fig: Any) -> str | None:
        parsed = parse_figure(fig.quote, noun_after=True)
        if parsed is None:
            return f"figure {fig.quote!r} cannot be read as a number with a unit"
        if parsed.unit != fig.unit or not values_agree(parsed.value, fig.value):
            return (f"figure {fig.quote!r}: the quote says {parsed.value} {parsed.unit}, "
                    f"the answer says {fig.value:g} {fig.unit}")
        return None

    def _date(self, date: EventDate, grounded: Evidence, out: list[str]) -> EventDate | None:
        mentions = find_dates(grounded.quote)
        if not mentions:
            out.append(f"quote {grounded.quote!r} states no date")
            return None
        resolved = resolve_date(mentions[0], self.published)
        if resolved.value != date.value:
            out.append(f"{date.value!r} is not what the text supports ({resolved.value!r}"
                       f"{'; ' + resolved.note if resolved.note else ''})")
        try:
            return EventDate(value=resolved.value, year_basis=resolved.year_basis, note=resolved.note,
                             evidence=grounded)
        except ValidationError:  # a month with neither year nor day ("--03"): no date a record can hold
            out.append(f"quote {grounded.quote!r} dates nothing a record can hold ({resolved.value!r}: "
                       f"{resolved.note or 'a month alone'})")
            return None

    def _problems(self, fact: Any, evidence: Evidence | None) -> list[str]:
        """What, beyond its evidence, makes a fact ungrounded."""
        if isinstance(fact, Person):
            why = is_name(fact.name)
            if why:
                return [why]
            if not self.occurs(fact.name):
                return [f"person {fact.name!r} does not occur in the article"]
        if isinstance(fact, Figure):
            if not self.occurs(fact.quote):
                return [f"figure {fact.quote!r} does not occur in the article"]
            why = []
            if evidence is not None and fact.quote not in evidence.quote:
                why.append(f"figure {fact.quote!r} is not inside its evidence quote")
            problem = self._figure_problem(fact)
            return why + ([problem] if problem else [])
        return []

    def _unsupported_parts(self, fact: Any) -> list[tuple[str, str]]:
        """Optional parts of a grounded fact that the article does not support: (attribute, reason)."""
        if isinstance(fact, Person) and fact.title is not None and not self.occurs(fact.title.zh):
            return [("title", f"title {fact.title.zh!r} does not occur in the article")]
        if isinstance(fact, Point) and fact.speaker and not self.occurs(fact.speaker):
            return [("speaker", f"speaker {fact.speaker!r} does not occur in the article")]
        return []

    def review(self, facts: Facts) -> tuple[Facts, list[Rejection]]:
        """Ground every fact; return the grounded facts and what was removed or corrected."""
        rejected: list[Rejection] = []

        def reject(where: str, value: Any, reasons: list[str]) -> None:
            if isinstance(value, BaseModel):
                value = value.model_dump(mode="json", exclude_none=True)
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            rejected.append(Rejection(field=where, value=text[:500], reason="; ".join(reasons)))

        # Shallow copies of what is changed below: the input is never modified, and a deep copy of
        # every fact costs more than the whole check. The result is a plain `Facts`, whatever the input.
        fields = dict(facts)
        for field in ("people", "figures", "points", "attendee_groups"):
            kept = []
            for i, fact in enumerate(fields[field]):
                fact = fact.model_copy()
                why: list[str] = []
                evidence = self._evidence(fact.evidence, why)
                why += self._problems(fact, evidence)
                if why:
                    reject(f"{field}[{i}]", fact, why)
                    continue
                fact.evidence = evidence
                for attr, reason in self._unsupported_parts(fact):
                    reject(f"{field}[{i}].{attr}", getattr(fact, attr), [reason])
                    setattr(fact, attr, None)
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
            date = self._date(event.date, grounded, why) if grounded else None
            if why:
                reject("event.date", event.date, why)
            event.date = date
        return Facts.model_construct(_fields_set=facts.model_fields_set, **fields), rejected

    def problems(self, facts: Facts) -> list[str]:
        """Human-readable reasons the facts are not fully grounded (empty when they are)."""
        return reasons(self.review(facts)[1])


def reasons(rejected: list[Rejection]) -> list[str]:
    """One line per rejection, as sent back to the model in a re-ask."""
    return [f"{r.field}: {r.reason}" for r in rejected]


_CHECKING: ContextVar[dict[str, Any] | None] = ContextVar("summarise_grounding", default=None)


@contextmanager
def checking(grounder: Grounder) -> Iterator[dict[str, Any]]:
    """Within the block, validating `GroundedFacts` checks it against `grounder`; the yielded dict
    then holds the grounded facts under "grounded".

    A context variable, not instructor's `context=` argument: instructor renders the messages as
    Jinja templates whenever that argument is given, and the article text must reach the model as is.
    """
    state: dict[str, Any] = {"grounder": grounder}
    token = _CHECKING.set(state)
    try:
        yield state
    finally:
        _CHECKING.reset(token)


# `Facts` whose validation fails while any fact is ungrounded: this drives instructor's re-asks.
# The check runs only inside `checking(grounder)`.
class GroundedFacts(Facts):
    model_config = ConfigDict(title="Facts", json_schema_extra={"description": (Facts.__doc__ or "").strip()})

    @model_validator(mode="after")
    def _grounded(self) -> "GroundedFacts":
        context = _CHECKING.get()
        if context is not None:
            grounded, rejected = context["grounder"].review(self)
            if rejected:
                raise ValueError(
                    "Some facts are not supported by the article. Every quote must be copied "
                    "character for character from the article; figures must equal their quote; "
                    "drop anything the article does not state.\n- "
                    + "\n- ".join(reasons(rejected))
                )
            context["grounded"] = grounded  # the caller ships this, with spans, without grounding twice
        return self
