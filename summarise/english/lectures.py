"""Headlines of lectures, Party lessons and publicity talks: who gives what to whom and where (张医生为社区
居民开展健康讲座 → "Dr Zhang gives a health lecture to residents of the community"), invited, titled,
in the countryside."""
from __future__ import annotations

import re

from summarise.english.actors import _actor, _at, _destination, _named_place
from summarise.english.glossary import lookup, lookup_noun, translate
from summarise.english.groups import _GROUP_WORDS, _PEOPLE_ENDINGS, translate_group
from summarise.english.meetings import event_type, translate_event
from summarise.english.phrasing import (
    _TRIM,
    NO_HEADLINE,
    NOT_TRANSLATED,
    _a,
    _a_given,
    _lower_first,
    _sentence_case,
    cap,
)

_GIVES = re.compile(r"^(?P<x>.{2,30}?)(?:应邀)?(?:作|做)(?P<y>.{2,60}?(?:报告|讲座|党课|辅导))$")
_LESSON = re.compile(r"^(?P<x>.{2,30}?)(?:为|给|向)(?P<w>.{1,30}?)(?:讲授|讲|上|作|做)了?(?:一堂|一次|一场)?(?P<y>.{0,20}?党课)$")
_PUBLICITY = re.compile(r"^(?P<x>.{2,30}?)(?:(?:来|到|赴|走进|深入)(?P<p>[^宣讲]{0,10}?)|在(?P<at>[^宣讲]{1,10}?))?宣讲(?![团员])(?P<y>.{2,40})$")
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
# X(深入|走)下乡/深入基层宣讲/宣传Y: lectures or publicity taken to the countryside or the grass roots
_TO_COUNTRYSIDE = re.compile(r"^(?P<x>.{2,30}?)(?:(?:深入|走)?下|深入)(?P<z>乡|基层|村)(?:开展)?(?P<v>宣讲|宣传)(?P<y>.{2,40})$")
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


# X讲(授)党课: someone gives a Party lesson (市四医院党委书记讲党课)
_LESSON_GIVEN = re.compile(r"^(?P<x>.{2,30}?)(?:讲授|讲|上)(?P<s>专题|微)?党课$")
_LESSON_KINDS = {"专题": "special ", "微": "short ", None: ""}


def invited(zh: str) -> str | None:
    """X邀请Y(为W)作Z: "X invites Y to give Z (to W)"."""
    if (m := _INVITES.match(zh)) and event_type(m["y"]):
        host, event = _actor(m["x"]), translate_event(m["y"])
        guest = f"a {role.lower()}" if (role := lookup(m["g"], "role")) else _actor(m["g"])  # 邀请律师: a lawyer
        to = _audience(m["w"]) if m["w"] else None
        if host and guest and event and (to or not m["w"]):
            verb = "hold" if m["v"] in ("举办", "开展", "举行") else "give"
            return cap(f"{host} invites {guest} to {verb} {_a_given(event)}" + (f" to {to}" if to else ""))
    return None


def to_audience(zh: str) -> str | None:
    """X为Y作Z: "X gives Z to Y" (a Party lesson is read by lesson())."""
    if (m := _TO_AUDIENCE.match(zh)) and event_type(m["y"]) and not m["y"].endswith("党课"):
        actor, event, to = _actor(m["x"]), translate_event(m["y"]), _audience(m["w"])
        if actor and event and to:
            given = _a_given(event)
            if m["a"] and re.match(r"an? ", given):  # 一堂生动的法治课: a lively rule-of-law class
                given = _a_given(f"{_QUALITIES[m['a']]} {_lower_first(event) if _sentence_case(event) or ' ' not in event else event}")
            return cap(f"{actor} gives {given} to {to}")  # 王明为社区居民作健康讲座
    return None


def goes_to_hold(zh: str) -> str | None:
    """X走进Y开展Z: "X holds Z at Y"."""
    if (m := _GOES_TO_HOLD.match(zh)) and event_type(m["y"]):
        actor, where, event = _actor(m["x"]), _destination(m["p"]), translate_event(m["y"])
        if actor and where and event:
            return cap(f"{actor} {'holds' if m['v'] in ('开展', '举办', '举行', '召开') else 'gives'} {_a_given(event)} {_at(where)}")
    return None


def lesson(zh: str) -> str | None:
    """X为Y讲党课: "X gives a Party lesson to Y"."""
    if m := _LESSON.match(zh):
        actor = _actor(m["x"])
        if actor:
            given = translate_event(m["y"])
            given = given if given and NOT_TRANSLATED not in given else "Party lesson"
            to = _audience(m["w"])  # an audience with no English is no part of a lesson's name: left out
            return cap(f"{actor} gives a {given[:1].lower() + given[1:] if given.startswith('Special') else given}"
                        + (f" to {to}" if to else ""))
    return None


def to_countryside(zh: str) -> str | None:
    """X下乡宣讲Y: "X give(s) publicity lectures on Y in the countryside"; X深入基层宣传Y: "X
    publicise(s) Y in the grass roots"."""
    if (m := _TO_COUNTRYSIDE.match(zh)) and (topic := translate(m["y"])) is not None:
        # 市人大常委会领导下乡宣讲十七大: leaders (a group) or one speaker go to the countryside
        one, many = _actor(m["x"]), translate_group(m["x"]) if m["x"].endswith(tuple(_GROUP_WORDS)) else None
        if many or one:
            if m["v"] == "宣传":
                return cap(f"{many or one} {'publicise' if many else 'publicises'} {topic} in {_COUNTRYSIDE[m['z']]}")
            verb = "give" if many else "gives"
            return cap(f"{many or one} {verb} publicity lectures on {topic} in {_COUNTRYSIDE[m['z']]}")
    return None


def goes_to_lecture(zh: str) -> str | None:
    """五老宣讲团走进红星小学宣讲; 王明教授来我校讲学: "X gives (publicity) lectures at Y"."""
    if (m := _GOES_TO_LECTURE.match(zh)) and (actor := _actor(m["x"])) and (where := _destination(m["p"])):
        return cap(f"{actor} gives {'publicity ' if m['v'] == '宣讲' else ''}lectures {_at(where)}")
    return None


def titled(zh: str) -> str | None:
    """作题为“…”的专题讲座, 以“…”为题作, 围绕…作: the talk, then what it is on."""
    if (m := _TITLED.match(zh)) and event_type(m["y"]) and (actor := _actor(m["x"])) \
            and (topic := translate((m["t"] or m["t2"] or m["t3"]).strip(_TRIM))) and (event := translate_event(m["y"])):
        kind = event.split(" (")[0] if NOT_TRANSLATED in event else event
        if NOT_TRANSLATED in event or ((_sentence_case(kind) or " " not in kind) and " on " not in kind):
            return cap(f"{actor} gives {_a_given(kind)} on {topic}")
    return None


def gives_at(zh: str) -> str | None:
    """王明在县委党校作专题报告: "X gives Z at Y"."""
    if (m := _GIVES_AT.match(zh)) and event_type(m["y"]) and (actor := _actor(m["x"])) \
            and (where := _destination(m["p"])) and (event := translate_event(m["y"])):
        return cap(f"{actor} gives {_a_given(event)} {_at(where)}")
    return None


def tells(zh: str) -> str | None:
    """王明为基层党员干部宣讲…, 为居民讲解医保政策: a topic told to an audience."""
    if (m := _TELLS.match(zh)) and (actor := _actor(m["x"])) and (to := _audience(m["w"])) \
            and (topic := translate(m["y"])) and not event_type(m["y"]):
        said = f"gives a publicity lecture on {topic}" if m["v"] == "宣讲" else f"{_TELLING[m['v']]} {topic}"
        return cap(f"{actor} {said} to {to}")
    return None


def gives(zh: str) -> str | None:
    """X作Y报告: "X gives Y"."""
    if m := _GIVES.match(zh):
        actor, event = _actor(m["x"]), translate_event(m["y"])
        if actor and event:
            return cap(f"{actor} gives {_a(event)}")
    return None


def publicity(zh: str) -> str | None:
    """X(走进Y)宣讲Z: "X gives a publicity lecture on Z (in Y)"; NO_HEADLINE when the place has no English."""
    if (m := _PUBLICITY.match(zh)) and not m["y"].startswith(("进", "走进")) and not event_type(m["y"]):
        if (many := lookup_noun(m["x"])) and m["x"].endswith(_PEOPLE_ENDINGS) and (topic := translate(m["y"])):
            # 专家学者走进红星社区宣讲…: people of a kind, plural
            where = _destination(m["p"]) if m["p"] else (_named_place(m["at"]) if m["at"] else None)
            if where or not (m["p"] or m["at"]):
                return cap(f"{many} give publicity lectures on {topic}" + (f" {_at(where)}" if where else ""))
        actor, topic = _actor(m["x"]), translate(m["y"])
        if actor and topic and not actor.lower().startswith("the spirit"):  # a topic is no speaker
            # 来县, 到乡: a bare level word names no place
            goes = m["p"] if m["p"] and len(m["p"]) >= 2 else None
            where = _named_place(m["at"]) if m["at"] else (_destination(goes) if goes else None)
            if m["at"] and not where:
                return NO_HEADLINE  # 在 a place with no English: the place is not dropped silently
            at = f" {_at(where)}" if where else ""
            return cap(f"{actor} gives a publicity lecture on {topic}{at}")
    return None


def lesson_given(zh: str) -> str | None:
    """市四医院党委书记讲党课: "X gives a (special) Party lesson"."""
    if m := _LESSON_GIVEN.match(zh):
        actor = _actor(m["x"])
        if actor:
            return cap(f"{actor} gives a {_LESSON_KINDS[m['s']]}Party lesson")
    return None
