"""A disk cache of LLM results (diskcache). Values are JSON text, never pickles; keys never hold the API key."""
from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Any

import diskcache

from . import __version__, prompts
from .schemas import Facts
from .settings import Settings


def cache_key(text: str, settings: Settings, *, title: str | None, published: str | None, kind: str | None) -> str:
    """A hash of everything that changes the answer: text, schema, prompts, model, endpoint, mode, options, version."""
    material = {"text": text, "title": title, "published": published, "kind": kind, **_settings_material(settings)}
    return hashlib.sha256(json.dumps(material, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def input_key(payload: bytes | str, name: str, settings: Settings, *, kind: str | None, code: str) -> str:
    """A hash of an input as read (before cleaning) and of what changes its answer, `code` being a hash
    of the package's code: it leads to the entry of the cleaned text without cleaning it again."""
    digest = hashlib.sha256(b"input\0")
    digest.update(json.dumps({"name": name, "kind": kind, "code": code, **_settings_material(settings)},
                             ensure_ascii=False, sort_keys=True).encode())
    digest.update(b"\0b" if isinstance(payload, bytes) else b"\0s")
    digest.update(payload if isinstance(payload, bytes) else payload.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _settings_material(settings: Settings) -> dict[str, Any]:
    return {
        "shared": _shared_digest(),
        "model": settings.model,
        "base_url": settings.base_url,
        "mode": settings.mode,
        "temperature": settings.temperature,
        "max_reasks": settings.max_reasks,
        "max_tokens": settings.max_tokens,
        "context_chars": settings.context_chars,
        "limits": [settings.list_limit, settings.text_limit],
    }


@functools.lru_cache(maxsize=1)
def _shared_digest() -> str:
    """What every request shares, hashed once per process: the Facts JSON Schema, the prompts, the version."""
    shared = {"schema": Facts.model_json_schema(), "prompts": [prompts.text("system.md"), prompts.text("user.md")],
              "version": __version__}
    return hashlib.sha256(json.dumps(shared, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


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


class _Handles:
    """One open cache per directory for the process (diskcache is thread-safe; opening SQLite on every
    lookup would cost more than the rest of a cache hit). A forked child opens its own: SQLite
    connections must not cross a fork, so the inherited handles are kept, unused and unclosed."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.open: dict[str, diskcache.Cache] = {}
        self.inherited: list[dict[str, diskcache.Cache]] = []

    def get(self, directory: str) -> diskcache.Cache:
        handle = self.open.get(directory)
        if handle is None:
            with self.lock:
                handle = self.open.get(directory)
                if handle is None:
                    handle = self.open[directory] = _open(Path(directory))
        return handle

    def after_fork(self) -> None:
        self.inherited.append(self.open)
        self.open = {}
        self.lock = threading.Lock()


_HANDLES = _Handles()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_HANDLES.after_fork)


def _shared(directory: str) -> diskcache.Cache:
    return _HANDLES.get(directory)


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
