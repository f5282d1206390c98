"""What happened to one input and to a batch, and a failure's reason in words."""
from __future__ import annotations

import errno
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarise.errors import ExtractionError, InputError, os_reason
from summarise.normalise.errors import NormaliseError

from .inputs import Job
from .workers import Interrupted, WorkerDied


@dataclass
class ItemResult:
    """What happened to one input."""

    path: str
    status: str                         # done | cached | failed | not_reached
    stem: str | None = None
    outputs: dict[str, str] = field(default_factory=dict)
    kind: str | None = None
    title: str | None = None
    backend: str | None = None
    model: str | None = None
    tokens: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hit: bool = False
    seconds: float = 0.0
    out_of_scope: str | None = None     # why, when the record is kind "other" (done, not failed)
    unreachable: bool = False           # failed because no connection to the endpoint could be opened
    unanswered: bool = False            # failed because the endpoint did not answer within the timeout
    repost_of: str | None = None        # the story whose extraction this document shares
    error: str | None = None            # error class
    reason: str | None = None           # human-readable
    detail: str | None = None           # traceback, for unexpected errors only (errors.jsonl)


@dataclass
class BatchSummary:
    total: int
    done: int
    failed: int
    cached: int
    prompt_tokens: int
    completion_tokens: int
    cache_hits: int
    wall_time_s: float
    interrupted: bool
    items: list[ItemResult]
    stopped: str | None = None          # why the batch stopped before every input was tried
    folder: dict[str, Any] = field(default_factory=dict)  # every note in --out (summary.json "folder")
    report_problems: list[str] = field(default_factory=list)  # reports that could not be written
    abandoned: int = 0  # documents still running in this process's threads when the batch ended (interrupted)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and what it was raised from or while handling: the SDK's error under summarise's."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return
        yield seen
        seen = seen.__cause__ or seen.__context__


def cannot_connect(exc: BaseException) -> bool:
    """True when `exc` comes from failing to open a connection to the endpoint (refused, no route, DNS),
    not from a timeout or a connection that broke mid-answer."""
    import openai  # only batches that failed get here

    for seen in _chain(exc):
        if isinstance(seen, openai.APIConnectionError) and not isinstance(seen, openai.APITimeoutError):
            cause = seen.__cause__
            return cause is None or "connect" in type(cause).__name__.lower()
    return False


def no_answer(exc: BaseException) -> bool:
    """True when `exc` comes from the endpoint not answering within the timeout (after retries): a hung
    or overloaded server."""
    import openai

    return any(isinstance(seen, openai.APITimeoutError) for seen in _chain(exc))


class OutputWriteError(Exception):
    """An output of this input could not be written: the output directory's fault, not the input's."""

    def __init__(self, path: Path, exc: OSError, tokens: int = 0, *, halted: bool = False) -> None:
        self.path, self.cause, self.tokens = path, exc, tokens
        self.full = exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS)
        what = os_reason(exc)
        if halted:
            super().__init__(f"not processed: an earlier output could not be written in {path} ({what}); "
                             f"make room and rerun the same command")
            return
        kept = " (the model's answer is in the LLM cache: a rerun does not pay for it again)" if tokens else ""
        super().__init__(f"cannot write the outputs in {path.parent}: {what}{kept}")


def describe(exc: BaseException) -> tuple[str, str, str | None]:
    """(error class, human-readable reason, traceback for unexpected errors only)."""
    name = type(exc).__name__
    if isinstance(exc, (ExtractionError, WorkerDied, Interrupted, OutputWriteError)):
        return name, str(exc), None
    if isinstance(exc, OSError):
        return name, f"cannot read the file: {exc.strerror or exc}", None
    if isinstance(exc, NormaliseError):  # the input holds no article text: the README's kind for it
        return InputError.__name__, str(exc) or name, None
    if isinstance(exc, (ValueError, UnicodeError)):
        return name, str(exc) or name, None
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return name, f"internal error ({name}: {exc}); please report it", tb


def failed_result(job: Job, exc: BaseException) -> ItemResult:
    """`job` listed as failed with `exc` as its reason (it died in a worker, or was interrupted)."""
    result = ItemResult(path=job.label, status="failed")
    result.error, result.reason, result.detail = describe(exc)
    return result


def tally(results: list[ItemResult], total: int, wall: float, interrupted: bool) -> BatchSummary:
    """The batch's counts from its results."""
    items = list(results)
    return BatchSummary(
        total=total,
        done=sum(r.status == "done" for r in items),
        failed=sum(r.status == "failed" for r in items),
        cached=sum(r.status == "cached" for r in items),
        prompt_tokens=sum(r.prompt_tokens for r in items),
        completion_tokens=sum(r.completion_tokens for r in items),
        cache_hits=sum(r.cache_hit for r in items),
        wall_time_s=round(wall, 3),
        interrupted=interrupted,
        items=items,
    )


def unreached(jobs: Sequence[Job], results: list[ItemResult], why: str | None) -> list[ItemResult]:
    """The inputs of `jobs` no result names (the batch was interrupted or stopped before them), each
    listed as not reached with the reason, so that every input is accounted for in summary.json."""
    seen = {r.path for r in results}
    reason = f"not reached: the batch was {'interrupted' if why == 'interrupted' else 'stopped'}"
    if why and why != "interrupted":
        reason += f" ({why})"
    return [ItemResult(path=job.label, status="not_reached", reason=reason + "; rerun the same command to do it")
            for job in jobs if job.label not in seen]
