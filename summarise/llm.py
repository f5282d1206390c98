"""The LLM backend: one instructor call per document (or per chunk) against any OpenAI-compatible endpoint.

Layering: `_transport_retry` retries transient HTTP failures (tenacity; the SDK's own retries are off
so that one policy rules); instructor re-asks on validation failures (`max_reasks`); what is still
ungrounded after that is removed by `Grounder.review` and reported, never shipped.
"""
from __future__ import annotations

import contextvars
import functools
import json
import logging
import random
import threading
import time
import weakref
from dataclasses import dataclass, field
from typing import Any, Callable

import instructor
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException
from instructor.v2.core import patch as _instructor_patch
from instructor.v2.core.response_model import prepare_response_model
from instructor.v2.validation import async_validators as _async_validators
from openai.types.chat import ChatCompletion
from pydantic import ValidationError
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, stop_before_delay

from . import prompts, sockets, turns
from .errors import ExtractionError
from .ground import GroundedFacts, Grounder, checking
from .schemas import Facts, Rejection, Usage
from .settings import Settings

logging.getLogger("instructor").addHandler(logging.NullHandler())  # its retry errors are ours to report

MODES = {
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}
_TRANSIENT = (openai.RateLimitError, openai.InternalServerError, openai.APITimeoutError, openai.APIConnectionError)


class TokenCapReached(Exception):
    """The document's token cap is used up; no further call is made."""


class BadResponse(Exception):
    """The endpoint answered 200 with something that is not a usable chat completion."""


class EmptyAnswer(BadResponse):
    """The endpoint answered 200 with no choices (treated as transient)."""


class MalformedBody(BadResponse):
    """The HTTP body claimed to be JSON but is not (cut or garbled on the way; treated as transient)."""


class NotAnAPI(BadResponse):
    """The endpoint answered with a web page or text, not JSON: a wrong base URL (not retried)."""


def _is_transient(exc: BaseException) -> bool:
    if isinstance(exc, (*_TRANSIENT, EmptyAnswer, MalformedBody)):
        return True
    return isinstance(exc, openai.APIStatusError) and (exc.status_code in (408, 409, 425) or exc.status_code >= 500)


def _retry_after(exc: BaseException | None) -> float | None:
    response = getattr(exc, "response", None)
    if response is None:
        return None
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _wait(state: RetryCallState) -> float:
    """Honour Retry-After; otherwise exponential backoff with full jitter (0.5 s doubling, ≤ 20 s)."""
    exc = state.outcome.exception() if state.outcome else None
    hinted = _retry_after(exc)
    if hinted is not None:
        return min(hinted, 60.0)
    return random.uniform(0, min(20.0, 0.5 * 2 ** (state.attempt_number - 1)))


def explain_api_error(exc: BaseException, settings: Settings) -> str:
    """A message that says what to fix (never containing the API key, even if the endpoint echoed it)."""
    message = _explain(exc, settings)
    key = settings.api_key.get_secret_value() if settings.api_key else ""
    return message.replace(key, "[API key]") if len(key) >= 4 else message


def _explain(exc: BaseException, settings: Settings) -> str:
    where = f"{settings.base_url or 'the OpenAI API'} (model {settings.model!r})"
    if isinstance(exc, openai.AuthenticationError):
        return f"authentication failed at {where}: check SUMMARISE_API_KEY / OPENAI_API_KEY"
    if isinstance(exc, openai.PermissionDeniedError):
        return f"permission denied at {where}: the key may not have access to this model"
    if isinstance(exc, openai.NotFoundError):
        return f"not found at {where}: check the model name and that the base URL ends in /v1"
    if isinstance(exc, openai.BadRequestError):
        others = ", ".join(m for m in MODES if m != settings.mode)
        if settings.mode == "json_schema" and ("response_format" in str(exc) or "json_schema" in str(exc)):
            hint = "if the endpoint cannot take a JSON schema in response_format, set SUMMARISE_MODE=json (or tools)"
        else:
            hint = f"the request used SUMMARISE_MODE={settings.mode}; another ({others}) may suit this endpoint"
        return f"the endpoint {where} rejected the request ({exc.status_code}): {_short(exc)}; {hint}"
    if isinstance(exc, openai.APITimeoutError):
        return f"{where} did not answer within {settings.timeout:g} s (after retries)"
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__
        if cause is None or "connect" in type(cause).__name__.lower():
            return f"cannot connect to {where}: is the server running?"
        return (f"the connection to {where} broke before a complete answer "
                f"({type(cause).__name__}: {_short(cause)}) (after retries)")
    if isinstance(exc, NotAnAPI):
        return f"{where} {exc}: check that the base URL is the API's (usually ending in /v1)"
    if isinstance(exc, BadResponse):
        return f"{where} {exc} (after retries)"
    if isinstance(exc, openai.APIStatusError):
        return f"{where} answered HTTP {exc.status_code} (after retries): {_short(exc)}"
    return f"{type(exc).__name__}: {_short(exc)}"


def _short(exc: BaseException) -> str:
    if isinstance(exc, ValidationError) and exc.errors():
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "answer"
        return f"{where}: {first['msg']}" + (f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else "")
    return " ".join(str(exc).split())[:300]


@dataclass
class Call:
    """One document's conversation with the endpoint: it counts tokens and enforces the cap."""

    client: openai.OpenAI
    settings: Settings
    usage: Usage = field(default_factory=Usage)

    def create(self, **kwargs: Any) -> Any:
        cap = self.settings.token_cap
        if cap is not None and self.usage.total_tokens >= cap:
            raise TokenCapReached(f"token cap of {cap} reached after {self.usage.total_tokens} tokens")
        retrying = Retrying(
            retry=retry_if_exception(_is_transient),
            # never start a wait (Retry-After or backoff) that would end past max_wait
            stop=stop_after_attempt(self.settings.max_attempts) | stop_before_delay(self.settings.max_wait),
            wait=_wait,
            sleep=_sleep,
            reraise=True,
        )
        try:
            if sockets.installed(self.client):  # the sockets give the turn up while they wait
                return retrying(self._once, **kwargs)
            with turns.waiting():  # other documents work while this one waits for the endpoint
                return retrying(self._once, **kwargs)
        except openai.APIError as exc:  # an endpoint may echo the key: scrub it before anyone logs it
            _scrub(exc, self.settings)
            raise

    def _once(self, **kwargs: Any) -> Any:
        self.usage.calls += 1
        try:
            response = _post(self.client, kwargs)
        except json.JSONDecodeError as exc:  # the SDK could not parse the HTTP body
            raise MalformedBody(f"answered with an HTTP body that is not valid JSON ({exc})") from None
        if isinstance(response, str):  # the SDK hands back the text of a non-JSON content type
            raise NotAnAPI(f"answered with a web page or text, not a JSON chat completion "
                           f"(it starts {' '.join(response.split())[:80]!r})")
        used = getattr(response, "usage", None)
        if used is not None:
            self.usage.prompt_tokens += used.prompt_tokens or 0
            self.usage.completion_tokens += used.completion_tokens or 0
        if not getattr(response, "choices", None):
            raise EmptyAnswer("returned no choices")
        return response


_REQUEST_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout", "stream")


def _post(client: openai.OpenAI, kwargs: dict[str, Any]) -> Any:
    """POST /chat/completions with the JSON body `chat.completions.create(**kwargs)` sends (same keys
    and values; the key order may differ).

    The arguments are plain JSON already; `create` would walk every message against each type of
    its message union to rename aliases (none apply), ~1.5 ms of CPU per call, so the body goes as is.
    """
    if any(k in kwargs for k in _REQUEST_OPTIONS):
        return client.chat.completions.create(**kwargs)
    return client.post("/chat/completions", body=kwargs, cast_to=ChatCompletion)


def _scrub(exc: openai.APIError, settings: Settings) -> None:
    """Remove the API key from an SDK error's message, args and body (instructor logs str(exc))."""
    key = settings.api_key.get_secret_value() if settings.api_key else ""
    if len(key) < 4:
        return
    exc.message = exc.message.replace(key, "[API key]")
    exc.args = tuple(a.replace(key, "[API key]") if isinstance(a, str) else a for a in exc.args)
    if exc.body is not None and key in json.dumps(exc.body, ensure_ascii=False):
        exc.body = json.loads(json.dumps(exc.body, ensure_ascii=False).replace(key, "[API key]"))


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


def _sleep(seconds: float) -> None:
    """Wait before a retry without the turn."""
    with turns.waiting():
        time.sleep(seconds)


def make_client(settings: Settings) -> openai.OpenAI:
    """An OpenAI SDK client for the configured endpoint, with the SDK's own retries off.

    Shared across documents and threads (it is thread-safe): building one costs ~28 ms (an SSL
    context), and sharing it keeps the connection pool warm.
    """
    key = settings.api_key.get_secret_value() if settings.api_key else "not-needed"
    try:
        with _CLIENT_LOCK:  # threads starting together would otherwise each build their own
            return _client(settings.base_url, key, settings.timeout)
    except ImportError as exc:  # a proxy setting that needs an optional package, e.g. SOCKS
        if "socks" in str(exc).lower():
            raise ExtractionError("a SOCKS proxy is configured (ALL_PROXY, HTTPS_PROXY or HTTP_PROXY) and the "
                                  "HTTP client needs the 'socksio' package for it: pip install socksio") from None
        raise ExtractionError(f"cannot build the HTTP client: {exc}") from None
    except ValueError as exc:  # e.g. a proxy URL with a scheme the client does not know
        raise ExtractionError(f"cannot build the HTTP client: {exc} (check the base URL and the ALL_PROXY, "
                              f"HTTPS_PROXY and HTTP_PROXY variables)") from None


_CLIENT_LOCK = threading.Lock()


@functools.lru_cache(maxsize=8)
def _client(base_url: str | None, key: str, timeout: float) -> openai.OpenAI:
    client = openai.OpenAI(base_url=base_url, api_key=key, max_retries=0, timeout=timeout)
    sockets.install(client)
    return client


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
    """One class per limits, whose JSON Schema is built once (instructor asks for it on every call: ~18 ms)."""
    memo: dict[Any, str] = {}  # JSON text: a fresh copy per call from json.loads is ~10x cheaper than deepcopy

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


# The document whose Call the patched create below sends through (one per thread: contextvars).
_CURRENT_CALL: contextvars.ContextVar[Call] = contextvars.ContextVar("summarise_current_call")


def _dispatch(**kwargs: Any) -> Any:
    """What instructor's patched create calls: the current document's `Call.create`."""
    return _CURRENT_CALL.get().create(**kwargs)


@functools.lru_cache(maxsize=8)
def _patched_create(mode: str) -> Callable[..., Any]:
    """instructor's create for a mode, patched once per process around `_dispatch` (not per document)."""
    return instructor.patch(create=_dispatch, mode=MODES[mode])


@functools.lru_cache(maxsize=32)
def _prepared_model(list_limit: int | None, text_limit: int | None) -> type[GroundedFacts]:
    """The response model as instructor prepares it (a ResponseSchema subclass), built once per limits.

    instructor skips its per-call preparation (a `create_model`, ~3 ms) for a model that is already a
    ResponseSchema; the request it builds from it is the same.
    """
    return prepare_response_model(_response_model(list_limit, text_limit))


_NO_ASYNC_VALIDATORS: weakref.WeakSet[type] = weakref.WeakSet()
_reject_async_validators = _async_validators.reject_async_validators


def _remembered_reject_async_validators(response_model: Any) -> None:
    """instructor's check for async validators (a walk of the whole model, ~1 ms, 4 times per call),
    remembered per model class once it has passed; anything else is checked every time, as before."""
    if isinstance(response_model, type) and response_model in _NO_ASYNC_VALIDATORS:
        return
    _reject_async_validators(response_model)
    if isinstance(response_model, type):
        _NO_ASYNC_VALIDATORS.add(response_model)


_async_validators.reject_async_validators = _remembered_reject_async_validators
_instructor_patch.reject_async_validators = _remembered_reject_async_validators  # bound at its import


def ask(call: Call, messages: list[dict[str, str]], grounder: Grounder) -> tuple[Facts, list[Rejection]]:
    """Ask for facts; re-ask on invalid or ungrounded answers; ground what comes back."""
    s = call.settings
    create = _patched_create(s.mode)
    token = _CURRENT_CALL.set(call)
    try:
        with checking(grounder) as context:  # not instructor's context=: it would template the article
            facts = create(
                **call_arguments(s, messages),
                response_model=_prepared_model(s.list_limit, s.text_limit),
                max_retries=s.max_reasks,
            )
        grounded = context.get("grounded")
        if grounded is None:  # validation ran without our context: ground it here
            return grounder.review(Facts.model_validate(facts.model_dump()))
        return grounded, []
    except InstructorRetryException as exc:
        return _salvage(exc, grounder, call.settings)
    except IncompleteOutputException:
        raise ExtractionError(
            f"the model's answer was cut off at max_tokens={s.max_tokens}: raise SUMMARISE_MAX_TOKENS "
            f"or lower SUMMARISE_CONTEXT_CHARS so documents are split into smaller parts"
        ) from None
    finally:
        _CURRENT_CALL.reset(token)


def _salvage(exc: Any, grounder: Grounder, settings: Settings) -> tuple[Facts, list[Rejection]]:
    """After the last re-ask: keep what is grounded from the last well-formed answer, or fail clearly."""
    cause = exc.__cause__
    if isinstance(cause, (openai.APIError, BadResponse)):
        raise ExtractionError(explain_api_error(cause, settings)) from None
    attempts = [a.completion for a in (getattr(exc, "failed_attempts", None) or []) if a.completion is not None]
    for completion in reversed(attempts):
        content = _content(completion)
        if content is None:
            continue
        try:
            facts = Facts.model_validate_json(_strip_fences(content))
        except ValidationError:
            continue
        return grounder.review(facts)
    reason = _short(cause or exc)
    if isinstance(cause, TokenCapReached):
        raise ExtractionError(str(cause)) from None
    raise ExtractionError(f"the model gave no valid answer after {settings.max_reasks} re-asks: {reason}") from None


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


def extract_facts(text: str, *, title: str | None, published: str | None, kind: str | None,
                  settings: Settings) -> tuple[Facts, list[Rejection], Usage]:
    """Facts for one normalised document from the configured endpoint."""
    if not settings.model:
        raise ExtractionError("no model configured: pass model=… or set SUMMARISE_MODEL (or use the offline backend)")
    call = Call(make_client(settings), settings)
    grounder = Grounder(text, published)
    results: list[Facts] = []
    rejected: list[Rejection] = []
    try:
        for messages in document_messages(text, title=title, published=published, kind=kind, settings=settings):
            facts, why = ask(call, messages, grounder)
            results.append(facts)
            rejected += why
    except openai.APIError as exc:  # raised outside instructor's loop (e.g. before parsing)
        raise ExtractionError(explain_api_error(exc, settings)) from None
    facts, echoed = without_prompt_echo(merge(results), text)
    return facts, rejected + echoed, call.usage
