"""Turn the ``source`` argument of :func:`normalise` into a payload and a display name."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import NormaliseError


def read_source(source: str | bytes | os.PathLike[str], name: str | None = None) -> tuple[bytes | str, str]:
    """Return (payload, display name).

    PathLike → the file's bytes; bytes → themselves; str → a file path when it has no newline,
    is shorter than 1024 characters and names an existing file, otherwise the text itself.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), name or "<bytes>"
    if isinstance(source, os.PathLike):
        return _read_file(Path(source), name)
    if isinstance(source, str):
        if "\n" not in source and len(source) < 1024 and source.strip():
            try:
                path = Path(source)
                if path.is_file():
                    return _read_file(path, name)
            except (OSError, ValueError):
                pass
        return source, name or "<text>"
    raise TypeError(f"source must be str, bytes or os.PathLike, not {type(source).__name__}")


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
