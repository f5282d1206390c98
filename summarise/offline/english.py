"""Glue to the shared English helpers (`summarise.english`): None whenever no faithful English exists."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from summarise.schemas import Bilingual


def _helper(name: str) -> Callable[[str], str | None] | None:
    try:
        from summarise import english
    except ImportError:  # pragma: no cover - the package ships with summarise
        return None
    return getattr(english, name, None)


@lru_cache(maxsize=4096)
def _call(name: str, zh: str) -> str | None:
    fn = _helper(name)
    if fn is None or not zh:
        return None
    try:
        out = fn(zh)
    except Exception:  # a helper failing on odd input must not cost the record
        return None
    return out or None


def clear_cache() -> None:
    """Forget memoised translations (benchmarks)."""
    _call.cache_clear()


def name_en(name: str) -> str | None:
    """Romanised personal name (surname first)."""
    return _call("romanise_name", name)


def title(zh: str) -> Bilingual:
    """A title or office through the glossary."""
    return Bilingual(zh=zh, en=_call("translate_title", zh))


def term(zh: str) -> Bilingual:
    """A body, place or policy term through the glossary, else romanised when it is a proper name."""
    return Bilingual(zh=zh, en=_call("translate_term", zh) or _call("translate", zh))


# The shared translator composes glossary entries: faithful for phrases, not for whole sentences.
MAX_PHRASE = 40


def text(zh: str) -> Bilingual:
    """Free text: English only for a phrase the glossary covers entirely; sentences stay untranslated."""
    return Bilingual(zh=zh, en=_call("translate", zh) if len(zh) <= MAX_PHRASE else None)


def place(zh: str) -> Bilingual:
    """A place or meeting format: glossary, else romanised."""
    return Bilingual(zh=zh, en=_call("translate_term", zh) or _call("romanise", zh))
