"""The briefing note as plain data: what every renderer (Markdown, HTML, DOCX) shows, in order.

Building the view once keeps the three formats consistent: the same facts, the same footnote
numbers, the same "[untranslated]" marks.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from summarise.english.quantities import figure_english, normalised_value, unit_label
from summarise.schemas import Bilingual, Evidence, Person, Record

LANGS = ("zh", "en")
OFFLINE_ENGLISH = ("Offline English: names, titles, dates, places and figures only; free text (directives, lessons, "
                   "statements) needs a model — set SUMMARISE_MODEL and SUMMARISE_BASE_URL, or run with --local-model "
                   "FILE.gguf.")
UNTRANSLATED = "[untranslated]"

LABELS: dict[str, tuple[str, str]] = {
    "meeting_report": ("会议报道", "Meeting report"),
    "policy_lecture": ("专题讲座", "Policy lecture"),
    "other": ("其他", "Other (out of scope)"),
    "summary": ("摘要", "Summary"),
    "facts": ("关键事实", "Key facts"),
    "figures": ("数据", "Figures"),
    "points": ("指示与要点", "Directives and lessons"),
    "people": ("人物", "People"),
    "groups": ("参会群体", "Attendee groups"),
    "sources": ("出处", "Sources"),
    "provenance": ("来源信息", "Provenance"),
    "item": ("项目", "Item"),
    "said_by": ("发言人", "Said by"),
    "role": ("角色", "Role"),
    "what": ("事项", "What"),
    "when": ("时间", "When"),
    "where": ("地点", "Where"),
    "convened_by": ("召开单位", "Convened by"),
    "chaired_by": ("主持人", "Chaired by"),
    "lecturer": ("主讲人", "Lecturer"),
    "topic": ("主题", "Topic"),
    "out_of_scope": ("不适用原因", "Why out of scope"),
    "directive": ("指示", "directive"),
    "lesson": ("经验", "lesson"),
    "statement": ("表态", "statement"),
    "decision": ("决定", "decision"),
}

ROLES: dict[str, tuple[str, str]] = {
    "chair": ("主持", "chair"),
    "speaker": ("讲话", "speaker"),
    "lecturer": ("主讲", "lecturer"),
    "reporter": ("汇报", "reporter"),
    "attendee": ("出席", "attendee"),
}

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(frozen=True)
class Text:
    """Bilingual text as shown: English falls back to the Chinese with a visible mark."""

    zh: str
    en: str | None = None

    @classmethod
    def of(cls, value: Bilingual | None) -> Text | None:
        return None if value is None else cls(value.zh, value.en)

    @classmethod
    def label(cls, key: str) -> Text:
        zh, en = LABELS.get(key, (key, key))
        return cls(zh, en)

    def get(self, lang: str) -> str:
        """The text in `lang`; for English without translation, the Chinese (see `missing`)."""
        if lang == "en" and self.en:
            return self.en
        return self.zh

    def missing(self, lang: str) -> bool:
        """True when `lang` is English and there is no translation (render the mark)."""
        return lang == "en" and not self.en

    def plain(self, lang: str) -> str:
        """Text with the untranslated mark inline, for formats without styling."""
        return f"{self.zh} {UNTRANSLATED}" if self.missing(lang) else self.get(lang)


_HAN = re.compile(r"[\u3400-\u9fff]")

# The offline extractor's reasons are English sentences; the Chinese note shows them in Chinese.
_REASON_ZH = {
    "a speech transcript, not a report of a meeting": "讲话全文，不是会议报道",
    "a notice or document (a “notice on …”), not a report of a meeting": "通知或文件（“关于……的通知”），不是会议报道",
    "a company's internal meeting, not a government meeting": "企业内部会议，不是政府会议",
    "a notice of awards or appointments, not a report of a meeting": "表彰或任免通知，不是会议报道",
    "a visit or an inspection, not a meeting": "走访或检查，不是会议",
    "a notice convening a meeting, not a report of one held": "召开会议的通知，不是已召开会议的报道",
    "a roundup of many events, not the report of one": "多项活动的综述，不是单一活动的报道",
    "no meeting is reported (no convening sentence, chair, attendance or speeches)":
        "未报道会议（没有召开、主持、出席或讲话的表述）",
}


def reason_text(reason: str) -> Text:
    """Why a page is out of scope, in each note's language as far as it is known.

    A model may write the reason in either language: Chinese is never put in the English note (it is
    marked untranslated), and an English reason with no Chinese wording is labelled as English.
    """
    if _HAN.search(reason):
        return Text(reason, None)
    return Text(_REASON_ZH.get(reason) or f"不属于会议报道或专题讲座（英文说明：{reason}）", reason)


@dataclass
class FactRow:
    key: str
    label: Text
    value: Text
    ref: int | None = None


@dataclass
class FigureRow:
    quote: str
    value: str
    unit: Text
    english: str
    measures: Text | None
    ref: int | None


@dataclass
class PointRow:
    number: int | None
    kind: Text
    text: Text
    speaker: Text | None
    ref: int | None


@dataclass
class PersonRow:
    name: str
    name_en: str | None
    title: Text | None
    roles: Text
    ref: int | None


@dataclass
class GroupRow:
    text: Text
    ref: int | None


@dataclass
class SourceRef:
    number: int
    quote: str


@dataclass
class Note:
    """Everything a briefing note shows, in display order."""

    kind: str
    kind_label: Text
    headline: Text
    summary: Text | None
    facts: list[FactRow]
    figures: list[FigureRow]
    points: list[PointRow]
    people: list[PersonRow]
    groups: list[GroupRow]
    sources: list[SourceRef]
    provenance: list[tuple[Text, str]]
    rejected: list[tuple[str, str, str]]
    untranslated: list[str]
    possibly_missed: list[str]
    warnings: list[str]
    langs: tuple[str, ...] = LANGS
    label: dict[str, Text] = field(default_factory=lambda: {k: Text.label(k) for k in LABELS})
    title: Text | None = None           # headline, with an English title where one exists (see english_title)
    notice: str | None = None           # one English line above the English summary: what offline English lacks
    title_translates_headline: bool = True
    backend: Text = field(default_factory=lambda: Text("离线规则提取", "offline rules"))
    publisher: str | None = None
    published: str | None = None
    generated_at: str | None = None

    def __post_init__(self) -> None:
        if self.title is None:
            self.title = self.headline

    def meta(self, langs: tuple[str, ...] | None = None) -> list[str]:
        """The line under the title: kind, publisher (only in a note with Chinese: it is a Chinese
        name), publication date, backend."""
        langs = langs or self.langs
        both = len(langs) > 1
        out = [f"{self.kind_label.zh} {self.kind_label.en}" if both else self.kind_label.get(langs[0])]
        if self.publisher and "zh" in langs:
            out.append(self.publisher)
        if self.published:
            out.append(self.published if both else ("发布于 " if langs[0] == "zh" else "published ")
                       + date_text(self.published).get(langs[0]))
        out.append(self.backend.get(langs[-1]))
        return out


class _Sources:
    """Numbers evidence quotes in order of first use; the same quote keeps its number."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}

    def ref(self, evidence: Evidence | None) -> int | None:
        if evidence is None or not evidence.quote.strip():
            return None
        return self._numbers.setdefault(evidence.quote, len(self._numbers) + 1)

    def listing(self) -> list[SourceRef]:
        return [SourceRef(n, q) for q, n in self._numbers.items()]


def date_text(value: str) -> Text:
    """'2024-08-01' → 2024年8月1日 / 1 August 2024; '--11-12' → 11月12日(年份未注明) / 12 November (year not stated)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if m:
        y, mo, d = int(m[1]), int(m[2]), m[3]
        if d is None:
            return Text(f"{y}年{mo}月", f"{MONTHS[mo - 1]} {y}")
        return Text(f"{y}年{mo}月{int(d)}日", f"{int(d)} {MONTHS[mo - 1]} {y}")
    m = re.fullmatch(r"--(\d{2})-(\d{2})", value)
    if m:
        mo, d = int(m[1]), int(m[2])
        return Text(f"{mo}月{d}日(年份未注明)", f"{d} {MONTHS[mo - 1]} (year not stated)")
    return Text(value, value)


def person_text(p: Person) -> Text:
    """'镇党委副书记李家浩' / 'Li Jiahao, Deputy Secretary …'; a title without English leaves the
    romanised name with a mark ('Li Keqiang (title not translated)'), never the Chinese title."""
    zh = f"{p.title.zh}{p.name}" if p.title else p.name
    if p.name_en and (p.title is None or p.title.en):
        en = f"{p.name_en}, {p.title.en}" if p.title else p.name_en
    elif p.name_en:
        en = f"{p.name_en} (title not translated)"
    else:
        en = None
    return Text(zh, en)


def untranslated_fields(obj: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Paths of every Bilingual field without English (and names without romanisation)."""
    if obj is None or isinstance(obj, (str, int, float)):
        return
    if isinstance(obj, Bilingual):
        if not obj.en:
            yield path, obj.zh
        return
    if isinstance(obj, Person) and not obj.name_en:
        yield f"{path}.name_en", obj.name
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            if name in ("provenance", "source"):
                continue
            yield from untranslated_fields(getattr(obj, name), f"{path}.{name}" if path else name)
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from untranslated_fields(item, f"{path}[{i}]")


_SINGLE = {"headline": "headline", "summary": "summary", "event.name": "event name", "event.place": "place",
           "event.convened_by": "convening body", "event.topic": "topic"}
_NUMBERED = {"points": ("point", "points"), "attendee_groups": ("attendee group", "attendee groups")}
_INDEXED = re.compile(r"(\w+)\[(\d+)\]\.(\w+)")


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] → '1–3, 5'."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], 0]:
        if n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}" if prev > start + 1 else f"{start}, {prev}")
        start = prev = n
    return ", ".join(out)


def untranslated_labels(record: Record) -> list[str]:
    """What a reader sees in Chinese in the English note, said in words: 'headline', 'points 1–4',
    'title of 李冰' (numbers as the note numbers them)."""
    singles: list[str] = []
    numbered: dict[str, list[int]] = {}  # list name → numbers as the note shows them
    others: list[str] = []
    for path, _ in untranslated_fields(record):
        if path in _SINGLE:
            singles.append(_SINGLE[path])
            continue
        m = _INDEXED.fullmatch(path)
        if m and m[1] in _NUMBERED and m[3] == "text":
            numbered.setdefault(m[1], []).append(int(m[2]) + 1)
        elif m and m[1] == "people":
            person = record.people[int(m[2])]
            others.append(f"{'romanisation' if m[3] == 'name_en' else m[3]} of {person.name}")
        elif m and m[1] == "figures":
            others.append(f"what {record.figures[int(m[2])].quote} measures")
        else:
            others.append(path)
    listed = [f"{_NUMBERED[key][len(ns) > 1]} {_ranges(sorted(ns))}" for key, ns in numbered.items()]
    return singles + listed + others


def english_title(record: Record) -> tuple[str | None, bool]:
    """(English title, whether it translates the headline): the headline's English, else the event's
    English name (or the lecture's topic), else None."""
    if record.headline is not None and record.headline.en:
        return record.headline.en, True
    ev = record.event
    if ev.name is not None and ev.name.en:
        return ev.name.en, False
    if ev.topic is not None and ev.topic.en:
        return f"Lecture: {ev.topic.en}", False
    return None, False


def backend_text(record: Record) -> Text:
    """Which backend made the record, in words."""
    pv = record.provenance
    if pv.backend == "offline":
        return Text("离线规则提取(未使用模型)", "offline rules (no model)")
    model = f" · {pv.model}" if pv.model else ""
    return Text(f"大模型{model}", f"LLM{model}")


def build_note(record: Record, langs: tuple[str, ...] = LANGS) -> Note:
    """Turn a record into the note every renderer shows."""
    src = _Sources()
    ev = record.event
    facts: list[FactRow] = []

    def fact(key: str, value: Text | None, evidence: Evidence | None) -> None:
        if value is not None:
            facts.append(FactRow(key, Text.label(key), value, src.ref(evidence)))

    fact("what", Text.of(ev.name), ev.evidence)
    if ev.date is not None:
        fact("when", date_text(ev.date.value), ev.date.evidence)
    fact("where", Text.of(ev.place), ev.evidence)
    fact("convened_by", Text.of(ev.convened_by), ev.evidence)
    if record.chair is not None:
        fact("chaired_by", person_text(record.chair), record.chair.evidence)
    if record.lecturer is not None:
        fact("lecturer", person_text(record.lecturer), record.lecturer.evidence)
    fact("topic", Text.of(ev.topic), ev.evidence)
    if record.out_of_scope_reason:
        facts.append(FactRow("out_of_scope", Text.label("out_of_scope"), reason_text(record.out_of_scope_reason)))

    figures = [
        FigureRow(f.quote, normalised_value(f), Text(unit_label(f.unit, "zh"), unit_label(f.unit, "en")),
                  figure_english(f), Text.of(f.measures), src.ref(f.evidence))
        for f in record.figures
    ]
    names_en = {p.name: p.name_en for p in record.people}
    # numbered through the note: a long speech restarts its own 一是/二是 in each part, and the
    # article's ordinal stays in the text itself
    points = [
        PointRow(i, Text.label(p.kind), Text(p.text.zh, p.text.en),
                 Text(p.speaker, names_en.get(p.speaker)) if p.speaker else None, src.ref(p.evidence))
        for i, p in enumerate(record.points, 1)
    ]
    people = [
        PersonRow(p.name, p.name_en, Text.of(p.title),
                  Text("、".join(ROLES.get(r, (r, r))[0] for r in p.roles),
                       ", ".join(ROLES.get(r, (r, r))[1] for r in p.roles)),
                  src.ref(p.evidence))
        for p in record.people
    ]
    groups = [GroupRow(Text(g.text.zh, g.text.en), src.ref(g.evidence)) for g in record.attendee_groups]

    s, pv = record.source, record.provenance
    headline = Text.of(record.headline) or Text(s.title or s.name or "(untitled)", None)
    title_en, translates = english_title(record)
    usage = pv.usage
    prov_rows: list[tuple[Text, str]] = [
        (Text("来源页面", "Source page"), " · ".join(x for x in (s.name, s.title) if x) or "—"),
        (Text("发布单位", "Publisher"), s.publisher or "—"),
        (Text("发布日期", "Publication date"), s.published or "—"),
        (Text("原文字体", "Original script"), s.script),
        (Text("生成方式", "Backend"), backend_text(record).get(langs[-1])),
        (Text("生成时间", "Generated at"), pv.generated_at),
        (Text("版本", "summarise version"), f"{pv.summarise_version} (schema {record.schema_version})"),
    ]
    if pv.backend == "llm":
        prov_rows.append((Text("令牌用量", "Tokens"),
                          f"{usage.total_tokens:,} ({usage.calls} calls){' · cache hit' if pv.cache_hit else ''}"))
    if s.sha256:
        prov_rows.append((Text("内容哈希", "Content SHA-256"), s.sha256[:16] + "…"))
    if pv.repost_of is not None:  # a copy: the story's facts grounded again against this page, or its own
        ro = pv.repost_of
        prov_rows.append((Text("转载副本", "Repost of"), " · ".join(x for x in (
            ro.document, ro.input, ro.publisher, ro.published, f"similarity {ro.similarity:.2f}",
            "the story's facts, grounded in this copy" if ro.shared else "extracted from this copy") if x)))

    summary = Text.of(record.summary)
    return Note(
        kind=record.kind,
        kind_label=Text.label(record.kind),
        headline=headline,
        summary=summary,
        notice=OFFLINE_ENGLISH if pv.backend == "offline" else None,
        facts=facts,
        figures=figures,
        points=points,
        people=people,
        groups=groups,
        sources=src.listing(),
        provenance=prov_rows,
        rejected=[(r.field, r.value, r.reason) for r in pv.rejected],
        untranslated=untranslated_labels(record),
        possibly_missed=list(pv.possibly_missed),
        warnings=list(pv.warnings),
        langs=tuple(langs),
        title=Text(headline.zh, title_en),
        title_translates_headline=translates,
        backend=backend_text(record),
        publisher=s.publisher,
        published=s.published,
        generated_at=pv.generated_at,
    )
