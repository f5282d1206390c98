"""Glue to the shared English helpers (`summarise.english`): None whenever no faithful English exists."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from summarise.schemas import Bilingual

# Chinese characters: an English field never holds them (a name the romaniser cannot spell, such
# as a transliterated minority name 比沙拉·居麻拜, is left without English instead).
_CJK = re.compile(r"[\u3400-\u9fff]")
# A place name the romaniser may spell: 2–6 ideographs ending in a place suffix (小榄镇, 绩东二社区).
_PLACE_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}(?:省|市|县|区|镇|乡|村|街道|社区|自治区|自治州|自治县|新区|开发区)")


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
    except Exception:  # noqa: BLE001 - a helper failing on odd input must not cost the record
        return None
    return out if out and not _CJK.search(out) else None


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
    """A body, place or policy term through the glossary, else romanised when it is a proper name;
    the report's own place or body (我市, 我院) as what it is: "the city", "the institution"."""
    if (m := _DEICTIC.fullmatch(zh)) is not None:
        return Bilingual(zh=zh, en=f"the {_LEVELS[m[1]]}")
    return Bilingual(zh=zh, en=_call("translate_term", zh) or _call("translate", zh))


# The shared translator composes glossary entries: faithful for phrases, not for whole sentences.
MAX_PHRASE = 40


def text(zh: str) -> Bilingual:
    """Free text: English only for a phrase the glossary covers entirely; sentences stay untranslated."""
    return Bilingual(zh=zh, en=_call("translate", zh) if len(zh) <= MAX_PHRASE else None)


def place(zh: str) -> Bilingual:
    """A place or meeting format: glossary; a venue read as campus, building, floor and room
    (外科楼二楼报告厅 → "Lecture Hall, 2nd Floor, Surgical Building"); a place name with a suffix
    (小榄镇), or a bare one where the event was held (在贵阳召开: 贵阳), romanised; anything else
    stays untranslated."""
    if (m := _DEICTIC.fullmatch(zh)) is not None:  # 在我市召开: the city the report speaks from
        return Bilingual(zh=zh, en=f"the {_LEVELS[m[1]]}")
    # a venue before a phrase: 学术报告厅 is a lecture hall, not 学术 + 报告 + 厅 ("… Department")
    en = _call("translate_term", zh) or _call("translate_venue", zh) or _call("translate", zh)
    if en is None and (_PLACE_NAME.fullmatch(zh) or _BARE_PLACE.fullmatch(zh)):
        en = _call("romanise", zh)
    return Bilingual(zh=zh, en=en)


_LEVELS = {"省": "province", "市": "city", "县": "county", "区": "district", "镇": "town", "乡": "township",
           "村": "village", "校": "university", "院": "institution"}
_DEICTIC = re.compile(r"[我本该此](省|市|县|区|镇|乡|村|校|院)")
# A bare place name (贵阳, 运城): 2–3 ideographs none of which marks a common word of the slot
# (线上, 现场, 当地, 我市, 校内, 云端); a city such as 中山 or 上饶 is left untranslated, not guessed.
_BARE_PLACE = re.compile(r"(?:(?![上下内外中会线网场地云本当我校院室厅楼馆堂部处局委办])[\u4e00-\u9fff]){2,3}")


def headline(zh: str) -> Bilingual:
    """A headline through the genre's patterns (X召开Y会议 → "X holds …")."""
    return Bilingual(zh=zh, en=_call("translate_headline", zh))


def event(zh: str) -> Bilingual:
    """An event name: "<type> on <topic>", or the type alone marked as such."""
    return Bilingual(zh=zh, en=_call("translate_event", zh))


def group(zh: str) -> Bilingual:
    """A group of attendees, plural (相关部门负责人 → "heads of relevant departments")."""
    return Bilingual(zh=zh, en=_call("translate_group", zh))


def noun(zh: str) -> str | None:
    """What a count counts, plural (党员 → "Party members"), from the glossary's nouns."""
    return _call("lookup_noun", zh)
