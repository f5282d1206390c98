"""The scripted server's own promise to the tests that count its requests: once it has settled,
every request a client sent is in its log, including one whose client died mid-request."""
from __future__ import annotations

import socket

from scripted_server import ScriptedServer

HEADERS = (b"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           b"Content-Length: 5000\r\n\r\n")


def _address(server: ScriptedServer) -> tuple[str, int]:
    return "127.0.0.1", int(server.base_url.rsplit(":", 1)[1].split("/")[0])


def test_settle_waits_for_a_request_whose_client_dies_after_its_headers() -> None:
    with ScriptedServer({"m": [{"content": "{}"}]}) as server:
        with socket.create_connection(_address(server)) as client:
            client.sendall(HEADERS)  # the body never comes: the client goes (as one killed between two writes)
            assert not server.settle(timeout=0.3), "a request is half read: the log is not complete yet"
        assert server.settle(timeout=30)
        assert [raw for _, _, raw in server.log] == [b""]  # logged (as a request with no body) before settle returned


def test_settle_counts_a_connection_still_waiting_to_be_accepted() -> None:
    server = ScriptedServer({"m": [{"content": "{}"}]})  # listening, not yet accepting
    with socket.create_connection(_address(server)) as client:
        client.sendall(HEADERS)
    assert not server.settle(timeout=0.1), "a connection waits in the listen backlog"
    with server:
        assert server.settle(timeout=30)
        assert [raw for _, _, raw in server.log] == [b""]
