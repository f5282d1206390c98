"""Worker processes for -j: every document accounted for, a dead worker costs only its own documents,
and a batch spread over processes writes what the same batch writes in one process."""
from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from scripted_server import ScriptedServer, load_answer
from summarise import Settings
from summarise.run.runner import RunOptions, discover, run_batch
from summarise.run.workers import Pool, WorkerDied, extract_many, layout

REPO = Path(__file__).resolve().parents[1]
SEEDS = [REPO / "seeds" / "000_09f2237585b32c6b.txt", REPO / "seeds" / "001_6b39ea2c5599d977.txt"]
SCRIPTS = {"bench": {"route": {"小榄": "seed0", "小欖": "seed0", "顺德村级工业园": "seed1"}},
           "seed0": [{"content": load_answer("seed000_good")}], "seed1": [{"content": load_answer("seed001_good")}]}


def test_layout_uses_a_process_per_32_documents_in_flight_up_to_the_cores() -> None:
    assert layout(4, 1000, cpus=2) == (1, 4)
    assert layout(32, 1000, cpus=2) == (1, 32)
    assert layout(64, 1000, cpus=2) == (2, 32)
    assert layout(128, 1000, cpus=2) == (2, 64)
    assert layout(128, 1000, cpus=8) == (4, 32)
    assert layout(128, 100, cpus=2) == (1, 100)  # too few documents to keep a second process busy
    assert layout(2, 1000, threads_per_process=1, cpus=2) == (2, 1)  # CPU-bound: a process per job
    assert layout(1, 0, cpus=2) == (1, 1)


def square_plus(x: int, offset: int) -> int:
    if x == 3:
        time.sleep(60)  # the document the test kills its worker under
    if x == 5:
        raise ValueError("five")
    return x * x + offset


def test_a_killed_worker_costs_only_the_document_it_held() -> None:
    results = {}
    with Pool(square_plus, (1,), processes=2, threads=1) as pool:
        killed = False
        for index, ok, value in pool.imap_unordered(range(10)):
            results[index] = (ok, value)
            for w in pool.workers:
                if 3 in w.held and not killed:
                    os.kill(w.process.pid, signal.SIGKILL)
                    killed = True
    assert sorted(results) == list(range(10))
    assert isinstance(results[3][1], WorkerDied) and "signal 9" in str(results[3][1])
    assert isinstance(results[5][1], ValueError) and not results[5][0]
    assert all(results[i] == (True, i * i + 1) for i in range(10) if i not in (3, 5))


async def echoed_twice(item: bytes, fill: int) -> bytes:
    if item.startswith(b"5\0"):
        raise ValueError("five")
    await asyncio.sleep(0)
    return item * 2 + bytes([fill])


def test_a_coroutine_function_runs_in_the_worker_s_event_loop_with_every_item_accounted_for() -> None:
    # items and results far larger than a pipe's buffer, many at once: a worker that sent its results
    # from the loop would stop reading while the parent, still handing out, waits for it to read
    items = [str(i).encode() + bytes(1_000_000) for i in range(64)]
    results: dict[int, tuple[bool, object]] = {}

    def run() -> None:
        with Pool(echoed_twice, (7,), processes=1, threads=16) as pool:
            results.update((index, (ok, value)) for index, ok, value in pool.imap_unordered(items))

    runner = threading.Thread(target=run, daemon=True)
    runner.start()
    runner.join(120)  # a deadlock would otherwise hang the suite
    assert not runner.is_alive(), "the worker and the parent wait for each other"
    assert sorted(results) == list(range(64))
    assert isinstance(results[5][1], ValueError) and not results[5][0]
    assert all(results[i] == (True, items[i] * 2 + b"\x07") for i in range(64) if i != 5)


def _batch(tmp_path: Path, server: ScriptedServer, jobs: int, name: str, n: int, **options: object) -> dict:
    inputs = tmp_path / "in"
    if not inputs.exists():
        inputs.mkdir()
        raw = [p.read_bytes() for p in SEEDS]
        for i in range(n):
            (inputs / f"doc{i:04d}.txt").write_bytes(raw[i % 2] + b"\n" * (i + 1))
    settings = Settings(backend="llm", base_url=server.base_url, model="bench", no_cache=True,
                        cache_dir=tmp_path / "cache", max_attempts=1)
    out = tmp_path / name
    summary = run_batch(discover([str(inputs)]), RunOptions(out=out, jobs=jobs, settings=settings, **options))
    assert summary.done == n and summary.failed == 0
    records = {}
    for path in sorted(out.glob("doc*.json")):
        record = json.loads(path.read_text("utf-8"))
        record["provenance"].pop("generated_at")
        record["provenance"].pop("base_url")  # each server has its own port
        records[path.name] = record
    return records


@pytest.mark.slow
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: -j never starts a second process")
def test_a_batch_over_processes_has_more_than_one_process_of_documents_in_flight(tmp_path) -> None:
    """The server answers only when 40 requests wait at once: more than one process's 32 threads."""
    with ScriptedServer(SCRIPTS, together=40) as server:
        spread = _batch(tmp_path, server, 64, "out-64", 160)
    with ScriptedServer(SCRIPTS) as server:
        threads = _batch(tmp_path, server, 4, "out-4", 160)
    assert len(spread) == 160 and spread == threads


def test_extract_many_yields_records_and_errors_in_input_order(tmp_path) -> None:
    with ScriptedServer(SCRIPTS) as server:
        settings = Settings(backend="llm", base_url=server.base_url, model="bench", no_cache=True,
                            cache_dir=tmp_path / "cache")
        sources = [SEEDS[0], b"", SEEDS[1], b"\x00\x01binary"] * 3
        for processes in (1, 2):
            out = list(extract_many(sources, jobs=4, settings=settings, processes=processes))
            assert [type(x).__name__ for x in out] == ["MeetingReport", "InputError", "PolicyLecture", "InputError"] * 3


@pytest.mark.slow
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: -j never starts a second process")
def test_an_unreachable_endpoint_stops_a_batch_over_processes(tmp_path, fast_backoff) -> None:
    """As in threads: inputs in a row that cannot connect stop the batch; what never started is not reached."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    raw = SEEDS[0].read_bytes()
    for i in range(130):
        (inputs / f"doc{i:04d}.txt").write_bytes(raw + b"\n" * (i + 1))
    settings = Settings(backend="llm", base_url="http://127.0.0.1:9/v1", model="bench", no_cache=True,
                        cache_dir=tmp_path / "cache", max_wait=1.0)
    summary = run_batch(discover([str(inputs)]), RunOptions(out=tmp_path / "out", jobs=64, settings=settings))
    assert summary.stopped and "could not connect" in summary.stopped
    assert summary.done == 0 and 0 < summary.failed < 130
    data = json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert data["counts"]["not_reached"] == 130 - summary.failed


@pytest.mark.slow
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: -j never starts a second process")
def test_copies_of_one_article_follow_their_story_after_the_worker_processes(tmp_path) -> None:
    """With repost detection (the CLI's default) the stories run in worker processes and their copies
    after them, re-grounded from the stories' records: the same outputs as in threads, two requests."""
    with ScriptedServer(SCRIPTS) as server:
        spread = _batch(tmp_path, server, 64, "out-64", 160, reposts=True)
        assert len(server.log) == 2
    with ScriptedServer(SCRIPTS) as server:
        threads = _batch(tmp_path, server, 4, "out-4", 160, reposts=True)
    assert len(spread) == 160 and spread == threads


def _running(pid: int) -> bool:
    """The process exists and is not a zombie waiting for a parent that will never reap it."""
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False


async def square_plus_awaited(x: int, offset: int) -> int:
    if x == 3:
        await asyncio.sleep(60)
    return x * x + offset


HANDED_OUT = {  # how the parent gives the worker its documents before it is killed
    "through the pool": "threading.Thread(target=lambda: list(pool.imap_unordered([3, 3])), daemon=True).start()\n"
                        "        while not pool.workers[0].held: time.sleep(0.01)\n",
    # a finished result left unread in the pipe: the worker's next read fails with a reset, not EOF
    "result unread": "pool.workers[0].conn.send((0, 2)); pool.workers[0].conn.send((1, 3)); time.sleep(0.5)\n",
}


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads process states from /proc")
@pytest.mark.parametrize("fn, handed", [("square_plus", "through the pool"), ("square_plus_awaited", "through the pool"),
                                        ("square_plus", "result unread")])  # threads, an event loop
def test_a_worker_whose_parent_is_killed_stops_at_once_instead_of_finishing_its_documents(tmp_path, fn, handed) -> None:
    # the parent hands a 60-second document to its worker, prints the worker's pid and is killed -9:
    # nothing the worker finishes could be delivered, so it must not sit out the document
    script = tmp_path / "parent.py"
    script.write_text(
        "import sys, threading, time\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        f"from test_workers import {fn} as fn\n"
        "from summarise.run.workers import Pool\n"
        "if __name__ == '__main__':\n"
        "    with Pool(fn, (1,), processes=1, threads=2) as pool:\n"
        "        " + HANDED_OUT[handed] +
        "        print(pool.workers[0].process.pid, flush=True)\n"
        "        time.sleep(120)\n")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        worker = int(parent.stdout.readline())
        time.sleep(0.5)  # the worker is inside the 60-second document
        assert _running(worker)
        parent.kill()
        parent.wait(10)
        deadline = time.monotonic() + 20
        while _running(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _running(worker), "the orphaned worker is still running its document"
    finally:
        parent.kill()
        if "worker" in locals() and _running(worker):
            os.kill(worker, signal.SIGKILL)
