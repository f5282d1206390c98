"""extract(): read → normalise → extract (LLM or offline) → ground → record."""
from __future__ import annotations

import hashlib
import os
from datetime import datetime, timezone
from typing import Literal

from . import __version__, cache
from .errors import ExtractionError
from .ground import Grounder
from .normalise import Document, NormaliseError, normalise
from .schemas import (
    Facts, MeetingReport, OutOfScope, PolicyLecture, Provenance, RECORD_TYPES, Rejection, Source, Usage,
)
from .settings import Settings

Record = MeetingReport | PolicyLecture | OutOfScope
KindChoice = Literal["auto", "meeting_report", "policy_lecture"]


def extract(
    source: str | bytes | os.PathLike[str],
    *,
    kind: KindChoice = "auto",
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    settings: Settings | None = None,
) -> Record:
    """Summarise one article (a path, raw bytes or the text itself) into a grounded record.

    With a model and endpoint configured (arguments, SUMMARISE_* or OPENAI_* variables) the LLM
    backend is used, otherwise the offline extractor. Raises `ExtractionError` with a message that
    says what went wrong for this document.
    """
    overrides = {"model": model, "base_url": base_url, "api_key": api_key}
    if settings is None:
        settings = Settings.from_env(**overrides)
    else:
        settings = settings.model_copy(update={k: v for k, v in overrides.items() if v is not None})
        settings = Settings.model_validate(settings.model_dump())
    if kind not in ("auto", "meeting_report", "policy_lecture"):
        raise ValueError(f"kind must be auto, meeting_report or policy_lecture, not {kind!r}")
    try:
        doc = normalise(source)
    except NormaliseError as exc:
        raise ExtractionError(str(exc)) from None
    return extract_document(doc, kind=kind, settings=settings)


def extract_document(doc: Document, *, kind: KindChoice = "auto", settings: Settings) -> Record:
    """Extract from an already normalised document."""
    if len(doc.text) > settings.max_chars:
        raise ExtractionError(
            f"{doc.name}: {len(doc.text):,} characters of article text after cleaning, more than the limit of "
            f"{settings.max_chars:,} (an article of this genre has a few thousand); raise SUMMARISE_MAX_CHARS "
            f"to process it anyway"
        )
    if settings.use_llm:
        facts, rejected, usage, hit = _llm(doc, None if kind == "auto" else kind, settings)
        return llm_record(doc, facts, rejected, usage, kind=kind, settings=settings, cache_hit=hit)
    facts, rejected = _offline(doc)
    return assemble(doc, facts, rejected, kind=kind, settings=settings, backend="offline")


def llm_record(doc: Document, facts: Facts, rejected: list[Rejection], usage: Usage, *, kind: KindChoice,
               settings: Settings, cache_hit: bool = False) -> Record:
    """The record for an LLM answer (live, cached or ingested from a batch), with the offline cross-check."""
    return assemble(doc, facts, rejected, kind=kind, settings=settings, backend="llm", usage=usage,
                    cache_hit=cache_hit, missed=_cross_check(doc, facts, settings))


def assemble(doc: Document, facts: Facts, rejected: list[Rejection], *, kind: KindChoice, settings: Settings,
             backend: Literal["offline", "llm"], usage: Usage | None = None, cache_hit: bool = False,
             missed: list[str] | None = None) -> Record:
    """Grounded facts + the document's source + provenance → a validated record."""
    if kind != "auto":
        facts = facts.model_copy(update={"kind": kind})
    llm = backend == "llm"
    provenance = Provenance(
        backend=backend,
        model=settings.model if llm else None,
        base_url=settings.base_url if llm else None,
        mode=settings.mode if llm else None,
        summarise_version=__version__,
        generated_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        cache_hit=cache_hit,
        usage=usage or Usage(),
        rejected=rejected,
        possibly_missed=missed or [],
    )
    source = Source(
        name=doc.name, title=doc.title, publisher=doc.publisher, published=doc.published, script=doc.script,
        sha256=hashlib.sha256(doc.original.encode("utf-8", "surrogatepass")).hexdigest(),
    )
    fields = facts.model_dump(exclude={"kind"})
    return RECORD_TYPES[facts.kind].model_validate({**fields, "source": source, "provenance": provenance})


def _offline(doc: Document) -> tuple[Facts, list[Rejection]]:
    from .offline import extract_facts

    return Grounder(doc.text, doc.published).review(extract_facts(doc))


def _llm(doc: Document, kind: str | None, settings: Settings) -> tuple[Facts, list[Rejection], Usage, bool]:
    from . import llm

    key = cache.cache_key(doc.text, settings, title=doc.title, published=doc.published, kind=kind)
    cached = cache.get(settings, key)
    if cached is not None:
        try:
            facts = Facts.model_validate(cached["facts"])
            rejected = [Rejection.model_validate(r) for r in cached.get("rejected", [])]
        except (KeyError, TypeError, ValueError):  # a damaged or foreign entry is a miss, not a crash
            cached = None
    if cached is not None:
        return facts, rejected, Usage(), True
    facts, rejected, usage = llm.extract_facts(
        doc.text, title=doc.title, published=doc.published, kind=kind, settings=settings,
    )
    cache.put(settings, key, {
        "facts": facts.model_dump(mode="json"),
        "rejected": [r.model_dump(mode="json") for r in rejected],
        "usage": usage.model_dump(mode="json"),
    })
    return facts, rejected, usage, False


def _cross_check(doc: Document, facts: Facts, settings: Settings) -> list[str]:
    """People and figures the offline extractor finds that the model's answer lacks."""
    if not settings.cross_check:
        return []
    try:
        offline, _ = _offline(doc)
    except Exception as exc:  # the cross-check must never cost the user the model's answer
        return [f"cross-check unavailable: {type(exc).__name__}: {exc}"]
    names = {p.name for p in facts.people}
    quotes = {f.quote for f in facts.figures}
    missed = [f"person {p.name}" + (f" ({p.title.zh})" if p.title else "") for p in offline.people if p.name not in names]
    missed += [f"figure {f.quote}" for f in offline.figures if f.quote not in quotes]
    return missed
