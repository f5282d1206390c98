"""Whole articles: the seeds must be perfect against their gold; corpus gold files as they land;
every evidence quote equals doc.text[start:end]."""
from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from summarise import __version__
from summarise.evaluate import score
from summarise.offline import extract_facts
from summarise.schemas import RECORD_TYPES, Provenance, Source
from test_offline_docs import seed_doc

REPO = Path(__file__).resolve().parents[1]
CORPUS_GOLD = REPO / "eval" / "gold" / "corpus"


def gold_view(doc):
    facts = extract_facts(doc)
    prov = Provenance(backend="offline", summarise_version=__version__,
                      generated_at=datetime.now(UTC).isoformat())
    rec = RECORD_TYPES[facts.kind].model_validate({
        **facts.model_dump(exclude={"kind"}), "provenance": prov,
        "source": Source(title=doc.title, published=doc.published)})
    return facts, rec


def evidences(facts):
    for p in facts.people:
        yield p.evidence
    for f in facts.figures:
        yield f.evidence
    for p in facts.points:
        yield p.evidence
    for g in facts.attendee_groups:
        yield g.evidence
    if facts.event.evidence:
        yield facts.event.evidence
    if facts.event.date:
        yield facts.event.date.evidence


def assert_grounded(doc, facts) -> None:
    for ev in evidences(facts):
        assert doc.text[ev.start:ev.end] == ev.quote, ev
        assert len(ev.quote) <= 300
    for f in facts.figures:
        assert f.quote in f.evidence.quote


@pytest.mark.parametrize("which", ["000", "001"])
def test_seed_is_perfect_against_gold(which: str, shared_dir: Path) -> None:
    gold = json.loads(next((shared_dir / "eval" / "gold").glob(f"{which}_*.json")).read_text("utf-8"))
    doc = seed_doc(which)
    facts, rec = gold_view(doc)
    result = score(gold, rec.gold_view(), article_text=doc.text, output_text=rec.model_dump_json())
    assert result.perfect, result.to_json()
    assert_grounded(doc, facts)


def test_seed_000_details() -> None:
    facts = extract_facts(seed_doc("000"))
    assert facts.kind == "meeting_report" and facts.event.date.value == "2024-08-01"
    assert facts.chair.name == "李家浩" and facts.chair.title.zh == "镇党委副书记"
    assert [p.name for p in facts.people] == ["赵锡雄", "李家浩", "吴铸辉", "李冰", "黄伟忠"]
    assert "reporter" in facts.people[2].roles
    assert [p.number for p in facts.points] == [1, 2, 3, 4] and {p.speaker for p in facts.points} == {"赵锡雄"}
    assert sorted(f.quote for f in facts.figures) == sorted(["5000亩", "121宗", "92.4亿元", "190亿元", "15万平方米", "95%"])
    assert any(g.text.zh == "相关部门负责人" for g in facts.attendee_groups)


def test_seed_001_details() -> None:
    facts = extract_facts(seed_doc("001"))
    assert facts.kind == "policy_lecture"
    assert facts.event.date.value == "--11-12" and facts.event.date.year_basis == "open"
    assert facts.lecturer.name == "陈林" and facts.lecturer.title.zh == "佛山市发改局副局长"
    assert facts.event.topic.zh == "顺德村级工业园升级改造" and facts.event.place.zh == "视频会议"
    assert [p.number for p in facts.points] == list(range(1, 8)) and {p.speaker for p in facts.points} == {"陈林"}
    assert {p.kind for p in facts.points} == {"lesson"}
    assert sorted(f.quote for f in facts.figures) == sorted(["11.2万亩", "3年多", "95份"])


@pytest.mark.parametrize("which", ["000", "001"])
def test_summary_is_composed_of_grounded_pieces(which: str) -> None:
    doc = seed_doc(which)
    facts = extract_facts(doc)
    zh, en = facts.summary.zh, facts.summary.en
    assert facts.chair.name in zh and facts.event.name.zh in zh
    assert en and ("On 1 August 2024" in en if which == "000" else "12 November (year not stated)" in en)
    chair = facts.chair
    assert f"{chair.name_en} ({chair.title.en}) chaired it." in en  # whole sentences, not "Chaired by X."
    assert "Chaired by" not in en and "Also attending:" not in en


def corpus_gold() -> list[Path]:
    return sorted(CORPUS_GOLD.glob("*.json")) if CORPUS_GOLD.is_dir() else []


@pytest.mark.parametrize("path", corpus_gold(), ids=lambda p: p.stem[:24])
def test_corpus_gold(path: Path, shared_dir: Path) -> None:
    """Kind, date, chair, lecturer and people must match; figures at least 0.7 precision/recall."""
    from summarise.normalise import normalise

    gold = json.loads(path.read_text("utf-8"))
    doc = normalise((path.parent / gold["input"]).resolve())
    facts, rec = gold_view(doc)
    r = score(gold, rec.gold_view(), article_text=doc.text, output_text=rec.model_dump_json())
    assert r.kind_ok and r.forbidden_found == [], r.to_json()
    assert r.event_date in (None, 1.0) and r.chair in (None, 1.0) and r.lecturer in (None, 1.0), r.to_json()
    assert r.people_p == 1.0 and r.people_r == 1.0, r.to_json()
    assert r.figures_p >= 0.7 and r.figures_r >= 0.7 and r.hallucinated_figures == 0, r.to_json()
    assert r.points_diff in (None, 0), r.to_json()
    assert_grounded(doc, facts)


def test_every_corpus_article_is_grounded(shared_dir: Path) -> None:
    from summarise.normalise import normalise

    for path in sorted((shared_dir / "corpus").iterdir()):
        if path.name == "SOURCES.md":
            continue
        doc = normalise(path)
        assert_grounded(doc, extract_facts(doc))


def test_an_out_of_scope_summary_ends_the_headline_once() -> None:
    from summarise import normalise

    doc = normalise(text="春天来了，我们去种树吧！\n\n2024年3月12日，城南小学的孩子们在老师的带领下来到公园，"
                         "种下了二十棵小树苗。孩子们说，这是一次难忘的植树节。")
    facts = extract_facts(doc)
    assert facts.kind == "other"
    assert facts.summary.zh.endswith("标题：春天来了，我们去种树吧！")  # not ！。
