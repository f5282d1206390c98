"""The gold scorer (summarise.evaluate) and the structure of every gold file."""
from __future__ import annotations

import copy
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from summarise import evaluate as ev
from summarise.evaluate import EvalReport, FileScore, canon, load_gold, score, score_dir, validate_gold

REPO = Path(__file__).resolve().parents[1]
CORPUS_GOLD = REPO / "eval" / "gold" / "corpus"

ARTICLE = (
    "8月1日，小榄镇召开工改推进会。镇党委书记赵锡雄出席会议并讲话。镇党委副书记李家浩主持会议。"
    "全镇拆除整理低效工业用地超5000亩，推动121宗项目，预计投资总额达到92.4亿元，95%已出租。"
)
GOLD: dict[str, Any] = {
    "input": "article.txt",
    "kind": "meeting_report",
    "title": "小榄全力冲刺“工改”年度目标任务",
    "published": "2024-08-02",
    "event_date": "2024-08-01",
    "chair": {"name": "李家浩", "title": "镇党委副书记"},
    "lecturer": None,
    "people": [{"name": "赵锡雄", "title": "镇党委书记"}, {"name": "李家浩", "title": "镇党委副书记"}],
    "figures": [
        {"quote": "5000亩", "value": 5000, "unit": "mu"},
        {"quote": "121宗", "value": 121, "unit": "count"},
        {"quote": "92.4亿元", "value": 9240000000, "unit": "CNY"},
        {"quote": "95%", "value": 95, "unit": "percent"},
    ],
    "points": 4,
    "forbidden": ["久久", "無障礙", "9.37亿元"],
}


def perfect_prediction() -> dict[str, Any]:
    pred = {k: copy.deepcopy(v) for k, v in GOLD.items() if k not in ("input", "forbidden")}
    return pred


def run_score(pred: dict[str, Any], gold: dict[str, Any] | None = None, output: str = "clean output") -> FileScore:
    return score(gold or GOLD, pred, article_text=ARTICLE, output_text=output, name="t")


# ----------------------------------------------------------------------------- scoring rules

def test_perfect_file() -> None:
    s = run_score(perfect_prediction())
    assert s.perfect
    assert (s.kind_ok, s.title_ok, s.event_date, s.chair, s.lecturer) == (True, True, 1.0, 1.0, 1.0)
    assert (s.people_p, s.people_r, s.people_title_agreement) == (1.0, 1.0, 1.0)
    assert (s.figures_p, s.figures_r, s.hallucinated_figures, s.points_diff) == (1.0, 1.0, 0, 0)
    assert s.forbidden_found == []


def test_traditional_script_whitespace_and_title_containment_still_match() -> None:
    pred = perfect_prediction()
    pred["title"] = "小欖全力沖刺“工改” 年度目標任務"
    pred["chair"] = {"name": "李家浩", "title": "副書記"}  # contained in the gold title
    pred["people"] = [{"name": "趙錫雄", "title": "小欖鎮黨委書記"}, {"name": "李家浩", "title": None}]
    s = run_score(pred)
    assert s.title_ok and s.chair == 1.0
    assert (s.people_p, s.people_r) == (1.0, 1.0)
    assert s.people_title_agreement == 0.5  # a missing title does not agree
    assert not s.perfect


def test_wrong_kind_and_title() -> None:
    pred = perfect_prediction()
    pred.update(kind="policy_lecture", title="另一篇文章")
    s = run_score(pred)
    assert not s.kind_ok and s.title_ok is False and not s.perfect


@pytest.mark.parametrize(
    "gold_date, pred_date, expected",
    [
        ("2024-08-01", "2024-08-01", 1.0),
        ("2024-08-01", "--08-01", 0.5),     # output leaves the year open
        ("2024-08-01", "2023-08-01", 0.0),  # wrong year
        ("2024-08-01", "2024-08-02", 0.0),
        ("--11-12", "--11-12", 1.0),
        ("--11-12", "2024-11-12", 0.0),     # a guessed year the gold leaves open
        ("--11-12", None, 0.0),
        (None, None, 1.0),
        (None, "2024-11-12", 0.0),
        ("2024-08-01", None, 0.0),
    ],
)
def test_event_date_rule(gold_date: str | None, pred_date: str | None, expected: float) -> None:
    gold = {**GOLD, "event_date": gold_date}
    pred = perfect_prediction()
    pred["event_date"] = pred_date
    s = run_score(pred, gold)
    assert s.event_date == expected
    assert s.perfect is (expected == 1.0)


def test_missing_chair_scores_zero_and_wrong_title_half() -> None:
    pred = perfect_prediction()
    pred["chair"] = None
    assert run_score(pred).chair == 0.0
    pred["chair"] = {"name": "李家浩", "title": "镇长"}
    assert run_score(pred).chair == 0.5
    pred["chair"] = {"name": "赵锡雄", "title": "镇党委副书记"}
    assert run_score(pred).chair == 0.0


def test_extra_lecturer_when_gold_has_none() -> None:
    pred = perfect_prediction()
    pred["lecturer"] = {"name": "赵锡雄", "title": "镇党委书记"}
    s = run_score(pred)
    assert s.lecturer == 0.0 and not s.perfect


def test_people_precision_recall() -> None:
    pred = perfect_prediction()
    pred["people"] = [{"name": "赵锡雄", "title": "镇党委书记"}, {"name": "王五", "title": "镇长"},
                      {"name": "赵锡雄", "title": "镇党委书记"}]  # a repeated name counts once
    s = run_score(pred)
    assert (s.people_tp, s.people_pred, s.people_gold) == (1, 2, 2)
    assert s.people_p == 0.5 and s.people_r == 0.5
    assert s.people_missing == ["李家浩"] and s.people_extra == ["王五"]


def test_hallucinated_figure_is_counted_and_unmatched() -> None:
    pred = perfect_prediction()
    pred["figures"].append({"quote": "3万亩", "value": 30000, "unit": "mu"})
    s = run_score(pred)
    assert s.hallucinated == ["3万亩"]
    assert s.figures_r == 1.0 and s.figures_p == pytest.approx(4 / 5)
    assert not s.perfect


def test_grounded_but_wrong_figure_is_not_hallucinated() -> None:
    pred = perfect_prediction()
    pred["figures"][2] = {"quote": "92.4亿元", "value": 924000000, "unit": "CNY"}  # wrong multiplier
    pred["figures"][0] = {"quote": "5000亩", "value": 5000, "unit": "m2"}          # wrong unit
    s = run_score(pred)
    assert s.hallucinated == []
    assert (s.figures_tp, s.figures_pred, s.figures_gold) == (2, 4, 4)


def test_figure_value_tolerance_and_string_values() -> None:
    pred = perfect_prediction()
    pred["figures"][2]["value"] = 9240000000 * (1 + 5e-7)
    pred["figures"][3]["value"] = "95"
    assert run_score(pred).figures_tp == 4
    pred["figures"][2]["value"] = 9240000000 * (1 + 5e-6)
    assert run_score(pred).figures_tp == 3


def test_each_gold_figure_matches_once_and_repeats_are_reported() -> None:
    pred = perfect_prediction()
    pred["figures"].append({"quote": "95%", "value": 95, "unit": "percent"})
    s = run_score(pred)
    assert s.figures_tp == 4 and s.duplicate_figures == 1 and s.figures_p == 1.0
    gold = copy.deepcopy(GOLD)
    gold["figures"].append({"quote": "95%", "value": 95, "unit": "percent"})  # stated twice in gold
    s = run_score(pred, gold)
    assert (s.figures_tp, s.figures_gold, s.duplicate_figures) == (5, 5, 0)


def test_points_difference() -> None:
    pred = perfect_prediction()
    pred["points"] = 6
    assert run_score(pred).points_diff == 2
    pred["points"] = None
    assert run_score(pred).points_diff == 4
    assert run_score(pred, {**GOLD, "points": None}).points_diff is None


def test_forbidden_string_found_in_output() -> None:
    s = run_score(perfect_prediction(), output="会议 ... 另见：总投资9.37亿元")
    assert s.forbidden_found == ["9.37亿元"] and not s.perfect
    # traditional script and JSON \\u escapes do not hide junk
    s = run_score(perfect_prediction(), output=json.dumps({"nav": "无障碍版"}, ensure_ascii=True))
    assert s.forbidden_found == ["無障礙"]


def test_unknown_gold_keys_are_ignored() -> None:
    gold = {**GOLD, "notes": "a judgement call", "reviewer": {"name": "x"}, "extra": [1, 2]}
    assert run_score(perfect_prediction(), gold).perfect


def test_missing_gold_keys_are_not_scored() -> None:
    gold = {k: v for k, v in GOLD.items() if k not in ("chair", "lecturer", "event_date")}
    s = run_score(perfect_prediction(), gold)
    assert (s.chair, s.lecturer, s.event_date) == (None, None, None) and s.perfect


# ----------------------------------------------------------------------------- directory runs

def _write_gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold" / "sub").mkdir(parents=True)
    for stem in ("a", "b"):
        (tmp_path / "articles" / f"{stem}.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold" / "a.json").write_text(json.dumps({**GOLD, "input": "../articles/a.txt"}), encoding="utf-8")
    (tmp_path / "gold" / "sub" / "b.json").write_text(
        json.dumps({**GOLD, "input": "../../articles/b.txt"}), encoding="utf-8")
    return tmp_path / "gold"


def test_load_and_iter_gold_resolve_input(tmp_path: Path) -> None:
    gold_dir = _write_gold_dir(tmp_path)
    golds = ev.iter_gold(gold_dir)
    assert [g["_gold_path"].name for g in golds] == ["a.json", "b.json"]
    assert all(g["_input_path"].is_file() for g in golds)
    assert load_gold(gold_dir / "sub" / "b.json")["_input_path"] == (tmp_path / "articles" / "b.txt").resolve()


def test_score_dir_records_a_failing_run_and_continues(tmp_path: Path) -> None:
    gold_dir = _write_gold_dir(tmp_path)

    def run(path: Path) -> tuple[dict[str, Any], str, str]:
        if path.stem == "a":
            raise RuntimeError("extractor exploded")
        return perfect_prediction(), path.read_text(encoding="utf-8"), "clean"

    report = score_dir(gold_dir, run)
    assert isinstance(report, EvalReport)
    by_name = {f.name: f for f in report.files}
    assert set(by_name) == {"a", str(Path("sub") / "b")}
    assert by_name["a"].errors == ["RuntimeError: extractor exploded"] and not by_name["a"].perfect
    assert by_name[str(Path("sub") / "b")].perfect
    totals = report.totals
    assert (totals["files"], totals["perfect"], totals["errors"]) == (2, 1, 1)
    assert totals["figures_r"] == 0.5 and totals["figures_p"] == 1.0  # the failed file's figures are missed
    assert "ERROR" in report.table() and "extractor exploded" in report.table()
    assert json.loads(json.dumps(report.to_json()))["totals"]["perfect"] == 1


def test_score_dir_survives_a_broken_gold_file(tmp_path: Path) -> None:
    gold_dir = _write_gold_dir(tmp_path)
    (gold_dir / "broken.json").write_text("{not json", encoding="utf-8")
    report = score_dir(gold_dir, lambda p: (perfect_prediction(), ARTICLE, ""))
    assert [bool(f.errors) for f in report.files] == [False, True, False]


def test_a_gold_file_whose_input_is_missing_is_listed_not_scored(tmp_path: Path) -> None:
    gold_dir = _write_gold_dir(tmp_path)
    (tmp_path / "articles" / "a.txt").unlink()  # a user's clone without ../shared
    runs: list[Path] = []
    report = score_dir(gold_dir, lambda p: (runs.append(p), (perfect_prediction(), ARTICLE, ""))[1])
    assert [p.stem for p in runs] == ["b"] and [f.name for f in report.files] == [str(Path("sub") / "b")]
    assert report.skipped == [("a", "../articles/a.txt")]
    totals = report.totals
    assert (totals["files"], totals["perfect"], totals["errors"], totals["skipped_missing_input"]) == (1, 1, 0, 1)
    assert totals["figures_r"] == 1.0  # the missing input's figures are not counted as misses
    table = report.table()
    assert "1/1 perfect" in table and "ERROR" not in table
    assert "a: input not found: ../articles/a.txt" in table
    assert report.to_json()["skipped"] == [{"name": "a", "input": "../articles/a.txt", "reason": "input not found"}]


def test_table_has_one_row_per_file_and_a_total(tmp_path: Path) -> None:
    report = score_dir(_write_gold_dir(tmp_path), lambda p: (perfect_prediction(), ARTICLE, ""))
    lines = report.table().splitlines()
    assert lines[0].startswith("file") and any(line.startswith("TOTAL") for line in lines)
    assert "2/2 perfect" in report.table()


# ----------------------------------------------------------------------------- gold file structure

_PINYIN_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


def _fallback_text(path: Path) -> str:
    """Crude decoding for when summarise.normalise is not available: bytes, markup, JSON, pinyin."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    if path.suffix == ".json":
        strings: list[str] = []

        def walk(x: Any) -> None:
            if isinstance(x, str):
                strings.append(x)
            elif isinstance(x, dict):
                for v in x.values():
                    walk(v)
            elif isinstance(x, list):
                for v in x:
                    walk(v)
        walk(json.loads(text))
        text = "\n".join(strings)
    if "<" in text:
        text = html.unescape(_TAG.sub(" ", text))
    return _PINYIN_NOTE.sub("", text)


def article_text(path: Path) -> str:
    """The normalised article text (summarise.normalise once it exists, else a crude fallback)."""
    try:
        from summarise.normalise import normalise  # type: ignore[attr-defined]
    except ImportError:
        return _fallback_text(path)
    result = normalise(path)
    return result if isinstance(result, str) else result.text


def _gold_files() -> list[Path]:
    return ev.gold_paths(CORPUS_GOLD) + ev.gold_paths(REPO.parent / "shared" / "eval" / "gold")


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: f"{p.parent.name}/{p.stem[:24]}")
def test_gold_file_structure_and_grounding(path: Path, shared_dir: Path) -> None:
    gold = load_gold(path)
    assert validate_gold(gold) == [], path
    text = canon(article_text(gold["_input_path"]))
    for fig in gold["figures"]:
        assert canon(fig["quote"]) in text, f"{path.name}: figure quote {fig['quote']!r} not in the article"
    for person in [*gold["people"], gold["chair"], gold["lecturer"]]:
        if person:
            assert canon(person["name"]) in text, f"{path.name}: name {person['name']!r} not in the article"
    for key in ("chair", "lecturer"):
        if gold[key]:
            assert gold[key]["name"] in {p["name"] for p in gold["people"]}, f"{path.name}: {key} not in people"
    if gold["title"]:
        assert canon(gold["title"]) in canon(_fallback_text(gold["_input_path"])), f"{path.name}: title"
    # all Chinese in gold files is simplified script
    for value in _strings(gold):
        assert ev._converter().convert(value) == value or not re.search(r"[\u4e00-\u9fff]", value), value
    keys = [(f["unit"], f["value"], canon(f["quote"])) for f in gold["figures"]]
    assert len(keys) == len(set(keys)), f"{path.name}: a figure is listed twice"


def _strings(gold: dict[str, Any]) -> list[str]:
    out = [gold["title"] or ""]
    for person in [*gold["people"], gold["chair"], gold["lecturer"]]:
        if person:
            out += [person["name"], person.get("title") or ""]
    out += [f["quote"] for f in gold["figures"]]
    return out


def test_corpus_gold_covers_at_least_seven_articles(shared_dir: Path) -> None:
    golds = ev.iter_gold(CORPUS_GOLD)
    assert len(golds) >= 7
    assert len({g["_input_path"] for g in golds}) == len(golds)
    assert all(Path(g["_input_path"]).is_relative_to((shared_dir / "corpus").resolve()) for g in golds)


def test_validate_gold_reports_problems(tmp_path: Path) -> None:
    bad = {**GOLD, "kind": "speech", "event_date": "11月12日",
           "figures": [{"quote": "6200吨", "value": 6200, "unit": "t"}], "_input_path": tmp_path / "nope.txt"}
    del bad["forbidden"]
    problems = "\n".join(validate_gold(bad))
    for needle in ("forbidden", "kind", "event_date", "unit 't'", "does not resolve"):
        assert needle in problems
