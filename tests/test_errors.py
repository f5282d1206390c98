"""The exception tree: each failure is raised as its kind, with its cause kept, and every kind is a
SummariseError (and so an ExtractionError, the name earlier versions raised)."""
from __future__ import annotations

import asyncio
import pickle
from pathlib import Path

import pytest

import summarise
from scripted_server import ScriptedServer
from summarise import (
    ConfigurationError,
    EndpointError,
    ExtractionError,
    InputError,
    NoValidAnswerError,
    Settings,
    SummariseError,
    TransientEndpointError,
    aextract,
    extract,
)
from test_faults import SCRIPTS

SEED1 = Path(__file__).resolve().parents[1] / "seeds" / "001_6b39ea2c5599d977.txt"
SCRIPTS = {**SCRIPTS, "auth": [{"status": 401, "body": {"error": {"message": "Incorrect API key provided"}}}],
           "trickle": [{"trickle": 0.02, "content": '{"kind": "other"}' + " " * 400}],
           "no-valid-answer": [{"content": '{"kind": "lecture"}'}]}


def test_the_tree() -> None:
    assert ExtractionError is SummariseError
    for kind in (ConfigurationError, InputError, EndpointError, NoValidAnswerError):
        assert issubclass(kind, SummariseError)
    assert issubclass(TransientEndpointError, EndpointError)
    assert TransientEndpointError("x").transient and not EndpointError("x").transient
    with pytest.raises(InputError):  # what normalise() raises is caught as the tree's input error
        summarise.normalise(text="")
    assert issubclass(summarise.NormaliseError, InputError) and issubclass(summarise.NormaliseError, ValueError)
    assert set(summarise.__all__) >= {"SummariseError", "ConfigurationError", "InputError", "EndpointError",
                                      "TransientEndpointError", "NoValidAnswerError", "ExtractionError"}


def test_errors_survive_pickling_with_their_attributes() -> None:
    """Worker processes send errors back to the parent."""
    back = pickle.loads(pickle.dumps(TransientEndpointError("rate limited", 429)))
    assert type(back) is TransientEndpointError and str(back) == "rate limited" and back.status_code == 429


@pytest.fixture(scope="module")
def server():
    with ScriptedServer(SCRIPTS) as s:
        yield s


@pytest.mark.parametrize("model, kind, status, cause", [
    ("503-always", TransientEndpointError, 503, "InternalServerError"),
    ("429-bare", None, None, None),  # clears up after two 429s: a record
    ("reset-always", TransientEndpointError, None, "APIConnectionError"),
    ("empty-choices-always", TransientEndpointError, None, "EmptyAnswer"),
    ("auth", EndpointError, 401, "AuthenticationError"),
    ("400-other", EndpointError, 400, "BadRequestError"),
    ("html-page", EndpointError, None, "NotAnAPI"),
    ("finish-length", NoValidAnswerError, None, "IncompleteOutputException"),
    ("no-valid-answer", NoValidAnswerError, None, "ValidationError"),
    ("trickle", TransientEndpointError, None, "APITimeoutError"),
])
@pytest.mark.parametrize("run_async", [False, True], ids=["sync", "async"])
def test_each_failure_is_raised_as_its_kind_with_its_cause(model, kind, status, cause, run_async, server, tmp_path,
                                                          fast_backoff) -> None:
    # a short deadline only where the answer trickles: a busy machine must not turn answers into timeouts
    settings = Settings(backend="llm", base_url=server.base_url, model=model, cache_dir=tmp_path / "c",
                        timeout=0.5 if model == "trickle" else 5.0, max_wait=2.0, cross_check=False)
    server.calls.clear()
    try:
        result = asyncio.run(aextract(SEED1, settings=settings)) if run_async else extract(SEED1, settings=settings)
    except SummariseError as exc:
        assert kind is not None, f"expected a record, got {exc!r}"
        assert type(exc) is kind, f"{type(exc).__name__}: {exc}"
        assert isinstance(exc, EndpointError) == (status is not None or kind in (EndpointError, TransientEndpointError))
        if isinstance(exc, EndpointError):
            assert exc.status_code == status
        assert type(exc.__cause__).__name__ == cause
        return
    assert kind is None and result.kind == "policy_lecture"


def test_a_trickled_answer_ends_at_the_deadline_not_when_the_body_does(server, tmp_path) -> None:
    """400 bytes at one per 20 ms take 8 s; the 0.5 s deadline ends each attempt within twice that."""
    import time

    settings = Settings(backend="llm", base_url=server.base_url, model="trickle", cache_dir=tmp_path / "c",
                        timeout=0.5, max_attempts=1, cross_check=False)
    started = time.monotonic()
    with pytest.raises(TransientEndpointError, match=r"did not answer within 0.5 s"):
        extract(SEED1, settings=settings)
    assert time.monotonic() - started < 4.0


def test_configuration_and_input_errors(tmp_path) -> None:
    with pytest.raises(ConfigurationError, match="no model configured") as info:
        extract(SEED1, settings=Settings(backend="llm", base_url="http://127.0.0.1:9/v1", cache_dir=tmp_path))
    with pytest.raises(InputError, match="input is empty") as info:
        extract(b"", settings=Settings(backend="offline", cache_dir=tmp_path))
    assert type(info.value.__cause__).__name__ == "NormaliseError"
    with pytest.raises(InputError, match="more than the limit"):
        extract(SEED1, settings=Settings(backend="offline", cache_dir=tmp_path, max_chars=1000))


def test_the_cross_check_failure_is_data_not_a_missed_fact(monkeypatch, server, tmp_path) -> None:
    from summarise import offline

    def broken(doc, *more):
        raise RuntimeError("rules exploded")

    monkeypatch.setattr(offline, "people_and_figures", broken)
    settings = Settings(backend="llm", base_url=server.base_url, model="429-bare", cache_dir=tmp_path / "c",
                        max_wait=5.0, cross_check=True)
    server.calls.clear()
    record = extract(SEED1, settings=settings)
    assert record.provenance.possibly_missed == []
    assert record.provenance.cross_check_error == "RuntimeError: rules exploded"


def test_a_validation_error_reads_as_its_first_problem_and_how_many_more() -> None:
    """One formatting for every message that reports a pydantic ValidationError (CLI, endpoint errors,
    Batch-API ingest, dropped fields): the place as a path, the problem, the count of the others."""
    from typing import Literal

    from pydantic import BaseModel, ValidationError

    from summarise.errors import field_path, validation_summary
    from summarise.schemas import load_record

    class Person(BaseModel):
        name: str
        roles: list[Literal["chair", "speaker"]]

    class Answer(BaseModel):
        people: list[Person]

    assert field_path(("people", 2, "roles", 0)) == "people[2].roles[0]" and field_path(()) == ""
    with pytest.raises(ValidationError) as one:
        Answer.model_validate({"people": [{"name": "张三", "roles": ["dancer"]}]})
    assert validation_summary(one.value) == "people[0].roles[0]: Input should be 'chair' or 'speaker'"
    with pytest.raises(ValidationError) as several:
        Answer.model_validate({"people": [{"roles": ["dancer", "chair", "singer"]}]})
    assert validation_summary(several.value) == "people[0].name: Field required (+2 more)"
    with pytest.raises(ValidationError) as whole:
        load_record("[]")
    assert validation_summary(whole.value, subject="record").startswith("record: ")
    assert validation_summary(several.value, limit=10) == "people[0]. (+2 more)"
