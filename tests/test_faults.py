"""Faults at the endpoint, live against the scripted OpenAI-compatible server on 127.0.0.1.

Not recorded to cassettes on purpose: timeouts, resets and half-sent bodies are properties of a
live connection that a cassette cannot replay. Each fault shows the right behaviour — retried
(transport), re-asked (the model's answer), or a clear per-document `ExtractionError` — and every
loop is bounded in calls (counted at the server) and ends within its deadline. Small timeouts keep the
whole file to a few seconds.
"""
from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest

from scripted_server import ScriptedServer, answer, load_answer
from summarise import ExtractionError, Settings, extract
from summarise.extract import endpoint

REPO = Path(__file__).resolve().parents[1]
SEED1 = REPO / "seeds" / "001_6b39ea2c5599d977.txt"
GOOD1 = load_answer("seed001_good")
TIMEOUT = 0.25         # seconds per HTTP request where a test means a timeout to fire (slow scripts sleep 1 s)
# every other request may take this long: no scripted answer comes near it, so the calls a test
# counts do not depend on how busy the machine is (a 0.25 s deadline retried a prompt answer under load)
PATIENT = 10.0
MAX_WAIT = 1.0         # seconds of retrying per call
ATTEMPTS = 4           # Settings.max_attempts default
# The retry budget: one call may run past MAX_WAIT by its own timeout. Tests assert a deadline well
# above it, so that a busy machine passes, and well below what ignoring it costs (a Retry-After of
# 30 s slept through, or retries without end): a bound on behaviour, not a measure of speed.
DEADLINE = 10.0


def err(status: int, message: str = "scripted failure", headers: dict | None = None) -> dict:
    return {"status": status, "headers": headers or {}, "body": {"error": {"message": message}}}


def _edit(change) -> str:
    data = json.loads(GOOD1)
    change(data)
    return json.dumps(data, ensure_ascii=False)


def _ungrounded(d: dict) -> None:
    d["people"].append({"name": "王大明", "roles": ["attendee"], "evidence": {"quote": "王大明出席会议"}})
    d["figures"][0]["value"] = 112  # 11.2万亩 is 112000 mu


GOOD = {"content": GOOD1}
SCRIPTS: dict = {
    "429-retry-after": [err(429, "Rate limit reached", {"Retry-After": "1"}), GOOD],
    "429-bare": [err(429, "Rate limit reached"), err(429, "Rate limit reached"), GOOD],
    "429-retry-after-too-long": [err(429, "Rate limit reached", {"Retry-After": "30"}), GOOD],
    **{f"{code}-then-good": [err(code), GOOD] for code in (500, 502, 503)},
    **{f"{code}-always": [err(code)] for code in (500, 502, 503)},
    "reset-then-good": [{"reset": True}, GOOD],
    "reset-always": [{"reset": True}],
    "slow-then-good": [{"sleep": 1.0, **GOOD}, GOOD],
    "slow-always": [{"sleep": 1.0, **GOOD}],
    "cut-then-good": [{"cut": 0.5, **GOOD}, GOOD],
    "cut-always": [{"cut": 0.5, **GOOD}],
    "body-not-json-then-good": [{"raw": '{"id": "chatcmpl-x", "choices": [{"index": 0, "mess'}, GOOD],
    "body-not-json-always": [{"raw": '{"id": "chatcmpl-x", "choices": [{"index": 0, "mess'}],
    "content-not-json-then-good": [{"content": '{"kind": "policy_lecture", "people": ['}, GOOD],
    "content-violates-schema-then-good": [{"content": '{"kind": "lecture", "people": "陈林", "figures": 3}'}, GOOD],
    "ungrounded-always": [{"content": _edit(_ungrounded)}],
    "empty-choices-then-good": [{"choices": []}, GOOD],
    "empty-choices-always": [{"choices": []}],
    "html-page": [{"raw": "<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>",
                   "content_type": "text/html"}],
    "finish-length": [{"content": GOOD1[:300], "finish_reason": "length"}],
    "json-as-text-plain": [{"raw": json.dumps(answer(GOOD1, model="json-as-text-plain", prompt_tokens=7,
                                                     completion_tokens=5), ensure_ascii=False),
                            "content_type": "text/plain"}],
    "tokens-counted": [{"content": GOOD1, "prompt_tokens": 1234, "completion_tokens": 567}],
    "usage-not-numbers": [{"raw": json.dumps({**answer(GOOD1, model="usage-not-numbers"),
                                              "usage": {"prompt_tokens": "many", "completion_tokens": None}},
                                             ensure_ascii=False)}],
    # DeepSeek's answer to a JSON schema in response_format, and a 400 about something else
    "400-response-format": [err(400, "This response_format type is unavailable now")],
    "400-other": [err(400, "max_tokens is too large: 4096. This model supports at most 2048")],
}


@pytest.fixture(scope="module")
def server():
    with ScriptedServer(SCRIPTS) as s:
        yield s


@pytest.fixture
def settings(server, tmp_path, fast_backoff) -> Settings:
    """Patient enough for a fault that clears up (random backoff must not exhaust the budget)."""
    return Settings(backend="llm", base_url=server.base_url, cache_dir=tmp_path / "cache",
                    timeout=PATIENT, max_wait=5.0, cross_check=False)


@pytest.fixture
def tight(settings) -> Settings:
    """A small retry budget, for faults that persist: the error must come within DEADLINE."""
    return settings.model_copy(update={"max_wait": MAX_WAIT})


def run(model: str, settings: Settings):
    """extract() the seed through `model`'s script; returns (record or error, seconds)."""
    started = time.monotonic()
    try:
        return extract(SEED1, model=model, settings=settings), time.monotonic() - started
    except ExtractionError as exc:
        return exc, time.monotonic() - started


def ok(result):
    record, seconds = result
    assert not isinstance(record, Exception), f"expected a record, got {record!r}"
    assert record.kind == "policy_lecture" and record.lecturer.name == "陈林"
    return record, seconds


def failed(result, *, within: float = DEADLINE) -> str:
    error, seconds = result
    assert isinstance(error, ExtractionError), f"expected a clear ExtractionError, got {error!r}"
    assert seconds < within, f"took {seconds:.2f} s, bound {within:.2f} s"
    return str(error)


def arrivals(server: ScriptedServer, model: str) -> list[float]:
    return [t for t, m, _ in server.log if m == model]


# -- rate limits ------------------------------------------------------------------------------

def test_429_retry_after_is_honoured(server, settings):
    record, _ = ok(run("429-retry-after", settings))
    first, second = arrivals(server, "429-retry-after")
    assert second - first >= 1.0, f"retried after {second - first:.2f} s; Retry-After said 1 s"
    assert record.provenance.usage.calls == 2


def test_429_without_retry_after_backs_off_and_retries(server, settings):
    record, seconds = ok(run("429-bare", settings))
    assert server.calls["429-bare"] == 3 and record.provenance.usage.calls == 3
    assert seconds < DEADLINE  # the backoff itself: test_backoff_is_jittered_exponential_capped…


def test_retry_after_beyond_the_budget_fails_at_once(server, tight):
    """A Retry-After longer than max_wait is not slept through: the document fails now, clearly."""
    message = failed(run("429-retry-after-too-long", tight))
    assert "429" in message and server.calls["429-retry-after-too-long"] == 1


def test_backoff_is_jittered_exponential_capped_and_honours_retry_after():
    import openai
    from tenacity import RetryCallState, Retrying

    def state(attempt: int, exc: BaseException) -> RetryCallState:
        s = RetryCallState(Retrying(), fn=None, args=(), kwargs={})
        s.attempt_number = attempt
        s.set_exception((type(exc), exc, None))
        return s

    import httpx2 as httpx  # the transport openai 3.x uses
    request = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")
    bare = openai.InternalServerError("x", response=httpx.Response(500, request=request), body=None)
    hinted = openai.RateLimitError("x", response=httpx.Response(429, headers={"Retry-After": "7"}, request=request),
                                   body=None)
    for attempt in range(1, 8):
        waits = [endpoint._wait(state(attempt, bare)) for _ in range(200)]
        assert min(waits) >= 0 and max(waits) <= min(20.0, 0.5 * 2 ** (attempt - 1))
        assert max(waits) > 0.5 * min(20.0, 0.5 * 2 ** (attempt - 1))  # jitter spans the range
    assert endpoint._wait(state(1, hinted)) == 7.0


# -- server errors ----------------------------------------------------------------------------

@pytest.mark.parametrize("code", [500, 502, 503])
def test_server_error_is_retried(code, server, settings):
    record, _ = ok(run(f"{code}-then-good", settings))
    assert record.provenance.usage.calls == 2


@pytest.mark.parametrize("code", [500, 502, 503])
def test_persistent_server_error_is_a_clear_bounded_error(code, server, tight):
    message = failed(run(f"{code}-always", tight))
    assert f"HTTP {code}" in message and "after retries" in message
    assert 2 <= server.calls[f"{code}-always"] <= ATTEMPTS


# -- the connection ---------------------------------------------------------------------------

def test_connection_reset_is_retried(server, settings):
    _record, _ = ok(run("reset-then-good", settings))
    assert server.calls["reset-then-good"] == 2


def test_persistent_connection_reset_is_a_clear_bounded_error(server, tight):
    message = failed(run("reset-always", tight))
    assert 2 <= server.calls["reset-always"] <= ATTEMPTS
    # the server is up and accepted the connection: "is the server running?" would mislead
    assert "connection" in message and "is the server running" not in message


def test_refused_connection_says_the_server_is_not_running(tight):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    down = tight.model_copy(update={"base_url": f"http://127.0.0.1:{port}/v1"})
    message = failed(run("anything", down))
    assert "cannot connect" in message and "is the server running" in message


def test_slow_answer_times_out_and_is_retried(server, settings):
    _record, seconds = ok(run("slow-then-good", settings.model_copy(update={"timeout": TIMEOUT})))
    assert server.calls["slow-then-good"] == 2  # the first call timed out: its answer would have been used
    assert seconds < DEADLINE


def test_persistent_slowness_is_a_clear_bounded_error(server, tight):
    message = failed(run("slow-always", tight.model_copy(update={"timeout": TIMEOUT})))
    assert f"within {TIMEOUT:g} s" in message
    assert 2 <= server.calls["slow-always"] <= ATTEMPTS


def test_body_cut_mid_transfer_is_retried(server, settings):
    _record, _ = ok(run("cut-then-good", settings))
    assert server.calls["cut-then-good"] == 2


def test_persistent_cut_body_is_a_clear_bounded_error(server, tight):
    message = failed(run("cut-always", tight))
    assert "connection" in message and "is the server running" not in message
    assert 2 <= server.calls["cut-always"] <= ATTEMPTS


# -- the HTTP answer --------------------------------------------------------------------------

def test_http_body_that_is_not_json_is_retried(server, settings):
    """A complete HTTP answer whose body is cut mid-JSON (a proxy, a crashed worker) is transport
    damage, not the model's answer: retried as transient, not re-asked as if the model erred."""
    _record, _ = ok(run("body-not-json-then-good", settings))
    assert server.calls["body-not-json-then-good"] == 2
    first, second = (json.loads(raw) for _, m, raw in server.log if m == "body-not-json-then-good")
    assert second["messages"] == first["messages"]  # the same request again, no complaint to the model


def test_persistent_non_json_body_names_the_endpoint_not_the_model(server, tight):
    message = failed(run("body-not-json-always", tight))
    assert "not valid JSON" in message and "re-asks" not in message
    assert 2 <= server.calls["body-not-json-always"] <= ATTEMPTS


def test_empty_choice_list_is_retried_as_transient(server, settings):
    _record, _ = ok(run("empty-choices-then-good", settings))
    assert server.calls["empty-choices-then-good"] == 2


def test_persistent_empty_choice_list_is_a_clear_bounded_error(server, tight):
    message = failed(run("empty-choices-always", tight))
    assert "no choices" in message
    assert 2 <= server.calls["empty-choices-always"] <= ATTEMPTS


def test_html_page_instead_of_json_fails_at_once_with_a_hint(server, tight):
    """200 with text/html is a wrong base URL (a web server, not the API): no point retrying."""
    message = failed(run("html-page", tight))
    assert server.calls["html-page"] == 1
    assert "/v1" in message and "Welcome to nginx" in message


def test_json_answer_under_another_content_type_is_read(server, tight):
    """A chat completion sent as text/plain (some proxies relabel bodies) is read as JSON, as the
    SDK reads a typed answer; only text that is not a JSON object is a wrong base URL."""
    record, _ = ok(run("json-as-text-plain", tight))
    assert server.calls["json-as-text-plain"] == 1
    assert (record.provenance.usage.prompt_tokens, record.provenance.usage.completion_tokens) == (7, 5)


def test_tokens_of_an_answer_are_counted(server, settings):
    record, _ = ok(run("tokens-counted", settings))
    usage = record.provenance.usage
    assert (usage.calls, usage.prompt_tokens, usage.completion_tokens) == (1, 1234, 567)


def test_usage_that_is_not_numbers_counts_nothing(server, tight):
    record, _ = ok(run("usage-not-numbers", tight))
    usage = record.provenance.usage
    assert (usage.calls, usage.prompt_tokens, usage.completion_tokens) == (1, 0, 0)


def test_answer_cut_at_max_tokens_is_a_clear_error(server, tight):
    message = failed(run("finish-length", tight))
    assert "max_tokens" in message and server.calls["finish-length"] == 1


# -- the model's answer -----------------------------------------------------------------------

def test_invalid_json_content_is_reasked(server, settings):
    record, _ = ok(run("content-not-json-then-good", settings))
    assert record.provenance.usage.calls == 2
    reask = json.loads(server.log[-1][2])["messages"]
    assert len(reask) > 2  # the failed answer and the complaint went back to the model


def test_schema_violation_is_reasked(server, settings):
    record, _ = ok(run("content-violates-schema-then-good", settings))
    assert record.provenance.usage.calls == 2
    complaint = json.dumps(json.loads(server.log[-1][2])["messages"][2:], ensure_ascii=False)
    assert "kind" in complaint  # the validation error names the offending field


def test_ungrounded_answers_are_reasked_then_rejected_and_reported(server, settings):
    record, seconds = ok(run("ungrounded-always", settings))
    assert server.calls["ungrounded-always"] == 1 + settings.max_reasks
    assert "王大明" not in {p.name for p in record.people}
    assert "11.2万亩" not in {f.quote for f in record.figures}
    reasons = {r.field: r.reason for r in record.provenance.rejected}
    assert any("王大明" in r and "does not occur" in r for r in reasons.values())
    assert any("11.2万亩" in r and "the quote says 112000" in r for r in reasons.values())
    assert seconds < DEADLINE


# -- a batch around the faults ----------------------------------------------------------------

BATCH_FAULTS = {  # marker in the document → how the endpoint treats it; None: the input must fail
    "FAULT-OK": ([GOOD], "done"),
    "FAULT-429": ([err(429, "Rate limit reached", {"Retry-After": "0"}), GOOD], "done"),
    "FAULT-503": ([err(503)], "failed"),
    "FAULT-RESET": ([{"reset": True}, GOOD], "done"),
    "FAULT-SLOW": ([{"sleep": 1.0, **GOOD}, GOOD], "done"),
    "FAULT-CUT": ([{"cut": 0.4, **GOOD}, GOOD], "done"),
    "FAULT-HTML": ([{"raw": "<html><body>Bad gateway</body></html>", "content_type": "text/html"}], "failed"),
    "FAULT-EMPTY": ([{"choices": []}, GOOD], "done"),
    "FAULT-BADJSON": ([{"content": "{\"kind\": "}, GOOD], "done"),
    "FAULT-UNGROUNDED": ([{"content": _edit(_ungrounded)}], "done"),
    "FAULT-LENGTH": ([{"content": GOOD1[:300], "finish_reason": "length"}], "failed"),
}


def test_batch_around_faults_loses_nothing(tmp_path, fast_backoff):
    """`summarise run` over documents that each meet a different fault: every input is either
    summarised or listed in errors.jsonl with a reason, and the exit code says some failed."""
    cli = pytest.importorskip("summarise.cli", reason="the CLI (summarise run) has not landed")
    from typer.testing import CliRunner

    scripts = {f"batch-{m}": steps for m, (steps, _) in BATCH_FAULTS.items()}
    scripts["batch"] = {"route": {m: f"batch-{m}" for m in BATCH_FAULTS}}
    article = SEED1.read_text("utf-8")
    inputs = tmp_path / "in"
    inputs.mkdir()
    for marker in BATCH_FAULTS:  # the marker sits in the first paragraph, so it survives cleaning
        (inputs / f"{marker.lower()}.txt").write_text(article.replace("的顺德经验。", f"的顺德经验。(文档{marker})", 1),
                                                      "utf-8")
    out = tmp_path / "out"
    env = {"SUMMARISE_CACHE_DIR": str(tmp_path / "cache"), "SUMMARISE_TIMEOUT": str(TIMEOUT)}
    with ScriptedServer(scripts) as server:
        started = time.monotonic()
        result = CliRunner().invoke(cli.app, ["run", str(inputs), "--out", str(out), "--backend", "llm",
                                              "--model", "batch", "--base-url", server.base_url, "-j", "4", "-q",
                                              "--no-reposts"],  # copies of one article, each its own fault
                                    env=env)
        seconds = time.monotonic() - started
    assert result.exit_code == 1, result.output
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    status = {Path(i["path"]).stem.upper(): i["status"] for i in summary["inputs"]}
    assert status == {m: want for m, (_, want) in BATCH_FAULTS.items()}
    assert summary["counts"]["total"] == len(BATCH_FAULTS) and summary["counts"]["not_reached"] == 0
    assert sorted(Path(e["path"]).stem.upper() for e in errors) == sorted(
        m for m, (_, want) in BATCH_FAULTS.items() if want == "failed")
    assert all(e["reason"] and "Traceback" not in e["reason"] for e in errors)
    for item in summary["inputs"]:
        if item["status"] == "done":
            assert item["outputs"] and all((out / name).is_file() for name in item["outputs"].values())
    assert seconds < 20


@pytest.mark.parametrize("model, says", [
    ("400-response-format", "set SUMMARISE_MODE=json (or tools)"),
    ("400-other", "the request used SUMMARISE_MODE=json_schema; another (tools, json, md_json)"),
])
def test_a_rejected_request_fails_at_once_and_names_the_setting_to_change(server, settings, model, says):
    message = failed(run(model, settings), within=2.0)
    assert server.calls[model] == 1, "a 400 is not retried"
    assert "rejected the request (400)" in message and says in message and "--mode" not in message
