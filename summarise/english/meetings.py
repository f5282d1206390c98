"""English for event names: "<type> on <topic>" when the name ends with a meeting type (学习贯彻…精神
动员大会 → "Mobilisation Meeting on Studying and Implementing …"), numbered, joined, held by a body or
with a group; the glossary's reading in source order otherwise; when the rest cannot be translated, the
type alone, marked: "Mobilisation meeting (full name not translated)"."""
from __future__ import annotations

import re
from functools import lru_cache

from summarise.english.glossary import (
    _ALL_KINDS,
    _ENLARGED,
    _segment,
    _title_case,
    glossary,
    lookup,
    lookup_noun,
    translate,
)
from summarise.english.groups import _GROUP_WORDS, _PEOPLE_ENDINGS, translate_group
from summarise.english.phrasing import _TRIM, NOT_TRANSLATED, _count, _lower_first, _sentence_case, cap


@lru_cache(maxsize=1)
def _types() -> list[tuple[str, str]]:
    """(zh, en) of the glossary's meeting types, longest first."""
    return sorted(((zh, en) for zh, (en, cat) in glossary().items() if cat == "meeting"), key=lambda t: -len(t[0]))


def event_type(zh: str) -> tuple[str, str] | None:
    """The meeting type an event name ends with (动员大会 → mobilisation meeting), or None."""
    core = re.sub(r"[（(][^）)]{0,6}[)）]$", "", zh.strip().rstrip(_TRIM))
    core = _NUMBER_IN_SERIES.sub("", core)  # 大讲堂第三期: the series' type
    for t_zh, t_en in _types():
        if core.endswith(t_zh):
            return t_zh, t_en
    return None


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
    if (m := _IN_SERIES.match(zh)) and (one := _one_of_series(m)) is not None:
        return one
    if (m := _ANNIVERSARY.match(zh)) and (marked := _anniversary(m)) is not None:
        return marked
    toks = _segment(zh, _ALL_KINDS)
    if toks and toks[-1].kind == "meeting" and (held := _holder_then_action(toks)) is not None:
        return held
    if toks and toks[-1].kind == "meeting" and (topic := _named_topic(toks)) is not None:
        return topic
    if toks and toks[-1].kind == "meeting" and any(t.kind == "action" for t in toks[:-1]):
        head = " ".join(t.en if k == 0 or toks[k - 1].kind == "action" or not t.en.startswith("the ") else t.en[4:]
                        for k, t in enumerate(toks[:-1]))
        return f"{cap(toks[-1].en)} on {head}"
    if (m := _THEMED.match(zh)) and (themed := _themed(m)) is not None:
        return themed
    kind = event_type(zh)
    if kind and (who := _group_before(zh[:-len(kind[0])])) is not None:
        return f"{cap(kind[1])} {'with' if kind[0] in _HELD_WITH else 'of'} {who}"  # 企业家代表座谈会
    full = translate(zh)
    if full is not None:
        # the 1st Session of the 13th …: a name; the sentence it stands in gives its article
        # a type alone opens with a capital as a name does (调度会 → "Coordination meeting"); a
        # phrase holding a name keeps its case (enlarged Leading Party Group meeting: "the enlarged …")
        if re.match(r"the [0-9]", full):
            return full[4:]
        return cap(full) if full == full.lower() else full
    return f"{cap(kind[1])} {NOT_TRANSLATED}" if kind else None


# 第三期, 第五讲: which of a series of events (理论大讲堂第三讲)
_NUMBER_IN_SERIES = re.compile(r"第(?P<n>[0-9]{1,4}|[一二三四五六七八九十百零]{1,5})(?:期|讲|场|课)$")
_ISSUE = re.compile(rf"^(?P<e>.{{2,40}}?){_NUMBER_IN_SERIES.pattern}")


def _joined_events(zh: str) -> str | None:
    """Two events held as one (区政府全体扩大会议暨项目投资工作推进会): each name in full English,
    joined by "and"; None unless both are."""
    for at in (m.start() for m in re.finditer("暨|及|和", zh)):
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


# 中层干部培训班第六讲辅导讲座, 理论大讲堂第三期专题讲座: one event of a numbered series
_IN_SERIES = re.compile(r"^(?P<s>.{2,30}?)第(?P<n>[0-9]{1,4}|[一二三四五六七八九十百零]{1,5})(?:期|讲|场|课)(?P<t>.{2,10})$")


def _one_of_series(m: re.Match[str]) -> str | None:
    """"Guidance lecture (No. 6) of the Mid-level Officials Training Course": the type, the number
    and the series, each in English; else None."""
    kind, series, n = event_type(m["t"]), event_type(m["s"]), _count(m["n"])
    if not kind or kind[0] != m["t"] or not series or not n:
        return None
    name = translate_event(m["s"])
    if not name or NOT_TRANSLATED in name:
        return None
    return f"{cap(kind[1])} (No. {n}) of the {_lower_first(name) if _sentence_case(name) else name}"


# 纪念胡耀邦同志诞辰110周年座谈会, 庆祝中国共产党成立100周年大会, 建党98周年…: an event marking an
# anniversary (of a birth, a founding, an event), then its type
_ANNIVERSARY = re.compile(r"^(?P<v>纪念|庆祝)?(?P<x>.{2,20}?)(?P<e>诞辰|成立|建立|诞生)?"
                          r"(?P<n>[0-9]{1,3}|[一二三四五六七八九十百]{1,4})周年(?P<t>.{2,10})$")
_MARKING = {"纪念": "commemorating", "庆祝": "celebrating", None: "marking"}


def _anniversary(m: re.Match[str]) -> str | None:
    """"Symposium commemorating the 110th anniversary of the birth of Comrade Hu Yaobang": the type,
    the number, and whose birth or founding, each in English; else None."""
    from summarise.english.actors import _actor
    from summarise.english.glossary import ordinal
    kind, n = event_type(m["t"]), _count(m["n"])
    if not kind or kind[0] != m["t"] or not n:
        return None
    if m["e"] == "诞辰":  # a person is born: a name said as a name (胡耀邦同志: Comrade Hu Yaobang)
        name = m["x"].removesuffix("同志")
        who = _actor(name)
        if not who or not re.fullmatch(r"[A-Z][a-z']+ [A-Z][a-z']+", who):
            return None
        of = f"the birth of {'Comrade ' if m['x'].endswith('同志') else ''}{who}"
    else:
        what = translate(m["x"])
        if not what or (m["e"] is None and not what.startswith("the ") and lookup(m["x"], "term") is None):
            return None  # 建党, 改革开放: a term of the genre; a bare word has no anniversary
        of = f"the founding of {what if what.startswith('the ') else 'the ' + what}" if m["e"] else what
    return f"{cap(kind[1])} {_MARKING[m['v']]} the {ordinal(n)} anniversary of {of}"


# 以银发经济为主题的民营企业座谈会, 银发经济主题座谈会: an event on a theme; 二十大报告解读讲座: a talk
# interpreting a text
_THEMED = re.compile(r"^(?:以(?P<x>.{2,20}?)为主题的|(?P<x2>.{2,20}?)主题(?!党日|教育|活动)|(?P<x3>.{2,30}?)(?P<i>解读|解析))"
                     r"(?P<y>.{2,30})$")


def _themed(m: re.Match[str]) -> str | None:
    """"Symposium with private enterprises on the theme of the silver economy", "Lecture interpreting
    the report to the 20th Party Congress": the event and its theme each in full English, else None."""
    kind = event_type(m["y"])
    if not kind:
        return None
    theme = translate(m["x"] or m["x2"] or m["x3"])
    if not theme or (theme[:1].isupper() and not theme.startswith(("Xi ", "CPC "))):
        return None  # a theme is a phrase of the genre, not a body's name
    if m["i"]:
        if kind[0] != m["y"]:
            return None  # 解读 before a named event: what the name is, not one talk
        return f"{cap(kind[1])} interpreting {theme}"
    event = translate_event(m["y"])
    if not event or NOT_TRANSLATED in event:
        return None
    return f"{cap(event)} on the theme of {theme}"


# Events held with the people or enterprises named before them (a symposium, an admonition, a matchmaking)
_HELD_WITH = frozenset({"座谈会", "约谈会", "约谈会议", "对接会", "恳谈会"})


def _group_before(zh: str) -> str | None:
    """The people an event is held with, when they are a group said in full (企业家代表 →
    "representatives of entrepreneurs"), or enterprises of a kind (民营企业 → "private enterprises"),
    else None."""
    if zh.endswith("企业") and (kind := lookup_noun(zh)) is not None:
        return kind
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
    return f"{cap(toks[-1].en)} of the {body.removeprefix('The ')} on {what}"


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
    return f"{cap(kind)} on " + " ".join(t.en if not j or not t.en.startswith("the ") else t.en[4:]
                                           for j, t in enumerate(lead[:k]))


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
    return f"{cap(tail[-1].en)} of the {body} on {topic}"


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
