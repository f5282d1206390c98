"""Finding input files: directory trees and globs, with every file found once and nothing lost silently.

A directory is walked without following symbolic links to directories (as `Path.rglob` does); a glob
follows them (as the shell does) but enters each real directory once, so a link back up the tree
(`d/a/up -> ..`) cannot make the walk endless. What cannot be read is reported, never skipped: a
subdirectory without read permission, a link in a loop (`loop1 -> loop2 -> loop1`). A subdirectory
holding `marker` (summarise's own state directory) is an earlier run's output: its notes, index and
database are not news, so neither walk enters it.
"""
from __future__ import annotations

import errno
import fnmatch
import functools
import glob
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Found:
    """A path under the walked root; `problem` says why it cannot be an input (None for a file)."""

    path: Path
    problem: str | None = None


def path_state(path: Path) -> str:
    """"file", "dir", "missing", or why the path cannot be looked at ("permission denied …", a loop).

    `Path.is_file()` raises on a path inside a directory without search permission (Python 3.11);
    this never raises.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "missing"
    except NotADirectoryError:
        return "missing"
    except OSError as exc:
        return _problem(exc)
    if stat.S_ISDIR(mode):
        return "dir"
    return "file" if stat.S_ISREG(mode) else "special"


def _problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link in a loop (it never reaches a file)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (a directory on its path cannot be searched, or the file cannot be read)"
    return f"cannot be looked at: {exc.strerror or exc}"


def walk_dir(root: Path, marker: str | None = None) -> list[Found]:
    """Every non-hidden entry under `root` that is not a directory, in sorted order, plus unreadable
    subdirectories and symbolic-link loops (with their problem). Links to directories are not followed,
    nor subdirectories holding `marker`."""
    found: list[Found] = []
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError as exc:
            if directory != root:  # the root was named by the user: they are told where it was found
                found.append(Found(directory, f"cannot read the directory ({exc.strerror or exc}): "
                                              f"the files in it, if any, are not summarised"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not _marked(path, marker):
                        stack.append(path)
                    continue
                if entry.is_symlink():
                    try:
                        target = path.stat()
                    except FileNotFoundError:
                        found.append(Found(path))  # dangling: reading it says so
                        continue
                    except OSError as exc:
                        found.append(Found(path, _problem(exc)))
                        continue
                    if stat.S_ISDIR(target.st_mode):
                        continue  # not followed: a directory link is not an input
            except OSError as exc:
                found.append(Found(path, _problem(exc)))
                continue
            found.append(Found(path))
    return sorted(found, key=lambda f: f.path.parts)


def _marked(directory: Path, marker: str | None) -> bool:
    return marker is not None and path_state(directory / marker) == "dir"


def walk_glob(pattern: str, marker: str | None = None) -> list[Found]:
    """The files matching a shell pattern (``**`` spans directories), in sorted order, plus
    unreadable directories and link loops met where a match could be. Links to directories are
    followed, each real directory entered once, none holding `marker` below the pattern's fixed
    part. Hidden names match only a pattern part that starts with a dot, as in `glob`."""
    parts = Path(pattern).parts
    fixed = 0
    while fixed < len(parts) - 1 and not glob.has_magic(parts[fixed]):
        fixed += 1
    root = Path(*parts[:fixed]) if fixed else Path(".")
    rest = tuple(parts[fixed:])
    matcher = _Matcher(rest)
    found: list[Found] = []
    seen: set[tuple[int, int]] = set()
    if path_state(root) != "dir":
        return []

    def visit(directory: Path, rel: tuple[str, ...]) -> None:
        try:
            info = directory.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:  # a link back to a directory already walked
                return
            seen.add(key)
            entries = list(os.scandir(directory))
        except OSError as exc:
            found.append(Found(directory, f"cannot read the directory ({exc.strerror or exc}): the files in "
                                          f"it that match {pattern!r}, if any, are not summarised"))
            return
        for entry in sorted(entries, key=lambda e: e.name):
            sub = (*rel, entry.name)
            path = directory / entry.name
            full, prefix = matcher.full(sub), matcher.prefix(sub)
            if not (full or prefix):
                continue
            state = path_state(path)
            if state == "dir":
                if prefix and not _marked(path, marker):
                    visit(path, sub)
            elif full:  # a dangling link or a FIFO fails with its reason when read
                found.append(Found(path, None if state in ("file", "missing", "special") else state))

    visit(root, ())
    return sorted(found, key=lambda f: f.path.parts)


class _Matcher:
    """Match relative path parts against the parts of a pattern (``**`` is zero or more parts)."""

    def __init__(self, pattern: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.regex = tuple(None if p == "**" else re.compile(fnmatch.translate(p)) for p in pattern)

    def _one(self, i: int, name: str) -> bool:
        p = self.pattern[i]
        if name.startswith(".") and not p.startswith("."):
            return False
        return bool(self.regex[i].match(name))  # type: ignore[union-attr]

    def full(self, parts: tuple[str, ...]) -> bool:
        return self._run(parts, prefix=False)

    def prefix(self, parts: tuple[str, ...]) -> bool:
        """Whether a deeper path under `parts` could still match."""
        return self._run(parts, prefix=True)

    def _run(self, parts: tuple[str, ...], *, prefix: bool) -> bool:
        n, m = len(parts), len(self.pattern)

        @functools.cache
        def go(i: int, j: int) -> bool:  # pattern i.., parts j..
            if j == n:
                if prefix:
                    return i < m
                return all(self.pattern[k] == "**" for k in range(i, m))
            if i == m:
                return False
            if self.pattern[i] == "**":
                if parts[j].startswith("."):
                    return go(i + 1, j)
                return go(i + 1, j) or go(i, j + 1)
            return self._one(i, parts[j]) and go(i + 1, j + 1)

        return go(0, 0)
