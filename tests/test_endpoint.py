"""Record (and then replay) the seeds against any OpenAI-compatible endpoint you have.

    SUMMARISE_RECORD_BASE_URL=http://127.0.0.1:8000/v1 SUMMARISE_RECORD_MODEL=qwen2.5-7b-instruct \\
    SUMMARISE_RECORD_API_KEY=… pytest tests/test_endpoint.py --record-mode=rewrite

writes tests/cassettes/test_endpoint/*.yaml (the key is filtered out); afterwards the test replays
offline. A real model may miss facts, so this checks what must hold for any model: a valid record
whose every shipped fact is grounded, with token usage reported. Without a recording and without an
endpoint configured the test skips.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from summarise import Settings, extract
from summarise.normalise import normalise

REPO = Path(__file__).resolve().parents[1]
CASSETTES = Path(__file__).parent / "cassettes" / "test_endpoint"


@pytest.mark.vcr
@pytest.mark.parametrize("seed", sorted(p.name for p in (REPO / "seeds").glob("*.txt")))
def test_seed_through_your_endpoint(seed, request, tmp_path):
    recording = request.config.getoption("--record-mode") not in (None, "none")
    base_url = os.environ.get("SUMMARISE_RECORD_BASE_URL")
    model = os.environ.get("SUMMARISE_RECORD_MODEL")
    if recording and not (base_url and model):
        pytest.skip("set SUMMARISE_RECORD_BASE_URL and SUMMARISE_RECORD_MODEL to record")
    if not recording and not any(CASSETTES.glob(f"*{seed}*.yaml")):
        pytest.skip("no recording of a real endpoint in tests/cassettes/test_endpoint/ (see this file's docstring)")
    settings = Settings(backend="llm", base_url=base_url or "http://127.0.0.1:9/v1", model=model or "recorded",
                        api_key=os.environ.get("SUMMARISE_RECORD_API_KEY"), cache_dir=tmp_path, cross_check=False)
    if not recording:  # replay with the model name the recording used
        settings.model = _recorded_model(seed)
    record = extract(REPO / "seeds" / seed, settings=settings)
    text = normalise(REPO / "seeds" / seed).text
    assert record.provenance.usage.calls >= 1
    for fact in [*record.people, *record.figures, *record.points, *record.attendee_groups]:
        assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.quote


def _recorded_model(seed: str) -> str:
    import json

    import yaml

    path = next(CASSETTES.glob(f"*{seed}*.yaml"))
    body = yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"][0]["request"]["body"]
    return json.loads(body)["model"]
