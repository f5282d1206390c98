"""Inputs of a batch: files, directories, globs and stdin found as jobs, and the name each one's outputs
get (`<slug>-<short content hash>`)."""
from __future__ import annotations

import glob
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from summarise.errors import InputError, os_reason

from .manifest import STATE_DIR

HASH_CHARS = 10
SLUG_CHARS = 60


class UsageError(ValueError):
    """A problem with the command line (missing path, bad option): exit code 2."""


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
    directory) or inside a subdirectory that is an earlier run's output (it holds STATE_DIR).
    Inside a directory or a glob's matches, a dangling symlink, a link loop, FIFO, socket or device,
    and a subdirectory that cannot be read become jobs that fail with the reason (errors.jsonl), so
    nothing is skipped unseen (summarise/run/walk.py); so do such paths named on the command line, a
    path that does not exist and a glob that matches nothing, unless nothing else was named that can
    be read: then the command is mistyped and UsageError says how.
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

    problems: list[str] = []

    def named(path: Path, label: str, problem: str) -> None:
        """A path named on the command line that cannot be read: listed with why, the others still run."""
        before = len(jobs)
        add(path, label, problem)
        if len(jobs) > before:
            problems.append(problem)

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
                named(path, raw, f"no files match {raw!r}")
            for found in matches:
                add(found.path, str(found.path), found.problem)
        elif (what := special_kind(path)) is not None:
            named(path, raw, f"{raw} is {what}, not a regular file (use - to read standard input)")
        elif state != "missing":
            named(path, raw, f"{raw}: {state}")
        else:
            named(path, raw, f"no such file or directory: {raw}")
    if problems and len(problems) == len(jobs):  # nothing to do at all: a mistyped command
        raise UsageError(problems[0])
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
