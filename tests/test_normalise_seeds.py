"""The two seed pages: the checks issue 3 lists, end to end through normalise()."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarise.normalise import Document, normalise
from summarise.normalise.offsets import Tracked
from summarise.normalise.script import convert

SPAM = ("久久", "超碰", "无码", "伊人", "福利", "午夜", "国产", "精品", "综合网")


@pytest.fixture(scope="module")
def seed0(seeds_dir: Path) -> Document:
    return normalise(next(seeds_dir.glob("000_*.txt")))


@pytest.fixture(scope="module")
def seed1(seeds_dir: Path) -> Document:
    return normalise(next(seeds_dir.glob("001_*.txt")))


def test_seed0_pinyin_gone_and_real_parentheses_kept(seed0: Document) -> None:
    assert seed0.removed["pinyin"] == 233
    assert not re.search(r"\([a-zü\u00e0-\u01dc]+\)", seed0.text)
    assert seed0.text.count("各村(社区)") == 6
    assert seed0.text.count("本村(社区)") == 1
    assert seed0.text.count("(") == 7


def test_seed0_mojibake_repaired(seed0: Document) -> None:
    assert "。“工改”释放出了小榄高质量" in seed0.text
    assert "增长。”" in seed0.text
    assert seed0.removed["mojibake_repair"] == 2
    assert not re.search(r"[\ue000-\uf8ff\u3040-\u30ff\ufffd]|\?!|span>", seed0.text)
    # the repaired run maps back onto the damaged bytes in the original
    i = seed0.text.index("释放出了")
    s, e = seed0.source_span(i, i + 4)
    assert "?!" in seed0.original[s:e] and "\ue51e" in seed0.original[s:e]


def test_seed0_chrome_removed(seed0: Document) -> None:
    for word in (*SPAM, "无障碍", "长者助手", "登录", "当前的位置", "图片", "信息来源", "发布日期", "分享"):
        assert word not in seed0.text, word
    assert seed0.removed["image_placeholder"] == 11
    assert seed0.removed["spam_title"] == 1


def test_seed0_simplified_and_metadata(seed0: Document) -> None:
    assert seed0.script == "traditional"
    assert seed0.title == "小榄全力冲刺“工改”年度目标任务"
    assert seed0.published == "2024-08-02"
    assert seed0.publisher == "中山市小榄镇融媒体中心"
    assert seed0.text.startswith(seed0.title + "\n")
    assert "8月1日,小榄镇召开2024年村镇低效工业园改造升级工作推进会" in seed0.text
    assert seed0.text.endswith("工改专班全体人员参加会议。")
    for trad in "會議當發區鎮欖質":
        assert trad not in seed0.text
    assert "92.4亿元" in seed0.text and "95%" in seed0.text and "超5000亩" in seed0.text


def test_seed0_offsets_point_at_the_traditional_source(seed0: Document) -> None:
    i = seed0.text.index("赵锡雄指出")
    s, e = seed0.source_span(i, i + 5)
    assert seed0.original[s:e] == "趙錫雄指出"
    j = seed0.text.index("发展")  # 發(fā)展: the annotation sits inside the span, not in the text
    s, e = seed0.source_span(j, j + 2)
    assert seed0.original[s:e].startswith("發") and seed0.original[s:e].endswith("展")


def test_seed1_junk_removed(seed1: Document) -> None:
    for junk in ("①", "②", "③", "中山网所有", "葛毅明", "13391219793", "400 0123 021", "400-0123-021", "粤B2",
                 "标签", "分享给朋友", "相关文章", "神湾", "9.37亿元", "78亩", "25.33万平方米", "3万亩", "民昇",
                 "ldquo;", "rdquo;", "admin", "当前位置", "版权"):
        assert junk not in seed1.text, junk
    assert seed1.removed["related_articles"] > 0
    assert seed1.removed["advertisement"] >= 3
    assert seed1.removed["copyright"] >= 3


def test_seed1_metadata_and_body(seed1: Document) -> None:
    assert seed1.script == "simplified"
    assert seed1.title == "对标顺德闯出新路!中山专题研讨低效工业园改造问题"
    assert seed1.published == "2024-09-27"
    assert seed1.text.startswith(seed1.title + "\n11月12日,中山市召开")
    assert "拆除整理土地11.2万亩" in seed1.text
    assert seed1.text.endswith("在各镇街分会场参加会议。")
    assert "script_conversion" not in seed1.removed


def test_converter_leaves_simplified_alone() -> None:
    text = Tracked.identity("广东民昇食品有限公司的财务人员萧女士成功使用数字人民币缴纳了税费。")
    out, changed, script = convert(text)
    assert script == "simplified" and changed == 0
    assert out.text == text.text and "民昇" in out.text


def test_seed_token_share_matches_notes(seed0: Document, seed1: Document) -> None:
    """Clean text keeps at most the share of characters NOTES.md measured (52 % and 32 %)."""
    def nonspace(s: str) -> int:
        return len(re.sub(r"\s", "", s))

    assert nonspace(seed0.text) / nonspace(seed0.original) <= 0.53
    assert nonspace(seed1.text) / nonspace(seed1.original) <= 0.33
