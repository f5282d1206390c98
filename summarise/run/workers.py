"""Documents spread over worker processes, each running several at once in threads (or, for a
coroutine function, in one event loop per process).

One interpreter runs one thread's Python at a time, so a process's throughput cannot pass one over
its CPU time per document; past that, more documents in flight only wait for the interpreter. `-j N`
therefore puts at most `THREADS_PER_PROCESS` documents in each process and uses up to one process per
core (never more processes than the batch keeps busy).

The parent hands each worker at most as many documents as it has threads, over the worker's own pipe,
so it always knows which documents a worker holds: if a worker dies (killed, out of memory), exactly
those are reported failed and a fresh worker takes its place. Workers start from a clean interpreter
(forkserver or spawn, never a fork of this process and its threads), so clients, connection pools and
cache handles are their own. Ctrl-C stops handing out documents; those in flight get a grace period to
finish and be reported, then their workers are stopped and they are reported interrupted.
"""
from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, NoReturn, Self, TypeVar

from summarise.preload import preload

T = TypeVar("T")
R = TypeVar("R")

# Set by the CLI's signal handler along with raising KeyboardInterrupt: a KeyboardInterrupt raised while
# the main thread runs an import's or a finaliser's callback is printed and dropped by the interpreter,
# so the waits below also look at this flag and raise it themselves.
INTERRUPT = threading.Event()
POLL = 0.25  # seconds between looks at INTERRUPT while waiting

THREADS_PER_PROCESS = 32   # documents in flight per process before another process helps (benchmarks/CONCURRENCY.md)
DOCUMENTS_PER_PROCESS = 64  # a process must have this many documents to be worth its start-up
MAX_JOBS = 256              # the CLI's -j cap
ORPHANED = 3                # a worker's exit code when its parent vanished


def layout(jobs: int, documents: int, *, threads_per_process: int = THREADS_PER_PROCESS,
           cpus: int | None = None) -> tuple[int, int]:
    """(processes, threads per process) for `jobs` documents in flight over `documents` documents.
    CPU-bound work (the offline backend) passes `threads_per_process=1`: a process per job, up to the cores."""
    cpus = cpus or os.cpu_count() or 1
    jobs = max(1, min(jobs, documents or 1))
    processes = min(cpus, -(-jobs // threads_per_process), max(1, documents // DOCUMENTS_PER_PROCESS))
    return processes, -(-jobs // processes)


def context() -> Any:
    """The start method for workers: forkserver where there is one (a clean interpreter, forked cheaply), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class WorkerDied(Exception):
    """What a document that was in a worker when it died gets instead of a result."""

    def __init__(self, exitcode: int | None):
        how = f"signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit code {exitcode}"
        super().__init__(f"the worker process running this document died ({how})")
        self.exitcode = exitcode


class Interrupted(Exception):
    """What a document still running when the grace period after an interrupt ran out gets."""

    def __init__(self) -> None:
        super().__init__("interrupted while it ran (it did not finish within the grace period after the "
                         "interrupt): rerun the same command to finish it")


def _orphaned() -> NoReturn:
    """The parent is gone without saying so (killed): nothing this worker finishes can be delivered or
    written, so it stops at once instead of finishing the documents it holds (a rerun redoes them)."""
    os._exit(ORPHANED)


def _serve(conn: Connection, fn: Callable[..., Any], fixed: tuple[Any, ...], threads: int) -> None:
    """A worker: run `fn(item, *fixed)` for each (index, item) received, `threads` at a time; send (index, ok, value).
    A coroutine function runs in one event loop instead of threads (the parent hands out at most
    `threads` items at a time, so that bounds the documents in flight either way)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt stops
    preload()
    if inspect.iscoroutinefunction(fn):
        asyncio.run(_serve_async(conn, fn, fixed))
        return
    lock = threading.Lock()

    def send(index: int, future: Future[Any]) -> None:
        exc = future.exception()
        message = (index, exc is None, future.result() if exc is None else exc)
        with lock:
            try:
                conn.send(message)
            except Exception as problem:  # noqa: BLE001 - an unpicklable result is reported, not lost
                conn.send((index, False, RuntimeError(f"cannot send the result back: {problem!r}")))

    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="summarise") as pool:
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):  # OSError: the parent died with results of ours unread
                _orphaned()
            if task is None:
                break
            index, item = task
            pool.submit(fn, item, *fixed).add_done_callback(functools.partial(send, index))


async def _serve_async(conn: Connection, fn: Callable[..., Any], fixed: tuple[Any, ...]) -> None:
    loop = asyncio.get_running_loop()
    inbox: asyncio.Queue[tuple[int, Any] | None] = asyncio.Queue()

    def readable() -> None:
        try:
            while conn.poll():
                inbox.put_nowait(conn.recv())
        except (EOFError, OSError):
            _orphaned()

    def send(message: tuple[int, bool, Any]) -> None:
        try:
            conn.send(message)
        except Exception as problem:  # noqa: BLE001 - an unpicklable result is reported, not lost
            conn.send((message[0], False, RuntimeError(f"cannot send the result back: {problem!r}")))

    # Results go out from a thread of their own: a send that waits for the parent to read must not
    # stop the loop reading what the parent sends (each side would wait for the other).
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="summarise-send") as sender:
        async def one(index: int, item: Any) -> None:
            try:
                message = (index, True, await fn(item, *fixed))
            except Exception as exc:  # noqa: BLE001 - sent back as the document's result, as in threads
                message = (index, False, exc)
            await loop.run_in_executor(sender, send, message)

        loop.add_reader(conn.fileno(), readable)
        running: set[asyncio.Task[None]] = set()
        while (task := await inbox.get()) is not None:
            started = asyncio.create_task(one(*task))
            running.add(started)
            started.add_done_callback(running.discard)
        if running:
            await asyncio.wait(running)


@dataclass
class _Worker:
    process: Any
    conn: Connection
    held: set[int] = field(default_factory=set)


class Pool(Generic[T, R]):
    """`fn(item, *fixed)` over items in `processes` worker processes of `threads` threads each.

    `fn` and `fixed` are pickled once per worker, each item and result once. `imap_unordered` yields
    (index, ok, result or exception, or `WorkerDied`) as documents finish; after an interrupt,
    `drain()` yields those of the documents already in the workers and hands out no more.
    """

    def __init__(self, fn: Callable[..., R], fixed: tuple[Any, ...] = (), *, processes: int, threads: int):
        self.fn, self.fixed, self.processes, self.threads = fn, fixed, processes, threads
        self.ctx = context()
        self.workers: list[_Worker] = []
        self.todo: deque[tuple[int, T]] = deque()
        self.stopping = False

    def __enter__(self) -> Pool[T, R]:
        self.workers = [self._start() for _ in range(self.processes)]
        return self

    def __exit__(self, *exc: object) -> None:
        for w in self.workers:
            with contextlib.suppress(OSError):
                w.conn.send(None)
        for w in self.workers:
            w.process.join(30)
            if w.process.is_alive():
                w.process.terminate()
                w.process.join(5)
            w.conn.close()
        self.workers = []

    def _start(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=_serve, args=(child, self.fn, self.fixed, self.threads),
                                   name="summarise-worker", daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _hand_out(self) -> None:
        for w in self.workers:
            while self.todo and not self.stopping and len(w.held) < self.threads:
                index, item = self.todo.popleft()
                w.conn.send((index, item))
                w.held.add(index)

    def imap_unordered(self, items: Iterable[T]) -> Iterator[tuple[int, bool, Any]]:
        self.todo = deque(enumerate(items))
        self.stopping = False
        self._hand_out()
        yield from self._collect()

    def drain(self, grace: float | None = None) -> Iterator[tuple[int, bool, Any]]:
        """After an interrupt or a stop: the results of the documents the workers hold; nothing new is
        handed out. Documents still running `grace` seconds on are reported `Interrupted` and their
        workers stopped."""
        self.stopping = True
        yield from self._collect(None if grace is None else time.monotonic() + grace)
        for w in [w for w in self.workers if w.held]:
            w.process.terminate()
            for index in sorted(w.held):
                yield index, False, Interrupted()
            w.held.clear()

    def undone(self) -> list[tuple[int, T]]:
        """The items never handed out to a worker (after a stop or an interrupt)."""
        return list(self.todo)

    def _collect(self, deadline: float | None = None) -> Iterator[tuple[int, bool, Any]]:
        while any(w.held for w in self.workers) or (self.todo and not self.stopping):
            timeout = None if deadline is None else deadline - time.monotonic()
            if timeout is not None and timeout <= 0:
                return
            ready = wait([w.conn for w in self.workers] + [w.process.sentinel for w in self.workers],
                         POLL if timeout is None else min(timeout, POLL))
            if INTERRUPT.is_set() and not self.stopping:
                raise KeyboardInterrupt
            for w in list(self.workers):
                while w.conn in ready and w.conn.poll():
                    try:
                        index, ok, value = w.conn.recv()
                    except (EOFError, OSError):
                        break
                    w.held.discard(index)
                    yield index, ok, value
                if w.process.sentinel in ready and not w.process.is_alive():
                    w.process.join()
                    for index in sorted(w.held):
                        yield index, False, WorkerDied(w.process.exitcode)
                    w.conn.close()
                    self.workers.remove(w)
                    if self.todo and not self.stopping:
                        self.workers.append(self._start())
            self._hand_out()


def extract_many(sources: Iterable[Any], *, jobs: int = 16, kind: str = "auto", settings: Any = None,
                 processes: int | None = None) -> Iterator[Any]:
    """`extract` over many sources, `jobs` at a time, spread over worker processes when that helps
    (`processes=1` keeps them in this process's threads). Yields, in input order, each source's
    record or its `SummariseError` (one failing document never stops the others)."""
    from summarise.extract.record import _resolved
    from summarise.settings import Settings

    items = list(sources)
    settings = _resolved(settings if settings is not None else Settings.from_env(), kind=kind)
    procs, threads = layout(jobs, len(items))
    if processes is not None:
        procs, threads = processes, -(-max(1, min(jobs, len(items))) // processes)
    done: dict[int, Any] = {}
    following = 0
    results: Iterator[tuple[int, bool, Any]]
    pool: Pool[Any, Any] | _InProcess = (
        Pool(extract_one, (kind, settings), processes=procs, threads=threads) if procs > 1
        else _InProcess(extract_one, (kind, settings), threads=threads))
    with pool:
        results = pool.imap_unordered(items)
        for index, ok, value in results:
            done[index] = value if ok or not isinstance(value, WorkerDied) else _died(value)
            while following in done:
                yield done.pop(following)
                following += 1


def _died(value: WorkerDied) -> Any:
    from summarise.errors import SummariseError

    return SummariseError(str(value))


async def aextract_one(source: Any, kind: str, settings: Any) -> Any:
    """`extract_one`, awaited (`aextract`): for workers that run their documents in an event loop."""
    from summarise.errors import SummariseError
    from summarise.extract.record import aextract

    try:
        return await aextract(source, kind=kind, settings=settings)  # type: ignore[arg-type]
    except SummariseError as exc:
        return exc


def extract_one(source: Any, kind: str, settings: Any) -> Any:
    """One document for `extract_many`: its record, or its SummariseError as a value."""
    from summarise.errors import SummariseError
    from summarise.extract.record import extract

    try:
        return extract(source, kind=kind, settings=settings)  # type: ignore[arg-type]
    except SummariseError as exc:
        return exc


class _InProcess:
    """The `Pool` interface over this process's threads (one process is enough)."""

    def __init__(self, fn: Callable[..., Any], fixed: tuple[Any, ...] = (), *, threads: int):
        self.fn, self.fixed, self.threads = fn, fixed, threads
        preload()
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="summarise")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def imap_unordered(self, items: Iterable[Any]) -> Iterator[tuple[int, bool, Any]]:
        from concurrent.futures import FIRST_COMPLETED
        from concurrent.futures import wait as wait_futures

        todo = deque(enumerate(items))
        running: dict[Future[Any], int] = {}
        while todo or running:
            while todo and len(running) < 2 * self.threads:
                index, item = todo.popleft()
                running[self.executor.submit(self.fn, item, *self.fixed)] = index
            finished, _ = wait_futures(running, return_when=FIRST_COMPLETED)
            for future in finished:
                index = running.pop(future)
                exc = future.exception()
                yield index, exc is None, future.result() if exc is None else exc
