"""Kind of article: meeting report, policy lecture (a meeting built around a lecture), or other.

The rule is the presence of meeting structure, not of the word 会议:

- A **meeting report** reports a meeting through at least one of the genre's structural sentences:
  the convening sentence (`X月X日，…召开/举行…会议`, found by `event.find_event`, including a dated
  back-reference such as `记者从8月30日举行的…会议上了解到`), the chair (`…主持会议`, `会议由…主持`,
  `主持报告会`), attendance (`…出席/参加/列席会议`, `与会`), or speeches at the meeting (`会议指出/强调/
  要求`, `会上`, `在调研座谈会上，X汇报/表示…`). A visit with a 调研座谈会 is a meeting report.
  Attending an activity or a ceremony (`出席活动`, `启动仪式`, a publicity month's launch) is not
  meeting structure.
- A **policy lecture** is a meeting built around a lecture: someone was invited to lecture
  (`邀请…作…专题讲座`), the event itself is a lecture (`…报告会`, `…专题党课`, `…大讲堂`), the
  lecture is received at a branch venue or online (`在…分会场集中收听收看了讲座`, `组织收听收看…
  专题讲座`: the local attendees are its participants), or someone gives a
  lecture (`X作…专题辅导报告/专题报告/宣讲报告/专题党课`) that the report frames as the event
  (`主持报告会`, `报告会由…主持`, `…主持宣讲会`, `报告会上`).
- **Other**: speech transcripts (a salutation opens the body, or the headline says 讲话/致辞), a
  company's internal meeting, and articles with no meeting structure — including features that
  mention a meeting only in passing (`X在日前召开的…会议上提出了上述观点`): a back-reference
  (`…召开的…会议上`) is not a structural sentence. A digest (a bulletin issue carrying separate
  items under their own headings, two or more of them meetings, none named by the page's headline;
  `sections.digest_items`) is other too: no one event, chair or lecturer belongs to the page. So are a
  visit or an inspection whose headline names no meeting and whose body reports none (talks with each
  firm's managers are part of the visit), and a headline reporting awards or appointments (…评选中获奖).
  So is a roundup (…宣讲活动综述, in the headline or a subtitle line): a campaign's many events.
"""
from __future__ import annotations

import re

from summarise.parse.numbers import scan

from .balance import lecture_balance

_SALUTATION = re.compile(r"^(?:各位[^\n：:]{0,20}|同志们|尊敬的[^\n：:]{0,30}|大家(?:上午|下午|晚上)?好)[，,：:！!]")
_SPEECH_TITLE = re.compile(r"(?:的讲话|讲话稿|讲话全文|(?<![并和])致辞|发言稿|的发言)(?:[（(].*[)）])?$")  # X出席…并致辞 reports a speech
_COMPANY = re.compile(r"(?:集团|有限公司|股份|公司|企业(?!家))")  # 企业家座谈会: a meeting with entrepreneurs
# A company's party organisation meets as the party does (集团党总支召开…动员大会, 集团党委中心组学习).
_PARTY_ORGAN = re.compile(r"党委|党总支|党支部|党组|中心组|党工委")
# A notice, plan or opinion issued as a document (关于开展…活动的通知): it announces, it reports nothing.
_NOTICE_TITLE = re.compile(r"^关于[^\n]{2,80}的(?:通知|通报|意见|办法|方案|规定|决定|公告|批复|函)$")
# A notice's own formulas in the body (现将有关事项通知如下, 特此通知): it convenes a session, reports none held.
_NOTICE_BODY = re.compile(r"通知如下|特此通知")
_GOVERNMENT = re.compile(r"(?:政府|党委|市委|县委|省委|区委|镇委|镇|县|市|省|区|局|厅|部|办|委员会|政协|人大|中心|林局)")
_LECTURE_EVENT = re.compile(r"(?:讲座|报告会|辅导|党课|授课|讲课|宣讲|讲堂)")

_MEETING_NOUN = r"(?:会议|大会|座谈会|报告会|宣讲会|讲座|党课|学习会|推进会|研讨会|交流会|专题会|常委会|例会|会)"
_CHAIR = re.compile(rf"主持(?:召开)?了?[^，,。；;\n]{{0,12}}?{_MEETING_NOUN}|由[^，,。；;\n]{{2,30}}主持(?![的人])|主持(?:学习|讨论)")
# Attendance at a meeting (出席会议, 列席, 与会, 在分会场收听收看了讲座); not at an activity or a
# ceremony (出席活动, 出席启动仪式: a launch or a campaign is not a meeting).
_ATTEND = re.compile(
    rf"(?:出席|参加|列席|参会)了?[^，,。；;\n]{{0,10}}?(?:{_MEETING_NOUN}(?!精神)|学习|座谈)|与会|参会"
    rf"|(?:收听收看|收看|收听|观看)了?[^，,。；;\n]{{0,20}}?(?:{_MEETING_NOUN}(?!精神)|讲堂|直播)")
_ATTEND_FIRST = re.compile(r"[出参列与收观]")  # what a match of _ATTEND starts with
# A lecture received elsewhere (在分会场集中收听收看了讲座, 组织收听收看…专题讲座): the event is a lecture.
_WATCHED_LECTURE = re.compile(r"(?:收听收看|收看|收听|观看)了?[^。；;\n]{0,40}?(?:讲座|报告会|党课|讲堂|辅导报告|宣讲)")
_WATCHED_FIRST = re.compile(r"[收观]")
_SPEECH = re.compile(
    r"(?:会议|大会|会上|座谈会上|报告会上)[，,]?(?:指出|强调|要求|认为|提出|决定|研究|部署|听取|审议|通报|传达|学习|明确)"
    rf"|在[^，,。；;\n]{{0,30}}?{_MEETING_NOUN}上[，,]?[^。；;\n]{{0,16}}?(?:讲话|汇报|发言|表示|指出|强调|介绍|交流)"
    r"|会上[，,]")
_SPEECH_FIRST = re.compile(r"[会大座报在]")
# A meeting named as the source or setting of something else: 日前召开的…会议上提出了上述观点.
_BACK_REFERENCE = re.compile(r"(?:召开|举行|举办)的")
# The report frames a lecture as the event.
_LECTURE_FRAME = re.compile(
    r"主持(?:了)?(?:报告会|宣讲会|讲座|党课|辅导)|(?:报告会|宣讲会|讲座|党课)(?:由|上|中|现场|采取)|(?:举办|举行|召开)[^，,。；;\n]{0,30}(?:报告会|宣讲会|讲座|党课)")

# The genre's words for a lecture and for a meeting, as a headline or a lead sentence names the event.
_LECTURE_WORD = re.compile(r"讲座|党课|报告会|宣讲|讲堂|辅导|授课|讲课|主讲|讲授")
MEETING_NAMES = (r"(?:会议|大会|座谈|推进会|调度会|动员会|部署会|学习会|报告会|宣讲会|恳谈会|研讨会|交流会|例会|常委会"
                 r"|常务会|全会|党课|讲堂|讲座|论坛|培训班|集体学习|专题学习|中心组学习|学习研讨|生活会|联席会|协调会"
                 r"|现场会|分析会|总结会|表彰会|见面会|茶话会|誓师会|启动会|评审会|听证会|汇报会|推介会|观摩会|培训会"
                 r"|约谈)")  # a summons (警示约谈, 集体约谈会): a convened meeting with business
_MEETING_NAME = re.compile(MEETING_NAMES)
# A lead sentence that holds a meeting: 召开/举行/开展…学习会, 与企业负责人座谈 (not 召开的…: a back-reference;
# not 宣讲…三中全会精神: a meeting's spirit is the topic of what is held).
SUMMONS = r"(?:公开|集体|集中|警示|提醒|专项)约谈(?!会?精神)"  # 公开约谈…: a summons held, a meeting
_SUMMONS = re.compile(SUMMONS)
_HOLDS_MEETING = re.compile(rf"(?:(?<!通过)(?:召开|举行|举办|开展|组织|进行|参加|出席|列席)(?!的)[^，,。；;\n]{{0,30}}?{MEETING_NAMES}(?!精神)"
                            rf"|与[^，,。；;\n]{{1,30}}?座谈|{MEETING_NAMES}[^，,。；;\n]{{0,6}}?(?:召开|举行|举办|开幕)"
                            r"|" + SUMMONS + r")(?!的)")
LEAD_PARAGRAPHS = 3
# A study session or training (中心组学习会, 集体学习, 培训班): a lecture given there is its programme.
_STUDY = re.compile(r"学习|培训|研修")


# The clauses of a headline: a kicker, the main line, a subtitle (spaces, commas, colons, dashes).
_HEAD_CLAUSES = re.compile(r"[\s\u3000，,：:！!？?—]+")
# A headline that reports awards or appointments (…评选中获奖, 荣获…称号, 被评为…, 任命…): a notice.
_AWARD = re.compile(r"获奖|荣获|获评|喜获|斩获|被评为|获得[^，,。\s]{0,20}?(?:称号|奖)|入选[^，,。\s]{0,20}?(?:名单|名录)|任免|任命")
# A headline that reports a visit or an inspection (走访企业调研…, 视察…, 督导检查…).
_VISIT = re.compile(r"走访|调研|视察|考察|督导|督查|检查|慰问|察看|看望")


def _first_sentence_end(text: str, start: int) -> int:
    ends = [i for i in (text.find(c, start) for c in "。！？!?\n") if i >= 0]
    return min(ends) if ends else len(text)


def _in_headline_or_lead(pattern: re.Pattern[str], text: str, title: str | None, body_start: int) -> bool:
    """`pattern` occurs in the headline or in the first LEAD_PARAGRAPHS paragraphs of the body."""
    if title and pattern.search(title):
        return True
    return pattern.search(text, body_start, lead_end(text, body_start)) is not None


def lead_end(text: str, body_start: int, paragraphs: int = LEAD_PARAGRAPHS) -> int:
    """Where the first `paragraphs` paragraphs of the body end."""
    end = body_start
    for _ in range(paragraphs):
        nxt = text.find("\n", end + 1)
        end = len(text) if nxt < 0 else nxt
    return end


# A habit (定期召开评审会, 每月召开例会): it names no one meeting held.
_HABIT = re.compile(r"(?:定期|每月|每周|每季度|每年|常态化)$")


# A lecture's own names for its event (开展…专题讲座, 听党课, 报告会): a gathering held to hear a talk.
_LECTURE_NAME = re.compile(r"(?:讲座|党课|报告会|宣讲会|讲堂)$")


# A lecture frame naming the gathering (普法座谈会, 科普报告会, 宣讲座谈): the lecture's own name for it.
_LECTURE_QUALIFIER = re.compile(r"(?:普法|科普|宣讲|法治宣传|健康教育)$")


def names_a_meeting(text: str, title: str | None, body_start: int, lectures: bool = True) -> bool:
    """The headline or a lead paragraph names a meeting (县政协开展民主监督座谈, …调度会召开), not a habit;
    with `lectures` False, not a lecture's own name for its event (开展…专题讲座, 开展一场普法座谈会)."""
    def meeting(m: re.Match[str]) -> bool:
        names = list(_MEETING_NAME.finditer(m.group()))
        return lectures or not (names and (_LECTURE_NAME.search(names[-1].group())
                                           or _LECTURE_QUALIFIER.search(m.group(), 0, names[-1].start())))
    if title and any(meeting(m) for m in _HOLDS_MEETING.finditer(title)):
        return True
    return any(not _HABIT.search(text, max(0, m.start() - 4), m.start()) and meeting(m)
               for m in _HOLDS_MEETING.finditer(text, body_start, lead_end(text, body_start)))


# A meeting's business, which a lecture held as a gathering (报告会, a class in a school hall) has not:
# a chair, or the meeting deploying, deliberating, hearing reports, studying or deciding.
_BUSINESS = re.compile(rf"主持(?:召开)?了?[^，,。；;\n]{{0,12}}?{_MEETING_NOUN}|由[^，,。；;\n]{{2,30}}主持(?![的人])"
                       r"|(?:会议|会上|大会)[，,]?[^。；;\n]{0,6}?(?:部署|审议|听取|研究|通报|传达|决定|表决)")


def has_business(text: str, body_start: int) -> bool:
    """The body reports a meeting's business (主持会议, 会议研究/部署/审议/听取…)."""
    return _BUSINESS.search(text, body_start) is not None


# A lecture held, in the headline or a lead paragraph: 聆听…宣讲, 开展…宣讲活动, 宣讲队…宣讲党的好政策.
_HOLDS_LECTURE = re.compile(r"(?:聆听|收听|开展|举办|举行|组织|进行|来到|走进|送)(?!的)[^，,。；;！？\n]{0,30}?(?:宣讲|讲座|党课|报告会|讲堂)"
                            r"|(?:宣讲团|宣讲队|讲师团)[^。；;！？\n]{0,40}?宣讲(?![团队员])")


def reports_lecture(text: str, title: str | None, body_start: int) -> bool:
    """The headline or a lead paragraph reports a lecture held (a village 宣讲 by a lecture team)."""
    return _in_headline_or_lead(_HOLDS_LECTURE, text, title, body_start)


# (name, pattern, the characters its matches start with)
_SIGNALS = (("chair", _CHAIR, re.compile("[主由]")), ("attendance", _ATTEND, _ATTEND_FIRST),
            ("speeches", _SPEECH, _SPEECH_FIRST))


def meeting_structure(text: str, body_start: int = 0, end: int | None = None) -> list[str]:
    """Structural sentences of a meeting in text[body_start:end] (chair, attendance, speeches)."""
    found: list[str] = []
    for name, pattern, first in _SIGNALS:
        for m in scan(pattern, first, text, body_start, end):
            clause = max(text.rfind(c, 0, m.start()) for c in "，,。；;\n") + 1
            # 看望出席…会议的委员: a meeting that describes someone, not one the report covers
            if not _BACK_REFERENCE.search(text, clause, m.end()) and not text.startswith("的", m.end()):
                found.append(name)
                break
    return found


def _meeting_first(event_name: str) -> bool:
    """The event's (first) name is a meeting's, neither a lecture's nor a study session's:
    …工作会议暨学习秘书培训会, …动员大会暨专题讲座, not …集中学习暨宣讲报告会 or 宣讲活动暨表彰活动."""
    first = event_name.split("暨", 1)[0]
    heads = [m.group() for m in _MEETING_NAME.finditer(first)]
    # the last meeting noun is the head (“党史学习教育”动员大会: a 大会 whose topic mentions study);
    # a lecture word anywhere names a lecture meeting (专题讲座视频会议)
    return bool(heads) and not _LECTURE_EVENT.search(first) and not _STUDY.search(heads[-1])


# A meeting with no name of its own (召开会议, 召开支部党员大会): what it is for says what it is.
_GENERIC_MEETING = re.compile(r"(?:支部|党员|全体党员|支部党员)?(?:会议|大会)")


# The chair of the meeting itself (主持会议, 大会由…主持), not of a lecture (主持报告会).
_CHAIRS_MEETING = re.compile(r"主持(?:召开)?(?:了)?(?:会议|大会)|(?:会议|大会)由[^，,。；;\n]{2,30}?主持")


_JOINED = re.compile(r"暨[^，,。；;\n]{2,40}")  # the second part of a joint event the name stops before


def _joint_meeting(event_name: str, text: str, body_start: int) -> bool:
    """A joint event (A暨B) one of whose parts is a meeting with business (…扩大会议暨专题党课学习,
    …宣讲会暨…推进会), chaired as a meeting: a meeting report with a lecture on its agenda."""
    at = text.find(event_name, body_start)
    joined = _JOINED.match(text, at + len(event_name)) if at >= 0 else None
    parts = (event_name + joined.group() if joined else event_name).split("暨")
    return len(parts) > 1 and any(_meeting_first(p) for p in parts) \
        and _CHAIRS_MEETING.search(text, body_start) is not None


def _watched_lecture(text: str, start: int = 0) -> bool:
    return next(scan(_WATCHED_LECTURE, _WATCHED_FIRST, text, start), None) is not None


# A roundup (…活动综述, …巡礼): a campaign's many events in one article, in the headline or in a subtitle
# line (——我市…宣讲活动综述) at the top of the body; no one event, chair or lecturer belongs to it.
# (not one meeting's own summary: 研讨会综述, 会议综述, 论坛综述)
_ROUNDUP = re.compile(r"(?<![会议坛])综述|巡礼|纵览")
_SUBTITLE = re.compile(r"^(?:——|—|－－|--)[^\n]*", re.M)
SUBTITLE_REACH = 400
ROUNDUP_REASON = "a roundup of many events, not the report of one"


# Events held in every village or school of an area (在各村举行了…讲堂活动, 深入各乡镇开展…): a campaign's
# many events, each with its own date and speaker.
# Events held in every place at once: the places right before the verb (在各村举行, 深入各社区分别开展), not a
# meeting of the places' people (在各乡镇党委书记述职评议会上进行点评) nor a plan for them (研究部署在各乡镇开展).
_MANY_PLACES = re.compile(r"(?<!部署)(?<!要求)(?<!安排)(?:在|深入|走进|到)(?:全?[县市区镇乡])?各(?:个)?"
                          r"(?:村|社区|乡镇|镇|乡|街道|学校|单位|村组|行政村)(?:分别|陆续|相继|同步|先后)?(?:举行|举办|开展)")


def roundup(text: str, title: str | None, body_start: int) -> bool:
    """The headline, or a subtitle line (——…) near the top of the text, calls the page a roundup; or
    the lead's first sentence holds its events in every village (在各村举行了健康大讲堂活动)."""
    if title and _ROUNDUP.search(title):
        return True
    if _MANY_PLACES.search(text, body_start, _first_sentence_end(text, body_start)):
        return True
    return any(_ROUNDUP.search(m.group()) for m in _SUBTITLE.finditer(text, 0, body_start + SUBTITLE_REACH))


def detect_kind(text: str, title: str | None, body_start: int, event_name: str | None,
                convened_by: str | None, lecturer_invited: bool, lecture: bool = False,
                lecture_first: bool = False) -> tuple[str, str | None]:
    """(kind, reason when other).

    `event_name`: the convened event (None when no convening sentence was found);
    `lecturer_invited`: someone was invited to lecture (邀请…作…讲座); `lecture`: someone gives a
    lecture (作…专题辅导报告 …); `lecture_first`: that lecture is the first talk the report names
    (no one's speech, nor the meeting's own 会议指出/强调, comes before it).
    """
    head = (title or "").strip()
    body = text[body_start:].lstrip()
    if _SALUTATION.match(body) or _SPEECH_TITLE.search(head):
        return "other", "a speech transcript, not a report of a meeting"
    if _NOTICE_TITLE.search(head):
        return "other", "a notice or document (a “notice on …”), not a report of a meeting"
    if _NOTICE_BODY.search(text, body_start):
        return "other", "a notice convening a meeting, not a report of one held"
    if roundup(text, head, body_start):
        return "other", ROUNDUP_REASON
    # with no convening body, the headline's clause that names the meeting (a kicker above it, 倾听企业心声,
    # names no one)
    actor = convened_by or next((c for c in _HEAD_CLAUSES.split(head) if _MEETING_NAME.search(c)), head)[:12]
    lecture_event = bool(event_name and _LECTURE_EVENT.search(event_name)) or lecturer_invited
    if not lecture_event and _COMPANY.search(actor or "") and not _GOVERNMENT.search(_COMPANY.split(actor)[0] if actor else "") \
            and not _PARTY_ORGAN.search(actor or "") and not _PARTY_ORGAN.search(event_name or ""):
        return "other", "a company's internal meeting, not a government meeting"
    if event_name is None and not lecture and _AWARD.search(head) and not _HOLDS_MEETING.search(head):
        return "other", "a notice of awards or appointments, not a report of a meeting"
    # the visit is read in the headline, or without one in the lead's first sentence (…来公司调研…)
    first_end = _first_sentence_end(text, body_start)
    visit = _VISIT.search(head) if head else _VISIT.search(text, body_start, first_end)
    # (a first sentence that summons, 公开约谈…观摩督导中倒数第一的单位, is no visit)
    if event_name is None and not lecture and visit and not _HOLDS_MEETING.search(head) \
            and (head or not _SUMMONS.search(text, body_start, first_end)) \
            and not meeting_structure(text, body_start):
        return "other", "a visit or an inspection, not a meeting"
    if lecture and not lecture_first and event_name and _meeting_first(event_name):
        return "meeting_report", None  # a lecture as one item of a meeting (动员大会暨专题讲座 after two speeches)
    if event_name and _joint_meeting(event_name, text, body_start):
        return "meeting_report", None
    framed = (lecture and bool(_LECTURE_FRAME.search(text, body_start))) \
        or _watched_lecture(text, body_start) or _watched_lecture(head)
    if (event_name and _LECTURE_EVENT.search(event_name)) or lecturer_invited or framed:
        return "policy_lecture", None
    if lecture and lecture_first and event_name and _GENERIC_MEETING.fullmatch(event_name) \
            and not has_business(text, body_start):
        return "policy_lecture", None  # 召开会议，请X为全体党员讲党课: a meeting convened for the lecture
    if lecture and (event_name is None or _LECTURE_WORD.search(head)
                    or (lecture_first and _STUDY.search(event_name))):
        return "policy_lecture", None  # the lecture is the page's event: no other meeting, or the headline's
    if event_name is None:
        # a lecture held as a gathering (报告会上, 开展…讲座) with no meeting business, or a page that
        # convenes nothing
        gathering = not has_business(text, body_start) and not names_a_meeting(text, head, body_start, lectures=False)
        unconvened = not meeting_structure(text, body_start) and not names_a_meeting(text, head, body_start)
        # a lecture no frame names a lecturer of (聆听…宣讲团成员…宣讲), or someone addressing an audience
        # on a subject in a lecture frame
        if (gathering or unconvened) and (reports_lecture(text, head, body_start)
                                          or lecture_balance(text, head, body_start).is_lecture):
            return "policy_lecture", None
        if unconvened:
            return "other", "no meeting is reported (no convening sentence, chair, attendance or speeches)"
    return "meeting_report", None
