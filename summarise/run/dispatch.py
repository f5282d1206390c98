"""Documents run in this process's threads or in worker processes (summarise/run/workers.py): a stop
after inputs in a row that cannot reach the endpoint, a halt on a full disk, a grace period after an
interrupt."""
from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

from summarise.preload import preload

from .document import process
from .inputs import Job
from .options import ExtractFn, RunOptions
from .outcome import ItemResult, failed_result
from .stories import Role
from .workers import INTERRUPT, POLL, Interrupted, Pool

# consecutive inputs that could not open a connection to the endpoint, or got no answer within the
# timeout, before a batch stops: every other input would fail the same way, each after its retries
UNREACHABLE_STOP = 3
# seconds the documents running at an interrupt (Ctrl-C, SIGTERM) get to finish and be reported; those
# still running then are reported interrupted (a second interrupt ends the wait at once)
INTERRUPT_GRACE = 5.0


class EndpointWatch:
    """Counts results in a row that failed for the endpoint (no connection, or no answer in time) and
    says why the batch stops once there are UNREACHABLE_STOP of them; any other result resets it."""

    def __init__(self) -> None:
        self.in_a_row = 0
        self.stopped: str | None = None

    def add(self, res: ItemResult) -> str | None:
        """Count `res`; the reason to stop, once there is one."""
        self.in_a_row = self.in_a_row + 1 if res.unreachable or res.unanswered else 0
        if self.in_a_row >= UNREACHABLE_STOP and self.stopped is None:
            if res.unreachable:
                self.stopped = f"{self.in_a_row} inputs in a row could not connect to the endpoint ({res.reason})"
            else:
                self.stopped = (f"{self.in_a_row} inputs in a row got no answer from the endpoint in time ({res.reason}); "
                                "a slow model may need a larger SUMMARISE_TIMEOUT")
        return self.stopped


def in_threads(items: Sequence[tuple[Job, Role | None]], one: Callable[..., ItemResult | None],
               finish: Callable[[ItemResult | None], None], workers: int, *, llm: bool = False) -> int | None:
    """Run `one(job, role)` for every item in `workers` threads (`llm`: the documents call a model).
    None when all ran; after an interrupt (Ctrl-C, SIGTERM), how many were still running when the grace
    period ran out (listed as interrupted; their threads are left to the caller, which exits without them)."""
    preload(llm=llm)
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="summarise")
    pending: set[Future[ItemResult | None]] = set()
    job_of: dict[Future[ItemResult | None], Job] = {}
    abandoned: int | None = None
    try:
        # a bounded number of futures in flight, so an interrupt leaves little half-done work
        for job, role in items:
            future = pool.submit(one, job, role)
            pending.add(future)
            job_of[future] = job
            while len(pending) >= 2 * workers:
                _finished(pending, finish)
        while pending:  # after a stop, what had not started is not reached (a rerun does it)
            _finished(pending, finish)
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        abandoned = _finish_within(pending, job_of, finish, INTERRUPT_GRACE)
    finally:
        pool.shutdown(wait=not abandoned)
    return abandoned


def _finished(pending: set[Future[ItemResult | None]], finish: Callable[[ItemResult | None], None]) -> None:
    """Wait a moment for any of `pending` to finish, take those that did out of it and report them; raise
    KeyboardInterrupt once an interrupt was signalled, even if the interpreter dropped the one it raised."""
    done, _ = wait(pending, timeout=POLL, return_when=FIRST_COMPLETED)
    pending -= done  # before their results: a result that raises (Ctrl-C in a worker) is not taken twice
    for fut in done:
        finish(fut.result())
    if INTERRUPT.is_set():
        raise KeyboardInterrupt


def _finish_within(pending: set[Future[ItemResult | None]], job_of: dict[Future[ItemResult | None], Job],
                   finish: Callable[[ItemResult | None], None], grace: float) -> int:
    """After an interrupt: report the running documents that finish within `grace` seconds and list
    the rest as interrupted (not started ones are not reached: a rerun does them). Returns how many
    were still running."""
    pending = {f for f in pending if not f.cancelled()}  # never started: not reached, not interrupted
    try:
        done, running = wait(pending, timeout=grace)
    except KeyboardInterrupt:  # a second interrupt: wait no more
        done = {f for f in pending if f.done()}
        running = pending - done
    for future in done:
        if not future.cancelled():
            finish(future.result())
    for future in running:
        finish(failed_result(job_of[future], Interrupted()))
    return len(running)


def default_extractor() -> ExtractFn:
    from summarise.extract.record import extract

    return extract


_HALT = threading.Event()  # in a worker process: set once an output could not be written for a full disk


def _process_one(item: tuple[Job, Role | None], options: RunOptions, extractor: ExtractFn) -> tuple[ItemResult, bool]:
    """`process` for a worker process: one input and its part in its story, and whether the output
    disk is full (the parent then hands out no more)."""
    job, role = item
    result = process(job, options, extractor, role, _HALT)
    return result, _HALT.is_set()


def in_processes(items: Sequence[tuple[Job, Role | None]], options: RunOptions, extractor: ExtractFn,
                 finish: Callable[[ItemResult], None], processes: int, threads: int,
                 halt: threading.Event) -> tuple[bool, str | None]:
    """Run `process` for every (job, role) in worker processes (see summarise/run/workers.py).

    Returns (interrupted, why the batch stopped early): as in threads, once UNREACHABLE_STOP results
    in a row could not reach the endpoint (EndpointWatch), no new input starts and the running ones finish. Once
    an output could not be written for a full disk, `halt` is set, no new input starts, the running
    ones finish and the rest are listed as not processed. After an interrupt the running ones get
    INTERRUPT_GRACE seconds to finish."""
    watch = EndpointWatch()

    def report(index: int, ok: bool, value: Any) -> None:
        if ok:
            value, full = value
            if full:
                halt.set()
        else:  # the worker died with the document in it, was stopped, or `process` itself failed
            value = failed_result(items[index][0], value)
        watch.add(value)
        finish(value)

    workers: Pool[tuple[Job, Role | None], tuple[ItemResult, bool]] = Pool(
        _process_one, (options, extractor), processes=processes, threads=threads)
    with workers as pool:
        try:
            for index, ok, value in pool.imap_unordered(items):
                report(index, ok, value)
                if watch.stopped or halt.is_set():
                    break
            for index, ok, value in pool.drain():  # after a stop: the running ones finish and are reported
                report(index, ok, value)
            if halt.is_set():  # listed, nothing spent on them
                for _, (job, role) in pool.undone():
                    finish(process(job, options, extractor, role, halt))
        except KeyboardInterrupt:
            try:
                for index, ok, value in pool.drain(INTERRUPT_GRACE):
                    report(index, ok, value)
            except KeyboardInterrupt:  # a second interrupt: wait no more
                for index, ok, value in pool.drain(0):
                    report(index, ok, value)
            return True, watch.stopped
    return False, watch.stopped
