"""Shared parts of every record: bilingual text, evidence, people, figures, points, dates."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

Role = Literal["chair", "speaker", "lecturer", "reporter", "attendee"]
Unit = Literal[
    "CNY", "mu", "m2", "ha", "km", "percent", "count", "person", "household",
    "year", "month", "day", "ton",
]
PointKind = Literal["directive", "lesson", "statement", "decision"]
YearBasis = Literal["stated", "publication", "open"]


class Part(BaseModel):
    """Base for every part: unknown keys are ignored, assignment is validated."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)


class Bilingual(Part):
    """Free text in the article's (simplified) Chinese and in English.

    `en` is None when no faithful translation is available; renderers mark it as untranslated.
    """

    zh: str = Field(max_length=600, description="Chinese, in the wording of the article")
    en: str | None = Field(default=None, max_length=1200, description="English translation")


class Evidence(Part):
    """A verbatim quote from the normalised article and where it stands in it."""

    quote: str = Field(
        min_length=1,
        max_length=300,
        description="Copied character for character from the article; the shortest span that states the fact",
    )
    start: SkipJsonSchema[int | None] = None
    end: SkipJsonSchema[int | None] = None


class Person(Part):
    """A named participant with the title the article gives and their role(s) in the event."""

    name: str = Field(max_length=20, description="Name exactly as written in the article")
    name_en: str | None = Field(default=None, max_length=60, description="Romanised name (pinyin, surname first)")
    title: Bilingual | None = Field(default=None, description="Title/office as written before or after the name")
    roles: list[Role] = Field(default_factory=list, max_length=5)
    evidence: Evidence


class Figure(Part):
    """A quantity the article states, with its value multiplied out and its unit."""

    quote: str = Field(max_length=40, description="The figure as written, e.g. 92.4亿元, 5000亩, 95%")
    value: float = Field(description="The stated number multiplied out: 92.4亿元 → 9240000000; 95% → 95")
    unit: Unit
    approximate: bool = Field(default=False, description="约/近/左右/多/余")
    lower_bound: bool = Field(default=False, description="超/超过/逾/以上/多/余")
    measures: Bilingual | None = Field(default=None, description="What the figure measures")
    evidence: Evidence


class Point(Part):
    """A numbered lesson, a directive (要…), a decision or a key statement, with who said it."""

    number: int | None = Field(default=None, ge=1, le=99)
    kind: PointKind = "directive"
    text: Bilingual
    speaker: str | None = Field(default=None, max_length=20, description="Name of who said it, as written")
    evidence: Evidence


class AttendeeGroup(Part):
    """A group of attendees described without names (各村(社区)党委书记, 相关部门负责人…)."""

    text: Bilingual
    evidence: Evidence


class EventDate(Part):
    """When the event took place: ISO date, or `--MM-DD` when the article does not support a year."""

    value: str = Field(pattern=r"^([0-9]{4}-[0-9]{2}(-[0-9]{2})?|--[0-9]{2}-[0-9]{2})$")
    year_basis: YearBasis = "open"
    note: str | None = None
    evidence: Evidence


class Event(Part):
    """The meeting or lecture itself."""

    name: Bilingual | None = None
    date: EventDate | None = None
    place: Bilingual | None = Field(default=None, description="Place, or format such as video conference")
    convened_by: Bilingual | None = None
    topic: Bilingual | None = Field(default=None, description="Lecture topic (《…》 or 主题), if any")
    evidence: Evidence | None = None


class Source(Part):
    """The page the article came from."""

    name: str | None = Field(default=None, description="File name or '<text>'")
    title: str | None = None
    publisher: str | None = None
    published: str | None = Field(default=None, description="Publication date the page states (ISO)")
    script: Literal["simplified", "traditional"] = "simplified"
    sha256: str | None = None


class Rejection(Part):
    """A fact the backend proposed that failed grounding and was not shipped."""

    field: str
    value: str
    reason: str


class Usage(Part):
    """Token use summed over every call for one document (re-asks and retries included)."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class RepostOf(Part):
    """The copy of the same article whose extraction this record shares (a repost: same story, another page).

    The story's facts were grounded again against this copy's own text; what it lacks is in `rejected`."""

    document: str = Field(description="The story's output name (the stem of its notes)")
    input: str | None = Field(default=None, description="The story's input file")
    sha256: str | None = None
    publisher: str | None = None
    published: str | None = None
    similarity: float = Field(ge=0, le=1, description="Estimated Jaccard similarity of the two normalised texts")


class Provenance(Part):
    """How the record was made."""

    backend: Literal["offline", "llm"]
    model: str | None = None
    base_url: str | None = None
    mode: str | None = None
    summarise_version: str
    generated_at: str
    cache_hit: bool = False
    usage: Usage = Field(default_factory=Usage)
    rejected: list[Rejection] = Field(default_factory=list)
    possibly_missed: list[str] = Field(default_factory=list)
    cross_check_error: str | None = Field(
        None, description="why the offline cross-check behind possibly_missed could not run (then that list is empty)")
    warnings: list[str] = Field(default_factory=list)
    repost_of: RepostOf | None = None
