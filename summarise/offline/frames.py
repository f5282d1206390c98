"""Role frames: the verb and its object around a name say what the person did at the event.

A frame is read from where a name (with its title) ends, up to the end of its sentence:

    <name> [等/同志/一行/post] [day word] [在…上] [应邀/受邀] [来到…/莅临…] [为/给/向/就/以…，] <verb phrase>

and the verb phrase gives the role: 主持 (chair); 作…专题报告/讲座/辅导报告/党课, 作题为《…》的报告,
作了一场…报告, 上…党课, 讲党课, 主讲, 授课, 讲授, 宣讲, 辅导讲授, 领学…并解读 (lecturer); 讲话, 致辞,
指出, 强调 … (speaker); 汇报, 通报 (reporter); 出席, 参加, 列席, 收看 … (attendee).

Some frames stand before the name: 主讲人：<title><name>, 授课人为…, 主持人：… . Others say the person
was not there: 受<name>委托 (the chair handed over), <name>因公请假 / 缺席 (absent).

A work report at a meeting (作工作报告, 作主题报告, 作情况汇报) is a speech or a report, not a lecture:
a report is a lecture only when it has a lecture's marks (题为/《…》-titled talk, 一场/一堂, or a
lecture noun: 专题/辅导/宣讲/学术/形势报告).
"""
from __future__ import annotations

import re

from . import vocab
from .balance import AUDIENCE

# A part of the day after a date or a day word (23日早上, 今天上午).
_DAY_PART = r"(?:上午|下午|晚上|早上|中午|傍晚|晚间|凌晨|晚)?"
# What may stand between a name and its verb: 等, 同志, 一行, a bracketed note, a post written after
# the name, a day word (李克强昨天主持…, 今天（11月2日）), a setting (在…上/中/时).
LEAD = (r"(?:等|同志|一行|[（(][^）)]{0,8}[）)]|" + vocab.alternation(vocab.POST_TITLES)
        + r")*(?:昨天|昨日|今天|今日|前天|日前|近日|当天|当日)?" + _DAY_PART
        + r"(?:[（(]\s*(?:[0-9０-９]{1,2}\s*月\s*)?[0-9０-９]{1,2}\s*日\s*[)）])?"
        + r"(?:于?\s*(?:[0-9０-９]{1,2}\s*月\s*)?[0-9０-９]{1,2}\s*日" + _DAY_PART + r")?"
        + r"(?:正在|正|亲自|专门|负责|还|也|又|则|随后|首先|最后|接着|先后|分别|依次|相继|现场|当场|登台|立即|随即|即)?"
        + r"(?:立即|随即|亲自|专门|现场)?"
        + r"(?:在[^，,。；]{0,30}?(?:上|中|时))?"
        + r"(?:以[^，,。；]{1,12}?的?(?:形式|方式))?"
        + r"(?:于?\s*(?:[0-9０-９]{1,2}\s*月\s*)?[0-9０-９]{1,2}\s*日" + _DAY_PART + r")?")

# What a lecturer gives (作…专题辅导报告, 作题为“…”的宣讲报告, 讲专题党课), longest first.
LECTURE_NOUNS = (r"(?:专题辅导报告|辅导报告|专题报告|宣讲报告|学术报告|形势报告|理论报告|专题讲座|学术讲座|专题党课"
                 r"|专题辅导|专题讲课|辅导讲座|讲座|授课|讲课|党课|微党课|宣讲|辅导|思政课|思政大课堂|课堂|培训)")
# A report with a lecture's marks: titled (题为, 《…》/“…” topic) or counted (一场, 一堂, 一次).
_TITLED_REPORT = (r"(?:题为[^，,。；;]{0,60}?|(?:一场|一堂|一次)[^，,。；;]{0,40}?|《[^》\n]{1,80}》的?[^，,。；;]{0,8}?"
                  r"|“[^”]{1,60}”的?)(?<!工作)(?<!主题)(?<!述职)报告(?!会)")
# Where the lecturer came from or went (应邀到校医院, 受邀来校, 走进张庄村, 在城关镇, and after a comma
# that closes the name's post: 章某教导员，在大会议室为员工…): no clause break inside it.
_ARRIVAL = (r"(?:[，,]?(?:应邀|受邀|特邀)|专程|亲自|再次)?"
            r"(?:[，,]?(?:来到|来|到|莅临|走进|走上|赴|回到|深入|前往|在)[^，,。；;]{0,20}?[，,]?)?")
# For whom or on what (为全体党员, 以“…”为题，, 就《条例》, 围绕…, 立足…): at most four such phrases,
# each ending at most one comma (a quotation is one piece, commas inside it included), followed by
# another such phrase or the verb.
_PREPOSITION = (r"(?:并|还|又|再)?(?:为|给|向|紧紧围绕|围绕|就|紧密结合|结合|以|面向|聚焦|对|从|与|用|运用|通过|采用|分别"
                r"|立足|紧扣|联系|针对|按照|根据|依据|作为|组织|带领|援引|引用)")
_PHRASE_CHAR = r"(?:[^，,。；;“”]|“[^”。]{0,60}”)"
# A capacity before the arrival (周磊作为法治副校长，应邀来到…，以…为题，开展了一堂…讲座): whole phrases
# ending with a comma, read before 应邀/来到 as the other phrases are read after it.
_ROLE_SETTING = r"(?>(?:作为|以)[^，,。；;“”]{1,20}[，,])?"
# Phrases that end with a comma are read whole (atomic: no backtracking into them, so a sentence of
# prepositions costs linear time); the last one runs up to the verb.
_SETTING = (r"[，,]?(?>" + _PREPOSITION + _PHRASE_CHAR + r"{0,120}[，,]){0,4}"
            r"(?:" + _PREPOSITION + _PHRASE_CHAR + r"{0,120}?)?")
# A character of the words between a lecture verb and its noun; a quoted or book title is one piece,
# its commas included (作了《坚持群众路线，扫除“四风”之害》的辅导报告).
_TITLE_CHAR = r"(?:《[^》\n]{1,80}》|“[^”\n]{1,60}”|[^，,。；;])"
_LECTURE_VERB = (
    r"(?:(?:作|做|讲|上|进行|开展|带来)了?" + _TITLE_CHAR + r"{0,60}?" + LECTURE_NOUNS
    + r"|(?:作|做)了?" + _TITLED_REPORT
    + r"|(?:辅导)?讲授|授课|主讲(?![团队人])|开讲|宣讲(?![团队员会人])|讲党课|讲了?[^，,。；;]{0,8}?课"
    + r"|领学[^。；;]{0,60}?并(?:进行)?(?:解读|辅导|讲解|宣讲)"
    + r"|(?:进行|作|做)了?[^，,。；;]{0,12}?(?:解读|讲解|阐释|辅导))")

# How the lecture was given, right before its verb (深入浅出地, 生动地, 详细).
_MANNER = r"(?:[\u4e00-\u9fff]{2,6}?地|详细|系统|深入|全面|生动)?"

# Invited to give a talk (受邀来校作报告, 应邀为师生作了报告): any report then is a lecture.
_INVITED_REPORT = r"(?:应邀|受邀|特邀)[^。；;]{0,40}?(?:作|做)了?[^，,。；;]{0,40}?报告(?!会)"

# A talk on a titled subject, then its content (以《调查研究是传家宝》为题，回顾了…): a lecture, unless the sentence calls it a
# speech or a report at a meeting (以《…》为题作交流发言).
_TITLED_TALK = r"以(?:《[^》\n]{1,60}》|“[^”\n]{1,60}”)为题[，,](?![^。；;\n]*?(?:发言|讲话|致辞|汇报))"

ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # a place may stand before the verb (在区机关大院2号楼二楼会议室主持召开…会议)
    ("chair", re.compile(LEAD + r"(?:在[^，,。；;]{1,30}?(?=主持(?:召开|了?[^，,。；;]{0,12}?会)))?主持"
                         r"|(?:等|同志)?在主持[^，,。；;]{0,12}?(?:时|中)")),
    ("lecturer", re.compile(LEAD + r"(?:" + _INVITED_REPORT + r"|" + _TITLED_TALK + r"|" + _ROLE_SETTING + _ARRIVAL + _SETTING + _MANNER + _LECTURE_VERB
                            + r"|(?:担任|作为)(?:本次|此次)?(?:讲座|报告会|宣讲)?(?:的)?主讲(?:人|嘉宾|专家)?)")),
    ("speaker", re.compile(LEAD + r"(?:主持[^，,。；]{0,6}?并[^，,。；]{0,6}?(?:讲话|致辞)|出席[^，,。；]{0,8}?并[^，,。；]{0,6}?(?:讲话|致辞)|发表[^，,。；]{0,8}?讲话|(?:作|做)了?[^，,。；]{0,20}?(?:讲话|致辞|发言|报告|表示)|讲话|致辞|发言|指出|强调|表示|说|认为|要求|提出|希望|建议|介绍|传达|分析|部署)")),
    ("reporter", re.compile(LEAD + r"(?:(?:作|做)?[^，,。；]{0,20}?汇报|通报)")),
    ("attendee", re.compile(LEAD + r"(?:出席|参加|参会|列席|在主会场|在分会场|会见|陪同"
                                   r"|(?:在[^，,。；]{0,20}?会场)?(?:集中)?(?:收听收看|收看|收听|观看))")),
)

# Frames before a name: 主讲人：省委党校教授王立新, 授课人为…, 主持人：… (the title is inside the mention).
_ROLE_BEFORE = (
    ("lecturer", re.compile(r"(?:宣讲员|主讲人|讲师|授课人)的?(?:是|为)\s*$|(?:主讲人|主讲嘉宾|主讲专家|主讲老师|主讲教授|授课人|授课老师|授课专家|宣讲人|宣讲嘉宾|报告人|主讲)"
                            r"(?:分别)?(?:为|是|系)?[：:]?\s*$")),
    ("chair", re.compile(r"主持人(?:为|是|系)?[：:]?\s*$")),
)
ROLE_BEFORE_WINDOW = 12

# Not present: the chair handed over (受县委书记罗明同志委托), absent (因公请假, 请假, 缺席).
_HANDED_OVER_BEFORE = re.compile(r"受[^，,。；;：:]{0,20}$")
_HANDED_OVER_AFTER = re.compile(r"(?:同志)?的?委托")
_ABSENT_AFTER = re.compile(r"(?:同志)?(?:[（(]?因(?:公|病|事|故|工作原因|其他公务|另有公务)[^，,。；;]{0,6}?[)）]?)?(?:请假|缺席|未出席|未能出席|未参加)")
# Named in a personnel decision, not reported present: 张三同志不再担任…副主任, 免去李四…职务, 任命王五为….
_PERSONNEL_AFTER = re.compile(r"(?:同志)?(?:不再担任|不再兼任|辞去)")
_PERSONNEL_BEFORE = re.compile(r"(?:免去|任命|撤销)$")


def roles_after(text: str, pos: int, end: int) -> list[str]:
    """The roles whose frame starts at `pos` (where a name ends), within text[pos:end]."""
    # match(text, pos, end), not a slice: the same matches (no pattern looks behind pos) without
    # copying the rest of the sentence for every name of a long list
    return [role for role, pat in ROLE_PATTERNS if pat.match(text, pos, end)]


# Heard as a lecture: 聆听了<title><name>的专题辅导报告.
_HEARD_BEFORE = re.compile(r"(?:聆听|收听|收看|听取|观看)了?$")
_HEARD_AFTER = re.compile(r"(?:同志|教授|老师)?的[^，,。；;]{0,20}?" + LECTURE_NOUNS)


def heard_lecture(text: str, start: int, end: int) -> bool:
    """The mention text[start:end] is heard giving a lecture (聆听了…王某的专题辅导报告)."""
    return _HEARD_BEFORE.search(text, max(0, start - 4), start) is not None and _HEARD_AFTER.match(text, end) is not None


def roles_before(text: str, start: int) -> list[str]:
    """The roles a label right before the mention at `start` gives it (主讲人：…)."""
    window = text[max(0, start - ROLE_BEFORE_WINDOW):start]
    return [role for role, pat in _ROLE_BEFORE if pat.search(window)]


def absent(text: str, name_end: int) -> bool:
    """The name ending at `name_end` is followed by 请假, 因公请假, 缺席 … or by a personnel
    decision about it (不再担任, 辞去)."""
    return _ABSENT_AFTER.match(text, name_end) is not None or _PERSONNEL_AFTER.match(text, name_end) is not None


def not_present(text: str, start: int, name_end: int) -> bool:
    """The mention text[start:name_end] names someone who was not there: 受…委托, 请假, 缺席."""
    if _HANDED_OVER_AFTER.match(text, name_end) and _HANDED_OVER_BEFORE.search(text, max(0, start - 20), start):
        return True
    return absent(text, name_end) or _PERSONNEL_BEFORE.search(text, max(0, start - 2), start) is not None


# A talk at a lecture event: 作报告, 作了…的报告, 作…讲话, 为大家详细解读了… (a lecture when the event is one).
# …or a talk addressed to the audience (用PPT为大家介绍…, 向居民们讲…).
_ADDRESSED_TALK = (r"[^，,。；;]{0,20}?[为给向](?:大家|在场|在座|" + AUDIENCE + r")[^，,。；;]{0,10}?"
                   r"(?:介绍|讲述|讲解|解读|普及|讲)")
_TALK = re.compile(LEAD + r"(?:(?:应邀|受邀)?(?:作|做)了?[^，,。；;]{0,40}?(?:报告|讲话|讲座)(?!会)"
                   + r"|" + _SETTING + _MANNER + r"(?:解读|阐释|阐述|讲解|讲述|剖析|解说)|" + _ADDRESSED_TALK + ")")


# The rest of a list the name opens (、基层民警闫某、乡村邮递员舒某以及…引导员茹某): its members share the talk after it.
_TALK_AFTER_LIST = re.compile(r"(?:(?:、|以及|及|和)[^，,。；;、]{1,20}?)*?(?:" + _TALK.pattern + ")")


def gives_talk(text: str, name: str) -> bool:
    """Some mention of `name`, or of the list it opens, is followed by a talk frame (作报告, 作…讲话,
    …、B、C通过讲述…)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        stop = min((i for i in (text.find(c, end) for c in "。；;！？\n") if i >= 0), default=len(text))
        if _TALK_AFTER_LIST.match(text[end:stop]):
            return True
        at = text.find(name, end)
    return False

