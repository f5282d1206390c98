"""The evidence for each reading of a page that no convening sentence, chair, attendance or speech
settles: a policy lecture, or `other` (a feature over many events, a visit).

A policy lecture has the genre's structure: someone (named or not: a lawyer, a volunteer, a teacher,
an official, a team) addresses an audience on a subject in a lecture frame. Each part is scored
where it is written (the headline, the lead paragraphs, one sentence holding frame and audience),
so that an unknown verb or agent does not drop the page to `other`; `other` needs the balance
against a lecture: a feature's marks (many dated events across years, `累计`, `多年来`, a brand
built over time) outweigh a frame word in passing.
"""
from __future__ import annotations

import re
from typing import NamedTuple

# A lecture frame: the words of teaching and explaining policy (讲座, 宣讲, 党课, 普法, 上课, 解读 …), law,
# health or safety (健康科普, 消防知识).
_FRAME = re.compile(r"宣讲|授课|讲座|辅导报告|专题报告|形势报告|宣讲报告|党课|课堂|普法|讲课|上课|开讲|讲解|解读|领学|讲堂"
                    r"|讲授|主讲|讲法|说法|讲政策|讲理论|微课|思政课|法治课|一课|法律知识|以案释法"
                    r"|科普|(?:健康|安全|消防|防疫|急救|防诈骗?)知识")  # a doctor's or a fireman's talk
# An audience: the people a lecture is given to.
AUDIENCE = (r"(?:村民|群众|党员|学生|职工|干部|居民|师生|员工|青年|乡亲|同学|老人|农户|工人|家长|妇女|学员|听众"
            r"|少先队员|官兵|村干部|社区居民|企业主|商户|大家|团员|队员|职员|护士|医护)")
_AUDIENCE = re.compile(AUDIENCE)
# Addressing the audience (为村民宣讲, 给学生上课, 向群众普法, 村民聆听) or the audience attending a talk.
_ADDRESS = re.compile(r"[为给向对带领组织](?:[^，,。；;！!？?\n]{0,12}?)(?:" + _AUDIENCE.pattern + ")"
                      r"|(?:" + _AUDIENCE.pattern + r")[^，,。；;！!？?\n]{0,8}?(?:聆听|听取|收听|认真听|参加|学习)")
# The subject of a talk: 围绕…, 就…, 结合…, 以…为题/主题, 《…》, …精神, …法.
_SUBJECT = re.compile(r"围绕|结合|就[^，,。；;\n]{2,30}?(?:进行|作|做|展开)|以[^，,。；;\n]{2,40}?为(?:题|主题)|《[^》\n]{2,40}》"
                      r"|精神|法律|条例|法规|政策|理论")
# One lecture, counted (一场…专题宣讲, 上了一节…党课, 一堂法治课, 一场普法座谈会): a single event, where a
# feature counts many.
_COUNTED = re.compile(r"(?:一场|一堂|一节|一次)[^，,。；;！!？?\n]{0,40}?(?:宣讲|讲座|党课|课|报告会|普法|科普)(?![程题件本])")
# A feature or a roundup over many events: it reports no single one (strong marks: a running total,
# a span of years, a brand or a case; weak ones, which a lecture's own content uses too: 不断, 打造).
_FEATURE = re.compile(r"累计|截至|多年来|近年来|近几年|常态化|品牌|先后|每月|每周|每年|每天|连日来|已培养|已开展|共开展|多场|场次"
                      r"|经验做法|典型案例|案例选编")
_FEATURE_WEAK = re.compile(r"一直|不断|越来越|系列|打造|亮点")
# A year written with a month (2016年2月): a feature dates events across years.
_YEAR_MONTH = re.compile(r"(?:19|20)\d\d年(?:\d{1,2}|[一二三四五六七八九十]{1,2})月")
# A sentence that opens with a year and a month and no day: a feature narrating its history.
_NARRATED = re.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月(?!\s*\d)(?:份|初|底|中旬|上旬|下旬)?[，,]")
_SENTENCE = re.compile(r"[^。！？!?；;\n]+")
LEAD_PARAGRAPHS = 3


class Balance(NamedTuple):
    """The evidence for a lecture and for `other`, with what scored it (for the reason)."""

    lecture: int
    other: int
    marks: tuple[str, ...]

    @property
    def is_lecture(self) -> bool:
        """A lecture: a frame with its audience or its subject, and more of it than a feature's marks."""
        return self.lecture >= 3 and self.lecture > self.other \
            and ("audience addressed" in self.marks or "subject" in self.marks)


# A prose paragraph: a sentence's punctuation inside it (a font switch or a byline has none), and
# longer than a site's banner or slogan line unless it is dated (5月3日，某村开展普法讲座。).
_PROSE = re.compile(r"[，,。；;][^\n]*[\u4e00-\u9fff]")
_DAY = re.compile(r"[0-9０-９一二三四五六七八九十]日")
SHORT_LINE = 40


def _lead(text: str, body_start: int) -> list[tuple[int, int]]:
    """The first LEAD_PARAGRAPHS prose paragraphs of the body (page chrome above them skipped)."""
    found: list[tuple[int, int]] = []
    start = body_start
    while start < len(text) and len(found) < LEAD_PARAGRAPHS:
        nxt = text.find("\n", start)
        end = len(text) if nxt < 0 else nxt
        if _PROSE.search(text, start, end) and (end - start > SHORT_LINE or _DAY.search(text, start, end)):
            found.append((start, end))
        start = end + 1
    return found


def lecture_balance(text: str, title: str | None, body_start: int) -> Balance:
    """Score a page with no meeting structure as a lecture against `other`.

    Lecture: a frame word in the headline (2) or the lead (1); one sentence of the lead with a frame
    and the audience addressed (2), a subject (1), one lecture counted (一场…宣讲, 一节…党课: 2).
    Other: the feature's words in the lead and the body (1 each, up to 3), and event dates in three
    or more different years and months (2).
    """
    marks: list[str] = []
    lecture = 0
    head = title or ""
    if _FRAME.search(head):
        lecture += 2
        marks.append("headline frame")
    lead_frame = False
    addressed = subject = counted = False
    sentences = (m.group() for start, end in _lead(text, body_start) for m in _SENTENCE.finditer(text, start, end))
    for sentence in sentences:
        if not _FRAME.search(sentence) or _NARRATED.match(sentence.lstrip()):
            continue  # (2016年2月，书记为全院党员上了一堂党课: a feature's history, not its event)
        lead_frame = True
        if not addressed and _ADDRESS.search(sentence):
            addressed = True
        if not subject and _SUBJECT.search(sentence):
            subject = True
        if not counted and _COUNTED.search(sentence):
            counted = True
    if lead_frame:
        lecture += 1
        marks.append("lead frame")
    if addressed:
        lecture += 2
        marks.append("audience addressed")
    if subject:
        lecture += 1
        marks.append("subject")
    if counted:
        lecture += 2
        marks.append("one lecture counted")
    strong = len({m.group() for m in _FEATURE.finditer(text, body_start)})
    weak = len({m.group() for m in _FEATURE_WEAK.finditer(text, body_start)})
    other = 2 * strong + weak
    if other:
        marks.append(f"feature words {strong}+{weak}")
    years = {m.group()[:4] for m in _YEAR_MONTH.finditer(text, body_start)}
    if len(years) >= 3:
        other += 2
        marks.append("events across years")
    return Balance(lecture, other, tuple(marks))
