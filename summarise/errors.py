"""Errors a user can act on, one tree: catch `SummariseError` for all of them, or one kind.

    SummariseError (alias ExtractionError, the name earlier versions raised)
    ├── ConfigurationError       a setting or the environment cannot work (no model, missing extra)
    ├── InputError               this input cannot be summarised (empty, binary, unreadable, too long)
    │   └── NormaliseError           raised by `normalise()` itself
    ├── EndpointError            the endpoint refused or failed (`transient` says whether to retry later)
    │   └── TransientEndpointError   rate limits, 5xx, timeouts, broken connections, after retries
    └── NoValidAnswerError       the model's answers never validated (or were cut off, or the token cap)

The message says what went wrong for that document and what to do; the underlying error (an SDK
exception, a `NormaliseError`, a pydantic `ValidationError`) is kept as `__cause__`.
"""
from __future__ import annotations

import errno
from collections.abc import Mapping, Sequence
from typing import Any


class SummariseError(Exception):
    """One document could not be summarised, or a setting cannot work; the message says why and what to do.

    `usage` holds the tokens the document's calls spent before it failed (they are paid for)."""

    usage: Any = None


ExtractionError = SummariseError


class ConfigurationError(SummariseError):
    """A setting or the environment cannot work: no model configured, a missing optional package, a bad path."""


class InputError(SummariseError, ValueError):
    """The input cannot be summarised: empty, binary, unreadable, not an article, or too long.

    Also a `ValueError`: code that catches bad values keeps catching bad input. The normaliser's
    `NormaliseError` is one."""


class EndpointError(SummariseError):
    """The endpoint refused the request or failed. `transient` is True when trying later may succeed
    (then it is a `TransientEndpointError`); `status_code` is the HTTP status when there was one."""

    transient = False

    def __init__(self, message: str, status_code: int | None = None):
        super().__init__(message)
        self.status_code = status_code


class TransientEndpointError(EndpointError):
    """Rate limits, server errors, timeouts, broken connections, empty answers: still failing after the
    retries (`max_attempts` within `max_wait`); the same request may succeed later."""

    transient = True


class NoValidAnswerError(SummariseError):
    """The model answered, but no answer validated after the re-asks, an answer was cut off at
    `max_tokens`, or the document's token cap was used up."""


_OS_WORDS = {errno.ENOSPC: "no space left on the disk", errno.EDQUOT: "disk quota exceeded",
             errno.EROFS: "read-only file system", errno.EACCES: "permission denied", errno.EPERM: "permission denied",
             errno.ENOTDIR: "a part of the path is a file, not a directory"}


def os_reason(exc: OSError) -> str:
    """What an OS error means for the user, in a few words (the disk, permissions, a path)."""
    return _OS_WORDS.get(exc.errno or 0) or exc.strerror or str(exc)


def field_path(loc: Sequence[int | str]) -> str:
    """A field's place in an answer or record: `("people", 2, "roles", 0)` → `people[2].roles[0]`."""
    out = ""
    for key in loc:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def problem_text(error: Mapping[str, Any], subject: str = "answer") -> str:
    """One problem of a pydantic ValidationError (an item of `.errors()`): `people[2].name: Field required`;
    `subject` names the whole when the problem has no place in it."""
    return f"{field_path(tuple(error.get('loc', ()))) or subject}: {error.get('msg')}"


def validation_summary(exc: Any, *, subject: str = "answer", limit: int = 300) -> str:
    """A pydantic ValidationError in one line: its first problem and how many more
    (`people[2].name: Field required (+1 more)`), for messages and reports."""
    errors = exc.errors()
    if not errors:
        return " ".join(str(exc).split())[:limit]
    more = len(errors) - 1
    first = dict(errors[0])
    if first.get("type") == "value_error":  # pydantic prefixes a validator's own message with this
        first["msg"] = str(first.get("msg")).removeprefix("Value error, ")
    elif first.get("type") == "union_tag_not_found":  # "Unable to extract tag using discriminator 'kind'"
        first["msg"] = f"no {(first.get('ctx') or {}).get('discriminator', 'kind')} field saying what it is"
    return " ".join(problem_text(first, subject).split())[:limit] + (f" (+{more} more)" if more else "")

