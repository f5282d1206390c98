"""Repair GBK byte-shift damage ("?!" followed by mis-aligned double-byte pairs).

How the damage looks (NOTES.md §1): a full stop 。 became "?", the next 0xA1 lead byte lost its
high bit and became "!", and every following byte pair is read one byte off (producing kana,
private-use characters and odd hanzi) until an ASCII byte re-synchronises the decoder.  Undo it
by re-encoding the damaged run as GB18030, restoring the 0xA1 lead byte in front and decoding
again.  A repair is accepted only when its output is clean (no private-use, kana or U+FFFD).
"""
from __future__ import annotations

import re

from .offsets import Tracked

# "?!" after a hanzi, then the mis-aligned run (non-ASCII), then maybe one ASCII trail byte (the
# look-behind for the hanzi sits after the "?", so the scan skips to "?").
_DAMAGE = re.compile(r"\?(?<=[\u3400-\u9fff]\?)!([^\x00-\x7f]{0,400})([\x40-\x7e]?)")
_LOST_PAIR = re.compile(r"\?(?=/[A-Za-z]{1,10}>)")  # "?" that swallowed the "<" of a tag
_BAD = re.compile(r"[\ue000-\uf8ff\u3040-\u30ff\ufffd]")
_FULL_STOP = "。"


def is_clean(s: str) -> bool:
    """True when ``s`` has no private-use characters, kana or U+FFFD."""
    return _BAD.search(s) is None


def looks_damaged(run: str, after: str) -> bool:
    """Telltales of a shifted run: private-use/kana inside it, or a swallowed tag right after."""
    return bool(_BAD.search(run)) or (run == "" and _LOST_PAIR.match(after) is not None)


def repair_run(run: str, trail: str) -> tuple[str, bool] | None:
    """Decode 0xA1 + GB18030(run) [+ trail]; returns (text, used_trail) or None if not clean."""
    try:
        raw = b"\xa1" + run.encode("gb18030")
    except UnicodeEncodeError:
        return None
    for extra in ((trail.encode("ascii"),) if trail else ()) + (b"",):
        try:
            out = (raw + extra).decode("gb18030")
        except UnicodeDecodeError:
            continue
        if is_clean(out):
            return out, bool(extra)
    return None


def repair(text: Tracked) -> tuple[Tracked, int]:
    """Repair every damaged run whose repair is clean; returns (text, number of repairs)."""
    s = text.text
    if "?!" not in s:
        return text, 0
    edits: list[tuple[int, int, str]] = []
    for m in _DAMAGE.finditer(s):
        run, trail = m.group(1), m.group(2)
        after = s[m.end(1):m.end(1) + 16]
        if not looks_damaged(run, after):
            continue
        if run == "" and after.startswith("?"):
            # The 0xA1 lead byte's own trail byte was lost together with a "<": the character is
            # unknown; inside an open quotation it can only be the closing quote.
            para_start = s.rfind("\n", 0, m.start()) + 1
            para = s[para_start:m.start()]
            closing = "”" if para.count("“") > para.count("”") else ""
            edits.append((m.start(), m.end(1) + 1, _FULL_STOP + closing + "<"))
            continue
        fixed = repair_run(run, trail)
        if fixed is None:
            continue
        out, used_trail = fixed
        end = m.end(2) if used_trail else m.end(1)
        edits.append((m.start(), end, _FULL_STOP + out))
    if not edits:
        return text, 0
    return text.replace(edits), len(edits)
