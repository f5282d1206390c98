"""A scripted OpenAI-compatible chat-completions server on 127.0.0.1, for recording cassettes.

It is a real HTTP server (http.server in a thread) that answers `/v1/chat/completions` with
hand-written model responses. The `model` field of the request picks a script; a script is a list
of steps, one per call in order (the server counts calls per model), and the last step repeats.
A step is one of:
- `{"content": "<text>"}`: a 200 answer whose message content is that text (JSON or not);
- `{"status": 429, "headers": {...}, "body": {...}}`: an HTTP error;
- `{"choices": []}`: a 200 answer with an empty choice list;
- `{"sleep": 2.0, ...}`: wait before answering (for timeouts);
- `{"raw": "<body>", "content_type": "text/html"}`: a 200 answer with exactly that body;
- `{"reset": true}`: close the connection without answering (TCP RST: a connection reset);
- `{"cut": 0.5, "content": ...}`: announce the whole answer's Content-Length, send only that
  fraction of its bytes, then close (a body cut mid-JSON by the network);
- `{"trickle": 0.05, "content": ...}`: announce the whole answer, then send it one byte per that many
  seconds (a body that never trips a per-read timeout);
- `{"content": ..., "finish_reason": "length"}`: an answer with another finish reason;
- `{"status": 401, "echo_auth": true}`: an error whose message repeats the request's Authorization
  header (as careless proxies do), to show the key is scrubbed from everything summarise reports;
- `{"content": "…{authorization}…", "echo_auth": true}`: a 200 answer with the request's Authorization
  header in place of every `{authorization}` (an endpoint that leaks the key into the answer itself).

A script may instead be `{"route": {"MARKER": "other-script", ...}}`: the first marker that occurs in
the request's messages picks the script that answers (one model name, a different fault per document);
an optional `"default": "script"` answers when no marker occurs.

`ScriptedServer(scripts, latency=0.3)` adds a fixed delay before every answer (for benchmarks), and
`tls=<SSLContext>` serves HTTPS, and `together=N` answers only when N requests wait at once. Connections stay open between requests (HTTP/1.1 keep-alive), as
real endpoints keep them. `server.log` keeps (monotonic time, model, raw request bytes) for every request received, and
`server.auth` the Authorization headers, `server.peers` the (model, client port) of each request.
`server.settle()` waits until no connection is open or waiting to be accepted: once a client has exited
(even killed mid-request), every request it sent is in the log.
"""
from __future__ import annotations

import contextlib
import json
import select
import socket
import ssl
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

SCRIPTS_DIR = Path(__file__).parent / "scripted"


def answer(content: str, *, model: str, prompt_tokens: int = 0, completion_tokens: int = 0,
           finish_reason: str = "stop") -> dict[str, Any]:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": model,
        "choices": [{"index": 0, "finish_reason": finish_reason,
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    }


class ScriptedServer:
    """Start with `with ScriptedServer(scripts) as server: server.base_url`."""

    def __init__(self, scripts: dict[str, Any], *, latency: float = 0.0, tls: ssl.SSLContext | None = None,
                 together: int | None = None):
        self.scripts = scripts
        self.latency = latency
        # answer only once `together` requests are waiting at once (else 503 after 60 s): proves concurrency
        self.together = threading.Barrier(together, timeout=60) if together else None
        self.calls: dict[str, int] = {}
        self.requests: list[dict[str, Any]] = []
        self.log: list[tuple[float, str, bytes]] = []
        self.auth: list[str | None] = []
        self.peers: list[tuple[str, int]] = []
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), self._handler())
        self.scheme = "https" if tls else "http"
        if tls:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
        # a short poll: shutdown() waits for serve_forever to notice, up to one poll interval
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                        daemon=True)

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def settle(self, timeout: float = 30.0) -> bool:
        """Wait until no connection is open or waiting to be accepted, so every request the clients sent
        has been read, logged and counted (a request whose client died after its headers is logged
        when its connection ends, not when the client dies). False when still busy at the deadline."""
        deadline = time.monotonic() + timeout
        while not self._httpd.idle():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)
        return True

    def next_step(self, model: str, request: dict[str, Any] | None = None) -> dict[str, Any]:
        script: Any = self.scripts.get(model)
        if isinstance(script, dict) and "route" in script:
            text = json.dumps((request or {}).get("messages", []), ensure_ascii=False)
            target = next((name for marker, name in script["route"].items() if marker in text), None)
            target = target or script.get("default")
            if target is not None:
                return self.next_step(target, request)
        with self._lock:
            n = self.calls.get(model, 0)
            self.calls[model] = n + 1
        if isinstance(script, dict):
            script = None
        if not script:
            return {"status": 404, "body": {"error": {"message": f"The model `{model}` does not exist",
                                                      "type": "invalid_request_error", "code": "model_not_found"}}}
        return script[min(n, len(script) - 1)]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real endpoints answer
            disable_nagle_algorithm = True  # headers and body go in two writes: don't hold the second

            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None,
                      content_type: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                if not self.path.endswith("/chat/completions"):
                    self._send(404, b'{"error": {"message": "not found"}}')
                    return
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length)
                request = json.loads(raw or b"{}")
                server.requests.append(request)
                model = request.get("model", "")
                server.log.append((time.monotonic(), model, raw))
                server.auth.append(self.headers.get("Authorization"))
                server.peers.append((model, self.client_address[1]))
                step = server.next_step(model, request)
                if server.together is not None:
                    try:
                        server.together.wait()
                    except threading.BrokenBarrierError:
                        self._send(503, b'{"error": {"message": "the requests did not arrive together"}}')
                        return
                if server.latency:
                    time.sleep(server.latency)
                if "sleep" in step:
                    time.sleep(step["sleep"])
                if step.get("reset"):
                    self._reset()
                    return
                if "status" in step:
                    body = json.dumps(step.get("body", {"error": {"message": "scripted error"}})).encode()
                    if step.get("echo_auth"):
                        echoed = f"invalid credentials: {self.headers.get('Authorization')}"
                        body = json.dumps({"error": {"message": echoed, "type": "invalid_request_error"}}).encode()
                    self._send(step["status"], body, step.get("headers"))
                    return
                if "raw" in step:
                    self._send(200, step["raw"].encode(), content_type=step.get("content_type", "application/json"))
                    return
                if "choices" in step:
                    payload = answer("", model=model)
                    payload["choices"] = step["choices"]
                else:
                    content = step["content"]
                    if step.get("echo_auth"):
                        content = content.replace("{authorization}", self.headers.get("Authorization") or "")
                    payload = answer(content, model=model,
                                     prompt_tokens=step.get("prompt_tokens", 1000),
                                     completion_tokens=step.get("completion_tokens", 500),
                                     finish_reason=step.get("finish_reason", "stop"))
                body = json.dumps(payload, ensure_ascii=False).encode()
                if "cut" in step:
                    self._send_cut(body, step["cut"])
                    return
                if "trickle" in step:
                    self._send_trickle(body, step["trickle"])
                    return
                self._send(200, body)

            def _reset(self) -> None:
                """Abort the connection with a TCP RST instead of an answer."""
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True

            def _send_cut(self, body: bytes, fraction: float) -> None:
                """Promise the whole body, send a part of it, and hang up."""
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: int(len(body) * fraction)])
                self.wfile.flush()
                self._reset()

            def _send_trickle(self, body: bytes, seconds: float) -> None:
                """Promise the whole body and send it a byte at a time, `seconds` apart."""
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.flush()
                for i in range(len(body)):
                    self.wfile.write(body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(seconds)

            def handle(self) -> None:
                with contextlib.suppress(ConnectionError, OSError):  # the client gave up (timeout): nothing to answer
                    super().handle()

        return Handler


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # benchmarks open up to 32 connections at once
    daemon_threads = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.open_connections = 0
        # held while a connection moves from the listen backlog to the count, so idle() sees it in one of them
        self._accepting = threading.Lock()
        super().__init__(*args, **kwargs)

    def get_request(self) -> tuple[Any, Any]:
        with self._accepting:
            request = super().get_request()
            self.open_connections += 1
        return request

    def close_request(self, request: Any) -> None:
        try:
            super().close_request(request)
        finally:
            with self._accepting:
                self.open_connections -= 1

    def idle(self) -> bool:
        """No connection accepted and still open, and none waiting in the listen backlog."""
        with self._accepting:
            waiting, _, _ = select.select([self.socket], [], [], 0)
            return not waiting and self.open_connections == 0

    def handle_error(self, request: Any, client_address: Any) -> None:  # a client that hung up is not news
        pass


def load_answer(name: str) -> str:
    """A hand-written model answer from tests/scripted/<name>.json, as the JSON text a model would send."""
    return (SCRIPTS_DIR / f"{name}.json").read_text(encoding="utf-8")
