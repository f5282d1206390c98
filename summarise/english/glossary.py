"""Glossary-driven English for titles, government bodies, meeting types and policy terms.

The glossary (``summarise/data/glossary.tsv``: zh, en, category) is loaded once. Titles are
translated compositionally: a title is segmented (minimum-cost, whole string) into places,
administrative levels, bodies and one final role, then rendered as "<Role> of the <Body> of the
<Outer body>". Anything that cannot be segmented completely returns None: no half-translations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from summarise.english.romanise import PLACE_SUFFIXES, pinyin_word, split_place

__all__ = ["glossary", "lookup", "lookup_noun", "translate_term", "translate_title", "translate"]

_LEVEL_START = "省市县区镇乡村"
_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "a"}


@lru_cache(maxsize=1)
def _entries() -> list[tuple[str, str, str]]:
    text = resources.files("summarise").joinpath("data/glossary.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, en, cat = line.split("\t")[:3]
        out.append((zh.strip(), en.strip(), cat.strip()))
    return out


@lru_cache(maxsize=1)
def nouns() -> dict[str, str]:
    """zh → plural English of the nouns figures count (category `noun`, kept apart from the phrase
    glossary: 村 is "Village" in a title and "villages" after a count)."""
    return {zh: en for zh, en, cat in _entries() if cat == "noun"}


@lru_cache(maxsize=1)
def measures() -> dict[str, tuple[str, str]]:
    """zh → (English, category) of what an amount or a rate measures (category `money`: 专项资金 →
    "special funds"; `rate`: 增长 → "growth"), kept apart from the phrase glossary."""
    return {zh: (en, cat) for zh, en, cat in _entries() if cat in ("money", "rate")}


@lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, str]]:
    """zh → (en, category), with 副 forms generated for roles that lack an explicit entry."""
    table: dict[str, tuple[str, str]] = {}
    for zh, en, cat in _entries():
        if cat not in ("noun", "money", "rate"):
            table[zh] = (en, cat)
    for zh, (en, cat) in list(table.items()):
        if cat == "role" and not zh.startswith("副") and "副" + zh not in table:
            table["副" + zh] = ("Deputy " + en, "role")
    return table


@lru_cache(maxsize=1)
def _max_len() -> int:
    return max(map(len, glossary()))


def lookup(zh: str, category: str | None = None) -> str | None:
    """English for an exact glossary entry (optionally of one category), else None."""
    hit = glossary().get(zh)
    if hit is None or (category is not None and hit[1] != category):
        return None
    return hit[0]


def lookup_noun(zh: str) -> str | None:
    """The plural English of a noun a count counts (党员 → "Party members"), or None."""
    return nouns().get(zh)


def translate_term(zh: str) -> str | None:
    """A body, title or policy term from the glossary: 工改 → "industrial-park renovation (gong gai)"."""
    return lookup(zh.strip().strip("“”‘’\"'「」『』"))


@dataclass(frozen=True)
class _Tok:
    kind: str  # glossary category, or "proper" (place with suffix), "name" (bare proper name), "year"
    zh: str
    en: str
    proper: str = ""  # romanised proper part of a place ("Foshan" for 佛山市)


_YEAR = re.compile(r"(\d{4})年(?:度)?")
# Words and characters a place's proper name does not hold (青海全省 is 青海 + 全省, not 青海全 + 省).
_NOT_PROPER = re.compile(r"召开|举行|举办|全$|[的在和与及暨]")
_IGNORABLE = "“”‘’\"「」『』《》 "


def _candidates(s: str, i: int, kinds: frozenset[str]) -> list[tuple[int, _Tok, int]]:
    """(cost, token, end) for every token that can start at ``s[i]``."""
    out: list[tuple[int, _Tok, int]] = []
    gl = glossary()
    for j in range(min(len(s), i + _max_len()), i, -1):
        hit = gl.get(s[i:j])
        if hit and hit[1] in kinds:
            en, cat = hit
            out.append((1, _Tok(cat, s[i:j], en, en if cat == "place" else ""), j))
    if "year" in kinds and (m := _YEAR.match(s, i)):
        out.append((1, _Tok("year", m.group(), m.group(1)), m.end()))
    if "proper" in kinds:
        for j in range(i + 2, min(len(s), i + 9) + 1):
            parts = split_place(s[i:j])
            if parts and 1 <= len(parts[0]) <= 5 and re.fullmatch(r"[\u4e00-\u9fff]+", parts[0]) \
                    and not _NOT_PROPER.search(parts[0]):
                known = lookup(parts[0], "place")
                proper = known or pinyin_word(parts[0]).capitalize()
                # a known place with its suffix (青海省) is one token, cheaper than place + level
                out.append((1 if known else 3, _Tok("proper", s[i:j], f"{proper} {PLACE_SUFFIXES[parts[1]]}", proper), j))
        for j in range(i + 2, min(len(s), i + 4) + 1):  # 武汉 in 武汉市委: a bare name before a level body
            nxt = s[j:j + 2]
            if nxt and nxt[0] in _LEVEL_START and any(
                    gl.get(s[j:k], ("", ""))[1] == "body" for k in range(j + 2, min(len(s), j + 6) + 1)) \
                    and re.fullmatch(r"[\u4e00-\u9fff]+", s[i:j]):
                proper = lookup(s[i:j], "place") or pinyin_word(s[i:j]).capitalize()
                out.append((4, _Tok("name", s[i:j], proper, proper), j))
    return out


def _segment(s: str, kinds: frozenset[str]) -> list[_Tok] | None:
    """Minimum-cost segmentation of the whole of ``s`` into tokens of ``kinds``; None if impossible."""
    n = len(s)
    best: list[tuple[int, list[_Tok]] | None] = [None] * (n + 1)
    best[0] = (0, [])
    for i in range(n):
        if best[i] is None:
            continue
        cost_i, toks_i = best[i]
        if s[i] in _IGNORABLE:
            if best[i + 1] is None or best[i + 1][0] > cost_i:
                best[i + 1] = (cost_i, toks_i)
            continue
        for cost, tok, j in _candidates(s, i, kinds):
            if best[j] is None or best[j][0] > cost_i + cost:
                best[j] = (cost_i + cost, toks_i + [tok])
    return best[n][1] if best[n] else None


_TITLE_KINDS = frozenset({"role", "body", "level", "place", "proper"})


def _title_part(zh: str) -> str | None:
    toks = _segment(zh, _TITLE_KINDS)
    if not toks or toks[-1].kind != "role" or any(t.kind == "role" for t in toks[:-1]):
        return None
    role, segments, mods = toks[-1].en, [], []
    for t in toks[:-1]:
        if t.kind == "body":
            segments.append(" ".join(mods + [t.en]))
            mods = []
        elif t.kind in ("proper", "name", "place"):
            mods.append(t.proper or t.en)
        else:
            mods.append(t.en)
    if mods:  # modifiers with no body after them: 青海省副省长, 镇党委书记, 绩东二社区党委书记
        if len(mods) == 1 and toks[-2].kind in ("proper", "place"):
            segments.append("")
            trailing = f" of {toks[-2].en}"
        elif all(t.kind == "level" for t in toks[:-1][-len(mods):]):
            role = " ".join(mods) + " " + role
            trailing = ""
            segments.append("")
        else:
            return None
    else:
        trailing = ""
    chain = [s for s in reversed(segments) if s]
    return role + "".join(f" of the {s}" for s in chain) + trailing


def translate_title(zh: str) -> str | None:
    """A post such as 镇党委副书记 → "Deputy Secretary of the Town Party Committee"; titles joined
    by 、 or 兼 become "… and …". None unless every part translates."""
    parts = [p for p in re.split(r"[、，,/兼]", zh.strip()) if p]
    if not parts:
        return None
    out = [_title_part(p) for p in parts]
    if any(o is None for o in out):
        return None
    for k in range(1, len(out)):  # 数据局党组副书记、副局长: the second post is the bureau's too
        org = _PARTY_GROUP_OF.search(out[k - 1])  # type: ignore[arg-type]
        if org and glossary().get(parts[k], ("", ""))[1] == "role" and " of " not in out[k]:  # type: ignore[operator]
            out[k] = f"{out[k]} of {org.group(1)}"
    return out[0] if len(out) == 1 else ", ".join(out[:-1]) + " and " + out[-1]  # type: ignore[arg-type]


# A post in the leading Party group of an organ: the organ a bare post after it belongs to.
_PARTY_GROUP_OF = re.compile(r" of the Leading Party Group of (the .+)$")


_ALL_KINDS = frozenset({"role", "body", "level", "place", "proper", "name", "year", "term", "meeting",
                        "action", "word"})


def _title_case(words: str) -> str:
    return " ".join(w if (w in _SMALL_WORDS and k) or not w[:1].isalpha() else w[:1].upper() + w[1:]
                    for k, w in enumerate(words.split()))


def translate(zh: str) -> str | None:
    """Best-effort English for a short phrase (event names, bodies) from glossary entries,
    romanised place names and years, in source order; None if any part is unknown."""
    zh = zh.strip()
    if not zh:
        return None
    if (hit := translate_term(zh)) is not None:
        return hit
    if (title := translate_title(zh)) is not None:
        return title
    toks = _segment(zh, _ALL_KINDS)
    if not toks:
        return None
    # "the spirit of …" starts a phrase on its own; inside one (全国两会精神) the article goes
    text = " ".join(t.en if k == 0 or toks[k - 1].kind == "action" or not t.en.startswith("the ") else t.en[4:]
                    for k, t in enumerate(toks))
    return _title_case(text) if toks[-1].kind in ("meeting", "body") else text
