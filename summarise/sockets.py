"""Network I/O that gives up the document's turn only while it would block.

A document keeps its turn (summarise/turns.py) through the SDK's whole call: building the request,
sending it, parsing the answer. It gives the turn up only when a socket read or write cannot go on at
once (while the endpoint thinks, while a connection opens, when a send buffer is full). Giving the turn
up around the whole SDK call instead made every request wait for the interpreter a few times in the
middle of other documents' work, each up to its 5 ms switch interval, and then wait for the turn.

`install(client)` puts this under an OpenAI client's connection pools (its own and its proxies');
`installed(client)` says whether it did, so callers know the I/O gives the turn up by itself.
"""
from __future__ import annotations

import socket
import ssl
import sys
from collections.abc import Iterable
from typing import Any

import openai

try:  # the transport of the installed OpenAI SDK: httpx2 from openai 3, httpx before
    import httpcore2 as httpcore
    from httpcore2._backends.sync import SyncStream
except ImportError:  # pragma: no cover - older SDKs
    import httpcore  # type: ignore[no-redef]
    from httpcore._backends.sync import SyncStream  # type: ignore[no-redef]

from . import turns

_WOULD_BLOCK = (BlockingIOError, InterruptedError, ssl.SSLWantReadError, ssl.SSLWantWriteError)


class TurnStream(httpcore.NetworkStream):
    """A connection whose reads and writes first try without blocking, keeping the turn."""

    def __init__(self, stream: httpcore.NetworkStream):
        self._stream = stream
        # Only a socket the stream reads directly (TLS in TLS, through an HTTPS proxy, reads through an
        # SSLObject: that one always gives the turn up).
        self._sock: socket.socket | None = stream.get_extra_info("socket") if type(stream) is SyncStream else None

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        if self._sock is not None and turns.held():
            try:
                self._sock.settimeout(0)
                return self._sock.recv(max_bytes)
            except _WOULD_BLOCK:
                pass
            except OSError as exc:
                raise httpcore.ReadError(exc) from exc
        with turns.waiting():
            return self._stream.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:  # h11 ends every request with an empty write
            return
        if self._sock is not None and turns.held():
            view = memoryview(buffer)
            try:
                self._sock.settimeout(0)
                while view:
                    view = view[self._sock.send(view):]
                return
            except _WOULD_BLOCK:
                # TLS must retry a write that would block with the same buffer; a plain socket has
                # taken what it counted
                buffer = buffer if isinstance(self._sock, ssl.SSLSocket) else view
            except OSError as exc:
                raise httpcore.WriteError(exc) from exc
        with turns.waiting():
            self._stream.write(buffer, timeout)

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        with turns.waiting():  # the handshake's round trips
            return TurnStream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class TurnBackend(httpcore.NetworkBackend):
    """Opens connections without the turn (name lookup, handshake), and wraps them in `TurnStream`."""

    def __init__(self, backend: httpcore.NetworkBackend):
        self._backend = backend

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        with turns.waiting():
            return TurnStream(self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        with turns.waiting():
            return TurnStream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        with turns.waiting():
            self._backend.sleep(seconds)


def install(client: openai.OpenAI) -> bool:
    """Put `TurnBackend` under every connection pool of the client. False, with nothing changed, when a
    transport is not the SDK's HTTP/1.1 default (HTTP/2 would let one request wait for another's read
    while holding the turn the other needs)."""
    http = getattr(client, "_client", None)
    transports = [getattr(http, "_transport", None), *dict(getattr(http, "_mounts", None) or {}).values()]
    pools = [getattr(t, "_pool", None) for t in transports if t is not None]
    if not pools or not all(isinstance(p, httpcore.ConnectionPool) and not getattr(p, "_http2", True)
                            and isinstance(getattr(p, "_network_backend", None), httpcore.NetworkBackend)
                            for p in pools):
        return False
    for pool in pools:
        if not isinstance(pool._network_backend, TurnBackend):
            pool._network_backend = TurnBackend(pool._network_backend)
        # A request waiting for a free connection would wait with the turn its holder needs to finish;
        # each thread uses one connection at a time, so the threads bound the connections anyway.
        pool._max_connections = sys.maxsize
    client._summarise_turn_io = True  # type: ignore[attr-defined]
    return True


def installed(client: Any) -> bool:
    """Whether `install` put turn-aware I/O under this client."""
    return getattr(client, "_summarise_turn_io", False) is True
