"""Headlines of campaigns and activities: launched (我市启动…活动), carried out (开展…), noticed
(关于开展…的通知), reaching a place (宣讲进村 → "Publicity lectures reach the villages"), a spirit relayed."""
from __future__ import annotations

import re

from summarise.english.actors import _actor
from summarise.english.glossary import translate
from summarise.english.meetings import event_type, translate_event
from summarise.english.phrasing import NOT_TRANSLATED, _a, _lower_first, _sentence_case, cap

# Y(正式)启动: an event or a programme launched; Y宣讲进乡村: publicity lectures reach the villages
_LAUNCHES = re.compile(r"^(?P<x>.{2,20}?)(?:正式|全面)?启动(?P<y>.{2,40})$")
_LAUNCHED = re.compile(r"^(?P<y>.{2,60}?)(?:正式|全面)?(?:启动|开讲|开班)$")
_REACHING = {"宣讲": "publicity lectures", "讲座": "lectures", "党课": "Party lessons", "微党课": "short Party lessons"}
_REACHED = {"乡村": "the villages", "农村": "the countryside", "社区": "the communities", "校园": "the campuses",
            "企业": "the enterprises", "基层": "the grass roots", "机关": "the government offices",
            "村组": "the villages", "课堂": "the classrooms", "家庭": "the households", "车间": "the workshops",
            "村": "the villages"}
# X(宣讲|讲座|党课)进Y: lectures reaching a kind of place; “X进Y”活动: activities bringing X there
_REACHES = re.compile(rf"^(?P<y>.{{0,40}}?)(?P<k>{'|'.join(_REACHING)})?(?:走)?进(?P<z>{'|'.join(_REACHED)})$")
_BRINGING = re.compile(rf"^[“”\"]?(?P<y>.{{2,20}}?)(?:走)?进(?P<z>{'|'.join(_REACHED)})[“”\"]?(?:主题)?(?:系列)?活动$")


def _reaches(m: re.Match[str]) -> str | None:
    """宣讲进村 → "Publicity lectures reach the villages"; 法律讲座进农村 → "Lectures on law reach the
    countryside"; 党的二十大精神进车间 → "The spirit of the 20th Party Congress reaches the workshops"."""
    where = _REACHED[m["z"]]
    if m["k"] is None:
        spirit = translate(m["y"]) if m["y"].endswith("精神") else None
        return cap(f"{spirit} reaches {where}") if spirit else None
    if not m["y"]:
        return cap(f"{_REACHING[m['k']]} reach {where}")
    topic = translate(m["y"])
    return cap(f"{_REACHING[m['k']]} on {topic} reach {where}") if topic else None


# X传达(学习)Y精神: a body or a person relays the spirit of a meeting or speech
_RELAYS = re.compile(r"^(?P<x>.{2,30}?)(?:传达学习|传达|学习传达)(?P<y>.{2,60}?精神)$")
# X(深入)开展Y(活动): a body carries out a campaign or activities; 关于(开展)Y的通知: a notice on them
_CARRIES_OUT = re.compile(r"^(?P<x>.{2,30}?)(?:深入|广泛|全面|扎实|集中)?开展(?P<y>.{2,50})$")
_NOTICE = re.compile(r"^关于(?P<v>开展|举办|召开|组织)?(?P<y>.{2,60})的通知$")


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


def reaches(zh: str) -> str | None:
    return _reaches(m) if (m := _REACHES.match(zh)) else None


def launches(zh: str) -> str | None:
    """我市启动森林防火宣传月活动: "X launches Y"."""
    if (m := _LAUNCHES.match(zh)) and event_type(m["y"]) and (actor := _actor(m["x"])) \
            and (launched := _activity(m["y"])):
        return cap(f"{actor} launches {launched}")
    return None


def launched(zh: str) -> str | None:
    """Y启动/开讲/开班: "Y launched"."""
    if (m := _LAUNCHED.match(zh)) and (done := translate_event(m["y"]) or translate(m["y"])):
        return cap(f"{_a(done) if event_type(m['y']) else done} launched")
    return None


def relays(zh: str) -> str | None:
    """X传达学习Y精神: "X relays the spirit of Y"."""
    if m := _RELAYS.match(zh):
        actor, spirit = _actor(m["x"]), translate(m["y"])
        if actor and spirit:
            return cap(f"{actor} relays {spirit}")
    return None


def carries_out(zh: str) -> str | None:
    """X开展Y活动: "X carries out Y"."""
    if m := _CARRIES_OUT.match(zh):
        actor, done = _actor(m["x"]), _activity(m["y"])
        if actor and done:
            return cap(f"{actor} carries out {done}")
    return None


def notice(zh: str) -> str | None:
    """关于开展Y的通知: "Notice on carrying out Y"."""
    if m := _NOTICE.match(zh):
        done = _activity(m["y"])
        if done:
            return f"Notice on {'carrying out ' if m['v'] else ''}{done}"
    return None
