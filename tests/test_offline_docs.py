"""Documents for the offline-extractor tests: the seeds through `normalise()` when it is importable,
otherwise hand-cleaned (pinyin annotations removed, traditional → simplified, boilerplate cut)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_000 = SEEDS / "000_09f2237585b32c6b.txt"
SEED_001 = SEEDS / "001_6b39ea2c5599d977.txt"
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])\(([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")


@dataclass
class Doc:
    """Duck-typed stand-in for summarise.normalise.Document."""

    text: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None


def make_doc(text: str, title: str | None = None, published: str | None = None) -> Doc:
    """A document from already clean text (first line is the headline when `title` is None)."""
    if title is None:
        title = text.split("\n", 1)[0]
    return Doc(text=text, title=title, published=published)


def _normaliser():
    try:
        from summarise.normalise import normalise  # type: ignore[attr-defined]
    except ImportError:
        return None
    return normalise


def _hand_clean_000() -> Doc:
    import opencc

    raw = _PINYIN.sub("", SEED_000.read_text(encoding="utf-8"))
    raw = opencc.OpenCC("t2s").convert(raw)
    body = raw.split("分享:", 1)[1]
    lines = [ln.strip() for ln in body.splitlines()]
    lines = [ln for ln in lines if ln and ln != "图片"]
    text = "\n".join(["小榄全力冲刺“工改”年度目标任务", *lines])
    text = re.sub(r"190亿元\?.*?量发展", "190亿元。“工改”释放出了小榄高质量发展", text)
    text = re.sub(r"增长\?.*?/span>", "增长。”", text)
    return Doc(text=text, title="小榄全力冲刺“工改”年度目标任务", published="2024-08-02",
               publisher="中山市小榄镇融媒体中心")


def _hand_clean_001() -> Doc:
    raw = SEED_001.read_text(encoding="utf-8")
    body = raw.split("中山产业信息36", 1)[1].split("①", 1)[0]
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    title = "对标顺德闯出新路!中山专题研讨低效工业园改造问题"
    return Doc(text="\n".join([title, *lines]), title=title, published="2024-09-27")


def seed_doc(which: str):
    """The seed document `000` or `001` as the pipeline will hand it to the extractor."""
    normalise = _normaliser()
    path = SEED_000 if which == "000" else SEED_001
    if normalise is not None:
        return normalise(path)
    return _hand_clean_000() if which == "000" else _hand_clean_001()


def test_hand_cleaned_seed_000_is_simplified_and_clean():
    doc = seed_doc("000")
    assert "小榄镇召开" in doc.text and "dāng" not in doc.text and "图片" not in doc.text
    assert doc.published == "2024-08-02"


def test_hand_cleaned_seed_001_has_no_related_articles():
    doc = seed_doc("001")
    assert "11月12日" in doc.text and "相关文章" not in doc.text and "13391219793" not in doc.text


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])


def test_a_long_first_line_is_the_lead_not_the_headline() -> None:
    """No title and a first line of 700 characters: a record without a headline, not a validation error."""
    from summarise import Settings, extract

    first = "市委常委会会议研究部署重点工作推进情况" * 40  # no sentence punctuation: not taken for the lead
    assert len(first) > 600
    body = "2024年3月5日，市委常委会召开会议，会议由市委书记张三主持。会议强调，要抓好落实。"
    record = extract(first + "\n" + body + "\n", settings=Settings(backend="offline"))
    assert record.headline is None or len(record.headline.zh) <= 120
