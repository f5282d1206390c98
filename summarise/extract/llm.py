"""The LLM backend: one instructor call per document (or per chunk) against any OpenAI-compatible endpoint.

Layering: summarise/extract/endpoint.py retries transient HTTP failures; instructor re-asks on validation
failures (`max_reasks`); what is still ungrounded after that is removed by `Grounder.review` and
reported, never shipped. `extract_facts` and `aextract_facts` are the same steps, sync and async.
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import json
import logging
from collections.abc import Callable
from typing import Any

import instructor
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException
from openai.types.chat import ChatCompletion
from pydantic import ValidationError

from summarise import prompts
from summarise.errors import ConfigurationError, NoValidAnswerError, SummariseError
from summarise.ground.grounder import GroundedFacts, Grounder, all_rejected, checking, read
from summarise.schemas import Facts, Rejection, Usage
from summarise.settings import MODES, Settings

from .endpoint import (
    AsyncCall,
    BadResponse,
    Call,
    TokenCapReached,
    endpoint_error,
    make_async_client,
    make_client,
    short,
)

logging.getLogger("instructor").addHandler(logging.NullHandler())  # its retry errors are ours to report

INSTRUCTOR_MODES: dict[str, instructor.Mode] = {name: getattr(instructor.Mode, name.upper()) for name in MODES}


PROMPT_ECHO_CHARS = 30  # a run this long shared with the system prompt (and absent from the article) is an echo


def without_prompt_echo(facts: Facts, article: str) -> tuple[Facts, list[Rejection]]:
    """Drop free text that repeats the system prompt (an obeyed prompt injection), and report it."""
    system = prompts.text("system.md")
    grams, anchors = _prompt_grams(system, PROMPT_ECHO_CHARS), _prompt_grams(system, PROMPT_ECHO_CHARS // 2)
    body = "".join(article.split())

    def echoes(value: Any) -> bool:
        return any(_echoed("".join(text.split()), grams, anchors, body)
                   for text in _strings(value) if len(text) >= PROMPT_ECHO_CHARS)

    if not echoes(facts):  # the usual case: one scan of the whole answer
        return facts, []
    out = facts.model_copy(deep=True)
    rejected: list[Rejection] = []
    why = "repeats the extraction instructions (prompt injection?), not the article"

    def reject(where: str, value: Any) -> None:  # the echoed text itself is not kept, not even here
        dumped = json.dumps(value.model_dump(mode="json") if hasattr(value, "model_dump") else value)
        rejected.append(Rejection(field=where, value=f"({len(dumped)} characters withheld)", reason=why))

    for name in ("headline", "summary", "out_of_scope_reason"):
        if echoes(getattr(out, name)):
            reject(name, getattr(out, name))
            setattr(out, name, None)
    for name in ("name", "place", "convened_by", "topic"):
        if echoes(getattr(out.event, name)):
            reject(f"event.{name}", getattr(out.event, name))
            setattr(out.event, name, None)
    for name in ("people", "figures", "points", "attendee_groups"):
        kept = []
        for i, item in enumerate(getattr(out, name)):
            if echoes(item):
                reject(f"{name}[{i}]", item)
            else:
                kept.append(item)
        setattr(out, name, kept)
    return out, rejected


def _strings(value: Any) -> list[str]:
    """The free text of an answer (or a part of it): every string value, keys and structure left out."""
    found: list[str] = []

    def walk(v: Any) -> None:
        if isinstance(v, str):
            found.append(v)
        elif isinstance(v, dict):
            for item in v.values():
                walk(item)
        elif isinstance(v, list):
            for item in v:
                walk(item)

    walk(value.model_dump(mode="json") if hasattr(value, "model_dump") else value)
    return found


def _echoed(text: str, grams: frozenset[str], anchors: frozenset[str], article: str) -> bool:
    """Whether `text` shares a run of PROMPT_ECHO_CHARS characters with the prompt that the article lacks."""
    n, half = PROMPT_ECHO_CHARS, PROMPT_ECHO_CHARS // 2
    # A shared run of n characters contains one of the half-length windows that start at multiples
    # of n // 2: when none of those occurs in the prompt, no run can (one lookup per n // 2 characters).
    if not any(text[j:j + half] in anchors for j in range(0, len(text) - half + 1, half)):
        return False
    return any(text[i:i + n] in grams and text[i:i + n] not in article for i in range(len(text) - n + 1))


@functools.lru_cache(maxsize=4)
def _prompt_grams(system: str, n: int) -> frozenset[str]:
    """Every run of `n` characters of the system prompt (whitespace removed), built once per prompt text."""
    squeezed = "".join(system.split())
    return frozenset(squeezed[i:i + n] for i in range(len(squeezed) - n + 1))


def messages_for(text: str, *, title: str | None, published: str | None, kind: str | None,
                 part: int | None = None, parts: int | None = None) -> list[dict[str, str]]:
    """The chat messages for one document (or one part of it)."""
    return [
        {"role": "system", "content": prompts.text("system.md").strip()},
        {"role": "user", "content": prompts.render(
            "user.md", article=text, title=title, published=published, kind=kind, part=part, parts=parts,
        ).strip()},
    ]


def tighten(schema: Any, *, list_limit: int | None, text_limit: int | None) -> Any:
    """The JSON Schema with every maxItems/maxLength lowered to the limits (small models loop less)."""
    if isinstance(schema, dict):
        out = {k: tighten(v, list_limit=list_limit, text_limit=text_limit) for k, v in schema.items()}
        if list_limit is not None and out.get("type") == "array":
            out["maxItems"] = min(out.get("maxItems", list_limit), list_limit)
        if text_limit is not None and out.get("type") == "string" and "enum" not in out and "pattern" not in out:
            out["maxLength"] = min(out.get("maxLength", text_limit), text_limit)
        return out
    if isinstance(schema, list):
        return [tighten(v, list_limit=list_limit, text_limit=text_limit) for v in schema]
    return schema


def response_model(settings: Settings) -> type[GroundedFacts]:
    """The model instructor validates against; its advertised schema honours list/text limits."""
    return _response_model(settings.list_limit, settings.text_limit)


@functools.lru_cache(maxsize=32)
def _response_model(list_limit: int | None, text_limit: int | None) -> type[GroundedFacts]:
    """One class per limits, whose JSON Schema is built once (instructor asks for it on every call)."""
    memo: dict[Any, str] = {}  # JSON text: a fresh copy per call from json.loads is cheaper than a deepcopy of the schema

    class BoundedFacts(GroundedFacts):
        @classmethod
        def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
            try:
                key = (args, tuple(sorted(kwargs.items())))
                hash(key)
            except TypeError:
                key = None
            if key is None or key not in memo:
                schema = super().model_json_schema(*args, **kwargs)
                if list_limit is not None or text_limit is not None:
                    schema = tighten(schema, list_limit=list_limit, text_limit=text_limit)
                if key is None:
                    return schema
                memo[key] = json.dumps(schema, ensure_ascii=False)
            return json.loads(memo[key])

    if list_limit is None and text_limit is None:  # the request names the model: keep the plain name
        BoundedFacts.__name__ = BoundedFacts.__qualname__ = GroundedFacts.__name__
    return BoundedFacts


def call_arguments(settings: Settings, messages: list[dict[str, str]]) -> dict[str, Any]:
    """The arguments of one extraction call besides the response model (instructor adds its format)."""
    return {"model": settings.model, "messages": messages, "temperature": settings.temperature,
            "max_tokens": settings.max_tokens}


# The document whose Call the patched create below sends through (per thread or task: contextvars).
_CURRENT_CALL: contextvars.ContextVar[Call] = contextvars.ContextVar("summarise_current_call")


# An answer already received that instructor's next call gets back without a request (see `ask`).
_REPLAY: contextvars.ContextVar[list[Any]] = contextvars.ContextVar("summarise_replay")


def _dispatch(**kwargs: Any) -> Any:
    """What instructor's patched create calls: the current document's `Call.create`."""
    replay = _REPLAY.get(None)
    if replay:
        return replay.pop()
    return _CURRENT_CALL.get().create(**kwargs)


async def _adispatch(**kwargs: Any) -> Any:
    """The async `_dispatch`: the current document's `AsyncCall.create`."""
    replay = _REPLAY.get(None)
    if replay:
        return replay.pop()
    return await _CURRENT_CALL.get().create(**kwargs)


@functools.lru_cache(maxsize=16)
def _patched_create(mode: str, run_async: bool) -> Callable[..., Any]:
    """instructor's create for a mode (`instructor.patch(create=…)`), built once per process, not per document."""
    return instructor.patch(create=_adispatch if run_async else _dispatch, mode=INSTRUCTOR_MODES[mode])


@functools.lru_cache(maxsize=32)
def _prepared_model(list_limit: int | None, text_limit: int | None) -> type[GroundedFacts]:
    """The response model as instructor's `response_schema` makes it, once per limits (instructor
    would otherwise derive the same class again on every call)."""
    return instructor.response_schema(_response_model(list_limit, text_limit))


def _request(call: Call, messages: list[dict[str, str]]) -> dict[str, Any]:
    s = call.settings
    return {**call_arguments(s, messages), "response_model": _prepared_model(s.list_limit, s.text_limit),
            "max_retries": s.max_reasks}


def _grounded(facts: Any, context: dict[str, Any], grounder: Grounder) -> tuple[Facts, list[Rejection]]:
    grounded = context.get("grounded")
    if grounded is None:  # validation ran without our context: ground it here
        return grounder.review(Facts.model_validate(facts.model_dump()))
    return grounded, []


def _cut_off(settings: Settings) -> NoValidAnswerError:
    return NoValidAnswerError(
        f"the model's answer was cut off at max_tokens={settings.max_tokens}: raise SUMMARISE_MAX_TOKENS "
        f"or lower SUMMARISE_CONTEXT_CHARS so documents are split into smaller parts")


class _Probed(Exception):
    """Stops instructor's call once it has handed over the request it built."""


@functools.lru_cache(maxsize=32)
def _direct_keys(mode: str, list_limit: int | None, text_limit: int | None) -> dict[str, Any] | None:
    """What instructor adds to a request in this mode (the response format), learnt once per process
    by asking its patched create to build one; None for modes whose answers need instructor's own
    parsing (tools, fenced JSON) or where instructor also rewrites the messages."""
    if mode != "json_schema":
        return None
    probe = [{"role": "system", "content": "system"}, {"role": "user", "content": "user"}]
    seen: dict[str, Any] = {}

    def capture(**kwargs: Any) -> Any:
        seen.update(kwargs)
        raise _Probed

    with contextlib.suppress(Exception):  # _Probed, however instructor wraps it
        instructor.patch(create=capture, mode=INSTRUCTOR_MODES[mode])(
            model="probe", messages=probe, response_model=_prepared_model(list_limit, text_limit), max_retries=1)
    if seen.get("model") != "probe" or seen.get("messages") != probe:
        return None
    return {k: v for k, v in seen.items() if k not in ("model", "messages")}


def _direct(call: Call, messages: list[dict[str, str]]) -> dict[str, Any] | None:
    s = call.settings
    keys = _direct_keys(s.mode, s.list_limit, s.text_limit)
    return None if keys is None else {**call_arguments(s, messages), **keys}


def _validated(completion: dict[str, Any], settings: Settings) -> Any | None:
    """The first answer (the completion's JSON) validated as instructor validates it in JSON-schema
    mode (strict, the message content), or None when it does not validate or was cut off:
    instructor then takes over."""
    try:
        choice = completion["choices"][0]
        if choice.get("finish_reason") == "length":
            return None
        content = choice["message"].get("content")
        return _prepared_model(settings.list_limit, settings.text_limit).model_validate_json(
            content if isinstance(content, str) else "", strict=True)
    except (ValidationError, AttributeError, KeyError, IndexError, TypeError):
        return None


def _typed(completion: dict[str, Any]) -> ChatCompletion:
    """The completion as the SDK hands it to instructor (built, like the SDK builds it, without validation)."""
    return ChatCompletion.model_construct(**completion)


def ask(call: Call, messages: list[dict[str, str]], grounder: Grounder) -> tuple[Facts, list[Rejection]]:
    """Ask for facts; re-ask on invalid or ungrounded answers; ground what comes back.

    In JSON-schema mode the first request is the one instructor builds, sent directly, and its answer
    validated as instructor would: most answers pass, and instructor's per-call preparation is not
    needed. An answer that does not pass goes to instructor as its first attempt (no second request),
    so its re-asks are exactly what they would have been."""
    token = _CURRENT_CALL.set(call)
    replay = _REPLAY.set([])
    try:
        with checking(grounder) as context:  # not instructor's context=: it would template the article
            direct = _direct(call, messages)
            if direct is not None:
                first = call.create_json(**direct)
                facts = _validated(first, call.settings)
                if facts is not None:
                    return _grounded(facts, context, grounder)
                _REPLAY.get().append(_typed(first))
            facts = _patched_create(call.settings.mode, False)(**_request(call, messages))
        return _grounded(facts, context, grounder)
    except InstructorRetryException as exc:
        return _salvage(exc, grounder, call.settings)
    except IncompleteOutputException as exc:
        raise _cut_off(call.settings) from exc
    finally:
        _REPLAY.reset(replay)
        _CURRENT_CALL.reset(token)


async def aask(call: AsyncCall, messages: list[dict[str, str]], grounder: Grounder) -> tuple[Facts, list[Rejection]]:
    """`ask`, awaited."""
    token = _CURRENT_CALL.set(call)
    replay = _REPLAY.set([])
    try:
        with checking(grounder) as context:
            direct = _direct(call, messages)
            if direct is not None:
                first = await call.create_json(**direct)
                facts = _validated(first, call.settings)
                if facts is not None:
                    return _grounded(facts, context, grounder)
                _REPLAY.get().append(_typed(first))
            facts = await _patched_create(call.settings.mode, True)(**_request(call, messages))
        return _grounded(facts, context, grounder)
    except InstructorRetryException as exc:
        return _salvage(exc, grounder, call.settings)
    except IncompleteOutputException as exc:
        raise _cut_off(call.settings) from exc
    finally:
        _REPLAY.reset(replay)
        _CURRENT_CALL.reset(token)


def _salvage(exc: Any, grounder: Grounder, settings: Settings) -> tuple[Facts, list[Rejection]]:
    """After the last re-ask: keep what is grounded from the last well-formed answer, or fail clearly."""
    cause = exc.__cause__
    if isinstance(cause, (openai.APIError, BadResponse)):
        raise endpoint_error(cause, settings) from cause
    attempts = [a.completion for a in (getattr(exc, "failed_attempts", None) or []) if a.completion is not None]
    for completion in reversed(attempts):
        content = _content(completion)
        if content is None:
            continue
        try:  # what validates is kept: a bad field is dropped and listed, never the whole answer
            return read(json.loads(_strip_fences(content)), grounder)
        except ValueError:  # not JSON, or nothing of it validates (ValidationError is a ValueError)
            continue
    if isinstance(cause, TokenCapReached):
        raise TokenCapReached(str(cause)) from exc
    raise NoValidAnswerError(f"the model gave no valid answer after {settings.max_reasks} re-asks: "
                             f"{short(cause or exc)}") from (cause or exc)


def answer_text(completion: Any) -> str | None:
    """The answer's JSON text: the message content (or first tool call's arguments), code fences removed."""
    content = _content(completion)
    return None if content is None else _strip_fences(content)


def _content(completion: Any) -> str | None:
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError):
        return None
    if message.content:
        return message.content
    calls = getattr(message, "tool_calls", None) or []
    return calls[0].function.arguments if calls else None


def _strip_fences(content: str) -> str:
    s = content.strip()
    if s.startswith("```"):
        s = s.split("\n", 1)[1] if "\n" in s else ""
        s = s.rsplit("```", 1)[0]
    return s


def chunks(text: str, limit: int) -> list[str]:
    """Split text on paragraph boundaries into parts of at most `limit` characters (a longer paragraph stands alone)."""
    parts: list[str] = []
    current = ""
    for para in text.split("\n"):
        if current and len(current) + 1 + len(para) > limit:
            parts.append(current)
            current = para
        else:
            current = f"{current}\n{para}" if current else para
    if current:
        parts.append(current)
    return parts or [text]


def document_messages(text: str, *, title: str | None, published: str | None, kind: str | None,
                      settings: Settings) -> list[list[dict[str, str]]]:
    """The messages of every call for one document: one per part of at most `context_chars`."""
    pieces = chunks(text, settings.context_chars)
    split = len(pieces) > 1
    return [messages_for(piece, title=title, published=published, kind=kind,
                         part=i if split else None, parts=len(pieces) if split else None)
            for i, piece in enumerate(pieces, 1)]


def merge(parts: list[Facts]) -> Facts:
    """Merge per-chunk facts without duplicates (people by name, figures by quote and place)."""
    if len(parts) == 1:  # the usual case: nothing to merge (and the caller's list owns its facts)
        return parts[0]
    first = parts[0].model_copy(deep=True)
    people = {p.name: p for p in first.people}
    figures = {(f.quote, f.evidence.start): f for f in first.figures}
    points = list(first.points)
    groups = {g.text.zh: g for g in first.attendee_groups}
    for part in parts[1:]:
        for p in part.people:
            if p.name in people:
                known = people[p.name]
                known.roles = list(dict.fromkeys([*known.roles, *p.roles]))
                known.title = known.title or p.title
            else:
                people[p.name] = p
        for f in part.figures:
            figures.setdefault((f.quote, f.evidence.start), f)
        seen = {(pt.evidence.start, pt.evidence.end) for pt in points}
        points += [pt for pt in part.points if (pt.evidence.start, pt.evidence.end) not in seen]
        for g in part.attendee_groups:
            groups.setdefault(g.text.zh, g)
        if first.event.date is None:
            first.event.date = part.event.date
        for name in ("name", "place", "convened_by", "topic", "evidence"):
            if getattr(first.event, name) is None:
                setattr(first.event, name, getattr(part.event, name))
    first.people = list(people.values())
    first.figures = list(figures.values())
    first.points = points
    first.attendee_groups = list(groups.values())
    return first


def _check(settings: Settings) -> None:
    if not settings.model:
        raise ConfigurationError("no model configured: pass model=… or set SUMMARISE_MODEL (or use the offline backend)")


def _finish(results: list[Facts], rejected: list[Rejection], text: str) -> tuple[Facts, list[Rejection]]:
    facts, echoed = without_prompt_echo(merge(results), text)
    unsupported = all_rejected(facts, rejected + echoed)
    if unsupported:  # nothing the answer quoted is in this article: not a record
        raise NoValidAnswerError(unsupported)
    return facts, rejected + echoed


def extract_facts(text: str, *, title: str | None, published: str | None, kind: str | None,
                  settings: Settings, grounder: Grounder | None = None) -> tuple[Facts, list[Rejection], Usage]:
    """Facts for one normalised document from the configured endpoint (`grounder`: the document's,
    when the caller has one to share)."""
    _check(settings)
    call = Call(make_client(settings), settings)
    grounder = grounder or Grounder(text, published, title)
    results: list[Facts] = []
    rejected: list[Rejection] = []
    try:
        for messages in document_messages(text, title=title, published=published, kind=kind, settings=settings):
            facts, why = ask(call, messages, grounder)
            results.append(facts)
            rejected += why
    except (openai.APIError, BadResponse) as exc:  # raised outside instructor's loop (e.g. before parsing)
        failure = endpoint_error(exc, settings)
        failure.usage = call.usage  # spent, so counted, though the document failed
        raise failure from exc
    except SummariseError as exc:
        exc.usage = call.usage
        raise
    return (*_finish(results, rejected, text), call.usage)


async def aextract_facts(text: str, *, title: str | None, published: str | None, kind: str | None,
                         settings: Settings, grounder: Grounder | None = None) -> tuple[Facts, list[Rejection], Usage]:
    """`extract_facts`, awaited (the AsyncOpenAI client of the running event loop)."""
    _check(settings)
    call = AsyncCall(make_async_client(settings), settings)
    grounder = grounder or Grounder(text, published, title)
    results: list[Facts] = []
    rejected: list[Rejection] = []
    try:
        for messages in document_messages(text, title=title, published=published, kind=kind, settings=settings):
            facts, why = await aask(call, messages, grounder)
            results.append(facts)
            rejected += why
    except (openai.APIError, BadResponse) as exc:
        failure = endpoint_error(exc, settings)
        failure.usage = call.usage
        raise failure from exc
    except SummariseError as exc:
        exc.usage = call.usage
        raise
    return (*_finish(results, rejected, text), call.usage)
