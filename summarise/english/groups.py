"""English for groups of attendees, plural: 镇长 → "Town Mayors", 相关部门负责人 → "heads of relevant
departments", 社区居民 → "residents of the community"; a list item by item; None when a part is unknown."""
from __future__ import annotations

import re

from summarise.english.actors import _TO_OWN, lookup_body
from summarise.english.glossary import glossary, lookup_noun, translate, translate_title
from summarise.english.phrasing import _count
from summarise.english.romanise import split_place

# Plurals of the heads of role nouns, for groups of people (镇长 → town mayors).
_PLURAL = {"Secretary": "Secretaries", "Deputy": "Deputies", "Chief": "Chiefs", "Staff": "Staff",
           "Personnel": "Personnel"}
_GROUP_LEAD = {"各": "", "全体": "all ", "相关": "relevant ", "有关": "relevant ", "主要": "principal ", "部分": "some "}
_GROUP_WORDS = {"负责人": "heads", "负责同志": "officials in charge", "主要负责人": "principal heads",
                "主要负责同志": "principal officials in charge", "工作人员": "staff", "干部": "officials",
                "党员": "Party members", "党员干部": "Party members and officials", "代表": "representatives",
                "成员": "members", "领导": "leaders", "职工": "staff", "师生": "teachers and students",
                "委员": "members", "班子成员": "members of the leadership team", "嘉宾": "guests",
                "党政领导": "Party and government leaders", "党员领导干部": "leading Party officials", "领导干部": "leading officials", "人员": "personnel"}


# Group words that can stand for some of a kind of people (企业家代表, 党员中的…不算).
_OF_PEOPLE = frozenset({"代表"})


def _plural(role_en: str) -> str:
    words = role_en.split(" of ", 1)
    head = words[0].split()
    last = head[-1]
    head[-1] = _PLURAL.get(last) or (last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou"
                                     else last if last.endswith("s") else last + "s")
    return " ".join(head) + (f" of {words[1]}" if len(words) > 1 else "")


def translate_group(zh: str) -> str | None:
    """English for a group of attendees, plural (镇长 → "Town Mayors", 相关部门负责人 → "heads of
    relevant departments", 区法院、区检察院主要负责同志 → "principal officials in charge of the
    District Court and the District Procuratorate"); a list of groups (学院辅导员、学生党员代表) item
    by item; None when a part is unknown."""
    zh = zh.strip().strip("，,、")
    count = ""
    if (m := _GROUP_COUNT.search(zh)) and m.start() and (n := _count(m["n"])):
        # 全院党员共100余人: the group, then how many it was
        count = f" ({'nearly ' if m['near'] else ''}{'more than ' if m['more'] else ''}{n:,} in all)"
        zh = zh[:m.start()]
    zh = _GROUP_ATTENDS.sub("", zh)  # 校党委中心组成员出席会议: who they are, not what they did
    if not zh:
        return None
    out = _group_list(zh) if not _ALTERNATIVE.search(zh) else _alternatives(zh)
    return out + count if out else None


# 各村(社区)党委书记: a word and the one it stands for too, in brackets
_ALTERNATIVE = re.compile(r"[(（](?P<b>[\u4e00-\u9fff]{1,4})[)）]")


def _is_unit(zh: str) -> bool:
    """A level or a body (村, 社区, 党总支), which a bracket may give the alternative of."""
    return zh in _LEVEL_PLURAL or glossary().get(zh, ("", ""))[1] in ("level", "body")


def _alternatives(zh: str) -> str | None:
    """A group with an alternative in brackets, read twice (各村党委书记, 各社区党委书记) and said once
    with the alternative's English in brackets: "Party Secretaries of villages (communities)"; None
    unless both readings have English and differ in one place."""
    m = _ALTERNATIVE.search(zh)
    assert m is not None
    before, after, alt = zh[:m.start()], zh[m.end():], m["b"]
    if not _is_unit(alt):
        return None  # 乡镇长(主任): a post's other name, which the group's English cannot place
    k = next((n for n in range(min(len(alt), len(before)), 0, -1) if _is_unit(before[-n:])), 0)
    if not k or _ALTERNATIVE.search(after):
        return None  # the bracket replaces no word of the genre, or more than one bracket
    one, other = _group_list(before + after), _group_list(before[:-k] + alt + after)
    if not one or not other or one == other:
        return None
    a, b = one.split(), other.split()
    head = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), None)
    tail = None if head is None else next((i for i in range(min(len(a), len(b)) - head) if a[-1 - i] != b[-1 - i]), None)
    if head is None or tail is None:
        return None  # one reading's words hold the other's: no single place where they differ
    return " ".join([*a[:len(a) - tail], f"({' '.join(b[head:len(b) - tail])})", *a[len(a) - tail:]])


# A count closing a group (共100余人, 五百余人, 近300人) and an attendance verb after it (出席会议).
_GROUP_COUNT = re.compile(r"(?:共|等)?(?P<near>近)?(?P<n>[0-9]{1,5}|[一二三四五六七八九十百千两]{1,5})(?P<more>余|多)?(?:人|名)$")
_GROUP_ATTENDS = re.compile(r"(?:出席|参加|列席)(?:了)?(?:会议|学习|活动)?$")


def _group_list(zh: str) -> str | None:
    if len(items := [i for i in _LIST_SEP.split(zh) if i]) > 1:
        read = [_group(i) for i in items]  # each item a group of its own (学院辅导员、学生党员代表)
        if all(read):
            return _and(read)  # type: ignore[arg-type]
    return _group(zh)  # else one group word shared (区法院、区检察院主要负责同志)


_LIST_SEP = re.compile(r"[、，,和及]|以及")


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


# Officials by rank (机关副科以上干部, 处级以上干部, 科级及以上党员干部): the rank and those above it.
_RANKS = {"科": "section", "处": "division", "厅": "department", "局": "bureau", "县处": "county and division",
          "乡科": "township and section"}
_RANKED = re.compile(r"^(?P<org>.*?)(?P<dep>副)?(?P<rank>县处|乡科|科|处|厅|局)级?(?:及|和)?以上(?P<pm>党员)?(?:领导)?干部$")


def _ranked(zh: str) -> str | None:
    if not (m := _RANKED.match(zh)):
        return None
    who = f"{'Party member ' if m['pm'] else ''}officials"
    rank = f"at {'deputy ' if m['dep'] else ''}{_RANKS[m['rank']]} level and above"
    if not m["org"]:
        return f"{who} {rank}"
    org = "the organs" if m["org"] == "机关" else _org(m["org"], "")
    return f"{who} of {org} {rank}" if org else None


def _group(zh: str) -> str | None:
    if (ranked := _ranked(zh)) is not None or _RANKED.match(zh):
        return ranked
    if _EACH_LEVEL.match(zh) and (each := _group_of(zh, lead_word=False)) is not None:
        return each  # 各镇负责人: heads of towns (not of "the Town")
    return _group_of(zh, lead_word=True)


def _group_of(zh: str, lead_word: bool) -> str | None:
    """A group read with its lead word (各, 全体, 相关 …) apart, or (各镇负责人) as part of its body."""
    lead = ""
    for k, v in _GROUP_LEAD.items():
        if lead_word and zh.startswith(k) and len(zh) > len(k):
            lead, zh = v, zh[len(k):]
            break
    for word, en in sorted(_GROUP_WORDS.items(), key=lambda kv: -len(kv[0])):
        if zh.endswith(word):
            rest = zh[: -len(word)].rstrip("的")
            if not rest:
                return (lead + en).strip()
            if (own := _own(rest)) is not None and not (own[0] and lead):
                return f"{own[0] or lead}{en} of {own[1]}"  # 全县党员干部, 我校师生
            if rest in _KINDS_OF_PEOPLE:  # 基层党员干部: grass-roots Party members and officials
                return f"{lead}{_KINDS_OF_PEOPLE[rest]} {en}"
            if rest.endswith("全体") and len(rest) > 2 and not lead:  # 镇全体干部: all officials of the town
                org = _org(rest[:-2], "")
                return f"all {en} of {org}" if org else None
            if (kind := lookup_noun(rest)) is not None and word in _OF_PEOPLE:
                return f"{lead}{en} of {kind}"  # 民营企业家代表: representatives of private entrepreneurs
            if (such := _such_as(rest, lead)) is not None:
                return f"{en} of {such}"  # 县发改局、统计局等相关单位负责人
            orgs = [o for o in _LIST_SEP.split(rest) if o]
            read = [_org(o, lead) for o in orgs]
            if orgs and all(r is not None for r in read):
                return f"{en} of {_and(read)}".strip()  # type: ignore[arg-type]
            break  # 组织委员: no body before 委员 but a post of its own
    if zh.endswith(_PEOPLE_ENDINGS) and (noun := lookup_noun(zh)) is not None:
        return f"{lead}{noun}"  # 全体学员: all trainees; 企业家 is entrepreneurs, not a 家 of 企业
    if (people := _people_of(zh, lead)) is not None:
        return people
    title = translate_title(zh)
    return (lead + _plural(title)).strip() if title else None


def _such_as(zh: str, lead: str) -> str | None:
    """Bodies named, then 等 and the kind they are examples of (丹朱镇、大堡头镇等乡镇 → "towns and
    townships including Danzhu Town and Dabaotou Town"): the kind and every example in English, else None."""
    examples, sep, kind = zh.rpartition("等")
    if not sep or not examples or not kind:
        return None
    kind_en = _org(kind, lead)
    named = [o for o in _LIST_SEP.split(examples) if o]
    read = [_org(o, "") for o in named]
    if kind_en is None or not named or any(r is None for r in read):
        return None
    return f"{kind_en} including {_and(read)}"  # type: ignore[arg-type]


# Words that say which people of a kind (基层党员干部, 青年干部, 离退休党员)
_KINDS_OF_PEOPLE = {"基层": "grass-roots", "青年": "young", "年轻": "young", "离退休": "retired", "退休": "retired",
                    "在职": "serving", "农村": "rural", "一线": "front-line", "新任": "newly appointed",
                    "新入职": "newly recruited", "流动": "mobile", "老": "veteran"}


# 全县, 全校: the whole of the report's place or institution, before the people of it
_WHOLE = {"全县": "the county", "全市": "the city", "全区": "the district", "全镇": "the town", "全乡": "the township",
          "全村": "the village", "全校": "the university", "全院": "the institution", "全省": "the province",
          "全社区": "the community", "全系统": "the system", "全公司": "the company"}
def _own(owner: str) -> tuple[str, str] | None:
    """The whole of the report's place (全县: "all " people of "the county") or its own place or
    institution (我校: people of "the university"), else None."""
    if owner in _WHOLE:
        return "all ", _WHOLE[owner]
    if owner in _TO_OWN and owner.startswith("我"):
        return "", _TO_OWN[owner]
    return None


_PEOPLE_ENDINGS = ("民", "员", "生", "师", "者", "人", "工", "众", "家", "士", "女", "童", "干部", "代表", "长", "友", "兵")


def _people_of(zh: str, lead: str) -> str | None:
    """People a count would count (居民, 师生, 党员干部: the glossary's nouns), of a body or a place
    before them: 社区居民 → "residents of the community", 全县党员干部 → "all Party members and
    officials of the county", 红星村村民 → "villagers of Hongxing Village"; None when a part has no English."""
    for k in range(1, len(zh)):
        noun = lookup_noun(zh[k:])
        if noun is None or not zh.endswith(_PEOPLE_ENDINGS):  # 部门, 清单 are counted too, but are no people
            continue
        owner = zh[:k]
        if (own := _own(owner)) is not None:
            return f"{own[0]}{noun} of {own[1]}"
        org: str | None
        if owner in _LEVEL_PLURAL and (level := translate(owner)) is not None:
            org = f"the {level.lower()}"  # 社区居民: the community's residents
        elif split_place(owner):
            org = translate(owner)  # 红星村村民: a named place takes no article
        else:
            org = _org(owner, "")
        if org is None or org.endswith("-wide"):
            return None
        return f"{lead}{noun} of {org}"
    return None


# 各镇, 各乡镇: every town; 县直/市直 (directly under the county or city): county-level, municipal-level
_LEVEL_PLURAL = {"镇": "towns", "乡": "townships", "乡镇": "towns and townships", "村": "villages", "社区": "communities",
                 "街道": "subdistricts", "县": "counties", "区": "districts", "市": "cities", "镇街": "towns and subdistricts"}
_DIRECT = {"县直": "county-level", "市直": "municipal-level", "区直": "district-level", "省直": "provincial-level",
           "镇直": "town-level"}
_UNIT_PLURAL = {"部门": "departments", "单位": "units", "机关": "organs"}
_EACH_LEVEL = re.compile(rf"(?P<d>{'|'.join(_DIRECT)})?各(?P<l>乡镇|镇街|社区|街道|镇|乡|村|县|区|市)(?![\u4e00-\u9fff]*(?:部门|单位))")
_DIRECT_UNITS = re.compile(rf"(?P<d>{'|'.join(_DIRECT)})(?:各)?(?P<r>有关|相关)?(?P<u>{'|'.join(_UNIT_PLURAL)})")


# A place's "name" that is a level or a word of the genre (市直, 区直, 全县): no named place
_NOT_NAMED = re.compile(r"^[省市县区镇乡村]|直|全|各|本|该")


def _org(zh: str, lead: str) -> str | None:
    """An organisation a group belongs to, with the group's lead word (相关 → relevant): 部门 and
    单位 plural ("relevant departments"), a named body with its article ("the District Court")."""
    if zh.startswith("部分") and len(zh) > 2 and not lead:  # 部分乡镇: some towns and townships
        return _org(zh[2:], "some ")
    if zh.startswith(("相关", "有关")) and len(zh) > 2 and lead.strip() in ("", "relevant"):  # 各相关部门
        return _org(zh[2:], "relevant ")
    if (m := _EACH_LEVEL.fullmatch(zh)) is not None:
        return f"{lead}{_DIRECT[m['d']] + ' ' if m['d'] else ''}{_LEVEL_PLURAL[m['l']]}"  # 各镇: the towns
    if (m := _DIRECT_UNITS.fullmatch(zh)) is not None:  # 县直有关部门: relevant county-level departments
        rel = "relevant " if m["r"] or lead.strip() == "relevant" else lead
        return f"{rel}{_DIRECT[m['d']]} {_UNIT_PLURAL[m['u']]}"
    if zh in _LEVEL_PLURAL and len(zh) == 1 and not lead and (level := translate(zh)) is not None:
        return f"the {level.lower()}"  # 镇全体干部: the town's
    for noun, plural in (("部门", "departments"), ("企事业单位", "enterprises and public institutions"), ("单位", "units"), ("企业", "enterprises"), ("办事处", "sub-district offices"),
                         ("乡镇", "towns and townships")):
        if zh.endswith(noun):
            kind = translate(zh[:-len(noun)]) if zh[:-len(noun)] else ""
            return None if kind is None else f"{lead}{kind + ' ' if kind else ''}{plural}"
    org = translate(zh)
    if org is None:
        return None
    if lead:
        return f"{lead}{org}"
    last = org.split()[-1]
    if (parts := split_place(zh)) and parts[0] and lookup_body(zh) is None and not _NOT_NAMED.search(parts[0]):
        return org  # 红星社区党员: a named place takes no article
    return org if not last[:1].isupper() or org.startswith("the ") else f"the {org}"  # a named body
