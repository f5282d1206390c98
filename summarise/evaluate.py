"""Score extractions against hand-written gold annotations (shared/eval/README.md).

The scorer is independent of the project's Pydantic schemas: both sides are plain dicts in the
gold format ("gold view": kind, title, published, event_date, chair, lecturer, people, figures,
points). Unknown keys (``notes`` …) are ignored.
"""
from __future__ import annotations

import contextlib
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from summarise.schemas import KINDS

UNITS: frozenset[str] = frozenset({"CNY", "mu", "m2", "percent", "count", "person", "year"})
REQUIRED_KEYS: tuple[str, ...] = (
    "input", "kind", "title", "published", "event_date", "chair", "lecturer",
    "people", "figures", "points", "forbidden",
)
REL_TOL = 1e-6

_FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_OPEN_DATE = re.compile(r"^--(\d{2})-(\d{2})$")
_WS = re.compile(r"\s+")

RunFn = Callable[[Path], "tuple[dict[str, Any], str, str]"]


# --------------------------------------------------------------------------- text helpers

@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified script (OpenCC t2s), after NFKC width folding."""
    return _converter().convert(unicodedata.normalize("NFKC", text))


def canon(text: str | None) -> str:
    """Comparison form: NFKC, simplified script, no whitespace."""
    if not text:
        return ""
    return _WS.sub("", to_simplified(str(text)))


def titles_match(gold: str | None, pred: str | None) -> bool:
    """Titles agree when both are absent or either contains the other (canonical form)."""
    g, p = canon(gold), canon(pred)
    if not g and not p:
        return True
    if not g or not p:
        return False
    return g in p or p in g


# --------------------------------------------------------------------------- gold files

def load_gold(path: str | Path) -> dict[str, Any]:
    """Read a gold file; adds ``_input_path`` (``input`` resolved relative to the file) and ``_gold_path``."""
    path = Path(path)
    gold = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(gold, dict) or "input" not in gold:
        raise ValueError(f"{path}: not a gold file (no 'input' key)")
    gold["_gold_path"] = path
    gold["_input_path"] = (path.parent / gold["input"]).resolve()
    return gold


def gold_paths(directory: str | Path) -> list[Path]:
    """Every ``*.json`` under ``directory``, recursively, sorted."""
    return sorted(p for p in Path(directory).rglob("*.json") if p.is_file())


def iter_gold(directory: str | Path) -> list[dict[str, Any]]:
    """Every gold file under ``directory`` (recursively, sorted by path), loaded."""
    return [load_gold(p) for p in gold_paths(directory)]


def validate_gold(gold: dict[str, Any]) -> list[str]:
    """Structural problems of a loaded gold file (empty list when it is well formed)."""
    problems = [f"missing key {k!r}" for k in REQUIRED_KEYS if k not in gold]
    if gold.get("kind") not in KINDS:
        problems.append(f"kind {gold.get('kind')!r} not in {sorted(KINDS)}")
    for key in ("published", "event_date"):
        value = gold.get(key)
        if value is not None and not (_FULL_DATE.match(value) or (key == "event_date" and _OPEN_DATE.match(value))):
            problems.append(f"{key} {value!r} is not an ISO date")
    for key in ("chair", "lecturer"):
        person = gold.get(key)
        if person is not None and not (isinstance(person, dict) and person.get("name")):
            problems.append(f"{key} must be null or have a name")
    for person in gold.get("people") or []:
        if not (isinstance(person, dict) and person.get("name") and "title" in person):
            problems.append(f"person {person!r} needs name and title")
    for fig in gold.get("figures") or []:
        if not (isinstance(fig, dict) and fig.get("quote") and isinstance(fig.get("value"), (int, float))):
            problems.append(f"figure {fig!r} needs quote and numeric value")
        elif fig.get("unit") not in UNITS:
            problems.append(f"figure {fig['quote']!r}: unit {fig.get('unit')!r} not in {sorted(UNITS)}")
    points = gold.get("points")
    if points is not None and (not isinstance(points, int) or points < 0):
        problems.append(f"points {points!r} must be null or a non-negative integer")
    if not isinstance(gold.get("forbidden", []), list):
        problems.append("forbidden must be a list")
    input_path = gold.get("_input_path")
    if input_path is not None and not Path(input_path).is_file():
        problems.append(f"input {gold.get('input')!r} does not resolve ({input_path})")
    return problems


# --------------------------------------------------------------------------- per-file score

def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


@dataclass
class FileScore:
    """Scores of one article. ``None`` means the metric does not apply to this gold file."""

    name: str
    kind_ok: bool = False
    title_ok: bool | None = None
    event_date: float | None = None
    chair: float | None = None
    lecturer: float | None = None
    people_tp: int = 0
    people_pred: int = 0
    people_gold: int = 0
    people_titles_agree: int = 0
    people_missing: list[str] = field(default_factory=list)
    people_extra: list[str] = field(default_factory=list)
    figures_tp: int = 0
    figures_pred: int = 0
    figures_gold: int = 0
    figures_missing: list[str] = field(default_factory=list)
    figures_extra: list[str] = field(default_factory=list)
    hallucinated: list[str] = field(default_factory=list)
    duplicate_figures: int = 0
    points_diff: int | None = None
    forbidden_found: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def people_p(self) -> float:
        return _ratio(self.people_tp, self.people_pred)

    @property
    def people_r(self) -> float:
        return _ratio(self.people_tp, self.people_gold)

    @property
    def people_title_agreement(self) -> float | None:
        """Share of matched people whose titles agree; None when no name matched."""
        return self.people_titles_agree / self.people_tp if self.people_tp else None

    @property
    def figures_p(self) -> float:
        return _ratio(self.figures_tp, self.figures_pred)

    @property
    def figures_r(self) -> float:
        return _ratio(self.figures_tp, self.figures_gold)

    @property
    def hallucinated_figures(self) -> int:
        return len(self.hallucinated)

    @property
    def perfect(self) -> bool:
        """Every applicable metric at its best (duplicate figures and warnings aside)."""
        return (
            not self.errors
            and self.kind_ok
            and self.title_ok is not False
            and self.event_date in (None, 1.0)
            and self.chair in (None, 1.0)
            and self.lecturer in (None, 1.0)
            and self.people_p == 1.0 and self.people_r == 1.0
            and self.people_title_agreement in (None, 1.0)
            and self.figures_p == 1.0 and self.figures_r == 1.0
            and not self.hallucinated
            and self.points_diff in (None, 0)
            and not self.forbidden_found
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for prop in ("people_p", "people_r", "people_title_agreement", "figures_p", "figures_r",
                     "hallucinated_figures", "perfect"):
            data[prop] = getattr(self, prop)
        return data


def score_date(gold: str | None, pred: Any) -> float:
    """1 exact; 0.5 when gold has a year, output leaves it open and month-day match; else 0.

    A year the gold leaves open (``--MM-DD``) that the output fills in scores 0 (a guessed year).
    """
    pred = None if pred in (None, "") else str(pred)
    if gold is None or pred is None:
        return 1.0 if gold is None and pred is None else 0.0
    if pred == gold:
        return 1.0
    g_full, p_open = _FULL_DATE.match(gold), _OPEN_DATE.match(pred)
    if g_full and p_open and g_full.group(2, 3) == p_open.group(1, 2):
        return 0.5
    return 0.0


def score_person(gold: dict[str, Any] | None, pred: dict[str, Any] | None) -> float:
    """1 name and title match; 0.5 name matches, title does not; 0 otherwise. Both absent → 1."""
    if not gold and not pred:
        return 1.0
    if not gold or not pred or canon(gold.get("name")) != canon(pred.get("name")):
        return 0.0
    return 1.0 if titles_match(gold.get("title"), pred.get("title")) else 0.5


def _as_float(value: Any) -> float | None:
    try:
        result = float(value)
    except (TypeError, ValueError):
        return None
    return result if math.isfinite(result) else None


def _same_figure(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    g, p = _as_float(gold.get("value")), _as_float(pred.get("value"))
    if g is None or p is None or gold.get("unit") != pred.get("unit"):
        return False
    return math.isclose(g, p, rel_tol=REL_TOL, abs_tol=1e-12)


def _figure_label(fig: dict[str, Any]) -> str:
    return f"{fig.get('quote')}={fig.get('value')} {fig.get('unit')}"


def _score_people(result: FileScore, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> None:
    gold_by_name: dict[str, dict[str, Any]] = {}
    for person in gold:
        gold_by_name.setdefault(canon(person.get("name")), person)
    pred_by_name: dict[str, dict[str, Any]] = {}
    for person in pred:
        if not isinstance(person, dict) or not canon(person.get("name")):
            result.warnings.append(f"unusable person {person!r}")
            continue
        pred_by_name.setdefault(canon(person.get("name")), person)
    matched = gold_by_name.keys() & pred_by_name.keys()
    result.people_gold, result.people_pred, result.people_tp = len(gold_by_name), len(pred_by_name), len(matched)
    result.people_titles_agree = sum(
        titles_match(gold_by_name[n].get("title"), pred_by_name[n].get("title")) for n in matched
    )
    result.people_missing = sorted(gold_by_name[n]["name"] for n in gold_by_name.keys() - matched)
    result.people_extra = sorted(str(pred_by_name[n]["name"]) for n in pred_by_name.keys() - matched)


def _score_figures(result: FileScore, gold: list[dict[str, Any]], pred: list[Any], article: str) -> None:
    article_canon = canon(article)
    unmatched = list(gold)
    matched: list[dict[str, Any]] = []
    result.figures_gold = len(gold)
    for fig in pred:
        if not isinstance(fig, dict):
            result.warnings.append(f"unusable figure {fig!r}")
            result.figures_pred += 1
            result.figures_extra.append(repr(fig))
            continue
        quote = canon(fig.get("quote"))
        if not quote or quote not in article_canon:
            result.hallucinated.append(str(fig.get("quote")))
        hit = next((g for g in unmatched if _same_figure(g, fig)), None)
        if hit is not None:
            unmatched.remove(hit)
            matched.append(hit)
            result.figures_pred += 1
            result.figures_tp += 1
        elif any(_same_figure(g, fig) for g in matched):
            result.duplicate_figures += 1  # the same quantity again: neither right nor wrong
        else:
            result.figures_pred += 1
            result.figures_extra.append(_figure_label(fig))
    result.figures_missing = [_figure_label(g) for g in unmatched]


def _forbidden_in(output_text: str, forbidden: Iterable[str]) -> list[str]:
    haystacks = [output_text]
    with contextlib.suppress(ValueError, TypeError):  # a JSON output written with \u escapes must not hide Chinese junk
        haystacks.append(json.dumps(json.loads(output_text), ensure_ascii=False))
    folded = [to_simplified(h) for h in haystacks]
    found = []
    for item in forbidden:
        if not item:
            continue
        if any(item in h for h in haystacks) or any(to_simplified(item) in h for h in folded):
            found.append(item)
    return found


def _name(gold: dict[str, Any]) -> str:
    path = gold.get("_gold_path")
    return Path(path).stem if path else str(gold.get("input", "?"))


def score(gold: dict[str, Any], predicted: dict[str, Any], *, article_text: str, output_text: str,
          name: str | None = None) -> FileScore:
    """Compare one prediction (gold-view dict) with its gold annotation."""
    result = FileScore(name=name or _name(gold))
    result.kind_ok = predicted.get("kind") == gold.get("kind")
    if gold.get("title") is not None:
        result.title_ok = titles_match(gold["title"], predicted.get("title"))
    if "event_date" in gold:
        result.event_date = score_date(gold["event_date"], predicted.get("event_date"))
    for key in ("chair", "lecturer"):
        if key in gold:
            setattr(result, key, score_person(gold[key], predicted.get(key)))
    _score_people(result, gold.get("people") or [], predicted.get("people") or [])
    _score_figures(result, gold.get("figures") or [], predicted.get("figures") or [], article_text)
    if gold.get("points") is not None:
        pred_points = predicted.get("points")
        result.points_diff = abs(gold["points"] - (pred_points if isinstance(pred_points, int) else 0))
    result.forbidden_found = _forbidden_in(output_text or "", gold.get("forbidden") or [])
    return result


def failed(gold: dict[str, Any], error: str, name: str | None = None) -> FileScore:
    """The score of a file whose extraction raised: every applicable metric at its worst."""
    result = FileScore(name=name or _name(gold), errors=[error])
    result.title_ok = False if gold.get("title") is not None else None
    result.event_date = 0.0 if "event_date" in gold else None
    result.chair = 0.0 if "chair" in gold else None
    result.lecturer = 0.0 if "lecturer" in gold else None
    result.people_gold = len({canon(p.get("name")) for p in gold.get("people") or []})
    result.people_missing = [p.get("name") for p in gold.get("people") or []]
    result.figures_gold = len(gold.get("figures") or [])
    result.figures_missing = [_figure_label(f) for f in gold.get("figures") or []]
    result.points_diff = gold["points"] if isinstance(gold.get("points"), int) else None
    return result


# --------------------------------------------------------------------------- report

def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


@dataclass
class EvalReport:
    """Per-file scores and micro-averaged totals."""

    files: list[FileScore] = field(default_factory=list)
    # gold files whose input is not on this machine (e.g. ../shared in a user's clone): (name, input),
    # listed and left out of every total, never scored as a miss
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, Any]:
        fs = self.files
        people_tp = sum(f.people_tp for f in fs)
        figures_tp = sum(f.figures_tp for f in fs)
        titles = [f.title_ok for f in fs if f.title_ok is not None]
        points = [f.points_diff for f in fs if f.points_diff is not None]
        return {
            "files": len(fs),
            "skipped_missing_input": len(self.skipped),
            "perfect": sum(f.perfect for f in fs),
            "errors": sum(bool(f.errors) for f in fs),
            "kind_accuracy": _mean([float(f.kind_ok) for f in fs]),
            "title_accuracy": _mean([float(t) for t in titles]),
            "event_date": _mean([f.event_date for f in fs if f.event_date is not None]),
            "chair": _mean([f.chair for f in fs if f.chair is not None]),
            "lecturer": _mean([f.lecturer for f in fs if f.lecturer is not None]),
            "people_p": _ratio(people_tp, sum(f.people_pred for f in fs)),
            "people_r": _ratio(people_tp, sum(f.people_gold for f in fs)),
            "people_title_agreement": (sum(f.people_titles_agree for f in fs) / people_tp) if people_tp else None,
            "figures_p": _ratio(figures_tp, sum(f.figures_pred for f in fs)),
            "figures_r": _ratio(figures_tp, sum(f.figures_gold for f in fs)),
            "hallucinated_figures": sum(f.hallucinated_figures for f in fs),
            "duplicate_figures": sum(f.duplicate_figures for f in fs),
            "points_mean_abs_diff": _mean([float(p) for p in points]),
            "forbidden_found": sum(len(f.forbidden_found) for f in fs),
        }

    def to_json(self) -> dict[str, Any]:
        return {"files": [f.to_json() for f in self.files],
                "skipped": [{"name": n, "input": i, "reason": "input not found"} for n, i in self.skipped],
                "totals": self.totals}

    def table(self) -> str:
        """Plain-text table: one row per file, a total row, then the errors and misses."""
        def num(v: float | None) -> str:
            return "-" if v is None else f"{v:.2f}"

        def flag(v: bool | None) -> str:
            return "-" if v is None else ("ok" if v else "NO")

        header = ("file", "kind", "title", "date", "chair", "lect", "ppl P/R", "ttl", "fig P/R",
                  "hall", "pts", "forb", "result")
        rows = []
        for f in self.files:
            rows.append((
                f.name[:40], flag(f.kind_ok), flag(f.title_ok), num(f.event_date), num(f.chair),
                num(f.lecturer), f"{f.people_p:.2f}/{f.people_r:.2f}", num(f.people_title_agreement),
                f"{f.figures_p:.2f}/{f.figures_r:.2f}", str(f.hallucinated_figures),
                "-" if f.points_diff is None else str(f.points_diff), str(len(f.forbidden_found)),
                "ERROR" if f.errors else ("perfect" if f.perfect else ""),
            ))
        t = self.totals
        rows.append((
            "TOTAL", num(t["kind_accuracy"]), num(t["title_accuracy"]), num(t["event_date"]), num(t["chair"]),
            num(t["lecturer"]), f"{t['people_p']:.2f}/{t['people_r']:.2f}", num(t["people_title_agreement"]),
            f"{t['figures_p']:.2f}/{t['figures_r']:.2f}", str(t["hallucinated_figures"]),
            num(t["points_mean_abs_diff"]), str(t["forbidden_found"]), f"{t['perfect']}/{t['files']} perfect",
        ))
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in [header, *rows]]
        lines.insert(1, "  ".join("-" * w for w in widths))
        lines.insert(len(lines) - 1, lines[1])
        details = []
        for f in self.files:
            if f.errors:  # the misses of a failed file are all of its gold: say why instead
                details += [f"{f.name}: error: {e}" for e in f.errors]
                continue
            for label, items in (("warning", f.warnings), ("missing people", f.people_missing),
                                 ("extra people", f.people_extra), ("missing figures", f.figures_missing),
                                 ("extra figures", f.figures_extra), ("hallucinated", f.hallucinated),
                                 ("forbidden", f.forbidden_found)):
                if items:
                    details.append(f"{f.name}: {label}: {', '.join(map(str, items))}")
        if self.skipped:
            details.append(f"not scored: {len(self.skipped)} gold file{'s' if len(self.skipped) != 1 else ''} whose "
                           "input is not here (left out of the totals):")
            details += [f"  {name}: input not found: {where}" for name, where in self.skipped]
        return "\n".join(lines + (["", *details] if details else []))


def score_dir(gold_dir: str | Path, run: RunFn) -> EvalReport:
    """Score every gold file under ``gold_dir``.

    ``run(input_path)`` returns (predicted gold-view dict, normalised article text, full output
    text). An exception from ``run`` (or an unreadable gold file) is recorded as that file's error; a
    gold file whose input does not exist is listed in ``report.skipped`` and not scored.
    """
    gold_dir = Path(gold_dir)
    report = EvalReport()
    for path in gold_paths(gold_dir):
        name = str(path.relative_to(gold_dir).with_suffix(""))
        try:
            gold = load_gold(path)
        except Exception as exc:  # noqa: BLE001 - a broken gold file must not stop the run
            report.files.append(FileScore(name=name, errors=[f"gold file: {type(exc).__name__}: {exc}"]))
            continue
        if not Path(gold["_input_path"]).exists():
            report.skipped.append((name, str(gold["input"])))
            continue
        try:
            predicted, article_text, output_text = run(gold["_input_path"])
        except Exception as exc:  # noqa: BLE001 - one failing article must not stop the run
            report.files.append(failed(gold, f"{type(exc).__name__}: {exc}", name=name))
            continue
        report.files.append(score(gold, predicted, article_text=article_text, output_text=output_text, name=name))
    return report
