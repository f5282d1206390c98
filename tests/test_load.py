"""Load, small: `summarise run -j 8 --backend llm` over 60 varied documents with injected faults,
killed with SIGKILL midway, then rerun: every input accounted for, finished work not redone.

The same code as benchmarks/load.py (2,000 documents, results in benchmarks/LOAD.md), on 60
documents against the scripted server in a child process with 10 ms latency.
"""
from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import load as loadbench  # noqa: E402

N = 60


@pytest.mark.slow  # three subprocess runs: ~15-30 s on 2 busy cores (cold start, a 503 retried 4 times)
def test_killed_llm_batch_with_faults_resumes_and_accounts_for_every_input(tmp_path: Path) -> None:
    corpus = loadbench.make_corpus(tmp_path / "in", N, fault_rate=0.05, use_corpus=False)
    assert len({d.path.read_bytes() for d in corpus.docs}) == N  # every content hash differs
    assert {d.fault for d in corpus.docs} == {"OK", *loadbench.FAULTS}
    with loadbench.ChildServer(corpus.scripts, 0.01, tmp_path) as server:
        result = loadbench.phase_kill(corpus, tmp_path / "in", server, tmp_path, jobs=8, kill_fraction=0.4)
    assert result["killed"] and result["first_returncode"] == -9
    assert 0 < result["finished_at_kill"] < N, "the run must be killed midway for this test to mean anything"
    # every input accounted for: summarised (now or before the kill) or in errors.jsonl with a reason
    assert result["accounted"], result
    assert result["not_reached"] == 0 and result["rerun_returncode"] == 1
    assert result["failed"] == result["errors_jsonl_lines"] == result["errors_with_reason"] == corpus.expected_failed()
    assert all(name.endswith("_e503.txt") for name in result["failed_inputs"])
    # the rerun redid nothing that had finished, and called the endpoint exactly for the rest
    assert result["skipped_cached_equals_finished"] and result["finished_manifests_untouched"]
    assert result["rerun_calls_for_finished_inputs"] == 0, result["redone_examples"]
    assert result["rerun_calls_unknown_tag"] == 0, result
    assert result["rerun_calls"] == result["rerun_calls_expected"], result["rerun_calls_off"]


# A client that has sent a request's headers and not yet its body (httpx writes them apart), as a run
# killed between the two writes leaves one.
HEADERS_ONLY = """
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"POST /v1/chat/completions HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 5000\\r\\n\\r\\n")
print("sent", flush=True)
time.sleep(60)
"""


def test_counts_after_a_kill_include_the_request_the_killed_client_left_half_sent(tmp_path: Path) -> None:
    """The server logs such a request only once its connection ends; counted too early, it would be
    charged to the rerun (an untagged call after the kill)."""
    with loadbench.ChildServer({"load": [{"content": "{}"}]}, 0.0, tmp_path) as server:
        port = server.base_url.rsplit(":", 1)[1].split("/")[0]
        for _ in range(5):
            before = server.counts()
            client = subprocess.Popen([sys.executable, "-c", HEADERS_ONLY, port], stdout=subprocess.PIPE, text=True)
            assert client.stdout is not None and client.stdout.readline().strip() == "sent"
            client.send_signal(signal.SIGKILL)
            client.wait()
            client.stdout.close()
            assert (server.counts() - before) == {"?": 1}
