"""Common words the name finder must not take for a name (summarise/data/common_words.txt).

A name is bounded by a surname, so a word that opens with a surname character (郑重 "solemnly",
方面), a word whose last character is one (有关副秘书长, 成员国一道) and a function word after a
surname (国一道) all look like names to the frames. The lists, derived from a general dictionary
(benchmarks/common_words.py), say which they are.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .surnames import surname_length

_FILE = Path(__file__).resolve().parent.parent / "data" / "common_words.txt"


@lru_cache(maxsize=1)
def sections() -> dict[str, frozenset[str]]:
    """The file's sections: ``word``, ``left``, ``given`` and ``across``."""
    out: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in _FILE.read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = out.setdefault(line.strip("[]"), set())
        elif current is not None:
            current.update(line.split())
    return {k: frozenset(v) for k, v in out.items()}


def refuses(name: str) -> bool:
    """`name` is a common word, not a person: a two-character word that opens with a surname
    (郑重, 方面), or a surname followed by a function word (国一道, 关以及)."""
    return (len(name) == 2 and name in sections()["word"]) or given_is_word(name)


def given_is_word(name: str) -> bool:
    """What follows the surname is a function word or a very common one, never a given name (国一道,
    向大家, 区政协)."""
    s = surname_length(name, weak=True) or 1
    return len(name) - s == 2 and name[s:] in sections()["given"]


def cuts_word(text: str, end: int) -> bool:
    """A name ending at `end` would cut a very common word in two: its last character and the next
    one are that word (委员谈工作: 谈工 + 作)."""
    return 0 < end < len(text) and text[end - 1:end + 1] in sections()["across"]


def left_words_ending(text: str, pos: int) -> list[int]:
    """Starts of the common words that end with text[pos] and start before it (有关 for 关 at pos)."""
    left = sections()["left"]
    return [pos - k for k in (2, 1) if pos - k >= 0 and text[pos - k:pos + 1] in left]
