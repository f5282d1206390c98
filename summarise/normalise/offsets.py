"""Tracked text: a string plus, for every character, its [start, end) span in the original.

Every stage edits a :class:`Tracked` through :meth:`Tracked.replace` / :meth:`Tracked.sub`, so the
map from cleaned text back to the original input comes for free.  Spans are stored in two
``array(SPAN)`` columns of 32-bit offsets (8 bytes a character for both), so a 20 MB input stays
cheap; inputs are refused past `MAX_INPUT` (read.py), far inside their range.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate
from typing import overload

Edit = tuple[int, int, str]
SPAN = "i"  # array typecode of a span offset: 32-bit

_COUNTER_MAX = 1 << 20  # cache 0, 1, 2, … up to here (4 MB); longer identity spans are built directly
_counter = array(SPAN)


def counting(start: int, stop: int) -> array:
    """``array(SPAN, range(start, stop))``, sliced from a cached counter (a memcpy, not a Python loop)."""
    global _counter
    if start < 0 or stop > _COUNTER_MAX:
        return array(SPAN, range(start, stop))
    counter = _counter  # a local reference: another thread may swap in a new counter meanwhile
    if stop > len(counter):
        counter = array(SPAN, range(min(_COUNTER_MAX, max(stop, 2 * len(counter), 1 << 16))))
        _counter = counter
    return counter[start:stop]


def line_starts(lines: list[str]) -> list[int]:
    """Where each of ``lines`` starts in ``"\\n".join(lines)``."""
    return list(accumulate((len(ln) + 1 for ln in lines[:-1]), initial=0))


def _concat(pieces: list[memoryview | array]) -> array:
    """One ``array(SPAN)`` holding the pieces one after another (a single copy)."""
    out = array(SPAN)
    out.frombytes(b"".join(pieces))
    return out


class Tracked:
    """Immutable text with per-character source spans."""

    __slots__ = ("ends", "starts", "text")

    def __init__(self, text: str, starts: array, ends: array) -> None:
        if not (len(text) == len(starts) == len(ends)):
            raise ValueError("text and span columns differ in length")
        self.text = text
        self.starts = starts
        self.ends = ends

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def identity(cls, text: str, offset: int = 0) -> Tracked:
        """Text that *is* the original (or a slice of it starting at ``offset``)."""
        n = len(text)
        return cls(text, counting(offset, offset + n), counting(offset + 1, offset + n + 1))

    @classmethod
    def synthetic(cls, text: str, at: int) -> Tracked:
        """Inserted text with no source: every char maps to the zero-width span (at, at)."""
        n = len(text)
        return cls(text, array(SPAN, [at]) * n, array(SPAN, [at]) * n)

    @classmethod
    def join(cls, parts: Iterable[Tracked], sep: str = "") -> Tracked:
        """Concatenate; each separator char maps zero-width to the end of the part before it."""
        texts: list[str] = []
        starts = array(SPAN)
        ends = array(SPAN)
        first = True
        for part in parts:
            if not first and sep:
                at = ends[-1] if len(ends) else (part.starts[0] if len(part) else 0)
                texts.append(sep)
                starts.extend(array(SPAN, [at]) * len(sep))
                ends.extend(array(SPAN, [at]) * len(sep))
            first = False
            texts.append(part.text)
            starts.extend(part.starts)
            ends.extend(part.ends)
        return cls("".join(texts), starts, ends)

    # -- access -------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Tracked({self.text[:40]!r}{'…' if len(self.text) > 40 else ''}, n={len(self.text)})"

    def __getitem__(self, item: slice) -> Tracked:
        if not isinstance(item, slice) or item.step not in (None, 1):
            raise TypeError("Tracked supports contiguous slices only")
        return Tracked(self.text[item], self.starts[item], self.ends[item])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering text[start:end] (zero-width at the boundary if empty)."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if start == end:
            if n == 0:
                return (0, 0)
            at = self.starts[start] if start < n else self.ends[n - 1]
            return (at, at)
        return (min(self.starts[start:end]), max(self.ends[start:end]))

    # -- editing ------------------------------------------------------------------------------
    def replace(self, edits: Iterable[Edit]) -> Tracked:
        """Apply non-overlapping (start, end, new_text) edits given in ascending order.

        Same-length replacements map character by character; otherwise every new character
        maps to the whole replaced span; a pure insertion maps zero-width to where it sits.
        """
        text = self.text
        n = len(text)
        starts, ends = memoryview(self.starts), memoryview(self.ends)
        out_t: list[str] = []
        out_s: list[memoryview | array] = []  # span pieces, copied once at the end
        out_e: list[memoryview | array] = []
        pos = 0
        for start, end, new in edits:
            if start < pos or end < start or end > n:
                raise ValueError(f"bad edit ({start}, {end}) after position {pos}")
            out_t.append(text[pos:start])
            out_s.append(starts[pos:start])
            out_e.append(ends[pos:start])
            k = len(new)
            if k:
                out_t.append(new)
                if k == end - start:
                    out_s.append(starts[start:end])
                    out_e.append(ends[start:end])
                elif end > start:
                    out_s.append(array(SPAN, [min(starts[start:end])]) * k)
                    out_e.append(array(SPAN, [max(ends[start:end])]) * k)
                else:
                    at = starts[start] if start < n else (ends[n - 1] if n else 0)
                    out_s.append(array(SPAN, [at]) * k)
                    out_e.append(array(SPAN, [at]) * k)
            pos = end
        out_t.append(text[pos:])
        out_s.append(starts[pos:])
        out_e.append(ends[pos:])
        return Tracked("".join(out_t), _concat(out_s), _concat(out_e))

    def sub(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str | None]) -> tuple[Tracked, int]:
        """Regex substitution that keeps spans; a callable returning None leaves the match alone."""
        edits: list[Edit]
        if isinstance(repl, str):
            edits = [(m.start(), m.end(), repl) for m in pattern.finditer(self.text) if m.group() != repl]
        else:
            edits = []
            for m in pattern.finditer(self.text):
                new = repl(m)
                if new is not None and new != m.group():
                    edits.append((m.start(), m.end(), new))
        if not edits:
            return self, 0
        return self.replace(edits), len(edits)

    def lines(self) -> list[Tracked]:
        """Split on "\\n" (the newline characters themselves are dropped)."""
        out: list[Tracked] = []
        pos = 0
        text = self.text
        while True:
            j = text.find("\n", pos)
            if j < 0:
                out.append(self[pos:])
                return out
            out.append(self[pos:j])
            pos = j + 1


class SpanMap(Sequence[tuple[int, int]]):
    """Read-only, tuple-like view of per-character spans (``spans[i] == (start, end)``)."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, starts: array, ends: array) -> None:
        self._starts = starts
        self._ends = ends

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, i: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[tuple[int, int], ...]: ...
    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, slice):
            return tuple(zip(self._starts[i], self._ends[i]))
        return (self._starts[i], self._ends[i])

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self._starts, self._ends)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpanMap):
            return self._starts == other._starts and self._ends == other._ends
        if isinstance(other, Sequence):
            return len(other) == len(self) and all(a == tuple(b) for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        head = ", ".join(map(str, self[:3]))
        return f"SpanMap([{head}{', …' if len(self) > 3 else ''}], n={len(self)})"
