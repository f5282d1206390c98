"""The result type of :func:`summarise.normalise.normalise`."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

from .offsets import SpanMap


@dataclass(frozen=True)
class Document:
    """Clean simplified article text, page metadata and a map back to the original input."""

    text: str
    title: str | None
    published: str | None
    publisher: str | None
    script: Literal["simplified", "traditional"]
    encoding: str
    name: str
    original: str
    spans: SpanMap  # tuple-like: spans[i] == (start, end) in ``original`` for text[i]
    removed: dict[str, int] = field(default_factory=dict)
    kind: str = "text"  # input kind: "text" | "html" | "json" | "sql" | "markdown" | "js" | "code" | "php" | "feed"

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the page as decoded (``original``): a record's ``source.sha256``."""
        return hashlib.sha256(self.original.encode("utf-8", "surrogatepass")).hexdigest()

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Span in ``original`` covering text[start:end] (zero-width for an empty range)."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if n == 0:
            return (0, 0)
        if start == end:
            at = self.spans[start][0] if start < n else self.spans[n - 1][1]
            return (at, at)
        sl = self.spans[start:end]
        return (min(s for s, _ in sl), max(e for _, e in sl))
