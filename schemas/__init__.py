"""Pydantic schemas of summarise's records (`summarise.schemas`)."""
from .parts import (
    AttendeeGroup, Bilingual, Event, EventDate, Evidence, Figure, Person, Point, PointKind,
    Provenance, Rejection, RepostOf, Role, Source, Unit, Usage, YearBasis,
)
from .records import (
    KINDS, SCHEMA_VERSION, AnyRecord, Facts, Kind, MeetingReport, OutOfScope, PolicyLecture,
    Record, RECORD_TYPES, json_schema, load_record,
)

__all__ = [
    "AnyRecord", "AttendeeGroup", "Bilingual", "Event", "EventDate", "Evidence", "Facts", "Figure",
    "KINDS", "Kind", "MeetingReport", "OutOfScope", "Person", "Point", "PointKind", "PolicyLecture",
    "Provenance", "RECORD_TYPES", "Record", "Rejection", "RepostOf", "Role", "SCHEMA_VERSION", "Source", "Unit",
    "Usage", "YearBasis", "json_schema", "load_record",
]
