"""Figures through the shared parser (`summarise.parse.numbers`), each with its clause as evidence.

The record's figures are quantities the report states. Left out: units outside the gold format's
set (days, months, tonnes), dates, and the genre's numbered formulas written in Chinese numerals
(四个转变, “三个适应”, 两条主线, 九个标杆, 五年发展规划) and the labels of a speaker's own list
(三点希望, 四条意见) or of a list given just before them (A、B、C三个关键词, 甲、乙两个阶段), which
name slogans or announce an enumeration rather than count things. A count of things done or
deployed that are not enumerated there (六项重点工作部署, 八项工作) is a figure.
"""
from __future__ import annotations

import re

from summarise.parse import numbers as shared
from summarise.parse.dates import DateMention
from summarise.schemas import Bilingual, Figure

from . import bilingual
from .text import clause_around, evidence

UNITS = frozenset({"CNY", "mu", "m2", "ha", "km", "percent", "count", "person", "household", "year"})
# Nouns that make "numeral + 个/条/项 + noun" a named formula (四个转变, 三个方面, 两条主线).
_FORMULA_NOUN = re.compile(
    r"(?:转变|适应|突破|坚持|方面|层面|标杆|旗帜|主线|原则|重点(?!工作)|优先|必须|统筹|全面|意识|自信|维护|着力|破除"
    r"|结合|提升|导向|服务|环节|关系|作风|能力|理念|体系|机制|目标|任务|抓手|工程|行动|字经|个一|班子"
    r"|希望|愿望|期望|要求|意见|建议|体会|启示|思考|做法|经验|措施|看法|认识|规定|大局|确立|奇迹|之问|目的)"
)
_PLAN = re.compile(r"(?:行动|攻坚|发展|工作)?(?:规划|计划|纲要|方案)")
# An ordinal, not a count: 十届六次全会, 三届八次全委会, 第167次会议 (届 or 第 before the number).
_ORDINAL_BEFORE = re.compile(r"[届第]$")
_CLOCK = re.compile(r"[0-9０-９]{1,2}点")  # 9点多, 还没到10点: a time of day; but 4点意见 counts points
_CLOCK_BEFORE = re.compile(r"(?:到|至|上午|下午|晚上|早上|凌晨|中午|傍晚|晚)$")
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff](?<![多钟半前后左许整便就开起时至到才已了的])")
_FORMULA_LEAD = re.compile(r"(?:这|做到|实现|坚持|突出|把握|围绕|抓好|落实|推进)“?$")
# A count that announces the enumeration right after it (分为三类：一是…, 三个平台。一是…).
_LIST_AHEAD = re.compile(r"[^，,。；;：:\n]{0,10}[，,：:。]\s*(?:一是|一要|一、|第一|（一）|\(一\)|首先)")
# The session of a congress or a plenum (全国人大四次会议, 三次全会): an ordinal, not a count.
_SESSION_AFTER = re.compile(r"(?:会议|全会|全体会议|大会|常委会|委员会)")
# A session named after its body (区人大四次, 党代会二次, 六届五次全委): an ordinal, not a count.
_SESSION_BODY_BEFORE = re.compile(r"(?:人大|政协|党代会|职代会|团代会|全委|常委)$")
# A programme named by its size (二十项民生工程, 五项惠民行动): a label, not a count of things done.
_PROGRAMME_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:工程|行动)")


def _in_slogan(text: str, fig: shared.ParsedFigure) -> bool:
    """Inside a short quotation (“9个城市是1个城市”, ‘两个毫不动摇’): a slogan, not a statement of
    fact; or inside a book's or a document's title (《…权益保障十年观察》): part of its name."""
    for left, right in ("“”", "‘’"):
        opened = text.rfind(left, max(0, fig.start - 14), fig.start)
        if opened < 0 or right in text[opened:fig.start]:
            continue
        closed = text.find(right, fig.end, fig.end + 14)
        if closed >= 0 and closed - opened <= 16:
            return True
    opened = text.rfind("《", max(0, fig.start - 40), fig.start)
    return opened >= 0 and "》" not in text[opened:fig.start] and "》" in text[fig.end:fig.end + 40]


# The label of a list given just before it: “学科交叉”、“产教融合”、“教育数字化”三个关键词,
# 动员部署、深入学习两个阶段, 为什么做绩效、…及注意事项等四个问题.
_LIST_BEHIND = re.compile(r"(?:、|”“)[^，,。；;：:！？!?\n]{1,30}?(?:等|”|》|及[^，,。；;：:、\n]{1,20}?)?$")


def _labels_list_behind(text: str, fig: shared.ParsedFigure) -> bool:
    """A Chinese-numeral count right after an enumeration (A、B、C + 三个…): it labels that list."""
    return fig.numeral == "chinese" and fig.unit == "count" and _LIST_BEHIND.search(text, max(0, fig.start - 40), fig.start) is not None


# A formula named by its length in characters (乡村振兴20字方针, 20字总要求): no count of anything.
_CHARACTER_FORMULA = re.compile(r"(?:方针|总要求|要求|口诀|诀|工作法|方略|箴言|精神)")
# After a Chinese numeral + 元 or 位, a word that makes it an adjective or an idiom (二元结构, 二元教育体制,
# 四位一体), not money or people: anything but what follows an amount (钱, 人民币, 的, 左右 …).
_AMOUNT_AFTER = re.compile(r"[钱的左以多整每一]|人民币|[^\u4e00-\u9fff]")


def _is_formula(text: str, fig: shared.ParsedFigure) -> bool:
    """A slogan, a vague amount (几十年, 数百人), or a Chinese-numeral count naming a formula."""
    if _in_slogan(text, fig) or (fig.start and text[fig.start - 1] in "几数"):
        return True
    if fig.quote.endswith("字") and _CHARACTER_FORMULA.match(text, fig.end):
        return True
    if fig.numeral == "chinese" and fig.quote.endswith(("元", "位")) and fig.end < len(text) \
            and (text.startswith("一体", fig.end) or (fig.quote.endswith("元") and not _AMOUNT_AFTER.match(text, fig.end))):
        return True
    if fig.unit == "count" and (_ORDINAL_BEFORE.search(text, max(0, fig.start - 1), fig.start)
                                or (_CLOCK.fullmatch(fig.quote.lstrip("约近超逾")) and (
                                    _CLOCK_BEFORE.search(text, max(0, fig.start - 2), fig.start)
                                    or not _NOUN_AFTER.match(text, fig.end)))):
        return True
    if fig.unit == "count" and fig.quote.endswith("次") and (
            _SESSION_AFTER.match(text, fig.end) or _SESSION_BODY_BEFORE.search(text, max(0, fig.start - 3), fig.start)):
        return True
    if fig.numeral != "chinese":
        return False
    if fig.unit == "year" and fig.value >= 1000:
        return True  # 中华五千年文明: a civilisation's age, a phrase of the genre
    after = text[fig.end:fig.end + 6]
    if fig.unit == "count" and (_FORMULA_NOUN.match(after) or after[:1] in "“「\"" or _PROGRAMME_AFTER.match(after)):
        return True  # 四个转变, 三个“起点”: a named formula
    if _PLAN.match(after) or _LIST_AHEAD.match(text, fig.end) or _labels_list_behind(text, fig):
        return True
    opened = text.rfind("“", max(0, fig.start - 12), fig.start)
    if opened >= 0 and "”" not in text[opened:fig.start]:
        return True
    if text.count('"', max(0, fig.start - 12), fig.start) % 2 and '"' in text[fig.end:fig.end + 12]:
        return True  # 深中"六个一体化": a formula in straight quotes
    return fig.unit == "count" and bool(_FORMULA_LEAD.search(text, max(0, fig.start - 3), fig.start))


_NUMBER_PART = re.compile(r"^[0-9０-９.．,，〇零一二三四五六七八九两兩十百千万萬亿億多余餘]+")


def _measure(quote: str) -> str:
    """The measure word of a quote (10年 and 十年 share 年; 四次 and 4个 count different things)."""
    return _NUMBER_PART.sub("", quote)


_NOUN_BEFORE_JUNK = re.compile(r"(?:共计|共有|共|达到|达|约|超过|超|近|逾|为|了|有|计)$")
_NOUN_MAX = 5


_RATE_WORDS_MAX = 4


def _amount_or_rate(text: str, fig: shared.ParsedFigure, start: int) -> Bilingual | None:
    """What an amount in yuan or a percentage measures, from the glossary's `money` and `rate`
    words: the closest one before it in its clause (安排专项资金100亿元, 产值增长5%), or a noun right
    after 的 (给予50%的补助)."""
    from summarise.english.glossary import measures

    table = measures()
    want = ("money",) if fig.unit == "CNY" else ("rate", "money")
    after = text[fig.end:fig.end + 1 + _RATE_WORDS_MAX]
    if after.startswith("的"):
        for n in range(_RATE_WORDS_MAX, 1, -1):
            hit = table.get(after[1:1 + n])
            if hit and hit[1] in want:
                return Bilingual(zh=after[1:1 + n], en=hit[0])
    for end in range(fig.start, max(start, fig.start - 16), -1):
        for n in range(_RATE_WORDS_MAX, 1, -1):
            word = text[max(start, end - n):end]
            hit = table.get(word) if len(word) == n else None
            if hit and hit[1] in want:
                return Bilingual(zh=word, en=hit[0])
    return None


def _measures(text: str, fig: shared.ParsedFigure, start: int, end: int) -> Bilingual | None:
    """What a count or a head count counts, where the sentence says it: the noun right after the
    quote (80余名党员 → 党员) or right before it (系列文件共95份 → 系列文件), when the glossary has its
    plural English ("Party members", "documents"); what an amount or a rate measures (专项资金,
    增长); None otherwise (never guessed)."""
    if fig.unit in ("CNY", "percent"):
        return _amount_or_rate(text, fig, start)
    if fig.unit not in ("count", "person", "household"):
        return None
    people = fig.unit in ("person", "household")
    for n in range(_NOUN_MAX, 0, -1):
        word = text[fig.end:fig.end + n]
        if fig.end + n <= end and (en := bilingual.noun(word)) and not (people and _NOT_PEOPLE.search(word)):
            return Bilingual(zh=word, en=en)
    before = _NOUN_BEFORE_JUNK.sub("", text[max(start, fig.start - 12):fig.start])
    for n in range(min(_NOUN_MAX, len(before)), 0, -1):
        word = before[-n:]
        if (en := bilingual.noun(word)) and word in text[start:end] and not (people and _NOT_PEOPLE.search(word)):
            return Bilingual(zh=word, en=en)
    if fig.unit == "person" and (verb := _ATTENDED.match(text, fig.end, end)):
        return Bilingual(zh=verb["verb"], en="attendees")  # 医务人员50余人参加了讲座: those who attended
    return None


# A head count is of people: not of the place or body a noun before it names (全村2283人: the
# village's residents, not 2,283 villages).
_NOT_PEOPLE = re.compile(r"[村镇乡县市区省局厅委院校所站处室企司]$")
# A head count followed by an attendance verb: the people who attended (100多人出席, 200多人在线参加).
# A count of people (两个渔民, 三个孩子): numeral + 个 + a noun for people is a head count.
_PEOPLE_AFTER = re.compile(r"(?:[^，,。；;！!？?\n]{0,2}?)(?:渔民|农民|牧民|孩子|小孩|老人|村民|居民|学生|同学|党员|干部|青年|群众|工人|职工|员工|家长|妇女|队员|团员|战士|志愿者)")
_ATTENDED = re.compile(r"(?:同志|人员)?(?:现场|在线|线上|集中)?(?P<verb>参加|出席|参会|与会|列席|到会|聆听|收听收看|收看|观看)")


def find_figures(text: str, date_mentions: list[DateMention]) -> list[tuple[shared.ParsedFigure, Figure]]:
    """Figures in text order, one per (value, unit, measure word), none inside a date."""
    out: list[tuple[shared.ParsedFigure, Figure]] = []
    seen: set[tuple[str, str, str]] = set()
    for fig in shared.find_figures(text):
        if fig.unit not in UNITS or any(d.start < fig.end and fig.start < d.end for d in date_mentions):
            continue
        if _is_formula(text, fig):
            continue
        unit = fig.unit
        if unit == "count" and fig.quote.endswith(("个", "個")) and _PEOPLE_AFTER.match(text, fig.end):
            unit = "person"
        key = (str(fig.value.normalize()), unit, _measure(fig.quote))
        if key in seen:
            continue
        seen.add(key)
        clause = clause_around(text, fig.start, fig.end)
        ev = evidence(text, clause.start, max(clause.end, fig.end))
        assert ev.start is not None and ev.end is not None  # evidence() always gives the span
        out.append((fig, Figure(
            quote=fig.quote, value=float(fig.value), unit=unit, approximate=fig.approximate,
            lower_bound=fig.lower_bound, measures=_measures(text, fig, ev.start, ev.end),
            evidence=ev,
        )))
    return out
