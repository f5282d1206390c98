"""English for event names, headlines and attendee groups, composed from the glossary with the
genre's patterns — never a word the glossary does not give.

- An event name is "<type> on <topic>" when its last part is a meeting type (学习贯彻…精神动员大会 →
  "Mobilisation Meeting on Studying and Implementing …"), the glossary's reading in source order
  otherwise; when the topic cannot be translated, the type alone, marked: "Mobilisation meeting
  (full name not translated)".
- A headline is read through the genre's patterns: X召开/举行/举办Y ("X holds Y"), Y在Z召开/举行
  ("Y held in Z"), X作…报告/讲座 ("X gives …"), X为…上党课, X宣讲…, X到Y调研 ("X visits Y on a
  research visit"), 宣讲进村 ("Publicity lectures reach the villages"); None when none fits.
- A group (相关部门负责人, 各镇街书记) is plural: "heads of relevant departments", "town secretaries".
"""
from __future__ import annotations

import re
from functools import lru_cache

from summarise.english.glossary import (
    _ALL_KINDS,
    _ENLARGED,
    _segment,
    _title_case,
    _topic_bodies,
    glossary,
    lookup,
    lookup_noun,
    translate,
    translate_title,
)
from summarise.english.romanise import COMPOUND_SURNAMES, romanise, romanise_name, split_place
from summarise.parse.numbers import cn_numeral

__all__ = ["event_type", "translate_event", "translate_group", "translate_headline"]

NOT_TRANSLATED = "(full name not translated)"
_TRIM = "“”‘’\"「」『』《》 \u3000"


@lru_cache(maxsize=1)
def _types() -> list[tuple[str, str]]:
    """(zh, en) of the glossary's meeting types, longest first."""
    return sorted(((zh, en) for zh, (en, cat) in glossary().items() if cat == "meeting"), key=lambda t: -len(t[0]))


def event_type(zh: str) -> tuple[str, str] | None:
    """The meeting type an event name ends with (动员大会 → mobilisation meeting), or None."""
    core = re.sub(r"[（(][^）)]{0,6}[)）]$", "", zh.strip().rstrip(_TRIM))
    core = re.sub(r"第(?:[0-9]{1,4}|[一二三四五六七八九十百零]{1,5})(?:期|讲|场)$", "", core)  # 大讲堂第三期
    for t_zh, t_en in _types():
        if core.endswith(t_zh):
            return t_zh, t_en
    return None


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def translate_event(zh: str) -> str | None:
    """English for an event name; the type alone, marked, when the rest has no translation."""
    zh = _ENLARGED.sub("扩大", zh.strip().strip(_TRIM))
    if not zh:
        return None
    if (split := _topic_then_body(zh)) is not None:
        return split
    if (joined := _joined_events(zh)) is not None:
        return joined
    if (m := _ISSUE.match(zh)) and (n := _count(m["n"])) and event_type(m["e"]):
        event = translate_event(m["e"])  # 理论大讲堂第三讲: the series, then which of it
        return f"{event} (No. {n})" if event and NOT_TRANSLATED not in event else None
    if (m := _TERM_SESSION.match(zh)) and (numbered := _numbered_meeting(m)) is not None:
        return numbered
    toks = _segment(zh, _ALL_KINDS)
    if toks and toks[-1].kind == "meeting" and (held := _holder_then_action(toks)) is not None:
        return held
    if toks and toks[-1].kind == "meeting" and (topic := _named_topic(toks)) is not None:
        return topic
    if toks and toks[-1].kind == "meeting" and any(t.kind == "action" for t in toks[:-1]):
        head = " ".join(t.en if k == 0 or toks[k - 1].kind == "action" or not t.en.startswith("the ") else t.en[4:]
                        for k, t in enumerate(toks[:-1]))
        return f"{_cap(toks[-1].en)} on {head}"
    kind = event_type(zh)
    if kind and (who := _group_before(zh[:-len(kind[0])])) is not None:
        return f"{_cap(kind[1])} {'with' if kind[0] == '座谈会' else 'of'} {who}"  # 企业家代表座谈会
    full = translate(zh)
    if full is not None:
        return full
    return f"{_cap(kind[1])} {NOT_TRANSLATED}" if kind else None


_ISSUE = re.compile(r"^(?P<e>.{2,40}?)第(?P<n>[0-9]{1,4}|[一二三四五六七八九十百零]{1,5})(?:期|讲|场|课)$")


def _joined_events(zh: str) -> str | None:
    """Two events held as one (区政府全体扩大会议暨项目投资工作推进会): each name in full English,
    joined by "and"; None unless both are."""
    for at in (m.start() for m in re.finditer("暨|及", zh)):
        first, second = zh[:at], zh[at + 1:]
        if not event_type(first) or not event_type(second):
            continue
        a, b = translate_event(first), translate_event(second)
        if a and b and NOT_TRANSLATED not in a and NOT_TRANSLATED not in b:
            if _sentence_case(a) or " " not in a:
                return f"{a} and {_lower_first(b) if _sentence_case(b) or ' ' not in b else b}"
            return f"{a} and {_title_case(b)}"  # two names: both in Title Case
    return None


# 五届68次区政府常务会议: the term, the meeting's number, then the body and its meeting
_TERM_SESSION = re.compile(r"^(?:第)?(?P<n>[0-9]{1,3}|[一二三四五六七八九十百]{1,4})届(?:第)?(?P<m>[0-9]{1,4}|[一二三四五六七八九十百零]{1,6})次"
                           r"(?P<rest>.{3,30})$")


def _numbered_meeting(m: re.Match[str]) -> str | None:
    """"68th Executive Meeting of the 5th District Government": a body and a meeting type each in English."""
    from summarise.english.glossary import ordinal
    n, k = _count(m["n"]), _count(m["m"])
    toks = _segment(m["rest"], _ALL_KINDS)
    if not n or not k or not toks or len(toks) < 2 or toks[-1].kind != "meeting" \
            or any(t.kind not in ("body", "level", "place", "proper") for t in toks[:-1]) or toks[-2].kind != "body":
        return None
    body = _title_case(" ".join(t.en for t in toks[:-1]))
    return f"{ordinal(k)} {_title_case(toks[-1].en)} of the {ordinal(n)} {body}"


def _group_before(zh: str) -> str | None:
    """The people an event is held with, when they are a group said in full (企业家代表 →
    "representatives of entrepreneurs"), else None."""
    if not zh or not (any(zh.endswith(w) for w in _GROUP_WORDS) or (zh.endswith(_PEOPLE_ENDINGS) and lookup_noun(zh))):
        return None
    return translate_group(zh)  # 企业家代表, 党外人士: people of a kind


_HOLDER_KINDS = frozenset({"body", "level", "place", "proper", "name"})


def _holder_then_action(toks: list) -> str | None:
    """A body that holds the event, then what the event is for, then its type: 省妇联深入学习实践
    科学发展观辅导报告会 → "Guidance lecture meeting of the Provincial Women's Federation on
    thoroughly studying and practising …" (the body is not the topic's subject)."""
    k = 0
    while k < len(toks) - 1 and toks[k].kind in _HOLDER_KINDS:
        k += 1
    if not k or toks[k - 1].kind != "body" or toks[k].kind != "action":
        return None
    body = _title_case(" ".join(t.en for t in toks[:k]))
    what = " ".join(t.en if j == k or toks[j - 1].kind == "action" or not t.en.startswith("the ") else t.en[4:]
                    for j, t in enumerate(toks[k:-1], start=k))
    return f"{_cap(toks[-1].en)} of the {body.removeprefix('The ')} on {what}"


# A topic that cannot stand before a noun: a name with its article (the Scientific Outlook on
# Development) or a phrase with a preposition (election work for the change of term).
_PHRASE = re.compile(r"^the |^the$| (?:for|of|on|to|in|with) ")


def _named_topic(toks: list) -> str | None:
    """A named topic (a term whose English carries its article: the Scientific Outlook on
    Development), then the type: "Special guidance lecture meeting on the Scientific Outlook on
    Development", not the name pressed into a modifier."""
    lead = toks[:-1]
    scope = ""
    if lead and lead[0].kind == "word" and lead[0].en.endswith("-wide") and len(lead) > 1:
        scope, lead = lead[0].en + " ", lead[1:]  # 全镇…动员大会: a town-wide mobilisation meeting on …
    if not lead or lead[0].kind != "term" or not _PHRASE.search(lead[0].en) \
            or any(t.kind not in ("term", "word") for t in lead):
        return None
    k = 1
    while k < len(lead) and lead[k].kind == "term":
        k += 1
    if any(t.kind != "word" for t in lead[k:]):
        return None
    kind = scope + " ".join([*(t.en for t in lead[k:]), toks[-1].en])
    return f"{_cap(kind)} on " + " ".join(t.en if not j or not t.en.startswith("the ") else t.en[4:]
                                           for j, t in enumerate(lead[:k]))


# Words that open a headline where an actor would stand and are no one's name.
_NOT_ACTORS = frozenset({"关于", "关注", "关心", "通知", "公告", "于是", "由于", "对于", "为了", "全面", "深入"})


def _topic_then_body(zh: str) -> str | None:
    """A topic, then the body that holds the event, then its type: …精神省委宣讲团报告会 →
    "Lecture meeting of the Provincial Party Committee Publicity Lecture Team on …"."""
    at = zh.rfind("精神")
    if at < 2:
        return None
    tail = _segment(zh[at + 2:], _ALL_KINDS)
    if not tail or len(tail) < 2 or tail[-1].kind != "meeting" or any(t.kind not in ("body", "level", "place", "proper")
                                                                        for t in tail[:-1]):
        return None
    topic = translate(zh[:at + 2])
    if topic is None or topic[:1].isupper():
        return None  # 省委党的…精神宣讲团: the committee owns the team; it is no part of the topic
    body = _title_case(" ".join(t.en for t in tail[:-1]))
    return f"{_cap(tail[-1].en)} of the {body} on {topic}"


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


# The report's own place or body (在我校召开, 我市启动…).
_OWN_PLACES = {"我校": "the university", "学校": "the school", "我院": "the institution", "我市": "the city",
               "我县": "the county", "我区": "the district", "我省": "the province", "我局": "the bureau"}


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


# 组织 is the verb unless it opens an organ's or a topic's name (县委组织部, 组织工作会议, 组织委员)
# A surname and the post or calling it is addressed by (张教授, 李医生, 王书记): the person's name unknown
_HONORIFICS = {"教授": "Professor", "医生": "Dr", "大夫": "Dr", "博士": "Dr", "法官": "Judge", "书记": "Secretary",
               "老师": "Teacher", "院士": "Academician", "检察官": "Prosecutor"}
_HONORIFIC = re.compile(rf"(?P<s>[\u4e00-\u9fff]{{1,2}}?)(?P<h>{'|'.join(_HONORIFICS)})")
_HELD_BY = re.compile(r"^(?P<x>.{2,20}?)(?:隆重|专门|再次)?(?:召开|举行|举办|开展|组织召开|组织(?![部委员工]))(?P<y>.{2,60})$")
_HELD = re.compile(r"^(?P<y>.{2,60}?)(?:在(?P<z>.{1,20}?))?(?:日前|近日|今天|昨天|今日|昨日)?(?:隆重|胜利|顺利)?(?:召开|举行|举办|开幕)$")
_GIVES = re.compile(r"^(?P<x>.{2,30}?)(?:应邀)?(?:作|做)(?P<y>.{2,60}?(?:报告|讲座|党课|辅导))$")
_LESSON = re.compile(r"^(?P<x>.{2,30}?)(?:为|给|向)(?P<w>.{1,30}?)(?:讲授|讲|上|作|做)了?(?:一堂|一次|一场)?(?P<y>.{0,20}?党课)$")
_PUBLICITY = re.compile(r"^(?P<x>.{2,30}?)(?:(?:来|到|赴|走进|深入)(?P<p>[^宣讲]{0,10}?)|在(?P<at>[^宣讲]{1,10}?))?宣讲(?![团员])(?P<y>.{2,40})$")
# Y(正式)启动: an event or a programme launched; Y宣讲进乡村: publicity lectures reach the villages
# 今天/日前 before a verb (上海市委常委会今天举行会议): when, no part of the actor
_WHEN = re.compile(r"(?:今天|昨天|今日|昨日|日前|近日)(?=召开|举行|举办|开展|启动|主持|出席|宣讲)")
_LAUNCHES = re.compile(r"^(?P<x>.{2,20}?)(?:正式|全面)?启动(?P<y>.{2,40})$")
_LAUNCHED = re.compile(r"^(?P<y>.{2,60}?)(?:正式|全面)?(?:启动|开讲|开班)$")
_REACHES = re.compile(r"^(?P<y>.{0,40}?)(?P<k>宣讲|讲座|党课|微党课)?(?:走)?进(?P<z>乡村|农村|社区|校园|企业|基层|机关|村组|课堂|家庭|车间|村)$")
_REACHING = {"宣讲": "publicity lectures", "讲座": "lectures", "党课": "Party lessons", "微党课": "short Party lessons"}
_REACHED = {"乡村": "the villages", "农村": "the countryside", "社区": "the communities", "校园": "the campuses",
            "企业": "the enterprises", "基层": "the grass roots", "机关": "the government offices",
            "村组": "the villages", "课堂": "the classrooms", "家庭": "the households", "车间": "the workshops",
            "村": "the villages"}
def _reaches(m: re.Match[str]) -> str | None:
    """宣讲进村 → "Publicity lectures reach the villages"; 法律讲座进农村 → "Lectures on law reach the
    countryside"; 党的二十大精神进车间 → "The spirit of the 20th Party Congress reaches the workshops"."""
    where = _REACHED[m["z"]]
    if m["k"] is None:
        spirit = translate(m["y"]) if m["y"].endswith("精神") else None
        return _cap(f"{spirit} reaches {where}") if spirit else None
    if not m["y"]:
        return _cap(f"{_REACHING[m['k']]} reach {where}")
    topic = translate(m["y"])
    return _cap(f"{_REACHING[m['k']]} on {topic} reach {where}") if topic else None


# X传达(学习)Y精神: a body or a person relays the spirit of a meeting or speech
_RELAYS = re.compile(r"^(?P<x>.{2,30}?)(?:传达学习|传达|学习传达)(?P<y>.{2,60}?精神)$")


_COLUMN_TAG = re.compile(r"^(?:#{1,6}\s*)?(?:【[^】]{1,20}】|\[[^\]]{1,20}\])?")
_SUBTITLE = "(rest of headline not translated)"
_PART_UNTRANSLATED = "(part of headline not translated)"


def translate_headline(zh: str) -> str | None:
    """English for a headline of the genre's patterns, else None (a headline is never guessed).

    A column tag (【党史学习教育】, [视频]) is dropped; of a headline in two parts (青海召开…会议
    规格高内容多意义重大) the first is translated and the rest marked as not translated."""
    zh = _COLUMN_TAG.sub("", zh.strip().strip(_TRIM)).strip()
    zh = _LABEL.sub("", zh)  # 信息名称：…: a page's field label, no part of the headline
    zh = _PHOTO_MARK.sub("", zh)  # …党员大会（图）: the page's pictures, no part of the headline
    if (bar := _COLUMN_BAR.match(zh)) is not None:
        zh = bar["rest"]  # 宣讲进行时丨…: a column's name, then the headline
    if (m := _PLACE_COLON.match(zh)) and _one_place(m["p"]) and (where := _place(m["p"])) \
            and (rest := translate_headline(m["rest"])):
        return f"{where}: {rest}"  # 西宁市城中区：党的二十大精神宣讲进乡村
    parts = [p for p in _PARTS.split(zh) if p]
    if len(parts) == 2 and _VERB_OPENS.match(parts[1]) and _headline(parts[0]) is None \
            and (whole := _headline("".join(parts))) is not None:
        return whole  # 市委宣讲团到开江 宣讲…精神: one sentence set in two lines
    if len(parts) >= 2 and len(parts[0]) >= 4:
        # 中共中央政治局召开会议 审议《…》 中共中央总书记习近平主持会议: each part read on its own
        read = [_headline(part) for part in parts]
        if not any(read):
            return None
        if read[0] is None:
            # 深入学习宣传党的二十大 扎根岗位敢担当 学院党委召开…例会: slogans, then the news
            return "; ".join(r for r in read if r) + f" {_PART_UNTRANSLATED}"
        out = ""
        for k, r in enumerate(read):
            if not r:
                continue
            if not k:
                out = r
            elif r[:1].islower() and not r.startswith(("a ", "an ", "the ")):
                out += f" to {r}"  # 召开会议 研究部署…: what the meeting was held for
            else:
                out += f"; {_lower_article(r)}"
        return out if all(read) else f"{out} {_PART_UNTRANSLATED if len(parts) > 2 else _SUBTITLE}"
    return _headline(zh)


_PHOTO_MARK = re.compile(r"\s*[（(](?:图|组图|附图|多图|图文|视频|图片)[)）]\s*$")
_LABEL = re.compile(r"^(?:信息名称|信息标题|文章标题|标题|题目|名称)\s*[:：]\s*")
_COLUMN_BAR = re.compile(r"^[^丨｜|]{2,10}[丨｜|](?P<rest>.{4,})$")
# What sets a headline's parts apart: spaces, an exclamation, a dash (众志成城 团结拼搏—党委书记…讲授党课)
_PARTS = re.compile(r"\s+|[!！，,]|—+")
# A second line that opens with the verb whose subject ends the first (市委宣讲团到开江 宣讲…)
_VERB_OPENS = re.compile(r"宣讲|召开|举行|举办|作|主持|出席|传达")
_PLACE_COLON = re.compile(r"^(?P<p>[\u4e00-\u9fff]{2,12})[：:](?P<rest>.{4,})$")


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


def _lower_article(s: str) -> str:
    """'a meeting …' after a semicolon; a name or a body keeps its capital (Xi Jinping, CPC …)."""
    return s[:1].lower() + s[1:] if re.match(r"(?:A|An|The)\s", s) else s


def _headline(zh: str) -> str | None:
    zh = _WHEN.sub("", re.sub(r"\s+", "", zh).rstrip("!！。"))
    if not zh:
        return None
    if m := _ATTENDS.match(zh):
        actor, event = _actor(m["x"]), translate_event(m["y"])
        if actor and event and event_type(m["y"]):
            what = (f"the {_SESSION[m['s']]} of " if m["s"] else "") + _a(event)
            return _cap(f"{actor} attends {what}" + (f" and {_SPEAKS[m['v']]}" if m["v"] else ""))
    if m := _SPEAKS_AT.match(zh):
        actor, event = _actor(m["x"]), translate_event(m["y"])
        if actor and event and event_type(m["y"]):
            return _cap(f"{actor} speaks at {_a(event)}")
    if m := _SPEECH.match(zh):
        actor = _actor(m["x"])
        if actor:
            return _cap(f"{actor} delivers {'an important' if m['i'] else 'a'} speech")
    if m := _CHAIRS.match(zh):
        actor, event = _actor(m["x"]), translate_event(m["y"])
        if actor and event and event_type(m["y"]):
            return _cap(f"{actor} chairs {_a(event)}")
    if (m := _INVITES.match(zh)) and event_type(m["y"]):
        host, event = _actor(m["x"]), translate_event(m["y"])
        guest = f"a {role.lower()}" if (role := lookup(m["g"], "role")) else _actor(m["g"])  # 邀请律师: a lawyer
        to = _audience(m["w"]) if m["w"] else None
        if host and guest and event and (to or not m["w"]):
            verb = "hold" if m["v"] in ("举办", "开展", "举行") else "give"
            return _cap(f"{host} invites {guest} to {verb} {_a_given(event)}" + (f" to {to}" if to else ""))
    if (m := _TO_AUDIENCE.match(zh)) and event_type(m["y"]) and not m["y"].endswith("党课"):  # a Party lesson: below
        actor, event, to = _actor(m["x"]), translate_event(m["y"]), _audience(m["w"])
        if actor and event and to:
            given = _a_given(event)
            if m["a"] and re.match(r"an? ", given):  # 一堂生动的法治课: a lively rule-of-law class
                given = _a_given(f"{_QUALITIES[m['a']]} {_lower_first(event) if _sentence_case(event) or ' ' not in event else event}")
            return _cap(f"{actor} gives {given} to {to}")  # 王明为社区居民作健康讲座
    if (m := _GOES_TO_HOLD.match(zh)) and event_type(m["y"]):
        actor, where, event = _actor(m["x"]), _destination(m["p"]), translate_event(m["y"])
        if actor and where and event:
            return _cap(f"{actor} {'holds' if m['v'] in ('开展', '举办', '举行', '召开') else 'gives'} {_a_given(event)} {_at(where)}")
    if (m := _HELD_BY.match(zh)) and not event_type(m["y"]):
        split = _event_then_purpose(m["y"])
        if split:
            event, purpose = split
            actor = _actor(m["x"])
            if actor:
                return _cap(f"{actor} holds {_a(event)}" + (f" to {purpose}" if purpose else f" {_SUBTITLE}"))
    if (m := _HELD_NO_SUBJECT.match(zh)) and event_type(m["y"]):
        event = translate_event(m["y"])
        return _cap(f"{event} held") if event else None
    if (m := _HELD_BY.match(zh)) and event_type(m["y"]):
        event, actor = translate_event(m["y"]), _actor(m["x"])
        if event:
            return _cap(f"{actor} holds {_a(event)}") if actor else _cap(f"{event} held")
    if (m := _HELD.match(zh)) and event_type(m["y"]):
        event = translate_event(m["y"])
        place = _place(m["z"]) if m["z"] else None
        if event and (place or not m["z"]):
            return _cap(f"{event} held" + (f" in {place}" if place else ""))
    if m := _LESSON.match(zh):
        actor = _actor(m["x"])
        if actor:
            lesson = translate_event(m["y"])
            lesson = lesson if lesson and NOT_TRANSLATED not in lesson else "Party lesson"
            to = _audience(m["w"])  # an audience with no English is no part of a lesson's name: left out
            return _cap(f"{actor} gives a {lesson[:1].lower() + lesson[1:] if lesson.startswith('Special') else lesson}"
                        + (f" to {to}" if to else ""))
    if (m := _COMES_TO.match(zh)) and (actor := _actor(m["x"])) and (where := _destination(m["p"])) \
            and not actor.lower().startswith("the spirit"):
        return _cap(f"{actor} visits {where}")  # 党的二十大精神宣讲团走进红星村
    if (m := _TO_COUNTRYSIDE.match(zh)) and (topic := translate(m["y"])) is not None:
        # 市人大常委会领导下乡宣讲十七大: leaders (a group) or one speaker go to the countryside
        one, many = _actor(m["x"]), translate_group(m["x"]) if m["x"].endswith(tuple(_GROUP_WORDS)) else None
        if many or one:
            verb = "give" if many else "gives"
            return _cap(f"{many or one} {verb} publicity lectures on {topic} in {_COUNTRYSIDE[m['z']]}")
    if (m := _GOES_TO_LECTURE.match(zh)) and (actor := _actor(m["x"])) and (where := _destination(m["p"])):
        # 五老宣讲团走进红星小学宣讲; 王明教授来我校讲学
        return _cap(f"{actor} gives {'publicity ' if m['v'] == '宣讲' else ''}lectures {_at(where)}")
    if (m := _TITLED.match(zh)) and event_type(m["y"]) and (actor := _actor(m["x"])) \
            and (topic := translate((m["t"] or m["t2"] or m["t3"]).strip(_TRIM))) and (event := translate_event(m["y"])):
        # 作题为“…”的专题讲座, 以“…”为题作, 围绕…作: the talk, then what it is on
        kind = event.split(" (")[0] if NOT_TRANSLATED in event else event
        if NOT_TRANSLATED in event or ((_sentence_case(kind) or " " not in kind) and " on " not in kind):
            return _cap(f"{actor} gives {_a_given(kind)} on {topic}")
    if (m := _GIVES_AT.match(zh)) and event_type(m["y"]) and (actor := _actor(m["x"])) \
            and (where := _destination(m["p"])) and (event := translate_event(m["y"])):
        return _cap(f"{actor} gives {_a_given(event)} {_at(where)}")  # 王明在县委党校作专题报告
    if (m := _TELLS.match(zh)) and (actor := _actor(m["x"])) and (to := _audience(m["w"])) \
            and (topic := translate(m["y"])) and not event_type(m["y"]):
        said = f"gives a publicity lecture on {topic}" if m["v"] == "宣讲" else f"{_TELLING[m['v']]} {topic}"
        return _cap(f"{actor} {said} to {to}")  # 王明为基层党员干部宣讲…, 为居民讲解医保政策
    if m := _GIVES.match(zh):
        actor, event = _actor(m["x"]), translate_event(m["y"])
        if actor and event:
            return _cap(f"{actor} gives {_a(event)}")
    if (m := _REACHES.match(zh)) and (reached := _reaches(m)) is not None:
        return reached
    if (m := _PUBLICITY.match(zh)) and not m["y"].startswith(("进", "走进")) and not event_type(m["y"]):
        if (many := lookup_noun(m["x"])) and m["x"].endswith(_PEOPLE_ENDINGS) and (topic := translate(m["y"])):
            # 专家学者走进红星社区宣讲…: people of a kind, plural
            where = _destination(m["p"]) if m["p"] else (_named_place(m["at"]) if m["at"] else None)
            if where or not (m["p"] or m["at"]):
                return _cap(f"{many} give publicity lectures on {topic}" + (f" {_at(where)}" if where else ""))
        actor, topic = _actor(m["x"]), translate(m["y"])
        if actor and topic and not actor.lower().startswith("the spirit"):  # a topic is no speaker
            where = _named_place(m["at"]) if m["at"] else None
            if m["at"] and not where:
                return None  # 在 a place with no English: the place is not dropped silently
            at = f" {'at' if where and where.startswith('the ') else 'in'} {where}" if where else ""
            return _cap(f"{actor} gives a publicity lecture on {topic}{at}")
    if (m := _LAUNCHES.match(zh)) and event_type(m["y"]) and (actor := _actor(m["x"])) \
            and (launched := _activity(m["y"])):
        return _cap(f"{actor} launches {launched}")  # 我市启动森林防火宣传月活动
    if (m := _LAUNCHED.match(zh)) and (launched := translate_event(m["y"]) or translate(m["y"])):
        return _cap(f"{_a(launched) if event_type(m['y']) else launched} launched")
    if m := _RELAYS.match(zh):
        actor, spirit = _actor(m["x"]), translate(m["y"])
        if actor and spirit:
            return _cap(f"{actor} relays {spirit}")
    if (m := _OPENS.match(zh)) and event_type(m["y"]):
        event = translate_event(m["y"])
        if event:
            return _cap(f"{_a(event)} {'opens' if m['v'] == '开幕' else 'closes'}")
    if m := _LESSON_GIVEN.match(zh):
        actor = _actor(m["x"])
        if actor:
            return _cap(f"{actor} gives a {'special ' if m['s'] else ''}Party lesson")
    if m := _CARRIES_OUT.match(zh):
        actor, done = _actor(m["x"]), _activity(m["y"])
        if actor and done:
            return _cap(f"{actor} carries out {done}")
    if m := _NOTICE.match(zh):
        done = _activity(m["y"])
        if done:
            return f"Notice on {'carrying out ' if m['v'] else ''}{done}"
    if m := _CHAIRS_ONLY.match(zh):
        actor = _actor(m["x"])
        if actor:
            return _cap(f"{actor} chairs" + (" and speaks" if m["v"] else ""))
    if (m := _VISITS.match(zh)) and (visit := _visit(m)) is not None:
        return visit
    if (m := _ON.match(zh)) and (who := _person(m["x"])) and (topic := translate(m["y"])):
        return _cap(f"{who} on {topic}")  # 李克强谈食品安全问题: a news headline's "X on Y"
    if m := _REPORTS.match(zh):
        actor = _actor(m["x"])
        if actor:
            return _cap(f"{actor} gives a report")
    if event_type(zh) and (event := translate_event(zh)) and NOT_TRANSLATED not in event:
        return event  # a headline that is an event's name (党的二十届三中全会精神宣讲报告会)
    if not _ACTION.search(zh):
        return translate(zh)  # a headline that is a name or a phrase (2024年…推进会)
    return None


_GIVES_AT = re.compile(r"^(?P<x>.{2,30}?)(?:应邀|受邀)?在(?P<p>.{2,20}?)(?:作|做)了?(?:一场|一堂|一次)?(?P<y>.{2,40})$")
# X为Y宣讲/讲解/解读Z: a topic told to an audience
_TELLS = re.compile(r"^(?P<x>.{2,30}?)(?:应邀|受邀)?(?:为|给|向)(?P<w>.{1,30}?)(?P<v>宣讲|讲解|解读|宣传)(?P<y>.{2,40})$")
_TELLING = {"讲解": "explains", "解读": "interprets", "宣传": "publicises"}
# X为Y作/开展/讲授Z: a lecture, a class or a Party lesson given to an audience (张医生为社区居民开展健康讲座)
_TO_AUDIENCE = re.compile(r"^(?P<x>.{2,30}?)(?:应邀|受邀)?(?:为|给|向)(?P<w>.{1,30}?)(?:作|做|开展|举办|讲授|讲|上|送上|带来)了?"
                          r"(?:一场|一堂|一次)?(?P<a>生动的|精彩的|特殊的|别开生面的|深刻的|专题的)?"
                          r"(?P<y>.{0,40}?(?:报告|讲座|辅导|党课|课|宣讲|培训))$")
_QUALITIES = {"生动的": "lively", "精彩的": "lively", "特殊的": "special", "别开生面的": "unusual", "深刻的": "profound",
              "专题的": "special"}
_TITLED = re.compile(r"^(?P<x>.{2,30}?)(?:(?:作|做)(?:了)?(?:题为|主题为)[“\"《](?P<t>[^”\"》]{2,40})[”\"》]的"
                     r"|以[“\"《]?(?P<t2>[^”\"》]{2,40}?)[”\"》]?为题(?:作|做)|围绕[“\"《]?(?P<t3>[^”\"》]{2,40}?)[”\"》]?(?:作|做))"
                     r"(?P<y>.{2,20})$")
# X邀请Y(为W)作/举办Z: a host invites a speaker (县委党校邀请王明教授作专题报告)
_INVITES = re.compile(r"^(?P<x>.{2,20}?)(?:特别|特)?邀请(?:了)?(?P<g>.{2,20}?)(?:为(?P<w>.{1,20}?))?(?P<v>作|做|举办|开展|举行|讲授|上)了?"
                      r"(?:一场|一堂|一次)?(?P<y>.{2,40})$")
# X走进/来到/到Y开展/举办Z (县法院法官走进红星小学开展法治讲座), X走进Y宣讲: where a lecture was given
_GOES_TO_HOLD = re.compile(r"^(?P<x>.{2,30}?)(?:应邀|受邀)?(?:走进|来到|到|来|深入|前往|赴)(?P<p>.{1,20}?)(?P<v>开展|举办|举行|召开|作|做|宣讲|讲授|上)了?"
                           r"(?:一场|一堂|一次)?(?P<y>.{2,40})$")
_COMES_TO = re.compile(r"^(?P<x>.{2,30}?)(?:走进|来到|深入|走访)(?P<p>.{2,20})$")
_TO_COUNTRYSIDE = re.compile(r"^(?P<x>.{2,30}?)(?:深入|走)?下(?P<z>乡|基层|村)(?:开展)?宣讲(?P<y>.{2,40})$")
_COUNTRYSIDE = {"乡": "the countryside", "基层": "the grass roots", "村": "the villages"}
_GOES_TO_LECTURE = re.compile(r"^(?P<x>.{2,30}?)(?:应邀|受邀)?(?:走进|来到|到|来|深入|前往|赴|在)(?P<p>.{1,20}?)(?:开展)?(?P<v>宣讲|讲学)$")


def _audience(zh: str | None) -> str | None:
    """Whom a lecture is given to (全体党员, 社区居民, 我校师生) in English, else None."""
    if not zh:
        return None
    zh = zh.removesuffix("们") if len(zh) > 2 else zh  # 同学们: students
    return _TO_OWN_PEOPLE.get(zh) or lookup_noun(zh) or translate_group(zh)


# The report's own people as an audience (为我校师生): its members
_TO_OWN_PEOPLE = {"大家": "everyone", "我们": "us"}


def _destination(zh: str) -> str | None:
    """Where someone goes to give a lecture: the report's own place, a named place or institution,
    a venue, a body."""
    zh = zh.strip(_TRIM)
    return _TO_OWN.get(zh) or _named_place(zh) or lookup_body(zh) or _institution(zh)


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


# X讲(授)党课: someone gives a Party lesson (市四医院党委书记讲党课); X(深入)开展Y(活动): a body carries
# out a campaign or activities; 关于(开展)Y的通知: a notice on them
_LESSON_GIVEN = re.compile(r"^(?P<x>.{2,30}?)(?:讲授|讲|上)(?P<s>专题)?党课$")
_CARRIES_OUT = re.compile(r"^(?P<x>.{2,30}?)(?:深入|广泛|全面|扎实|集中)?开展(?P<y>.{2,50})$")
_NOTICE = re.compile(r"^关于(?P<v>开展|举办|召开|组织)?(?P<y>.{2,60})的通知$")


_BRINGING = re.compile(r"^[“”\"]?(?P<y>.{2,20}?)(?:走)?进(?P<z>乡村|农村|社区|校园|企业|基层|机关|课堂|家庭|车间|村)[“”\"]?(?:主题)?(?:系列)?活动$")


def _activity(zh: str) -> str | None:
    """A campaign or an event as the object of a verb, in full English or None: a glossary term as it
    is ("the campaign to study and practise …"), an event name with its article."""
    term = translate(zh)
    if term is not None and term.startswith("the "):
        return term
    if (m := _BRINGING.match(zh)) and (what := translate(m["y"])) is not None:
        return f"activities bringing {what} to {_REACHED[m['z']]}"  # 法治宣传进社区活动
    if event_type(zh) is None:
        return None
    event = translate_event(zh)
    if not event or NOT_TRANSLATED in event:
        return None
    return _lower_first(event) if _sentence_case(event) else f"the {event}"


# X出席Y(开幕式)(并致辞), Y开幕/闭幕, X主持(并讲话), X作报告: the genre's headlines of national news.
_ATTENDS = re.compile(r"^(?P<x>.{2,30}?)出席(?P<y>.{2,60}?)(?P<s>开幕式|闭幕式|开幕会|闭幕会)?(?:并(?P<v>致辞|讲话|发表讲话|作报告))?$")
_SESSION = {"开幕式": "opening ceremony", "闭幕式": "closing ceremony", "开幕会": "opening session", "闭幕会": "closing session"}
_SPEAKS = {"致辞": "speaks", "讲话": "speaks", "发表讲话": "speaks", "作报告": "gives a report"}
_OPENS = re.compile(r"^(?P<y>.{2,60}?)(?P<v>开幕|闭幕)$")
_CHAIRS_ONLY = re.compile(r"^(?P<x>.{2,30}?)主持(?P<v>并讲话)?$")
_REPORTS = re.compile(r"^(?P<x>.{2,30}?)(?:作|做)报告$")
_SPEAKS_AT = re.compile(r"^(?P<x>.{2,30}?)在(?P<y>.{2,60}?)(?:上|时|中)(?:强调|指出|表示|讲话|发表讲话)$")
_SPEECH = re.compile(r"^(?P<x>.{2,30}?)(?:发表)?(?P<i>重要)?讲话$")


# X(一行)(来|到|赴|深入)Y调研/考察/视察/督导(Z): a visit, its place and what it looks into.
_VISITS = re.compile(r"^(?P<x>.{2,30}?)(?:一行)?(?:(?P<go>来|到|赴|深入|前往|走进|走访|在)(?P<y>.{1,20}?))?"
                     r"(?P<v>调研指导|调研督导|调研|考察|视察|督导|检查指导|检查)(?P<z>.{0,30})$")
_VISIT_VERBS = {"调研": "visits {y} on a research visit", "调研指导": "visits {y} on a research and guidance visit",
                "调研督导": "visits {y} on a research and supervision visit", "考察": "inspects {y}", "视察": "inspects {y}",
                "督导": "visits {y} on a supervision visit", "检查": "inspects {y}", "检查指导": "inspects {y}"}
_VISIT_ALONE = {"调研": "makes a research visit", "调研指导": "makes a research and guidance visit",
                "调研督导": "makes a research and supervision visit", "考察": "makes an inspection visit",
                "视察": "makes an inspection visit", "督导": "makes a supervision visit", "检查": "makes an inspection",
                "检查指导": "makes an inspection"}
_TO_OWN = {"校": "the university", "院": "the institution", "我校": "the university", "我市": "the city", "我县": "the county",
           "我区": "the district", "我镇": "the town", "基层": "the grass roots", "企业": "enterprises", "乡镇": "the towns",
           "社区": "the communities", "农村": "the countryside"}


def _visit(m: re.Match[str]) -> str | None:
    """"X visits Y on a research visit (on Z)": every part in English, else None."""
    actor = _actor(m["x"])
    if not actor or actor.lower().startswith("the spirit"):
        return None
    if m["y"]:
        where = _TO_OWN.get(m["y"]) or _named_place(m["y"]) or lookup_body(m["y"])
        if not where:
            return None
        said = f"{_VISIT_ALONE[m['v']]} in {where}" if m["go"] == "在" else _VISIT_VERBS[m["v"]].format(y=where)
    else:
        said = _VISIT_ALONE[m["v"]]
    if m["z"]:
        topic = translate(m["z"])
        if not topic:
            return None
        said += f" on {topic}"
    return _cap(f"{actor} {said}")


_ON = re.compile(r"^(?P<x>[\u4e00-\u9fff]{2,12}?)(?:(?<![座约会交访])谈(?![心话判])|畅谈|漫谈)(?P<y>.{2,30})$")


def _person(zh: str) -> str | None:
    """A named person, with or without a title (李克强, 县委书记王明), else None: a body does not
    "talk on" anything in a headline."""
    who = _actor(zh)
    return who if who and (" (" in who or re.fullmatch(r"[A-Z][a-z']+ [A-Z][a-z']+", who)) else None


_HELD_NO_SUBJECT = re.compile(r"^(?:召开|举行|举办|开展)(?P<y>.{2,60})$")
_CHAIRS = re.compile(r"^(?P<x>.{2,30}?)主持(?:召开)?(?P<y>.{2,60})$")


def _event_then_purpose(zh: str) -> tuple[str, str | None] | None:
    """An event name followed by what it did (扩大会议学习十八届六中全会精神 → the meeting, 'study
    the spirit of …'): the event's English and the purpose's, None for a purpose with no English."""
    for t_zh, _ in _types():
        at = zh.find(t_zh)
        if at >= 0 and at + len(t_zh) < len(zh):
            event = translate_event(zh[:at + len(t_zh)])
            if event is None:
                continue
            rest = zh[at + len(t_zh):].lstrip("，,")
            toks = _segment(rest, _ALL_KINDS)
            if toks and toks[0].kind != "action":
                return None  # 大讲堂第三期: a number, not what the event was for
            purpose = translate(rest)
            return event, purpose
    return None
_ACTION = re.compile(r"召开|举行|举办|开展|宣讲|党课")


def _a(event: str) -> str:
    """'a mobilisation meeting …' for a type-only English; a translated name as it is; 'a meeting'
    for a bare 会议."""
    if event.lower() in ("meeting", "conference"):
        return "a " + event.lower()
    if NOT_TRANSLATED in event:
        word = event[:1].lower() + event[1:]
        if re.match(r"[^(]*[^s]s \(", word):
            return word  # publicity lectures (full name not translated): a plural takes no article
        return ("an " if word[:1] in "aeiou" else "a ") + word
    if _sentence_case(event) and re.match(r"[^ ]+(?: (?!(?:with|on|of|to)\b)[a-z]+)*?[^s]s(?: on | of |$)", event):
        return _lower_first(event)  # publicity lectures on …: a plural takes no article
    return "the " + (_lower_first(event) if _sentence_case(event) else event)


_PROPER_WORDS = ("Party ", "Youth League ", "CPC ")


def _a_given(event: str) -> str:
    """An event someone gives or holds for others, indefinite: "a lecture on rule of law", "an open
    class"; a name (Title Case) keeps "the"."""
    if _sentence_case(event) or " " not in event:
        word = event if event.startswith(_PROPER_WORDS) else _lower_first(event)  # a Party lesson
        if re.match(r"[^ ]+(?: (?!(?:with|on|of|to)\b)[a-z-]+)*?[^s]s(?: on | of | to |$)", word):
            return word  # publicity lectures: a plural takes no article
        return ("an " if word[:1] in "aeiou" else "a ") + word
    return _a(event)


def _sentence_case(s: str) -> bool:
    """'Work conference on …' (lower-case second word), not a Title Case name."""
    words = s.split()
    return len(words) > 1 and words[1][:1].islower()


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


# Plurals of the heads of role nouns, for groups of people (镇长 → town mayors).
_PLURAL = {"Secretary": "Secretaries", "Deputy": "Deputies", "Chief": "Chiefs", "Staff": "Staff",
           "Personnel": "Personnel"}
_GROUP_LEAD = {"各": "", "全体": "all ", "相关": "relevant ", "有关": "relevant ", "主要": "principal ", "部分": "some "}
_GROUP_WORDS = {"负责人": "heads", "负责同志": "officials in charge", "主要负责人": "principal heads",
                "主要负责同志": "principal officials in charge", "工作人员": "staff", "干部": "officials",
                "党员": "Party members", "党员干部": "Party members and officials", "代表": "representatives",
                "成员": "members", "领导": "leaders", "职工": "staff", "师生": "teachers and students",
                "委员": "members", "班子成员": "members of the leadership team", "嘉宾": "guests",
                "党政领导": "Party and government leaders", "党员领导干部": "leading Party officials", "人员": "personnel"}


# Group words that can stand for some of a kind of people (企业家代表, 党员中的…不算).
_OF_PEOPLE = frozenset({"代表"})


def _plural(role_en: str) -> str:
    words = role_en.split(" of ", 1)
    head = words[0].split()
    last = head[-1]
    head[-1] = _PLURAL.get(last) or (last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou"
                                     else last if last.endswith("s") else last + "s")
    return " ".join(head) + (f" of {words[1]}" if len(words) > 1 else "")


def translate_group(zh: str) -> str | None:
    """English for a group of attendees, plural (镇长 → "Town Mayors", 相关部门负责人 → "heads of
    relevant departments", 区法院、区检察院主要负责同志 → "principal officials in charge of the
    District Court and the District Procuratorate"); a list of groups (学院辅导员、学生党员代表) item
    by item; None when a part is unknown."""
    zh = zh.strip().strip("，,、")
    count = ""
    if (m := _GROUP_COUNT.search(zh)) and m.start() and (n := _count(m["n"])):
        # 全院党员共100余人: the group, then how many it was
        count = f" ({'nearly ' if m['near'] else ''}{'more than ' if m['more'] else ''}{n:,} in all)"
        zh = zh[:m.start()]
    zh = _GROUP_ATTENDS.sub("", zh)  # 校党委中心组成员出席会议: who they are, not what they did
    if not zh:
        return None
    out = _group_list(zh) if not _ALTERNATIVE.search(zh) else _alternatives(zh)
    return out + count if out else None


# 各村(社区)党委书记: a word and the one it stands for too, in brackets
_ALTERNATIVE = re.compile(r"[(（](?P<b>[\u4e00-\u9fff]{1,4})[)）]")


def _is_unit(zh: str) -> bool:
    """A level or a body (村, 社区, 党总支), which a bracket may give the alternative of."""
    return zh in _LEVEL_PLURAL or glossary().get(zh, ("", ""))[1] in ("level", "body")


def _alternatives(zh: str) -> str | None:
    """A group with an alternative in brackets, read twice (各村党委书记, 各社区党委书记) and said once
    with the alternative's English in brackets: "Party Secretaries of villages (communities)"; None
    unless both readings have English and differ in one place."""
    m = _ALTERNATIVE.search(zh)
    assert m is not None
    before, after, alt = zh[:m.start()], zh[m.end():], m["b"]
    if not _is_unit(alt):
        return None  # 乡镇长(主任): a post's other name, which the group's English cannot place
    k = next((n for n in range(min(len(alt), len(before)), 0, -1) if _is_unit(before[-n:])), 0)
    if not k or _ALTERNATIVE.search(after):
        return None  # the bracket replaces no word of the genre, or more than one bracket
    one, other = _group_list(before + after), _group_list(before[:-k] + alt + after)
    if not one or not other or one == other:
        return None
    a, b = one.split(), other.split()
    head = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), None)
    tail = None if head is None else next((i for i in range(min(len(a), len(b)) - head) if a[-1 - i] != b[-1 - i]), None)
    if head is None or tail is None:
        return None  # one reading's words hold the other's: no single place where they differ
    return " ".join([*a[:len(a) - tail], f"({' '.join(b[head:len(b) - tail])})", *a[len(a) - tail:]])


# A count closing a group (共100余人, 五百余人, 近300人) and an attendance verb after it (出席会议).
_GROUP_COUNT = re.compile(r"(?:共|等)?(?P<near>近)?(?P<n>[0-9]{1,5}|[一二三四五六七八九十百千两]{1,5})(?P<more>余|多)?(?:人|名)$")
_GROUP_ATTENDS = re.compile(r"(?:出席|参加|列席)(?:了)?(?:会议|学习|活动)?$")


def _count(zh: str) -> int | None:
    return int(zh) if zh.isdigit() else cn_numeral(zh)


def _group_list(zh: str) -> str | None:
    if len(items := [i for i in _LIST_SEP.split(zh) if i]) > 1:
        read = [_group(i) for i in items]  # each item a group of its own (学院辅导员、学生党员代表)
        if all(read):
            return _and(read)  # type: ignore[arg-type]
    return _group(zh)  # else one group word shared (区法院、区检察院主要负责同志)


_LIST_SEP = re.compile(r"[、，,和及]|以及")


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


# Officials by rank (机关副科以上干部, 处级以上干部, 科级及以上党员干部): the rank and those above it.
_RANKS = {"科": "section", "处": "division", "厅": "department", "局": "bureau", "县处": "county and division",
          "乡科": "township and section"}
_RANKED = re.compile(r"^(?P<org>.*?)(?P<dep>副)?(?P<rank>县处|乡科|科|处|厅|局)级?(?:及|和)?以上(?P<pm>党员)?(?:领导)?干部$")


def _ranked(zh: str) -> str | None:
    if not (m := _RANKED.match(zh)):
        return None
    who = f"{'Party member ' if m['pm'] else ''}officials"
    rank = f"at {'deputy ' if m['dep'] else ''}{_RANKS[m['rank']]} level and above"
    if not m["org"]:
        return f"{who} {rank}"
    org = "the organs" if m["org"] == "机关" else _org(m["org"], "")
    return f"{who} of {org} {rank}" if org else None


def _group(zh: str) -> str | None:
    if (ranked := _ranked(zh)) is not None or _RANKED.match(zh):
        return ranked
    if _EACH_LEVEL.match(zh) and (each := _group_of(zh, lead_word=False)) is not None:
        return each  # 各镇负责人: heads of towns (not of "the Town")
    return _group_of(zh, lead_word=True)


def _group_of(zh: str, lead_word: bool) -> str | None:
    """A group read with its lead word (各, 全体, 相关 …) apart, or (各镇负责人) as part of its body."""
    lead = ""
    for k, v in _GROUP_LEAD.items():
        if lead_word and zh.startswith(k) and len(zh) > len(k):
            lead, zh = v, zh[len(k):]
            break
    for word, en in sorted(_GROUP_WORDS.items(), key=lambda kv: -len(kv[0])):
        if zh.endswith(word):
            rest = zh[: -len(word)].rstrip("的")
            if not rest:
                return (lead + en).strip()
            if rest in _WHOLE and not lead:  # 全县党员干部: all Party members and officials of the county
                return f"all {en} of {_WHOLE[rest]}"
            if rest in _TO_OWN and rest.startswith("我"):  # 我校师生: the report's own university
                return f"{lead}{en} of {_TO_OWN[rest]}"
            if rest in _KINDS_OF_PEOPLE:  # 基层党员干部: grass-roots Party members and officials
                return f"{lead}{_KINDS_OF_PEOPLE[rest]} {en}"
            if rest.endswith("全体") and len(rest) > 2 and not lead:  # 镇全体干部: all officials of the town
                org = _org(rest[:-2], "")
                return f"all {en} of {org}" if org else None
            if (kind := lookup_noun(rest)) is not None and word in _OF_PEOPLE:
                return f"{lead}{en} of {kind}"  # 民营企业家代表: representatives of private entrepreneurs
            orgs = [o for o in _LIST_SEP.split(rest) if o]
            read = [_org(o, lead) for o in orgs]
            if orgs and all(r is not None for r in read):
                return f"{en} of {_and(read)}".strip()  # type: ignore[arg-type]
            break  # 组织委员: no body before 委员 but a post of its own
    if zh.endswith(_PEOPLE_ENDINGS) and (noun := lookup_noun(zh)) is not None:
        return f"{lead}{noun}"  # 全体学员: all trainees; 企业家 is entrepreneurs, not a 家 of 企业
    if (people := _people_of(zh, lead)) is not None:
        return people
    title = translate_title(zh)
    return (lead + _plural(title)).strip() if title else None


# Words that say which people of a kind (基层党员干部, 青年干部, 离退休党员)
_KINDS_OF_PEOPLE = {"基层": "grass-roots", "青年": "young", "年轻": "young", "离退休": "retired", "退休": "retired",
                    "在职": "serving", "农村": "rural", "一线": "front-line", "新任": "newly appointed",
                    "新入职": "newly recruited", "流动": "mobile", "老": "veteran"}
# 全县, 全校: the whole of the report's place or institution, before the people of it
_WHOLE = {"全县": "the county", "全市": "the city", "全区": "the district", "全镇": "the town", "全乡": "the township",
          "全村": "the village", "全校": "the university", "全院": "the institution", "全省": "the province",
          "全社区": "the community", "全系统": "the system", "全公司": "the company"}


_PEOPLE_ENDINGS = ("民", "员", "生", "师", "者", "人", "工", "众", "家", "士", "女", "童", "干部", "代表", "长", "友", "兵")


def _people_of(zh: str, lead: str) -> str | None:
    """People a count would count (居民, 师生, 党员干部: the glossary's nouns), of a body or a place
    before them: 社区居民 → "residents of the community", 全县党员干部 → "all Party members and
    officials of the county", 红星村村民 → "villagers of Hongxing Village"; None when a part has no English."""
    for k in range(1, len(zh)):
        noun = lookup_noun(zh[k:])
        if noun is None or not zh.endswith(_PEOPLE_ENDINGS):  # 部门, 清单 are counted too, but are no people
            continue
        owner = zh[:k]
        if owner in _WHOLE:
            return f"all {noun} of {_WHOLE[owner]}"
        if owner in _TO_OWN and owner.startswith("我"):
            return f"{noun} of {_TO_OWN[owner]}"
        org: str | None
        if owner in _LEVEL_PLURAL and (level := translate(owner)) is not None:
            org = f"the {level.lower()}"  # 社区居民: the community's residents
        elif split_place(owner):
            org = translate(owner)  # 红星村村民: a named place takes no article
        else:
            org = _org(owner, "")
        if org is None or org.endswith("-wide"):
            return None
        return f"{lead}{noun} of {org}"
    return None


# 各镇, 各乡镇: every town; 县直/市直 (directly under the county or city): county-level, municipal-level
_LEVEL_PLURAL = {"镇": "towns", "乡": "townships", "乡镇": "towns and townships", "村": "villages", "社区": "communities",
                 "街道": "subdistricts", "县": "counties", "区": "districts", "市": "cities", "镇街": "towns and subdistricts"}
_DIRECT = {"县直": "county-level", "市直": "municipal-level", "区直": "district-level", "省直": "provincial-level",
           "镇直": "town-level"}
_UNIT_PLURAL = {"部门": "departments", "单位": "units", "机关": "organs"}
_EACH_LEVEL = re.compile(rf"(?P<d>{'|'.join(_DIRECT)})?各(?P<l>乡镇|镇街|社区|街道|镇|乡|村|县|区|市)(?![\u4e00-\u9fff]*(?:部门|单位))")
_DIRECT_UNITS = re.compile(rf"(?P<d>{'|'.join(_DIRECT)})(?:各)?(?P<r>有关|相关)?(?P<u>{'|'.join(_UNIT_PLURAL)})")


# A place's "name" that is a level or a word of the genre (市直, 区直, 全县): no named place
_NOT_NAMED = re.compile(r"^[省市县区镇乡村]|直|全|各|本|该")


def _org(zh: str, lead: str) -> str | None:
    """An organisation a group belongs to, with the group's lead word (相关 → relevant): 部门 and
    单位 plural ("relevant departments"), a named body with its article ("the District Court")."""
    if zh.startswith("部分") and len(zh) > 2 and not lead:  # 部分乡镇: some towns and townships
        return _org(zh[2:], "some ")
    if zh.startswith(("相关", "有关")) and len(zh) > 2 and lead.strip() in ("", "relevant"):  # 各相关部门
        return _org(zh[2:], "relevant ")
    if (m := _EACH_LEVEL.fullmatch(zh)) is not None:
        return f"{lead}{_DIRECT[m['d']] + ' ' if m['d'] else ''}{_LEVEL_PLURAL[m['l']]}"  # 各镇: the towns
    if (m := _DIRECT_UNITS.fullmatch(zh)) is not None:  # 县直有关部门: relevant county-level departments
        rel = "relevant " if m["r"] or lead.strip() == "relevant" else lead
        return f"{rel}{_DIRECT[m['d']]} {_UNIT_PLURAL[m['u']]}"
    if zh in _LEVEL_PLURAL and len(zh) == 1 and not lead and (level := translate(zh)) is not None:
        return f"the {level.lower()}"  # 镇全体干部: the town's
    for noun, plural in (("部门", "departments"), ("企事业单位", "enterprises and public institutions"), ("单位", "units"), ("企业", "enterprises"), ("办事处", "sub-district offices"),
                         ("乡镇", "towns and townships")):
        if zh.endswith(noun):
            kind = translate(zh[:-len(noun)]) if zh[:-len(noun)] else ""
            return None if kind is None else f"{lead}{kind + ' ' if kind else ''}{plural}"
    org = translate(zh)
    if org is None:
        return None
    if lead:
        return f"{lead}{org}"
    last = org.split()[-1]
    if (parts := split_place(zh)) and parts[0] and lookup_body(zh) is None and not _NOT_NAMED.search(parts[0]):
        return org  # 红星社区党员: a named place takes no article
    return org if not last[:1].isupper() or org.startswith("the ") else f"the {org}"  # a named body
