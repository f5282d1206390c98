"""extract(): read → normalise → extract (LLM or offline) → ground → record."""
from __future__ import annotations

import functools
import hashlib
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from . import __version__, cache, turns
from .errors import ExtractionError
from .ground import Grounder
from .normalise import Document, NormaliseError, normalise
from .normalise.read import choose_source
from .schemas import (
    Facts, MeetingReport, OutOfScope, PolicyLecture, Provenance, RECORD_TYPES, Rejection, Source, Usage,
)
from .settings import Settings

Record = MeetingReport | PolicyLecture | OutOfScope
KindChoice = Literal["auto", "meeting_report", "policy_lecture"]


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
    otherwise the offline extractor. Raises ``ExtractionError`` with a message that says what went
    wrong for this document.
    """
    source = choose_source(source, text, func="extract")
    overrides = {"model": model, "base_url": base_url, "api_key": api_key}
    if settings is None:
        settings = Settings.from_env(**overrides)
    else:
        settings = settings.model_copy(update={k: v for k, v in overrides.items() if v is not None})
        settings = Settings.model_validate(settings.model_dump())
    if kind not in ("auto", "meeting_report", "policy_lecture"):
        raise ValueError(f"kind must be auto, meeting_report or policy_lecture, not {kind!r}")
    with turns.turn():
        try:
            doc = normalise(source)
        except NormaliseError as exc:
            raise ExtractionError(str(exc)) from None
        return extract_document(doc, kind=kind, settings=settings)


def extract_document(doc: Document, *, kind: KindChoice = "auto", settings: Settings) -> Record:
    """Extract from an already normalised document."""
    with turns.turn():
        return _extract_document(doc, kind=kind, settings=settings)


def _extract_document(doc: Document, *, kind: KindChoice, settings: Settings) -> Record:
    if len(doc.text) > settings.max_chars:
        raise ExtractionError(
            f"{doc.name}: {len(doc.text):,} characters of article text after cleaning, more than the limit of "
            f"{settings.max_chars:,} (an article of this genre has a few thousand); raise SUMMARISE_MAX_CHARS "
            f"to process it anyway"
        )
    if settings.use_llm:
        facts, rejected, usage, hit, missed = _llm(doc, None if kind == "auto" else kind, settings)
        return assemble(doc, facts, rejected, kind=kind, settings=settings, backend="llm", usage=usage,
                        cache_hit=hit, missed=missed)
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


def _llm(doc: Document, kind: str | None, settings: Settings
         ) -> tuple[Facts, list[Rejection], Usage, bool, list[str]]:
    """Facts from the cache or the endpoint, with the cross-check (stored with the cache entry, so a
    hit does not re-run the offline extractor while the offline code is unchanged)."""
    from . import llm

    key = None if settings.no_cache else cache.cache_key(
        doc.text, settings, title=doc.title, published=doc.published, kind=kind)
    cached = cache.get(settings, key) if key is not None else None
    if cached is not None:
        try:
            facts = Facts.model_validate(cached["facts"])
            rejected = [Rejection.model_validate(r) for r in cached.get("rejected", [])]
        except (KeyError, TypeError, ValueError):  # a damaged or foreign entry is a miss, not a crash
            cached = None
    if cached is not None:
        missed = _stored_cross_check(cached)
        if missed is None:
            missed = _cross_check(doc, facts, settings)
            if settings.cross_check and key is not None and not missed_unavailable(missed):
                cache.put(settings, key, {**cached, "cross_check": _cross_check_entry(missed)})
        elif not settings.cross_check:
            missed = []
        return facts, rejected, Usage(), True, missed
    facts, rejected, usage = llm.extract_facts(
        doc.text, title=doc.title, published=doc.published, kind=kind, settings=settings,
    )
    missed = _cross_check(doc, facts, settings)
    if key is not None:
        entry = {
            "facts": facts.model_dump(mode="json"),
            "rejected": [r.model_dump(mode="json") for r in rejected],
            "usage": usage.model_dump(mode="json"),
        }
        if settings.cross_check and not missed_unavailable(missed):
            entry["cross_check"] = _cross_check_entry(missed)
        cache.put(settings, key, entry)
    return facts, rejected, usage, False, missed


def missed_unavailable(missed: list[str]) -> bool:
    """True when the cross-check failed (its message is not stored: the next run tries again)."""
    return any(m.startswith("cross-check unavailable") for m in missed)


def _cross_check_entry(missed: list[str]) -> dict[str, object]:
    return {"offline": _offline_fingerprint(), "missed": list(missed)}


def _stored_cross_check(entry: dict[str, object]) -> list[str] | None:
    """The cross-check stored with a cache entry, if it was made by the offline code of this process."""
    stored = entry.get("cross_check")
    if not isinstance(stored, dict) or stored.get("offline") != _offline_fingerprint():
        return None
    missed = stored.get("missed")
    return list(missed) if isinstance(missed, list) and all(isinstance(m, str) for m in missed) else None


@functools.lru_cache(maxsize=1)
def _offline_fingerprint() -> str:
    """A hash of the package's code and data as installed (the cross-check runs the offline extractor,
    grounding and the schemas): a stored cross-check is reused only while none of it has changed."""
    from . import schemas

    roots = [Path(__file__).parent, Path(schemas.__file__).parent]
    digest = hashlib.sha256(__version__.encode())
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            try:
                digest.update(f"{path.relative_to(root)}\0".encode() + path.read_bytes())
            except OSError:
                digest.update(str(path).encode())
    return digest.hexdigest()


def _cross_check(doc: Document, facts: Facts, settings: Settings) -> list[str]:
    """People and figures the offline extractor finds that the model's answer lacks."""
    if not settings.cross_check:
        return []
    try:
        from .offline import people_and_figures

        offline, _ = Grounder(doc.text, doc.published).review(people_and_figures(doc))
    except Exception as exc:  # the cross-check must never cost the user the model's answer
        return [f"cross-check unavailable: {type(exc).__name__}: {exc}"]
    names = {p.name for p in facts.people}
    quotes = {f.quote for f in facts.figures}
    missed = [f"person {p.name}" + (f" ({p.title.zh})" if p.title else "") for p in offline.people if p.name not in names]
    missed += [f"figure {f.quote}" for f in offline.figures if f.quote not in quotes]
    return missed
