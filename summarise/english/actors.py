"""Who holds or gives an event and where, in English: bodies, places, venues, institutions and
people (titled, honoured or named); None when a part has no English."""
from __future__ import annotations

import re

from summarise.english.glossary import _ALL_KINDS, _segment, _topic_bodies, glossary, translate, translate_title
from summarise.english.phrasing import _TRIM
from summarise.english.romanise import COMPOUND_SURNAMES, romanise, romanise_name, split_place

# Words that open a headline where an actor would stand and are no one's name.
_NOT_ACTORS = frozenset({"关于", "关注", "关心", "通知", "公告", "于是", "由于", "对于", "为了", "全面", "深入"})
_NESTED = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:自治区|自治州|自治县|省|市|州|县|区|镇|乡|街道|行政村|社区|村)")


def lookup_body(zh: str) -> str | None:
    """The glossary's body of that exact name (市政府, 区委), else None."""
    hit = glossary().get(zh)
    return hit[0] if hit and hit[1] in ("body", "level") else None


def _place(zh: str) -> str | None:
    """Where an event was held (…在武汉举行): the glossary, a venue, else a place name romanised as
    one word ("Wuhan", never a person's "Wu Han")."""
    from summarise.english.venues import translate_venue
    zh = zh.strip()
    if zh in _OWN_PLACES:
        return _OWN_PLACES[zh]
    out = _levels(zh) or translate(zh) or translate_venue(zh)
    if out is None and re.fullmatch(r"[\u4e00-\u9fff]{2,8}", zh):
        out = romanise(zh)
    return out


def _levels(zh: str) -> str | None:
    """A place written as its levels, each a name no body has (湖南省长沙市岳麓区 → "Yuelu District,
    Changsha City, Hunan Province"), smallest first; else None."""
    levels = _NESTED.findall(zh)
    if len(levels) > 1 and "".join(levels) == zh and all(lookup_body(x) is None for x in levels):
        return ", ".join(romanise(x) for x in reversed(levels))
    return None


def _named_place(zh: str) -> str | None:
    """A place said as a place (我校, 贵阳市, a venue, a glossary name); never a bare word romanised
    (在会上 is no place "Huishang")."""
    from summarise.english.venues import translate_venue
    if zh in _OWN_PLACES or split_place(zh) or lookup_place(zh):
        return _place(zh)
    return translate_venue(zh)


# The report's own place or body (在我校召开, 我市启动…), and the grass roots (深入基层) any report can reach.
_OWN = {"基层": "the grass roots", "我校": "the university", "我市": "the city", "我县": "the county", "我区": "the district"}
_OWN_PLACES = {**_OWN, "学校": "the school", "我院": "the institution", "我省": "the province", "我局": "the bureau"}


def lookup_place(zh: str) -> str | None:
    hit = glossary().get(zh)
    return hit[0] if hit and hit[1] == "place" else None


def _actor(zh: str) -> str | None:
    """A body, place or titled person that holds an event, in English (None when unknown)."""
    zh = re.sub(r"(?:应邀|受邀)$", "", zh.strip().strip(_TRIM))  # 王明应邀: who, not how they came
    if zh.endswith("同志") and len(zh) > 3:  # 党委书记董杰昌同志: the honorific is no part of the name
        zh = zh[:-2]
    if not zh:
        return None
    if zh in _OWN_PLACES:
        return _OWN_PLACES[zh]
    if (nested := _levels(zh)) is not None:  # 佛坪县石墩河镇: Shidunhe Town, Foping County
        return nested
    if (toks := _segment(zh, _ALL_KINDS)) and len(toks) == 2 and toks[0].kind == "term" and toks[1].kind == "body":
        # 党的二十大精神宣讲团: a body named for its topic ("Publicity Lecture Team on the spirit of …")
        return f"the {_topic_bodies(toks)[0].en}"
    out = translate(zh) or translate_title(zh)
    if out is None and split_place(zh) and re.fullmatch(r"[\u4e00-\u9fff]{2,8}", zh):
        out = romanise(zh)
    if out is None:  # a person: 李克强, 黄秉生教授, 校组织人事部长叶健芬 → "Ye Jianfen (Head of …)"
        from summarise.offline import lexicon  # the surnames and common words live with the extractor
        from summarise.offline.surnames import surname_length
        if (m := _HONORIFIC.fullmatch(zh)) and surname_length(m["s"]) == len(m["s"]) \
                and (len(m["s"]) == 1 or m["s"] in COMPOUND_SURNAMES):
            return f"{_HONORIFICS[m['h']]} {COMPOUND_SURNAMES.get(m['s']) or romanise_name(m['s'])}"  # 张教授
        if 2 <= len(zh) <= 3 and surname_length(zh) and zh[:2] not in glossary() and not lexicon.refuses(zh) \
                and zh not in _NOT_ACTORS:
            return romanise_name(zh)  # never a common word (关于 "about" is no Guan Yu)
        for k in (3, 2, 4):
            title, name = zh[:-k], zh[-k:]
            if title and (title_en := translate_title(title)) and surname_length(name):
                return f"{romanise_name(name)} ({title_en})"
            name, post = zh[:k], zh[k:]
            if post and (post_en := translate_title(post)) and surname_length(name):
                return f"{romanise_name(name)} ({post_en})"
    return out


# A surname and the post or calling it is addressed by (张教授, 李医生, 王书记): the person's name unknown
_HONORIFICS = {"教授": "Professor", "医生": "Dr", "大夫": "Dr", "博士": "Dr", "法官": "Judge", "书记": "Secretary",
               "老师": "Teacher", "院士": "Academician", "检察官": "Prosecutor"}
_HONORIFIC = re.compile(rf"(?P<s>[\u4e00-\u9fff]{{1,2}}?)(?P<h>{'|'.join(_HONORIFICS)})")


def _one_place(zh: str) -> bool:
    """A place said as one name: a proper part of at most two characters before its level, or one
    the glossary knows (吕梁兴县 is 吕梁 + 兴县, which no romanisation of the whole can say)."""
    levels = _NESTED.findall(zh)
    if len(levels) > 1 and "".join(levels) == zh:  # 湖南省长沙市岳麓区: each level's own name
        return all(_one_place(x) for x in levels)
    parts = split_place(zh)
    if parts is None:  # a bare name (纳溪), not a label (信息名称: "information title")
        return len(zh) <= 3 or lookup_place(zh) is not None
    return len(parts[0]) <= 2 or lookup_place(parts[0]) is not None


def _destination(zh: str) -> str | None:
    """Where someone goes to give a lecture: the report's own place, a named place or institution,
    a venue, a body."""
    zh = zh.strip(_TRIM)
    return _place_or_body(zh) or _institution(zh)


def _place_or_body(zh: str) -> str | None:
    """The report's own place, a named place or venue, a body of the glossary (where a visit goes)."""
    return _TO_OWN.get(zh) or _named_place(zh) or lookup_body(zh)


def _institution(zh: str) -> str | None:
    """A named institution or body (红星小学, 宁波华丰公司, 县人民医院) through the glossary's
    segmentation, ending in a body, else None."""
    from summarise.english.glossary import segment_owner
    toks = segment_owner(zh)
    return translate(zh) if toks and toks[-1].kind == "body" else None


def _at(where: str) -> str:
    """"at the university", "in Hongxing Village", "at Hongxing Primary School"."""
    if where.startswith("the ") and where.endswith("s"):
        return f"in {where}"  # in the towns, in the communities
    if where.startswith(_LEVEL_OPENINGS):
        return f"at the {where}"  # at the County Party Committee Party School
    if where.startswith("the ") or where.endswith(_INSTITUTION_WORDS):
        return f"at {where}"
    return f"in {where}"


# A body's English that opens with its level (County Party Committee …): no name, so "the"
_LEVEL_OPENINGS = ("Provincial ", "Municipal ", "County ", "District ", "Town ", "Township ", "Village ")
_INSTITUTION_WORDS = ("School", "University", "College", "Hospital", "Company", "Group", "Station", "Office",
                      "Center", "Centre", "Court", "Bureau", "Factory", "Kindergarten", "Institute")
# Where a visit or a lecture goes: the report's own places above, and its own kinds of place (企业, 农村).
_TO_OWN = {**_OWN, "校": "the university", "院": "the institution", "我镇": "the town", "企业": "enterprises",
           "乡镇": "the towns", "社区": "the communities", "农村": "the countryside"}


def _person(zh: str) -> str | None:
    """A named person, with or without a title (李克强, 县委书记王明), else None: a body does not
    "talk on" anything in a headline."""
    who = _actor(zh)
    return who if who and (" (" in who or re.fullmatch(r"[A-Z][a-z']+ [A-Z][a-z']+", who)) else None
