"""Per-input manifests in `<out>/.summarise/`: written last for each input, they let a rerun skip
what is done (same content, same options) and re-render a saved record in new formats."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from summarise.render import EXTENSIONS

from .options import RunOptions

STATE_DIR = ".summarise"       # per-input manifests, inside --out
MANIFEST_VERSION = 1


def manifest_path(out: Path, stem: str) -> Path:
    """Where the manifest of the input whose outputs are named `stem` lives."""
    return out / STATE_DIR / f"{stem}.json"


def read_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest at `path`, or None when it is missing, unreadable or of another version."""
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("version") == MANIFEST_VERSION else None


def outputs_for(stem: str, formats: Iterable[str]) -> dict[str, str]:
    return {fmt: stem + EXTENSIONS[fmt] for fmt in formats}


def is_complete(manifest: dict[str, Any] | None, sha: str, options: RunOptions, wanted: dict[str, str]) -> bool:
    """True when `manifest` shows every wanted output made from this content with these options."""
    return bool(
        manifest and manifest.get("sha256") == sha and manifest.get("extract_key") == options.extract_key()
        and manifest.get("langs") == list(options.langs)
        and all(manifest.get("outputs", {}).get(f) == n and (options.out / n).is_file() for f, n in wanted.items())
    )
