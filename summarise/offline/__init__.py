"""Offline extractor: rule-based facts for Chinese meeting reports and policy lectures.

    from summarise.offline import extract_facts
    facts = extract_facts(doc)          # doc: summarise.normalise.Document (text, title, published)

Deterministic, no model, every fact grounded: each Evidence quote equals doc.text[start:end].
Modules: text (spans), people (title + name, roles), points (一是…/要…), event (name, date, place,
body, topic), kind, sections (items of a digest), figures (shared parser), bilingual (shared
glossary), summary (templates).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

from summarise.english.headlines import PICTURE_MARK
from summarise.parse import dates
from summarise.schemas import AttendeeGroup, Bilingual, Event, EventDate, Facts, Kind, Person, Point, PointKind, Role

from . import bilingual
from . import text as text_module
from .event import RawEvent, find_event, find_topic
from .figures import find_figures
from .frames import gives_talk
from .groups import find_groups
from .kind import ROUNDUP_REASON, detect_kind, lead_end
from .people import Found, find_people, speech_anchors
from .points import find_points, point_text
from .sections import chronicle_entries, digest_items
from .summary import SUMMARY_FIGURES, build_summary
from .text import Span, evidence, trim

__all__ = ["extract_facts", "people_and_figures"]
_ISO = re.compile(r"^(\d{4}-\d{2}(-\d{2})?|--\d{2}-\d{2})$")
_INVITED = re.compile(r"(?:邀请|特邀|邀|请来)")
# A sentence dated by a year and a month but no day narrates the past (2016年2月，…): reports date their event by day.
_NARRATED = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?!\s*\d)(?:份|初|底|中旬|上旬|下旬)?[，,]")
# The meeting's own proceedings (会议指出, 会议强调): a talk after them is not the meeting's first item.
_MEETING_SAYS = re.compile(r"(?:会议|会上|大会)[，,]?(?:指出|强调|要求|认为|提出|明确|部署)")


# A lead sentence, not a headline: a line that ends a sentence (。) after a clause (，).
_LEAD_LINE = re.compile(r"[^\n]{8,}[，,；;][^\n]*[。！？!?]")


PEOPLE_LIMIT, FIGURE_LIMIT, POINT_LIMIT, GROUP_LIMIT = 40, 60, 40, 20  # the schema's list bounds
_LEAD_SENTENCE = re.compile(r"[^\n]{2,}[，,][^\n]*。")  # a first line of whole sentences
_DATE_ONLY = re.compile(r"\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日?\s*(?:(?:星期|周)[一二三四五六日天])?\s*")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# A news dateline opening the lead: 今日竹山网消息 7月23日，…, 本报讯（记者 …）, 江门日报讯, 新华社北京3月5日电.
_NEWS_DATELINE = re.compile(r"^[\u4e00-\u9fff]{1,12}?(?:网消息|讯|日电)[\s:：]*(?:[（(]|[0-9０-９]{1,2}月|记者|通讯员)")
_BULLETS = "●■◆▲★☆□◇○•"
HEADLINE_CHARS = 120  # the genre's headlines are 10–60 characters; a longer first line is the lead


def _headline(doc: Any, text: str) -> tuple[str | None, Span | None]:
    """The headline and its span: the first line when it agrees with `doc.title` (or there is no
    title) and is not the lead paragraph itself (a page without a headline starts with the lead)."""
    chrome = _SITE_CHROME.match(text)  # 人民网 / 人民网>>上海频道 above the headline
    top = chrome.end() if chrome else 0
    if top and not _headline_like(_line_at(text, top).strip()):
        top = 0  # no headline below it: the short line is the headline itself (织密防汛安全网)
    first_line = _line_at(text, top)
    first = first_line.strip()
    if len(first) > HEADLINE_CHARS:  # a paragraph, not a headline
        first = ""
    title = (doc.title or "").strip() or None
    if title is not None and len(title) > HEADLINE_CHARS:  # a page title that is a paragraph: no headline
        title = None
    if (title is None and _LEAD_LINE.match(first)) or ((title is None or title.strip() == first)
                                                        and _LEAD_SENTENCE.fullmatch(first)):
        return None, None  # the lead paragraph, even where the page (or the normaliser) titles it so
    if _DATE_ONLY.fullmatch(first) or _NEWS_DATELINE.match(first):
        # a dateline (2月10日) dates the report, and a line opened by a news dateline (今日竹山网消息 7月23日，…)
        # is the lead: neither is a headline
        return None, None
    if first and not _HAN.search(first):
        # a button's text (close): page chrome, no headline
        return (_HEADLINE_MARKUP.sub("", title, count=1), None) if title and title.strip() != first else (None, None)
    if _BYLINE.fullmatch(_JUNK_LEAD.sub("", first)) or _SLOGAN.fullmatch(first) or _CAPTION.search(first) \
            or _STAMP_LINE.match(first):
        # a byline ((记者 孙洁静), 周口日报记者 李瑞才 通讯员 赵坤) or a banner of slogans above the
        # text (主业强劲 产业兴盛 创新引领): the page's own title, if it has one, is the headline
        title = None if title is None or title.strip() == first else title
        return (_HEADLINE_MARKUP.sub("", title, count=1), None) if title else (None, None)
    if first and (title is None or first in title or title in first):
        span = trim(text, top, top + len(first_line))
        while span.end - span.start > 1 and text[span.start] in _BULLETS + " \u3000":
            span = Span(span.start + 1, span.end)  # ●宣讲: the bullet is decoration
        tag = _HEADLINE_MARKUP.match(text, span.start, span.end)
        if tag and tag.end() < span.end:
            span = Span(tag.end(), span.end)
        site = _SITE_SUFFIX.search(text, span.start, span.end)
        if site and site.start() - span.start >= 6:
            span = Span(span.start, site.start())
        marker = PICTURE_MARK.search(text, span.start, span.end)
        if marker and marker.start() - span.start >= 6:
            span = Span(span.start, marker.start())
        return text[span.start:span.end], span
    return _HEADLINE_MARKUP.sub("", title, count=1) if title else title, None


# A byline: who wrote or photographed it, the names after a space or colon, nothing else (and 报道,
# 摄, 供图 after them: □记者 赵霞 报道).
_BYLINE = re.compile(r"[（(【\[]?(?:\s*[^\s，,。：:（()）]{0,16}?(?:记者|通讯员|作者|撰稿|供稿|编辑|责编|摄影|摄像)"
                     r"(?:[：:\s]+[\u4e00-\u9fff·]{2,5})+)+\s*(?:报道|摄|供图|摄影)?\s*[)）】\]]?")
# Damaged or decorative characters before a byline (??? □, ■).
_JUNK_LEAD = re.compile(r"^[?？□■◆●▲★☆\s]+")
# A photo's caption or credit: (资料图片), 图为…, …。通讯员 供图, …记者 张三 摄.
_CAPTION = re.compile(r"^[（(]?(?:资料图片|资料图|图片|配图)[)）]?$|^图为|(?:通讯员|记者|摄影)\s*[\u4e00-\u9fff·]{0,5}\s*(?:供图|摄)$")
# Slogans set above the text: three or more short parts with no verb of the genre between spaces.
_SLOGAN = re.compile(r"(?:(?![^\s]*(?:召开|举行|举办|主持|出席|讲话|宣讲|党课|会议|报告))[\u4e00-\u9fff]{2,6}[ \u3000]+){2,}"
                     r"(?![^\s]*(?:召开|举行|举办|主持|出席|讲话|宣讲|党课|会议|报告))[\u4e00-\u9fff]{2,6}")


# A page's stamp line opened by a date and a clock time (2013-12-25 15:15:06 人气:, 2021年3月2日 09:30 来源：…):
# the page's metadata, no headline.
_STAMP_LINE = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}[:：]\d{2}")


# Markup and column tags before a headline: a Markdown heading's ###, [视频], 【要闻】, a subtitle's ——,
# a column's name before —— (工作动态——, 党建园地——).
_COLUMN = r"(?:视频|图文|组图|直播|快讯|音频|要闻|头条|时政|动态|工作动态|本地新闻|图片新闻)"
_HEADLINE_MARKUP = re.compile(rf"(?:#{{1,6}}\s*|[—－]{{1,2}}\s*|\[{_COLUMN}\]\s*|【{_COLUMN}】\s*"
                              r"|(?:[\u4e00-\u9fff]{2,4}(?:园地|动态|要闻|专栏|快讯))——)+")
# Lines of site chrome above a headline: the site's bare name (人民网) and a breadcrumb (人民网>>上海频道).
_SITE_CHROME = re.compile(r"(?:[ \t]*(?:[\u4e00-\u9fff]{2,8}网|[^\n]{1,30}?(?:>>|＞＞|»)[^\n]{0,30})[ \t]*\n)*")
# A site's name after a page title: …会议_某某县人民政府, …会议 - 某某新闻网.
_SITE_SUFFIX = re.compile(r"\s*(?:[_|｜]|\s[-—－]\s)\s*[^\s_|｜]{2,24}(?:网|政府|网站|门户|官网|日报|在线|融媒体中心|电视台|新闻)$")


def _line_at(text: str, at: int) -> str:
    """The line of `text` that starts at `at` (without copying the rest of the text)."""
    end = text.find("\n", at)
    return text[at:] if end < 0 else text[at:end]


def _headline_like(line: str) -> bool:
    """A line that can be a headline: short, and not the lead paragraph's opening."""
    return 0 < len(line) <= HEADLINE_CHARS and not _LEAD_LINE.match(line) and not _LEAD_SENTENCE.fullmatch(line)


def _person(text: str, p: Found) -> Person:
    return Person(
        name=p.name, name_en=bilingual.name_en(p.name),
        title=bilingual.title(p.title) if p.title else None,
        roles=cast(list[Role], list(dict.fromkeys(p.roles))[:5]),  # the rule's role names; the model validates them
        evidence=evidence(text, p.start, p.end),
    )


# A dated activity that is not a meeting: 11月13日，我市在湖滨广场启动…宣传月活动, or a visit:
# 5月31日下午，副市长张某深入…派出所调研指导工作 / 调研组一行深入…开展专题调研 / 书记X在某镇调研走访企业 /
# 副市长X带领相关部门负责人…进行“回头看” (its date is the event's).
_ACTIVITY = re.compile(r"(?:启动|举行|举办|开展|开幕)[^。！？\n]{0,40}?(?:活动|仪式|宣传月|宣传周|活动月)"
                       r"|(?:深入|前往|来到|赴|到|在)[^。！？\n]{0,40}?(?:调研|视察|考察|检查|督导|走访|慰问)"
                       r"|(?:带领|带队|率领|率队)[^。！？\n]{0,60}?(?:调研|视察|考察|检查|督导|督查|督察|走访|慰问|回头看)")


def _sentence_of(text: str, pos: int) -> str:
    span = text_module.enclosing(text_module.sentences(text), pos)
    return text[span.start:span.end] if span else ""


_CLAUSE_END = re.compile(r"[，,。；;！？!?\n]")


def _date_span(text: str, mention: dates.DateMention, published: str | None, want: str) -> tuple[int, int]:
    """The shortest span from the date that reads back as the same date (`want`) on its own (a
    range's first day needs its 日: 3月27至28日; a bare day its verb: 24日在京召开; a sentence's
    year its clause), so that the grounder re-reading the quote finds the same date."""
    ends = [mention.end] + [m.end() for m in _CLAUSE_END.finditer(text, mention.end, min(len(text), mention.end + 200))]
    for end in ends:
        got = dates.find_dates(text[mention.start:end])
        if got and dates.resolve_date(got[0], published).value == want:
            return mention.start, end
    return mention.start, mention.end


# A page's label before its lead (摘要：, 导语：, 【导语】): chrome, not part of the convening sentence.
_LEAD_LABEL = re.compile(r"\s*(?:【(?:摘要|导语|导读)】|(?:摘要|导语|导读|内容提要)\s*[：:])\s*")


def _event(text: str, raw: RawEvent, published: str | None, topic: Span | None) -> Event:
    def bil(span: Span | None, fn: Callable[[str], Bilingual] = bilingual.term) -> Bilingual | None:
        return fn(text[span.start:span.end]) if span else None

    date = None
    if raw.date is not None:
        resolved = dates.resolve_date(raw.date, published)
        if _ISO.match(resolved.value):
            date = EventDate(value=resolved.value, year_basis=resolved.year_basis, note=resolved.note,
                             evidence=evidence(text, *_date_span(text, raw.date, published, resolved.value)))
    label = _LEAD_LABEL.match(text, raw.sentence.start) if raw.sentence else None
    return Event(
        name=bil(raw.name, bilingual.event), date=date, place=bil(raw.place, bilingual.place), convened_by=bil(raw.convened_by),
        topic=bil(topic, bilingual.text),
        evidence=evidence(text, label.end() if label else raw.sentence.start, raw.sentence.end) if raw.sentence else None,
    )


# A title that names the lecturing role (宣讲员, 小板凳宣讲队员, 大学生宣讲队成员, 主讲人), and the
# words of lecturing in a sentence that names the person (宣讲中，雷开富结合…给居民讲…).
_LECTURER_TITLE = re.compile(r"(?:宣讲员|宣讲队员|宣讲队成员|宣讲团成员|讲师团成员|主讲人|主讲嘉宾)$")
_LECTURING = re.compile(r"宣讲|讲述|讲授|授课|讲解|党课|讲座")


def _titled_lecturer(text: str, found: list[Found]) -> Found | None:
    """The first person whose title is a lecturing role and who lectures in a sentence naming them:
    a lecture at a village or a community, where no frame around the name says 作报告 or 主讲."""
    for p in found:
        if p.title and _LECTURER_TITLE.search(p.title) and "chair" not in p.roles:
            at = text.find(p.name)
            while at >= 0:
                if _LECTURING.search(_sentence_of(text, at)):
                    return p
                at = text.find(p.name, at + len(p.name))
    return None


LEAD_LINES = 2


def extract_facts(doc: Any) -> Facts:
    """Facts of one normalised document, every one with verbatim evidence from `doc.text`."""
    text: str = doc.text
    text_module.clear_cache()  # sentences are shared by the modules within one extraction only
    headline, head_span = _headline(doc, text)
    body = head_span.end if head_span else 0
    date_mentions = dates.find_dates(text)
    raw_event = find_event(text, headline, date_mentions)
    found = find_people(text)
    lecturer = next((p for p in found if "lecturer" in p.roles), None)
    if lecturer is not None and _NARRATED.match(_sentence_of(text, lecturer.start).lstrip()):
        lecturer.roles.remove("lecturer")  # 2016年2月，书记X为全院党员上了一堂党课: a feature's history, not its event
        lecturer = None
    if lecturer is None and (lecturer := _titled_lecturer(text, found)) is not None:
        lecturer.roles.insert(0, "lecturer")
    topic = find_topic(text, lecturer.end) if lecturer else None
    invited = lecturer is not None and bool(_INVITED.search(text, max(0, lecturer.start - 12), lecturer.start))
    name_zh = text[raw_event.name.start:raw_event.name.end] if raw_event.name else None
    convened = text[raw_event.convened_by.start:raw_event.convened_by.end] if raw_event.convened_by else None
    talks = [p for p in found if {"speaker", "lecturer", "reporter"} & set(p.roles)]
    first_talk = lecturer is not None and min(talks, key=lambda p: p.start) is lecturer \
        and _MEETING_SAYS.search(text, body, lecturer.start) is None
    kind, reason = detect_kind(text, headline, body, name_zh, convened, invited, lecturer is not None, first_talk)
    digest = digest_items(text, body, headline) if reason is None else []
    chronicle = chronicle_entries(text, body) if reason is None and not digest else []
    if digest or chronicle or reason == ROUNDUP_REASON:
        if digest or chronicle:
            kind, reason = "other", (f"a digest of {len(digest)} separate items, not the report of one meeting" if digest
                                     else f"a chronicle of {len(chronicle)} dated entries, not the report of one meeting")
        raw_event, topic = RawEvent(), None  # each item (each event of a roundup) has its own event, date and place
        for p in found:
            p.roles = [r for r in p.roles if r not in ("chair", "lecturer")] or ["speaker"]
    if kind == "policy_lecture" and lecturer is None:
        # a lecture event (报告会, 讲座) whose talk no lecture frame named: the first person who
        # gives a report or a talk there (X作报告, X作…讲话) gave the lecture
        speaker = next((p for p in found if "chair" not in p.roles and gives_talk(text, p.name)), None)
        if speaker is None:
            # …or the first titled person named in a lead sentence that speaks of lecturing, with no other
            # role there (所长孟某来到某村，组织…法治讲座活动; 书记某某带领“马背宣讲队”…; not 出席…并讲话)
            lead_stop = lead_end(text, body, LEAD_LINES)
            speaker = next((p for p in found if p.title and not p.roles and p.start < lead_stop
                            and _LECTURING.search(_sentence_of(text, p.start))), None)
        if speaker is not None:
            speaker.roles.insert(0, "lecturer")
            lecturer = speaker
            topic = find_topic(text, speaker.end)
    if kind != "policy_lecture":
        for p in found:
            if "lecturer" in p.roles:
                p.roles = [r for r in p.roles if r != "lecturer"] or ["speaker"]
        topic = None if kind == "other" else topic
    if reason and reason.startswith("no meeting") and not (
            raw_event.date and _ACTIVITY.search(_sentence_of(text, raw_event.date.start))):
        raw_event.date = None  # no event, so no event date (a date in a feature dates something else)
    people = [_person(text, p) for p in found[:PEOPLE_LIMIT]]
    anchors: list[tuple[int, str | None]] = list(speech_anchors(text, [p.name for p in found]))
    points = []
    for raw in find_points(text, anchors)[:POINT_LIMIT]:
        quote, start, end = point_text(text, raw)
        points.append(Point(number=raw.number, kind=cast(PointKind, raw.kind), text=bilingual.text(quote),
                            speaker=raw.speaker, evidence=evidence(text, start, end)))
    figs = find_figures(text, date_mentions)[:FIGURE_LIMIT]
    groups = [AttendeeGroup(text=bilingual.group(text[g.start:g.end]), evidence=evidence(text, g.start, g.end))
              for g in find_groups(text, [(p.start, p.end) for p in found], tuple(p.name for p in found))[:GROUP_LIMIT]]
    facts = Facts(
        kind=cast(Kind, kind),
        headline=bilingual.headline(headline) if headline else None,
        event=_event(text, raw_event, doc.published, topic),
        people=people,
        figures=[f for _, f in figs],
        points=points,
        attendee_groups=groups,
        out_of_scope_reason=reason,
    )
    facts.summary = build_summary(facts, [p.english() for p, _ in figs[:SUMMARY_FIGURES]])
    return facts


def people_and_figures(doc: Any, date_mentions: list[dates.DateMention] | None = None) -> Facts:
    """The people and figures `extract_facts(doc)` finds, and nothing else: what the LLM answer is
    cross-checked against, for a third of the cost (roles may differ: a digest's are not adjusted).
    `date_mentions`: the text's `find_dates`, when the caller has them already."""
    text: str = doc.text
    text_module.clear_cache()
    # names and titles as written: the cross-check compares those, so no English (nor pypinyin) is needed
    people = [Person(name=p.name, title=Bilingual(zh=p.title) if p.title else None,
                     roles=cast(list[Role], list(dict.fromkeys(p.roles))[:5]), evidence=evidence(text, p.start, p.end))
              for p in find_people(text)[:PEOPLE_LIMIT]]
    mentions = dates.find_dates(text) if date_mentions is None else date_mentions
    figures = [f for _, f in find_figures(text, mentions)[:FIGURE_LIMIT]]
    return Facts(kind="other", people=people, figures=figures)
