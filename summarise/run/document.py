"""One input through the whole flow: read → normalise → extract → ground (`extractor`) → render,
its notes and manifest written atomically; a failure becomes the input's listed reason."""
from __future__ import annotations

import errno
import hashlib
import json
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarise.errors import ExtractionError
from summarise.render import render
from summarise.render.view import english_title
from summarise.schemas import load_record

from . import reposts, store
from .atomic import atomic_write
from .inputs import Job, output_stem
from .manifest import MANIFEST_VERSION, is_complete, manifest_path, outputs_for, read_manifest
from .options import ExtractFn, RunOptions
from .outcome import ItemResult, OutputWriteError, cannot_connect, describe, no_answer
from .stories import Role


def process(job: Job, options: RunOptions, extractor: ExtractFn, role: Role | None = None,
            halt: threading.Event | None = None) -> ItemResult:
    """Summarise one input and write its outputs; never raises for a bad input. Once `halt` is set (the
    output disk is full) an input is listed as not processed, without spending anything on it.

    A repost (`role.story`) is summarised from its story's record, which must be on disk by then
    (`run_batch` runs the stories first)."""
    return _process(job, options, extractor, role, role.story if role is not None else None, halt)


def _process(job: Job, options: RunOptions, extractor: ExtractFn, role: Role | None = None,
             story: str | None = None, halt: threading.Event | None = None) -> ItemResult:
    started = time.perf_counter()
    result = ItemResult(path=job.label, status="failed")
    try:
        data = job.read()
        sha = hashlib.sha256(data).hexdigest()
        stem = output_stem(job.stem, sha)
        result.stem = stem  # known even when halted: reposts waiting for this story are told it failed
        if halt is not None and halt.is_set():
            raise OutputWriteError(options.out, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), halted=True)
        out = options.out
        key = options.extract_key()
        wanted = outputs_for(stem, options.formats)
        manifest_file = manifest_path(out, stem)
        manifest = None if options.force else read_manifest(manifest_file)
        record = None
        if is_complete(manifest, sha, options, wanted):
            result.status = "cached"
            _fill(result, manifest)  # type: ignore[arg-type]
            result.outputs = wanted
            return result
        kept: dict[str, str] = {}
        if manifest and manifest.get("sha256") == sha and manifest.get("extract_key") == key:
            if manifest.get("langs") == list(options.langs):  # earlier formats stay in the index
                kept = {f: n for f, n in manifest.get("outputs", {}).items() if (out / n).is_file()}
            try:  # same extraction, other formats/languages: re-render from the saved record
                record = load_record(manifest["record"])
            except (KeyError, ValueError):
                record = None
        fresh = record is None
        story_of = None
        if fresh and story is not None and role is not None:
            record, story_of = _repost_record(job, data, options, story, role, extractor)
        if record is None:
            source: Any = job.path if job.path is not None else data
            record = extractor(source, kind=options.kind, settings=options.settings)
        elif story_of is None and manifest is not None and not fresh:
            story_of = manifest.get("story")
        usage = record.provenance.usage
        if fresh and story_of is None:
            result.prompt_tokens, result.completion_tokens = usage.prompt_tokens, usage.completion_tokens
            result.tokens = usage.total_tokens
        for fmt, name in wanted.items():
            rendered = render(record, fmt, options.langs)
            try:
                atomic_write(out / name, rendered)
            except OSError as exc:
                raise OutputWriteError(out / name, exc, result.tokens if not record.provenance.cache_hit else 0) from exc
        manifest = {
            "version": MANIFEST_VERSION,
            "input": job.label,
            "sha256": sha,
            "stem": stem,
            "extract_key": key,
            "formats": list(options.formats),
            "langs": list(options.langs),
            "outputs": {**kept, **wanted},
            "kind": record.kind,
            "headline": record.headline.model_dump() if record.headline else {"zh": record.source.title, "en": None},
            "title": _title(record),
            "out_of_scope_reason": record.out_of_scope_reason if record.kind == "other" else None,
            "published": record.source.published,
            "event_date": record.event.date.value if record.event.date else None,
            "backend": record.provenance.backend,
            "model": record.provenance.model,
            "tokens": usage.total_tokens,
            "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "story": story_of,
            "repost_key": role.key.to_json() if role is not None and role.key is not None
            else (manifest or {}).get("repost_key") if not fresh else None,
            "record": record.model_dump(mode="json"),
        }
        try:
            atomic_write(manifest_file, json.dumps(manifest, ensure_ascii=False, indent=1))
        except OSError as exc:
            raise OutputWriteError(manifest_file, exc, result.tokens if not record.provenance.cache_hit else 0) from exc
        if options.db:
            _index(out, manifest, manifest_file)
        result.status = "done" if fresh else "cached"
        _fill(result, manifest)
        result.outputs = wanted
        if fresh and story_of is None:
            result.cache_hit = record.provenance.cache_hit
        else:
            result.tokens = 0
    except Exception as exc:  # noqa: BLE001 - one failing input must never stop the batch
        result.status = "failed"
        result.error, result.reason, result.detail = describe(exc)
        result.unreachable = cannot_connect(exc)
        result.unanswered = not result.unreachable and no_answer(exc)
        spent = getattr(exc, "usage", None)  # tokens a failed document's calls spent are counted too
        if spent is not None and not result.tokens:
            result.prompt_tokens, result.completion_tokens = spent.prompt_tokens, spent.completion_tokens
            result.tokens = spent.total_tokens
        if isinstance(exc, OutputWriteError) and exc.full and halt is not None:
            halt.set()
    finally:
        result.seconds = time.perf_counter() - started
    return result


def _title(record: Any) -> dict[str, Any]:
    """The note's title for the index: the headline, and its English or the event's English name."""
    en, translates = english_title(record)
    zh = record.headline.zh if record.headline else record.source.title
    return {"zh": zh, "en": en, "translates_headline": translates}


def _repost_record(job: Job, data: bytes, options: RunOptions, story: str, role: Role,
                   extractor: ExtractFn) -> tuple[Any, dict[str, Any] | None]:
    """(the copy's record, the manifest's "story" entry), or (None, None) when the story's record
    cannot be read (the copy is then extracted as a story of its own)."""
    from summarise.normalise import NormaliseError, normalise
    from summarise.schemas import RepostOf

    told = read_manifest(manifest_path(options.out, story))
    try:
        story_record = load_record(told["record"])  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return None, None
    similarity = round(role.similarity or 0.0, 3)
    # Offline there is no call to save, and a copy's own extraction keeps more of what it states than
    # the story's facts re-grounded in it (benchmarks/ACROSS.md): the copy is extracted itself.
    shared = options.settings.use_llm
    repost_of = RepostOf(document=story, input=told.get("input"), sha256=told.get("sha256"),  # type: ignore[union-attr]
                         publisher=story_record.source.publisher, published=story_record.source.published,
                         similarity=similarity, shared=shared)
    if shared:
        try:
            doc = normalise(job.path if job.path is not None else data)  # as the extractor reads it
        except NormaliseError as exc:
            raise ExtractionError(str(exc)) from None
        record = reposts.reground(story_record, doc, repost_of=repost_of, kind=options.kind, settings=options.settings)
    else:
        record = extractor(job.path if job.path is not None else data, kind=options.kind, settings=options.settings)
        record.provenance.repost_of = repost_of
    return record, {"id": story, "input": repost_of.input, "similarity": similarity}


def _index(out: Path, manifest: dict[str, Any], manifest_file: Path) -> None:
    """The document's rows in summarise.db; a database error never fails the document (its manifest
    is written: the next run's sync adds the rows)."""
    db = store.for_dir(out)
    try:
        db.put_later(manifest, manifest_file)
    except OSError as exc:
        db.errors.append(f"{manifest.get('input')}: {type(exc).__name__}: {exc}")


def _fill(result: ItemResult, manifest: dict[str, Any]) -> None:
    headline = manifest.get("headline") or {}
    result.kind = manifest.get("kind")
    if result.kind == "other":
        result.out_of_scope = manifest.get("out_of_scope_reason") or "not a meeting report or policy lecture"
    result.title = headline.get("zh") or headline.get("en")
    result.backend = manifest.get("backend")
    result.model = manifest.get("model")
    result.repost_of = (manifest.get("story") or {}).get("id")
