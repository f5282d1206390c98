"""Remove pinyin annotations such as 當(dāng) by validating the syllable, never by a character list.

An annotation is one CJK character, "(", one lower-case pinyin syllable, ")".  The syllable is
valid when, with its tone mark removed (NFD), it is in the syllable inventory built from
pypinyin's dictionary.  Tone-marked annotations are always removed; toneless candidates such as
``(de)`` only once the same document has several tone-marked ones, or many toneless ones.
``(社区)``, ``(WTO)``, ``(café)``, ``(1)`` are never touched.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .offsets import Tracked

TONE_MARKS = frozenset("\u0300\u0301\u0304\u030c")  # grave, acute, macron, caron
MIN_TONED_FOR_TONELESS = 3
# Pages glossed without tone marks (国(guo)务(wu)院): so many toneless annotations after characters
# are an obfuscation on their own; a few ((de), (a) after a label) stay as written.
MIN_TONELESS_ALONE = 8
_SYL = r"[a-z\u00fc\u00e0-\u01dc\u0300-\u036f\u1e3f\u01f9]{1,7}"
# A candidate is a bracketed syllable; a chain is a run of adjacent candidates right after one CJK
# character.  A chain is handled as a whole so that removing one annotation never exposes
# another: the stage is idempotent.
_ITEM = re.compile(r"[(（](" + _SYL + r")[)）]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def strip_tone(syllable: str) -> tuple[str, bool]:
    """(syllable without tone mark, whether it had one); ü is kept."""
    nfd = unicodedata.normalize("NFD", syllable)
    bare = "".join(c for c in nfd if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", bare), len(bare) != len(nfd)


SYLLABLES_FILE = Path(__file__).resolve().parent.parent / "data" / "pinyin_syllables.txt"


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Toneless syllable inventory (with ü and v spellings), shipped as data: `derive_syllables()` of
    the installed pypinyin, written once (loading pypinyin's dictionaries for it takes longer than
    cleaning a hundred articles)."""
    return frozenset(SYLLABLES_FILE.read_text(encoding="utf-8").split())


def derive_syllables() -> frozenset[str]:
    """The inventory from pypinyin's character dictionary (tests check the shipped file against it;
    regenerate with: python -c "from summarise.normalise import pinyin; pinyin.write_syllables()")."""
    from pypinyin.pinyin_dict import pinyin_dict

    readings = {r.strip() for v in set(pinyin_dict.values()) for r in v.split(",")}
    out: set[str] = set()
    for r in readings:
        bare, _ = strip_tone(r)
        if bare:
            out.add(bare)
            out.add(bare.replace("ü", "v"))
    return frozenset(out)


def write_syllables() -> None:
    SYLLABLES_FILE.write_text("\n".join(sorted(derive_syllables())) + "\n", encoding="utf-8")


@lru_cache(maxsize=4096)
def classify(syllable: str) -> str | None:
    """'toned' / 'toneless' if ``syllable`` is a pinyin syllable, else None."""
    bare, toned = strip_tone(syllable)
    if bare not in syllables():
        return None
    return "toned" if toned else "toneless"


def remove_annotations(text: Tracked) -> tuple[Tracked, int]:
    """Delete every annotation; returns (text, number removed)."""
    toned, toneless = _annotations(text.text)
    glossed = len(toned) >= MIN_TONED_FOR_TONELESS or len(toneless) >= MIN_TONELESS_ALONE
    spans = toned + (toneless if glossed else [])
    if not spans:
        return text, 0
    spans.sort()
    return text.replace([(s, e, "") for s, e in spans]), len(spans)


def _annotations(s: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of the toned and of the toneless annotations: the leading run of valid syllables in
    every chain of candidates.

    One scan over all candidates: a candidate opens a chain right after a CJK character and
    continues the open chain when it starts where that one ends; the first invalid syllable closes
    the chain, so the candidates after it (adjacent to a bracket, not to a CJK character) are
    passed over.
    """
    toned: list[tuple[int, int]] = []
    toneless: list[tuple[int, int]] = []
    chain_end = -1  # where the open chain's next candidate would start (-1: no chain open)
    for m in _ITEM.finditer(s):
        start, end = m.span()
        if start != chain_end and not (start and _CJK.match(s, start - 1)):
            continue
        kind = classify(m.group(1))
        if kind is None:
            chain_end = -1
            continue
        (toned if kind == "toned" else toneless).append((start, end))
        chain_end = end
    return toned, toneless
