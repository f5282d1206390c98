"""The batch's reports in the output directory: errors.jsonl, summary.json, index.html, and
summarise.db kept in line with the manifests."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarise import __version__
from summarise.errors import os_reason
from summarise.render.html import render_template
from summarise.render.view import Text, date_text

from . import store
from .atomic import atomic_write
from .manifest import STATE_DIR, read_manifest
from .options import RunOptions, safe_url
from .outcome import BatchSummary


def sync_db(out: Path) -> dict[str, Any]:
    """Bring summarise.db in line with the manifests; what it holds and any error, for summary.json."""
    db = store.for_dir(out)
    if not db.flush():
        db.errors.append("the database writer did not finish in time: the next run adds what is missing")
    try:
        _, report = store.synced(out)
        documents = db.query("SELECT COUNT(*) FROM documents")[0][0]
    except (sqlite3.Error, OSError) as exc:
        db.errors.append(f"{db.path}: {type(exc).__name__}: {exc}")
        documents = None
        report = None
    return {"path": store.DB_NAME, "documents": documents,
            **({"unreadable_manifests": report.unreadable} if report and report.unreadable else {}),
            **({"errors": list(db.errors)} if db.errors else {})}


def write_reports(summary: BatchSummary, options: RunOptions, started_at: datetime,
                  extra: dict[str, Any] | None = None) -> list[str]:
    """errors.jsonl, summary.json (plus `extra` keys) and index.html for the output directory; returns
    what could not be written (a full disk), never raises for that."""
    out = options.out
    s = options.settings
    backends: dict[str, int] = {}
    for item in summary.items:
        if item.backend and item.status != "failed":
            backends[item.backend] = backends.get(item.backend, 0) + 1
    notes = notes_in(out)
    kinds: dict[str, int] = {}
    for note in notes:
        kinds[note.get("kind") or "other"] = kinds.get(note.get("kind") or "other", 0) + 1
    copies = _copies(notes)
    summary.folder = {"notes": len(notes), "kinds": kinds, "stories": len(notes) - copies, "reposts": copies}
    data = {
        "summarise_version": __version__,
        "started_at": started_at.isoformat(timespec="seconds"),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "wall_time_s": summary.wall_time_s,
        "interrupted": summary.interrupted,
        "stopped": summary.stopped,
        "counts": {"total": summary.total, "done": summary.done, "failed": summary.failed,
                   "skipped_cached": summary.cached,
                   "not_reached": summary.total - summary.done - summary.failed - summary.cached,
                   # done or already done, but the page reports no meeting or lecture (kind "other")
                   "out_of_scope": sum(i.out_of_scope is not None for i in summary.items if i.status != "failed")},
        # every note in --out, from this run and earlier ones (what index.html lists and summarise.db holds):
        # a repost shares its story's extraction, every other note is a story of its own
        "folder": summary.folder,
        "tokens": {"prompt": summary.prompt_tokens, "completion": summary.completion_tokens,
                   "total": summary.prompt_tokens + summary.completion_tokens},
        "cache_hits": summary.cache_hits,
        "backend": {"requested": s.backend, "used": backends},
        "model": s.model if s.use_llm else None,
        "base_url": safe_url(s.base_url) if s.use_llm else None,
        "formats": list(options.formats),
        "langs": list(options.langs),
        "jobs": options.jobs,
        **(extra or {}),
        "inputs": [{k: v for k, v in asdict(i).items() if k != "detail"} for i in summary.items],
    }
    errors = [json.dumps({"path": i.path, "error": i.error, "reason": i.reason,
                          **({"traceback": i.detail} if i.detail else {})}, ensure_ascii=False)
              for i in summary.items if i.status == "failed"]
    problems: list[str] = []
    # each report on its own, the smallest first: on a full disk, what fits is written
    for name, make in (("errors.jsonl", lambda: "".join(e + "\n" for e in errors)),
                       ("summary.json", lambda: json.dumps(data, ensure_ascii=False, indent=2) + "\n"),
                       ("index.html", lambda: render_index(out, summary, data, notes))):
        try:
            atomic_write(out / name, make())
        except OSError as exc:
            problems.append(f"cannot write {out / name}: {os_reason(exc)}")
    return problems


def _copies(notes: list[dict[str, Any]]) -> int:
    """How many of `notes` are reposts of another note in the folder."""
    stems = {n.get("stem") for n in notes}
    return sum((n.get("story") or {}).get("id") in stems for n in notes if n.get("story"))


def notes_in(out: Path) -> list[dict[str, Any]]:
    """Every note in the output directory (from the manifests), newest first."""
    notes = []
    for path in (out / STATE_DIR).glob("*.json"):
        if path.name.startswith("."):  # a temp file a killed run left behind
            continue
        manifest = read_manifest(path)
        if manifest is None:
            continue
        outputs = {f: n for f, n in manifest.get("outputs", {}).items() if (out / n).is_file()}
        if outputs:
            notes.append({**{k: v for k, v in manifest.items() if k != "record"}, "outputs": outputs})
    notes.sort(key=lambda m: (m.get("published") or "", m.get("stem") or ""), reverse=True)
    return notes


def render_index(out: Path, summary: BatchSummary, data: dict[str, Any],
                 notes: list[dict[str, Any]] | None = None) -> str:
    failures = [i for i in summary.items if i.status == "failed"]
    rows = [_index_row(n) for n in (notes_in(out) if notes is None else notes)]
    stems = {r["stem"]: r["link"] for r in rows if r.get("stem")}
    return render_template("index.html.j2", notes=rows, failures=failures, summary=data,
                           kind_label=Text.label, stems=stems,
                           across=_across(out) if "database" in data else None)


def _index_row(note: dict[str, Any]) -> dict[str, Any]:
    """A manifest as the index shows it: title in both languages, kind and dates in words."""
    headline = note.get("headline") or {}
    title = note.get("title") or {"zh": headline.get("zh"), "en": headline.get("en"), "translates_headline": True}
    outputs = note.get("outputs", {})
    return {
        **note,
        "title_zh": title.get("zh") or note.get("input"),
        "title_en": title.get("en"),
        "title_translates": title.get("translates_headline", True),
        "kind_label": Text.label(note.get("kind") or "other"),
        "published_text": date_text(note["published"]).en if note.get("published") else None,
        "event_text": date_text(note["event_date"]).en if note.get("event_date") else None,
        "link": next((outputs[f] for f in ("html", "md", "docx", "json") if f in outputs), None),
    }


def _across(out: Path) -> Any:
    """People and figures across the directory, from summarise.db (None when it cannot be read)."""
    from summarise.render.across import collect

    try:
        return collect(store.for_dir(out))
    except sqlite3.Error:
        return None
