"""Batch summarise: many inputs → records and briefing notes in one output directory.

Never loses work: every output is written atomically (temp file + os.replace), a per-input manifest
is written last, and a rerun skips inputs whose manifest matches the same content hash and options,
so an interrupted batch resumes where it stopped. One failing input never stops the batch; each is
listed in ``errors.jsonl`` with a human-readable reason.

`run_batch` is here; the steps are in their own modules, in the order a batch takes them: `inputs`
(jobs from paths), `stories` (copies of one story, planned first), `dispatch` (threads or worker
processes), `document` (one input: read → extract → render, with `manifest` for resuming and `atomic`
writes; `outcome` says what happened), `reports` (summary.json, errors.jsonl, index.html) and
`dry_run`. The names the CLI, tests and benchmarks use are re-exported here.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from . import store
from .atomic import atomic_open, atomic_write, clean_stale_temps
from .dispatch import INTERRUPT_GRACE, UNREACHABLE_STOP, EndpointWatch, default_extractor, in_processes, in_threads
from .document import process
from .dry_run import PlanItem, plan, prompt_overhead, token_counter
from .inputs import Job, UsageError, discover, output_stem, slugify
from .manifest import STATE_DIR
from .options import ExtractFn, RunOptions, safe_url
from .outcome import BatchSummary, ItemResult, cannot_connect, tally, unreached
from .reports import notes_in, render_index, sync_db, write_reports
from .stories import Role, plan_reposts
from .workers import THREADS_PER_PROCESS, layout

__all__ = [
    "INTERRUPT_GRACE", "STATE_DIR", "UNREACHABLE_STOP", "BatchSummary", "ItemResult", "Job", "PlanItem", "Role",
    "RunOptions", "UsageError", "atomic_open", "atomic_write", "cannot_connect", "discover", "notes_in",
    "output_stem", "plan", "plan_reposts", "process", "prompt_overhead", "render_index", "run_batch",
    "safe_url", "slugify", "token_counter", "write_reports",
]


def run_batch(jobs: Sequence[Job], options: RunOptions, *,
              on_result: Callable[[ItemResult], None] | None = None,
              extractor: ExtractFn | None = None,
              report_extra: Callable[[BatchSummary], dict[str, Any]] | None = None,
              roles: dict[int, Role] | None = None) -> BatchSummary:
    """Process `jobs` with a thread pool of `options.jobs`; write index.html, summary.json, errors.jsonl.

    `extractor(source, kind=…, settings=…)` makes a record (default: `summarise.extract`);
    `report_extra(summary)` adds keys to summary.json once the batch has run (or was interrupted).

    Up to `workers.THREADS_PER_PROCESS` documents run in this process's threads (the HTTP client is
    thread-safe and the LLM calls mostly wait); more are spread over worker processes, up to one per
    core, when the batch is big enough to keep them busy (summarise/run/workers.py).
    """
    if extractor is None:
        extractor = default_extractor()  # imported here: keeps `summarise --help` fast
    out = options.out
    (out / STATE_DIR).mkdir(parents=True, exist_ok=True)
    clean_stale_temps(out)
    clean_stale_temps(out / STATE_DIR)
    started_at = datetime.now(UTC)
    t0 = time.perf_counter()
    if options.db:
        store.for_dir(out).errors.clear()
        sync_db(out)  # rows for what a killed run finished, or for a database that was deleted
    results: list[ItemResult] = []
    interrupted = False
    stopped: str | None = None
    stop = threading.Event()
    halt = threading.Event()  # set when the output disk is full: the rest is listed, not processed
    watch = EndpointWatch()  # consecutive results that could not reach the endpoint
    abandoned: int | None = None  # threads still running after an interrupt's grace period

    lock = threading.Lock()

    def one(job: Job, role: Role | None = None) -> ItemResult | None:
        nonlocal stopped
        if stop.is_set():
            return None  # not reached: a rerun does it
        res = process(job, options, extractor, role, halt)
        with lock:  # counted in the worker, so no thread starts another input once the count is reached
            if stopped is None and (stopped := watch.add(res)):
                stop.set()
        return res

    def finish(res: ItemResult | None) -> None:
        if res is None:
            return
        with lock:
            results.append(res)
        if on_result is not None:
            on_result(res)

    planned: dict[int, Role] = dict(roles) if roles is not None else {}

    def reported() -> BatchSummary:
        """summary.json, errors.jsonl and index.html for what has run (also after an interrupt or a stop)."""
        order = {job.label: i for i, job in enumerate(jobs)}
        results.sort(key=lambda r: order.get(r.path, len(order)))
        db = sync_db(out) if options.db else None
        summary = tally(results, len(jobs), time.perf_counter() - t0, interrupted)
        summary.stopped = stopped
        summary.items += unreached(jobs, results, "interrupted" if interrupted else stopped)
        extra = report_extra(summary) if report_extra else {}
        summary.report_problems = write_reports(summary, options, started_at,
                                                {**({"database": db} if db else {}), **extra})
        if options.db:
            store.for_dir(out).close()  # the whole database in summarise.db, no -wal beside it
        return summary

    def run(indices: list[int]) -> None:
        """Process the inputs at `indices`: in worker processes when there are enough of them, else in threads."""
        nonlocal interrupted, stopped, abandoned
        processes, threads = layout(options.jobs, len(indices),
                                    threads_per_process=THREADS_PER_PROCESS if options.settings.use_llm else 1)
        if processes > 1 and extractor is default_extractor():
            # Workers leave summarise.db alone: the sync after the batch adds their rows.
            interrupted, stopped = in_processes([(jobs[i], planned.get(i)) for i in indices],
                                                replace(options, db=False), extractor, finish, processes, threads,
                                                halt)
        else:
            abandoned = in_threads([(jobs[i], planned.get(i)) for i in indices], one, finish, max(1, options.jobs),
                                   llm=options.settings.use_llm)
            interrupted = abandoned is not None

    try:
        if roles is None and options.reposts:
            try:  # every input is read and compared: long enough on a big folder to be interrupted
                planned = plan_reposts(jobs, options)
            except KeyboardInterrupt:
                interrupted = True  # nothing runs; the reports list every input as not reached
        # Stories first, then their copies (each summarised from its story's record on disk). A copy
        # whose story failed takes its place: the first such copy is extracted in the next round, the
        # others of that story follow it.
        todo = [] if interrupted else [i for i in range(len(jobs)) if not (i in planned and planned[i].story is not None)]
        copies = [i for i in range(len(jobs)) if i in planned and planned[i].story is not None]
        while todo:
            run(todo)
            if interrupted or stopped:  # (a full disk goes on: every input is still listed, as not processed)
                break
            failed = {r.stem for r in results if r.status == "failed" and r.stem}
            todo, waiting, instead = [], [], {}
            for i in copies:
                story = planned[i].story
                if story in failed and story not in instead:
                    instead[story] = planned[i].stem
                    planned[i] = replace(planned[i], story=None, similarity=None)
                    todo.append(i)
                elif story in failed:
                    planned[i] = replace(planned[i], story=instead[story])
                    waiting.append(i)
                else:
                    todo.append(i)
            copies = waiting
    finally:
        summary = reported()
        summary.abandoned = abandoned or 0
    return summary
