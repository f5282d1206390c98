"""A disk cache of LLM results (diskcache). Values are JSON text, never pickles; keys never hold the API key."""
from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

import diskcache

from . import __version__, prompts
from .schemas import Facts
from .settings import Settings


def cache_key(text: str, settings: Settings, *, title: str | None, published: str | None, kind: str | None) -> str:
    """A hash of everything that changes the answer: text, schema, prompts, model, endpoint, mode, options, version."""
    material = {
        "text": text,
        "title": title,
        "published": published,
        "kind": kind,
        "schema": _schema(),
        "prompts": [prompts.text("system.md"), prompts.text("user.md")],
        "model": settings.model,
        "base_url": settings.base_url,
        "mode": settings.mode,
        "temperature": settings.temperature,
        "max_reasks": settings.max_reasks,
        "max_tokens": settings.max_tokens,
        "context_chars": settings.context_chars,
        "limits": [settings.list_limit, settings.text_limit],
        "version": __version__,
    }
    blob = json.dumps(material, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()


@functools.lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    """The Facts JSON Schema, built once per process (~18 ms each time otherwise)."""
    return Facts.model_json_schema()


class TextOnlyDisk(diskcache.Disk):
    """Stores and returns text only: a tampered entry that claims to be a pickle is refused, not loaded."""

    def store(self, value: Any, read: bool, key: Any = diskcache.core.UNKNOWN) -> Any:
        if not isinstance(value, str):
            raise TypeError("the summarise cache stores JSON text only")
        return super().store(value, read, key=key)

    def fetch(self, mode: int, filename: str | None, value: Any, read: bool) -> Any:
        if mode == diskcache.core.MODE_PICKLE:
            return None
        return super().fetch(mode, filename, value, read)


def _open(directory: Path) -> diskcache.Cache:
    return diskcache.Cache(str(directory), disk=TextOnlyDisk, size_limit=2**30)


@functools.lru_cache(maxsize=8)
def _shared(directory: str) -> diskcache.Cache:
    """One open cache per directory for the process (thread-safe): opening and closing SQLite on
    every lookup cost ~25 ms, more than the rest of a cache hit."""
    return _open(Path(directory))


def get(settings: Settings, key: str) -> dict[str, Any] | None:
    """The cached JSON value for `key`, or None (also when it is unreadable)."""
    if settings.no_cache or settings.refresh:
        return None
    raw = _shared(str(Path(settings.cache_dir).resolve())).get(key)
    if not isinstance(raw, str):
        return None
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def put(settings: Settings, key: str, value: dict[str, Any]) -> None:
    if settings.no_cache:
        return
    _shared(str(Path(settings.cache_dir).resolve())).set(key, json.dumps(value, ensure_ascii=False))


def cache_info(settings: Settings | None = None) -> dict[str, Any]:
    """Where the cache is, how many entries it holds and its size in bytes."""
    settings = settings or Settings.from_env()
    with _open(settings.cache_dir) as cache:
        return {"directory": str(settings.cache_dir), "entries": len(cache), "bytes": cache.volume()}


def cache_clear(settings: Settings | None = None) -> int:
    """Remove every entry; returns how many there were."""
    settings = settings or Settings.from_env()
    with _open(settings.cache_dir) as cache:
        return cache.clear()
