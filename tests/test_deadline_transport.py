"""`DeadlineTransport` on its own: one deadline for the whole request (connecting, sending, the headers
and the whole body). Raw sockets and the scripted server on 127.0.0.1; the extract-level cases are in
test_slow_endpoint.py."""
from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
import vcr

from scripted_server import ScriptedServer
from summarise.extract.endpoint import KEEPALIVE_CONNECTIONS, DeadlineTransport
from test_slow_endpoint import CASES, Trickler

DEADLINE = 1.0


def client(deadline: float = DEADLINE) -> httpx2.Client:
    limits = httpx2.Limits(max_connections=100, max_keepalive_connections=KEEPALIVE_CONNECTIONS)
    return httpx2.Client(transport=DeadlineTransport(deadline=deadline, limits=limits), timeout=30.0)


@pytest.fixture
def stalled() -> Iterator[str]:
    """A server that accepts and reads the request, then never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            held.append(conn)

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    stop.set()
    sock.close()
    for conn in held:
        conn.close()


@pytest.mark.parametrize("case", list(CASES))
def test_a_trickled_answer_is_cut_at_the_deadline_though_every_read_gets_a_byte(case: str) -> None:
    head, tail, step = CASES[case]
    server = Trickler(head, tail, step)
    try:  # each read waits far less than the client's 30 s timeout: only the whole-request deadline cuts it
        with client() as http, pytest.raises(httpx2.ReadTimeout, match="deadline of 1 s"):
            http.post(server.base_url + "/chat/completions", content=b"{}")
    finally:
        server.close()


def test_a_stalled_server_is_given_up_at_the_deadline(stalled: str) -> None:
    with client() as http, pytest.raises(httpx2.ReadTimeout, match="deadline of 1 s"):
        http.post(stalled, content=b"{}")


def test_a_refused_connection_is_a_connect_error_at_once() -> None:
    with socket.socket() as sock:  # a port that was just free: nothing listens on it
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with client() as http, pytest.raises(httpx2.ConnectError):
        http.get(f"http://127.0.0.1:{port}/")


def test_the_pool_serves_many_threads_after_a_cut_request() -> None:
    """A request cut at its deadline leaves the pool usable; 16 threads share it."""
    with ScriptedServer({"ok": [{"content": "{}"}], "slow": [{"trickle": 0.05, "content": " " * 200}]},
                        latency=0.2) as server, client() as http:
        url = server.base_url + "/chat/completions"
        with pytest.raises(httpx2.ReadTimeout):
            http.post(url, json={"model": "slow"})
        answers: list[int] = []
        threads = [threading.Thread(target=lambda: answers.append(http.post(url, json={"model": "ok"}).status_code))
                   for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        assert answers == [200] * 16


def test_vcrpy_records_what_goes_through_it(tmp_path: Path) -> None:
    """Cassettes must see every request that goes through the transport."""
    with ScriptedServer({"ok": [{"content": "{}"}]}) as server, client() as http:
        with vcr.use_cassette(str(tmp_path / "c.yaml"), record_mode="all") as cassette:
            assert http.post(server.base_url + "/chat/completions", json={"model": "ok"}).status_code == 200
        assert len(cassette) == 1
        assert http.post(server.base_url + "/chat/completions", json={"model": "ok"}).status_code == 200
