"""Shared fixtures: paths to the repository's seeds and to ../shared when it is present."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (corpus, eval); skips the test when it is absent, as in a user's fresh clone."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): corpus and eval tests run in CI only")
    return SHARED


# -- recorded HTTP (pytest-recording / vcrpy) ----------------------------------------------------
# Cassettes live in tests/cassettes/<module>/<test>.yaml. The default record mode is "none": a
# request without a cassette fails the test. Re-record with `pytest --record-mode=rewrite …`.

def pytest_recording_configure(config, vcr):  # noqa: ANN001 - pytest-recording hook
    import cassette_format

    vcr.register_serializer("yaml", cassette_format)  # replaces the default: same format, readable
    vcr.register_matcher("body", cassette_format.same_body)  # pydantic's docs URL carries its version




@pytest.fixture(scope="module")
def vcr_config() -> dict:
    return {
        "serializer": "yaml",
        # the scripted server listens on a random port, so the port is not part of the match
        "match_on": ["method", "scheme", "host", "path", "query", "body"],
        "filter_headers": ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project"],
        "decode_compressed_response": True,
        "allow_playback_repeats": False,
    }


@pytest.fixture
def fast_backoff(monkeypatch):
    """Scale the jittered transport backoff down so fault tests stay fast; a Retry-After hint stays untouched."""
    from summarise import endpoint

    real = endpoint._wait

    def wait(state):
        hinted = endpoint._retry_after(state.outcome.exception() if state.outcome else None)
        return real(state) if hinted is not None else real(state) * 0.2

    monkeypatch.setattr(endpoint, "_wait", wait)
