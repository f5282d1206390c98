"""extract() and aextract(): read → normalise → extract (LLM or offline) → ground → record."""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, TypeAlias

from summarise import __version__, redact
from summarise.errors import InputError
from summarise.ground.grounder import Grounder, all_rejected
from summarise.normalise import Document, NormaliseError, normalise, read_source
from summarise.normalise.read import choose_source
from summarise.schemas import (
    RECORD_TYPES,
    Facts,
    MeetingReport,
    OutOfScope,
    PolicyLecture,
    Provenance,
    Rejection,
    Source,
    Usage,
)
from summarise.settings import KIND_CHOICES, KindChoice, Settings

from . import cache
from .fingerprint import code_fingerprint

Record: TypeAlias = MeetingReport | PolicyLecture | OutOfScope


def extract(
    source: str | bytes | os.PathLike[str] | None = None,
    *,
    text: str | None = None,
    kind: KindChoice = "auto",
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    settings: Settings | None = None,
) -> Record:
    """Summarise one article into a grounded record.

    The article is a ``pathlib.Path`` (read from that file), ``bytes`` (the page as downloaded) or a
    ``str`` (the article text); ``text=`` is always text, never a file name. A ``str`` that names an
    existing file is still read as that file, with a ``DeprecationWarning`` (until summarise 0.3).

    Returns a ``MeetingReport``, ``PolicyLecture`` or ``OutOfScope`` (``summarise.schemas``; all
    subclasses of ``summarise.schemas.Record``): ``record.kind`` says which. With a model and an
    endpoint configured (arguments, SUMMARISE_* or OPENAI_* variables) the LLM backend is used,
    otherwise the offline extractor. Raises a ``SummariseError`` (``ExtractionError``) whose kind and
    message say what went wrong for this document.
    """
    source = choose_source(source, text, func="extract")
    settings = _resolved(settings, model=model, base_url=base_url, api_key=api_key, kind=kind)
    read = _Read.of(source, kind, settings)
    if read.record is not None:
        return read.record
    return _extract_document(read.document(), kind, settings, read.key)


async def aextract(
    source: str | bytes | os.PathLike[str] | None = None,
    *,
    text: str | None = None,
    kind: KindChoice = "auto",
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    settings: Settings | None = None,
) -> Record:
    """`extract`, awaited: the same arguments, record and errors, with the SDK's async client (for
    services and notebooks; run many documents at once with `asyncio.gather` or a `TaskGroup`).

    The cleaning and checking run in the event loop's thread: about a millisecond of CPU per article.
    """
    source = choose_source(source, text, func="aextract")
    settings = _resolved(settings, model=model, base_url=base_url, api_key=api_key, kind=kind)
    read = _Read.of(source, kind, settings)
    if read.record is not None:
        return read.record
    return await _aextract_document(read.document(), kind, settings, read.key)


def _resolved(settings: Settings | None, *, kind: str, **overrides: str | None) -> Settings:
    if settings is None:
        settings = Settings.from_env(None, **overrides)
    else:
        settings = settings.model_copy(update={k: v for k, v in overrides.items() if v is not None})
        settings = Settings.model_validate(settings.model_dump())
    if kind not in KIND_CHOICES:
        raise ValueError(f"kind must be {', '.join(KIND_CHOICES[:-1])} or {KIND_CHOICES[-1]}, not {kind!r}")
    redact.remember(settings.api_key.get_secret_value() if settings.api_key else None)
    return settings


@dataclass
class _Read:
    """An input as read; for a cached LLM answer, its record, found without cleaning the input again."""

    payload: bytes | str
    name: str
    key: str | None = None
    record: Record | None = None

    @classmethod
    def of(cls, source: str | bytes | os.PathLike[str], choice: KindChoice, settings: Settings) -> _Read:
        try:
            payload, name = read_source(source)
        except NormaliseError as exc:
            raise InputError(str(exc)) from exc
        read = cls(payload, name)
        if settings.use_llm and not settings.no_cache:
            kind = None if choice == "auto" else choice
            read.key = cache.input_key(payload, name, settings, kind=kind, code=code_fingerprint())
            read.record = _input_hit(read.key, choice, settings)
        return read

    def document(self) -> Document:
        try:
            if isinstance(self.payload, str):  # text already: never looked up as a file name again
                return normalise(text=self.payload, name=self.name)
            return normalise(self.payload, name=self.name)
        except NormaliseError as exc:
            raise InputError(str(exc)) from exc


def _input_hit(key: str, choice: KindChoice, settings: Settings) -> Record | None:
    """The record for an input whose answer (and cross-check, when asked for) the cache holds, without
    cleaning the input again: the cleaned text is stored with the pointer, and trusted only when it
    hashes to the entry's key (which is a hash of the text); the answer is grounded again against it."""
    pointer = cache.get(settings, key)
    if pointer is None or not isinstance(pointer.get("key"), str) or not isinstance(pointer.get("source"), dict) \
            or not isinstance(pointer.get("text"), str):
        return None
    entry = cache.get(settings, pointer["key"])
    if entry is None:
        return None
    try:
        source = Source.model_validate(pointer["source"])
        kind = None if choice == "auto" else choice
        if cache.cache_key(pointer["text"], settings, title=source.title, published=source.published,
                           kind=kind) != pointer["key"]:
            return None  # the stored text is not the text the answer was given for
        hit = _grounded_entry(settings, pointer["key"], pointer["text"], source.published, source.title, entry)
        if hit is None:
            return None
        facts, rejected, missed = hit
        if settings.cross_check and missed is None:
            return None  # the full path runs the cross-check and stores it
        if choice != "auto":
            facts = facts.model_copy(update={"kind": choice})
        provenance = _provenance(settings, backend="llm", usage=Usage(), cache_hit=True, rejected=rejected,
                                 check=CrossCheck(missed if settings.cross_check and missed else []))
        record = RECORD_TYPES[facts.kind].model_validate(
            {**facts.model_dump(exclude={"kind"}), "source": source, "provenance": provenance})
        return redact.scrub_model(record)
    except (KeyError, TypeError, ValueError):  # a damaged or foreign entry is a miss, not a crash
        return None


def _grounded_entry(settings: Settings, key: str, text: str, published: str | None, title: str | None,
                    entry: dict[str, Any]) -> tuple[Facts, list[Rejection], list[str] | None] | None:
    """A cache entry's grounded facts, what was rejected and its stored cross-check (None: none to
    trust), or None for a damaged entry (a miss).

    An entry whose seal verifies holds what grounding made of the answer for this text (the key
    hashes it) under this code: it is used as stored. Any other entry (edited by hand, written by
    other code, or unsealed) is grounded again like an answer, its unsupported facts dropped and
    reported, its cross-check set aside, and stored again sealed."""
    if cache.sealed(settings, key, _sealed_part(entry), entry.get("seal"), code=code_fingerprint()):
        try:
            return (Facts.model_validate(entry["facts"]),
                    [Rejection.model_validate(r) for r in entry.get("rejected", [])], _stored_cross_check(entry))
        except (KeyError, TypeError, ValueError):
            return None
    hit = _regrounded(text, published, title, entry)
    if hit is None:
        return None
    facts, rejected = hit
    kept = {k: v for k, v in entry.items() if k != "cross_check"}
    cache.put(settings, key, _sealed_entry(settings, key, {
        **kept, **_grounded_fields(facts, rejected)}))
    return facts, rejected, None


def _grounded_fields(facts: Facts, rejected: list[Rejection]) -> dict[str, Any]:
    """A cache entry's grounded facts and rejections, as stored."""
    return {"facts": facts.model_dump(mode="json"), "rejected": [r.model_dump(mode="json") for r in rejected]}


def _sealed_part(entry: dict[str, Any]) -> dict[str, Any]:
    """What a seal covers: the grounded facts, what grounding rejected, and the stored cross-check
    (printed in notes as possibly missed)."""
    return {"facts": entry.get("facts"), "rejected": entry.get("rejected", []),
            "cross_check": entry.get("cross_check")}


def _sealed_entry(settings: Settings, key: str, entry: dict[str, Any]) -> dict[str, Any]:
    """The entry with the seal of its grounded facts (without one when the cache has no usable key)."""
    mark = cache.seal(settings, key, _sealed_part(entry), code=code_fingerprint())
    entry = {k: v for k, v in entry.items() if k != "seal"}
    return entry if mark is None else {**entry, "seal": mark}


def _regrounded(text: str, published: str | None, title: str | None,
                entry: dict[str, Any]) -> tuple[Facts, list[Rejection]] | None:
    """A cache entry's facts grounded again against the article: a hit is checked like an answer (an
    edited entry's unsupported facts are dropped and reported); None for a damaged entry (a miss)."""
    try:
        facts = Facts.model_validate(entry["facts"])
        rejected = [Rejection.model_validate(r) for r in entry.get("rejected", [])]
    except (KeyError, TypeError, ValueError):
        return None
    grounded, again = Grounder(text, published, title).review(facts)
    if all_rejected(grounded, again):
        return None
    return grounded, rejected + [r for r in again if r not in rejected]


def _check_length(doc: Document, settings: Settings) -> None:
    if len(doc.text) > settings.max_chars:
        raise InputError(
            f"{doc.name}: {len(doc.text):,} characters of article text after cleaning, more than the limit of "
            f"{settings.max_chars:,} (an article of this genre has a few thousand); raise SUMMARISE_MAX_CHARS "
            f"to process it anyway"
        )


def extract_document(doc: Document, *, kind: KindChoice = "auto", settings: Settings) -> Record:
    """Extract from an already normalised document."""
    return _extract_document(doc, kind, settings, None)


async def aextract_document(doc: Document, *, kind: KindChoice = "auto", settings: Settings) -> Record:
    """`extract_document`, awaited."""
    return await _aextract_document(doc, kind, settings, None)


def _extract_document(doc: Document, kind: KindChoice, settings: Settings, input_key: str | None) -> Record:
    _check_length(doc, settings)
    if not settings.use_llm:
        facts, rejected = _offline(doc)
        return assemble(doc, facts, rejected, kind=kind, settings=settings, backend="offline")
    from . import llm

    lookup = _Lookup.of(doc, kind, settings, input_key)
    if lookup.record is not None:
        return lookup.record
    facts, rejected, usage = llm.extract_facts(
        doc.text, title=doc.title, published=doc.published, kind=lookup.kind, settings=settings,
        grounder=lookup.grounder)
    return lookup.answered(facts, rejected, usage)


async def _aextract_document(doc: Document, kind: KindChoice, settings: Settings, input_key: str | None) -> Record:
    _check_length(doc, settings)
    if not settings.use_llm:
        facts, rejected = _offline(doc)
        return assemble(doc, facts, rejected, kind=kind, settings=settings, backend="offline")
    from . import llm

    lookup = _Lookup.of(doc, kind, settings, input_key)
    if lookup.record is not None:
        return lookup.record
    facts, rejected, usage = await llm.aextract_facts(
        doc.text, title=doc.title, published=doc.published, kind=lookup.kind, settings=settings,
        grounder=lookup.grounder)
    return lookup.answered(facts, rejected, usage)


@dataclass
class CrossCheck:
    """What the offline extractor found that the model's answer lacks, or why it could not say."""

    missed: list[str]
    error: str | None = None


@dataclass
class _Lookup:
    """One LLM document's cache lookup, and what to store once the endpoint has answered."""

    doc: Document
    choice: KindChoice
    settings: Settings
    key: str | None
    input_key: str | None = None
    record: Record | None = None

    @property
    def kind(self) -> str | None:
        return None if self.choice == "auto" else self.choice

    @functools.cached_property
    def grounder(self) -> Grounder:
        """The document's grounder, shared by the answer's checks and the cross-check."""
        return Grounder(self.doc.text, self.doc.published, self.doc.title)

    @classmethod
    def of(cls, doc: Document, choice: KindChoice, settings: Settings, input_key: str | None = None) -> _Lookup:
        """The lookup, with the record already made when the cache holds the answer (the cross-check
        is stored with the entry, so a hit does not re-run the offline extractor while its code is unchanged)."""
        kind = None if choice == "auto" else choice
        key = None if settings.no_cache else cache.cache_key(
            doc.text, settings, title=doc.title, published=doc.published, kind=kind)
        lookup = cls(doc, choice, settings, key, input_key)
        cached = cache.get(settings, key) if key is not None else None
        hit = None if cached is None or key is None else _grounded_entry(
            settings, key, doc.text, doc.published, doc.title, cached)
        if cached is None or hit is None:  # a damaged or foreign entry is a miss, not a crash
            return lookup
        facts, rejected, stored = hit
        if stored is None:
            check = _cross_check(doc, facts, settings)
            if settings.cross_check and key is not None and check.error is None:
                cache.put(settings, key, _sealed_entry(settings, key, {
                    **cached, **_grounded_fields(facts, rejected),
                    "cross_check": _cross_check_entry(check.missed)}))
        else:
            check = CrossCheck(stored if settings.cross_check else [])
        lookup._point()
        lookup.record = assemble(doc, facts, rejected, kind=choice, settings=settings, backend="llm",
                                 usage=Usage(), cache_hit=True, check=check)
        return lookup

    def _point(self) -> None:
        """Lead the input's key to this entry (with the record's source), so that reading the same
        input again needs no cleaning."""
        if self.input_key is not None and self.key is not None:
            cache.put(self.settings, self.input_key, {"key": self.key, "source": _source(self.doc).model_dump(mode="json"),
                                                      "text": self.doc.text})

    def answered(self, facts: Facts, rejected: list[Rejection], usage: Usage) -> Record:
        """The record for the endpoint's answer, stored in the cache with its cross-check."""
        check = _cross_check(self.doc, facts, self.settings, self.grounder)
        if self.key is not None:
            entry: dict[str, Any] = {
                **_grounded_fields(facts, rejected),
                "usage": usage.model_dump(mode="json"),
            }
            if self.settings.cross_check and check.error is None:
                entry["cross_check"] = _cross_check_entry(check.missed)
            cache.put(self.settings, self.key, _sealed_entry(self.settings, self.key, entry))
            self._point()
        return assemble(self.doc, facts, rejected, kind=self.choice, settings=self.settings, backend="llm",
                        usage=usage, check=check)


def llm_record(doc: Document, facts: Facts, rejected: list[Rejection], usage: Usage, *, kind: KindChoice,
               settings: Settings, cache_hit: bool = False) -> Record:
    """The record for an LLM answer (live, cached or ingested from a batch), with the offline cross-check."""
    return assemble(doc, facts, rejected, kind=kind, settings=settings, backend="llm", usage=usage,
                    cache_hit=cache_hit, check=_cross_check(doc, facts, settings))


def assemble(doc: Document, facts: Facts, rejected: list[Rejection], *, kind: KindChoice, settings: Settings,
             backend: Literal["offline", "llm"], usage: Usage | None = None, cache_hit: bool = False,
             check: CrossCheck | None = None) -> Record:
    """Grounded facts + the document's source + provenance → a validated record."""
    if kind != "auto":
        facts = facts.model_copy(update={"kind": kind})
    provenance = _provenance(settings, backend=backend, usage=usage or Usage(), cache_hit=cache_hit,
                             rejected=rejected, check=check)
    fields = facts.model_dump(exclude={"kind"})
    record = RECORD_TYPES[facts.kind].model_validate({**fields, "source": _source(doc), "provenance": provenance})
    return redact.scrub_model(record)  # an endpoint that echoed the key into its answer: never written


def _provenance(settings: Settings, *, backend: Literal["offline", "llm"], usage: Usage, cache_hit: bool,
                rejected: list[Any], check: CrossCheck | None) -> Provenance:
    llm = backend == "llm"
    return Provenance(
        backend=backend,
        model=settings.model if llm else None,
        base_url=settings.base_url if llm else None,
        mode=settings.mode if llm else None,
        summarise_version=__version__,
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        cache_hit=cache_hit,
        usage=usage,
        rejected=rejected,
        possibly_missed=check.missed if check else [],
        cross_check_error=check.error if check else None,
    )


def _source(doc: Document) -> Source:
    return Source(
        name=doc.name, title=doc.title, publisher=doc.publisher, published=doc.published, script=doc.script,
        sha256=doc.sha256,
    )


def _offline(doc: Document) -> tuple[Facts, list[Rejection]]:
    from summarise.offline import extract_facts

    return Grounder(doc.text, doc.published, doc.title).review(extract_facts(doc))


def _cross_check_entry(missed: list[str]) -> dict[str, object]:
    return {"offline": code_fingerprint(), "missed": list(missed)}


def _stored_cross_check(entry: dict[str, object]) -> list[str] | None:
    """The cross-check stored with a cache entry, if it was made by the offline code of this process."""
    stored = entry.get("cross_check")
    if not isinstance(stored, dict) or stored.get("offline") != code_fingerprint():
        return None
    missed = stored.get("missed")
    return list(missed) if isinstance(missed, list) and all(isinstance(m, str) for m in missed) else None




def _cross_check(doc: Document, facts: Facts, settings: Settings, grounder: Grounder | None = None) -> CrossCheck:
    """People and figures the offline extractor finds that the model's answer lacks (`grounder`: the
    document's, whose analysis of the text the answer's checks have begun)."""
    if not settings.cross_check:
        return CrossCheck([])
    names = {p.name for p in facts.people}
    quotes = {f.quote for f in facts.figures}
    try:
        from summarise.offline import people_and_figures

        grounder = grounder or Grounder(doc.text, doc.published, doc.title)
        found = people_and_figures(doc, grounder.stated.dates)
        offline, _ = grounder.review(_candidates(found, names, quotes))
    except Exception as exc:  # noqa: BLE001 - the cross-check must never cost the user the model's answer
        return CrossCheck([], f"{type(exc).__name__}: {exc}")
    missed = [f"person {p.name}" + (f" ({p.title.zh})" if p.title else "") for p in offline.people if p.name not in names]
    missed += [f"figure {f.quote}" for f in offline.figures if f.quote not in quotes]
    return CrossCheck(missed)


def _candidates(found: Facts, names: set[str], quotes: set[str]) -> Facts:
    """What of the offline finds could be missed, with only the parts the cross-check reports left to
    ground: a person's name and title, a figure's quote (roles and what a figure measures are not
    reported). People the answer names stay, bare, since every name bounds the others' titles."""
    people = [p.model_copy(update={"roles": []} if p.name not in names else {"roles": [], "title": None})
              for p in found.people]
    figures = [f.model_copy(update={"measures": None}) for f in found.figures if f.quote not in quotes]
    return found.model_copy(update={"people": people, "figures": figures})
