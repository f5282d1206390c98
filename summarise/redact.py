"""The API key is never written: records, notes, cache entries and every file a run writes pass `scrub`.

Errors are scrubbed where they are raised (`llm.explain_api_error`); an endpoint can also echo the
key into an answer (a careless proxy, a prompt injection that asks for it), and from there it would
reach the record, the notes, the index, the cache and the batch files. The keys known to the process
(the ones it was given, and the environment's) are replaced by a placeholder in every string that
leaves the LLM path.
"""
from __future__ import annotations

import os
import threading
from typing import Any, TypeVar

PLACEHOLDER = "[API key]"
MIN_KEY_CHARS = 8  # a shorter "key" (a placeholder such as "none") is not worth mangling text for
ENV_KEYS = ("SUMMARISE_API_KEY", "OPENAI_API_KEY")
_known: set[str] = set()
_lock = threading.Lock()
T = TypeVar("T")


def remember(key: str | None) -> None:
    """A key this process uses (from settings): scrubbed from everything written from now on."""
    if key and len(key) >= MIN_KEY_CHARS and key not in _known:
        with _lock:
            _known.add(key)


def keys() -> tuple[str, ...]:
    """The keys to scrub: those remembered and those in the environment, longest first."""
    found = set(_known)
    for name in ENV_KEYS:
        value = os.environ.get(name, "")
        if len(value) >= MIN_KEY_CHARS:
            found.add(value)
    return tuple(sorted(found, key=len, reverse=True))


def scrub(text: str) -> str:
    """`text` with every known key replaced by the placeholder."""
    for key in keys():
        if key in text:
            text = text.replace(key, PLACEHOLDER)
    return text


def scrub_bytes(data: bytes) -> bytes:
    for key in keys():
        raw = key.encode("utf-8")
        if raw in data:
            data = data.replace(raw, PLACEHOLDER.encode("utf-8"))
    return data


def scrub_data(value: T) -> T:
    """Strings inside dicts and lists (parsed JSON) with the keys replaced (the same object when no
    key is known)."""
    if not keys():
        return value
    return _scrub_data(value)


def _scrub_data(value: T) -> T:
    if isinstance(value, str):
        return scrub(value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {k: _scrub_data(v) for k, v in value.items()}  # type: ignore[return-value]
    if isinstance(value, list):
        return [_scrub_data(v) for v in value]  # type: ignore[return-value]
    return value


def holds_key(text: str) -> bool:
    return any(key in text for key in keys())


def scrub_model(model: Any) -> Any:
    """A pydantic model with every known key removed from its strings (the same object when none)."""
    if not keys():
        return model
    dumped = model.model_dump_json()
    if not holds_key(dumped):
        return model
    return type(model).model_validate_json(scrub(dumped))
