"""Headlines of visits: X(一行)到Y调研/考察/视察/督导(Z) → "X visits Y on a research visit (on Z)",
X走进Y → "X visits Y"; every part in English, else None."""
from __future__ import annotations

import re

from summarise.english.actors import _actor, _destination, _place_or_body
from summarise.english.glossary import translate
from summarise.english.phrasing import cap

# X(一行)(来|到|赴|深入)Y调研/考察/视察/督导(Z): a visit, its place and what it looks into.
_VISITS = re.compile(r"^(?P<x>.{2,30}?)(?:一行)?(?:(?P<go>来|到|赴|深入|前往|走进|走访|在)(?P<y>.{1,20}?))?"
                     r"(?P<v>调研指导|调研督导|调研|考察|视察|督导|检查指导|检查|调度|督查)(?P<z>.{0,30})$")
_VISIT_VERBS = {"调研": "visits {y} on a research visit", "调研指导": "visits {y} on a research and guidance visit",
                "调研督导": "visits {y} on a research and supervision visit", "考察": "inspects {y}", "视察": "inspects {y}",
                "督导": "visits {y} on a supervision visit", "检查": "inspects {y}", "检查指导": "inspects {y}",
                "调度": "visits {y} to coordinate", "督查": "visits {y} to oversee"}
_VISIT_ALONE = {"调研": "makes a research visit", "调研指导": "makes a research and guidance visit",
                "调研督导": "makes a research and supervision visit", "考察": "makes an inspection visit",
                "视察": "makes an inspection visit", "督导": "makes a supervision visit", "检查": "makes an inspection",
                "检查指导": "makes an inspection", "调度": "coordinates", "督查": "oversees"}
# Verbs that take what they act on as their object (检查春耕生产, 调度项目进展情况), not "on" a topic
_TRANSITIVE = {"检查": "inspects", "检查指导": "inspects", "调度": "coordinates", "督查": "oversees"}


def _visit(m: re.Match[str]) -> str | None:
    """"X visits Y on a research visit (on Z)": every part in English, else None."""
    actor = _actor(m["x"])
    if not actor or actor.lower().startswith("the spirit"):
        return None
    if m["y"]:
        where = _place_or_body(m["y"])
        if not where:
            return None
        said = f"{_VISIT_ALONE[m['v']]} in {where}" if m["go"] == "在" else _VISIT_VERBS[m["v"]].format(y=where)
    else:
        said = _VISIT_ALONE[m["v"]]
    if m["z"]:
        topic = translate(m["z"])
        if not topic or (m["v"] in ("调度", "督查") and not m["y"] and not m["z"].endswith(("工作", "情况", "进展"))):
            return None  # 调度会, 督查组: a meeting's or a team's name, no visit
        if m["v"] in _TRANSITIVE and not m["y"]:
            said = f"{_TRANSITIVE[m['v']]} {topic}"
        elif m["v"] in ("调度", "督查"):
            said += f" {topic}"  # visits Y to coordinate Z
        else:
            said += f" on {topic}"
    elif m["v"] in ("调度", "督查"):
        return None
    return cap(f"{actor} {said}")


_COMES_TO = re.compile(r"^(?P<x>.{2,30}?)(?:走进|来到|深入|走访)(?P<p>.{2,20})$")


def comes_to(zh: str) -> str | None:
    """党的二十大精神宣讲团走进红星村: "X visits Y"."""
    if (m := _COMES_TO.match(zh)) and (actor := _actor(m["x"])) and (where := _destination(m["p"])) \
            and not actor.lower().startswith("the spirit"):
        return cap(f"{actor} visits {where}")
    return None


def visits(zh: str) -> str | None:
    return _visit(m) if (m := _VISITS.match(zh)) else None
