"""A hostile endpoint: every kind of unsupported claim is caught, removed and reported by field.

The scripted server answers the seeds and every corpus article with the answer a capable LLM wrote
for it (eval/llm-answers, trimmed to four items a list), with one kind of unsupported claim planted
(tests/planted.py: the wrong chair, a swapped title, directives credited to someone who attended,
an invented place, body or topic, a figure's invented meaning, another article's headline, a spaced,
one-character or non-name, a wrong figure, an invented year, a reworded quote, a summary naming an
invented person, number or place), and then all at once. Every planted claim must be rejected with
a reason naming its field, and must not be shipped. Replayed from
tests/cassettes/test_hostile/ (request bodies stored as digests: see cassette_format.body_digest).
Re-record: `pytest tests/test_hostile.py --record-mode=rewrite` (needs ../shared for the corpus).
"""
from __future__ import annotations

import copy
import json
from functools import cache

import pytest

import planted as plants
from cassette_format import body_digest
from llm_answers import Case, cases, marker
from scripted_server import ScriptedServer
from summarise import NoValidAnswerError, Settings, extract
from summarise.normalise import normalise

TRIM = 4  # items a list keeps: enough for every kind, and cassettes stay small
TRIM_PEOPLE = 6  # people: seed 000's attendee 黄伟忠 (every kind then applies to a seed: a user's clone has no corpus)


@pytest.fixture(scope="module")
def vcr_config(vcr_config):
    return {**vcr_config, "before_record_request": body_digest}


def trimmed(case: Case) -> dict:
    data = case.data()
    for name in ("people", "figures", "points", "attendee_groups"):
        data[name] = (data.get(name) or [])[:TRIM_PEOPLE if name == "people" else TRIM]
    return data


@cache
def articles() -> tuple[Case, ...]:
    return tuple(cases("seeds") + cases("corpus"))


@cache
def text_of(case: Case) -> str:
    return normalise(case.article).text


def plant(kind: str) -> list[tuple[Case, dict, str]]:
    """(article, planted answer, field to be named) for every article the kind applies to."""
    out = []
    for case in articles():
        planted = plants.KINDS[kind](trimmed(case), text_of(case))
        if planted is not None:
            out.append((case, *planted))
    return out


def scripts() -> dict:
    found: dict = {}
    for kind in plants.KINDS:
        route = {}
        for case, answer, _ in plant(kind):
            name = f"{kind}/{case.stem}"
            found[name] = [{"content": plants.as_content(answer)}]
            route[marker(text_of(case))] = name
        found[f"hostile-{kind}"] = {"route": route}
    route = {}
    for case in articles():
        answer, _ = plants.combined(trimmed(case), text_of(case))
        found[f"combined/{case.stem}"] = [{"content": plants.as_content(answer)}]
        route[marker(text_of(case))] = f"combined/{case.stem}"
    found["hostile-combined"] = {"route": route}
    seed0 = cases("seeds")[0]
    found["another-article"] = [{"content": json.dumps(seed0.data(), ensure_ascii=False)}]
    found["bad-fields"] = [{"content": json.dumps(_bad_fields(seed0.data()), ensure_ascii=False)}] * 2
    return found


@pytest.fixture(scope="module")
def server():
    markers = [marker(text_of(c)) for c in articles()]
    assert len(set(markers)) == len(markers), "two articles share a routing marker"
    with ScriptedServer(scripts()) as s:
        yield s


@pytest.fixture
def settings(server, tmp_path) -> Settings:
    return Settings(backend="llm", base_url=server.base_url, api_key="sk-test-hostile", no_cache=True,
                    cross_check=False, max_reasks=0, max_wait=5)


def _shipped(record) -> str:
    return record.model_dump_json(exclude={"provenance"})


@pytest.mark.vcr
@pytest.mark.parametrize("kind", list(plants.KINDS))
def test_each_kind_of_unsupported_claim_is_caught(kind, settings):
    planted = plant(kind)
    assert planted, f"{kind} applies to no article"
    for case, answer, field in planted:
        record = extract(case.article, model=f"hostile-{kind}", settings=settings)
        fields = [r.field for r in record.provenance.rejected]
        assert field in fields, (case.stem, kind, field, fields)
        why = next(r.reason for r in record.provenance.rejected if r.field == field)
        assert why.strip(), (case.stem, kind)
        for said in _planted_text(kind, answer, field):
            assert said not in _shipped(record), (case.stem, kind, said)


def _planted_text(kind: str, answer: dict, field: str) -> list[str]:
    """Distinctive text of the planted claim, which must not be in the shipped record."""
    if field.startswith("event."):
        return [answer["event"][field.split(".")[1]]["zh"]] if field != "event.date" else ["1999-"]
    if field in ("headline",):
        return [answer["headline"]["zh"]]
    if field.endswith(".measures"):
        return [answer["figures"][0]["measures"]["zh"]]
    if field == "summary":
        return {"summary_invented_name": ["王大明", "Wang Daming"], "summary_invented_number": ["8887", "888.7"],
                "summary_invented_place": [plants._absent(plants.INVENTED_PLACE, "")]}.get(kind, [])
    return []


@pytest.mark.vcr
def test_every_kind_at_once_is_caught(settings):
    for case in articles():
        _, expected = plants.combined(trimmed(case), text_of(case))
        record = extract(case.article, model="hostile-combined", settings=settings)
        fields = {r.field for r in record.provenance.rejected}
        assert set(expected) <= fields, (case.stem, set(expected) - fields)
        assert record.event.place is None and record.event.convened_by is None and record.event.topic is None


@pytest.mark.vcr
def test_another_articles_answer_is_a_failure_not_a_record(settings):
    """Seed 000's answer served for seed 001: no quoted fact occurs, so there is no record to ship
    (its headline, summary and event name would otherwise pass as 001's)."""
    _, seed1 = cases("seeds")
    with pytest.raises(NoValidAnswerError, match="every quoted fact of it was rejected"):
        extract(seed1.article, model="another-article", settings=settings)


def _bad_fields(answer: dict) -> dict:
    """A date the schema cannot read and a role it does not know, in an otherwise good answer."""
    answer = copy.deepcopy(answer)
    answer["event"]["date"]["value"] = "八月一日"
    answer["people"][0]["roles"].append("moderator")
    return answer


@pytest.mark.vcr
def test_one_bad_field_never_fails_its_document_live(settings):
    """Live, the invalid fields are re-asked; the same answer again keeps its record without them."""
    seed0 = cases("seeds")[0]
    record = extract(seed0.article, model="bad-fields", settings=settings.model_copy(update={"max_reasks": 1}))
    assert record.provenance.usage.calls == 2
    roles = len(seed0.data()["people"][0]["roles"])
    assert {"event.date", f"people[0].roles[{roles}]"} <= {r.field for r in record.provenance.rejected}
    assert record.event.date is None and len(record.people) == len(seed0.data()["people"])


@pytest.mark.vcr
def test_a_planted_claim_is_reasked_before_it_is_removed(settings):
    """Live, an unsupported claim goes back to the model with its reason (here it never corrects it)."""
    seed0 = cases("seeds")[0]
    record = extract(seed0.article, model="hostile-invented_place",
                     settings=settings.model_copy(update={"max_reasks": 1}))
    assert record.provenance.usage.calls == 2
    assert any(r.field == "event.place" for r in record.provenance.rejected) and record.event.place is None


def test_the_planted_claims_are_false_by_plain_string_tests():
    """The kinds plant what the article does not say (checked without summarise's own code)."""
    for case in articles():
        text = text_of(case)
        for kind in ("invented_place", "invented_convener", "invented_topic", "other_event_name", "other_headline"):
            planted = plants.KINDS[kind](copy.deepcopy(trimmed(case)), text)
            assert planted is not None
            answer, field = planted
            said = answer["event"][field.split(".")[1]]["zh"] if field.startswith("event.") else answer["headline"]["zh"]
            assert said not in text


def _ingest(tmp_path, article, content: str):
    """`summarise ingest` of one Batch-API result line answering `article`'s request with `content`."""
    from hostile import invoke
    from scripted_server import answer

    requests = tmp_path / "req.jsonl"
    made = invoke("run", str(article), "--via", "batch-file", str(requests), "--model", "m")
    assert made.returncode == 0, made.stderr
    [request] = [json.loads(line) for line in requests.read_text("utf-8").splitlines()]
    results = tmp_path / "res.jsonl"
    results.write_text(json.dumps({"custom_id": request["custom_id"], "response": {
        "status_code": 200, "body": answer(content, model="m")}}, ensure_ascii=False) + "\n", "utf-8")
    out = tmp_path / "out"
    done = invoke("ingest", str(results), "--manifest", str(tmp_path / "req.manifest.json"), "--out", str(out),
                  "-f", "json", "-q", env={"SUMMARISE_CACHE_DIR": str(tmp_path / "cache")})
    records = [json.loads(p.read_text("utf-8")) for p in out.glob("*.json") if p.name != "summary.json"]
    errors = (out / "errors.jsonl").read_text("utf-8") if (out / "errors.jsonl").exists() else ""
    return done, records, errors


def test_another_articles_answer_fails_its_document_in_ingest(tmp_path):
    seed0, seed1 = cases("seeds")
    done, records, errors = _ingest(tmp_path, seed1.article, json.dumps(seed0.data(), ensure_ascii=False))
    assert done.returncode != 0 and records == []
    assert "every quoted fact of it was rejected" in errors


def test_one_bad_field_never_fails_its_document_in_ingest(tmp_path):
    """A date the schema cannot read and a role it does not know are dropped and listed; the rest is kept."""
    seed0 = cases("seeds")[0]
    answer = seed0.data()
    answer["event"]["date"]["value"] = "八月一日"
    answer["people"][0]["roles"].append("moderator")
    done, records, errors = _ingest(tmp_path, seed0.article, json.dumps(answer, ensure_ascii=False))
    assert done.returncode == 0 and errors == "", errors
    [record] = records
    fields = {r["field"] for r in record["provenance"]["rejected"]}
    assert {"event.date", f"people[0].roles[{len(answer['people'][0]['roles']) - 1}]"} <= fields
    assert record["event"]["date"] is None and len(record["people"]) == len(answer["people"])
