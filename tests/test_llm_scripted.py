"""The LLM backend end to end against the scripted OpenAI-compatible server, replayed from cassettes.

Each test's HTTP exchanges are in tests/cassettes/test_llm_scripted/<test>.yaml. To re-record them
against the scripted server: `pytest tests/test_llm_scripted.py --record-mode=rewrite`.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripted_server import ScriptedServer, load_answer
from summarise import ExtractionError, Settings, extract
from summarise.evaluate import load_gold, score

SEED0 = "seeds/000_09f2237585b32c6b.txt"
SEED1 = "seeds/001_6b39ea2c5599d977.txt"
REPO = Path(__file__).resolve().parents[1]
SECRET = "sk-test-PLANTED-KEY-0123456789"


def _edit(name: str, change) -> str:
    data = json.loads(load_answer(name))
    change(data)
    return json.dumps(data, ensure_ascii=False)


def _hallucinate(d: dict) -> None:
    d["people"][0]["evidence"]["quote"] = "镇党委书记赵锡雄出席会议并作重要讲话"  # not in the article
    d["people"].append({"name": "王大明", "roles": ["attendee"], "evidence": {"quote": "王大明出席会议"}})


def _wrong_number(d: dict) -> None:
    d["figures"][2]["value"] = 924000000  # 92.4亿元 is 9.24e9, not 9.24e8


def _invented_year(d: dict) -> None:
    d["event"]["date"] = {"value": "2024-11-12", "year_basis": "stated", "evidence": {"quote": "11月12日"}}


GOOD0, GOOD1 = load_answer("seed000_good"), load_answer("seed001_good")
SCRIPTS = {
    "seed000-good": [{"content": GOOD0}],
    "seed001-good": [{"content": GOOD1}],
    "seed000-hallucinated-then-good": [{"content": _edit("seed000_good", _hallucinate)}, {"content": GOOD0}],
    "seed000-always-wrong": [{"content": _edit("seed000_good", lambda d: (_hallucinate(d), _wrong_number(d)))}],
    "seed001-invented-year": [{"content": _edit("seed001_good", _invented_year)}],
    "seed001-malformed-then-good": [{"content": '{"kind": "policy_lecture", "people": ['}, {"content": GOOD1}],
    "seed001-never-json": [{"content": "对不起,我无法完成这个任务。"}],
    "seed001-429-then-good": [{"status": 429, "headers": {"Retry-After": "0"},
                               "body": {"error": {"message": "Rate limit reached", "type": "rate_limit"}}},
                              {"content": GOOD1}],
    "seed001-503-then-good": [{"status": 503, "body": {"error": {"message": "overloaded"}}}, {"content": GOOD1}],
    "seed001-unauthorised": [{"status": 401, "body": {"error": {"message": "Incorrect API key provided",
                                                                "type": "invalid_request_error"}}}],
}


@pytest.fixture(scope="module")
def server():
    with ScriptedServer(SCRIPTS) as s:
        yield s


@pytest.fixture
def settings(server, tmp_path) -> Settings:
    return Settings(backend="llm", base_url=server.base_url, api_key=SECRET, cache_dir=tmp_path / "cache",
                    max_wait=5)


def run(path: str, model: str, settings: Settings, **kw):
    return extract(REPO / path, model=model, settings=settings, **kw)


@pytest.mark.vcr
def test_seed000_meeting_report(settings):
    record = run(SEED0, "seed000-good", settings)
    assert record.kind == "meeting_report"
    assert record.chair.name == "李家浩" and record.chair.title.zh == "镇党委副书记"
    assert record.event.date.value == "2024-08-01" and record.event.date.year_basis == "publication"
    assert {f.quote for f in record.figures} == {"5000亩", "121宗", "92.4亿元", "190亿元", "15万平方米", "95%"}
    assert len(record.points) == 4 and all(p.speaker == "赵锡雄" for p in record.points)
    assert record.provenance.backend == "llm" and record.provenance.rejected == []
    assert record.provenance.usage.calls == 1 and record.provenance.usage.total_tokens == 1500
    for fact in [*record.people, *record.figures, *record.points, *record.attendee_groups]:
        ev = fact.evidence
        assert ev.start is not None
        # every shipped quote occurs verbatim in the normalised text at its span
        from summarise.normalise import normalise

        assert normalise(REPO / SEED0).text[ev.start:ev.end] == ev.quote


@pytest.mark.vcr
def test_seed001_year_left_open(settings):
    record = run(SEED1, "seed001-good", settings)
    assert record.kind == "policy_lecture"
    assert record.lecturer.name == "陈林"
    assert record.event.date.value == "--11-12" and record.event.date.year_basis == "open"
    assert "45-day" in record.event.date.note


@pytest.mark.vcr
@pytest.mark.parametrize("seed,model", [(SEED0, "seed000-good"), (SEED1, "seed001-good")])
def test_seeds_score_perfectly_against_gold(seed, model, settings, shared_dir):
    gold = load_gold(shared_dir / "eval" / "gold" / (Path(seed).stem + ".json"))
    record = run(seed, model, settings)
    from summarise.normalise import normalise

    result = score(gold, record.gold_view(), article_text=normalise(REPO / seed).text,
                   output_text=record.model_dump_json())
    assert result.perfect, result.to_json()


@pytest.mark.vcr
def test_hallucination_is_reasked_and_fixed(settings):
    record = run(SEED0, "seed000-hallucinated-then-good", settings)
    assert record.provenance.usage.calls == 2
    assert record.provenance.rejected == []
    assert "王大明" not in record.model_dump_json()


@pytest.mark.vcr
def test_persistent_errors_are_rejected_and_reported(settings):
    record = run(SEED0, "seed000-always-wrong", settings)
    assert record.provenance.usage.calls == 3  # the answer and two re-asks
    assert "王大明" not in {p.name for p in record.people}
    assert "赵锡雄" not in {p.name for p in record.people}  # its quote was not verbatim
    assert "92.4亿元" not in {f.quote for f in record.figures}
    reasons = " | ".join(r.reason for r in record.provenance.rejected)
    assert "王大明" in reasons and "does not occur" in reasons
    assert "the quote says 9240000000" in reasons
    assert len(record.figures) == 5  # the others are shipped, grounded


@pytest.mark.vcr
def test_invented_year_is_corrected_and_reported(settings):
    record = run(SEED1, "seed001-invented-year", settings)
    assert record.event.date.value == "--11-12"
    assert any(r.field == "event.date" and "2024-11-12" in r.reason for r in record.provenance.rejected)


@pytest.mark.vcr
def test_malformed_json_is_reasked(settings):
    record = run(SEED1, "seed001-malformed-then-good", settings)
    assert record.provenance.usage.calls == 2 and len(record.points) == 7


@pytest.mark.vcr
def test_no_valid_answer_is_a_clear_error(settings):
    with pytest.raises(ExtractionError, match="no valid answer after 2 re-asks"):
        run(SEED1, "seed001-never-json", settings)


@pytest.mark.vcr
@pytest.mark.parametrize("model", ["seed001-429-then-good", "seed001-503-then-good"])
def test_transient_errors_are_retried(model, settings):
    record = run(SEED1, model, settings)
    assert record.provenance.usage.calls == 2 and record.kind == "policy_lecture"


@pytest.mark.vcr
def test_authentication_error_fails_at_once_without_the_key(settings):
    with pytest.raises(ExtractionError, match="authentication failed") as info:
        run(SEED1, "seed001-unauthorised", settings)
    assert SECRET not in str(info.value)


@pytest.mark.vcr
def test_second_run_is_served_from_cache(settings):
    first = run(SEED1, "seed001-good", settings)
    second = run(SEED1, "seed001-good", settings)  # a second HTTP call would find no cassette entry
    assert not first.provenance.cache_hit and second.provenance.cache_hit
    assert second.provenance.usage.calls == 0
    assert second.model_dump(exclude={"provenance"}) == first.model_dump(exclude={"provenance"})
    assert SECRET not in (settings.cache_dir / "cache.db").read_bytes().decode("utf-8", "replace")


@pytest.mark.vcr
def test_long_documents_are_split_and_merged(settings):
    small = settings.model_copy(update={"context_chars": 600})
    record = run(SEED1, "seed001-good", small)
    assert record.provenance.usage.calls >= 2
    assert len(record.people) == 5 and len(record.figures) == 3 and len(record.points) == 7


def test_cassettes_hold_no_key_and_readable_chinese():
    cassettes = sorted((Path(__file__).parent / "cassettes" / "test_llm_scripted").glob("*.yaml"))
    assert cassettes, "no cassettes recorded"
    for path in cassettes:
        text = path.read_text(encoding="utf-8")
        assert SECRET not in text and "PLANTED" not in text
        assert "\\u" not in text, f"{path.name} stores escaped Chinese"
    assert any("赵锡雄" in p.read_text(encoding="utf-8") for p in cassettes)
