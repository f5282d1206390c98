"""Width and whitespace: fullwidth digits/letters/percent → ASCII, odd spaces → " ", tidy lines.

Chinese punctuation (，。“”、：；！？（）) is content and stays as it is; ASCII punctuation the
page used stays too (seed 000 writes "8月1日," with an ASCII comma).
"""
from __future__ import annotations

import re

from .offsets import Tracked

_FULLWIDTH = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05]|(?<=[0-9\uff10-\uff19])\uff0e(?=[0-9\uff10-\uff19])")
_FULLWIDTH_ANY = re.compile(r"[\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")  # in every _FULLWIDTH match
_ODD_SPACE = re.compile(r"[\t\x0b\x0c\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_NEWLINE_ANY = re.compile(r"[\r\u2028\u2029\x85]")  # in every _NEWLINES match
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# any character the four patterns above touch: a text without one is left as it is (one scan, not four)
_SPACE_ANY = re.compile(r"[\r\u2028\u2029\x85\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f"
                        r"\t\x0b\x0c\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUN = re.compile(r" {2,}")
_EDGE_SPACE = re.compile(r"^ +| +$", re.M)
_BLANK_LINES = re.compile(r"\n{2,}")


def _narrow(m: re.Match[str]) -> str:
    return chr(ord(m.group(0)) - 0xFEE0)


def normalise_width(text: Tracked) -> tuple[Tracked, int]:
    """Fullwidth digits, Latin letters and % (and a fullwidth point between digits) → ASCII."""
    if _FULLWIDTH_ANY.search(text.text) is None:  # a fast scan; _FULLWIDTH has no first-character skip
        return text, 0
    return text.sub(_FULLWIDTH, _narrow)


def normalise_spaces(text: Tracked) -> Tracked:
    """Unify line breaks, turn odd spaces into " ", drop invisible and control characters."""
    if _SPACE_ANY.search(text.text) is None:
        return text
    if _NEWLINE_ANY.search(text.text) is not None:  # a fast scan; _NEWLINES has no first-character skip
        text, _ = text.sub(_NEWLINES, "\n")
    text, _ = text.sub(_INVISIBLE, "")
    text, _ = text.sub(_CONTROL, "")
    text, _ = text.sub(_ODD_SPACE, " ")
    return text


def _has_edge_space(s: str) -> bool:
    """Whether :data:`_EDGE_SPACE` can match: a space at the start or end of ``s`` or of a line."""
    return s.startswith(" ") or s.endswith(" ") or "\n " in s or " \n" in s


def tidy(text: Tracked) -> Tracked:
    """Collapse space runs, strip line edges, separate paragraphs by a single "\\n"."""
    text = normalise_spaces(text)
    if "  " in text.text:
        text, _ = text.sub(_SPACE_RUN, " ")
    if _has_edge_space(text.text):
        text, _ = text.sub(_EDGE_SPACE, "")
    if "\n\n" in text.text:
        text, _ = text.sub(_BLANK_LINES, "\n")
    s = text.text
    lead = len(s) - len(s.lstrip("\n"))
    trail = len(s.rstrip("\n"))
    return text[lead:max(lead, trail)]


_BRACKET_BREAK = re.compile(r"([（(])[^（）()\n]{0,40}?(\n[ \t\n]*)(?=[^（）()\n]{0,40}[）)])")
_CLOSE = {"（": "）", "(": ")"}


def join_bracket_breaks(text: Tracked) -> tuple[Tracked, int]:
    """Join lines broken inside a short bracket: ``（记者 王某\\n\\n摄影报道）5月6日`` → one line.

    Mirrors and editors sometimes put a paragraph break inside a byline's parentheses; a line
    break never belongs inside a bracket of ≤ 40 characters, so the break is removed (a space
    is kept between two ASCII characters).
    """
    s = text.text
    edits = []
    for m in _BRACKET_BREAK.finditer(s):
        a, b = m.span(2)
        after = s.find(_CLOSE[m.group(1)], b, b + 41)
        if after < 0 or "\n" in s[b:after]:
            continue
        before_c, after_c = s[a - 1], s[b] if b < len(s) else ""
        edits.append((a, b, " " if before_c.isascii() and after_c.isascii() else ""))
    if not edits:
        return text, 0
    return text.replace(edits), len(edits)
