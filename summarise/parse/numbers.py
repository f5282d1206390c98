"""Unit-aware parser for the figures of Chinese official news (``92.4亿元``, ``超5000亩``, ``3年多``).

Values are exact ``Decimal`` numbers multiplied out (万 = 1e4, 亿 = 1e8), in digits or Chinese
numerals (三个 → 3, 百个 → 100, 千余人 → 1000, 半天 → 0.5, 一个半小时 → 1.5,
一刻钟 → 15 minutes, 半个世纪 → 50 years; 21世纪 is no span). Markers become
flags: approximate (约, 近, 左右 …), lower bound (超, 逾, 以上, 多, 余 …: 3年多 is more than three
years) and upper bound (不足, 不到, 以下, 以内 …); a prefix marker is not part of ``quote``. Calendar years, dates, ordinals (第八批), document numbers and
code-like tokens (A-4-1, 粤B2-2016…) are not figures. One compiled regex, anchored at the start of a
digit run, keeps scanning linear in the input size.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

__all__ = ["ParsedFigure", "Unit", "cn_numeral", "find_figures", "parse_figure", "scan", "values_agree"]

Unit = Literal[
    "CNY", "mu", "m2", "ha", "km", "percent", "count", "person", "household", "year", "month", "week",
    "day", "hour", "minute", "ton",
]

MU_PER_HA = Decimal(15)

# Traditional → simplified for the few characters that matter to units and numerals.
_T2S = str.maketrans("萬億畝個餘兩項條場臺輛處間張噸戶幾種類點輪", "万亿亩个余两项条场台辆处间张吨户几种类点轮")

_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_MULT = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "十万": 10**5, "千亿": 10**11,
         "百亿": 10**10, "十亿": 10**9, "万": 10**4, "亿": 10**8, "千": 10**3, "百": 10**2}

# surface (simplified, without 多/余) → (unit, factor)
_UNITS: dict[str, tuple[Unit, int]] = {
    "元": ("CNY", 1), "元人民币": ("CNY", 1), "人民币": ("CNY", 1), "个亿": ("CNY", 10**8),
    "亩": ("mu", 1), "公顷": ("ha", 1),
    "平方米": ("m2", 1), "平米": ("m2", 1), "平方公里": ("m2", 10**6), "平方千米": ("m2", 10**6),
    "公里": ("km", 1), "千米": ("km", 1), "吨": ("ton", 1),
    "%": ("percent", 1), "％": ("percent", 1),
    "人次": ("person", 1), "人": ("person", 1), "个人": ("person", 1), "名": ("person", 1),
    "位": ("person", 1), "户": ("household", 1),
    "年": ("year", 1), "周年": ("year", 1), "个月": ("month", 1), "天": ("day", 1), "个工作日": ("day", 1),
    "周": ("week", 1), "个周": ("week", 1), "星期": ("week", 1), "个星期": ("week", 1),
    "小时": ("hour", 1), "个小时": ("hour", 1), "个钟头": ("hour", 1), "钟头": ("hour", 1), "分钟": ("minute", 1),
    "刻钟": ("minute", 15), "刻鐘": ("minute", 15), "个世纪": ("year", 100), "个世紀": ("year", 100),
    **dict.fromkeys("个宗份项家件批次所条座套场台辆处栋幢间例张种类点轮期起样支部本篇册只头棵株枚块门节堂届字", ("count", 1)),
}
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute"}
# 近一年来, 过去一年, 一年以来: a span of time looked back on (a duration, not the article "a").
_DURATION_BEFORE = ("近", "过去", "这", "提前", "未来")
_DURATION_AFTER = ("来", "以来")


def _duration(text: str, m: re.Match[str]) -> bool:
    """A duration frame around 一年; a quote that is nothing but 一年 was chosen as a figure."""
    whole = m.start() == 0 and m.end() == len(text.rstrip())
    return whole or text.endswith(_DURATION_BEFORE, 0, m.start()) or text.startswith(_DURATION_AFTER, m.end())

_AR = r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"
_CN = (r"[一二三四五六七八九两兩十][〇零一二三四五六七八九两兩十百千万萬亿億]*"
       r"|[百千万萬](?=[多余餘年]|[个個](?![多余餘]?(?:小时|小時|百分点|百分點|万|萬|亿|億)))"  # 百个, 千余人, 百年
       r"|(?<![上下前后後大多过過])半(?=[个個]?(?:月|小时|小時|钟头|鐘頭)|[年天日周]|星期|[个個]世[纪紀])")  # 半天, 半个月
_MULT_RE = r"万亿|千万|百万|十万|千亿|百亿|十亿|[万萬亿億千百]"
_UNIT_RE = (
    r"[个個][多余餘半]?(?:月|工作日|小时|小時|钟头|鐘頭|星期|周(?![年岁歲边邊末期转轉围圍]))|[个個]世[纪紀]|刻[钟鐘]|[个個]亿|[个個]億|[个個]人(?!民)"
    r"|小时|小時|钟头|鐘頭|分钟|分鐘|星期|周年|周(?![年岁歲边邊末期转轉围圍一二三四五六日天])"
    r"|元人民币|人民币|元|[亩畝]|公顷|平方米|平米|平方公里|平方千米|公里|千米|[吨噸]|[%％]"
    r"|人次|人(?!民)|名|位|[户戶]|年(?![代级級度初底末]|中(?![国國央共华華]))|天"
    r"|[个個](?![多余餘]?(?:小时|小時|百分点|百分點|万|萬|亿|億))"
    r"|[项項](?!目)|[处處](?!长|長)|[宗份家件批次所条條座套场場台臺辆輛栋幢间間例张張]"
    r"|[种種]|[类類]|[点點](?![0-9０-９一二三四五六七八九十半钟鐘整])|[轮輪]|期"
    r"|起(?![来來草步始点點诉訴见見])|样(?![板本品式子])|字(?![号號母幕体體段])"
    r"|[支部本篇册冊只头頭棵株枚块塊门門节節堂届屆](?![门門长長分队隊委署书書级級位目])"
)
# A figure does not start right after these (a digit run, a code, an ordinal 第, 几: 几十年 is no 十年).
_NOT_AFTER = r"0-9０-９A-Za-zＡ-Ｚａ-ｚ.．\-－/:：_〇零一二三四五六七八九两兩十百千万萬亿億第#№几幾"
_FIG_RE = re.compile(
    rf"(?<![{_NOT_AFTER}])"
    r"(?:百分之(?P<pct>" + _AR + "|" + _CN + ")"
    r"|(?P<ar>" + _AR + r")(?:(?P<dash>[-－—~～至到])(?P<ar2>" + _AR + r"))?"
    r"(?:(?P<premult>[多余餘])(?=" + _MULT_RE + r"))?(?P<mult>" + _MULT_RE + r")?"
    r"|(?P<cn>" + _CN + r"))"
    r"(?(pct)|(?P<infix>[多余餘几幾])?(?P<unit>" + _UNIT_RE + r")(?P<post>[多余餘半](?![0-9０-９]))?)"
)
# Where a match of _FIG_RE can start: 百分之, a digit or a Chinese numeral, not right after
# _NOT_AFTER (its lookbehind, checked on the character before the candidate).
_FIG_FIRST = re.compile(rf"[0-9０-９百千万萬半一二三四五六七八九两兩十](?<![{_NOT_AFTER}].)", re.S)


def scan(pattern: re.Pattern[str], first: re.Pattern[str], text: str,
         pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text, pos, endpos)``, found faster.

    ``first`` matches one character at every position where a match of ``pattern`` (which must
    not match the empty string) can start: its first character, and it may also check the
    pattern's lookbehind on the character before. A pattern that opens with a lookbehind or an
    alternation of groups gets no first-character search in ``re``, so it is tried at every
    position; here it is tried only at the positions ``first`` finds, with the same leftmost,
    non-overlapping result.
    """
    endpos = len(text) if endpos is None else endpos
    resume = pos  # where the last match ended: matches do not overlap
    for candidate in first.finditer(text, pos, endpos):
        start = candidate.start()
        if start < resume:
            continue
        m = pattern.match(text, start, endpos)
        if m is not None:
            resume = m.end()
            yield m


_PREFIXES = (("超过", "lower"), ("超過", "lower"), ("不少于", "lower"), ("不低于", "lower"),
             ("至少", "lower"), ("突破", "lower"), ("超", "lower"), ("逾", "lower"),
             ("不超过", "upper"), ("不超過", "upper"), ("不足", "upper"), ("不到", "upper"), ("未满", "upper"),
             ("未滿", "upper"), ("最多", "upper"), ("低于", "upper"),
             ("将近", "approx"), ("接近", "approx"), ("大约", "approx"), ("约合", "approx"),
             ("大概", "approx"), ("近", "approx"), ("约", "approx"), ("約", "approx"))
_SUFFIXES = (("以上", "lower"), ("左右", "approx"), ("上下", "approx"), ("以下", "upper"), ("以内", "upper"))
_CALENDAR_AFTER_YEAR = re.compile(r"[0-9０-９一二三四五六七八九十]{1,3}月")


def cn_numeral(s: str) -> int | None:
    """Value of a Chinese numeral such as 一百五十, 两万, 十一, 三千五百万; None if malformed."""
    s = s.translate(_T2S)
    if not s:
        return None
    if s in ("百", "千", "万"):  # 百个, 千余人: the unit alone is one of it
        return {"百": 100, "千": 1000, "万": 10**4}[s]
    for big, mult in (("亿", 10**8), ("万", 10**4)):
        if big in s:
            head, _, tail = s.partition(big)
            hv = cn_numeral(head) if head else None
            tv = cn_numeral(tail) if tail else 0
            if hv is None or tv is None:
                return None
            if tail and len(tail) == 1 and tail in _CN_DIGIT and big == "万":
                tv *= 1000  # 三万五 = 35000
            return hv * mult + tv
    total, digit, last_unit = 0, None, 0
    for ch in s:
        if ch in _CN_DIGIT:
            if digit:
                return None  # 一二: a digit string, not a cardinal numeral
            digit = _CN_DIGIT[ch]
        elif ch in _CN_SMALL:
            if digit is None and not (ch == "十" and total == 0):
                return None
            total += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit, last_unit = None, _CN_SMALL[ch]
        else:
            return None
    if digit:
        total += digit * (last_unit // 10 if len(s) >= 2 and s[-2] in "百千" else 1)  # 一百五 = 150
    return total


def _ascii_number(s: str) -> Decimal:
    s = unicodedata.normalize("NFKC", s).replace(",", "")
    return Decimal(s)


@dataclass(frozen=True)
class ParsedFigure:
    """One figure: ``quote`` is the source text (without prefix markers) at ``start:end``."""

    quote: str
    start: int
    end: int
    value: Decimal
    unit: Unit
    approximate: bool = False
    lower_bound: bool = False
    upper: Decimal | None = None  # upper end of a range such as 6-8亿元 (value is the lower end)
    qualifier: str = ""  # the marker words as written (超, 近, 多, 左右 …)
    numeral: Literal["arabic", "chinese"] = "arabic"
    upper_bound: bool = False  # 不足, 不到, 以下, 以内: at most the value

    def english(self) -> str:
        """English rendering: "9.24 billion yuan", "over 5,000 mu (≈ 333.33 ha)", "3+ years"."""
        plus = self.lower_bound and any(c in self.qualifier for c in "多余餘几幾")
        amount = _amount(self.value, self.upper, self.unit)
        if plus:
            amount = _plus(amount)
        text = f"{amount}{_unit_word(self.unit, self.value if self.upper is None else self.upper, plus)}"
        if self.unit == "mu":
            ha = (self.value / MU_PER_HA).quantize(Decimal("0.01"))
            text += f" (≈ {_num(ha)} ha)"
        if self.lower_bound and not plus:
            return ("at least " if any(w in self.qualifier for w in ("不少于", "至少", "不低于")) else "over ") + text
        if self.upper_bound:
            return ("at most " if any(w in self.qualifier for w in ("不超过", "不超過", "最多", "以内")) else "under ") + text
        if self.approximate and not plus:
            return ("nearly " if "近" in self.qualifier else "about ") + text
        return text


def _num(d: Decimal) -> str:
    d = d.normalize() if d == d.to_integral_value() else d
    s = format(d.normalize(), ",f")
    return s


def _amount(value: Decimal, upper: Decimal | None, unit: Unit) -> str:
    top = upper if upper is not None else value
    scale, word = Decimal(1), ""
    if unit == "CNY":
        for s, w in ((Decimal(10**12), " trillion"), (Decimal(10**9), " billion"), (Decimal(10**6), " million")):
            if abs(top) >= s:
                scale, word = s, w
                break
    lo = _num(value / scale)
    if upper is None:
        return lo + word
    return f"{lo}–{_num(upper / scale)}{word}"


def _plus(amount: str) -> str:
    # "3" → "3+", "1.5 billion" → "1.5+ billion"
    head, sep, tail = amount.partition(" ")
    return f"{head}+{sep}{tail}"


def _unit_word(unit: Unit, value: Decimal, plus: bool) -> str:
    one = value == 1 and not plus
    return {
        "CNY": " yuan", "mu": " mu", "m2": " m²", "ha": " ha", "km": " km", "percent": "%",
        "count": " (count)", "person": " person" if one else " people",
        "household": " household" if one else " households", "year": " year" if one else " years",
        "month": " month" if one else " months", "week": " week" if one else " weeks",
        "day": " day" if one else " days", "hour": " hour" if one else " hours",
        "minute": " minute" if one else " minutes",
        "ton": " tonne" if one else " tonnes",
    }[unit]


# 签约33个项目 and 最近3年 are not approximate: the marker character belongs to another word.
_NOT_MARKER = re.compile(r"(?:[签簽预預节節制合违違履特邀公条條相缔締]约|[最附邻鄰临臨靠亲親]近|[赶趕高]超)$")


_PREFIX_KIND = dict(_PREFIXES)
_PREFIX_RE = re.compile("(?:" + "|".join(w for w, _ in _PREFIXES) + ")$")
_CODE_AFTER = re.compile(r"[A-Za-z0-9]")


def _prefix_marker(text: str, start: int) -> str:
    m = _PREFIX_RE.search(text, max(0, start - 3), start)
    if m is None:
        return ""
    if len(m.group()) == 1 and _NOT_MARKER.search(text, max(0, start - 2), start):
        return ""
    return m.group()


# Measure words that are also words of time or rank: 上午9点 (a clock time), 二期工程 (a project
# phase), 三类地区 (a class label). Their counts are only read where those readings are ruled out.
_CLOCK_BEFORE = re.compile(r"(?:上午|下午|中午|晚上|早上|凌晨|傍晚|晚|早)$")
_CLOCK_AFTER = re.compile(r"[多余]?[钟鐘]")
_PHASE_AFTER = re.compile(r"(?:工程|项目|項目|建设|建設|规划|規劃|扩建|擴建|改造|地块|地塊|用地|厂房|廠房|工地|园区|園區)")
_COURSE_AFTER = re.compile(r"[^，,。；;\n]{0,6}?(?:班|培训|培訓|讲座|講座|课程|課程)")
_CLASS_AFTER = re.compile(r"(?:地区|地區|区域|區域|城市|企业|企業|资质|資質|岗位|崗位|标准|標準|用地|水质|水質)")


def _counts(text: str, m: re.Match[str], unit_text: str, numeral: str) -> bool:
    """False when the measure word reads as a clock time, a project phase, a class label, a building's
    number or a session's ordinal."""
    end = m.end("unit")
    if unit_text == "点":
        return not (_CLOCK_BEFORE.search(text, max(0, m.start() - 2), m.start()) or _CLOCK_AFTER.match(text, end))
    if unit_text == "期":
        if _PHASE_AFTER.match(text, end):
            return False
        # 一期、二期: phases; a Chinese-numeral count of 期 needs 两 or a course (三期培训班)
        return numeral == "arabic" or m.group("cn").translate(_T2S) == "两" or bool(_COURSE_AFTER.match(text, end))
    if unit_text == "类" and numeral == "chinese" and m.group("cn").translate(_T2S) != "两":
        return not _CLASS_AFTER.match(text, end)
    if unit_text in ("栋", "幢") and _VENUE_AFTER.match(text, end):
        return False  # 校区15栋会议中心: a building's number, an address
    # 省九次党代会, 十九届四次全会: an ordinal without its 第
    return not (unit_text == "次" and _SESSION_AFTER.match(text, end))


# A venue after a building's number (15栋会议中心, 3号楼报告厅).
_VENUE_AFTER = re.compile(r"(?:会议中心|会议室|報告廳|报告厅|礼堂|禮堂|多功能厅|大厅|教室|[0-9０-９]{2,}|[A-Za-z][0-9])")
# What an ordinal 次 names: a congress or a plenary session (省九次党代会, 二十届四次全会).
_SESSION_AFTER = re.compile(r"(?:党代会|全会|全体会议|代表大会|人代会|团代会|妇代会|常委会议?)")


# Readings a quote may state but a scan of a whole article does not look for: in running text these
# measure words with a Chinese numeral, and these numerals, more often belong to slogans and names
# (三篇大文章, 千人计划, 半年工作会, 建国70周年) than count anything. A quote that a model chose as a figure is read with them.
_QUOTE_ONLY_MEASURES = frozenset("起样支部本篇册只头棵株枚块门节堂届字")


def _quote_only(g: dict[str, str | None], unit_text: str) -> bool:
    cn = (g.get("cn") or "").translate(_T2S)
    # written in digits (养殖500只山羊, 发表1篇文章) the measure word counts: slogans use Chinese numerals
    return ((unit_text in _QUOTE_ONLY_MEASURES and g.get("ar") is None) or unit_text == "周年" or cn in ("百", "千", "万", "半")
            or "半" in unit_text or g.get("post") == "半")


def _from_match(text: str, m: re.Match[str], scan_only: bool = False) -> ParsedFigure | None:
    g = m.groupdict()
    numeral: Literal["arabic", "chinese"] = "arabic"
    upper: Decimal | None = None
    if g["pct"] is not None:
        raw = g["pct"]
        if raw[0].isdigit() or "０" <= raw[0] <= "９":
            value = _ascii_number(raw)
        else:
            iv = cn_numeral(raw)
            if iv is None:
                return None
            value, numeral = Decimal(iv), "chinese"
        unit: Unit = "percent"
        factor = 1
        infix = post = None
        unit_text = ""
    else:
        unit_text = g["unit"].translate(_T2S)
        # 50余万人: the 余 of the number before its multiplier counts as 150余人's
        infix, post = g["infix"] or g["premult"], g["post"]
        key = unit_text.replace("多", "").replace("余", "").replace("半", "")
        if scan_only and _quote_only(g, key):
            return None
        unit, factor = _UNITS[key]
        # 一个半小时, 两年半: and a half (a time unit only: 三个半 elsewhere is not read)
        half = unit in _TIME_UNITS and ("半" in unit_text or post == "半")
        if g["ar"] is not None:
            try:
                value = _ascii_number(g["ar"])
                if g["ar2"] is not None:
                    upper = _ascii_number(g["ar2"])
            except InvalidOperation:
                return None
            if g["mult"]:
                mult = Decimal(_MULT[g["mult"].translate(_T2S)])
                value *= mult
                upper = upper * mult if upper is not None else None
            digits = g["ar"]
            if unit == "year" and g["mult"] is None and len(digits) == 4 and "." not in digits and (
                    upper is None or 1000 <= upper <= 2999):
                return None  # calendar year (2024年), or a range of them (2026－2035年)
        else:
            raw = g["cn"]
            if raw.translate(_T2S) == "一" and not (unit in _TIME_UNITS and (
                    infix or post or half or factor > 1 or _duration(text, m))):
                return None  # 一 is the article "a", not a figure (but 近一年来 is a duration)
            if raw == "半":
                if unit not in _TIME_UNITS or half:
                    return None
                value, numeral = Decimal("0.5"), "chinese"
            else:
                iv = cn_numeral(raw)
                if iv is None:
                    return None
                value, numeral = Decimal(iv), "chinese"
        if unit == "year" and _CALENDAR_AFTER_YEAR.match(text, m.end("unit")):
            return None  # 24年3月: a date
        if not _counts(text, m, unit_text, numeral):
            return None
        if post and (unit not in _TIME_UNITS or (post == "半" and upper is not None)):
            post = None
        if half and (post == "半" or "半" in unit_text) and upper is None:
            value += Decimal("0.5")
        elif "半" in unit_text:
            return None  # 3-5个半月: not read
        value *= factor
        upper = upper * factor if upper is not None else None
        if upper is not None and upper <= value:
            return None  # 2022-06 style tokens, not ranges
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
        upper = upper.quantize(Decimal(1)) if upper is not None else None
    start = m.start()
    end = m.end("post") if post else (m.end("unit") if g["pct"] is None else m.end())
    qualifier, kinds = "", set()
    pre = _prefix_marker(text, start)
    if pre:
        qualifier = pre
        kinds.add(_PREFIX_KIND[pre])
    for mark in (infix, post):
        if mark and mark != "半":  # 3年多, 150余人, 二十几年: more than the number
            qualifier += mark
            kinds.add("lower")
    for word, kind in _SUFFIXES:
        if text.startswith(word, end):
            qualifier += word
            kinds.add(kind)
            break
    if _CODE_AFTER.match(text, end, end + 1):
        return None  # 1栋B座, 3号楼A: an address or code, not a figure
    inner = "".join(c for c in unit_text if c in "多余")
    if inner:  # 四个多月
        qualifier += inner
        kinds.add("lower")
    return ParsedFigure(text[start:end], start, end, value, unit, "approx" in kinds, "lower" in kinds, upper,
                        qualifier, numeral, "upper" in kinds)


# An amount in 亿 written without 元 (16.3亿产值, 百亿产值, 2018年突破20亿): money when a money noun
# follows it, or when it closes its clause and a money noun stands earlier in its sentence. 千亿级
# (a scale label), 14亿人 (people) and an amount without a money noun are not read.
_BARE_YI = re.compile(
    rf"(?<![{_NOT_AFTER}])"
    r"(?:(?P<ar>" + _AR + r")|(?P<cn>[一二三四五六七八九两兩十]{1,3})?)(?P<mult>万亿|千亿|百亿|十亿|[亿億])"
)
_YI = re.compile("[亿億]")
# The characters a match of _BARE_YI holds before its final 亿 (digits, . , numerals, 万千百十).
_BEFORE_YI = frozenset("0123456789０１２３４５６７８９.．,一二三四五六七八九两兩十万千百")


def _bare_yi_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_BARE_YI.finditer(text)``, found from each 亿: a match ends with its 亿 and
    holds only _BEFORE_YI before it, so it starts in the run of those right before a 亿."""
    for yi in _YI.finditer(text):
        start = yi.start()
        while start > 0 and text[start - 1] in _BEFORE_YI:
            start -= 1
        m = _BARE_YI.search(text, start, yi.end())
        if m is not None:
            yield m
_MONEY_NOUN = r"(?:总产值|产值|產值|投资|投資|资金|資金|营收|營收|营业收入|税收|稅收|销售额|銷售額|销售收入|收入|利润|利潤|生产总值|GDP)"
_MONEY_AFTER = re.compile(r"(?:元)?" + _MONEY_NOUN)
_MONEY_BEFORE = re.compile(_MONEY_NOUN + r"[^。！？!?；;\n]{0,40}$")
_CLAUSE_CLOSE = re.compile(r"[^\u3400-\u9fff0-9０-９A-Za-z%％]|$|(?:以上|左右)")


def _bare_yi(text: str, m: re.Match[str]) -> ParsedFigure | None:
    """A money amount in 亿 without its 元, read by the rule above (None otherwise)."""
    end = m.end()
    if _MONEY_AFTER.match(text, end):
        pass
    elif not (_CLAUSE_CLOSE.match(text, end) and _MONEY_BEFORE.search(text, max(0, m.start() - 48), m.start())):
        return None
    mult = Decimal(_MULT[m.group("mult").translate(_T2S)])
    numeral: Literal["arabic", "chinese"] = "arabic"
    if m.group("ar") is not None:
        try:
            value = _ascii_number(m.group("ar")) * mult
        except InvalidOperation:
            return None
    elif m.group("cn") is not None:
        iv = cn_numeral(m.group("cn"))
        if iv is None:
            return None
        value, numeral = Decimal(iv) * mult, "chinese"
    else:
        value, numeral = mult, "chinese"  # 百亿: the multiplier alone
        if m.group("mult").translate(_T2S) == "亿":
            return None
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    pre = _prefix_marker(text, m.start())
    kind = _PREFIX_KIND.get(pre, "")
    suffix = next((w for w, _ in _SUFFIXES if text.startswith(w, end)), "")
    kinds = {kind, dict(_SUFFIXES).get(suffix)}
    return ParsedFigure(text[m.start():end], m.start(), end, value, "CNY", "approx" in kinds, "lower" in kinds, None,
                        pre + suffix, numeral, "upper" in kinds)


# What may follow a figure in a quote that names what it counts (三个方面, 5000亩土地): words, no number.
_NOUN_AFTER = re.compile(r"(?:以上|左右|上下|以下|以内)?[\u3400-\u9fff“”\"《》]{1,12}")


def find_figures(text: str, *, quoted: bool = False) -> list[ParsedFigure]:
    """Every figure with a unit in ``text``, in order, with spans into ``text``.

    Includes amounts in 亿 whose 元 is implied by a money noun (16.3亿产值; see ``_BARE_YI``).
    ``quoted``: ``text`` was chosen as a figure, so the readings a scan leaves out (百个, 半天, 两起,
    see ``_QUOTE_ONLY_MEASURES``) count too."""
    out: list[ParsedFigure] = []
    for m in scan(_FIG_RE, _FIG_FIRST, text):
        fig = _from_match(text, m, scan_only=not quoted)
        if fig is not None:
            out.append(fig)
    if "亿" in text or "億" in text:
        starts, ends = [f.start for f in out], [f.end for f in out]  # in order, not overlapping
        extra = []
        for m in _bare_yi_matches(text):
            i = bisect_right(ends, m.start())  # the first figure ending after this match starts
            if i < len(starts) and starts[i] < m.end():  # overlaps it
                continue
            fig = _bare_yi(text, m)
            if fig is not None:
                extra.append(fig)
        if extra:
            out = sorted(out + extra, key=lambda f: f.start)
    return out


def parse_figure(quote: str, *, noun_after: bool = False) -> ParsedFigure | None:
    """Parse one figure expression; markers around it (超, 约, 左右 …) are allowed.

    Spans are relative to ``quote`` as given (``超5000亩`` → quote ``5000亩`` at 1:6).
    Returns None unless exactly one figure accounts for the whole expression (``noun_after``: or
    begins it, followed by the words it counts, as in ``三个方面``). An amount in 亿
    alone (``16.3亿``, ``百亿``) reads as CNY: its money noun is context the quote does not carry
    (see ``_BARE_YI``), and the genre writes no other unit-less 亿 amount that is in scope.
    """
    s = quote.strip()
    offset = len(quote) - len(quote.lstrip())
    figs = find_figures(s, quoted=True)
    if not figs:
        bare = _BARE_YI.search(s)
        if bare is not None and bare.group() != "亿":
            fig = _bare_yi(s + "产值", bare)
            figs = [fig] if fig is not None else []
    if not figs and noun_after:
        loose = _loose_count(s)
        figs = [loose] if loose is not None else []
    if noun_after and len(figs) > 1 and _NOUN_AFTER.match(s, figs[0].end):
        figs = figs[:1]  # 两个一百年: the count, then the words it counts
    if len(figs) != 1:
        return None
    f = figs[0]
    head, tail = s[: f.start], s[f.end:]
    words_after = noun_after and bool(_NOUN_AFTER.fullmatch(tail))
    if head not in ("", *[w for w, _ in _PREFIXES]) or not (tail in ("", *[w for w, _ in _SUFFIXES]) or words_after):
        return None
    if offset:
        f = dataclasses.replace(f, start=f.start + offset, end=f.end + offset)
    return f


# A count with a measure word of its own (五部分, 三大攻坚战, 九杆旗帜, 180分, 15日内, 60多岁): the
# prompt makes any other measure word a count; a quote a model chose is read so, a scan is not.
_LOOSE = re.compile(r"(?P<num>[0-9０-９]+(?:[.．][0-9０-９]+)?|[〇零一二三四五六七八九十百千万萬两兩]{1,6})"
                    r"(?P<more>[多余餘])?(?P<word>[\u3400-\u9fff])")
_LOOSE_UNITS: dict[str, Unit] = {"日": "day", "岁": "year", "歲": "year"}
# Measure words the regular reading owns (a calendar year 2024年, a date 8月, a clock 9时): not a count here.
_NOT_LOOSE = frozenset("年月号號时時点點秒") | frozenset(k for k, (u, _) in _UNITS.items() if len(k) == 1 and u != "count")


def _loose_count(s: str) -> ParsedFigure | None:
    pre = next((w for w, _ in _PREFIXES if s.startswith(w)), "")
    m = _LOOSE.match(s, len(pre))
    if m is None or m.group("word") in _NOT_LOOSE:
        return None
    num = m.group("num")
    numeral: Literal["arabic", "chinese"]
    word = m.group("word")
    if num[0].isdigit() or "０" <= num[0] <= "９":
        value, numeral = _ascii_number(num), "arabic"
        if word in ("万", "萬"):
            value *= 10**4  # 83万(汉寿人民): the multiplier of a count whose noun follows the quote
    else:
        iv = cn_numeral(num)
        if iv is None or num.translate(_T2S) == "一":
            return None
        value, numeral = Decimal(iv), "chinese"
    kind = _PREFIX_KIND.get(pre, "")
    lower = kind == "lower" or bool(m.group("more"))
    end = m.end()
    return ParsedFigure(s[m.start():end], m.start(), end, value, _LOOSE_UNITS.get(word, "count"),
                        kind == "approx", lower, None, pre + (m.group("more") or ""), numeral, kind == "upper")


def values_agree(a: Decimal | float | int, b: Decimal | float | int, rel: float = 1e-6) -> bool:
    """True when ``a`` and ``b`` are equal within ``rel`` relative tolerance."""
    da, db = Decimal(str(a)), Decimal(str(b))
    if da == db:
        return True
    return abs(da - db) <= Decimal(str(rel)) * max(abs(da), abs(db))
