"""Romanisation and glossary translation."""
from __future__ import annotations

import json

import pytest

from summarise.english import glossary, romanise, romanise_name, translate, translate_term, translate_title


@pytest.mark.parametrize("zh, en", [
    ("赵锡雄", "Zhao Xixiong"), ("李家浩", "Li Jiahao"), ("吴铸辉", "Wu Zhuhui"), ("李冰", "Li Bing"),
    ("黄伟忠", "Huang Weizhong"), ("肖展欣", "Xiao Zhanxin"), ("陈文锋", "Chen Wenfeng"),
    ("周作德", "Zhou Zuode"), ("李俊", "Li Jun"), ("陈林", "Chen Lin"),
    ("单田芳", "Shan Tianfang"), ("曾国藩", "Zeng Guofan"), ("解缙", "Xie Jin"), ("仇英", "Qiu Ying"),
    ("欧阳修", "Ouyang Xiu"), ("诸葛亮", "Zhuge Liang"), ("尉迟恭", "Yuchi Gong"), ("吕布", "Lü Bu"),
])
def test_romanise_name(zh: str, en: str) -> None:
    assert romanise_name(zh) == en


def test_romanise_places() -> None:
    assert romanise("小榄镇") == "Xiaolan Town"
    assert romanise("绩东二社区") == "Jidong'er Community"
    assert romanise("陕西省") == "Shaanxi Province"
    assert romanise("中山市") == "Zhongshan City"


@pytest.mark.parametrize("zh, en", [
    ("镇党委副书记", "Deputy Secretary of the Town Party Committee"),
    ("市委副书记、市长", "Deputy Secretary of the Municipal Party Committee and Mayor"),
    ("佛山市发改局副局长", "Deputy Director of the Foshan Municipal Development and Reform Bureau"),
    ("绩东二社区党委书记", "Party Secretary of Jidong'er Community"),
    ("市政府秘书长", "Secretary-General of the Municipal Government"),
    ("财政部国库司司长", "Director-General of the Treasury Department of the Ministry of Finance"),
    ("青海省副省长", "Vice Governor of Qinghai Province"),
    ("黄石市委副书记、市长", "Deputy Secretary of the Huangshi Municipal Party Committee and Mayor"),
])
def test_translate_title(zh: str, en: str) -> None:
    assert translate_title(zh) == en


@pytest.mark.parametrize("zh", ["abc", "好吃的饭", "书记书记", "上市公司董事长", "", "市长是个好人"])
def test_unknown_gives_none(zh: str) -> None:
    assert translate_title(zh) is None


def test_gold_titles_translate(shared_dir) -> None:
    titles = set()
    for path in (shared_dir / "eval" / "gold").glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for p in gold["people"] + [gold["chair"], gold["lecturer"]]:
            if p and p.get("title"):
                titles.add(p["title"])
    assert titles
    missing = {t for t in titles if translate_title(t) is None}
    assert not missing


def test_terms_and_phrases() -> None:
    assert translate_term("工改") == "industrial-park renovation (gong gai)"
    assert translate_term("“头号工程”") == "top-priority project"
    assert translate_term("发改局") == "Development and Reform Bureau"
    assert translate_term("不存在的词") is None
    assert translate("2024年村镇低效工业园改造升级工作推进会") == (
        "2024 Inefficient Village and Town Industrial Park Renovation and Upgrading Work Promotion Meeting")
    assert translate("全市村镇工业集聚区升级改造专题讲座视频会议") == (
        "Citywide Village and Town Industrial Cluster Upgrading and Renovation Special Lecture Video Conference")
    assert translate("乱七八糟") is None


def test_glossary_shape() -> None:
    g = glossary()
    assert len(g) > 300
    assert all(en and cat for en, cat in g.values())


def test_english_fields_never_hold_chinese() -> None:
    """A name the romaniser cannot spell (a transliterated minority name) has no English rather
    than its Chinese pasted into the English."""
    from summarise.offline import bilingual

    assert bilingual.name_en("比沙拉·居麻拜") is None
    assert bilingual.name_en("赵锡雄") == "Zhao Xixiong"
    assert bilingual.term("比沙拉·居麻拜").en is None


def test_out_of_scope_reason_is_english() -> None:
    """The reason a notice is out of scope goes into the English summary: no Chinese in it."""
    import re

    from summarise.normalise import normalise
    from summarise.offline import extract_facts

    doc = normalise(text="关于开展2022年10月份党支部主题党日活动的通知\n各党支部：现将10月份主题党日活动安排通知如下：一、集中学习。")
    facts = extract_facts(doc)
    assert facts.kind == "other" and "notice" in (facts.out_of_scope_reason or "")
    assert not re.search(r"[\u3400-\u9fff]", facts.out_of_scope_reason or "")
