"""Turn the ``source`` argument of :func:`normalise` into a payload and a display name."""
from __future__ import annotations

import os
import re
import stat
import warnings
from pathlib import Path

from .errors import NormaliseError

MAX_INPUT = 64 * 1024 * 1024  # bytes (or characters) of one input: far past any article page
_TOO_BIG = (f"is larger than {MAX_INPUT // (1024 * 1024)} MB, more than any article page (normalising "
            f"takes ~15-25 bytes of memory per input byte): split it into its articles")


def _check_size(size: int, display: str) -> None:
    if size > MAX_INPUT:
        raise NormaliseError(f"{display}: {size / (1024 * 1024):,.0f} MB {_TOO_BIG}")


class Text(str):
    """Article text given as ``text=``: never looked up as a file name."""


REMOVAL = "0.3"  # the release in which a str stops being read as a file name


def choose_source(source: str | bytes | os.PathLike[str] | None, text: str | None, *, func: str,
                  stacklevel: int = 3) -> str | bytes | os.PathLike[str]:
    """What ``func(source)`` or ``func(text=…)`` reads: exactly one of the two.

    A ``Path`` (any ``os.PathLike``) is a file, ``bytes`` are the page, ``text=`` is article text.
    A positional ``str`` is article text too, except that, for now, a single-line ``str`` naming an
    existing file is read as that file with a ``DeprecationWarning`` (it stops in summarise 0.3).
    """
    if text is not None:
        if source is not None:
            raise TypeError(f"{func}() takes the article as its first argument or as text=, not both")
        if not isinstance(text, str):
            raise TypeError(f"{func}(text=…) takes a str, not {type(text).__name__}: pass a Path or bytes "
                            f"as the first argument")
        return Text(text)
    if source is None:
        raise TypeError(f"{func}() needs the article: a pathlib.Path, bytes, or the text itself")
    if isinstance(source, str) and not isinstance(source, Text) and _names_file(source):
        warnings.warn(
            f"{func}() was given a str that names a file ({source[:80]!r}): it is read as that file for now, "
            f"but from summarise {REMOVAL} a str is always article text. Pass pathlib.Path({source[:80]!r}) to "
            f"read the file, or text=... for text",
            DeprecationWarning, stacklevel=stacklevel)
        return Path(source)
    return source


def _names_file(source: str) -> bool:
    if "\n" in source or len(source) >= 1024 or not source.strip():
        return False
    try:
        return Path(source).exists()
    except (OSError, ValueError):
        return False


def read_source(source: str | bytes | os.PathLike[str], name: str | None = None) -> tuple[bytes | str, str]:
    """Return (payload, display name).

    PathLike → the file's bytes; bytes → themselves; str → the text itself (see
    :func:`choose_source` for the str that names a file), unless it looks like a path to a document
    (see :func:`looks_like_path`): that is an error ("no such file") rather than a one-line article.
    A :class:`Text` (``text=``) is always text.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        _check_size(memoryview(source).nbytes, name or "<bytes>")
        return bytes(source), name or "<bytes>"
    if isinstance(source, os.PathLike):
        return _read_file(Path(source), name)
    if isinstance(source, str):
        if not isinstance(source, Text) and "\n" not in source and looks_like_path(source):
            raise NormaliseError(f"{name or source}: no such file (to summarise this string as article text, "
                                 f"pass it as text=...)")
        _check_size(len(source), name or "<text>")
        return str(source), name or "<text>"
    raise TypeError(f"source must be a pathlib.Path, bytes or str, not {type(source).__name__}")


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
