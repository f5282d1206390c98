"""People and figures across a batch, for index.html: every person with every appearance, every figure.

Read from summarise.db. A story's copies (reposts) repeat its facts, so each appearance and figure is
listed once per story, with the number of other copies. Pages out of scope (kind "other": a README, a
list of sources, a speech transcript) are left out and counted: their people and figures are not
those of a meeting or lecture, and the database still holds them (`documents.kind`).

People are grouped by their name as written and never merged further: the same name can be two
people, so each appearance shows its title, role, place (or the publisher) and date. Names are in
the order of their romanisation (pinyin), as a reader of either language looks them up. Figures are
grouped by story, newest first, so a story's headline and date are written once, not on every row.
"""
from __future__ import annotations

import functools
import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from summarise.english.quantities import figure_english, normalised_value, unit_label

from .view import ROLES, date_text

NOTE_FORMATS = ("html", "md", "docx", "json")
HEADLINE_CHARS = 24  # a person's row names the story by its headline's start (the notes list has it whole)
OPEN_FIGURES = 300  # up to this many figures the stories' tables are open; past it, one line per story


@dataclass(frozen=True)
class StoryRef:
    """A story as a row of the index names it."""

    iso: str          # for ordering: ISO date, "--MM-DD" when the year is open, "" when unknown
    date_zh: str
    date_en: str
    headline: str
    link: str | None
    reposts: int

    @property
    def short_date(self) -> str:
        """The date as either reader reads it in a table cell: ISO, or month-day with the year marked open."""
        if not self.iso:
            return "—"
        if self.iso.startswith("--"):
            return f"{self.iso[2:]} (年份未注明 year not stated)"
        return self.iso


@dataclass
class Appearance:
    story: StoryRef
    title_zh: str | None
    title_en: str | None
    roles: str        # each role in Chinese and English: "主持 chair、讲话 speaker"
    place_zh: str | None
    place_en: str | None


@dataclass
class PersonEntry:
    name: str
    name_en: str | None
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def titles(self) -> list[str]:
        """The distinct titles, in order of appearance: more than one is a change of title (or two people)."""
        return list(dict.fromkeys(a.title_zh for a in self.appearances if a.title_zh))

    @property
    def key(self) -> tuple[str, str]:
        """Alphabetical by the romanised name (tone marks and case aside), then as written."""
        latin = self.name_en if self.name_en and self.name_en.isascii() else None
        if latin is None:
            from summarise.english.romanise import romanise_name  # pypinyin: only for names without English

            latin = romanise_name(self.name)
        folded = "".join(c for c in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(c))
        return folded.casefold(), self.name

    @property
    def letter(self) -> str:
        first = self.key[0][:1].upper()
        return first if "A" <= first <= "Z" else "#"


@dataclass
class FigureRow:
    figure: str
    value: str
    english: str
    unit: str
    measures_zh: str | None
    measures_en: str | None


@dataclass
class StoryFigures:
    story: StoryRef
    figures: list[FigureRow] = field(default_factory=list)


@dataclass
class Across:
    people: list[PersonEntry]
    figures: list[StoryFigures]
    stories: int
    documents: int
    out_of_scope: int = 0   # documents of kind "other", left out of both sections
    headline_chars: int = HEADLINE_CHARS

    @property
    def figure_count(self) -> int:
        return sum(len(s.figures) for s in self.figures)

    @property
    def figures_open(self) -> bool:
        return self.figure_count <= OPEN_FIGURES

    @property
    def letters(self) -> list[str]:
        """The initials of the people list, in order (for the section's jump links)."""
        return list(dict.fromkeys(p.letter for p in self.people))


@dataclass(frozen=True)
class _Fig:  # what the quantity helpers read from a figure
    quote: str
    value: float
    unit: str
    approximate: bool
    lower_bound: bool
    upper_bound: bool


def _link(outputs: str | None) -> str | None:
    files = json.loads(outputs or "{}")
    return next((files[f] for f in NOTE_FORMATS if f in files), None)


def collect(store: Any) -> Across:
    """Everything the index's people and figures sections show, from the database of `store`."""
    docs = {r["id"]: r for r in store.query(
        "SELECT d.id, d.story_id, d.kind, d.headline_zh, d.title, d.input, d.published, d.publisher, "
        "d.event_date, d.outputs, e.place_zh, e.place_en FROM documents d LEFT JOIN events e ON e.document_id = d.id")}
    copies = Counter(d["story_id"] for d in docs.values())
    stories = {k: d for k, d in docs.items() if (d["story_id"] == k or d["story_id"] not in docs)
               and d["kind"] != "other"}

    @functools.cache
    def story(doc_id: str) -> StoryRef:
        d = docs[doc_id]
        iso = d["event_date"] or d["published"] or ""
        date = date_text(iso) if iso else None
        return StoryRef(iso, date.zh if date else "—", (date.en or "") if date else "", d["headline_zh"] or d["title"] or d["input"],
                        _link(d["outputs"]), copies[d["story_id"]] - 1)

    @functools.cache
    def roles(raw: str | None) -> str:
        return "、".join("{} {}".format(*ROLES.get(r, (r, r))) for r in json.loads(raw or "[]"))

    english = functools.lru_cache(maxsize=None)(lambda fig: figure_english(fig))  # copies repeat figures

    people: dict[str, PersonEntry] = {}
    for p in store.query("SELECT * FROM people ORDER BY document_id, position"):
        if p["document_id"] not in stories:
            continue
        d = docs[p["document_id"]]
        entry = people.setdefault(p["name"], PersonEntry(p["name"], p["name_en"]))
        entry.name_en = entry.name_en or p["name_en"]
        place_zh, place_en = (d["place_zh"], d["place_en"]) if d["place_zh"] else (d["publisher"], None)
        entry.appearances.append(Appearance(story(p["document_id"]), p["title_zh"], p["title_en"], roles(p["roles"]),
                                            place_zh, place_en))
    for entry in people.values():
        entry.appearances.sort(key=lambda a: a.story.iso)
    by_story: dict[str, StoryFigures] = {}
    for f in store.query("SELECT * FROM figures ORDER BY document_id, position"):
        if f["document_id"] not in stories:
            continue
        fig = _Fig(f["figure"], f["value"], f["unit"], bool(f["approximate"]), bool(f["lower_bound"]),
                   bool(f["upper_bound"]))
        group = by_story.setdefault(f["document_id"], StoryFigures(story(f["document_id"])))
        group.figures.append(FigureRow(f["figure"], normalised_value(fig), english(fig), unit_label(f["unit"], "zh"),
                                       f["measures_zh"], f["measures_en"]))
    figures = sorted(by_story.values(), key=lambda g: (g.story.iso, g.story.headline), reverse=True)
    ordered = sorted(people.values(), key=lambda e: e.key)
    return Across(ordered, figures, len(stories), len(docs), sum(d["kind"] == "other" for d in docs.values()))
