"""The records: a meeting report, a policy lecture, or an out-of-scope article."""
from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import Field, TypeAdapter

from .parts import (
    AttendeeGroup,
    Bilingual,
    Event,
    Figure,
    Part,
    Person,
    Point,
    Provenance,
    Source,
)

SCHEMA_VERSION = "1.1"
Kind = Literal["meeting_report", "policy_lecture", "other"]
KINDS: tuple[str, ...] = get_args(Kind)


class Facts(Part):
    """What a backend extracts from one article. Every fact carries verbatim evidence."""

    kind: Kind = Field(description="meeting_report, policy_lecture (a meeting built around a lecture/辅导报告), or other")
    headline: Bilingual | None = Field(default=None, description="The article's headline as written (the page title)")
    summary: Bilingual | None = Field(default=None, description=(
        "One-paragraph summary of the article: no name, number, date or place the article does not state"))
    event: Event = Field(default_factory=Event)
    people: list[Person] = Field(default_factory=list, max_length=40)
    figures: list[Figure] = Field(default_factory=list, max_length=60)
    points: list[Point] = Field(default_factory=list, max_length=40)
    attendee_groups: list[AttendeeGroup] = Field(default_factory=list, max_length=20)
    out_of_scope_reason: str | None = Field(default=None, max_length=300, description="Why kind is other")

    def people_with(self, role: str) -> list[Person]:
        return [p for p in self.people if role in p.roles]

    @property
    def chair(self) -> Person | None:
        found = self.people_with("chair")
        return found[0] if found else None

    @property
    def lecturer(self) -> Person | None:
        found = self.people_with("lecturer")
        return found[0] if found else None


class Record(Facts):
    """A finished record: the facts plus where they came from and how they were made."""

    schema_version: str = SCHEMA_VERSION
    source: Source = Field(default_factory=Source)
    provenance: Provenance

    def gold_view(self) -> dict[str, Any]:
        """This record in the format of the gold annotations (shared/eval/README.md)."""

        def person(p: Person | None) -> dict[str, Any] | None:
            if p is None:
                return None
            return {"name": p.name, "title": p.title.zh if p.title else None}

        title = self.headline.zh if self.headline else self.source.title
        return {
            "kind": self.kind,
            "title": title,
            "published": self.source.published,
            "event_date": self.event.date.value if self.event.date else None,
            "chair": person(self.chair),
            "lecturer": person(self.lecturer),
            "people": [person(p) for p in self.people],
            "figures": [{"quote": f.quote, "value": f.value, "unit": f.unit} for f in self.figures],
            "points": len(self.points) if self.points else None,
        }


class MeetingReport(Record):
    """A report of a meeting: who met, when, who chaired, who spoke, what was decided."""

    kind: Literal["meeting_report"] = "meeting_report"


class PolicyLecture(Record):
    """A meeting built around a lecture or briefing (专题讲座, 辅导报告, 授课)."""

    kind: Literal["policy_lecture"] = "policy_lecture"


class OutOfScope(Record):
    """An article that is neither; it keeps what could be grounded and says why."""

    kind: Literal["other"] = "other"


AnyRecord = Annotated[MeetingReport | PolicyLecture | OutOfScope, Field(discriminator="kind")]
_ADAPTER: TypeAdapter[Any] = TypeAdapter(AnyRecord)
RECORD_TYPES: dict[str, type[Record]] = {
    "meeting_report": MeetingReport, "policy_lecture": PolicyLecture, "other": OutOfScope,
}


def load_record(data: str | bytes | dict[str, Any]) -> MeetingReport | PolicyLecture | OutOfScope:
    """Parse a saved record (JSON text or dict) into its class."""
    if isinstance(data, dict):
        return _ADAPTER.validate_python(data)
    return _ADAPTER.validate_json(data)


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a record kind (`meeting_report`, `policy_lecture`, `other`)."""
    if kind not in RECORD_TYPES:
        raise ValueError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    return RECORD_TYPES[kind].model_json_schema()
