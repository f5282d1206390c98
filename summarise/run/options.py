"""What a run produces: its options, and the part of them that changes a record."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from summarise import __version__
from summarise.settings import Settings

ExtractFn = Callable[..., Any]


def safe_url(url: str | None) -> str | None:
    """An endpoint URL without user:password@ (never store credentials)."""
    if not url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


@dataclass(frozen=True)
class RunOptions:
    """What a run produces; two runs with equal keys produce the same outputs."""

    out: Path
    formats: tuple[str, ...] = ("md", "json")
    langs: tuple[str, ...] = ("zh", "en")
    jobs: int = 1
    force: bool = False
    kind: str = "auto"
    settings: Settings = field(default_factory=Settings.from_env)
    endpoint: str | None = None  # a stable name for an endpoint whose URL changes per run (a local model)
    db: bool = True              # keep <out>/summarise.db (summarise/run/store.py) in line with the manifests
    reposts: bool = False        # extract copies of one article once (summarise/run/reposts.py)

    def extract_key(self) -> dict[str, Any]:
        """Everything that changes the record (never the API key)."""
        s = self.settings
        backend = "llm" if s.use_llm else "offline"
        llm = backend == "llm"
        return {
            "backend": backend,
            "model": s.model if llm else None,
            "base_url": (self.endpoint or safe_url(s.base_url)) if llm else None,
            "mode": s.mode if llm else None,
            "temperature": s.temperature if llm else None,
            "kind": self.kind,
            "version": __version__,
        }
