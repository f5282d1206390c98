"""Shared parts of every record: bilingual text, evidence, people, figures, points, dates."""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.json_schema import SkipJsonSchema

Role = Literal["chair", "speaker", "lecturer", "reporter", "attendee"]
Unit = Literal[
    "CNY", "mu", "m2", "ha", "km", "percent", "count", "person", "household",
    "year", "month", "week", "day", "hour", "minute", "ton",
]
# What the article says a person does, by role (the cues grounding looks for around the name).
ROLE_CUES: dict[str, str] = {
    "chair": "主持",
    "speaker": "讲话, 致辞, 发言, 指出, 强调, 要求, 表示, 总结, 点评, 部署",
    "lecturer": "讲座, 辅导报告, 专题报告, 宣讲, 授课, 辅导, 党课, 主讲, 解读",
    "reporter": "汇报, 通报, 介绍, 传达, 领学, 宣读, 作工作报告, 述职",
    "attendee": "出席, 参加, 列席, 陪同",
}
DATE_PATTERN = r"^([0-9]{4}-[0-9]{2}(-[0-9]{2})?|--[0-9]{2}-[0-9]{2})$"
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

    name: str = Field(max_length=20, description="Name exactly as written in the article, nothing added (no spaces)")
    name_en: str | None = Field(default=None, max_length=60, description="Romanised name (pinyin, surname first)")
    title: Bilingual | None = Field(default=None, description="Title/office as written directly before or after the name")
    roles: list[Role] = Field(default_factory=list, max_length=5, description=(
        "What the article says the person does, by the words next to the name: "
        + "; ".join(f"{role}: {cues}" for role, cues in ROLE_CUES.items())))
    evidence: Evidence = Field(description="A quote that contains the name")


class Figure(Part):
    """A quantity the article states, with its value multiplied out and its unit."""

    quote: str = Field(max_length=40, description=(
        "The number and its unit or measure word as written, e.g. 92.4亿元, 5000亩, 95%, 3年多, 三个, 半天; "
        "a marker before or after it (超, 近, 约, 不足, 以上, 左右) is left out"))
    value: float = Field(description=(
        "The stated number multiplied out: 92.4亿元 → 9240000000; 95% → 95; 三个 → 3; 百个 → 100; 半天 → 0.5"))
    unit: Unit
    approximate: bool = Field(default=False, description="约/大约/近/将近/接近/左右/上下: about, nearly")
    lower_bound: bool = Field(default=False, description="超/超过/逾/多/余/以上/不少于/至少: more than, at least")
    upper_bound: bool = Field(default=False, description="不足/不到/以下/以内/未满/不超过/最多: less than, at most")
    measures: Bilingual | None = Field(default=None, description=(
        "What the figure counts or measures, in the words of the figure's own sentence"))
    evidence: Evidence = Field(description="A quote of the figure's sentence (or clause) that contains the figure")


class Point(Part):
    """A numbered lesson, a directive (要…), a decision or a key statement, with who said it."""

    number: int | None = Field(default=None, ge=1, le=99)
    kind: PointKind = "directive"
    text: Bilingual
    speaker: str | None = Field(default=None, max_length=20, description=(
        "Name of who said it, as written, when the point's quote or the clause that introduces it "
        "(X强调, X指出, X要求 …) names them; otherwise null"))
    evidence: Evidence


class AttendeeGroup(Part):
    """A group of attendees described without names (各村(社区)党委书记, 相关部门负责人…)."""

    text: Bilingual
    evidence: Evidence


class EventDate(Part):
    """When the event took place: ISO date, or `--MM-DD` when the article does not support a year."""

    value: str = Field(json_schema_extra={"pattern": DATE_PATTERN}, description=(
        "YYYY-MM-DD when the article states the year (in the date, its sentence, a dateline at the head "
        "of the article or the headline) or the publication date supports it; otherwise --MM-DD"))
    year_basis: YearBasis = "open"
    note: str | None = None
    evidence: Evidence = Field(description="The date as the article writes it, spaces included (2 月28 日)")

    @field_validator("value", mode="before")
    @classmethod
    def _iso(cls, value: object) -> object:
        """ISO form of a date written loosely (2024-8-1, 2024年8月1日, 8月1日); anything else is refused."""
        if not isinstance(value, str):
            return value
        s = "".join(value.split())
        if re.fullmatch(DATE_PATTERN, s):
            return s
        m = re.fullmatch(r"(?:([0-9]{4})[-/.年])?([0-9]{1,2})[-/.月]([0-9]{1,2})日?", s) or re.fullmatch(
            r"--([0-9]{1,2})-([0-9]{1,2})", s)
        if m is None:
            raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, or --MM-DD when the year is open)")
        *year, month, day = m.groups()
        y = year[0] if year else None
        return f"{y}-{int(month):02d}-{int(day):02d}" if y else f"--{int(month):02d}-{int(day):02d}"

class Event(Part):
    """The meeting or lecture itself."""

    name: Bilingual | None = Field(default=None, description="The event's name as the article words it")
    date: EventDate | None = None
    place: Bilingual | None = Field(default=None, description=(
        "Place, or format such as video conference, as the article words it; null when not stated"))
    convened_by: Bilingual | None = Field(default=None, description=(
        "Who convened or held it, as the article words it; null when not stated"))
    topic: Bilingual | None = Field(default=None, description="Lecture topic (《…》 or 主题) as the article words it, if any")
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
    """The copy of the same article this record is a repost of (same story, another page).

    With `shared`, the story's extraction (one LLM call per story) was grounded again against this
    copy's own text, and what it lacks is in `rejected`; without, this copy was extracted on its own
    (the offline extractor: no call to save)."""

    document: str = Field(description="The story's output name (the stem of its notes)")
    input: str | None = Field(default=None, description="The story's input file")
    sha256: str | None = None
    publisher: str | None = None
    published: str | None = None
    similarity: float = Field(ge=0, le=1, description="Estimated Jaccard similarity of the two normalised texts")
    shared: bool = Field(default=True, description="The story's facts, grounded again against this copy "
                                                   "(else this copy's own extraction)")


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
