"""summarise: grounded, bilingual records and briefing notes from Chinese government news.

    from pathlib import Path
    from summarise import extract
    record = extract(Path("article.html"))                # offline, no endpoint needed
    record = extract(text, model="qwen2.5-7b-instruct", base_url="http://127.0.0.1:8000/v1")  # str: text
"""
from __future__ import annotations

import sys
import types
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    ConfigurationError,
    EndpointError,
    ExtractionError,
    InputError,
    NoValidAnswerError,
    SummariseError,
    TransientEndpointError,
)

if TYPE_CHECKING:
    __version__: str
    from .extract.record import aextract, extract
    from .normalise import normalise
    from .normalise.errors import NormaliseError
    from .schemas import MeetingReport, OutOfScope, PolicyLecture, Record, load_record
    from .settings import Settings

# Loaded on first use, so `import summarise` and `summarise --help` do not pay for the extractors,
# pydantic's models or the parsers' tables.
_LAZY = {
    "Settings": ".settings", "NormaliseError": ".normalise.errors", "aextract": ".extract.record",
    "MeetingReport": ".schemas", "OutOfScope": ".schemas", "PolicyLecture": ".schemas", "Record": ".schemas",
    "load_record": ".schemas",
}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("summarise")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0.0.0+source"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()[name] = value = _version()
        return value
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(where, __name__), name)
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """`summarise.normalise` and `summarise.extract` are the functions (the public API) although subpackages
    have those names: the import system's binding of a subpackage to the attribute is set aside (the
    subpackage stays in sys.modules, so `from summarise.extract.llm import …` works as usual)."""

    @property
    def normalise(self) -> Any:
        return import_module(".normalise", __name__).normalise

    @normalise.setter
    def normalise(self, module: Any) -> None:
        pass

    @property
    def extract(self) -> Any:
        return import_module(".extract.record", __name__).extract

    @extract.setter
    def extract(self, module: Any) -> None:
        pass


sys.modules[__name__].__class__ = _Package

__all__ = [
    "ConfigurationError", "EndpointError", "ExtractionError", "InputError", "MeetingReport", "NoValidAnswerError",
    "NormaliseError", "OutOfScope", "PolicyLecture", "Record", "Settings", "SummariseError",
    "TransientEndpointError", "__version__", "aextract", "extract", "load_record", "normalise",
]
