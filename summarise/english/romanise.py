"""Romanisation of Chinese person and place names (Hanyu Pinyin, surname readings, no tones)."""
from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

from summarise.english.phrasing import cap

__all__ = ["PLACE_SUFFIXES", "pinyin_word", "place_word", "romanise", "romanise_name", "split_place"]

COMPOUND_SURNAMES = {
    "欧阳": "Ouyang", "司马": "Sima", "诸葛": "Zhuge", "上官": "Shangguan", "东方": "Dongfang",
    "皇甫": "Huangfu", "尉迟": "Yuchi", "公孙": "Gongsun", "慕容": "Murong", "令狐": "Linghu",
    "长孙": "Zhangsun", "宇文": "Yuwen", "司徒": "Situ", "夏侯": "Xiahou", "轩辕": "Xuanyuan",
    "端木": "Duanmu", "独孤": "Dugu", "南宫": "Nangong", "呼延": "Huyan", "澹台": "Tantai",
    "万俟": "Moqi", "西门": "Ximen", "钟离": "Zhongli", "申屠": "Shentu", "淳于": "Chunyu",
    "单于": "Chanyu", "百里": "Baili", "司空": "Sikong", "闻人": "Wenren", "濮阳": "Puyang",
    "赫连": "Helian", "公羊": "Gongyang", "宗政": "Zongzheng", "鲜于": "Xianyu", "闾丘": "Lüqiu",
    "亓官": "Qiguan", "司寇": "Sikou", "仉督": "Zhangdu", "子车": "Ziju", "颛孙": "Zhuansun", "巫马": "Wuma",
    "公西": "Gongxi", "漆雕": "Qidiao", "乐正": "Yuezheng", "壤驷": "Rangsi", "公良": "Gongliang",
    "拓跋": "Tuoba", "夹谷": "Jiagu", "宰父": "Zaifu", "谷梁": "Guliang", "羊舌": "Yangshe", "微生": "Weisheng",
    "梁丘": "Liangqiu", "左丘": "Zuoqiu", "伯赏": "Boshang", "太叔": "Taishu", "仲孙": "Zhongsun",
    "段干": "Duangan", "东郭": "Dongguo", "公冶": "Gongye",
}
# Surname readings that differ from the character's default reading (or that pypinyin gets wrong).
SURNAMES = {
    "单": "Shan", "曾": "Zeng", "解": "Xie", "仇": "Qiu", "查": "Zha", "区": "Ou", "朴": "Piao",
    "盖": "Ge", "覃": "Qin", "召": "Shao", "缪": "Miao", "翟": "Zhai", "乐": "Yue", "秘": "Bi",
    "种": "Chong", "员": "Yun", "繁": "Po", "尉": "Wei", "燕": "Yan", "葛": "Ge", "那": "Na",
    "牟": "Mou", "句": "Gou", "折": "She", "逄": "Pang", "佴": "Nai", "应": "Ying", "过": "Guo",
    "曲": "Qu", "贲": "Ben", "炅": "Gui", "阚": "Kan", "郇": "Huan", "黑": "He", "都": "Du",
    "重": "Chong", "柏": "Bai", "薄": "Bo", "隗": "Wei", "沈": "Shen", "石": "Shi", "任": "Ren",
    "华": "Hua", "纪": "Ji", "冼": "Xian", "莫": "Mo", "宁": "Ning", "长": "Chang", "朝": "Chao",
    "藏": "Zang", "卜": "Bu", "能": "Nai", "阿": "A", "蕃": "Pi", "宿": "Su", "相": "Xiang",
    "参": "Can", "叶": "Ye", "车": "Che", "曹": "Cao", "大": "Da", "行": "Xing", "肖": "Xiao",
    "莘": "Shen", "乜": "Nie", "谌": "Chen", "和": "He", "红": "Hong",
}
PLACE_SUFFIXES = {
    "自治区": "Autonomous Region", "自治州": "Autonomous Prefecture", "自治县": "Autonomous County",
    "街道": "Subdistrict", "社区": "Community", "新区": "New Area", "开发区": "Development Zone",
    "高新区": "High-Tech Zone", "经济区": "Economic Zone", "示范区": "Demonstration Zone",
    "经济开发区": "Economic Development Zone", "经济技术开发区": "Economic and Technological Development Zone",
    "景区": "Scenic Area", "度假区": "Resort", "旅游度假区": "Tourist Resort", "工业园区": "Industrial Park",
    "产业园": "Industrial Park", "园区": "Park",
    "行政村": "Administrative Village", "自然村": "Natural Village",
    "片区": "Area", "省": "Province", "市": "City", "县": "County", "区": "District", "镇": "Town",
    "乡": "Township", "村": "Village", "州": "Prefecture", "盟": "League", "旗": "Banner",
}
# A level as the adjective before a body or an institution (市四医院 → Municipal No. 4 Hospital)
LEVEL_ADJECTIVES = {"省": "Provincial", "市": "Municipal", "县": "County", "区": "District", "镇": "Town"}
_CJK = re.compile(r"^[\u3400-\u9fff]+$")
_VOWEL_START = re.compile(r"^[aoe]")


# The reading a character has in proper names where the phrase dictionary picks another: 长 is
# "chang" in 长宁, 长治 and 张长弓 (not "zhang", the reading of 县长), 佛 is "fo" in 佛坪 (not "fu").
_PROPER_READINGS = {"长": "chang", "佛": "fo", "单": "shan"}
# In a place's name 都 is "du" (成都, 尧都, 都匀: never "dou", the adverb "all") and 朝 is "chao"
# (朝阳, 朝天: not "zhao", morning); a few names keep an old reading of a character.
_PLACE_READINGS = {**_PROPER_READINGS, "都": "du", "朝": "chao"}
_PLACE_WORDS = {"六合": "Luhe", "六安": "Lu'an", "洪洞": "Hongtong", "会稽": "Kuaiji", "蔚": "Yu"}


def pinyin_word(chars: str, *, place: bool = False) -> str:
    """Toneless pinyin of ``chars`` as one word, with an apostrophe before a/o/e syllables (Xi'an);
    ``place``: the readings characters have in place names."""
    sylls = lazy_pinyin(chars, style=Style.NORMAL, v_to_u=True, errors="default")
    if len(sylls) == len(chars):
        readings = _PLACE_READINGS if place else _PROPER_READINGS
        sylls = [readings.get(c, s) for c, s in zip(chars, sylls, strict=True)]
    out = ""
    for i, s in enumerate(sylls):
        out += ("'" if i and _VOWEL_START.match(s) else "") + s
    return out


def place_word(chars: str) -> str:
    """A place's own name in pinyin, capitalised, as places read it: 尧都 → "Yaodu", 六合 → "Luhe"."""
    return _PLACE_WORDS.get(chars) or pinyin_word(chars, place=True).capitalize()


def romanise_name(name: str) -> str:
    """Person name in pinyin, surname first: 赵锡雄 → "Zhao Xixiong", 欧阳修 → "Ouyang Xiu"."""
    name = name.strip()
    if not _CJK.match(name):
        return name
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        surname, given = COMPOUND_SURNAMES[name[:2]], name[2:]
    else:
        surname = SURNAMES.get(name[0]) or cap(pinyin_word(name[0]))
        given = name[1:]
    return f"{surname} {cap(pinyin_word(given))}" if given else surname


def split_place(text: str) -> tuple[str, str] | None:
    """Split a place name into its proper part and generic suffix: 小榄镇 → ("小榄", "镇").

    A one-character proper part before 州 is part of the city's name (郑州, 杭州: no suffix)."""
    for suffix in sorted(PLACE_SUFFIXES, key=len, reverse=True):
        if text.endswith(suffix) and len(text) > len(suffix):
            if suffix == "州" and len(text) == 2:
                return None
            return text[: -len(suffix)], suffix
    return None


def romanise(text: str) -> str:
    """Place or organisation name: proper part in pinyin, generic suffix translated.

    小榄镇 → "Xiaolan Town", 绩东二社区 → "Jidong'er Community", 顺德 → "Shunde".
    """
    from summarise.english.glossary import lookup  # local import: glossary uses this module

    text = text.strip()
    if not _CJK.match(text):
        return text
    parts = split_place(text)
    proper, suffix = parts if parts else (text, "")
    whole = proper.endswith("全") and len(proper) > 1 and suffix  # 青海全省: the whole of Qinghai Province
    proper = proper[:-1] if whole else proper
    head = lookup(proper, "place") or place_word(proper)
    if whole:
        return f"the whole of {head} {PLACE_SUFFIXES[suffix]}"
    return f"{head} {PLACE_SUFFIXES[suffix]}" if suffix else head
