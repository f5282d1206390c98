"""An in-process llama.cpp OpenAI-compatible server for a local GGUF model (optional extra `summarise[local]`)."""
from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from summarise.errors import ConfigurationError


def check_gguf(path: str | os.PathLike[str]) -> Path:
    """The model path, if it names a readable GGUF file; otherwise a clear error."""
    model = Path(path).expanduser()
    if not model.is_file():
        raise ConfigurationError(f"local model {str(model)!r} does not exist or is not a file")
    with model.open("rb") as f:
        magic = f.read(4)
    if magic != b"GGUF":
        raise ConfigurationError(f"local model {str(model)!r} is not a GGUF file (it starts with {magic!r})")
    return model


# llama.cpp's common log levels (common/log.h): 0 output, 1 error, 2 warning, 3 info (its default), 4 debug.
QUIET_VERBOSITY = 1


def llama_verbosity() -> int:
    """llama.cpp's log threshold: errors only unless SUMMARISE_LLAMA_VERBOSITY says otherwise (3 = info)."""
    raw = os.environ.get("SUMMARISE_LLAMA_VERBOSITY", "").strip()
    if not raw:
        return QUIET_VERBOSITY
    try:
        return int(raw)
    except ValueError:
        raise ConfigurationError(f"SUMMARISE_LLAMA_VERBOSITY must be an integer (1 errors, 2 warnings, 3 info, "
                              f"4 debug), not {raw!r}") from None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def local_server(path: str | os.PathLike[str], *, n_ctx: int = 8192, threads: int | None = None) -> Iterator[str]:
    """Run llama.cpp's server on 127.0.0.1 for the duration of the block; yields its base URL (…/v1)."""
    model = check_gguf(path)
    try:
        import xllamacpp
    except ImportError:
        raise ConfigurationError("local models need the optional extra: pip install 'summarise[local]'") from None
    params = xllamacpp.CommonParams()
    params.model.path = str(model)
    params.n_ctx = n_ctx
    params.n_parallel = 1
    params.cpuparams.n_threads = threads or max(1, os.cpu_count() or 1)
    params.hostnames = ["127.0.0.1"]
    params.port = _free_port()
    params.verbosity = llama_verbosity()  # llama.cpp logs hundreds of info lines on stderr by default
    server = xllamacpp.Server(params)
    try:
        yield f"http://127.0.0.1:{params.port}/v1"
    finally:
        del server
