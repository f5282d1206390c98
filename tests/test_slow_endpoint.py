"""A hostile endpoint that never stops sending: headers at one byte per 0.2 s, or a body at 4 bytes per
0.2 s. Every read gets a byte within SUMMARISE_TIMEOUT, so a per-read timeout never fires; the
request needs an overall deadline. Raw sockets on 127.0.0.1 (the scripted server answers whole)."""
from __future__ import annotations

import asyncio
import socket
import threading
import time
from pathlib import Path

import pytest

from summarise import ExtractionError, Settings, aextract, extract

SEED1 = Path(__file__).resolve().parents[1] / "seeds" / "001_6b39ea2c5599d977.txt"
TRICKLE_FOR = 12.0  # seconds the server keeps trickling before it gives up (bounds a failing test)


class Trickler:
    """Answers every request by sending `head` whole and then `tail` a few bytes at a time, forever
    (until TRICKLE_FOR has passed)."""

    def __init__(self, head: bytes, tail: bytes, step: int) -> None:
        self.head, self.tail, self.step = head, tail, step
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/v1"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                conn.recv(1 << 20)  # the request (its size does not matter here)
                conn.sendall(self.head)
                started = time.monotonic()
                data = self.tail
                while not self.stop.is_set() and time.monotonic() - started < TRICKLE_FOR:
                    conn.sendall(data[:self.step] or b" ")
                    data = data[self.step:] or data
                    time.sleep(0.2)
            except OSError:
                pass

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


BODY = b'{"id": "x", "object": "chat.completion", "choices": [' + b" " * 100_000 + b"]}"
CASES = {
    "headers at 1 byte per 0.2 s": (b"", b"HTTP/1.1 200 OK\r\nX-Padding: " + b"a" * 100_000, 1),
    "body at 4 bytes per 0.2 s": (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                  + str(len(BODY)).encode() + b"\r\n\r\n", BODY, 4),
}


@pytest.mark.parametrize("api", ["extract", "aextract"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_trickled_answer_is_cut_at_the_deadline(case: str, api: str, tmp_path: Path) -> None:
    head, tail, step = CASES[case]
    server = Trickler(head, tail, step)
    settings = Settings(backend="llm", model="m", base_url=server.base_url, api_key="sk-test", timeout=1.0,
                        max_attempts=2, max_wait=2.0, no_cache=True, cache_dir=tmp_path / "cache")
    def run(settings: Settings) -> None:
        if api == "extract":
            extract(SEED1, settings=settings)
        else:
            asyncio.run(aextract(SEED1, settings=settings))

    started = time.monotonic()
    try:
        with pytest.raises(ExtractionError):
            run(settings)
    finally:
        took = time.monotonic() - started
        server.close()
    # two attempts of at most the 1 s deadline each, a retry wait within max_wait, and slack
    assert took < 8.0, f"{case}: {took:.1f} s with SUMMARISE_TIMEOUT=1"


def test_a_trickled_body_through_a_proxy_is_cut_at_the_deadline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a proxy in the environment httpx's own transport carries the request (each wait bounded);
    the body is still cut at its first chunk after the deadline. The trickling server is the proxy."""
    head, tail, step = CASES["body at 4 bytes per 0.2 s"]
    server = Trickler(head, tail, step)
    monkeypatch.setenv("HTTP_PROXY", server.base_url.removesuffix("/v1"))
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    settings = Settings(backend="llm", model="m", base_url="http://summarise-test.invalid/v1", api_key="sk-test",
                        timeout=1.0, max_attempts=2, max_wait=2.0, no_cache=True, cache_dir=tmp_path / "cache")
    started = time.monotonic()
    try:
        with pytest.raises(ExtractionError, match="did not answer within"):
            extract(SEED1, settings=settings)
    finally:
        took = time.monotonic() - started
        server.close()
    assert took < 8.0, f"{took:.1f} s with SUMMARISE_TIMEOUT=1"
