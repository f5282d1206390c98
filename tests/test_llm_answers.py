"""Answers a capable LLM wrote for the exact requests (eval/llm-answers) are not refused.

Each answer is replayed for its article through the scripted server (`extract`, the live path; from
tests/cassettes/test_llm_answers/, request bodies stored as digests) and through a Batch-API results
file (`summarise ingest`). Every document must end as a record, and at most 1% of the facts the
answers state may be refused (a part of a fact — a title, a role — is counted apart). The seeds run
everywhere; the corpus needs ../shared; heldout4 is in eval/. Re-record:
`pytest tests/test_llm_answers.py --record-mode=rewrite`.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from cassette_format import body_digest
from llm_answers import Case, cases, facts_proposed, marker, whole
from scripted_server import ScriptedServer
from summarise import Settings, extract
from summarise.normalise import normalise

SETS = ("seeds", "corpus", "heldout4")
MAX_REFUSED = 0.01


@pytest.fixture(scope="module")
def vcr_config(vcr_config):
    return {**vcr_config, "before_record_request": body_digest}


@cache
def routed() -> dict:
    scripts: dict = {}
    for set_name in SETS:
        route = {}
        for case in cases(set_name):
            name = f"{set_name}/{case.stem}"
            scripts[name] = [{"content": case.answer.read_text("utf-8")}]
            route[marker(normalise(case.article).text)] = name
        scripts[f"capable-{set_name}"] = {"route": route}
    return scripts


@pytest.fixture(scope="module")
def server():
    with ScriptedServer(routed()) as s:
        yield s


def _need(set_name: str) -> list[Case]:
    found = cases(set_name)
    if not found:
        pytest.skip(f"the {set_name} articles are absent (../shared is not beside the repository)")
    return found


@pytest.mark.vcr
@pytest.mark.parametrize("set_name", SETS)
def test_capable_answers_through_the_endpoint(set_name, server, tmp_path):
    found = _need(set_name)
    settings = Settings(backend="llm", base_url=server.base_url, api_key="sk-test-capable", no_cache=True,
                        cross_check=False, max_reasks=0, max_wait=5)
    proposed = refused = parts = 0
    for case in found:
        record = extract(case.article, model=f"capable-{set_name}", settings=settings)
        proposed += facts_proposed(case.data())
        refused += sum(whole(r) for r in record.provenance.rejected)
        parts += sum(not whole(r) for r in record.provenance.rejected)
    print(f"{set_name}: {len(found)} documents, {proposed} facts, {refused} refused, {parts} parts refused")
    assert refused <= MAX_REFUSED * proposed, (refused, proposed)
    assert parts <= MAX_REFUSED * proposed, (parts, proposed)


@pytest.mark.parametrize("set_name", SETS)
def test_capable_answers_through_ingest(set_name, tmp_path):
    from typer.testing import CliRunner

    from summarise.cli import app

    found = _need(set_name)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for case in found:  # one folder of the set's articles, as a user would batch them
        (inputs / case.article.name).write_bytes(case.article.read_bytes())
    runner = CliRunner()
    requests = tmp_path / "requests.jsonl"
    made = runner.invoke(app, ["run", str(inputs), "--via", "batch-file", str(requests), "--model", "capable-llm",
                               "--no-reposts"])
    assert made.exit_code == 0, made.output
    manifest = json.loads((tmp_path / "requests.manifest.json").read_text("utf-8"))
    answers = {case.article.name: case.answer.read_text("utf-8") for case in found}
    results = tmp_path / "results.jsonl"
    with results.open("w", encoding="utf-8") as out:
        for doc in manifest["documents"]:
            (req,) = doc["requests"]
            body = {"id": "chatcmpl-x", "object": "chat.completion", "created": 0, "model": "capable-llm",
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": answers[Path(doc["name"]).name]}}],
                    "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}}
            out.write(json.dumps({"custom_id": req["custom_id"], "response": {"status_code": 200, "body": body},
                                  "error": None}, ensure_ascii=False) + "\n")
    notes = tmp_path / "notes"
    ingested = runner.invoke(app, ["ingest", str(results), "--manifest", str(tmp_path / "requests.manifest.json"),
                                   "--out", str(notes), "-f", "json"], env={"SUMMARISE_CACHE_DIR": str(tmp_path / "c")})
    assert ingested.exit_code == 0, ingested.output + (notes / "errors.jsonl").read_text("utf-8")
    records = [json.loads(p.read_text("utf-8")) for p in notes.glob("*.json") if p.name != "summary.json"]
    assert len(records) == len(found)
    proposed = sum(facts_proposed(case.data()) for case in found)
    rejected = [r for rec in records for r in rec["provenance"]["rejected"]]
    from summarise.schemas import Rejection

    refused = sum(whole(Rejection.model_validate(r)) for r in rejected)
    assert refused <= MAX_REFUSED * proposed, (refused, proposed)


@pytest.mark.parametrize("stem", ["000_09f2237585b32c6b", "001_6b39ea2c5599d977"])
def test_the_seeds_first_capable_answers_keep_every_fact(shared_dir, stem):
    """../shared/llm-answers: the answers a capable LLM wrote for the seeds' requests before schema 1.1
    (a place described in the article's words, a summary counting the article's 一是…七是) lose nothing."""
    from summarise.ground.grounder import Grounder, read

    answer = shared_dir / "llm-answers" / f"{stem}.answer.json"
    if not answer.is_file():
        pytest.skip(f"{answer} is absent")
    doc = normalise(Path(__file__).resolve().parents[1] / "seeds" / f"{stem}.txt")
    facts, rejected = read(json.loads(answer.read_text("utf-8")), Grounder(doc.text, doc.published, doc.title))
    assert rejected == [] and facts.people and facts.points
