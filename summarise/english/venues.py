"""English for the venues of meetings, read as the genre writes them: campus, building, floor, room.

    外科楼二楼报告厅           → "Lecture Hall, 2nd Floor, Surgical Building"
    花溪校区明德楼129会议室    → "Meeting Room 129, Mingde Building, Huaxi Campus"
    湖州大剧院                 → "Huzhou Grand Theatre"

A building's or campus's own name (明德楼, 花溪校区) is romanised; a venue with any other part
returns None (no half-translations).
"""
from __future__ import annotations

import re

from summarise.english.romanise import LEVEL_ADJECTIVES, pinyin_word

__all__ = ["translate_venue"]

# Rooms and halls, longest first where one ends another (学术报告厅 before 报告厅).
_ROOMS = {"多功能厅": "Multi-function Hall", "学术报告厅": "Lecture Hall", "报告厅": "Lecture Hall",
          "会议室": "Meeting Room", "会议厅": "Conference Hall", "大会议室": "Main Meeting Room",
          "小会议室": "Small Meeting Room", "大礼堂": "Auditorium", "礼堂": "Auditorium", "会堂": "Assembly Hall",
          "大剧院": "Grand Theatre", "剧院": "Theatre", "会议中心": "Conference Centre", "大厅": "Hall",
          "室": "Room", "演播厅": "Studio", "接待室": "Reception Room", "活动室": "Activity Room",
          "党员活动室": "Party Members' Activity Room", "阅览室": "Reading Room", "体育馆": "Gymnasium",
          "图书馆": "Library", "教室": "Classroom", "会客室": "Reception Room", "展厅": "Exhibition Hall",
          "多功能报告厅": "Multi-function Lecture Hall", "视频会议室": "Video Conference Room", "党建活动室": "Party Building Activity Room",
          "指挥大厅": "Command Hall", "党员之家": "Party Members' Home", "会商室": "Consultation Room",
          "文化礼堂": "Cultural Auditorium", "多功能会议室": "Multi-function Meeting Room", "培训室": "Training Room",
          "培训中心": "Training Centre", "学术厅": "Lecture Hall", "讲堂": "Lecture Hall"}
# Buildings whose kind the genre names (门诊楼), else a name before 楼 (明德楼 → "Mingde Building").
_BUILDINGS = {"门诊楼": "Outpatient Building", "住院楼": "Inpatient Building", "外科楼": "Surgical Building",
              "内科楼": "Medical Building", "行政楼": "Administration Building", "办公楼": "Office Building",
              "综合办公楼": "General Office Building", "综合楼": "General Building", "主楼": "Main Building",
              "教学楼": "Teaching Building", "实验楼": "Laboratory Building", "科技楼": "Science Building",
              "图书馆": "Library", "机关": "Office Building", "政府": "Government Building", "大楼": "Building"}
_MODIFIERS = {"新": "New ", "老": "Old ", "东": "East ", "西": "West ", "南": "South ", "北": "North "}
_NUM = "一二三四五六七八九十"
_ROOM = re.compile(r"(?P<no>[0-9]{1,5}|[A-Z][0-9]{1,4})?(?P<room>" + "|".join(sorted(_ROOMS, key=len, reverse=True)) + r")$")
_FLOOR = re.compile(rf"(?P<n>[0-9]{{1,2}}|[{_NUM}]{{1,3}})(?:楼|层)$")
_CAMPUS = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4})校区")


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _floor_number(zh: str) -> int | None:
    if zh.isdigit():
        return int(zh)
    vals = [_NUM.index(c) + 1 for c in zh]
    if len(vals) == 1:
        return vals[0]
    if len(vals) == 2 and vals[0] == 10:
        return 10 + vals[1]
    if len(vals) == 2 and vals[1] == 10:
        return vals[0] * 10
    return None


_NUMBERED_BUILDING = re.compile(r"^(?:(?P<l>[省市县区镇])?(?P<c>机关大院|大院))?(?P<n>[0-9]{1,3})(?:号楼|栋|幢)$")


def _building(zh: str) -> str | None:
    """明德楼 → "Mingde Building", 新门诊楼 → "New Outpatient Building", 政府 → "Government Building",
    机关大院2号楼 → "Building 2, Government Compound"."""
    if (b := _NUMBERED_BUILDING.match(zh)) is not None:
        compound = {"机关大院": "Government Compound", "大院": "Compound"}.get(b["c"] or "", "")
        compound = f", {LEVEL_ADJECTIVES[b['l']] + ' ' if b['l'] else ''}{compound}" if compound else ""
        return f"Building {b['n']}{compound}"
    mod = ""
    if zh[:1] in _MODIFIERS and len(zh) > 2:
        mod, zh = _MODIFIERS[zh[0]], zh[1:]
    if zh in _BUILDINGS:
        return mod + _BUILDINGS[zh]
    if re.fullmatch(r"[\u4e00-\u9fff]{2,3}楼", zh) and not re.search(rf"[{_NUM}]", zh):
        return f"{mod}{pinyin_word(zh[:-1]).capitalize()} Building"
    return None


# The report's own institution or place as a venue's owner (我校报告厅: the university's lecture hall).
_OWN = {"我校": "the university", "我院": "the institution", "我市": "the city", "我县": "the county", "我区": "the district",
        "我镇": "the town", "本校": "the university", "学校": "the school", "学院": "the college", "医院": "the hospital"}


def _owner(zh: str) -> str | None:
    """The body or place a venue belongs to, in English (市委党校 → "Party School of the Municipal
    Party Committee", 科技局 → "Science and Technology Bureau", 镇 → "the town"), else None."""
    from summarise.english.glossary import render, segment_owner
    zh = zh.removesuffix("的")
    if zh in _OWN:
        return _OWN[zh]
    toks = segment_owner(zh)
    if not toks:
        return None
    if len(toks) == 1 and toks[0].kind == "level":
        return f"the {toks[0].en.lower()}"
    return render(toks) if toks[-1].kind in ("body", "proper") else None


def translate_venue(zh: str) -> str | None:
    """English for a venue (campus, building, floor, room), or None when a part is not read."""
    zh = zh.strip()
    parts: list[str] = []
    if (c := _CAMPUS.match(zh)) and c.end() == len(zh):
        return f"{pinyin_word(c['name']).capitalize()} Campus"
    m = _ROOM.search(zh)
    if not m:
        # 区政务服务中心四楼: a floor of a body's building
        if (f := _FLOOR.search(zh)) and (n := _floor_number(f["n"])) and f.start() \
                and (owner := _owner(zh[:f.start()])) is not None and not owner.startswith("the "):
            return f"{_ordinal(n)} Floor, {owner}"
        return None
    room = _ROOMS[m["room"]]
    parts.append(f"{room} {m['no']}" if m["no"] else room)
    rest = zh[:m.start()]
    if rest and (f := _FLOOR.search(rest)) and (n := _floor_number(f["n"])):
        parts.append(f"{_ordinal(n)} Floor")
        rest = rest[:f.start()]
    if rest and (c := _CAMPUS.match(rest)):
        campus = f"{pinyin_word(c['name']).capitalize()} Campus"
        rest = rest[c.end():]
    else:
        campus = None
    if rest and campus is None and _building(rest) is None and (owner := _owner(rest)) is not None:
        parts.append(owner)  # 市委党校报告厅: the Party School's lecture hall; 镇201会议室: the town's
        rest = ""
    if rest:
        building = _building(rest)
        if building is None:
            if len(parts) == 1 and re.fullmatch(r"[^省市县区镇乡村\W\d][\u4e00-\u9fff]{1,2}", rest) and m["room"] in (
                    "大剧院", "剧院", "会议中心", "体育馆", "图书馆", "大礼堂", "礼堂"):
                return f"{pinyin_word(rest).capitalize()} {room}"  # 湖州大剧院: a place's own theatre
            return None
        parts.append(building)
    if campus:
        parts.append(campus)
    if parts == ["Room"]:
        return None  # a bare 室 is no venue
    return ", ".join(parts)
