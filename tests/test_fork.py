"""A process forked after a call makes its own connections and cache handles: its first request succeeds.

The parent's client keeps its connection to the endpoint alive; a child that wrote to that inherited
connection broke it for both ("Server disconnected without sending a response").
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripted_server import ScriptedServer, load_answer
from summarise import Settings, extract

REPO = Path(__file__).resolve().parents[1]
SEED0, SEED1 = REPO / "seeds" / "000_09f2237585b32c6b.txt", REPO / "seeds" / "001_6b39ea2c5599d977.txt"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_child_forked_after_a_call_succeeds_on_its_own_connection(tmp_path) -> None:
    scripts = {"bench": {"route": {"小榄": "seed0", "小欖": "seed0", "顺德村级工业园": "seed1"}},
               "seed0": [{"content": load_answer("seed000_good")}], "seed1": [{"content": load_answer("seed001_good")}]}
    with ScriptedServer(scripts) as server:
        settings = Settings(backend="llm", base_url=server.base_url, model="bench", cache_dir=tmp_path / "cache",
                            max_attempts=1)
        assert extract(SEED0, settings=settings).kind == "meeting_report"  # the client and its connection now exist
        parent_port = server.peers[-1][1]
        pid = os.fork()
        if pid == 0:  # the child: one request, a cache miss and a write, then report by exit status
            code = 3
            try:
                record = extract(SEED1, settings=settings)
                code = 0 if record.kind == "policy_lecture" and not record.provenance.cache_hit else 1
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert len(server.peers) == 2 and server.peers[1][1] != parent_port, "the child reused the parent's connection"
        # the parent's own connection still works, and it sees what the child cached
        assert extract(SEED1, settings=settings).provenance.cache_hit
        assert not extract(SEED0, settings=settings.model_copy(update={"no_cache": True})).provenance.cache_hit
        assert server.peers[-1][1] == parent_port
