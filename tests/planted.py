"""Hostile answers: a capable model's answer with one kind of unsupported claim planted in it.

Every quote of a planted claim occurs in the article (or the claim carries no quote): what is false is
the claim, as an endpoint that knows the grounding rules would make it. Each kind is a function of
(answer, article text) that returns the planted answer and the field grounding must name, or None
when the article gives it nothing to plant (one person only, no figure …). The planted claim is
checked to be false here with plain string tests, independent of summarise's own checks.
"""
from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from typing import Any

Answer = dict[str, Any]
Planted = tuple[Answer, str]  # (answer, field the rejection must name: "people[3]", "event.place" …)

INVENTED_PLACE = ("北京人民大会堂", "上海国际会议中心", "深圳会展中心")
INVENTED_BODY = ("国务院", "联合国教科文组织", "世界银行")
INVENTED_TOPIC = ("量子计算产业发展", "深海探测装备研制")
INVENTED_MEASURE = ("新增就业岗位", "海外游客人次")
OTHER_HEADLINE = ("宇航员在空间站开展太空授课", "国际马拉松赛鸣枪开跑")
OTHER_EVENT = ("全国冬季运动会筹备工作会议", "国际航空航天博览会开幕式")
CUES_SPEAKING = ("讲话", "指出", "强调", "要求", "表示", "说", "发言", "致辞", "总结", "介绍", "汇报", "讲座",
                 "报告", "授课", "解读", "主持", "部署", "提出")


def _absent(candidates: tuple[str, ...], text: str) -> str:
    return next(c for c in candidates if c not in text)


def _people(answer: Answer) -> list[dict[str, Any]]:
    return [p for p in answer.get("people") or [] if len(p.get("name", "")) >= 2]


def wrong_chair(answer: Answer, text: str) -> Planted | None:
    """Another participant made chair, with the chair's title and the chair's quote (李冰 / 李家浩主持会议)."""
    people = _people(answer)
    for a in people:
        for b in people:
            if a is not b and b["name"] not in a["evidence"]["quote"] and a.get("title"):
                out = copy.deepcopy(answer)
                out["people"].append({"name": b["name"], "name_en": b.get("name_en"), "title": a["title"],
                                      "roles": ["chair"], "evidence": a["evidence"]})
                return out, f"people[{len(out['people']) - 1}]"
    return None


def swapped_title(answer: Answer, text: str) -> Planted | None:
    """A participant given another's title, with their own quote (赵锡雄 as 副镇长)."""
    people = _people(answer)
    for i, b in enumerate(answer.get("people") or []):
        for a in people:
            title = (a.get("title") or {}).get("zh")
            if a is b or not title or len(b.get("name", "")) < 2 or title in _sentences(text, b["name"]):
                continue
            out = copy.deepcopy(answer)
            out["people"][i]["title"] = {"zh": title, "en": (a.get("title") or {}).get("en")}
            return out, f"people[{i}].title"
    return None


def invented_role(answer: Answer, text: str) -> Planted | None:
    """A participant made chair where the article writes no 主持 near their name."""
    for i, p in enumerate(answer.get("people") or []):
        if len(p.get("name", "")) >= 2 and "主持" not in _around(text, p["name"], 60) and "chair" not in p["roles"]:
            out = copy.deepcopy(answer)
            out["people"][i]["roles"] = ["chair"]
            return out, f"people[{i}].roles"
    return None


def misattributed_points(answer: Answer, text: str) -> Planted | None:
    """Every point credited to a participant who is named nowhere near a speech cue (黄伟忠, who attended)."""
    if not answer.get("points"):
        return None
    speakers = {pt.get("speaker") for pt in answer["points"]}
    for p in _people(answer):
        name = p["name"]
        if name in speakers:
            continue
        after = [text[m.end():m.end() + 40] for m in re.finditer(re.escape(name), text)]
        if after and not any(cue in a for a in after for cue in CUES_SPEAKING) and all(
                name not in pt["evidence"]["quote"] for pt in answer["points"]):
            out = copy.deepcopy(answer)
            for pt in out["points"]:
                pt["speaker"] = name
            return out, "points[0].speaker"
    return None


def invented_place(answer: Answer, text: str) -> Planted:
    out = copy.deepcopy(answer)
    out.setdefault("event", {})["place"] = {"zh": _absent(INVENTED_PLACE, text), "en": "an invented venue"}
    return out, "event.place"


def invented_convener(answer: Answer, text: str) -> Planted:
    out = copy.deepcopy(answer)
    out.setdefault("event", {})["convened_by"] = {"zh": _absent(INVENTED_BODY, text), "en": "an invented body"}
    return out, "event.convened_by"


def invented_topic(answer: Answer, text: str) -> Planted:
    out = copy.deepcopy(answer)
    out.setdefault("event", {})["topic"] = {"zh": _absent(INVENTED_TOPIC, text), "en": "an invented topic"}
    return out, "event.topic"


def other_event_name(answer: Answer, text: str) -> Planted:
    out = copy.deepcopy(answer)
    out.setdefault("event", {})["name"] = {"zh": _absent(OTHER_EVENT, text), "en": "another article's event"}
    return out, "event.name"


def invented_measure(answer: Answer, text: str) -> Planted | None:
    """A figure said to measure what its sentence does not mention (5000亩 as 新增就业岗位)."""
    if not answer.get("figures"):
        return None
    out = copy.deepcopy(answer)
    out["figures"][0]["measures"] = {"zh": _absent(INVENTED_MEASURE, text), "en": "new jobs created"}
    return out, "figures[0].measures"


def other_headline(answer: Answer, text: str) -> Planted:
    out = copy.deepcopy(answer)
    out["headline"] = {"zh": _absent(OTHER_HEADLINE, text), "en": "another article's headline"}
    return out, "headline"


def spaced_name(answer: Answer, text: str) -> Planted | None:
    """A name with a space added (李 家浩)."""
    for i, p in enumerate(answer.get("people") or []):
        name = p.get("name", "")
        spaced = name[:1] + " " + name[1:]
        if len(name) >= 2 and spaced not in text:
            out = copy.deepcopy(answer)
            out["people"][i]["name"] = spaced
            return out, f"people[{i}]"
    return None


def one_character_name(answer: Answer, text: str) -> Planted | None:
    """A surname alone as a name (赵)."""
    for i, p in enumerate(answer.get("people") or []):
        if len(p.get("name", "")) >= 2:
            out = copy.deepcopy(answer)
            out["people"][i]["name"] = p["name"][:1]
            return out, f"people[{i}]"
    return None


def not_a_name(answer: Answer, text: str) -> Planted | None:
    """A word of the article as a person (会议, with title 镇)."""
    word = next((w for w in ("会议", "同志", "领导", "工作", "部门") if w in text), None)
    if word is None:
        return None
    at = text.index(word)
    quote = text[max(0, at - 4):at + len(word) + 2]
    out = copy.deepcopy(answer)
    out.setdefault("people", []).append({"name": word, "title": {"zh": "镇", "en": "Town"}, "roles": ["speaker"],
                                          "evidence": {"quote": quote}})
    return out, f"people[{len(out['people']) - 1}]"


def wrong_value(answer: Answer, text: str) -> Planted | None:
    if not answer.get("figures"):
        return None
    out = copy.deepcopy(answer)
    out["figures"][0]["value"] = out["figures"][0]["value"] * 10 + 1
    return out, "figures[0]"


def invented_year(answer: Answer, text: str) -> Planted | None:
    """An event year the article does not state."""
    date = (answer.get("event") or {}).get("date")
    if not date or "1999" in text:
        return None
    out = copy.deepcopy(answer)
    out["event"]["date"]["value"] = "1999-" + date["value"][-5:]
    out["event"]["date"]["year_basis"] = "stated"
    return out, "event.date"


def paraphrased_quote(answer: Answer, text: str) -> Planted | None:
    """A point whose quote is reworded (no longer in the article)."""
    if not answer.get("points"):
        return None
    out = copy.deepcopy(answer)
    quote = out["points"][0]["evidence"]["quote"]
    out["points"][0]["evidence"]["quote"] = "会议强调，" + quote[::-1]
    return out, "points[0]"


def summary_invented_name(answer: Answer, text: str) -> Planted:
    out = copy.deepcopy(answer)
    summary = out.get("summary") or {"zh": "", "en": ""}
    out["summary"] = {"zh": summary["zh"] + "国务院副总理王大明出席会议并讲话。",
                      "en": (summary.get("en") or "") + " Vice Premier Wang Daming attended and spoke."}
    return out, "summary"


def summary_invented_number(answer: Answer, text: str) -> Planted:
    out = copy.deepcopy(answer)
    summary = out.get("summary") or {"zh": "", "en": ""}
    out["summary"] = {"zh": summary["zh"] + "项目总投资达到8887亿元。",
                      "en": (summary.get("en") or "") + " Total investment reached 888.7 billion yuan."}
    return out, "summary"


def summary_invented_place(answer: Answer, text: str) -> Planted:
    out = copy.deepcopy(answer)
    summary = out.get("summary") or {"zh": "", "en": ""}
    place = _absent(INVENTED_PLACE, text)
    out["summary"] = {"zh": summary["zh"] + f"会议在{place}召开。", "en": summary.get("en")}
    return out, "summary"


KINDS: dict[str, Callable[[Answer, str], Planted | None]] = {
    "wrong_chair": wrong_chair,
    "swapped_title": swapped_title,
    "invented_role": invented_role,
    "misattributed_points": misattributed_points,
    "invented_place": invented_place,
    "invented_convener": invented_convener,
    "invented_topic": invented_topic,
    "other_event_name": other_event_name,
    "invented_measure": invented_measure,
    "other_headline": other_headline,
    "spaced_name": spaced_name,
    "one_character_name": one_character_name,
    "not_a_name": not_a_name,
    "wrong_value": wrong_value,
    "invented_year": invented_year,
    "paraphrased_quote": paraphrased_quote,
    "summary_invented_name": summary_invented_name,
    "summary_invented_number": summary_invented_number,
    "summary_invented_place": summary_invented_place,
}


def combined(answer: Answer, text: str) -> tuple[Answer, list[str]]:
    """Every kind that does not touch a list position another one uses, planted in one answer."""
    out, fields = copy.deepcopy(answer), []
    for name in ("invented_place", "invented_convener", "invented_topic", "other_event_name", "other_headline",
                 "invented_measure", "invented_year", "summary_invented_name"):
        planted = KINDS[name](out, text)
        if planted is not None:
            out, field = planted
            fields.append(field)
    return out, fields


def _sentences(text: str, name: str) -> str:
    """Every sentence that mentions `name`."""
    return "".join(s for s in re.split(r"(?<=[。！？\n])", text) if name in s)


def _around(text: str, name: str, width: int) -> str:
    return "".join(text[max(0, m.start() - width):m.end() + width] for m in re.finditer(re.escape(name), text))


def as_content(answer: Answer) -> str:
    return json.dumps(answer, ensure_ascii=False)
