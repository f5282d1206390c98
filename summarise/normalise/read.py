"""Turn the ``source`` argument of :func:`normalise` into a payload and a display name."""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .errors import NormaliseError


def read_source(source: str | bytes | os.PathLike[str], name: str | None = None) -> tuple[bytes | str, str]:
    """Return (payload, display name).

    PathLike → the file's bytes; bytes → themselves; str → a file path when it has no newline,
    is shorter than 1024 characters and names an existing file (or a FIFO/device: an error),
    otherwise the text itself — unless it looks like a path (see :func:`looks_like_path`), which
    is an error ("no such file") rather than a one-line article.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
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
        if not stat.S_ISREG(mode := path.stat().st_mode) and not stat.S_ISDIR(mode):  # reading would block
            raise NormaliseError(f"{display}: not a regular file (a FIFO, socket or device)")
        return path.read_bytes(), display
    except IsADirectoryError:
        raise NormaliseError(f"{display}: is a directory, not a file") from None
    except OSError as exc:
        raise NormaliseError(f"{display}: cannot read file ({exc.strerror or exc})") from None
