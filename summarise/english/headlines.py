"""English for headlines, read through the genre's patterns in a fixed order: X召开/举行/举办Y ("X holds
Y"), Y在Z召开/举行 ("Y held in Z"), X出席/主持Y, lectures (lectures.py), campaigns (campaigns.py),
visits (visits.py), X谈Y; None when none fits (a headline is never guessed)."""
from __future__ import annotations

import re

from summarise.english import campaigns, lectures, visits
from summarise.english.actors import _actor, _one_place, _person, _place
from summarise.english.glossary import translate
from summarise.english.meetings import _event_then_purpose, event_type
from summarise.english.meetings import translate_event as _translate_event
from summarise.english.phrasing import _TRIM, NO_HEADLINE, NOT_TRANSLATED, _a, cap

# 今天/日前 before a verb (上海市委常委会今天举行会议): when, no part of the actor
_WHEN = re.compile(r"(?:今天|昨天|今日|昨日|日前|近日)(?=召开|举行|举办|开展|启动|主持|出席|宣讲)")
# 组织 is the verb unless it opens an organ's or a topic's name (县委组织部, 组织工作会议, 组织委员)
_HELD_BY = re.compile(r"^(?P<x>.{2,20}?)(?:隆重|专门|再次)?(?:召开|举行|举办|开展|组织召开|组织(?![部委员工]))(?P<y>.{2,60})$")
_HELD = re.compile(r"^(?P<y>.{2,60}?)(?:在(?P<z>.{1,20}?))?(?:日前|近日|今天|昨天|今日|昨日)?(?:隆重|胜利|顺利)?(?:召开|举行|举办|开幕)$")
_HELD_NO_SUBJECT = re.compile(r"^(?:召开|举行|举办|开展)(?P<y>.{2,60})$")
_CHAIRS = re.compile(r"^(?P<x>.{2,30}?)主持(?:召开)?(?P<y>.{2,60})$")


# X出席Y(开幕式)(并致辞), Y开幕/闭幕, X主持(并讲话), X作报告: the genre's headlines of national news.
_ATTENDS = re.compile(r"^(?P<x>.{2,30}?)出席(?P<y>.{2,60}?)(?P<s>开幕式|闭幕式|开幕会|闭幕会)?(?:并(?P<v>致辞|讲话|发表讲话|作报告))?$")
_SESSION = {"开幕式": "opening ceremony", "闭幕式": "closing ceremony", "开幕会": "opening session", "闭幕会": "closing session"}
_SPEAKS = {"致辞": "speaks", "讲话": "speaks", "发表讲话": "speaks", "作报告": "gives a report"}
_OPENS = re.compile(r"^(?P<y>.{2,60}?)(?:隆重|胜利|顺利)?(?P<v>开幕|闭幕)$")
_CHAIRS_ONLY = re.compile(r"^(?P<x>.{2,30}?)主持(?P<v>并讲话)?$")
_REPORTS = re.compile(r"^(?P<x>.{2,30}?)(?:作|做)报告$")
_SPEAKS_AT = re.compile(r"^(?P<x>.{2,30}?)在(?P<y>.{2,60}?)(?:上|时|中)(?:强调|指出|表示|讲话|发表讲话)$")
_SPEECH = re.compile(r"^(?P<x>.{2,30}?)(?:发表)?(?P<i>重要)?讲话$")
_ON = re.compile(r"^(?P<x>[\u4e00-\u9fff]{2,12}?)(?:(?<![座约会交访])谈(?![心话判])|畅谈|漫谈)(?P<y>.{2,30})$")
_ACTION = re.compile(r"召开|举行|举办|开展|宣讲|党课")
_COLUMN_TAG = re.compile(r"^(?:#{1,6}\s*)?(?:【[^】]{1,20}】|\[[^\]]{1,20}\])?")
_SUBTITLE = "(rest of headline not translated)"
_PART_UNTRANSLATED = "(part of headline not translated)"


def translate_headline(zh: str) -> str | None:
    """English for a headline of the genre's patterns, else None (a headline is never guessed).

    A column tag (【党史学习教育】, [视频]) is dropped; of a headline in two parts (青海召开…会议
    规格高内容多意义重大) the first is translated and the rest marked as not translated."""
    zh = _COLUMN_TAG.sub("", zh.strip().strip(_TRIM)).strip()
    zh = _LABEL.sub("", zh)  # 信息名称：…: a page's field label, no part of the headline
    zh = PICTURE_MARK.sub("", zh)  # …党员大会（图）: the page's pictures, no part of the headline
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


# A mark of the page's pictures or video after a headline (…党员大会（图）, …[组图], …【视频】): no part of it.
PICTURE_MARK = re.compile(r"\s*[\[【(（](?:图|组图|附图|多图|图文|视频|图片)[\]】)）]\s*$")
_LABEL = re.compile(r"^(?:信息名称|信息标题|文章标题|标题|题目|名称)\s*[:：]\s*")
_COLUMN_BAR = re.compile(r"^[^丨｜|]{2,10}[丨｜|](?P<rest>.{4,})$")


# What sets a headline's parts apart: spaces, an exclamation, a dash (众志成城 团结拼搏—党委书记…讲授党课)
_PARTS = re.compile(r"\s+|[!！，,]|—+")


# A second line that opens with the verb whose subject ends the first (市委宣讲团到开江 宣讲…)
_VERB_OPENS = re.compile(r"宣讲|召开|举行|举办|作|主持|出席|传达")
_PLACE_COLON = re.compile(r"^(?P<p>[\u4e00-\u9fff]{2,12})[：:](?P<rest>.{4,})$")


# A bare 会议 or 大会 marked: the headline would say nothing but that a meeting was held
_BARE = re.compile(rf"^(?:Meeting|Conference) {re.escape(NOT_TRANSLATED)}$")


def translate_event(zh: str) -> str | None:
    """An event's English as a headline says it; None for a bare meeting whose name is not translated."""
    event = _translate_event(zh)
    return None if event and _BARE.match(event) else event


def _lower_article(s: str) -> str:
    """'a meeting …' after a semicolon; a name or a body keeps its capital (Xi Jinping, CPC …)."""
    return s[:1].lower() + s[1:] if re.match(r"(?:A|An|The)\s", s) else s


def _attends(zh: str) -> str | None:
    """X出席Y(开幕式)(并致辞): "X attends (the opening ceremony of) Y (and speaks)"."""
    if m := _ATTENDS.match(zh):
        actor, event = _actor(m["x"]), translate_event(m["y"])
        if actor and event and event_type(m["y"]):
            what = (f"the {_SESSION[m['s']]} of " if m["s"] else "") + _a(event)
            return cap(f"{actor} attends {what}" + (f" and {_SPEAKS[m['v']]}" if m["v"] else ""))
    return None


def _speaks_at(zh: str) -> str | None:
    if m := _SPEAKS_AT.match(zh):
        actor, event = _actor(m["x"]), translate_event(m["y"])
        if actor and event and event_type(m["y"]):
            return cap(f"{actor} speaks at {_a(event)}")
    return None


def _speech(zh: str) -> str | None:
    if m := _SPEECH.match(zh):
        actor = _actor(m["x"])
        if actor:
            return cap(f"{actor} delivers {'an important' if m['i'] else 'a'} speech")
    return None


def _chairs(zh: str) -> str | None:
    if m := _CHAIRS.match(zh):
        actor, event = _actor(m["x"]), translate_event(m["y"])
        if actor and event and event_type(m["y"]):
            return cap(f"{actor} chairs {_a(event)}")
    return None


def _held_for(zh: str) -> str | None:
    """X召开Y会议Z: "X holds Y to Z" (what the event was for)."""
    if (m := _HELD_BY.match(zh)) and not event_type(m["y"]):
        split = _event_then_purpose(m["y"])
        if split:
            event, purpose = split
            actor = _actor(m["x"])
            if actor:
                return cap(f"{actor} holds {_a(event)}" + (f" to {purpose}" if purpose else f" {_SUBTITLE}"))
    return None


def _held_no_subject(zh: str) -> str | None:
    """召开Y: "Y held"; NO_HEADLINE when Y has no English."""
    if (m := _HELD_NO_SUBJECT.match(zh)) and event_type(m["y"]):
        event = translate_event(m["y"])
        return cap(f"{event} held") if event else NO_HEADLINE
    return None


def _held_by(zh: str) -> str | None:
    if (m := _HELD_BY.match(zh)) and event_type(m["y"]):
        event, actor = translate_event(m["y"]), _actor(m["x"])
        if event:
            return cap(f"{actor} holds {_a(event)}") if actor else cap(f"{event} held")
    return None


def _held(zh: str) -> str | None:
    if (m := _HELD.match(zh)) and event_type(m["y"]):
        event = translate_event(m["y"])
        place = _place(m["z"]) if m["z"] else None
        if event and (place or not m["z"]):
            return cap(f"{event} held" + (f" in {place}" if place else ""))
    return None


def _opens(zh: str) -> str | None:
    if (m := _OPENS.match(zh)) and event_type(m["y"]):
        event = translate_event(m["y"])
        if event:
            return cap(f"{_a(event)} {'opens' if m['v'] == '开幕' else 'closes'}")
    return None


def _chairs_only(zh: str) -> str | None:
    if m := _CHAIRS_ONLY.match(zh):
        actor = _actor(m["x"])
        if actor:
            return cap(f"{actor} chairs" + (" and speaks" if m["v"] else ""))
    return None


def _person_on(zh: str) -> str | None:
    """李克强谈食品安全问题: a news headline's "X on Y"."""
    if (m := _ON.match(zh)) and (who := _person(m["x"])) and (topic := translate(m["y"])):
        return cap(f"{who} on {topic}")
    return None


def _reports(zh: str) -> str | None:
    if m := _REPORTS.match(zh):
        actor = _actor(m["x"])
        if actor:
            return cap(f"{actor} gives a report")
    return None


# The frames in the order they are tried: the first that gives English (or NO_HEADLINE) decides.
_FRAMES = (_attends, _speaks_at, _speech, _chairs, lectures.invited, lectures.to_audience, lectures.goes_to_hold,
           _held_for, _held_no_subject, _held_by, _held, lectures.lesson, visits.comes_to, lectures.to_countryside,
           lectures.goes_to_lecture, lectures.titled, lectures.gives_at, lectures.tells, lectures.gives,
           campaigns.reaches, lectures.publicity, campaigns.launches, campaigns.launched, campaigns.relays, _opens,
           lectures.lesson_given, campaigns.carries_out, campaigns.notice, _chairs_only, visits.visits, _person_on,
           _reports)


def _headline(zh: str) -> str | None:
    zh = _WHEN.sub("", re.sub(r"\s+", "", zh).rstrip("!！。"))
    if not zh:
        return None
    for frame in _FRAMES:
        if (out := frame(zh)) is not None:
            return out or None
    if event_type(zh) and (event := translate_event(zh)) and NOT_TRANSLATED not in event:
        return event  # a headline that is an event's name (党的二十届三中全会精神宣讲报告会)
    if not _ACTION.search(zh):
        return translate(zh)  # a headline that is a name or a phrase (2024年…推进会)
    return None
