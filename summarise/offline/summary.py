"""A short bilingual summary composed from the extracted facts with fixed templates."""
from __future__ import annotations

import re

from summarise.schemas import Bilingual, Facts, Figure, Person

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
SUMMARY_FIGURES = 6  # figures the summary names
_KIND_EN = {"lesson": "lessons", "directive": "directives", "statement": "points", "decision": "decisions"}


def date_zh(value: str) -> str:
    if value.startswith("--"):
        m, d = value[2:].split("-")
        return f"{int(m)}月{int(d)}日"
    parts = value.split("-")
    out = f"{int(parts[0])}年{int(parts[1])}月"
    return out + (f"{int(parts[2])}日" if len(parts) > 2 else "")


def date_en(value: str) -> str:
    if value.startswith("--"):
        m, d = value[2:].split("-")
        return f"{int(d)} {MONTHS[int(m) - 1]} (year not stated)"
    parts = value.split("-")
    if len(parts) > 2:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"


def _zh_person(p: Person) -> str:
    return f"{p.title.zh if p.title else ''}{p.name}"


NAMED = 4  # people a sentence of the summary names


def _zh_people(people: list[Person]) -> str:
    """Titled people each with their own title (，), then the untitled (、): 中共中央政治局常委李希、
    石泰峰 would read as if both held the title."""
    titled = [_zh_person(p) for p in people if p.title]
    bare = [p.name for p in people if not p.title]
    if titled and bare:
        return "，".join(titled) + "，以及" + "、".join(bare)
    return "，".join(titled) if titled else "、".join(bare)


def _en_person(p: Person) -> str:
    """'Zhou Zuode (Vice Mayor)': English only; a title without English is left out."""
    name = p.name_en or "a person named in the article"
    if p.title and p.title.en:
        return f"{name} ({p.title.en})"
    return name


_EVENT_EN = {"policy_lecture": "a lecture", "meeting_report": "a meeting"}


def _the(name_en: str) -> str:
    """An event's English in running text: 'a mobilisation meeting (full name not translated)',
    'the Work Conference on …'."""
    if "(full name not translated)" in name_en:
        word = name_en[:1].lower() + name_en[1:]
        return ("an " if word[:1] in "aeiou" else "a ") + word
    words = name_en.split()
    sentence_case = len(words) > 1 and words[1][:1].islower()  # 'Work conference on …', not a Title Case name
    return "the " + (name_en[:1].lower() + name_en[1:] if sentence_case else name_en)


_BODY = re.compile(r"^(?:CPC|National|State|Political|Central|Standing)\b|\b(?:Committee|Commission|Council|Bureau|"
                   r"Department|Congress|Government|Office|Group|Centre|Center|Association|Federation|Academy|"
                   r"University|School|Institute|Court|Procuratorate|Administration|Ministry)$")


def _the_body(en: str) -> str:
    """'the CPC Central Committee', 'the Political Bureau of …'; a place (Xiaolan Town) as it is."""
    return "the " + en if not en.startswith(("the ", "The ")) and _BODY.search(en) else en


def _figure_en(english: str, fig: Figure) -> str:
    """'95 documents' where the sentence says what the count counts, else '95 (count)'."""
    noun = fig.measures.en if fig.measures is not None and fig.measures.en else None
    if noun is None:
        return english
    for tail in (" (count)", " people", " person", " households", " household"):
        if english.endswith(tail):
            return f"{english[: -len(tail)]} {noun}"
    return f"{english} ({noun})"


def _and(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def build_summary(facts: Facts, figures_en: list[str]) -> Bilingual:
    """zh and en summaries from the event, people, figures and points already extracted. The
    English holds English only: a fact without English is left out of it, never pasted in Chinese."""
    ev = facts.event
    zh: list[str] = []
    en: list[str] = []
    if facts.kind == "other":
        # not a meeting: say so and why; what the page states is in the note's tables
        reason = facts.out_of_scope_reason or "no meeting or lecture is reported"
        zh.append("不属于会议报道或专题讲座。" + (f"标题：{_stop_zh(facts.headline.zh)}" if facts.headline else ""))
        en.append(f"Out of scope: {reason}." + (f" The page is headed “{facts.headline.en}”."
                                                 if facts.headline and facts.headline.en else ""))
        return Bilingual(zh=_clip("".join(zh), 600), en=_clip(" ".join(en), 1200))
    when_zh = date_zh(ev.date.value) if ev.date else ""
    when_en = f"On {date_en(ev.date.value)}, " if ev.date else ""
    who_zh = ev.convened_by.zh if ev.convened_by else ""
    who_en = _the_body(ev.convened_by.en) if ev.convened_by and ev.convened_by.en else None
    if ev.name:
        zh.append(f"{when_zh}{'，' if when_zh else ''}{who_zh}召开{ev.name.zh}。")
        generic = ev.name.zh in ("会议", "大会")  # 中共中央政治局召开会议: a meeting, not its name
        what = "a meeting" if generic else _the(ev.name.en) if ev.name.en else _EVENT_EN.get(facts.kind, "an event")
        en.append(f"{when_en}{who_en} held {what}." if who_en else _sentence(f"{when_en}{what} was held."))
    elif who_en:
        zh.append(f"{when_zh}{'，' if when_zh else ''}{who_zh}召开会议。")
        en.append(f"{when_en}{who_en} held {_EVENT_EN.get(facts.kind, 'an event')}.")
    elif ev.date:  # when_en is set
        # the headline is the note's own line; pasted here it would read as what happened
        zh.append(f"时间：{when_zh}。")
        en.append(f"Date of the event: {date_en(ev.date.value)}.")
    if ev.place:
        zh.append(f"地点/形式：{ev.place.zh}。")
        if ev.place.en:
            en.append(f"Venue or format: {ev.place.en}.")
    chair = facts.chair
    if chair:
        zh.append(f"{_zh_person(chair)}主持。")
        en.append(f"{_en_person(chair)} chaired it.")
    lecturer = facts.lecturer
    if lecturer:
        topic_zh = ev.topic.zh if ev.topic else ""
        zh.append(f"{_zh_person(lecturer)}作{topic_zh}专题讲座。" if topic_zh else f"{_zh_person(lecturer)}作专题讲座。")
        topic_en = ev.topic.en if ev.topic and ev.topic.en else None
        en.append(f"{_en_person(lecturer)} gave the lecture" + (f" on {topic_en}." if topic_en else "."))
    for role, verb_zh, verb_en in (("speaker", "讲话", "spoke"), ("reporter", "汇报", "reported on the work")):
        group = [p for p in facts.people_with(role) if p is not chair and p is not lecturer]
        if group:
            more = len(group) - NAMED
            zh.append(_zh_people(group[:NAMED]) + (f"等{len(group)}人" if more > 0 else "") + f"{verb_zh}。")
            en.append(_and([_en_person(p) for p in group[:NAMED]] + ([f"{more} other{'s' if more > 1 else ''}"]
                                                                   if more > 0 else [])) + f" {verb_en}.")
    attendees = [p for p in facts.people_with("attendee") if len(p.roles) == 1]
    if attendees:
        zh.append(_zh_people(attendees[:NAMED]) + "等参加。")
        en.append(_and([_en_person(p) for p in attendees[:NAMED]]) + (" also attended." if len(attendees) > 1 or chair
                                                                      else " attended."))
    if facts.figures:
        zh.append("主要数字：" + "、".join(f.quote for f in facts.figures[:SUMMARY_FIGURES]) + "。")
        en.append("Figures cited include " + _and([_figure_en(e, f) for e, f in zip(figures_en, facts.figures)]) + ".")
    if facts.points:
        kinds = {p.kind for p in facts.points}
        speakers = {p.speaker for p in facts.points if p.speaker}
        by_zh = f"{'、'.join(sorted(speakers))}" if speakers else "会议"
        zh.append(f"{by_zh}提出{len(facts.points)}条要点。")
        kind_en = _KIND_EN[kinds.pop()] if len(kinds) == 1 else "points"
        if len(facts.points) == 1:
            kind_en = kind_en.removesuffix("s")
        by_en = sorted(_en_person(p) for p in facts.people if p.name in speakers)
        subject = _and(by_en) if by_en else "The meeting"
        en.append(f"{subject} set out {len(facts.points)} {kind_en}.")
    return Bilingual(zh=_clip("".join(zh), 600), en=_clip(" ".join(en), 1200) if en else None)


def _stop_zh(s: str) -> str:
    """`s` ended as a Chinese sentence: a headline that ends in ！ or ？ keeps it, without 。 after it."""
    return s if s.endswith(("。", "！", "？", "!", "?", "…")) else s + "。"


def _sentence(s: str) -> str:
    return s[:1].upper() + s[1:]
