"""People and figures across a batch, for index.html: every person with every appearance, every figure.

Read from summarise.db. A story's copies (reposts) repeat its facts, so each appearance and figure is
listed once per story, with the number of other copies. Pages out of scope (kind "other": a README, a
list of sources, a speech transcript) are left out and counted: their people and figures are not
those of a meeting or lecture, and the database still holds them (`documents.kind`). People are grouped by their name as written
and never merged further: the same name can be two people, so each appearance shows its title and
place (or the publisher) and the date.
"""
from __future__ import annotations

import functools
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .quantities import figure_english, normalised_value, unit_label
from .view import ROLES, date_text

NOTE_FORMATS = ("html", "md", "docx", "json")


@dataclass
class Appearance:
    iso: str          # for ordering: ISO date, "--MM-DD" when the year is open, "" when unknown
    date: str
    title_zh: str | None
    title_en: str | None
    roles: str
    place: str | None
    headline: str
    link: str | None
    reposts: int


@dataclass
class PersonEntry:
    name: str
    name_en: str | None
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def titles(self) -> list[str]:
        """The distinct titles, in order of appearance: more than one is a change of title (or two people)."""
        return list(dict.fromkeys(a.title_zh for a in self.appearances if a.title_zh))


@dataclass
class FigureEntry:
    figure: str
    value: str
    english: str
    unit: str
    measures_zh: str | None
    measures_en: str | None
    iso: str
    date: str
    headline: str
    link: str | None
    reposts: int


@dataclass
class Across:
    people: list[PersonEntry]
    figures: list[FigureEntry]
    stories: int
    documents: int
    out_of_scope: int = 0   # documents of kind "other", left out of both sections


@dataclass(frozen=True)
class _Fig:  # what the quantity helpers read from a figure
    quote: str
    value: float
    unit: str
    approximate: bool
    lower_bound: bool
    upper_bound: bool = False  # not stored across articles yet: the index writes such a figure without "under"


def _link(outputs: str | None) -> str | None:
    files = json.loads(outputs or "{}")
    return next((files[f] for f in NOTE_FORMATS if f in files), None)


def _date(value: str | None) -> str:
    return date_text(value).zh if value else "—"


def collect(store: Any) -> Across:
    """Everything the index's people and figures sections show, from the database of `store`."""
    docs = {r["id"]: r for r in store.query(
        "SELECT d.id, d.story_id, d.kind, d.headline_zh, d.title, d.input, d.published, d.publisher, "
        "d.event_date, d.outputs, e.place_zh FROM documents d LEFT JOIN events e ON e.document_id = d.id")}
    copies = Counter(d["story_id"] for d in docs.values())
    stories = {k: d for k, d in docs.items() if (d["story_id"] == k or d["story_id"] not in docs)
               and d["kind"] != "other"}

    @functools.lru_cache(maxsize=None)
    def about(doc_id: str) -> tuple[str, str, str, str | None, int]:
        d = docs[doc_id]
        iso = d["event_date"] or d["published"] or ""
        return (iso, _date(iso), d["headline_zh"] or d["title"] or d["input"], _link(d["outputs"]),
                copies[d["story_id"]] - 1)

    @functools.lru_cache(maxsize=None)
    def roles_zh(raw: str | None) -> str:
        return "、".join(ROLES.get(r, (r, r))[0] for r in json.loads(raw or "[]"))

    english = functools.lru_cache(maxsize=None)(lambda fig: figure_english(fig))  # copies repeat figures

    people: dict[str, PersonEntry] = {}
    for p in store.query("SELECT * FROM people ORDER BY document_id, position"):
        if p["document_id"] not in stories:
            continue
        d = docs[p["document_id"]]
        entry = people.setdefault(p["name"], PersonEntry(p["name"], p["name_en"]))
        entry.name_en = entry.name_en or p["name_en"]
        iso, date, headline, link, reposts = about(p["document_id"])
        roles = roles_zh(p["roles"])
        entry.appearances.append(Appearance(iso, date, p["title_zh"], p["title_en"], roles,
                                            d["place_zh"] or d["publisher"], headline, link, reposts))
    for entry in people.values():
        entry.appearances.sort(key=lambda a: a.iso)
    figures = []
    for f in store.query("SELECT * FROM figures ORDER BY document_id, position"):
        if f["document_id"] not in stories:
            continue
        fig = _Fig(f["figure"], f["value"], f["unit"], bool(f["approximate"]), bool(f["lower_bound"]))
        iso, date, headline, link, reposts = about(f["document_id"])
        figures.append(FigureEntry(f["figure"], normalised_value(fig), english(fig),
                                   unit_label(f["unit"], "zh"), f["measures_zh"], f["measures_en"], iso, date,
                                   headline, link, reposts))
    figures.sort(key=lambda x: x.iso, reverse=True)
    ordered = sorted(people.values(), key=lambda e: (-len(e.appearances), e.name))
    return Across(ordered, figures, len(stories), len(docs), sum(d["kind"] == "other" for d in docs.values()))
