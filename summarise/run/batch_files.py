"""Batch-API files: the requests extract() would send, written for an engine; its results read back.

`write_requests` writes one OpenAI Batch-API request line per document (per part of a long one) —
the exact body the live path sends (instructor's request for the configured mode) — and a manifest
linking each `custom_id` to its input, in as many files as the engine's per-file limits need
(`FileLimits`: OpenAI's by default). Nothing is sent anywhere. `Ingest` reads the engine's output
(OpenAI Batch output or `vllm run-batch`: `{"custom_id", "response": {"status_code", "body"}, "error"}`)
through the live path's validation and grounding and builds records the live way (`llm_record`);
`batch.run_batch` writes them. Grounding failures cannot be re-asked inside a batch: every request
that failed or came back ungrounded is listed, and `write_resubmit` makes a second batch of them
(instructor's re-ask for an answer that was invalid or ungrounded, the original request otherwise).
"""
from __future__ import annotations

import base64
import copy
import hashlib
import json
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from instructor.processing.response import handle_reask_kwargs, handle_response_model
from openai.types.chat import ChatCompletion
from pydantic import ValidationError

from summarise import __version__, redact
from summarise.errors import ExtractionError, NoValidAnswerError, validation_summary
from summarise.extract.llm import (
    INSTRUCTOR_MODES,
    answer_text,
    call_arguments,
    document_messages,
    merge,
    response_model,
    without_prompt_echo,
)
from summarise.extract.record import Record, llm_record
from summarise.ground.grounder import Grounder, all_rejected, checking, read, reasons
from summarise.normalise import Document, normalise
from summarise.schemas import Facts, Rejection, Usage
from summarise.settings import KIND_CHOICES, KindChoice, Settings

from .atomic import atomic_write, temp_beside
from .inputs import Job, output_stem
from .options import RunOptions, safe_url
from .outcome import describe
from .stories import Role, plan_reposts

MANIFEST_VERSION = 1
ENDPOINT = "/v1/chat/completions"
ID_CHARS = 32  # of the input's sha256: unique enough for any batch, short enough for every engine
# what a manifest keeps of the settings (never the API key): enough to rebuild requests and records
SETTINGS_KEYS = ("model", "base_url", "mode", "temperature", "max_tokens", "context_chars", "list_limit",
                 "text_limit", "max_reasks", "cross_check")
NOT_REASKED = ("grounding failures cannot be re-asked inside a batch: the requests listed here were "
               "answered with invalid or ungrounded facts (kept out of the records) or failed; "
               "`--resubmit FILE` writes a second batch with only those")


# --------------------------------------------------------------------------- requests

def request_body(settings: Settings, messages: list[dict[str, str]]) -> dict[str, Any]:
    """The JSON body of one extraction call, exactly as instructor sends it in the configured mode."""
    _, kwargs = handle_response_model(response_model(settings), mode=INSTRUCTOR_MODES[settings.mode],
                                      **call_arguments(settings, messages))
    return kwargs


def custom_id(sha256: str, part: int, parts: int) -> str:
    """`<content hash>` for a one-part document, `<content hash>-p<i>of<n>` for a part of a long one."""
    base = sha256[:ID_CHARS]
    return base if parts == 1 else f"{base}-p{part}of{parts}"


def request_line(cid: str, body: dict[str, Any]) -> str:
    return json.dumps({"custom_id": cid, "method": "POST", "url": ENDPOINT, "body": body}, ensure_ascii=False) + "\n"


def prompt_kind(kind: str) -> str | None:
    """The kind the prompt states (None when the model decides), as the live path passes it."""
    return None if kind == "auto" else kind


def document_requests(doc: Document, settings: Settings, kind: str) -> list[list[dict[str, str]]]:
    """The messages of every call the live path makes for this document."""
    return document_messages(doc.text, title=doc.title, published=doc.published, kind=prompt_kind(kind),
                             settings=settings)


def source_of(job: Job) -> Any:
    """What process() hands to extract() for this input (so normalisation sees the same thing)."""
    return job.path if job.path is not None else job.read()


def _text_sha(doc: Document) -> str:
    return hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()


def _document_entry(job: Job, data: bytes, sha: str, doc: Document, ids: list[str],
                    files: dict[str, str]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "input": job.label,
        "path": str(job.path.resolve()) if job.path is not None else None,
        "sha256": sha, "name": doc.name, "title": doc.title, "published": doc.published,
        "text_sha256": _text_sha(doc),
        "requests": [{"custom_id": cid, "part": i, "parts": len(ids), "file": files[cid]}
                     for i, cid in enumerate(ids, 1)],
    }
    if job.path is None:  # stdin cannot be read again at ingest: keep its bytes
        entry["data_base64"] = base64.b64encode(data).decode("ascii")
    return entry


@dataclass(frozen=True)
class FileLimits:
    """The most one requests file may hold: OpenAI's Batch API takes 50,000 requests and 200 MB per file."""
    requests: int = 50_000
    bytes: int = 200_000_000


def part_path(out: Path, number: int) -> Path:
    """The file of the n-th part of a split batch: OUT itself, then OUT.2.jsonl, OUT.3.jsonl, …"""
    return out if number == 1 else out.with_name(f"{out.stem}.{number}{out.suffix}")


def is_part(path: Path, out: Path) -> bool:
    """Whether `path` is one of the numbered parts `part_path` names for OUT (OUT itself excluded)."""
    name = re.fullmatch(re.escape(out.stem) + r"\.([2-9]|[1-9][0-9]+)" + re.escape(out.suffix), path.name)
    return name is not None and path.resolve().parent == out.resolve().parent


def _first_json(path: Path) -> Any:
    """The first line of a file as JSON (None when empty or not JSON; the file is read only that far)."""
    try:
        with path.open("rb") as handle:
            first = handle.readline(1_000_000)
        return json.loads(first) if first.strip() else None
    except (OSError, ValueError):
        return ...  # unreadable or not JSON


def overwrite_problem(path: Path, role: str) -> str | None:
    """Why writing `role` ("requests", "manifest", "errors") at `path` would destroy something, or None:
    a path that does not exist, or a file of that role summarise wrote, may be replaced; anything else
    (an article, a results file, a manifest in a requests file's place) is refused."""
    from .walk import path_state

    state = path_state(path)
    if state == "missing":
        return None
    if state != "file":
        return f"{path} is not a file summarise wrote ({state})"
    first = _first_json(path)
    if role == "manifest":
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            data = None
        ours = isinstance(data, dict) and "documents" in data and "requests_files" in data
    elif role == "requests":
        ours = first is None or (isinstance(first, dict) and "custom_id" in first and "body" in first
                                 and "response" not in first)
    else:
        ours = first is None or (isinstance(first, dict) and "path" in first and "reason" in first)
    if ours:
        return None
    what = {"manifest": "a batch manifest", "requests": "a requests file", "errors": "an errors file"}[role]
    return f"{path} exists and is not {what} summarise wrote (an input, a results file?): refusing to write over it"


class OutputError(OSError):
    """A requests file could not be written (a full disk, a file size limit): nothing was replaced."""


def _failed(path: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {path}: {exc.strerror or exc}; no requests file was replaced")


class _Parts:
    """Requests files written side by side, a new one whenever the next document would pass a limit.

    A document's requests stay in one file. Each part is a temporary file until the block ends, which
    puts them all in place and removes numbered parts an earlier, longer run left; if the block fails,
    none of them replaces anything. Only the part being written is open."""

    def __init__(self, out: Path, limits: FileLimits):
        self.out, self.limits = out, limits
        self.paths: list[Path] = []
        self._temps: list[Path] = []
        self._handle: BinaryIO | None = None
        self._requests = self._bytes = 0

    def __enter__(self) -> _Parts:
        self._next()
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: Any) -> None:
        failed = kind is not None
        try:
            self._close()
        except OutputError:
            failed = True
            raise
        finally:
            if failed:
                self._discard()
        if failed:
            return
        for temp, path in zip(self._temps, self.paths):
            os.replace(temp, path)
        number = len(self.paths) + 1
        while part_path(self.out, number).is_file():
            part_path(self.out, number).unlink()
            number += 1

    def _discard(self) -> None:
        for temp in self._temps:
            temp.unlink(missing_ok=True)

    def _close(self) -> None:
        if self._handle is not None:
            try:
                self._handle.close()
            except OSError as exc:
                raise _failed(self.paths[-1], exc) from exc
            finally:
                self._handle = None

    def _next(self) -> None:
        self._close()
        path = part_path(self.out, len(self.paths) + 1)
        try:
            self._handle, temp = temp_beside(path)
        except OSError as exc:
            raise _failed(path, exc) from exc
        self._temps.append(temp)
        self.paths.append(path)
        self._requests = self._bytes = 0

    def write(self, lines: list[str]) -> None:
        data = "".join(lines).encode("utf-8")
        if len(lines) > self.limits.requests or len(data) > self.limits.bytes:
            raise ExtractionError(f"its {len(lines)} requests ({len(data):,} bytes) are more than one requests "
                                  f"file may hold ({self.limits.requests:,} requests, {self.limits.bytes:,} bytes)")
        if self._requests + len(lines) > self.limits.requests or self._bytes + len(data) > self.limits.bytes:
            self._next()
        assert self._handle is not None
        try:
            self._handle.write(data)
        except OSError as exc:
            raise _failed(self.paths[-1], exc) from exc
        self._requests += len(lines)
        self._bytes += len(data)


@dataclass
class WriteSummary:
    documents: int = 0
    requests: int = 0
    reposts: int = 0   # documents that are copies of another's article: no request of their own
    failed: list[dict[str, Any]] = field(default_factory=list)  # errors.jsonl lines
    files: list[Path] = field(default_factory=list)  # the requests files, OUT first


def write_requests(jobs: Sequence[Job], settings: Settings, kind: str, out: Path,
                   limits: FileLimits = FileLimits(), reposts: bool = True) -> WriteSummary:
    """OUT.jsonl (one request per document part; OUT.2.jsonl, … past `limits`), OUT.manifest.json,
    OUT.errors.jsonl; nothing is sent. With `reposts`, a copy of another input's article gets no
    request: the manifest names its story, and ingest grounds the story's answer against the copy."""
    summary = WriteSummary()
    documents: list[dict[str, Any]] = []
    written: dict[str, str] = {}  # custom_id → the requests file it is in
    copies = _copies(jobs, settings, kind) if reposts else {}
    with _Parts(out, limits) as parts:
        for i, job in enumerate(jobs):
            try:
                if i in copies:
                    entry = _copy_entry(job, copies[i])
                    summary.reposts += 1
                else:
                    entry = _write_document(job, settings, kind, parts, written)
            except OutputError:  # not the document's fault, and its file would hold a torn line
                raise
            except Exception as exc:  # noqa: BLE001 - one bad input never stops the batch
                error, reason, detail = describe(exc)
                summary.failed.append({"path": job.label, "error": error, "reason": reason,
                                       **({"traceback": detail} if detail else {})})
                continue
            documents.append(entry)
            summary.documents += 1
        summary.requests = len(written)
        summary.files = parts.paths
        # the manifest and errors first, the requests files (on leaving the block) last: a crash in
        # between leaves the new manifest with the old requests, whose missing answers ingest reports
        manifest = {
            "version": MANIFEST_VERSION, "summarise_version": __version__,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "requests_file": out.name, "requests_files": [p.name for p in parts.paths],
            "file_limits": {"requests": limits.requests, "bytes": limits.bytes},
            "endpoint": ENDPOINT, "kind": kind, "settings": stored_settings(settings), "documents": documents,
        }
        for path, text in [(manifest_path(out), json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"),
                           (errors_path(out), "".join(json.dumps(e, ensure_ascii=False) + "\n"
                                                      for e in summary.failed))]:
            try:
                atomic_write(path, text)
            except OSError as exc:
                raise _failed(path, exc) from exc
    return summary


def _copies(jobs: Sequence[Job], settings: Settings, kind: str) -> dict[int, dict[str, Any]]:
    """Batch position → {"story": the story's position, "similarity": s} for every input that is a copy
    of another input's article."""
    # no output directory: the batch's own stories only
    options = RunOptions(out=Path(os.devnull), force=True, kind=kind, settings=settings, reposts=True)
    roles = plan_reposts(jobs, options)
    position = {r.stem: i for i, r in roles.items()}
    return {i: {"story": position[r.story], "similarity": r.similarity} for i, r in roles.items()
            if r.story is not None and r.story in position}


def _copy_entry(job: Job, story: dict[str, Any]) -> dict[str, Any]:
    """A copy's manifest entry: no request of its own, the story it shares."""
    data = job.read()
    entry: dict[str, Any] = {"input": job.label, "path": str(job.path.resolve()) if job.path is not None else None,
                             "sha256": hashlib.sha256(data).hexdigest(), "requests": [], "repost_of": story}
    if job.path is None:
        entry["data_base64"] = base64.b64encode(data).decode("ascii")
    return entry


def _write_document(job: Job, settings: Settings, kind: str, parts: _Parts,
                    written: dict[str, str]) -> dict[str, Any]:
    data = job.read()
    sha = hashlib.sha256(data).hexdigest()
    try:
        doc = normalise(source_of(job))
    except ValueError as exc:  # NormaliseError: the message says what is wrong with the input
        raise ExtractionError(str(exc)) from None
    calls = document_requests(doc, settings, kind)
    ids = [custom_id(sha, i, len(calls)) for i in range(1, len(calls) + 1)]
    lines = [request_line(cid, request_body(settings, messages)) for cid, messages in zip(ids, calls)
             if cid not in written]  # the same content twice is asked once; a document is written whole or not at all
    if lines:
        parts.write(lines)
    written.update({cid: written.get(cid, parts.paths[-1].name) for cid in ids})
    return _document_entry(job, data, sha, doc, ids, written)


def manifest_path(out: Path) -> Path:
    return out.with_name(out.stem + ".manifest.json")


def errors_path(out: Path) -> Path:
    return out.with_name(out.stem + ".errors.jsonl")


def stored_settings(settings: Settings) -> dict[str, Any]:
    data = settings.model_dump(mode="json", include=set(SETTINGS_KEYS))
    data["base_url"] = safe_url(settings.base_url)
    return data


# --------------------------------------------------------------------------- results

@dataclass
class Manifest:
    path: Path
    kind: KindChoice
    settings: Settings
    documents: list[dict[str, Any]]
    limits: FileLimits = FileLimits()  # the requests files' limits, which a resubmit keeps

    @classmethod
    def load(cls, path: Path) -> Manifest:
        """Read a manifest written by `write_requests`; ValueError with a clear message otherwise."""
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"cannot read the manifest {path}: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION or "documents" not in data:
            raise ValueError(f"{path} is not a summarise batch manifest (version {MANIFEST_VERSION})")
        problem = _manifest_problem(data)
        if problem is not None:
            raise ValueError(f"{path} is damaged: {problem}; write the batch file again with `summarise run … "
                             f"--via batch-file`")
        # exactly the settings the requests were written with (not today's environment)
        try:
            settings = Settings(backend="llm", **{k: v for k, v in data["settings"].items() if k in SETTINGS_KEYS})
            limits = data.get("file_limits") or {}
            file_limits = FileLimits(**{k: int(v) for k, v in limits.items() if k in ("requests", "bytes")})
        except (ValidationError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"{path} is damaged: its settings or file limits are not valid ({_short(exc)})") from None
        return cls(path, data.get("kind", "auto"), settings, data["documents"], file_limits)

    def jobs(self) -> list[Job]:
        """The inputs, as `summarise run` saw them (stdin's bytes come from the manifest)."""
        return [Job(label=d["input"], data=base64.b64decode(d["data_base64"])) if d.get("data_base64")
                else Job(label=d["input"], path=Path(d["path"])) for d in self.documents]


def _short(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return validation_summary(exc, limit=200)
    return " ".join(str(exc).split())[:200]


def _manifest_problem(data: dict[str, Any]) -> str | None:
    """What is wrong with a manifest's structure (a hand edit, a truncated copy), or None."""
    if not isinstance(data.get("settings"), dict):
        return "'settings' is not an object"
    if data.get("kind", "auto") not in KIND_CHOICES:
        return f"'kind' is {data.get('kind')!r}"
    documents = data["documents"]
    if not isinstance(documents, list):
        return "'documents' is not a list"
    for n, doc in enumerate(documents, 1):
        where = f"document {n}"
        if not isinstance(doc, dict):
            return f"{where} is not an object"
        copy = doc.get("repost_of")  # a copy of another input's article: no request of its own
        if copy is not None and not (isinstance(copy, dict) and isinstance(copy.get("story"), int)
                                     and 0 <= copy["story"] < len(documents)):
            return f"{where}: 'repost_of' does not name a document of this manifest"
        for key in ("input", "sha256") + (() if copy else ("text_sha256",)):
            if not isinstance(doc.get(key), str) or not doc[key]:
                return f"{where} has no {key!r}"
        if doc.get("data_base64") is not None:
            try:
                base64.b64decode(doc["data_base64"], validate=True)
            except (ValueError, TypeError):
                return f"{where} ({doc['input']}): 'data_base64' is not base64"
        elif not isinstance(doc.get("path"), str) or not doc["path"]:
            return f"{where} ({doc['input']}) has neither a 'path' nor its data"
        requests = doc.get("requests")
        if not isinstance(requests, list) or not (requests or copy):
            return f"{where} ({doc['input']}) lists no 'requests'"
        if not all(isinstance(r, dict) and isinstance(r.get("custom_id"), str) for r in requests):
            return f"{where} ({doc['input']}): a request has no 'custom_id'"
    return None


class Results:
    """custom_id → result lines of the engine's output files (byte offsets; bodies are read on demand)."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)
        self.offsets: dict[str, list[tuple[int, int]]] = {}
        self.unreadable = 0  # lines that are not JSON objects with a custom_id
        for n, path in enumerate(self.paths):
            found = 0
            with path.open("rb") as handle:
                offset = 0
                for number, raw in enumerate(handle, 1):
                    line = _json_object(raw)
                    if _is_request(line):  # the requests file given by mistake: nothing here is an answer
                        raise ValueError(f"{path}: line {number} is a request, not a result: give ingest the "
                                         f"file the engine wrote back (its output), not the requests file")
                    cid = line.get("custom_id") if line is not None else None
                    if isinstance(cid, str):
                        self.offsets.setdefault(cid, []).append((n, offset))
                        found += 1
                    else:
                        self.unreadable += bool(raw.strip())
                    offset += len(raw)
            if not found:
                raise ValueError(f"no result lines in {path}: " + (
                    "it is empty" if offset == 0 else
                    'none of its lines is a Batch-API result ({"custom_id": …, "response": …})'))
        self._lock = threading.Lock()

    def lines(self, cid: str) -> list[dict[str, Any]]:
        """Every result line for a request, in file order (a later file is a later attempt)."""
        out = []
        with self._lock:
            for n, offset in self.offsets.get(cid, []):
                with self.paths[n].open("rb") as handle:
                    handle.seek(offset)
                    out.append(json.loads(handle.readline()))
        return out


def _json_object(raw: bytes) -> dict[str, Any] | None:
    try:
        line = json.loads(raw)
    except ValueError:
        return None
    return line if isinstance(line, dict) else None


def _is_request(line: dict[str, Any] | None) -> bool:
    """A Batch-API request line (what `run --via batch-file` writes), not a result."""
    return (line is not None and "method" in line and "url" in line and "body" in line
            and "response" not in line and "error" not in line)


@dataclass
class Answer:
    """One request's outcome: grounded facts (or None), and, when it needs a second batch, why and what."""

    custom_id: str
    facts: Facts | None = None
    rejected: list[Rejection] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    problem: str | None = None
    retry: dict[str, Any] | None = None   # the body to resubmit


def _count(value: Any) -> int:
    """A token count from an engine's line: a non-negative whole number, anything else counts 0."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def _usage(lines: list[dict[str, Any]]) -> Usage:
    usage = Usage()
    for line in lines:
        body = _body(line)
        if body is None:
            continue
        used = body.get("usage")
        used = used if isinstance(used, dict) else {}
        usage.calls += 1
        usage.prompt_tokens += _count(used.get("prompt_tokens"))
        usage.completion_tokens += _count(used.get("completion_tokens"))
    return usage


def _response(line: dict[str, Any]) -> dict[str, Any]:
    response = line.get("response")
    return response if isinstance(response, dict) else {}


def _body(line: dict[str, Any]) -> dict[str, Any] | None:
    """The body of a successful (HTTP 200) result line, else None."""
    response = _response(line)
    body = response.get("body")
    if line.get("error") or response.get("status_code") != 200 or not isinstance(body, dict):
        return None
    return body


def _completion(line: dict[str, Any]) -> ChatCompletion | None:
    """The chat completion of a successful result line, else None (a 200 whose body is not one)."""
    body = _body(line)
    if body is None:
        return None
    try:  # an engine may echo the API key into an answer: it goes no further than this
        return ChatCompletion.model_validate(redact.scrub_data(body))
    except ValidationError:
        return None


def _failure(line: dict[str, Any]) -> str:
    """Why a result line carries no answer (the engine's own words)."""
    error = line.get("error")
    if error:
        return f"the engine reported an error: {_message(error)}"
    response = _response(line)
    if not response:
        return f"the result line has no response object (response: {_message(line.get('response'))})"
    return f"HTTP {response.get('status_code')}: {_message(response.get('body'))}"


def _message(error: Any) -> str:
    if isinstance(error, dict):
        inner = error.get("error", error)
        if isinstance(inner, dict):
            return " ".join(str(inner.get("message") or inner.get("code") or inner).split())[:300]
    return " ".join(str(error).split())[:300]


def read_answer(cid: str, lines: list[dict[str, Any]], request: dict[str, Any], settings: Settings,
                grounder: Grounder, file: str | None = None) -> Answer:
    """Validate and ground a request's answer as the live path does (without re-asks, which a batch cannot make)."""
    answer = Answer(cid, usage=_usage(lines))
    # the latest line with a chat completion wins; a later line that is not one never replaces it
    chosen = next((ln for ln in reversed(lines) if _completion(ln) is not None),
                  next((ln for ln in reversed(lines) if _body(ln) is not None), lines[-1] if lines else None))
    if chosen is None:
        answer.problem = "no result line for this request" + (f" (it was in {file}: were its results "
                                                               f"ingested?)" if file else "")
        answer.retry = request
        return answer
    if _body(chosen) is None:
        answer.problem, answer.retry = _failure(chosen), request
        return answer
    completion = _completion(chosen)
    if completion is None:
        answer.problem, answer.retry = "the response body is not a chat completion", request
        return answer
    if completion.choices and completion.choices[0].finish_reason == "length":
        answer.problem = f"the answer was cut off at max_tokens={settings.max_tokens}"
        answer.retry = request
        return answer
    text = answer_text(completion)
    if text is None:
        answer.problem, answer.retry = "the answer is empty", request
        return answer
    try:
        with checking(grounder) as context:
            response_model(settings).model_validate_json(text)
    except ValidationError as exc:  # what instructor would have re-asked with
        answer.retry = reask(request, completion, exc, settings)
        try:  # what validates is kept: a bad field is dropped and listed, never the whole answer
            answer.facts, answer.rejected = read(json.loads(text), grounder)
            answer.problem = "ungrounded: " + "; ".join(reasons(answer.rejected))
        except ValidationError as invalid:
            answer.problem = f"invalid answer ({validation_summary(invalid, limit=200)})"
        except ValueError as invalid:  # not JSON at all
            answer.facts = None
            answer.problem = f"invalid answer (not JSON: {' '.join(str(invalid).split())[:120]})"
        return answer
    answer.facts, answer.rejected = context["grounded"], []  # grounded by the validator
    return answer


def reask(request: dict[str, Any], completion: ChatCompletion, exc: Exception, settings: Settings) -> dict[str, Any]:
    """The follow-up request instructor would send: the request, the answer, and the problems found."""
    kwargs = handle_reask_kwargs(copy.deepcopy(request), INSTRUCTOR_MODES[settings.mode], completion, exc)
    return json.loads(json.dumps(kwargs, ensure_ascii=False))


# --------------------------------------------------------------------------- ingest

@dataclass
class Ingest:
    """Records from a batch's results: an extractor for `batch.run_batch`, and the list of what to resubmit."""

    manifest: Manifest
    results: Results
    pending: list[dict[str, Any]] = field(default_factory=list)  # {"custom_id", "input", "problem", "body"}
    answered: int = 0
    resubmit_files: list[Path] = field(default_factory=list)
    resubmit_error: str | None = None
    _by_sha: dict[str, dict[str, Any]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        for d in self.manifest.documents:  # the same bytes twice: the entry with the requests
            if d.get("requests") or d["sha256"] not in self._by_sha:
                self._by_sha[d["sha256"]] = d

    def __call__(self, source: Any, *, kind: KindChoice, settings: Settings) -> Record:
        """extract() for an ingested document: the batch's answers instead of live calls."""
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        entry = self._by_sha.get(hashlib.sha256(data).hexdigest())
        if entry is None:
            raise ExtractionError("the input changed since the batch file was written (its content hash differs)")
        doc = normalise(source)
        if entry.get("text_sha256", _text_sha(doc)) != _text_sha(doc):  # a copy's entry has none
            raise ExtractionError("the article normalises differently than when the batch file was written "
                                  "(another summarise version?): write the batch file again")
        grounder = Grounder(doc.text, doc.published, doc.title)
        calls = document_requests(doc, settings, kind)
        # a copy has no request of its own unless a resubmit wrote one (its story's answer could not be used)
        requests = entry["requests"] or [{"custom_id": custom_id(entry["sha256"], i, len(calls))}
                                         for i in range(1, len(calls) + 1)]
        answers = [read_answer(r["custom_id"], self.results.lines(r["custom_id"]), request_body(settings, messages),
                               settings, grounder, r.get("file"))
                   for r, messages in zip(requests, calls)]
        self._note(entry, answers)
        return self._record(doc, answers, kind, settings)

    def roles(self) -> dict[int, Role]:
        """The copies the batch file was written with (position in `manifest.jobs()` → its story), so
        ingest shares each story's answer with its copies exactly as the requests were written."""
        docs, jobs = self.manifest.documents, self.manifest.jobs()
        stems = [output_stem(job.stem, d["sha256"]) for job, d in zip(jobs, docs)]
        return {i: Role(stems[i], story=stems[d["repost_of"]["story"]], similarity=d["repost_of"].get("similarity"))
                if d.get("repost_of") else Role(stems[i]) for i, d in enumerate(docs)}

    def _note(self, entry: dict[str, Any], answers: list[Answer]) -> None:
        with self._lock:
            self.answered += sum(a.facts is not None for a in answers)
            self.pending += [{"custom_id": a.custom_id, "input": entry["input"], "problem": a.problem, "body": a.retry}
                             for a in answers if a.problem]

    @staticmethod
    def _record(doc: Document, answers: list[Answer], kind: KindChoice, settings: Settings) -> Record:
        failed = [a for a in answers if a.facts is None]
        if failed:
            raise ExtractionError("; ".join(f"request {a.custom_id}: {a.problem}" for a in failed))
        facts, echoed = without_prompt_echo(merge([a.facts for a in answers if a.facts is not None]), doc.text)
        usage = Usage(calls=sum(a.usage.calls for a in answers),
                      prompt_tokens=sum(a.usage.prompt_tokens for a in answers),
                      completion_tokens=sum(a.usage.completion_tokens for a in answers))
        rejected = [r for a in answers for r in a.rejected] + echoed
        unsupported = all_rejected(facts, rejected)
        if unsupported:
            raise NoValidAnswerError(unsupported)
        return llm_record(doc, facts, rejected, usage, kind=kind, settings=settings)

    def finish(self, resubmit: Path | None, interrupted: bool) -> dict[str, Any]:
        """Write the resubmit batch when asked (not after an interrupt: it would be partial and replace a
        complete one), then return the `ingest` section of summary.json."""
        if resubmit is not None and not interrupted:
            try:
                self.resubmit_files = write_resubmit(self.pending, resubmit, self.manifest.limits)
            except OutputError as exc:
                self.resubmit_error = str(exc)
        return {"ingest": {
            "manifest": str(self.manifest.path), "results": [str(p) for p in self.results.paths],
            "requests": sum(len(d["requests"]) for d in self.manifest.documents),
            "answered": self.answered, "unreadable_lines": self.results.unreadable,
            "to_resubmit": [{k: v for k, v in p.items() if k != "body"} for p in self.pending],
            "not_resubmitted": sum("not_written" in p for p in self.pending),
            "resubmit_files": [str(p) for p in self.resubmit_files],
            **({"resubmit_error": self.resubmit_error} if self.resubmit_error else {}),
            **({"note": NOT_REASKED} if self.pending else {}),
        }}


def write_resubmit(pending: list[dict[str, Any]], path: Path, limits: FileLimits = FileLimits()) -> list[Path]:
    """A second batch: one request per listed problem (re-ask or original), split as `write_requests`
    splits. Returns the files written, PATH first. A request larger than one file may hold (a re-ask
    carries the answer and the problems too) is left out and its item says why (`not_written`)."""
    with _Parts(path, limits) as parts:
        for item in pending:
            try:
                parts.write([request_line(item["custom_id"], item["body"])])
            except ExtractionError as exc:
                item["not_written"] = f"not in the resubmit batch: {exc}"
    return parts.paths


def open_ingest(results: Sequence[Path], manifest: Path) -> Ingest:
    """Load a manifest and index the results files (ValueError/OSError with a clear message)."""
    return Ingest(Manifest.load(manifest), Results(results))
