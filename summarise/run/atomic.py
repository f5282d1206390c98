"""Outputs written atomically (a temp file beside the target, then os.replace), and the temp files a
killed run left behind cleaned up."""
from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from summarise import redact


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


def clean_stale_temps(directory: Path, older_than: float = 300.0) -> None:
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
