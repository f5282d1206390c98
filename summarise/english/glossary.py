"""Glossary-driven English for titles, government bodies, meeting types and policy terms.

The glossary (``summarise/data/glossary.tsv``: zh, en, category) is loaded once. Titles are
translated compositionally: a title is segmented (minimum-cost, whole string) into places,
administrative levels, bodies and one final role, then rendered as "<Role> of the <Body> of the
<Outer body>". Anything that cannot be segmented completely returns None: no half-translations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from summarise.english.romanise import LEVEL_ADJECTIVES as _LEVEL_ADJECTIVES
from summarise.english.romanise import PLACE_SUFFIXES, place_word, split_place
from summarise.parse.numbers import cn_numeral

__all__ = ["glossary", "lookup", "lookup_noun", "translate", "translate_term", "translate_title"]

_LEVEL_START = "省市县区镇乡村"
_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "a"}


@lru_cache(maxsize=1)
def _entries() -> list[tuple[str, str, str]]:
    text = resources.files("summarise").joinpath("data/glossary.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, en, cat = line.split("\t")[:3]
        out.append((zh.strip(), en.strip(), cat.strip()))
    return out


@lru_cache(maxsize=1)
def nouns() -> dict[str, str]:
    """zh → plural English of the nouns figures count (category `noun`, kept apart from the phrase
    glossary: 村 is "Village" in a title and "villages" after a count)."""
    return {zh: en for zh, en, cat in _entries() if cat == "noun"}


@lru_cache(maxsize=1)
def measures() -> dict[str, tuple[str, str]]:
    """zh → (English, category) of what an amount or a rate measures (category `money`: 专项资金 →
    "special funds"; `rate`: 增长 → "growth"), kept apart from the phrase glossary."""
    return {zh: (en, cat) for zh, en, cat in _entries() if cat in ("money", "rate")}


@lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, str]]:
    """zh → (en, category), with 副 forms generated for roles that lack an explicit entry."""
    table: dict[str, tuple[str, str]] = {}
    for zh, en, cat in _entries():
        if cat not in ("noun", "money", "rate"):
            table[zh] = (en, cat)
    for zh, (en, cat) in list(table.items()):
        if cat == "role" and not zh.startswith("副") and "副" + zh not in table:
            table["副" + zh] = ("Deputy " + en, "role")
    for zh, (en, cat) in list(table.items()):
        # 常务副书记 → Executive Deputy Secretary; 校长助理 → Assistant to the President
        if cat == "role" and zh.startswith("副") and "常务" + zh not in table:
            table["常务" + zh] = ("Executive " + en, "role")
        if cat == "role" and not zh.endswith("助理") and zh + "助理" not in table:
            table[zh + "助理"] = ("Assistant to the " + en, "role")
    return table


@lru_cache(maxsize=1)
def _max_len() -> int:
    return max(map(len, glossary()))


def lookup(zh: str, category: str | None = None) -> str | None:
    """English for an exact glossary entry (optionally of one category), else None."""
    hit = glossary().get(zh)
    if hit is None or (category is not None and hit[1] != category):
        return None
    return hit[0]


def lookup_noun(zh: str) -> str | None:
    """The plural English of a noun a count counts (党员 → "Party members"), or None."""
    return nouns().get(zh)


def translate_term(zh: str) -> str | None:
    """A body, title or policy term from the glossary: 工改 → "industrial-park renovation (gong gai)"."""
    return lookup(zh.strip().strip("“”‘’\"'「」『』"))


@dataclass(frozen=True)
class _Tok:
    kind: str  # glossary category, or "proper" (place with suffix), "name" (bare proper name), "year"
    zh: str
    en: str
    proper: str = ""  # romanised proper part of a place ("Foshan" for 佛山市)


_YEAR = re.compile(r"(\d{4})年(?:度|(1[0-2]|0?[1-9])月份?)?")  # 2022年10月份: October 2022
_MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
# Words and characters a place's proper name does not hold (青海全省 is 青海 + 全省, not 青海全 + 省).
_NOT_PROPER = re.compile(r"召开|举行|举办|走进|走访|来到|深入|前往|领导|大学|学院|中学|小学|医院|公司|集团|中国|^中共|农$|[全校园]$|^[进到向从]|.[镇乡].|各|[的在和与及暨]|^[一二三四五六七八九十百两]+$|[省市县]")
_IGNORABLE = "“”‘’\"「」『』《》 "


# Ordinals and sessions, the genre's numbering of meetings and terms: 第167次, 十一届, 第八届, 三届;
# 十九届四中全会 (a plenum of the Central Committee); 十届六次全会 (a plenary session of the body
# before it: 省委十届六次全会).
_NUM = r"(?:[0-9]{1,4}|[一二三四五六七八九十百零〇两]{1,5})"
_PLENUM = re.compile(rf"(?:党的)?(?P<n>{_NUM})届(?P<m>{_NUM})中全会")
_SESSION = re.compile(rf"(?P<n>{_NUM})届(?P<m>{_NUM})次(?:全会|全体(?P<e>扩大)?会议|全委(?P<f>扩大)?会|(?P<s>会议))")
# 首场报告会, 首次会议, 首期讲堂: the first
_FIRST = re.compile(r"首(?:场|次|期|届)")
# 党的二十大报告: the report to a Party congress
_CONGRESS_REPORT = re.compile(rf"(?:党的)?(?P<n>{_NUM})大报告")
# 政协第十四届全国委员会(常务委员会): the CPPCC's National Committee of a term, and its Standing Committee
_CPPCC_TERM = re.compile(rf"政协第(?P<n>{_NUM})届全国委员会(?P<sc>常务委员会)?")
# 党十八大精神, 党的二十大: a national Party congress by its number (11th to 25th: 三大攻坚战 and 十大工程
# are no congresses)
_CONGRESS = re.compile(rf"(?:党的|党)?(?P<n>{_NUM})大(?P<s>精神)?")
_ORDINAL = re.compile(rf"第(?P<n>{_NUM})(?:届|次|期)|(?P<t>{_NUM})届")
# 第二 before a body (第二党支部, 第五督导组): its ordinal word, one to ten
_BARE_ORDINAL = re.compile(r"第(?P<n>[一二三四五六七八九十])(?![一二三四五六七八九十百届次期])")
_DELEGATE = re.compile(rf"(?:党的)?(?P<n>{_NUM})大代表")  # 党的二十大代表: a delegate to the Party congress
_WORDS = ("", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth")


def _number(zh: str) -> int | None:
    return int(zh) if zh.isdigit() else cn_numeral(zh)


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 11th, 22nd, 167th."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _numbered(s: str, i: int) -> tuple[_Tok, int] | None:
    """An ordinal, a plenum or a plenary session starting at ``s[i]``."""
    if m := _PLENUM.match(s, i):
        n, k = _number(m["n"]), _number(m["m"])
        if n and k and k < len(_WORDS):
            return _Tok("term", m.group(), f"the {_WORDS[k]} Plenum of the {ordinal(n)} Central Committee"), m.end()
    if m := _SESSION.match(s, i):
        n, k = _number(m["n"]), _number(m["m"])
        if n and k:
            enlarged = "Enlarged " if m["e"] or m["f"] else ""
            kind = "Session" if m["s"] else "Plenary Session"  # 县政协十一届一次会议: a congress's session
            return _Tok("session", m.group(), f"{ordinal(k)} {enlarged}{kind}", ordinal(n)), m.end()
    if m := _FIRST.match(s, i):
        return _Tok("ordinal", m.group(), "first"), m.end()
    if (m := _CONGRESS_REPORT.match(s, i)) and (n := _number(m["n"])):
        return _Tok("term", m.group(), f"the report to the {ordinal(n)} Party Congress"), m.end()
    if (m := _DELEGATE.match(s, i)) and (n := _number(m["n"])):
        return _Tok("role", m.group(), f"Delegate to the {ordinal(n)} Party Congress"), m.end()
    if (m := _CPPCC_TERM.match(s, i)) and (n := _number(m["n"])):
        committee = f"{ordinal(n)} National Committee of the CPPCC"
        return _Tok("body", m.group(), f"Standing Committee of the {committee}" if m["sc"] else committee), m.end()
    if (m := _CONGRESS.match(s, i)) and (n := _number(m["n"])) and 11 <= n <= 25:
        congress = f"the {ordinal(n)} Party Congress"
        return _Tok("term", m.group(), f"the spirit of {congress}" if m["s"] else congress), m.end()
    if m := _ORDINAL.match(s, i):
        n = _number(m["n"] or m["t"])
        if n:
            return _Tok("ordinal", m.group(), ordinal(n)), m.end()
    if (m := _BARE_ORDINAL.match(s, i)) and (n := _number(m["n"])) and n < len(_WORDS):
        return _Tok("ordinal", m.group(), _WORDS[n]), m.end()  # 第二党支部: the Second Party Branch
    return None


def _candidates(s: str, i: int, kinds: frozenset[str]) -> list[tuple[int, _Tok, int]]:
    """(cost, token, end) for every token that can start at ``s[i]``."""
    out: list[tuple[int, _Tok, int]] = []
    gl = glossary()
    if s[i] in _NUMBER_START and (num := _numbered(s, i)) and (
            num[0].kind in kinds or (num[0].kind in ("session", "term") and "ordinal" in kinds)):
        out.append((1, num[0], num[1]))
    for j in range(min(len(s), i + _max_len()), i, -1):
        hit = gl.get(s[i:j])
        if hit and hit[1] == "level" and j - i == 1 and s[j:j + 1] == s[i]:
            continue  # 津市市委: the first 市 ends the city's name (津市), the second opens its committee
        if hit and hit[1] in kinds:
            en, cat = hit
            out.append((1, _Tok(cat, s[i:j], en, en if cat == "place" else ""), j))
    if "year" in kinds and (m := _YEAR.match(s, i)):
        when = f"{_MONTHS[int(m[2])]} {m[1]}" if m[2] else m[1]
        out.append((1, _Tok("year", m.group(), when), m.end()))
    if "proper" in kinds and _INSTITUTION_END.search(s, i + 2):
        for size in (2, 4):
            # 大连大学, 石门中学, 蔡堂司法所, 娲石集团, 隆基绿能科技公司: an institution named for its place or
            # its own name of two characters (or two such names), then its trades
            names = [s[i + k:i + k + 2] for k in range(0, size, 2)]
            if (inst := _INSTITUTION.match(s, i + size)) is None or len(s[i:i + size]) < size \
                    or (inst["t"] and inst["k"] not in _COMPANIES) \
                    or not all(_institution_name(x, gl) for x in names):
                continue
            proper = " ".join(lookup(x, "place") or place_word(x) for x in names)
            trades = " ".join(_TRADES[t] for t in _TRADE.findall(inst["t"])) if inst["t"] else ""
            en = " ".join(x for x in (proper, trades, _INSTITUTIONS[inst["k"]]) if x)
            out.append((size // 2 + 1, _Tok("body", s[i:inst.end()], en), inst.end()))
    if "role" in kinds and s[i] in _GRADES and (m := _GRADED.match(s, i)) and (hit := gl.get(m["r"])) \
            and hit[1] == "role":
        # 二级巡视员, 一级主任科员: a civil-service rank's grade
        out.append((1, _Tok("role", m.group(), f"Level-{_WORDS.index(_GRADES[m['g']])} {hit[0]}"), m.end()))
    if "proper" in kinds and s[i] in _LEVEL_ADJECTIVES and (m := _NUMBERED_INSTITUTION.match(s, i)) \
            and (n := _number(m["n"])):
        # 市四医院, 县一中, 市第三人民医院: an institution known by its level and number
        en = f"{_LEVEL_ADJECTIVES[m['l']]} No. {n} {_NUMBERED_KINDS[m['k']]}"
        out.append((1, _Tok("body", m.group(), en), m.end()))
    if "proper" in kinds:
        for j in range(i + 2, min(len(s), i + 9) + 1):
            parts = split_place(s[i:j])
            # a one-character name only before 县 (沛县): 驻村, 本镇, 全乡 are words, not places
            if parts and (2 <= len(parts[0]) <= 5 or (len(parts[0]) == 1 and parts[1] == "县")) \
                    and re.fullmatch(r"[\u4e00-\u9fff]+", parts[0]) \
                    and not _NOT_PROPER.search(parts[0]) and not parts[0].endswith(parts[1]) \
                    and not (len(parts[0]) > 2 and lookup(parts[0][:2], "place")) \
                    and not (parts[1] == "乡" and parts[0].endswith("下")):  # 下乡: going to the countryside
                # 团结村村: the village is no part of its own name; 山东单县: Shandong, then Shan County
                known = lookup(parts[0], "place")
                proper = known or place_word(parts[0])
                # a known place with its suffix (青海省) is one token, cheaper than place + level
                out.append((1 if known else 3, _Tok("proper", s[i:j], f"{proper} {PLACE_SUFFIXES[parts[1]]}", proper), j))
        for j in range(i + 2, min(len(s), i + 4) + 1):  # 武汉 in 武汉市委: a bare name before a level body
            nxt = s[j:j + 2]
            if nxt and nxt[0] in _LEVEL_START and any(
                    gl.get(s[j:k], ("", ""))[1] == "body" for k in range(j + 2, min(len(s), j + 6) + 1)) \
                    and re.fullmatch(r"[\u4e00-\u9fff]+", s[i:j]) and not _NOT_PROPER.search(s[i:j]):
                proper = lookup(s[i:j], "place") or place_word(s[i:j])
                out.append((4, _Tok("name", s[i:j], proper, proper), j))
    return out


# Institutions a two-character proper name comes before (石门中学 → Shimen Middle School), and
# the words before them that are no name (实验小学 is an experimental primary school, not "Shiyan").
# Companies, the only institutions whose name may carry trades (陕西投资集团: Shaanxi Investment Group).
_COMPANIES = {"集团有限公司": "Group Co., Ltd.", "股份有限公司": "Co., Ltd.", "有限责任公司": "Co., Ltd.",
              "有限公司": "Co., Ltd.", "集团公司": "Group Corporation", "集团": "Group", "公司": "Company"}
_INSTITUTIONS = {"大学": "University", "中学": "Middle School", "小学": "Primary School", "派出所": "Police Station",
                 "司法所": "Judicial Office", "卫生院": "Health Center", "医院": "Hospital", "法院": "Court",
                 "人民法院": "People's Court", "检察院": "Procuratorate", "人民检察院": "People's Procuratorate", **_COMPANIES}
# The last characters of every institution's kind: none of them after a position, no institution there
_INSTITUTION_END = re.compile("[学所院司团厂校]")
# The trades a company's name gives after its proper name (陕西投资集团: Shaanxi Investment Group)
_TRADES = {"科技": "Technology", "投资": "Investment", "控股": "Holding", "制药": "Pharmaceutical", "医药": "Pharmaceutical",
           "实业": "Industrial", "建设": "Construction", "建筑": "Construction", "建工": "Construction Engineering",
           "能源": "Energy", "电力": "Power", "化工": "Chemical", "物流": "Logistics", "文化": "Culture",
           "传媒": "Media", "电子": "Electronics", "汽车": "Automotive", "农业": "Agriculture", "食品": "Food",
           "水泥": "Cement", "钢铁": "Steel", "机械": "Machinery", "纺织": "Textile", "置业": "Property",
           "房地产": "Real Estate", "旅游": "Tourism", "交通": "Transport", "燃气": "Gas", "矿业": "Mining",
           "煤业": "Coal", "发展": "Development", "产业": "Industry", "环保": "Environmental", "新材料": "New Materials",
           "信息技术": "Information Technology", "网络": "Network", "通信": "Communications", "贸易": "Trading",
           "商贸": "Trading", "服装": "Garment", "电器": "Electrical Appliance", "生物": "Biological", "水务": "Water"}
_TRADE = re.compile("|".join(sorted(_TRADES, key=len, reverse=True)))
_INSTITUTION = re.compile(f"(?P<t>(?:{_TRADE.pattern})*)(?P<k>{'|'.join(sorted(_INSTITUTIONS, key=len, reverse=True))})")
# An institution known by its level and number: 市四医院, 县一中, 市第三人民医院 (a school's 中 only where it
# ends the name)
_NUMBERED_KINDS = {"人民医院": "People's Hospital", "中医院": "Hospital of Traditional Chinese Medicine", "医院": "Hospital",
                   "中学": "Middle School", "小学": "Primary School", "中": "Middle School", "小": "Primary School"}
_NUMBERED_INSTITUTION = re.compile(r"(?P<l>[省市县区])第?(?P<n>[一二三四五六七八九十]{1,3})"
                                   r"(?P<k>人民医院|中医院|医院|中学|小学|中(?![心央共国华医])|小(?![组区时]))")
_GRADES = {"一": "First", "二": "Second", "三": "Third", "四": "Fourth"}
_GRADED = re.compile(r"(?P<g>[一二三四])级(?P<r>巡视员|调研员|主任科员|科员|高级主管|主管|高级法官|法官|检察官|警长|警员)")
# Characters no institution's own name holds: numbers, 分/子/总 (a branch: 八分公司), the report's own
# place (我/本/该), 各, 全
_NOT_IN_NAME = re.compile(r"[一二三四五六七八九十百千零〇两0-9分子总我本该各全这此其]")


def _institution_name(zh: str, gl: dict[str, tuple[str, str]]) -> bool:
    """Two characters that may be an institution's own name (石门, 娲石), not a word of the genre."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2}", zh)) and not _NOT_PROPER.search(zh) and not _NOT_IN_NAME.search(zh) \
        and (zh not in gl or gl[zh][1] == "place") and zh not in _NOT_NAMES and zh not in _TRADES
_NOT_NAMES = frozenset({"实验", "附属", "中心", "第一", "第二", "第三", "人民", "师范", "职业", "技术", "民族", "农业",
                        "工业", "科技", "财经", "医科", "理工", "外国", "中医", "妇幼", "儿童", "口腔", "肿瘤", "精神",
                        "传染", "社区", "乡镇", "城区", "农村", "希望", "寄宿", "完全", "初级", "高级", "成人", "开放",
                        # kinds of company, not names (上市公司 is a listed company, 物业公司 a property manager)
                        "上市", "国有", "私营", "民营", "外资", "合资", "物业", "保险", "城投", "供电", "供水", "烟草",
                        "劳务", "运输", "服务", "管理", "咨询", "国企", "央企", "股份", "有限", "责任", "相关", "有关",
                        "其他", "各类", "大型", "小型", "中型", "骨干", "龙头", "重点", "知名", "优秀", "先进", "示范",
                        "省属", "市属", "县属", "区属", "直属", "下属", "所属", "旗下", "分支", "参股", "国家", "地方",
                        "企业", "工程", "设计", "安装", "销售", "生产", "经营", "开发", "贸易", "商业", "金融", "银行",
                        "证券", "基金", "信托", "新型", "集体", "个体", "独资", "联营", "公办", "民办", "私立", "公立",
                        "普通", "一般", "本地", "外地", "当地", "全国", "全省", "全市", "全县"})


def _segment(s: str, kinds: frozenset[str]) -> list[_Tok] | None:
    """Minimum-cost segmentation of the whole of ``s`` into tokens of ``kinds``; None if impossible."""
    n = len(s)
    best: list[tuple[int, list[_Tok]] | None] = [None] * (n + 1)
    best[0] = (0, [])
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        cost_i, toks_i = here
        if s[i] in _IGNORABLE:
            after = best[i + 1]
            if after is None or after[0] > cost_i:
                best[i + 1] = (cost_i, toks_i)
            continue
        for cost, tok, j in _candidates(s, i, kinds):
            there = best[j]
            if there is None or there[0] > cost_i + cost:
                best[j] = (cost_i + cost, [*toks_i, tok])
    last = best[n]
    return last[1] if last else None


_TITLE_KINDS = frozenset({"role", "body", "level", "place", "proper", "term", "ordinal"})
_OWNER_KINDS = frozenset({"body", "level", "place", "proper", "name", "ordinal"})


def segment_owner(zh: str) -> list[_Tok] | None:
    """A body or a place said as the parts of an owner (市委党校, 区, 科技局), or None."""
    return _segment(zh, _OWNER_KINDS)
# 原 before a post: the post held before (原副院长, 原广东省卫生计生委副巡视员); not the 原 of a
# place's own name (原平市, 原阳县, 原州区).
_FORMER = re.compile(r"原(?![平阳州])")
# A head written with its body's last character once (公安局长 = 公安局 + 局长).
_HEAD_OF = {"部长": "Head", "局长": "Director", "处长": "Director", "厅长": "Director", "科长": "Section Chief",
            "司长": "Director-General"}
# 我校国家治理研究院院长: the report's own institution
_OWN = {"我校": "校", "我院": "院", "我市": "市", "我县": "县", "我区": "区", "我省": "省"}


# 中共 before a local Party committee (中共湖北省委, 中共运城市委): the Party its name says already
# 县十五届人大三次会议, 十三届全国人大一次会议, 省政协第十二届一次会议: the term said before the congress;
# read as the congress, then its term and session (县人大十五届三次会议), the order the session is composed in
_TERM_BEFORE_CONGRESS = re.compile(rf"第?(?P<n>{_NUM})届(?P<b>全国人大|全国政协|人大|政协)第?(?P<m>{_NUM})次|"
                                   rf"(?<=人大|政协)第(?P<n2>{_NUM})届第?(?P<m2>{_NUM})次")
_CPC_BEFORE_PLACE = re.compile(r"^中共(?!中央)(?=[\u4e00-\u9fff]{1,6}?[省市县区])")


def _title_part(zh: str) -> str | None:
    zh = _CPC_BEFORE_PLACE.sub("", zh)
    if zh[:2] in _OWN:
        zh = _OWN[zh[:2]] + zh[2:]
    if len(zh) > 3 and zh[0] in "该本" and zh[1] in _LEVEL_START:  # 该镇副镇长: the town's own Deputy Town Mayor
        zh = zh[1:]
    if (former := _FORMER.search(zh)) and (former.start() == 0 or _role_at(zh, former.end())):
        rest = _title_part(zh[:former.start()] + zh[former.end():])
        return f"Former {rest}" if rest and not rest.startswith("Former ") else None
    toks = _segment(zh, _TITLE_KINDS)
    if toks is None and len(zh) > 3 and zh[-2:] in _HEAD_OF:
        # 校组织人事部长, 公安局长: the head of a body the glossary knows (组织人事部, 公安局), its
        # 部/局/处 written once
        head = _title_part(zh[:-1] + "负责人")
        return None if head is None else _HEAD_OF[zh[-2:]] + head.removeprefix("Head")
    if toks:
        toks = _topic_bodies(_body_then_role(toks))
    if not toks or toks[-1].kind != "role" or any(t.kind in ("role", "term") for t in toks[:-1]):
        return None
    role = toks[-1].en
    segments: list[str] = []
    mods: list[str] = []
    if toks[-1].zh in ("校长", "副校长") and len(toks) > 1 and toks[-2].en.endswith(" School") \
            and not toks[-2].en.endswith("Party School"):
        role = "Vice Principal" if toks[-1].zh == "副校长" else "Principal"  # of a school, not a university
    if toks[-1].zh in ("部长", "副部长", "常务副部长") and len(toks) > 1 and toks[-2].kind == "body" and toks[-2].en.endswith("Department"):
        role = {"部长": "Head", "副部长": "Deputy Head", "常务副部长": "Executive Deputy Head"}[toks[-1].zh]  # of a Party department, not a ministry
    for k, t in enumerate(toks[:-1]):
        if t.kind == "body":
            segments.append(" ".join([*mods, t.en]))
            mods = []
        elif t.kind == "proper" and k + 1 < len(toks) - 1 and toks[k + 1].kind == "body" \
                and not toks[k + 1].en.startswith(_LEVEL_WORDS):
            mods.append(_level_adjective(t.en))  # 开阳县人大常委会: the Kaiyang County People's Congress …
        elif t.kind in ("proper", "name", "place"):
            mods.append(t.proper or t.en)
        else:
            mods.append(t.en)
    if mods:  # modifiers with no body after them: 青海省副省长, 镇党委书记, 绩东二社区党委书记
        lead = toks[-1 - len(mods)]
        if len(mods) > 1 and lead.kind == "proper" and all(t.kind == "level" and lead.zh.endswith(t.zh)
                                                           for t in toks[-len(mods):-1]):
            # 团结村村主任: the village's own Village Director (the level repeats the place's)
            role = " ".join(mods[1:]) + " " + role
            segments.append("")
            trailing = f" of {lead.en}"
        elif len(mods) == 1 and toks[-2].kind in ("proper", "place"):
            segments.append("")
            trailing = f" of {toks[-2].en}"
        elif all(t.kind == "level" for t in toks[:-1][-len(mods):]):
            # 镇副镇长: the level the post names already (Deputy Town Mayor) is not said twice
            role = " ".join([*(x for x in mods if x not in role.split()), role])
            trailing = ""
            segments.append("")
        else:
            return None
    else:
        trailing = ""
    chain = [s for s in reversed(segments) if s]
    return role + "".join(f" of the {s}" for s in chain) + trailing


# The English of a body that already says its level (县委 → County Party Committee), and the
# adjective of a place's level before a body (青海省财政厅 → Qinghai Provincial Department of Finance).
_LEVEL_WORDS = ("Provincial", "Municipal", "County", "District", "Town", "Township", "Village", "Prefectural",
                "Community", "Subdistrict")
_ADJECTIVES = {"Province": "Provincial", "City": "Municipal", "Prefecture": "Prefectural"}


def _level_adjective(place_en: str) -> str:
    """"Qinghai Province" → "Qinghai Provincial", "Kaiyang County" as it is (a county's body is the
    "Kaiyang County People's Government")."""
    head, _, level = place_en.rpartition(" ")
    return f"{head} {_ADJECTIVES[level]}" if head and level in _ADJECTIVES else place_en


def _role_at(zh: str, i: int) -> bool:
    """A post the glossary knows starts at zh[i] and ends the string (…原副院长)."""
    return lookup(zh[i:], "role") is not None


def _body_then_role(toks: list[_Tok]) -> list[_Tok]:
    """A post that names its body (党支部书记) after an ordinal is the body's post: 第二党支部书记 →
    "Secretary of the Second Party Branch"."""
    if len(toks) < 2 or toks[-1].kind != "role" or toks[-2].kind != "ordinal":
        return toks
    gl, zh = glossary(), toks[-1].zh
    for k in range(len(zh) - 1, 0, -1):
        body, role = gl.get(zh[:k]), gl.get(zh[k:])
        if body and role and body[1] == "body" and role[1] == "role":
            return [*toks[:-1], _Tok("body", zh[:k], body[0]), _Tok("role", zh[k:], role[0])]
    return toks


def _topic_bodies(toks: list[_Tok]) -> list[_Tok]:
    """A topic before a body is what the body works on: 党史学习教育宣讲团 → "Publicity Lecture Team on
    Party history study and education" (a term anywhere else stays a term, which no title holds)."""
    out: list[_Tok] = []
    for t in toks:
        if t.kind == "body" and out and out[-1].kind == "term":
            topic = out.pop()
            out.append(_Tok("body", topic.zh + t.zh, f"{_title_case(t.en)} on {topic.en}"))
        else:
            out.append(t)
    return out


def translate_title(zh: str) -> str | None:
    """A post such as 镇党委副书记 → "Deputy Secretary of the Town Party Committee"; titles joined
    by 、 or 兼 become "… and …". None unless every part translates."""
    parts = [p for p in re.split(r"[、，,/兼]", zh.strip()) if p]
    if not parts:
        return None
    out = [t for t in (_title_part(p) for p in parts) if t is not None]
    if len(out) < len(parts):
        return None
    for k in range(1, len(out)):  # 数据局党组副书记、副局长: the second post is the bureau's too
        org = _PARTY_GROUP_OF.search(out[k - 1])
        if org and glossary().get(parts[k], ("", ""))[1] == "role" and " of " not in out[k]:
            out[k] = f"{out[k]} of {org.group(1)}"
    return out[0] if len(out) == 1 else ", ".join(out[:-1]) + " and " + out[-1]


# A post in the leading Party group of an organ: the organ a bare post after it belongs to.
_PARTY_GROUP_OF = re.compile(r" of the Leading Party Group of (the .+)$")


_ALL_KINDS = frozenset({"role", "body", "level", "place", "proper", "name", "year", "term", "meeting",
                        "action", "word", "ordinal"})
_NUMBER_START = frozenset("第党首政0123456789一二三四五六七八九十百零〇两")


def _title_case(words: str) -> str:
    return " ".join(w if (w in _SMALL_WORDS and k) or not w[:1].isalpha() else w[:1].upper() + w[1:]
                    for k, w in enumerate(words.split()))


def translate(zh: str) -> str | None:
    """Best-effort English for a short phrase (event names, bodies) from glossary entries,
    romanised place names and years, in source order; None if any part is unknown."""
    zh = _ENLARGED.sub("扩大", zh.strip())
    if not zh:
        return None
    if (hit := translate_term(zh)) is not None:
        return hit
    if (title := translate_title(zh)) is not None:
        return title
    zh = _CPC_BEFORE_PLACE.sub("", zh)
    zh = _TERM_BEFORE_CONGRESS.sub(lambda m: f"{m['b'] or ''}{m['n'] or m['n2']}届{m['m'] or m['m2']}次", zh)
    toks = _segment(zh, _ALL_KINDS)
    if not toks and (m := _SPEECH_OF.fullmatch(zh)):
        return _speech(m)
    if not toks:
        if zh.endswith("精神") and len(zh) > 2 and (of := translate(zh[:-2])) is not None:
            return f"the spirit of {_the(of)}"  # 三届市委常委会第143次会议精神
        return None
    return render(toks)


# The genre's speeches as topics: 习近平总书记在贵州考察时的重要讲话精神, X在Y上的讲话精神, with
# what comes before them (深入学习贯彻).
_SPEECH_OF = re.compile(r"(?P<pre>[^在]{2,40})在(?P<at>[^在的]{2,30}?)(?P<v>(?:考察|视察|调研)(?:时|期间)|上|时)"
                        r"的(?P<imp>重要)?讲话(?P<sp>精神)?")


def _speech(m: re.Match[str]) -> str | None:
    pre = m["pre"]
    for k in range(len(pre) - 2, -1, -1):  # the speaker: the shortest end of `pre` with English
        who = translate(pre[k:])
        acts = _segment(pre[:k], _ALL_KINDS) if k else []
        if who is not None and acts is not None and (not acts or acts[-1].kind == "action"):
            act = render(acts) if acts else ""
            break
    else:
        return None
    if m["v"] in ("上", "时"):
        at = translate(m["at"])
        where = f"at {_the(at) if at and at[:1].isupper() else at}" if at else None
    else:
        place = lookup(m["at"], "place") or (translate(m["at"]) if split_place(m["at"]) else None)
        verb = {"考察": "inspection", "视察": "inspection", "调研": "research visit"}[m["v"][:2]]
        where = f"during an {verb} of {place}" if verb.startswith("i") and place else (
            f"during a {verb} to {place}" if place else None)
    if where is None:
        return None
    who = f"the {who}" if " of the " in who and not who.startswith("the ") else who  # a post, not a name
    speech = f"the {'important ' if m['imp'] else ''}speech {who} gave {where}"
    out = f"the spirit of {speech}" if m["sp"] else speech
    return f"{act} {out}" if act else out


# 常委会(扩大)会议, 全体(扩大)会议: the bracketed 扩大 is the enlarged meeting's
_ENLARGED = re.compile(r"[（(]扩大[)）]")


def _the(en: str) -> str:
    """'the …' before a name that is not a title of the text already ("the 143rd Meeting of …")."""
    return "the " + en[4:] if en.startswith(("the ", "The ")) else f"the {en}"


def render(toks: list[_Tok]) -> str:
    """Tokens in English. A session or a numbered meeting goes before the body it belongs to:
    省委十届六次全会 → "the 6th Plenary Session of the 10th Provincial Party Committee",
    党委常委会第167次会议 → "167th Meeting of the Party Committee Standing Committee"."""
    # 村“两委”: a level the next body's English opens with already (Village Committees) is not said twice
    toks = [t for k, t in enumerate(toks) if not (t.kind == "level" and k + 1 < len(toks)
                                                  and toks[k + 1].en.startswith(t.en + " "))] or list(toks)
    for k in range(1, len(toks)):  # 市第四次党代会: the 4th Municipal Party Congress
        if toks[k].kind == "ordinal" and toks[k - 1].kind in ("level", "place", "proper"):
            toks[k - 1], toks[k] = toks[k], toks[k - 1]
    for k in range(len(toks) - 1, 0, -1):
        t = toks[k]
        if t.kind == "session":
            body = _chain(toks[:k])
            if body is not None:
                en = f"the {t.en} of the {t.proper} {_title_case(body)}"
                rest = toks[k + 1:]
                if rest and rest[0].zh in ("会议", "全体会议"):  # 全会会议: the session is the meeting
                    rest = rest[1:]
                return render([_Tok("term", "", en), *rest])
        if t.kind == "ordinal" and k + 1 < len(toks) and toks[k + 1].kind == "meeting" and k + 2 == len(toks):
            body = _chain(toks[:k]) or _described_body(toks[:k])
            if body is not None:
                # 人民代表大会第三次会议: a congress's numbered meeting is a session of it
                meeting = "session" if toks[k + 1].zh == "会议" and toks[k - 1].en.endswith(_CONGRESSES) \
                    and not toks[k - 1].en.startswith("Standing Committee") else toks[k + 1].en
                return _title_case(f"{t.en} {meeting} of the {body}")
    if toks[-1].kind == "session":  # 十届六次全会 with no body before it
        toks[-1] = _Tok("term", toks[-1].zh, f"the {toks[-1].en} of the {toks[-1].proper} term")
    # "the spirit of …" starts a phrase on its own; inside one (全国两会精神) the article goes
    text = " ".join(t.en if k == 0 or toks[k - 1].kind == "action" or not t.en.startswith("the ") else t.en[4:]
                    for k, t in enumerate(toks))
    return _title_case(text) if toks[-1].kind in ("meeting", "body") else text


_CONGRESSES = ("People's Congress", "CPPCC Committee", "National Committee of the CPPCC")


_JOINERS = frozenset({"暨", "和", "及", "与"})


def _described_body(toks: list[_Tok]) -> str | None:
    """A body with what it works on before it (区疫情防控指挥部: District Epidemic Prevention and
    Control Headquarters), in English, or None when the tokens do not end with a body."""
    if not toks or toks[-1].kind != "body" or any(t.kind not in ("body", "level", "place", "proper", "name", "term", "word")
                                                  or t.zh in _JOINERS for t in toks):
        return None  # 区委常委会暨区疫情防控指挥部: two bodies, whose number is the second's alone
    return _title_case(" ".join(t.en[4:] if t.en.startswith("the ") else t.en for t in toks))


def _chain(toks: list[_Tok]) -> str | None:
    """A body and what qualifies it (ordinal, place, level) in English, or None when the tokens
    are anything else (an action, a term)."""
    if not toks or toks[-1].kind != "body" or any(t.kind not in ("body", "ordinal", "level", "place", "proper", "name")
                                                  for t in toks):
        return None
    if len(toks) > 1 and toks[1].kind == "ordinal" and toks[0].kind in ("level", "place", "proper"):
        toks = [toks[1], toks[0], *toks[2:]]  # 市第四次党代会: the 4th Municipal Party Congress
    for k in range(1, len(toks) - 1):  # 全国政协十四届常委会: the term is the body's before it
        if toks[k].kind == "ordinal" and toks[k - 1].kind == "body":
            before, after = _chain(toks[:k]), _chain(toks[k + 1:])
            if before is not None and after is not None:
                return f"{after} of the {toks[k].en} {before}"
    return " ".join(t.en for t in toks)
