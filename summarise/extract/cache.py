"""A disk cache of LLM results (diskcache). Values are JSON text, never pickles; keys never hold the API key.

A grounded answer can be sealed (`seal`/`sealed`): an HMAC, under a key only this user can read, of
the entry's key, the package's code and the grounded facts. A hit whose seal verifies is what
grounding made of that answer for that text under these rules, so it needs no second review; an
entry edited outside summarise (or sealed by other code, or in a directory whose key file is not
the user's own) fails the seal and is grounded again.

The cache never costs an answer: a cache that cannot be opened (a damaged `cache.db`, a read-only or
uncreatable directory) or written (a full disk) is left alone for the rest of the process with one
`CacheWarning`, and documents go on without it. `cache_clear` works on a damaged cache too.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import secrets
import shutil
import stat
import threading
import warnings
from pathlib import Path
from typing import Any

import diskcache

from summarise import __version__, prompts, redact
from summarise.schemas import Facts
from summarise.settings import Settings


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


SEAL_KEY_FILE = "seal.key"
_SEAL_KEY_BYTES = 32
_SEAL_KEYS: dict[str, bytes | None] = {}  # cache directory → its seal key (None: seals not trusted there)
_SEAL_LOCK = threading.Lock()


def _seal_lock_after_fork() -> None:
    global _SEAL_LOCK
    _SEAL_LOCK = threading.Lock()  # another thread may have held it at the fork


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_seal_lock_after_fork)


def _seal_key(directory: str) -> bytes | None:
    """The directory's seal key, made on first use: a file only its owner can read or write. A key
    file that is not this user's own, or that others can read or write, is not trusted (None)."""
    known = _SEAL_KEYS.get(directory, b"")
    if known != b"":
        return known
    with _SEAL_LOCK:
        if directory not in _SEAL_KEYS:
            try:
                _SEAL_KEYS[directory] = _read_or_make_key(Path(directory) / SEAL_KEY_FILE)
            except OSError:
                _SEAL_KEYS[directory] = None
        return _SEAL_KEYS[directory]


def _read_or_make_key(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        made = path.with_name(f".{SEAL_KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(made, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(secrets.token_bytes(_SEAL_KEY_BYTES))
            with contextlib.suppress(FileExistsError):  # another process made it first: theirs is read
                os.link(made, path)  # atomic, and never over another process's key
        finally:
            made.unlink(missing_ok=True)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o077:
            return None
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        key = handle.read(_SEAL_KEY_BYTES + 1)
    return key if len(key) == _SEAL_KEY_BYTES else None


def _seal_material(key: str, code: str, value: dict[str, Any]) -> bytes:
    return json.dumps({"key": key, "code": code, "value": value}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode()


def seal(settings: Settings, key: str, value: dict[str, Any], *, code: str) -> str | None:
    """The seal of `value` stored under `key` by code `code` (None when this cache has no usable key)."""
    secret = None if settings.no_cache else _seal_key(_directory(settings))
    if secret is None:
        return None
    return hmac.new(secret, _seal_material(key, code, value), hashlib.sha256).hexdigest()


def sealed(settings: Settings, key: str, value: dict[str, Any], mark: object, *, code: str) -> bool:
    """Whether `mark` is the seal of `value` under `key` by code `code`."""
    if not isinstance(mark, str):
        return False
    expected = seal(settings, key, value, code=code)
    return expected is not None and hmac.compare_digest(expected, mark)


class CacheWarning(UserWarning):
    """The LLM cache is unusable; summarise goes on without it."""


_DISABLED: dict[str, str] = {}  # cache directory → why it is not used
_DISABLED_LOCK = threading.Lock()


def _disable(directory: str, action: str, exc: BaseException) -> None:
    with _DISABLED_LOCK:
        if directory in _DISABLED:
            return
        _DISABLED[directory] = why = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
    warnings.warn(f"the LLM cache in {directory} cannot be {action} ({why}); going on without it "
                  f"(`summarise cache clear --yes` resets it; SUMMARISE_CACHE_DIR moves it)", CacheWarning, stacklevel=3)


def _directory(settings: Settings) -> str:
    return str(Path(settings.cache_dir).absolute())


def get(settings: Settings, key: str) -> dict[str, Any] | None:
    """The cached JSON value for `key`, or None (also when it is unreadable, or the cache is unusable)."""
    if settings.no_cache or settings.refresh:
        return None
    directory = _directory(settings)
    if directory in _DISABLED:
        return None
    try:
        raw = _shared(directory).get(key)
    except Exception as exc:  # noqa: BLE001 - a damaged or unreachable cache is a miss, never a failure
        _disable(directory, "read", exc)
        return None
    if not isinstance(raw, str):
        return None
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def put(settings: Settings, key: str, value: dict[str, Any]) -> None:
    """Store a value; a cache that cannot take it (a full disk, a damaged file) is warned of once, never raised."""
    if settings.no_cache:
        return
    directory = _directory(settings)
    if directory in _DISABLED:
        return
    try:
        _shared(directory).set(key, redact.scrub(json.dumps(value, ensure_ascii=False)))  # an answer may echo the key: never stored
    except Exception as exc:  # noqa: BLE001 - the answer is worth more than its copy in the cache
        _disable(directory, "written", exc)


def cache_info(settings: Settings | None = None) -> dict[str, Any]:
    """Where the cache is, how many entries it holds and its size in bytes; `problem` when it cannot be opened."""
    settings = settings or Settings.from_env()
    directory = Path(settings.cache_dir)
    if not directory.exists():
        return {"directory": str(directory), "entries": 0, "bytes": 0}
    try:
        with _open(directory) as cache:
            return {"directory": str(directory), "entries": len(cache), "bytes": cache.volume()}
    except Exception as exc:  # noqa: BLE001 - say what is wrong instead of failing
        return {"directory": str(directory), "entries": None, "bytes": None,
                "problem": f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"}


def cache_clear(settings: Settings | None = None) -> int:
    """Remove every entry; returns how many there were. A cache that cannot be opened (a damaged
    database) is removed whole, as the directory diskcache made (returns 0: its entries are unknown)."""
    settings = settings or Settings.from_env()
    directory = Path(settings.cache_dir)
    if not directory.exists():
        return 0
    try:
        with _open(directory) as cache:
            return cache.clear()
    except OSError:
        raise
    except Exception:  # noqa: BLE001 - damaged: remove diskcache's files, nothing else
        _remove_damaged(directory)
        with _HANDLES.lock:
            _HANDLES.open.pop(str(directory.absolute()), None)
        with _DISABLED_LOCK:
            _DISABLED.pop(str(directory.absolute()), None)
        return 0


def _remove_damaged(directory: Path) -> None:
    """Delete what diskcache keeps in `directory`: cache.db and its journals, and its value folders
    (two hex digits each); any other file is left."""
    for path in directory.iterdir():
        if path.name.startswith("cache.db"):
            path.unlink()
        elif path.is_dir() and len(path.name) == 2 and all(c in "0123456789abcdef" for c in path.name):
            shutil.rmtree(path)
