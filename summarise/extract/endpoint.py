"""The endpoint: HTTP clients, an overall deadline per request, transport retries, errors that say what to fix.

Layering: `Call.create` / `AsyncCall.create` retry transient HTTP failures (tenacity; the SDK's own
retries are off so that one policy rules) and count tokens; instructor re-asks on validation failures
above them (summarise/extract/llm.py). Clients are built through the SDK's public `http_client=` argument,
one per process and endpoint (per event loop for the async client), and made afresh in a forked child:
a child must never write to the keep-alive connections it inherited from its parent.
"""
from __future__ import annotations

import asyncio
import json
import os
import random
import threading
import time
import weakref
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import anyio
import httpx2
import openai
from openai.types.chat import ChatCompletion
from pydantic import ValidationError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
)

from summarise.errors import (
    ConfigurationError,
    EndpointError,
    NoValidAnswerError,
    TransientEndpointError,
    validation_summary,
)
from summarise.schemas import Usage
from summarise.settings import MODES, Settings

_TRANSIENT = (openai.RateLimitError, openai.InternalServerError, openai.APITimeoutError, openai.APIConnectionError)
CONNECT_TIMEOUT = 30.0  # at most this long to open a connection, within the request's overall deadline
KEEPALIVE_CONNECTIONS = 256  # idle connections kept per client: -j allows up to 128 documents in flight


class TokenCapReached(NoValidAnswerError):
    """The document's token cap is used up; no further call is made."""


class BadResponse(Exception):
    """The endpoint answered 200 with something that is not a usable chat completion."""


class EmptyAnswer(BadResponse):
    """The endpoint answered 200 with no choices (treated as transient)."""


class MalformedBody(BadResponse):
    """The HTTP body claimed to be JSON but is not (cut or garbled on the way; treated as transient)."""


class NotAnAPI(BadResponse):
    """The endpoint answered with a web page or text, not JSON: a wrong base URL (not retried)."""


# --------------------------------------------------------------------------- HTTP clients

def _capped(request: httpx2.Request, seconds: float) -> None:
    """No single wait of the request (pool, connect, write, read) may be longer than its whole deadline."""
    timeouts = request.extensions.get("timeout")
    if isinstance(timeouts, dict):
        request.extensions["timeout"] = {k: seconds if v is None else min(v, seconds) for k, v in timeouts.items()}


def _deadline_error(request: httpx2.Request, seconds: float) -> httpx2.ReadTimeout:
    return httpx2.ReadTimeout(f"no complete answer within the request's deadline of {seconds:g} s", request=request)


def _event_loop() -> asyncio.AbstractEventLoop:
    """A new event loop running on a daemon thread of its own (a process exits without waiting for it)."""
    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, name="summarise-http", daemon=True).start()
    return loop


class DeadlineTransport(httpx2.BaseTransport):
    """httpx's async transport driven from synchronous code: each request (connecting, sending, the
    headers and the whole body) runs on this transport's event loop within one deadline, so an
    answer trickled a byte at a time is cut at the deadline as surely as a stalled one. httpx's
    sync transport bounds each socket wait but not their sum. The threads of a batch share the one
    connection pool; the body is read whole (the SDK reads it whole too: nothing streams)."""

    def __init__(self, *, deadline: float, limits: httpx2.Limits) -> None:
        self.deadline = deadline
        self._inner = httpx2.AsyncHTTPTransport(limits=limits)
        self._loop = _event_loop()

    async def _whole(self, request: httpx2.Request) -> httpx2.Response:
        try:
            async with asyncio.timeout(self.deadline):
                response = await self._inner.handle_async_request(request)
                try:
                    body = b"".join([chunk async for chunk in response.aiter_raw()])
                finally:
                    await response.aclose()
        except TimeoutError as exc:
            raise _deadline_error(request, self.deadline) from exc
        kept = {k: v for k, v in response.extensions.items() if k in ("http_version", "reason_phrase")}
        return httpx2.Response(response.status_code, headers=response.headers, stream=httpx2.ByteStream(body),
                               extensions=kept)

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        return asyncio.run_coroutine_threadsafe(self._whole(request), self._loop).result()

    def close(self) -> None:
        try:
            asyncio.run_coroutine_threadsafe(self._inner.aclose(), self._loop).result()
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)


def _proxied() -> bool:
    """True when the environment names a proxy (what httpx reads from it, through urllib)."""
    import urllib.request

    found = urllib.request.getproxies()
    return any(found.get(scheme) for scheme in ("http", "https", "all"))


class _ChunkDeadlineStream(httpx2.SyncByteStream):
    """A body that fails at its first chunk after the request's deadline (for httpx's own transport,
    whose waits are each bounded but not their sum)."""

    def __init__(self, inner: Any, request: httpx2.Request, deadline: float, seconds: float):
        self._inner, self._request, self._deadline, self._seconds = inner, request, deadline, seconds

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            if time.monotonic() > self._deadline:
                raise _deadline_error(self._request, self._seconds)
            yield chunk

    def close(self) -> None:
        self._inner.close()


class DeadlineClient(openai.DefaultHttpxClient):
    """The SDK's default HTTP client, with an overall deadline per request: connecting, sending, the
    headers and the whole body within `deadline` seconds (`DeadlineTransport`). Where the environment
    names a proxy, httpx routes through it with its own transports: there each wait is bounded by the
    deadline and a body still arriving at the deadline fails at its next chunk."""

    def __init__(self, *, deadline: float, **kwargs: Any):
        self.own_transport = "transport" not in kwargs and not _proxied()
        if self.own_transport:
            kwargs["transport"] = DeadlineTransport(deadline=deadline,
                                                    limits=kwargs.get("limits", openai.DEFAULT_CONNECTION_LIMITS))
        super().__init__(**kwargs)
        self.deadline = deadline

    def send(self, request: httpx2.Request, *, stream: bool = False, **kwargs: Any) -> httpx2.Response:
        if self.own_transport:
            return super().send(request, stream=stream, **kwargs)
        _capped(request, self.deadline)
        deadline = time.monotonic() + self.deadline
        response = super().send(request, stream=True, **kwargs)
        response.stream = _ChunkDeadlineStream(response.stream, request, deadline, self.deadline)
        if not stream:
            try:
                response.read()
            except BaseException:
                response.close()
                raise
        return response


class _AsyncDeadlineStream(httpx2.AsyncByteStream):
    """A streamed async body that fails at its first chunk after the request's deadline (the SDK
    reads whole bodies inside `send`, which the deadline cancels)."""

    def __init__(self, inner: Any, request: httpx2.Request, deadline: float, seconds: float):
        self._inner, self._request, self._deadline, self._seconds = inner, request, deadline, seconds

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            if time.monotonic() > self._deadline:
                raise _deadline_error(self._request, self._seconds)
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


class AsyncDeadlineClient(openai.DefaultAsyncHttpxClient):
    """The async counterpart of `DeadlineClient`; a whole (not streamed) answer is cancelled exactly
    at the deadline."""

    def __init__(self, *, deadline: float, **kwargs: Any):
        super().__init__(**kwargs)
        self.deadline = deadline

    async def send(self, request: httpx2.Request, *, stream: bool = False, **kwargs: Any) -> httpx2.Response:
        deadline = time.monotonic() + self.deadline
        _capped(request, self.deadline)
        try:
            with anyio.fail_after(self.deadline):
                response = await super().send(request, stream=stream, **kwargs)
        except TimeoutError as exc:
            raise _deadline_error(request, self.deadline) from exc
        if stream:
            response.stream = _AsyncDeadlineStream(response.stream, request, deadline, self.deadline)
        return response


def _http_options(settings: Settings) -> dict[str, Any]:
    return {
        "deadline": settings.timeout,
        "timeout": httpx2.Timeout(settings.timeout, connect=min(settings.timeout, CONNECT_TIMEOUT)),
        "limits": httpx2.Limits(max_connections=openai.DEFAULT_CONNECTION_LIMITS.max_connections,
                                max_keepalive_connections=KEEPALIVE_CONNECTIONS),
    }


def _api_key(settings: Settings) -> str:
    return settings.api_key.get_secret_value() if settings.api_key else "not-needed"


def _building(settings: Settings, build: Any) -> Any:
    """Build a client, turning what a proxy setting or a bad URL raises into a `ConfigurationError`."""
    try:
        return build()
    except ImportError as exc:  # a proxy setting that needs an optional package, e.g. SOCKS
        if "socks" in str(exc).lower():
            raise ConfigurationError("a SOCKS proxy is configured (ALL_PROXY, HTTPS_PROXY or HTTP_PROXY) and the "
                                     "HTTP client needs the 'socksio' package for it: pip install socksio") from exc
        raise ConfigurationError(f"cannot build the HTTP client: {exc}") from exc
    except ValueError as exc:  # e.g. a proxy URL with a scheme the client does not know
        raise ConfigurationError(f"cannot build the HTTP client: {exc} (check the base URL and the ALL_PROXY, "
                                 f"HTTPS_PROXY and HTTP_PROXY variables)") from exc


class _Clients:
    """This process's clients. A forked child starts with none: the parent's keep-alive connections
    are the parent's (a child writing to them broke both), so the inherited clients are kept
    unused, never closed, and new ones are built on first use."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sync: dict[tuple[Any, ...], openai.OpenAI] = {}
        self.per_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[tuple[Any, ...], openai.AsyncOpenAI]] = (
            weakref.WeakKeyDictionary())
        self.inherited: list[Any] = []

    def after_fork(self) -> None:
        self.inherited += [self.sync, self.per_loop]
        self.lock = threading.Lock()  # another thread may have held it at the fork
        self.sync = {}
        self.per_loop = weakref.WeakKeyDictionary()


_CLIENTS = _Clients()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_CLIENTS.after_fork)


def _key(settings: Settings) -> tuple[Any, ...]:
    return settings.base_url, _api_key(settings), settings.timeout


def make_client(settings: Settings) -> openai.OpenAI:
    """The process's OpenAI client for this endpoint (thread-safe, shared by documents and threads:
    building one costs an SSL context, and sharing keeps the connections warm). SDK retries are off."""
    key = _key(settings)
    client = _CLIENTS.sync.get(key)
    if client is not None:
        return client
    with _CLIENTS.lock:  # threads starting together would otherwise each build their own
        client = _CLIENTS.sync.get(key)
        if client is None:
            client = _building(settings, lambda: openai.OpenAI(
                base_url=settings.base_url, api_key=_api_key(settings), max_retries=0, timeout=settings.timeout,
                http_client=DeadlineClient(**_http_options(settings))))
            _CLIENTS.sync[key] = client
        return client


def make_async_client(settings: Settings) -> openai.AsyncOpenAI:
    """The AsyncOpenAI client for this endpoint and the running event loop (its connections belong to the loop)."""
    loop = asyncio.get_running_loop()
    clients = _CLIENTS.per_loop.setdefault(loop, {})
    key = _key(settings)
    client = clients.get(key)
    if client is None:
        client = clients[key] = _building(settings, lambda: openai.AsyncOpenAI(
            base_url=settings.base_url, api_key=_api_key(settings), max_retries=0, timeout=settings.timeout,
            http_client=AsyncDeadlineClient(**_http_options(settings))))
    return client


# --------------------------------------------------------------------------- retries

def is_transient(exc: BaseException) -> bool:
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


def _policy(settings: Settings) -> dict[str, Any]:
    return {
        "retry": retry_if_exception(is_transient),
        # never start a wait (Retry-After or backoff) that would end past max_wait
        "stop": stop_after_attempt(settings.max_attempts) | stop_before_delay(settings.max_wait),
        "wait": lambda state: _wait(state),  # looked up per call: tests scale it down
        "reraise": True,
    }


@dataclass
class Call:
    """One document's conversation with the endpoint: it counts tokens and enforces the cap."""

    client: openai.OpenAI
    settings: Settings
    usage: Usage = field(default_factory=Usage)

    def create(self, **kwargs: Any) -> Any:
        """The chat completion (a `ChatCompletion`) for `chat.completions.create(**kwargs)`."""
        return self._retried(ChatCompletion, kwargs)

    def create_json(self, **kwargs: Any) -> dict[str, Any]:
        """`create`'s answer as the JSON object the endpoint sent, for a caller that reads a few
        fields of it (no typed copy of the whole answer is built)."""
        return self._retried(object, kwargs)

    def _retried(self, cast_to: type, kwargs: dict[str, Any]) -> Any:
        self._check_cap()
        try:
            return Retrying(**_policy(self.settings))(self._once, cast_to, kwargs)
        except openai.APIError as exc:  # an endpoint may echo the key: scrub it before anyone logs it
            _scrub(exc, self.settings)
            raise

    def _once(self, cast_to: type, kwargs: dict[str, Any]) -> Any:
        self.usage.calls += 1
        try:
            response = _post(self.client, kwargs, cast_to)
        except json.JSONDecodeError as exc:  # the SDK could not parse the HTTP body
            raise MalformedBody(f"answered with an HTTP body that is not valid JSON ({exc})") from exc
        return self._counted_json(response) if cast_to is object else self._counted(response)

    def _check_cap(self) -> None:
        cap = self.settings.token_cap
        if cap is not None and self.usage.total_tokens >= cap:
            raise TokenCapReached(f"token cap of {cap} reached after {self.usage.total_tokens} tokens")

    def _counted(self, response: Any) -> Any:
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

    def _counted_json(self, response: Any) -> dict[str, Any]:
        """`_counted` for the answer as JSON: a body sent under another content type is still read
        as JSON when it is a JSON object (as the SDK reads it for a typed answer)."""
        if isinstance(response, str):
            try:
                parsed = json.loads(response)
            except ValueError:
                parsed = None
            if not isinstance(parsed, dict):
                return self._counted(response)  # raises NotAnAPI
            response = parsed
        if not isinstance(response, dict):
            raise MalformedBody(f"answered with JSON that is not an object ({type(response).__name__})")
        used = response.get("usage")
        if isinstance(used, dict):
            self.usage.prompt_tokens += _count(used.get("prompt_tokens"))
            self.usage.completion_tokens += _count(used.get("completion_tokens"))
        if not response.get("choices"):
            raise EmptyAnswer("returned no choices")
        return response


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


@dataclass
class AsyncCall(Call):
    """`Call` for the async client: the same policy, awaited."""

    client: openai.AsyncOpenAI  # type: ignore[assignment]

    async def create(self, **kwargs: Any) -> Any:
        return await self._aretried(ChatCompletion, kwargs)

    async def create_json(self, **kwargs: Any) -> dict[str, Any]:  # type: ignore[override]
        return await self._aretried(object, kwargs)

    async def _aretried(self, cast_to: type, kwargs: dict[str, Any]) -> Any:
        self._check_cap()
        try:
            return await AsyncRetrying(**_policy(self.settings))(self._aonce, cast_to, kwargs)
        except openai.APIError as exc:
            _scrub(exc, self.settings)
            raise

    async def _aonce(self, cast_to: type, kwargs: dict[str, Any]) -> Any:
        self.usage.calls += 1
        try:
            response = await _apost(self.client, kwargs, cast_to)
        except json.JSONDecodeError as exc:
            raise MalformedBody(f"answered with an HTTP body that is not valid JSON ({exc})") from exc
        return self._counted_json(response) if cast_to is object else self._counted(response)


_REQUEST_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout", "stream")


def _post(client: openai.OpenAI, kwargs: dict[str, Any], cast_to: type = ChatCompletion) -> Any:
    """POST /chat/completions with the JSON body `chat.completions.create(**kwargs)` sends (same keys
    and values; the key order may differ). The arguments are plain JSON already, so the body goes as
    is through the SDK's public `post` (`create` walks every message against its message types);
    `cast_to=object` returns the answer's JSON as sent (or its text, when it is not JSON)."""
    if any(k in kwargs for k in _REQUEST_OPTIONS):
        completion = client.chat.completions.create(**kwargs)
        return completion.model_dump(mode="json") if cast_to is object and isinstance(completion, ChatCompletion) \
            else completion
    return client.post("/chat/completions", body=kwargs, cast_to=cast_to)


async def _apost(client: openai.AsyncOpenAI, kwargs: dict[str, Any], cast_to: type = ChatCompletion) -> Any:
    if any(k in kwargs for k in _REQUEST_OPTIONS):
        completion = await client.chat.completions.create(**kwargs)
        return completion.model_dump(mode="json") if cast_to is object and isinstance(completion, ChatCompletion) \
            else completion
    return await client.post("/chat/completions", body=kwargs, cast_to=cast_to)


def _scrub(exc: openai.APIError, settings: Settings) -> None:
    """Remove the API key from an SDK error's message, args and body (instructor logs str(exc))."""
    key = settings.api_key.get_secret_value() if settings.api_key else ""
    if len(key) < 4:
        return
    exc.message = exc.message.replace(key, "[API key]")
    exc.args = tuple(a.replace(key, "[API key]") if isinstance(a, str) else a for a in exc.args)
    if exc.body is not None and key in json.dumps(exc.body, ensure_ascii=False):
        exc.body = json.loads(json.dumps(exc.body, ensure_ascii=False).replace(key, "[API key]"))


# --------------------------------------------------------------------------- errors

def endpoint_error(exc: BaseException, settings: Settings) -> EndpointError:
    """The `EndpointError` for an SDK or response error, transient or not; raise it `from exc`."""
    status = getattr(exc, "status_code", None)
    kind = TransientEndpointError if is_transient(exc) else EndpointError
    return kind(explain_api_error(exc, settings), status if isinstance(status, int) else None)


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
        return f"the endpoint {where} rejected the request ({exc.status_code}): {short(exc)}; {hint}"
    if isinstance(exc, openai.APITimeoutError):
        return f"{where} did not answer within {settings.timeout:g} s (after retries)"
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__
        if cause is None or "connect" in type(cause).__name__.lower():
            return f"cannot connect to {where}: is the server running?"
        return (f"the connection to {where} broke before a complete answer "
                f"({type(cause).__name__}: {_first_words(cause)}) (after retries)")
    if isinstance(exc, NotAnAPI):
        return f"{where} {exc}: check that the base URL is the API's (usually ending in /v1)"
    if isinstance(exc, BadResponse):
        return f"{where} {exc} (after retries)"
    if isinstance(exc, openai.APIStatusError):
        return f"{where} answered HTTP {exc.status_code} (after retries): {short(exc)}"
    return f"{type(exc).__name__}: {short(exc)}"


def _first_words(exc: BaseException) -> str:
    """The text of the error or of the first error behind it that has some (async errors often have none)."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            break
        if str(seen).strip():
            return short(seen)
        seen = seen.__cause__ or seen.__context__
    return "no details"


def short(exc: BaseException) -> str:
    """One line for an error: a validation error's first problem (and how many more), else its text."""
    if isinstance(exc, ValidationError) and exc.errors():
        return validation_summary(exc)
    return " ".join(str(exc).split())[:300]
