"""Remove pinyin annotations such as 當(dāng) by validating the syllable, never by a character list.

An annotation is one CJK character, "(", one lower-case pinyin syllable, ")".  The syllable is
valid when, with its tone mark removed (NFD), it is in the syllable inventory built from
pypinyin's dictionary.  Tone-marked annotations are always removed; toneless candidates such as
``(de)`` only once the same document has several tone-marked ones.  ``(社区)``, ``(WTO)``,
``(café)``, ``(1)`` are never touched.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .offsets import Tracked

TONE_MARKS = frozenset("\u0300\u0301\u0304\u030c")  # grave, acute, macron, caron
MIN_TONED_FOR_TONELESS = 3
_SYL = r"[a-z\u00fc\u00e0-\u01dc\u0300-\u036f\u1e3f\u01f9]{1,7}"
_ITEM_RX = r"[(（]" + _SYL + r"[)）]"
# One CJK character followed by a chain of parenthesised candidates (the chain is handled as a
# whole so that removing one annotation never exposes another: the stage is idempotent).  The
# look-behind for the CJK character sits after the first bracket, so the scan skips to brackets.
_CANDIDATE = re.compile(r"[(（](?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][(（])" + _SYL + r"[)）](?:" + _ITEM_RX + r")*")
_ITEM = re.compile(r"[(（](" + _SYL + r")[)）]")


def strip_tone(syllable: str) -> tuple[str, bool]:
    """(syllable without tone mark, whether it had one); ü is kept."""
    nfd = unicodedata.normalize("NFD", syllable)
    bare = "".join(c for c in nfd if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", bare), len(bare) != len(nfd)


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Toneless syllable inventory (with ü and v spellings) from pypinyin's character dictionary."""
    from pypinyin.pinyin_dict import pinyin_dict

    readings = {r.strip() for v in set(pinyin_dict.values()) for r in v.split(",")}
    out: set[str] = set()
    for r in readings:
        bare, _ = strip_tone(r)
        if bare:
            out.add(bare)
            out.add(bare.replace("ü", "v"))
    return frozenset(out)


@lru_cache(maxsize=4096)
def classify(syllable: str) -> str | None:
    """'toned' / 'toneless' if ``syllable`` is a pinyin syllable, else None."""
    bare, toned = strip_tone(syllable)
    if bare not in syllables():
        return None
    return "toned" if toned else "toneless"


def remove_annotations(text: Tracked) -> tuple[Tracked, int]:
    """Delete every annotation; returns (text, number removed)."""
    toned: list[tuple[int, int]] = []
    toneless: list[tuple[int, int]] = []
    for chain in _CANDIDATE.finditer(text.text):
        base = chain.start()
        for m in _ITEM.finditer(chain.group(0)):
            kind = classify(m.group(1))
            if kind is None:
                break  # only the leading run of valid syllables is an annotation
            (toned if kind == "toned" else toneless).append((base + m.start(), base + m.end()))
    spans = toned + (toneless if len(toned) >= MIN_TONED_FOR_TONELESS else [])
    if not spans:
        return text, 0
    spans.sort()
    return text.replace((s, e, "") for s, e in spans), len(spans)
