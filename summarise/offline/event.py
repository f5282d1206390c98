"""The event: its name, date, place or format, convening body and lecture topic."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from summarise.parse import dates

from .kind import meeting_structure
from .people import LECTURE_NOUNS
from .text import Span, paragraphs, sentences, trim

MEETING_WORDS = (
    r"(?:会议|大会|推进会|座谈会|研讨会|讲座|报告会|论坛|推介会|培训班|交流会|部署会|调度会|现场会|动员会"
    r"|总结会|专题会|常务会|例会|推进会|联席会|见面会|发布会|恳谈会|协调会|分析会|表彰会|视频会|学习会|讲堂|会)"
)
_CLAUSE_MARKS = "，,。；;：:！!？?\n"
_CLAUSE = rf"[^{_CLAUSE_MARKS}]"
_CLAUSE_MARK = re.compile(rf"[{_CLAUSE_MARKS}]")
# A meeting's name holds no white space or separator bar (page chrome runs into a lead: 打印 | 新华社…).
_NAME_CHAR = rf"[^{_CLAUSE_MARKS}\s|]"
_HELD = re.compile(rf"(?P<subj>{_CLAUSE}{{0,30}}?)(?:组织|隆重|专门|再次|首次)?(?:召开|举行|举办)了?"
                   rf"(?P<name>{_NAME_CHAR}{{2,60}}{MEETING_WORDS}|会议(?=[，,。；;]|$))")  # 中共中央政治局12月8日召开会议，
# A time between a meeting's name and its verb: 于…, 15日下午, 11月18日 (…委员长会议15日下午在京举行).
_TIME_AFTER_NAME = rf"(?:于{_CLAUSE}{{1,12}}?|(?:[0-9０-９]{{1,2}}月)?[0-9０-９]{{1,2}}日(?:上午|下午|晚上|晚)?)"
# A meeting's name holds no pronoun and no preposition 从 (他从十七届四中全会召开的意义…讲起), but 从严.
_HELD_NAME_CHAR = rf"(?![他她]|从(?!严)){_NAME_CHAR}"
_HELD_AT = re.compile(rf"(?P<name>(?![对就把向将]){_HELD_NAME_CHAR}{{2,60}}?{MEETING_WORDS}){_TIME_AFTER_NAME}?(?:在(?P<place>{_CLAUSE}{{1,20}}?))?(?:隆重|胜利|顺利)?(?:召开|举行|开幕|闭幕)(?!式)")
# The verbs that end a match of _HELD_AT, and those inside a match of _HELD.
_HELD_AT_VERB = re.compile(r"召开|举行|开幕|闭幕")
_LAST_HELD_AT_VERB = re.compile(r".*(召开|举行|开幕|闭幕)", re.S)
_HELD_VERB = re.compile(r"召开|举行|举办")
_MEETING = re.compile(MEETING_WORDS)
_LEADING_TIME = re.compile(r"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}(?:日|(?=[-－—至到]\d)))?(?:[-－—至到]\d{1,2}日)?(?:上午|下午|晚上|晚|早上)?(?:\d{1,2}[点时](?:\d{1,2}分)?)?")
_SUBJECT_JUNK = re.compile(r"^(?:近日|日前|昨日|昨天|今天|今日|当天|随后|近期)?(?:[(（]\d{1,2}日[)）])?(?:上午|下午|晚上|晚)?")
_VIDEO = re.compile(r"视频会议|电视电话会议|视频连线|网络直播")
_VENUE = re.compile(rf"在(?P<place>{_CLAUSE}{{2,25}}?)(?:召开|举行|举办|开幕|隆重举行)")
_HOST = re.compile(rf"由(?P<host>{_CLAUSE}{{2,40}}?)(?:主办|组织召开|召开|举办)")
# A quoted title is one unit of the topic: 作“讲党课的基本要求和方法”专题讲座 is no lecture on “讲.
_LECTURE = re.compile(rf"(?:作|做|讲授|讲(?!授))了?(?:一(?:堂|场|次|个)[^的，,。]{{0,6}}的)?(?:题为)?(?P<topic>(?!了|一[堂场次个])(?:“[^”\n]{{1,60}}”|《[^》\n]{{1,60}}》|[^“《{_CLAUSE_MARKS}]){{1,60}}?)"
                      rf"的?{LECTURE_NOUNS}")
# Words of manner that stand where a lecture's topic would (作了全面、深入的宣讲).
_MANNER = re.compile(r"(?:全面|系统|深入|生动|精彩|深刻|详细|细致|认真|集中|专门|重要|精辟|透彻|通俗|形象|[、和而又且])+的?")
_QUOTED = re.compile(r"[《“\"]([^》”\"]{2,60})[》”\"]")


@dataclass
class RawEvent:
    """Spans of the event's facts in the text (None when not found)."""

    sentence: Span | None = None
    name: Span | None = None
    convened_by: Span | None = None
    place: Span | None = None
    topic: Span | None = None
    date: dates.DateMention | None = None


def _body_start(text: str, title: str | None) -> int:
    first = text.split("\n", 1)[0]
    if title and first.strip() and (first.strip() in title or title in first):
        return len(first) + 1 if "\n" in text else len(text)
    return 0


def _strip_time(text: str, start: int, end: int) -> int:
    m = _LEADING_TIME.match(text, start, end)
    start = m.end() if m else start
    m = _SUBJECT_JUNK.match(text, start, end)
    return m.end() if m else start


_HELD_WORD = re.compile(r"召开|举行|举办|开幕|闭幕")
# A convening verb inside relayed content: 传达…在主持召开…座谈会上讲话精神, X强调，总书记…主持召开…
_RELAY = re.compile(r"传达|(?:指出|强调|表示|说|认为|介绍|提出|希望)[，,：:]")
_DATED_VERB = re.compile(r"[0-9０-９一二三四五六七八九十][日号]前?(?:上午|下午|晚上|晚)?(?:组织)?(?:召开|举行|举办)的")


_PROSE = re.compile(r"(?:[^\u3400-\u9fff]*[\u3400-\u9fff]){4}")


# A line opened by a web address (http://www.sina.com.cn 2007年11月23日07:38 南海网): a source line.
_URL_LINE = re.compile(r"\s*(?:https?://|www\.)")


def _prose(text: str, start: int, end: int) -> bool:
    """A line of the report (not a wrapper line such as `date: 2021-11-15 01:22:39` or a source
    line opened by a web address)."""
    return _PROSE.match(text, start, end) is not None and _URL_LINE.match(text, start, end) is None


def _verb_clauses(verb: re.Pattern[str], text: str, sent: Span) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause of `sent` that holds a `verb`, in order."""
    end = sent.start
    for v in verb.finditer(text, sent.start, sent.end):
        if v.start() < end:
            continue  # another verb of the clause just given
        start = v.start()
        while start > sent.start and text[start - 1] not in _CLAUSE_MARKS:
            start -= 1
        mark = _CLAUSE_MARK.search(text, v.end(), sent.end)
        end = mark.start() if mark else sent.end
        yield start, end


# A match of _HELD or _HELD_AT holds a verb, a meeting word and no clause mark, so it lies in a
# clause with both; searching only those clauses, and a clause only up to where a match can end,
# gives the same match without trying every position of the sentence 60 characters ahead.
# A verb inside a would-be name: the match began at the subject (丁薛祥出席第二届…论坛开幕) or ran
# over a headline (…会议分析研究…习近平主持会议); a closing bracket with no opening one: a dateline's
# note (电（记者董雪）第二届…论坛).
_VERB_IN_NAME = re.compile(r"主持|出席|参加|召开|举行|审议|研究|听取|部署|分析|日电|记者|[0-9０-９]{1,2}月[0-9０-９]{1,2}日")
_UNOPENED = re.compile(r"^[^（(]*[）)]")


def _clean_name(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """``pattern.search`` in text[start:end], tried again past a verb or an unopened bracket in the
    name (which the name cannot hold)."""
    while start < end:
        m = pattern.search(text, start, end)
        if m is None:
            return None
        bad = _VERB_IN_NAME.search(m.group("name")) or _UNOPENED.search(m.group("name"))
        if bad is None:
            return m
        start = m.start("name") + bad.end()
    return None


def _held(text: str, sent: Span) -> re.Match[str] | None:
    """``_HELD.search`` over the sentence (a meeting word follows the verb)."""
    for start, end in _verb_clauses(_HELD_VERB, text, sent):
        verb = _HELD_VERB.search(text, start, end)
        if verb and _MEETING.search(text, verb.end(), end):
            m = _HELD.search(text, start, end)
            if m is not None and (_VERB_IN_NAME.search(m.group("name")) or _UNOPENED.search(m.group("name"))):
                m = None  # the name ran over another clause's verb (a flattened headline)
            if m is not None:
                return m
    return None


def _held_at(text: str, sent: Span) -> re.Match[str] | None:
    """``_HELD_AT.search`` over the sentence (a meeting word comes before the verb that ends it)."""
    for start, end in _verb_clauses(_HELD_AT_VERB, text, sent):
        last = _LAST_HELD_AT_VERB.match(text, start, end)
        if last and _MEETING.search(text, start, last.start(1)):
            m = _clean_name(_HELD_AT, text, start, last.end(1))
            if m is not None and not text.startswith("的", m.end()):  # 全会召开的重大意义: not a report of it
                return m
    return None


def _relayed(text: str, start: int, verb: int) -> bool:
    """The convening verb at `verb` follows a relay or speech verb in its sentence."""
    return _RELAY.search(text, start, verb) is not None


# A meeting the report schedules or names in a document, not the one it reports: 会议决定，…全会
# 于10月20日至23日在北京召开 / 会议同意明年1月12日召开… / 关于召开…会议的决定草案 / 将于下月举行.
_SCHEDULED = re.compile(r"决定|同意|建议|批准|将于|拟于|定于|计划|预计|关于|明年|下月|下周|即将|将在|此前|之前|前不久"
                        r"|定期|每月|每周|每季度|每年|常态化")  # a habit (定期召开评审会) convenes no one meeting


# A means of a campaign (通过召开座谈会、进村入户走访等形式): no one meeting the report covers.
_MEANS = re.compile(r"通过(?:组织)?$")


# A clause giving the grounds of the meeting (根据…工作计划安排，…召开了…): its 计划 schedules nothing.
_GROUNDS = re.compile(r"(?:根据|按照|依据|遵照)")


def _scheduled(text: str, start: int, verb: int) -> bool:
    """The convening verb at `verb` schedules a meeting (a decision, a plan, a document's title) or
    describes a habit (定期召开…, 每月召开…); a plan in a clause of grounds (根据…计划安排，) does not."""
    for m in _SCHEDULED.finditer(text, start, verb):
        clause = max(start, max(text.rfind(c, start, m.start()) for c in _CLAUSE_MARKS) + 1)
        if not _GROUNDS.match(text, clause) or _CLAUSE_MARK.search(text, m.end(), verb) is None:
            return True
    return False


def _structured(text: str, sent: Span) -> bool:
    """The sentence's paragraph has a chair, attendance or speeches (the report's own meeting)."""
    start = text.rfind("\n", 0, sent.start) + 1
    end = text.find("\n", sent.end)
    return bool(meeting_structure(text, start, len(text) if end < 0 else end))


# The subject of 召开 that names who chaired, not who convened: 国务院总理李强11月14日主持召开….
_CHAIRS = re.compile(r"主持$")
# A place inside the subject: 学校在综合办公楼808会议室召开… (the body before 在, the place after it).
_SUBJECT_AT = re.compile(r"在")
_TRAILING_TIME = re.compile(r"(?:于)?(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日(?:上午|下午|晚上|晚)?$")
# What a convening body is not: a clause with a verb of its own or a date (会议同意明年1月…, 听取了…).
_NOT_A_BODY = re.compile(r"[0-9０-９]|同意|决定|听取|审议|关于|的$|了$")


def _subject_parts(text: str, start: int, end: int) -> tuple[Span | None, Span | None]:
    """The convening body and the place in the subject text[start:end] of 召开 (either may be None)."""
    line = _DATELINE_AT.match(text, start, end)  # 新华社北京11月28日电 中共中央政治局…
    if line:
        start = line.end()
        note = re.compile(r"\s*(?:[（(][^）)]{0,20}[)）])?\s*").match(text, start, end)
        start = note.end() if note else start
    if end - start < 2 or _CHAIRS.search(text, start, end):
        return None, None
    when = _TRAILING_TIME.search(text, start, end)  # 中共中央政治局11月28日召开会议
    end = when.start() if when else end
    at = _SUBJECT_AT.search(text, start, end)
    place = None
    if at is not None and end - at.end() >= 2:
        place, end = Span(at.end(), end), at.start()
    if end - start < 2 or _NOT_A_BODY.search(text, start, end):
        return None, place
    return Span(start, end), place


# The event someone attended when no sentence convenes one: 国务院总理李强在莫斯科出席上海合作组织…第二十四次会议.
_ATTENDED = re.compile(rf"(?:在(?P<place>{_CLAUSE}{{2,20}}?))?出席(?!了?[^，,。；;]{{0,4}}(?:并|开幕式|仪式))(?P<name>{_NAME_CHAR}{{2,60}}{MEETING_WORDS})(?![^，,。；;]{{0,2}}(?:开幕式|闭幕式|仪式)|[^，,。；;]{{0,3}}的)")


def _attended(text: str, sents: list[Span], event: RawEvent) -> None:
    """Name (and place) of the event attended in the first of `sents` that says so."""
    for sent in sents[:3]:
        m = _clean_name(_ATTENDED, text, sent.start, sent.end)
        if m is not None:
            event.sentence, event.name = sent, Span(m.start("name"), m.end("name"))
            if m.group("place"):
                event.place = Span(m.start("place"), m.end("place"))
            return


# Page chrome before a lead in the same sentence (…字号：默认 大 超大 | 打印 | 李强主持召开…) and a
# dateline after a repeated headline (…主持会议 新华社北京12月8日电 中共中央政治局…): the event's
# quote starts after the last separator bar, at the dateline.
_DATELINE_AT = re.compile(r"(?:新华社|中新社|新华网|人民网|央视网|中国新闻社|本报|本台)[\u4e00-\u9fff]{0,8}?"
                          r"(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日电")


def _past_chrome(text: str, sent: Span) -> Span:
    """The sentence from its last separator bar and then from its last dateline on."""
    start = sent.start
    bar = text.rfind("|", sent.start, sent.end)
    if bar >= 0:
        start = bar + 1
    lines = list(_DATELINE_AT.finditer(text, start, sent.end))
    if lines and lines[-1].start() > start:
        start = lines[-1].start()
    return trim(text, start, sent.end) if start > sent.start else sent


def find_event(text: str, title: str | None, date_mentions: list[dates.DateMention] | None = None) -> RawEvent:
    """The sentence that reports the event and the facts it states."""
    body = _body_start(text, title)
    event = RawEvent()
    date_mentions = dates.find_dates(text) if date_mentions is None else date_mentions
    sents = list(islice((_past_chrome(text, s) for s in sentences(text)
                         if s.start >= body and s.end - s.start > 4 and _prose(text, s.start, s.end)), 12))
    found = []
    back_refs = []
    for sent in sents:
        if not _HELD_WORD.search(text, sent.start, sent.end):
            continue
        held = _held(text, sent)
        held_at = _held_at(text, sent)
        if held and text.startswith("的", held.start("name")):
            # 日前召开的…会议: a reference back, not the report of the event; but a dated one
            # (记者从8月30日举行的…会议上了解到) is the report's own meeting when nothing else is
            if _DATED_VERB.search(text, max(sent.start, held.end("subj") - 8), held.end("subj") + 4):
                back_refs.append((sent, held))
            held = None
        if held and (_relayed(text, sent.start, held.end("subj")) or _scheduled(text, sent.start, held.end("subj"))
                     or _MEANS.search(text, sent.start, held.end("subj"))):
            held = None
        if held_at and (_relayed(text, sent.start, held_at.start("name"))
                        or _scheduled(text, sent.start, held_at.end("name") if held_at.group("place") is None
                                      else held_at.start("place"))):
            held_at = None
        if held or held_at:
            found.append((sent, held, held_at))
    dated = {d.start for d in date_mentions if d.day}
    has_date = lambda sent: any(sent.start <= d < sent.end for d in dated)  # noqa: E731
    if len(found) > 1:  # (the key scans each sentence's paragraph for meeting structure)
        found.sort(key=lambda f: (not has_date(f[0]), not _structured(text, f[0])))
    if not found and back_refs:
        sent, held = back_refs[0]
        event.sentence, event.name = sent, Span(held.start("name") + 1, held.end("name"))
    for sent, held, held_at in found[:1]:
        event.sentence = sent
        # a body whose name ends in 会 before the verb (民建嘉兴市委会召开了…会议) convenes the named meeting
        # after it (not a bare 会议: 市委常委会3月2日召开会议 names the meeting before the verb)
        if held and (not held_at or held.start("name") <= held_at.start("name")
                     or (held_at.end() <= held.start("name") and held.group("name") != "会议")):
            event.name = Span(held.start("name"), held.end("name"))
            subj_start = _strip_time(text, held.start("subj"), held.end("subj"))
            host, place = _subject_parts(text, subj_start, held.end("subj"))
            if host is not None:
                event.convened_by = host
            if place is not None:
                event.place = place
        else:
            assert held_at is not None
            name_start = _strip_time(text, held_at.start("name"), held_at.end("name"))
            event.name = Span(name_start, held_at.end("name"))
            if held_at.group("place"):
                event.place = Span(held_at.start("place"), held_at.end("place"))
        break
    if not found and not back_refs:
        _attended(text, sents, event)
    if event.sentence is None and sents:
        event.sentence = sents[0]
    region_end = event.sentence.end if event.sentence else len(text)
    if event.place is None:
        m = _VENUE.search(text, body, region_end) or None
        if m:
            event.place = Span(m.start("place"), m.end("place"))
        else:
            v = _VIDEO.search(text, body)
            if v:
                event.place = Span(v.start(), v.end())
    if event.convened_by is None:
        m = _HOST.search(text, body)
        if m:
            event.convened_by = Span(m.start("host"), m.end("host"))
    if event.place is not None and _NOT_A_PLACE.search(text, event.place.start, event.place.end):
        event.place = None  # 在新疆考察时的重要讲话精神和…召开: a speech's occasion, not where the meeting sat
    event.date = _event_date(date_mentions, text, body, event.sentence)
    return event


# What a place is not: a clause about a speech or an inspection (在X考察时的重要讲话精神…).
_NOT_A_PLACE = re.compile(r"讲话|精神|考察|视察|调研|时的")


# 2021-11-15 01:22:39: a page or crawl timestamp, not the date of an event.
_TIMESTAMP = re.compile(r"\s*[T ]?\d{1,2}:\d{2}")
# 9月30日前完成: a deadline; but 8月30日前举行的…会议 dates the meeting.
_DEADLINE = re.compile(r"前(?!(?:上午|下午|晚上|晚)?(?:组织)?(?:召开|举行|举办))")


# A dateline (新华社北京3月5日电, 浙江在线11月27日讯): the date of the report, not of the event when
# the lead dates the event right after it.
_DATELINE = re.compile(r"(?:讯|电|消息)")
# …and a lead that dates the event only relative to it (新华社北京11月21日电 某县昨天召开…) leaves the
# day unknown (without a publication date 昨天 cannot be placed; the dateline's day would be wrong).
_RELATIVE_EVENT_DAY = re.compile(r"[^。！？!?\n]{0,80}?(?:昨天|昨日|前天|近日|日前|前不久|上周|上月)")


_SHORT_LINE = 40  # characters: a lead paragraph is longer, or dated


def _event_date(all_mentions: list[dates.DateMention], text: str, body: int,
                sentence: Span | None) -> dates.DateMention | None:
    mentions = [d for d in all_mentions if d.start >= body and (d.day or d.relative is not None)
                and not _TIMESTAMP.match(text, d.end) and not _DEADLINE.match(text, d.end)
                and not text.startswith("》", d.start - 1)]  # 《扬州日报》4月3日: a paper's issue
    if not mentions:
        return None
    if sentence is not None:
        inside = [d for d in mentions if sentence.start <= d.start < sentence.end]
        if len(inside) > 1 and _DATELINE.match(text, inside[0].end) and inside[1].start - inside[0].end <= 30:
            return inside[1]  # 浙江在线11月27日讯（记者 X）26日至27日，…举行: the dateline dates the report
        if inside and not (len(inside) == 1 and _DATELINE.match(text, inside[0].end)):
            return inside[0]
        before = [d for d in mentions if d.start < sentence.start]
        if not inside and before and sentence.start - before[-1].end < 200:
            return before[-1]
    # the first dated sentence of the report: in its lead, else in the next two paragraphs; a
    # dateline (中新网11月21日电) only when no other date follows it there
    # (a short line with no date, a site's banner or a byline, is no lead paragraph: it is skipped)
    leads = islice((p for p in paragraphs(text) if p.start >= body and _prose(text, p.start, p.end)
                    and (p.end - p.start > _SHORT_LINE or any(p.start <= d.start < p.end for d in mentions))), 3)
    dateline = None
    for lead in leads:
        early = [d for d in mentions if lead.start <= d.start < lead.end]
        own = [d for d in early if not _DATELINE.match(text, d.end)]
        if own:
            return own[0]
        if early and dateline is None:
            if _RELATIVE_EVENT_DAY.match(text, early[0].end):
                return None
            dateline = early[0]
    return dateline


def find_topic(text: str, lecturer_pos: int | None) -> Span | None:
    """Lecture topic: 《…》/“…” in the lecture clause, else what stands between 作 and 专题讲座."""
    if lecturer_pos is None:
        return None
    m = _LECTURE.search(text, lecturer_pos, min(len(text), lecturer_pos + 120))
    if not m:
        return None
    q = _QUOTED.search(text, m.start("topic"), m.end("topic") + 1)
    if q:
        return Span(q.start(1), q.end(1))
    if _MANNER.fullmatch(text, m.start("topic"), m.end("topic")):
        return None  # 作了全面宣讲, 作了系统深入的辅导: how it was given, not what about
    return Span(m.start("topic"), m.end("topic"))
