"""aextract() mirrors extract(): the same record and the same errors, live against the scripted server.

Each script runs twice on the same server, once through `extract` and once through `aextract`, with
the server's call counters reset in between, so both paths see the same answers and the same faults.
"""
from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest

from scripted_server import ScriptedServer, load_answer
from summarise import Settings, SummariseError, aextract, extract
from test_faults import SCRIPTS as FAULTS

REPO = Path(__file__).resolve().parents[1]
SEED0 = REPO / "seeds" / "000_09f2237585b32c6b.txt"
SEED1 = REPO / "seeds" / "001_6b39ea2c5599d977.txt"
GOOD0, GOOD1 = load_answer("seed000_good"), load_answer("seed001_good")


def _hallucinated() -> str:
    data = json.loads(GOOD1)
    data["people"].append({"name": "王大明", "roles": ["attendee"], "evidence": {"quote": "王大明出席会议"}})
    return json.dumps(data, ensure_ascii=False)


SCRIPTS: dict = {
    **FAULTS,
    "good0": [{"content": GOOD0}],
    "reask-then-good": [{"content": _hallucinated()}, {"content": GOOD1}],
    "auth": [{"status": 401, "body": {"error": {"message": "Incorrect API key provided"}}}],
    "no-valid-answer": [{"content": '{"kind": "lecture"}'}],
}
# the faults that take more than a moment to play out (timeouts and their retries) are left to test_faults
CASES = sorted(set(SCRIPTS) - {"slow-then-good", "slow-always", "429-retry-after-too-long", "429-retry-after"})


@pytest.fixture(scope="module")
def server():
    with ScriptedServer(SCRIPTS) as s:
        yield s


def _outcome(result: object) -> object:
    """What must be equal on both paths: the record without its timestamp, or the error's kind and text."""
    if isinstance(result, BaseException):
        # the socket layer's own words for a broken connection differ between the sync and async
        # transports of some httpx2/anyio releases ("Connection reset by peer", "pop from an empty deque")
        message = re.sub(r"\((\w+Error): [^)]*\)", r"(\1: …)", str(result))
        return type(result).__name__, message, type(result.__cause__).__name__
    data = result.model_dump(mode="json")  # type: ignore[attr-defined]
    data["provenance"].pop("generated_at")
    return data


def _both(server: ScriptedServer, model: str, source: Path, settings: Settings) -> tuple[object, object]:
    outcomes = []
    for run in (lambda: extract(source, model=model, settings=settings),
                lambda: asyncio.run(aextract(source, model=model, settings=settings))):
        server.calls.clear()
        try:
            outcomes.append(_outcome(run()))
        except SummariseError as exc:
            outcomes.append(_outcome(exc))
    return outcomes[0], outcomes[1]


@pytest.mark.parametrize("model", CASES)
def test_aextract_gives_what_extract_gives(model, server, tmp_path, fast_backoff) -> None:
    settings = Settings(backend="llm", base_url=server.base_url, cache_dir=tmp_path / "cache", no_cache=True,
                        timeout=5.0, max_wait=5.0, api_key="sk-test-parity")  # no slow scripts here
    source = SEED0 if model == "good0" else SEED1
    sync, async_ = _both(server, model, source, settings)
    assert sync == async_


def test_a_cache_hit_is_the_same_record_on_both_paths(server, tmp_path) -> None:
    settings = Settings(backend="llm", base_url=server.base_url, model="good0", cache_dir=tmp_path / "cache")
    first = extract(SEED0, settings=settings)
    hit_sync = extract(SEED0, settings=settings)
    hit_async = asyncio.run(aextract(SEED0, settings=settings))
    assert not first.provenance.cache_hit and hit_sync.provenance.cache_hit and hit_async.provenance.cache_hit
    assert _outcome(hit_sync) == _outcome(hit_async)


def test_offline_records_and_input_errors_are_the_same(tmp_path) -> None:
    settings = Settings(backend="offline", cache_dir=tmp_path / "cache")
    assert _outcome(extract(SEED0, settings=settings)) == _outcome(asyncio.run(aextract(SEED0, settings=settings)))
    errors = []
    for run in (lambda: extract(b"", settings=settings), lambda: asyncio.run(aextract(b"", settings=settings))):
        with pytest.raises(SummariseError) as info:
            run()
        errors.append(_outcome(info.value))
    assert errors[0] == errors[1] and errors[0][0] == "InputError"


def test_documents_awaited_together_wait_for_the_endpoint_together(tmp_path) -> None:
    """Eight documents gathered on one loop: the server answers only once all eight requests wait at once."""
    with ScriptedServer({"good0": [{"content": GOOD0}]}, together=8) as server:
        settings = Settings(backend="llm", base_url=server.base_url, model="good0", no_cache=True,
                            cache_dir=tmp_path / "cache", max_attempts=1)

        async def main() -> list:
            return await asyncio.gather(*(aextract(SEED0, settings=settings) for _ in range(8)))

        records = asyncio.run(main())
        assert [r.kind for r in records] == ["meeting_report"] * 8


def test_a_cached_input_is_found_without_cleaning_it_again(server, tmp_path, monkeypatch) -> None:
    """The second read of the same input finds its record through the input's own key: the same record
    as the full path's cache hit, and the cleaning stage is never entered."""
    from summarise.extract import record as pipeline
    from summarise.normalise import normalise

    settings = Settings(backend="llm", base_url=server.base_url, model="good0", cache_dir=tmp_path / "cache")
    server.calls.clear()
    extract(SEED0, settings=settings)
    full_hit = pipeline.extract_document(normalise(SEED0), settings=settings)  # the path that cleans

    def never(*args, **kwargs):
        raise AssertionError("normalised again")

    monkeypatch.setattr(pipeline, "normalise", never)
    for hit in (extract(SEED0, settings=settings), asyncio.run(aextract(SEED0, settings=settings))):
        assert hit.provenance.cache_hit
        assert _outcome(hit) == _outcome(full_hit)
    with pytest.raises(AssertionError, match="normalised again"):  # another kind is another answer
        extract(SEED0, settings=settings, kind="policy_lecture")


def test_text_and_paths_are_read_alike(server, tmp_path) -> None:
    """text= is article text on both paths, a Path a file, and giving both is the same TypeError."""
    settings = Settings(backend="offline", cache_dir=tmp_path / "cache")
    article = SEED0.read_text("utf-8")
    assert _outcome(extract(text=article, settings=settings)) == _outcome(
        asyncio.run(aextract(text=article, settings=settings)))
    with pytest.raises(TypeError, match="not both"):
        asyncio.run(aextract(SEED0, text=article, settings=settings))
