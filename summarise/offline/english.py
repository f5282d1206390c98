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


def name_en(name: str) -> str | None:
    """Romanised personal name (surname first)."""
    return _call("romanise_name", name)


def title(zh: str) -> Bilingual:
    """A title or office through the glossary."""
    return Bilingual(zh=zh, en=_call("translate_title", zh))


def term(zh: str) -> Bilingual:
    """A body, place or policy term through the glossary, else romanised when it is a proper name."""
    return Bilingual(zh=zh, en=_call("translate_term", zh) or _call("translate", zh))


def text(zh: str) -> Bilingual:
    """Free text: English only when the helper has a faithful translation."""
    return Bilingual(zh=zh, en=_call("translate", zh))


def place(zh: str) -> Bilingual:
    """A place or meeting format: glossary, else romanised."""
    return Bilingual(zh=zh, en=_call("translate_term", zh) or _call("romanise", zh))
