"""Which inputs of a batch are copies of one story (`--reposts`): each input's part, planned before
the batch runs (summarise/run/reposts.py groups them)."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from . import reposts, store
from .inputs import Job, output_stem
from .manifest import manifest_path, read_manifest
from .options import RunOptions


@dataclass(frozen=True)
class Role:
    """A document's part in its story (with `RunOptions.reposts`): its key, and the story it copies."""

    stem: str
    key: reposts.Key | None = None
    story: str | None = None       # the stem of the story this document is a repost of
    similarity: float | None = None


def plan_reposts(jobs: Sequence[Job], options: RunOptions) -> dict[int, Role]:
    """Batch position → Role for every input to be summarised: its key, and the story it is a copy
    of (summarise/run/reposts.py). Inputs finished earlier keep the part they had; stories of earlier
    runs in `options.out` made with the same extraction settings are matched too."""
    from summarise.normalise import NormaliseError, normalise

    key = options.extract_key()
    known: dict[str, reposts.Key] = {}
    stems: dict[int, str] = {}
    candidates: list[reposts.Candidate] = []
    for i, job in enumerate(jobs):
        try:
            data = job.read()
        except (OSError, ValueError):
            continue  # processing reports it
        stem = output_stem(job.stem, hashlib.sha256(data).hexdigest())
        stems[i] = stem
        manifest = None if options.force else read_manifest(manifest_path(options.out, stem))
        if manifest and manifest.get("extract_key") == key and "record" in manifest:
            continue  # done earlier: its record is reused as it is
        if len(data) > reposts.MAX_INPUT_BYTES:
            continue  # not cleaned twice: processed on its own
        try:
            doc = normalise(job.path if job.path is not None else data)
        except (NormaliseError, OSError, ValueError):
            continue
        if len(doc.text) <= options.settings.max_chars:  # longer ones fail with a clear error
            candidates.append(reposts.Candidate(i, stem, len(doc.text), reposts.key_of(doc)))
    redo = set(stems.values()) if options.force else {c.stem for c in candidates}
    for stem, path in store.manifest_files(options.out).items():
        if stem in redo:
            continue
        manifest = read_manifest(path)
        if manifest and manifest.get("extract_key") == key and not manifest.get("story") \
                and manifest.get("repost_key"):
            try:
                known[stem] = reposts.Key.from_json(manifest["repost_key"])
            except (KeyError, TypeError, ValueError):
                continue
    found = reposts.group(candidates, known)
    return {c.index: Role(c.stem, c.key, *(found.get(c.index) or (None, None))) for c in candidates}
