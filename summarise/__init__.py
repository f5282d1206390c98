"""summarise: grounded, bilingual records and briefing notes from Chinese government news.

    from pathlib import Path
    from summarise import extract
    record = extract(Path("article.html"))                # offline, no endpoint needed
    record = extract(text, model="qwen2.5-7b-instruct", base_url="http://127.0.0.1:8000/v1")  # str: text
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("summarise")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

from .errors import (
    ConfigurationError,
    EndpointError,
    ExtractionError,
    InputError,
    NoValidAnswerError,
    SummariseError,
    TransientEndpointError,
)
from .normalise import normalise  # the function; the subpackage stays importable
from .normalise.errors import NormaliseError
from .pipeline import aextract, extract
from .schemas import MeetingReport, OutOfScope, PolicyLecture, Record, load_record
from .settings import Settings

__all__ = [
    "ConfigurationError", "EndpointError", "ExtractionError", "InputError", "MeetingReport", "NoValidAnswerError",
    "NormaliseError", "OutOfScope", "PolicyLecture", "Record", "Settings", "SummariseError",
    "TransientEndpointError", "__version__", "aextract", "extract", "load_record", "normalise",
]
