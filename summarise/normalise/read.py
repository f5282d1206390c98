"""Turn the ``source`` argument of :func:`normalise` into a payload and a display name."""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .errors import NormaliseError

MAX_INPUT = 64 * 1024 * 1024  # bytes (or characters) of one input: far past any article page
_TOO_BIG = (f"is larger than {MAX_INPUT // (1024 * 1024)} MB, more than any article page (normalising "
            f"takes ~15-25 bytes of memory per input byte): split it into its articles")


def _check_size(size: int, display: str) -> None:
    if size > MAX_INPUT:
        raise NormaliseError(f"{display}: {size / (1024 * 1024):,.0f} MB {_TOO_BIG}")


def read_source(source: str | bytes | os.PathLike[str], name: str | None = None) -> tuple[bytes | str, str]:
    """Return (payload, display name).

    PathLike → the file's bytes; bytes → themselves; str → a file path when it has no newline,
    is shorter than 1024 characters and names an existing file (or a FIFO/device: an error),
    otherwise the text itself — unless it looks like a path (see :func:`looks_like_path`), which
    is an error ("no such file") rather than a one-line article.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        _check_size(memoryview(source).nbytes, name or "<bytes>")
        return bytes(source), name or "<bytes>"
    if isinstance(source, os.PathLike):
        return _read_file(Path(source), name)
    if isinstance(source, str):
        if "\n" not in source and len(source) < 1024 and source.strip():
            try:
                path = Path(source)
                exists = path.exists()
            except (OSError, ValueError):
                exists = False
            if exists:
                return _read_file(path, name)
            if looks_like_path(source):
                raise NormaliseError(f"{name or source}: no such file")
        _check_size(len(source), name or "<text>")
        return source, name or "<text>"
    raise TypeError(f"source must be str, bytes or os.PathLike, not {type(source).__name__}")


_EXTENSION = re.compile(r"\.(?:txt|html?|[sx]?html|jsp|aspx?|php|json|jsonl|md|markdown|xml|rss|atom|sql|csv|js|py|java|docx?|pdf)$", re.I)


def looks_like_path(text: str) -> bool:
    """A short single-line str that names a document file: it ends in a document extension and has
    no white space (unless it holds a separator) and no Chinese punctuation."""
    s = text.strip()
    if not s or "\n" in s or len(s) > 260 or re.search(r"[，。：；！？“”]", s):
        return False
    return bool(_EXTENSION.search(s)) and (" " not in s or "/" in s or "\\" in s)


def _read_file(path: Path, name: str | None) -> tuple[bytes, str]:
    display = name or str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):  # reading would block
            raise NormaliseError(f"{display}: not a regular file (a FIFO, socket or device)")
        _check_size(info.st_size, display)
        return path.read_bytes(), display
    except IsADirectoryError:
        raise NormaliseError(f"{display}: is a directory, not a file") from None
    except OSError as exc:
        raise NormaliseError(f"{display}: cannot read file ({exc.strerror or exc})") from None
