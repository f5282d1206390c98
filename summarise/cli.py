"""The `summarise` command line: run, ingest, extract, brief, clean, schema, eval, cache.

Exit codes: 0 success; 1 some input failed (the batch still finished); 2 usage or configuration
error (one line on stderr, no traceback).
"""
from __future__ import annotations

import json
import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from .errors import validation_summary
from .run.workers import MAX_JOBS

if TYPE_CHECKING:
    from .settings import Settings

FORMATS = ("md", "html", "docx", "json")
LANGS = ("zh", "en")

app = typer.Typer(
    name="summarise",
    help="Grounded, bilingual briefing notes from Chinese government news.\n\n"
         "Works offline with no configuration; set SUMMARISE_MODEL and SUMMARISE_BASE_URL (or pass "
         "--model/--base-url) to use an OpenAI-compatible LLM endpoint.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
cache_app = typer.Typer(help="Inspect or clear the LLM result cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


# --------------------------------------------------------------------------- helpers

# control characters (C0, DEL, C1) and bidirectional overrides: a file name holding them could rewrite a
# terminal line or fake one (`x\r[1 of 1] done …`, `\x1b[8m`); shown escaped, as Python writes them
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` for a console line: every control character escaped (`\\r`, `\\x1b`, `\\u202e`); line breaks kept."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def say(text: object = "", err: bool = False, nl: bool = True) -> None:
    """typer.echo for console lines (messages, progress, paths): control characters escaped."""
    typer.echo(printable(str(text)), err=err, nl=nl)


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr and exit (2: usage/configuration, 1: this input failed)."""
    say(f"summarise: error: {message}", err=True)
    raise typer.Exit(code)


def plural(n: int, noun: str) -> str:
    """'1 input', '2 inputs'."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def os_reason(exc: OSError) -> str:
    from .errors import os_reason as reason

    return reason(exc)


def need_file(path: Path, what: str = "") -> None:
    """Exit 2 with one line unless `path` is a readable-looking regular file (never raises: a path inside
    a directory without search permission is reported, not a traceback)."""
    from .run.walk import path_state

    state = path_state(path)
    if state == "file":
        return
    label = f"{what} {path}".strip()
    if state == "missing":
        fail(f"no such file: {label}")
    if state == "dir":
        fail(f"{label} is a directory, not a file")
    if state == "special":
        fail(f"{label} is not a regular file (use - to read standard input)")
    fail(f"{label}: {state}")


def output_dir(out: Path, option: str = "--out") -> Path:
    """Create the output directory and check that a file can be written in it: exit 2 with one line
    naming the cause (read-only file system, permission, a file in the way, a full disk) before any work."""
    import tempfile

    from .run.walk import path_state

    state = path_state(out)
    if state not in ("missing", "dir"):
        fail(f"{option} {out} exists and is not a directory" if state in ("file", "special") else f"{option} {out}: {state}")
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        fail(f"cannot write to {option} {out}: {os_reason(exc)}")
    return out


def parse_list(value: str, allowed: tuple[str, ...], option: str) -> tuple[str, ...]:
    """'md,html' → ('md', 'html'), validated, order kept, duplicates dropped."""
    items = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    bad = [v for v in items if v not in allowed]
    if bad or not items:
        fail(f"bad {option} value {value!r}; choose from {', '.join(allowed)} (comma-separated)")
    return items


def make_settings(backend: str | None, model: str | None, base_url: str | None,
                  no_cache: bool = False, refresh: bool = False, *, will_send: bool = False,
                  **extra: Any) -> Settings:
    """Settings from options then environment; configuration errors exit 2 with one line.

    `will_send`: the command calls the endpoint, so an HTTP client it cannot build (a proxy setting)
    fails here, once, not once per document."""
    from pydantic import ValidationError

    from .settings import BACKENDS, Settings

    if backend is not None and backend not in BACKENDS:
        fail(f"bad --backend value {backend!r}; choose from {', '.join(BACKENDS)}")
    # The CLI's notes show what the offline cross-check found that the model missed; a library caller
    # asks for it (it is a second extractor's work on every document). SUMMARISE_CROSS_CHECK decides.
    extra.setdefault("cross_check", None if os.environ.get("SUMMARISE_CROSS_CHECK") else True)
    try:
        settings = Settings.from_env(backend=backend, model=model, base_url=base_url,
                                     no_cache=no_cache or None, refresh=refresh or None, **extra)
    except ValidationError as exc:
        fail(f"bad configuration: {validation_summary(exc, subject='settings')} (check options and SUMMARISE_* "
             "variables)")
    if settings.backend == "llm" and not settings.model:
        fail("--backend llm needs a model: pass --model or set SUMMARISE_MODEL")
    if will_send and settings.use_llm:
        from .errors import ExtractionError
        from .extract.llm import make_client

        try:
            make_client(settings)  # a proxy setting it cannot use fails here, not once per document
        except ExtractionError as exc:
            fail(str(exc))
    return settings


def backend_line(settings: Settings) -> tuple[str, bool]:
    """Which backend will run, in one line, and whether that may surprise the user (a model or an
    endpoint is configured but the offline extractor runs for want of the other)."""
    from .run.runner import safe_url

    if settings.use_llm:
        return f"backend: LLM {settings.model} at {safe_url(settings.base_url) or 'the OpenAI API'}", False
    if settings.model and settings.backend == "auto":
        return (f"backend: offline rules (no model): a model is set ({settings.model}) but no endpoint; set "
                "SUMMARISE_BASE_URL (or an API key in SUMMARISE_API_KEY) to use it, or --backend offline to say "
                "offline is meant"), True
    if settings.base_url and settings.backend == "auto":
        return (f"backend: offline rules (no model): an endpoint is set ({safe_url(settings.base_url)}) but no "
                "model; set --model (or SUMMARISE_MODEL) to use it, or --backend offline to say offline is "
                "meant"), True
    return "backend: offline rules (no model)", False


def check_kind(kind: str) -> str:
    from .settings import KIND_CHOICES

    if kind not in KIND_CHOICES:
        fail(f"unknown kind {kind!r}; choose from {', '.join(KIND_CHOICES)}")
    return kind


def version_callback(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"summarise {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Grounded, bilingual briefing notes from Chinese government news."""
    _warnings_as_lines()


def _warnings_as_lines() -> None:
    """summarise's own warnings (an unusable cache) as one `summarise: warning:` line each, without a source line."""
    import warnings

    from .extract.cache import CacheWarning

    shown = warnings.showwarning
    if getattr(shown, "summarise", False):
        return

    def show(message: Any, category: Any, filename: str, lineno: int, file: Any = None, line: Any = None) -> None:
        if isinstance(category, type) and issubclass(category, CacheWarning):
            say(f"summarise: warning: {message}", err=True)
        else:
            shown(message, category, filename, lineno, file, line)

    show.summarise = True  # type: ignore[attr-defined]
    warnings.showwarning = show


# --------------------------------------------------------------------------- local models

# small local models loop on unbounded lists and strings, and a CPU answers slowly: each is a default that
# the matching SUMMARISE_* variable overrides
LOCAL_DEFAULTS: dict[str, Any] = {"list_limit": 12, "text_limit": 200, "timeout": 600.0}


def local_model_settings(path: Path, model: str | None, no_cache: bool = False,
                         refresh: bool = False) -> Settings:
    """Settings for --local-model: the file and the extra are checked first (exit 2 with one line)."""
    from importlib.util import find_spec

    from .errors import ExtractionError
    from .extract.local import check_gguf

    try:
        gguf = check_gguf(path)
    except ExtractionError as exc:
        fail(str(exc))
    if find_spec("xllamacpp") is None:
        fail("--local-model needs the optional extra: pip install 'summarise[local]'")
    defaults = {k: v for k, v in LOCAL_DEFAULTS.items() if not os.environ.get(f"SUMMARISE_{k.upper()}")}
    return make_settings("llm", model or gguf.stem, None, no_cache, refresh, mode="json_schema", **defaults)


@contextmanager
def serving(settings: Settings, local_model: Path | None, ctx_size: int,
            threads: int | None) -> Iterator[Settings]:
    """The settings, pointed at an in-process llama.cpp server for the block when a local model is given."""
    if local_model is None:
        yield settings
        return
    from contextlib import ExitStack

    from .extract.local import local_server

    with ExitStack() as stack:
        try:
            url = stack.enter_context(local_server(local_model, n_ctx=ctx_size, threads=threads))
        except Exception as exc:  # noqa: BLE001 - llama.cpp refusing the file is a configuration error
            fail(f"cannot start the local model {local_model}: {exc}")
        yield settings.model_copy(update={"base_url": url})


LocalModelOpt = typer.Option(None, "--local-model", metavar="PATH.gguf",
                             help="Run this GGUF model in process (llama.cpp; extra summarise[local]) "
                                  "instead of calling an endpoint.")
CtxSizeOpt = typer.Option(8192, "--ctx-size", min=512, metavar="N", help="Context size for --local-model.")
ThreadsOpt = typer.Option(None, "--threads", min=1, metavar="N",
                          help="CPU threads for --local-model (default: all cores).")


BACKEND_HELP = "auto (LLM when a model and endpoint are configured, else offline), offline or llm."
BackendOpt = typer.Option(None, "--backend", "-b", help=BACKEND_HELP, metavar="auto|offline|llm")
ModelOpt = typer.Option(None, "--model", "-m", metavar="NAME", help="Model name at the endpoint (or SUMMARISE_MODEL).")
BaseUrlOpt = typer.Option(None, "--base-url", metavar="URL", help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1 "
                                                   "(or SUMMARISE_BASE_URL). The API key comes from "
                                                   "SUMMARISE_API_KEY or OPENAI_API_KEY only.")


# --------------------------------------------------------------------------- run

REPOSTS_SAID = 100  # inputs from which finding reposts takes long enough to say so before it starts


def _interrupt_on_signals() -> None:
    """Ctrl-C and `kill` stop a batch: running documents get a grace period to finish, reports are
    written, exit 130. The handler also sets INTERRUPT, which the batch's waits look at: the
    KeyboardInterrupt it raises is lost if it lands in an import's or a finaliser's callback."""
    import signal

    from summarise.run.workers import INTERRUPT

    INTERRUPT.clear()

    def handler(signum: int, frame: object) -> None:
        INTERRUPT.set()
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:  # started in the background by a shell
        return
    signal.signal(signal.SIGINT, handler)


def rich_escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _reason_line(res: Any) -> str:
    """'path: reason', without repeating the path when the reason already starts with it."""
    reason = res.reason or res.error or "failed"
    return reason if reason.startswith(res.path) else f"{res.path}: {reason}"


class Reporter:
    """Progress: a rich bar (done / failed / cached / tokens / ETA) on a terminal, plain lines otherwise."""

    def __init__(self, total: int, quiet: bool = False) -> None:
        from rich.console import Console

        self.console = Console(stderr=True, highlight=False)
        self.total, self.quiet = total, quiet
        self.n = self.done = self.failed = self.cached = self.tokens = 0
        self.bar: Any = None
        if self.console.is_terminal and not quiet:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            self.bar = Progress(
                SpinnerColumn(), TextColumn("summarising"), BarColumn(), MofNCompleteColumn(),
                TextColumn("[green]{task.fields[done]} done[/] · [red]{task.fields[failed]} failed[/] · "
                           "{task.fields[cached]} cached · {task.fields[tokens]:,} tokens"),
                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=self.console,
            )
            self.task = self.bar.add_task("run", total=total, done=0, failed=0, cached=0, tokens=0)

    def __enter__(self) -> Reporter:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def __call__(self, res: Any) -> None:
        self.n += 1
        self.tokens += res.tokens
        setattr(self, res.status, getattr(self, res.status) + 1)
        if self.bar is not None:
            self.bar.update(self.task, advance=1, done=self.done, failed=self.failed, cached=self.cached,
                            tokens=self.tokens)
            if res.status == "failed":
                self.bar.console.print(f"[red]failed[/] {rich_escape(printable(_reason_line(res)))}", markup=True, soft_wrap=True,
                                       highlight=False)
            elif res.out_of_scope and res.status == "done":
                self.bar.console.print(f"[yellow]out of scope[/] {rich_escape(printable(res.path))}: {rich_escape(res.out_of_scope)}",
                                       markup=True, soft_wrap=True, highlight=False)
            return
        if self.quiet and res.status != "failed":
            return
        status = "already done" if res.status == "cached" else res.status  # as the summary line says
        line = f"[{self.n}/{self.total}] {status:6} {res.path}"
        if res.status == "failed":
            line = f"[{self.n}/{self.total}] failed {_reason_line(res)}"
        elif res.stem:
            line += f" -> {res.stem}" + (f" ({res.tokens:,} tokens)" if res.tokens else "")
            if res.repost_of:
                line += f" (repost of {res.repost_of})"
        if res.status != "failed" and res.out_of_scope:
            line += f" (out of scope: {res.out_of_scope})"
        print(printable(line), file=sys.stderr, flush=True)


@app.command()
def run(
    paths: list[str] = typer.Argument(..., metavar="PATH",
                                      help="Files, directories (recursive), globs, or - for stdin."),
    out: Path = typer.Option(Path("briefings"), "--out", "-o", metavar="DIR", help="Output directory (created if needed)."),
    fmt: str = typer.Option("md,html,json", "--format", "-f", metavar="LIST",
                            help="Comma-separated: md, html, docx, json (index.html links the HTML notes)."),
    lang: str = typer.Option("zh,en", "--lang", "-l", metavar="LIST", help="Comma-separated: zh, en (order = order in the note)."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, max=MAX_JOBS, metavar="N",
                                       help="Documents in flight at once: threads, spread over worker processes "
                                            "(up to one per core) past 32 with an LLM endpoint, or past 1 offline "
                                            "(CPU-bound), when the batch is big enough. Default: 4 with an LLM "
                                            "endpoint, 1 offline."),
    force: bool = typer.Option(False, "--force", help="Redo inputs whose outputs already exist."),
    dry_run: bool = typer.Option(False, "--dry-run", help="List what would be processed and estimate tokens; write nothing."),
    backend: str | None = BackendOpt,
    model: str | None = ModelOpt,
    base_url: str | None = BaseUrlOpt,
    kind: str = typer.Option("auto", "--kind", metavar="KIND", help="auto, meeting_report or policy_lecture."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the LLM cache."),
    refresh: bool = typer.Option(False, "--refresh", help="Ignore cached LLM results (and overwrite them)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only failures and the final line."),
    no_reposts: bool = typer.Option(False, "--no-reposts",
                                    help="Summarise every copy of an article on its own (by default copies found "
                                         "in the batch or in --out are extracted once and re-grounded per copy)."),
    no_db: bool = typer.Option(False, "--no-db", help="Do not write summarise.db (the SQLite database of every "
                                                      "record in --out)."),
    via: tuple[str, Path] | None = typer.Option(
        None, "--via", metavar="batch-file OUT.jsonl",
        help="Send nothing: write one OpenAI Batch-API request per document to OUT.jsonl (OUT.2.jsonl, … past "
             "the file limits; plus OUT.manifest.json) for the Batch API or `vllm run-batch`; read the results "
             "with `summarise ingest`."),
    file_requests: int | None = typer.Option(None, "--file-requests", min=1, metavar="N",
                                                help="With --via: at most N requests per file (default 50,000: "
                                                     "OpenAI's limit); the rest go to OUT.2.jsonl, OUT.3.jsonl, …"),
    file_mb: float | None = typer.Option(None, "--file-mb", min=0.001, metavar="MB",
                                            help="With --via: at most MB megabytes (10^6 bytes) per file "
                                                 "(default 200: OpenAI's limit)."),
    local_model: Path | None = LocalModelOpt,
    ctx_size: int = CtxSizeOpt,
    threads: int | None = ThreadsOpt,
) -> None:
    """Summarise many articles into records and bilingual briefing notes.

    Writes, for each input, <name>-<hash>.<format> for each --format (json: the record, which
    `summarise brief` renders again; keep it in the list to re-render later), plus index.html
    (every note in --out, what this run did), summary.json (this run's counts, tokens, time) and
    errors.jsonl (one line per failed input) in --out. Rerunning the same command skips finished
    inputs, so an interrupted batch resumes. A page that reports no meeting is done, as out of
    scope. When 3 inputs in a row cannot connect to the endpoint, or get no answer within
    SUMMARISE_TIMEOUT, the batch stops (the rest are not reached; a rerun resumes). Exit code 0: all done; 1: some inputs failed or were not reached; 2:
    usage or configuration.

    Example: summarise run seeds/ --out briefings/ --format md,html
    """
    from .run.runner import (
        RunOptions,
        UsageError,
        discover,
        plan,
        plan_reposts,
        prompt_overhead,
        run_batch,
        token_counter,
    )

    formats = parse_list(fmt, FORMATS, "--format")
    langs = parse_list(lang, LANGS, "--lang")
    if via is None and (file_requests is not None or file_mb is not None):
        fail("--file-requests and --file-mb limit the files of --via batch-file OUT.jsonl; give that too")
    if via is not None:
        _check_via(via, local_model, dry_run)
        settings = _batch_file_settings(model, base_url)
    elif local_model is not None:
        if base_url:
            fail("--local-model and --base-url exclude each other")
        settings = local_model_settings(local_model, model, no_cache, refresh)
    else:
        settings = make_settings(backend, model, base_url, no_cache, refresh, will_send=not dry_run)
    check_kind(kind)
    if via is None and dry_run:
        from .run.walk import path_state

        if path_state(out) not in ("missing", "dir"):
            fail(f"--out {out} exists and is not a directory")
    elif via is None:
        output_dir(out)
    try:
        job_list = discover(paths, exclude=None if via else out)
    except UsageError as exc:
        fail(str(exc))
    if via is not None:
        _check_batch_targets(via[1], job_list)
        job_list = _without_batch_files(job_list, via[1])
    if not job_list:
        fail("no input files found (hidden files are skipped)")
    if via is not None:
        _write_batch_file(job_list, settings, kind, via[1], file_requests, file_mb, reposts=not no_reposts)
    workers = jobs or (4 if settings.use_llm and local_model is None else 1)
    options = RunOptions(out=out, formats=formats, langs=langs, jobs=workers, force=force, kind=kind,
                         settings=settings, db=not no_db, reposts=not no_reposts,
                         endpoint=f"local:{local_model.resolve()}" if local_model is not None else None)

    if dry_run:
        count, method = token_counter()
        items = plan(job_list, options, count)
        if options.reposts:  # a copy of another input's article costs no call
            for i, role in plan_reposts(job_list, options).items():
                if role.story is not None and items[i].action == "process":
                    items[i].action, items[i].reason, items[i].tokens = "repost", f"of {role.story}", 0
        overhead = prompt_overhead(count) if settings.use_llm else 0
        for it in items:
            extra = f"  {it.chars:,} chars  ~{it.tokens:,} tokens" if it.action == "process" else ""
            why = f"  ({it.reason})" if it.reason else ""
            say(f"{it.action:12} {it.path}{extra}{why}")
        todo = [i for i in items if i.action == "process"]
        article = sum(i.tokens for i in todo)
        say(f"\n{len(todo)} to process, {sum(i.action == 'repost' for i in items)} reposts (no call), "
                   f"{sum(i.action == 'render only' for i in items)} to re-render, "
                   f"{sum(i.action.startswith('skip') for i in items)} already done, "
                   f"{sum(i.action == 'fail' for i in items)} would fail; backend "
                   f"{'llm ' + str(settings.model) if settings.use_llm else 'offline'}")
        if settings.use_llm:
            say(f"estimated prompt tokens: {article + overhead * len(todo):,} "
                       f"(articles {article:,} + {overhead:,} prompt/schema per call × {len(todo)}; "
                       f"re-asks add more) — {method}")
        else:
            say(f"article tokens: {article:,} ({method}); the offline backend uses no model tokens")
        raise typer.Exit(0)

    line, surprising = backend_line(settings)
    if surprising or not quiet:
        say(f"summarise: {line}", err=True)
    _interrupt_on_signals()
    with serving(settings, local_model, ctx_size, threads) as served:
        options = replace(options, settings=served)
        if options.reposts and len(job_list) >= REPOSTS_SAID and not quiet:  # every input is read first
            say(f"finding reposts among {len(job_list):,} inputs (--no-reposts skips this)…", err=True)
        with Reporter(len(job_list), quiet=quiet) as reporter:
            summary = run_batch(job_list, options, on_result=reporter)
    _finish(summary, out)


def _finish(summary: Any, out: Path, extra: str = "", failed: bool = False) -> NoReturn:
    """The final line of a batch, and its exit code (at least 1 when `failed`)."""
    tokens = summary.prompt_tokens + summary.completion_tokens
    out_of_scope = sum(i.out_of_scope is not None for i in summary.items if i.status != "failed")
    scope = f"; {out_of_scope} out of scope (no meeting reported)" if out_of_scope else ""
    folder = summary.folder
    stories = (f" · {folder['stories']:,} {'story' if folder['stories'] == 1 else 'stories'} and "
               f"{plural(folder['reposts'], 'repost')} in the folder") if folder.get("reposts") else ""
    line = (f"{plural(summary.total, 'input')}: {summary.done} done, {summary.cached} already done, "
            f"{summary.failed} failed{scope}{stories} · {tokens:,} tokens · {summary.cache_hits} cache hits · "
            f"{summary.wall_time_s:.1f} s → {out / 'index.html'}")
    if summary.failed:
        line += f" (failures in {out / 'errors.jsonl'})"
    for problem in getattr(summary, "report_problems", []):
        say(f"summarise: error: {problem}", err=True)
    if summary.interrupted:
        say("interrupted: rerun the same command to finish the rest", err=True)
        if getattr(summary, "abandoned", 0):  # threads still waiting on the endpoint: `entry` leaves without them
            ABANDONED_THREADS.set()
        raise typer.Exit(130)
    if summary.stopped:
        missing = summary.total - summary.done - summary.failed - summary.cached
        rerun = (f"{plural(missing, 'input')} not reached: rerun the same command to resume" if missing
                 else "rerun the same command to retry the failed inputs")
        say(f"summarise: stopped: {summary.stopped}. Check the server and SUMMARISE_BASE_URL (and any "
            f"proxy variable), or pass --backend offline to summarise without a model. {rerun}.", err=True)
        line += f"; stopped, {missing} not reached"
    say(line + extra)
    raise typer.Exit(max(summary.exit_code, 1) if failed or getattr(summary, "report_problems", None)
                     else summary.exit_code)


def _check_via(via: tuple[str, Path], local_model: Path | None, dry_run: bool) -> None:
    kind, target = via
    if kind != "batch-file":
        fail(f"bad --via value {kind!r}; the only choice is: --via batch-file OUT.jsonl")
    if local_model is not None or dry_run:
        fail("--via batch-file writes requests only: it cannot be combined with --local-model or --dry-run")
    from .run.walk import path_state

    if path_state(target) == "dir" or path_state(target.parent) != "dir":
        fail(f"--via batch-file {target}: give a file name in an existing directory")


def _batch_file_settings(model: str | None, base_url: str | None) -> Settings:
    """The LLM settings the requests are written with (a model is needed; an endpoint is not)."""
    settings = make_settings(None, model, base_url)
    if not settings.model:
        fail("--via batch-file needs a model: pass --model or set SUMMARISE_MODEL")
    return settings.model_copy(update={"backend": "llm"})


def _check_batch_targets(target: Path, job_list: list[Any]) -> None:
    """The requests file, manifest and errors file may replace only files of their kind summarise wrote:
    never an article (`--via batch-file in/000.txt`), a results file or anything else."""
    from .run.batch_files import errors_path, manifest_path, overwrite_problem

    for path, role in ((target, "requests"), (manifest_path(target), "manifest"), (errors_path(target), "errors")):
        problem = overwrite_problem(path, role)
        if problem:
            fail(problem)


def _without_batch_files(job_list: list[Any], target: Path) -> list[Any]:
    """A rerun must not read its own requests, manifest or errors file as articles."""
    from .run.batch_files import errors_path, is_part, manifest_path

    own = {p.resolve() for p in (target, manifest_path(target), errors_path(target))}
    return [j for j in job_list if j.path is None or not (j.path.resolve() in own or is_part(j.path, target))]


def _write_batch_file(job_list: list[Any], settings: Settings, kind: str, target: Path,
                      file_requests: int | None, file_mb: float | None, reposts: bool = True) -> NoReturn:
    """`run --via batch-file`: write the requests, the manifest and the input errors; send nothing."""
    from .run.batch_files import FileLimits, OutputError, errors_path, manifest_path, write_requests

    try:
        limits = FileLimits(**({"requests": file_requests} if file_requests else {}),
                            **({"bytes": round(file_mb * 1_000_000)} if file_mb else {}))
        result = write_requests(job_list, settings, kind, target, limits, reposts=reposts)
    except OutputError as exc:
        say(f"summarise: error: {exc}", err=True)
        raise typer.Exit(1) from None
    for err in result.failed:
        say(f"failed {err['path']}: {err['reason']}", err=True)
    files = ", ".join(map(str, result.files))
    copies = f" ({result.reposts} of them copies of another input's article: no request of their own)" \
        if result.reposts else ""
    line = (f"{plural(len(job_list), 'input')}: {result.documents} documents{copies} → {result.requests} requests "
            f"in {files} (manifest {manifest_path(target)})")
    if result.failed:
        line += f"; {len(result.failed)} failed (in {errors_path(target)})"
    submit = "the file" if len(result.files) == 1 else f"each of the {len(result.files)} files as its own batch"
    say(line + f"; nothing was sent: submit {submit}, then `summarise ingest RESULTS.jsonl… "
               f"--manifest {manifest_path(target)}`")
    raise typer.Exit(1 if result.failed else 0)


@app.command()
def ingest(
    results: list[Path] = typer.Argument(..., metavar="RESULTS.jsonl",
                                         help="The engine's output file(s); a later file's answer to a request "
                                              "replaces an earlier one (a resubmitted batch)."),
    manifest: Path = typer.Option(..., "--manifest", metavar="OUT.manifest.json",
                                  help="The manifest `run --via batch-file` wrote next to the requests."),
    out: Path = typer.Option(Path("briefings"), "--out", "-o", metavar="DIR", help="Output directory (created if needed)."),
    fmt: str = typer.Option("md,html,json", "--format", "-f", metavar="LIST",
                            help="Comma-separated: md, html, docx, json (index.html links the HTML notes)."),
    lang: str = typer.Option("zh,en", "--lang", "-l", metavar="LIST", help="Comma-separated: zh, en."),
    resubmit: Path | None = typer.Option(None, "--resubmit", metavar="FILE",
                                            help="Write a second batch with only the requests that failed or came "
                                                 "back invalid or ungrounded (as re-asks)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only failures and the final line."),
) -> None:
    """Read a Batch-API (or vllm run-batch) results file into records and briefing notes.

    Answers go through the same validation and grounding as a live run, and are written exactly as
    `summarise run` writes them. Grounding failures cannot be re-asked inside a batch: they (and
    failed requests) are listed in summary.json, and --resubmit FILE writes a second batch of them.

    Example: summarise ingest results.jsonl --manifest requests.manifest.json --out briefings/
    """
    from .run.batch_files import open_ingest
    from .run.runner import RunOptions, run_batch

    formats = parse_list(fmt, FORMATS, "--format")
    langs = parse_list(lang, LANGS, "--lang")
    for path in [*results, manifest]:
        need_file(path)
    if resubmit is not None:
        _check_resubmit(resubmit, [*results, manifest])
    try:
        batch = open_ingest(results, manifest)
    except (OSError, ValueError) as exc:
        fail(str(exc))
    output_dir(out)  # once the files given are known good: a wrong one leaves nothing behind
    jobs = batch.manifest.jobs()
    options = RunOptions(out=out, formats=formats, langs=langs, jobs=1, force=True, kind=batch.manifest.kind,
                         settings=batch.manifest.settings, reposts=True)
    _interrupt_on_signals()
    with Reporter(len(jobs), quiet=quiet) as reporter:
        summary = run_batch(jobs, options, on_result=reporter, extractor=batch,
                            report_extra=lambda s: batch.finish(resubmit, s.interrupted), roles=batch.roles())
    _finish(summary, out, _resubmit_note(batch, resubmit), failed=batch.resubmit_error is not None)


def _check_resubmit(resubmit: Path, inputs: list[Path]) -> None:
    """--resubmit must name a new file (or an earlier resubmit batch), never a results file or the manifest."""
    from .run.batch_files import is_part, overwrite_problem
    from .run.walk import path_state

    if path_state(resubmit) == "dir" or path_state(resubmit.parent) != "dir":
        fail(f"--resubmit {resubmit}: give a file name in an existing directory")
    for given in inputs:
        if path_state(given) == "file" and (given.resolve() == resubmit.resolve() or is_part(given, resubmit)):
            fail(f"--resubmit {resubmit} would write over {given}, which this command reads: give another name")
    problem = overwrite_problem(resubmit, "requests")
    if problem:
        fail(problem)


def _resubmit_note(batch: Any, resubmit: Path | None) -> str:
    """List what needs a second batch (on stderr), and say in the final line where it was written."""
    pending = batch.pending
    for item in pending[:20]:
        say(f"resubmit {item['custom_id']} ({item['input']}): {item['problem']}"
                   + (f" — {item['not_written']}" if item.get("not_written") else ""), err=True)
    if len(pending) > 20:
        say(f"… and {len(pending) - 20} more (all in summary.json)", err=True)
    if batch.resubmit_error:
        say(f"summarise: error: {batch.resubmit_error}", err=True)
        return f"; {len(pending)} requests to resubmit, NOT written (see the error above)"
    if resubmit is not None:
        left = sum("not_written" in item for item in pending)
        note = f" ({left} too large for one file, left out: see summary.json)" if left else ""
        return f"; {len(pending) - left} requests to resubmit in {', '.join(map(str, batch.resubmit_files))}{note}"
    if pending:
        return (f"; {len(pending)} requests failed or came back invalid/ungrounded — grounding failures cannot be "
                "re-asked inside a batch: rerun with --resubmit FILE for a second batch")
    return ""


@app.command()
def export(
    out: Path = typer.Argument(..., metavar="DIR", help="An output directory of `summarise run` (holding summarise.db)."),
    fmt: str = typer.Option("csv", "--format", "-f", metavar="FORMAT", help="csv, jsonl or parquet (extra "
                                                                           "summarise[parquet])."),
    to: Path | None = typer.Option(None, "--to", metavar="DIR", help="Where to write the files (default: DIR/export)."),
    table: list[str] | None = typer.Option(None, "--table", "-t", metavar="NAME",
                                              help="Only this table or view (repeatable); default: all."),
    excel: bool = typer.Option(False, "--excel", help="CSV for Excel: UTF-8 with a byte-order mark, without which "
                                                      "Excel shows Chinese as mojibake (read such a file in Python with "
                                                      "encoding='utf-8-sig')."),
) -> None:
    """Write every table and view of summarise.db as CSV, JSON Lines or Parquet files.

    The database is first brought up to date with the records in DIR (or rebuilt from them when it
    is missing). One file per table: documents, events, people, figures, points, attendee_groups,
    rejections, and the views stories, appearances and evidence.

    Example: summarise export briefings/ --format parquet --to exports/
    """
    import sqlite3

    from .run import store
    from .run.export import ExportError, names
    from .run.export import export as write
    from .run.runner import STATE_DIR

    if fmt not in ("csv", "jsonl", "parquet"):
        fail(f"bad --format value {fmt!r}; choose from csv, jsonl, parquet")
    if excel and fmt != "csv":
        fail("--excel writes CSV: use it with --format csv")
    if not (out / STATE_DIR).is_dir():
        fail(f"{out} holds no summarise run (no {STATE_DIR}/ directory)")
    bad = [t for t in table or [] if t not in names()]
    if bad:
        fail(f"unknown table {bad[0]!r}; choose from {', '.join(names())}")
    db = store.for_dir(out)
    try:
        store.synced(out)
        files = write(db, fmt, to or out / "export", list(dict.fromkeys(table)) if table else None, bom=excel)
    except ExportError as exc:
        fail(str(exc))
    except (sqlite3.Error, OSError) as exc:
        fail(f"cannot export {out / store.DB_NAME}: {exc}", code=1)
    finally:
        db.close()
    for path in files:
        say(str(path))


# --------------------------------------------------------------------------- single documents

def _existing_file(path: str, command: str) -> str:
    if path != "-":
        from .run.walk import path_state

        if path_state(Path(path)) == "dir":
            fail(f"{path} is a directory: `summarise {command}` reads one file; "
                 f"`summarise run {path} --out DIR` summarises a directory")
        need_file(Path(path))
    return path


def read_stdin() -> bytes:
    """Standard input, refused past the input size limit (never read whole: it could be endless)."""
    from .normalise.read import MAX_INPUT

    data = sys.stdin.buffer.read(MAX_INPUT + 1)
    if len(data) > MAX_INPUT:
        fail(f"standard input is larger than {MAX_INPUT // 2**20} MB, more than any article: split it", code=1)
    return data


@app.command()
def extract(
    file: str = typer.Argument(..., metavar="FILE", help="Article file (text, HTML, JSON record), or - for stdin."),
    kind: str = typer.Option("auto", "--kind", metavar="KIND", help="auto, meeting_report or policy_lecture."),
    backend: str | None = BackendOpt,
    model: str | None = ModelOpt,
    base_url: str | None = BaseUrlOpt,
    compact: bool = typer.Option(False, "--compact", help="One-line JSON."),
    local_model: Path | None = LocalModelOpt,
    ctx_size: int = CtxSizeOpt,
    threads: int | None = ThreadsOpt,
) -> None:
    """Extract one article and print its record as JSON.

    Example: summarise extract seeds/000_09f2237585b32c6b.txt > record.json
    """
    from . import ExtractionError
    from .extract.record import extract as do_extract

    _existing_file(file, "extract")
    if local_model is not None:
        if base_url:
            fail("--local-model and --base-url exclude each other")
        settings = local_model_settings(local_model, model)
    else:
        settings = make_settings(backend, model, base_url, will_send=True)
        line, surprising = backend_line(settings)
        if surprising:
            say(f"summarise: {line}", err=True)
    source: Any = read_stdin() if file == "-" else Path(file)
    try:
        with serving(settings, local_model, ctx_size, threads) as served:
            record = do_extract(source, kind=check_kind(kind), settings=served)  # type: ignore[arg-type]
    except ExtractionError as exc:
        message = str(exc)
        fail(message if message.startswith(f"{file}:") else f"{file}: {message}", code=1)
    typer.echo(record.model_dump_json(indent=None if compact else 2))


@app.command()
def brief(
    record_file: Path = typer.Argument(..., metavar="RECORD.json", help="A record saved by `extract` or `run`."),
    fmt: str = typer.Option("md", "--format", "-f", metavar="LIST", help="Comma-separated: md, html, docx, json."),
    lang: str = typer.Option("zh,en", "--lang", "-l", metavar="LIST", help="Comma-separated: zh, en."),
    out: Path | None = typer.Option(None, "--out", "-o", metavar="PATH",
                                       help="Output file (one format) or directory. Default: stdout for "
                                            "one text format, else the record's directory."),
) -> None:
    """Render briefing notes from a saved record.

    Example: summarise brief briefings/000_09f2237585b32c6b-1a2b3c4d5e.json -f html -o note.html
    """
    from pydantic import ValidationError

    from .render import EXTENSIONS, render
    from .run.runner import atomic_write
    from .schemas import load_record

    formats = parse_list(fmt, FORMATS, "--format")
    langs = parse_list(lang, LANGS, "--lang")
    need_file(record_file)
    try:
        record = load_record(record_file.read_bytes())
    except OSError as exc:
        fail(f"cannot read {record_file}: {os_reason(exc)}", code=1)
    except ValidationError as exc:
        fail(f"{record_file} is not a summarise record ({validation_summary(exc, subject='record')})", code=1)
    if out is None and len(formats) == 1 and formats[0] != "docx":
        typer.echo(render(record, formats[0], langs), nl=False)
        return
    from .run.walk import path_state

    if out is not None and len(formats) == 1 and out.suffix and path_state(out) != "dir":
        targets = {formats[0]: out}
    elif out is not None and out.suffix.lower() in EXTENSIONS.values() and path_state(out) != "dir":
        fail(f"-o {out} names a file, but {len(formats)} formats were asked for: give one format, "
             f"or a directory for all of them (-o {out.with_suffix('')}/)")
    else:
        directory = output_dir(out or record_file.parent, "-o")
        targets = {f: directory / (record_file.stem + EXTENSIONS[f]) for f in formats}
    for f, target in targets.items():
        if target.absolute() == record_file.absolute() or (path_state(target) == "file" and target.samefile(record_file)):
            fail(f"refusing to overwrite the input record {record_file}")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, render(record, f, langs))
        except OSError as exc:
            fail(f"cannot write {target}: {os_reason(exc)}", code=1)
        say(str(target))


@app.command()
def clean(
    file: str = typer.Argument(..., metavar="FILE", help="Article file, or - for stdin."),
    explain: bool = typer.Option(False, "--explain", "-e",
                                 help="Also print (on stderr) what was removed, counted per category."),
) -> None:
    """Print the normalised article text (decoded, de-boilerplated, simplified script).

    Example: summarise clean seeds/000_09f2237585b32c6b.txt --explain
    """
    from .normalise import NormaliseError, normalise, report

    _existing_file(file, "clean")
    try:
        doc = normalise(read_stdin() if file == "-" else Path(file),
                        name="<stdin>" if file == "-" else None)
    except NormaliseError as exc:
        fail(str(exc), code=1)
    typer.echo(doc.text)
    if explain:
        say(report(doc), err=True)


@app.command()
def schema(
    kind: str = typer.Argument(..., metavar="KIND", help="meeting_report, policy_lecture or other."),
) -> None:
    """Print the JSON Schema of a record kind.

    Example: summarise schema meeting_report > meeting_report.schema.json
    """
    from .schemas import KINDS, json_schema

    if kind not in KINDS:
        fail(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}")
    typer.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))


@app.command("eval")
def eval_(
    gold_dir: Path = typer.Argument(..., metavar="GOLD_DIR", help="Directory of gold JSON files (searched recursively)."),
    as_json: bool = typer.Option(False, "--json", help="Print per-file scores and totals as JSON."),
    backend: str | None = BackendOpt,
    model: str | None = ModelOpt,
    base_url: str | None = BaseUrlOpt,
    records: Path | None = typer.Option(
        None, "--records", metavar="DIR", help="Score the records already in DIR (the --out of `run` or `ingest`) "
        "instead of extracting: each gold file's input is matched, by its content, to the record made from it."),
) -> None:
    """Extract each gold file's input and score it (per file and total).

    A gold file whose input is not here is listed as not scored and left out of the totals.
    Exit code 1 when an input could not be extracted (or, with --records, has no record);
    2 when no gold file's input is here.

    Example: summarise eval eval/heldout --backend offline
    Example: summarise eval eval/heldout --records briefings/   (records from an ingested batch)
    """
    from .evaluate import gold_paths, score_dir
    from .extract.record import extract as do_extract
    from .normalise import normalise
    from .run.walk import path_state

    if path_state(gold_dir) != "dir":
        fail(f"no such directory: {gold_dir}")
    if not gold_paths(gold_dir):
        fail(f"no gold files (*.json) in {gold_dir}")
    if records is not None:
        if backend or model or base_url:
            fail("--records scores saved records: --backend, --model and --base-url do not apply")
        if not records.is_dir():
            fail(f"no such directory: {records}")
        saved = _records_by_input(records)
        if not saved:
            fail(f"no records (*.json written by `summarise run` or `ingest`) in {records}")
    else:
        settings = make_settings(backend, model, base_url, will_send=True)

    def run_one(input_path: Path) -> tuple[dict[str, Any], str, str]:
        doc = normalise(Path(input_path))
        if records is not None:
            record = _saved_record(saved, doc, records)
        else:
            record = do_extract(Path(input_path), settings=settings)
        # provenance lists what was rejected or possibly missed: not shipped as fact, not scored;
        # the input's file name and hash are the user's, not extracted from the article
        output = record.model_dump_json(exclude={"provenance": True, "source": {"name", "sha256"}})
        return record.gold_view(), doc.text, output

    report = score_dir(gold_dir, run_one)
    if not report.files and report.skipped:
        n = len(report.skipped)
        fail(f"{'the gold file' if n == 1 else f'none of the {n} gold files'} in {gold_dir} "
             f"{'has no' if n == 1 else 'has its'} input here (the first wants "
             f"{report.skipped[0][1]}, relative to its gold file); eval/heldout has its articles in this clone: "
             f"summarise eval eval/heldout")
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        say(report.table())
    raise typer.Exit(1 if report.totals["errors"] else 0)


def _records_by_input(directory: Path) -> dict[str, Any]:
    """The records in `directory` (not its reports), by the hash of the page each was made from: the
    same article matches wherever it was run from, under whatever path it was given."""
    from .schemas import load_record

    found: dict[str, Any] = {}
    for path in sorted(directory.glob("*.json")):
        if path.name == "summary.json":
            continue
        try:
            record = load_record(path.read_bytes())
        except (OSError, ValueError):  # another JSON file (a report, an export): not a record
            continue
        if record.source.sha256:
            found[record.source.sha256] = record
    return found


def _saved_record(saved: dict[str, Any], doc: Any, directory: Path) -> Any:
    record = saved.get(doc.sha256)
    if record is None:
        raise LookupError(f"no record of this article in {directory} (it failed, or was not in that run)")
    return record


# --------------------------------------------------------------------------- cache

@cache_app.command("info")
def cache_info_cmd() -> None:
    """Where the cache is, how many entries it holds, its size."""
    from .extract.cache import cache_info

    info = cache_info(make_settings(None, None, None))
    if info.get("problem"):
        say(f"directory: {info['directory']}\nproblem:   cannot be opened ({info['problem']}); "
                   f"`summarise cache clear --yes` removes it")
        raise typer.Exit(1)
    say(f"directory: {info['directory']}\nentries:   {info['entries']}\nsize:      {info['bytes']:,} bytes")


@cache_app.command("clear")
def cache_clear_cmd(
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
) -> None:
    """Remove every cached LLM result."""
    from .extract.cache import cache_clear, cache_info

    settings = make_settings(None, None, None)
    if not yes and sys.stdin.isatty():
        typer.confirm(f"Clear the cache in {settings.cache_dir}?", abort=True)
    damaged = cache_info(settings).get("problem")
    try:
        removed = cache_clear(settings)
    except OSError as exc:
        fail(f"cannot clear the cache in {settings.cache_dir}: {os_reason(exc)}", code=1)
    say(f"removed the damaged cache in {settings.cache_dir}" if damaged else f"removed {removed} entries")


# Set when an interrupted batch leaves threads still waiting on the endpoint: the process (`entry`,
# never a caller that runs the app in its own process, such as a test) then exits without joining them.
ABANDONED_THREADS = threading.Event()


def entry() -> None:
    """The `summarise` command: the app, with a last guard so that no traceback reaches a user.

    Every expected failure has its own message; anything else is a bug, said in one line (set
    SUMMARISE_DEBUG=1 for the traceback)."""
    try:
        app()
    except SystemExit as done:
        if ABANDONED_THREADS.is_set():  # an interrupt left threads waiting on the endpoint: exit without them
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(done.code if isinstance(done.code, int) else 130)
        raise
    except Exception as exc:  # the last guard
        if os.environ.get("SUMMARISE_DEBUG"):
            raise
        message = " ".join(str(exc).split())[:300]
        where = f" ({os_reason(exc)})" if isinstance(exc, OSError) else ""
        print(printable(f"summarise: error: internal error ({type(exc).__name__}: {message}){where}; please report "
                        f"it (SUMMARISE_DEBUG=1 shows the traceback)"), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":  # `python -m summarise.cli`
    entry()
