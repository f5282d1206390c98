"""Turn-aware network I/O: a document keeps its turn through the SDK call and gives it up only while a
read, a write or a connection would block (summarise/sockets.py)."""
from __future__ import annotations

import hashlib
import json
import socket
import ssl
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpcore2
import httpx2
import openai
import pytest

from scripted_server import ScriptedServer, answer, load_answer
from summarise import Settings, extract, sockets, turns
from summarise.llm import Call, make_client

SEED1 = Path(__file__).resolve().parents[1] / "seeds" / "001_6b39ea2c5599d977.txt"


@contextmanager
def connected(tls: tuple[ssl.SSLContext, ssl.SSLContext] | None = None) -> Iterator[tuple[sockets.TurnStream,
                                                                                         socket.socket]]:
    """A TurnStream to a local peer, and the peer's socket (TLS on both ends with `tls`)."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    server_ctx = tls[0] if tls else None

    def accept() -> None:
        conn, _ = listener.accept()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as servers do: no write waits for an ACK
        accepted.append(server_ctx.wrap_socket(conn, server_side=True) if server_ctx else conn)

    t = threading.Thread(target=accept)
    t.start()
    stream = sockets.TurnBackend(httpcore2.SyncBackend()).connect_tcp(
        "127.0.0.1", listener.getsockname()[1], timeout=10, socket_options=[])
    if tls:
        stream = stream.start_tls(tls[1], server_hostname="localhost", timeout=10)
    t.join(10)
    try:
        yield stream, accepted[0]
    finally:
        stream.close()
        accepted[0].close()
        listener.close()


@pytest.fixture(params=["plain", "tls"])
def link(request) -> Iterator[tuple[sockets.TurnStream, socket.socket]]:
    if request.param == "plain":
        with connected() as pair:
            yield pair
        return
    trustme = pytest.importorskip("trustme", reason="trustme (a test extra) makes the TLS test certificate")
    ca = trustme.CA()
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost").configure_cert(server_ctx)
    client_ctx = ssl.create_default_context()
    ca.configure_trust(client_ctx)
    with connected((server_ctx, client_ctx)) as pair:
        yield pair


def _no_waiting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    gave_up: list[str] = []
    real = turns.waiting

    @contextmanager
    def recorded() -> Iterator[None]:
        gave_up.append("turn")
        with real():
            yield

    monkeypatch.setattr(turns, "waiting", recorded)
    return gave_up


def test_a_read_that_would_block_gives_the_turn_up_and_takes_it_back(link) -> None:
    stream, peer = link
    got: list[object] = []

    def reader() -> None:
        with turns.turn():
            got.append(stream.read(100, timeout=10))
            got.append(turns.held())

    t = threading.Thread(target=reader)
    t.start()
    time.sleep(0.1)
    assert turns._TURN.acquire(timeout=5)  # the reader waits for data without the turn
    peer.sendall("会议".encode())
    time.sleep(0.05)
    assert got == []  # it needs the turn back before it goes on
    turns._TURN.release()
    t.join(10)
    assert got == ["会议".encode(), True]


def test_a_read_with_data_waiting_keeps_the_turn(link, monkeypatch) -> None:
    stream, peer = link
    peer.sendall(b"ready")
    deadline = time.monotonic() + 5
    while not stream.get_extra_info("is_readable") and time.monotonic() < deadline:
        time.sleep(0.01)
    gave_up = _no_waiting(monkeypatch)
    with turns.turn():
        assert stream.read(100, timeout=5) == b"ready"
    assert gave_up == []


def test_writes_keep_the_turn_until_the_peer_stops_reading(link, monkeypatch) -> None:
    stream, peer = link
    gave_up = _no_waiting(monkeypatch)
    with turns.turn():
        stream.write(b'{"model": "m"}', timeout=5)
    assert peer.recv(100) == b'{"model": "m"}' and gave_up == []

    stream.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 16)
    peer.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 16)
    big = bytes(range(256)) * (32 * 1024)  # 8 MiB: far more than the two buffers hold
    received = hashlib.sha256()
    count = 0
    with turns.turn():
        def drain() -> None:  # the peer reads only once the writer has given the turn up
            nonlocal count
            with turns.turn():
                pass
            while count < len(big):
                chunk = peer.recv(1 << 16)
                received.update(chunk)
                count += len(chunk)

        t = threading.Thread(target=drain)
        t.start()
        stream.write(big, timeout=10)
        assert turns.held()
    t.join(10)
    assert gave_up == ["turn"] and count == len(big) and received.digest() == hashlib.sha256(big).digest()


def test_an_empty_write_sends_nothing_and_keeps_the_turn(link, monkeypatch) -> None:
    """h11 ends every request with an empty write: it must not cost a turn hand-over."""
    stream, peer = link
    gave_up = _no_waiting(monkeypatch)
    with turns.turn():
        stream.write(b"", timeout=5)
        stream.write(b"end", timeout=5)
    assert peer.recv(100) == b"end" and gave_up == []


class _Blocking(httpcore2.NetworkBackend, httpcore2.NetworkStream):
    """A backend whose connections and handshakes block until released (no real network needed)."""

    def __init__(self) -> None:
        self.entered, self.go = threading.Event(), threading.Event()

    def _block(self) -> None:
        self.entered.set()
        assert self.go.wait(5)

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self._block()
        return self

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        self._block()
        return self

    def sleep(self, seconds: float) -> None:
        self._block()


@pytest.mark.parametrize("step", ["connect", "handshake", "sleep"])
def test_opening_a_connection_and_sleeping_give_the_turn_up(step) -> None:
    inner = _Blocking()
    backend = sockets.TurnBackend(inner)
    stream = sockets.TurnStream(inner)
    action = {"connect": lambda: backend.connect_tcp("example.org", 443),
              "handshake": lambda: stream.start_tls(ssl.create_default_context(), "example.org"),
              "sleep": lambda: backend.sleep(1)}[step]
    done: list[bool] = []

    def document() -> None:
        with turns.turn():
            action()
            done.append(turns.held())

    t = threading.Thread(target=document)
    t.start()
    assert inner.entered.wait(5)  # the document holds the turn, or gave it up, and is now blocked
    took = turns._TURN.acquire(timeout=2)  # another document runs while this one connects
    inner.go.set()
    if took:
        turns._TURN.release()
    t.join(5)
    assert took and done == [True]


def test_a_retry_waits_without_the_turn() -> None:
    """A 429 with Retry-After: while the document sleeps before its retry, other documents run."""
    limited = {"status": 429, "headers": {"Retry-After": "1"},
               "body": {"error": {"message": "Rate limit reached", "type": "rate_limit"}}}
    with ScriptedServer({"good": [limited, {"content": load_answer("seed001_good")}]}) as server:
        settings = Settings(backend="llm", base_url=server.base_url, model="good", no_cache=True)
        records: list[object] = []
        t = threading.Thread(target=lambda: records.append(extract(SEED1, settings=settings)))
        t.start()
        deadline = time.monotonic() + 10
        while server.calls.get("good", 0) < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)  # the document has read the 429 and is asleep until its retry
        took = turns._TURN.acquire(timeout=0.5)
        if took:
            turns._TURN.release()
        t.join(10)
    assert took, "the document held the turn through its retry wait"
    assert server.calls["good"] == 2 and records and records[0].people


def test_a_reset_connection_is_an_httpcore_read_error() -> None:
    with connected() as (stream, peer):
        peer.sendall(b"x")
        peer.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        time.sleep(0.05)
        peer.close()
        time.sleep(0.05)
        with turns.turn(), pytest.raises(httpcore2.ReadError):
            for _ in range(3):  # the "x" may still come first; the reset must follow
                assert stream.read(100, timeout=5) == b"x"


def test_install_reaches_every_pool_of_the_client(monkeypatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")  # the SDK mounts a proxy transport for it
    client = openai.OpenAI(base_url="http://127.0.0.1:9/v1", api_key="k")
    transports = [client._client._transport, *[t for t in client._client._mounts.values() if t]]
    assert len(transports) >= 2
    assert sockets.install(client) and sockets.installed(client)
    for t in transports:
        assert isinstance(t._pool._network_backend, sockets.TurnBackend)
        assert t._pool._max_connections == sys.maxsize
    assert sockets.install(client)  # twice is once
    assert not isinstance(transports[0]._pool._network_backend._backend, sockets.TurnBackend)
    assert sockets.installed(make_client(Settings(backend="llm", base_url="http://127.0.0.1:9/v1")))


def test_an_unknown_transport_is_left_alone_and_the_call_waits_without_the_turn() -> None:
    held: list[bool] = []

    def endpoint(request: httpx2.Request) -> httpx2.Response:
        held.append(turns.held())
        return httpx2.Response(200, json=answer("{}", model="m"))

    client = openai.OpenAI(base_url="http://test/v1", api_key="k", max_retries=0,
                           http_client=httpx2.Client(transport=httpx2.MockTransport(endpoint)))
    http2 = openai.OpenAI(base_url="http://test/v1", api_key="k",
                          http_client=httpx2.Client(transport=httpx2.HTTPTransport(http2=True)))
    assert not sockets.install(client) and not sockets.install(http2)
    assert not sockets.installed(client)
    call = Call(client=client, settings=Settings(backend="llm", base_url="http://test/v1", model="m"))
    with turns.turn():
        response = call.create(model="m", messages=[{"role": "user", "content": "会议"}])
        assert turns.held()
    assert response.choices[0].message.content == "{}" and held == [False]


def test_documents_over_https_wait_for_the_endpoint_together(monkeypatch, tmp_path) -> None:
    """The TLS path end to end: four documents in threads, all four requests in flight at once."""
    trustme = pytest.importorskip("trustme", reason="trustme (a test extra) makes the TLS test certificate")
    ca = trustme.CA()
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_ctx)
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))  # the SDK's client trusts it
    latency = 0.5
    with ScriptedServer({"good": [{"content": load_answer("seed001_good")}]}, latency=latency,
                        tls=server_ctx) as server:
        assert server.base_url.startswith("https://")
        settings = Settings(backend="llm", base_url=server.base_url, model="good", no_cache=True)
        extract(SEED1, settings=settings)
        server.log.clear()
        with ThreadPoolExecutor(4) as pool:
            records = list(pool.map(lambda _: extract(SEED1, settings=settings), range(4)))
        received = sorted(t for t, *_ in server.log)
    assert all(r.people and r.provenance.backend == "llm" for r in records)
    assert len(received) == 4 and received[-1] - received[0] < latency
    assert json.loads(server.log[0][2])["model"] == "good"
