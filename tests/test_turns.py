"""Documents in threads take turns for Python work and overlap their waits for the endpoint."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from scripted_server import ScriptedServer, load_answer
from summarise import Settings, extract, turns

SEED1 = Path(__file__).resolve().parents[1] / "seeds" / "001_6b39ea2c5599d977.txt"


def test_a_turn_excludes_other_threads_and_nests_within_one() -> None:
    inside = threading.Event()
    order: list[str] = []

    def other() -> None:
        inside.wait(5)
        with turns.turn():
            order.append("other")

    t = threading.Thread(target=other)
    t.start()
    with turns.turn():
        with turns.turn():  # re-entrant: no deadlock
            inside.set()
            time.sleep(0.2)
            order.append("first")
    t.join(5)
    assert order == ["first", "other"]


def test_waiting_gives_the_turn_away_and_takes_it_back() -> None:
    with turns.turn():
        with turns.waiting():
            done: list[bool] = []

            def other() -> None:
                with turns.turn():
                    done.append(True)

            t = threading.Thread(target=other)
            t.start()
            t.join(5)
            assert done == [True]
        assert turns.held()
    assert not turns.held()


def test_an_error_inside_a_turn_or_a_wait_releases_it() -> None:
    with pytest.raises(RuntimeError):
        with turns.turn():
            with turns.waiting():
                raise RuntimeError("network")
    assert not turns.held()
    done: list[bool] = []
    t = threading.Thread(target=lambda: done.append(turns._TURN.acquire(timeout=2) and not turns._TURN.release()))
    t.start()
    t.join(5)
    assert done == [True]


def test_documents_wait_for_the_endpoint_together() -> None:
    """Four documents in four threads: their requests are all in flight at once, not one by one."""
    latency = 0.5
    with ScriptedServer({"good": [{"content": load_answer("seed001_good")}]}, latency=latency) as server:
        settings = Settings(backend="llm", base_url=server.base_url, model="good", no_cache=True)
        extract(SEED1, settings=settings)  # first use: imports, dictionaries, the schema
        server.log.clear()
        started = time.monotonic()
        with ThreadPoolExecutor(4) as pool:
            records = list(pool.map(lambda _: extract(SEED1, settings=settings), range(4)))
        wall = time.monotonic() - started
        received = sorted(t for t, *_ in server.log)
    assert all(r.people for r in records)
    assert len(received) == 4 and received[-1] - received[0] < latency  # all sent before the first answer
    assert wall < 4 * latency
