"""English without a model: how much of each offline record's English-facing text has English.

    python benchmarks/english_offline.py eval/heldout/gold eval/heldout2/gold …   # gold dirs
    python benchmarks/english_offline.py --json DIR …                            # machine-readable
    python benchmarks/english_offline.py some/articles/                          # any set: its files

A directory holding gold files (a set's `gold/`) names its articles; any other directory is a set
of articles itself (every file in it, recursively), so the share can be counted on pages nobody
annotated.

For every article named by a gold file it runs the offline backend (normalise → extract → ground,
no endpoint) and counts, over the record's English-facing fields (every bilingual field: headline,
summary, event name/place/convening body/topic, titles, points, attendee groups, what figures
measure; and romanised names):

- untranslated: the field has no English (a note shows the Chinese marked [untranslated]);
- Chinese inside English: the English holds Chinese characters (never acceptable);
- per field family: headlines, event names, titles, points, groups, figure measures;
- per article, the headline figure: whether its headline and event name (where it has them) are in
  full English, nothing marked. An English that marks a part as not translated ("Mobilisation meeting
  (full name not translated)") is not full English; the lenient count, which accepts it, is printed
  after it and labelled as such.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from pydantic import BaseModel

from summarise import Settings, extract
from summarise.evaluate import gold_paths, iter_gold
from summarise.schemas import Bilingual, Person

_CJK = re.compile(r"[\u3400-\u9fff]")
_INDEX = re.compile(r"\[\d+\]")
_PARTIAL = re.compile(r"not translated\)")


def inputs(directory: Path) -> list[tuple[str, Path]]:
    """(name, article path) of a set: the articles its gold files name, else every file in it."""
    if (golds := gold_paths(directory)) and _is_gold(golds[0]):
        return [(g["_gold_path"].stem, Path(g["_input_path"])) for g in iter_gold(directory)]
    return [(p.stem, p) for p in sorted(directory.rglob("*")) if p.is_file() and not p.name.startswith(".")]


def _is_gold(path: Path) -> bool:
    """A gold file names its article (an "input" key); a page saved as JSON does not."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "input" in data


def fields(obj, path: str = ""):
    """(path, zh, en) of every bilingual field and romanised name of a record."""
    if isinstance(obj, Bilingual):
        yield path, obj.zh, obj.en
        return
    if isinstance(obj, Person):
        yield f"{path}.name_en", obj.name, obj.name_en
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            if name in ("provenance", "source"):
                continue
            yield from fields(getattr(obj, name), f"{path}.{name}" if path else name)
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from fields(item, f"{path}[{i}]")


def family(path: str) -> str:
    """headline, summary, event.name, people.title, points, … (list indices dropped)."""
    return _INDEX.sub("", path).removesuffix(".text")


def measure(gold_dirs: list[Path]) -> dict:
    settings = Settings(backend="offline")
    total: Counter[str] = Counter()
    missing: Counter[str] = Counter()
    mixed: list[tuple[str, str, str]] = []
    figures = figures_measured = 0
    articles = headed = headed_en = event_en = headed_full = 0
    for directory in gold_dirs:
        for stem, path in inputs(directory):
            record = extract(path, settings=settings)
            articles += 1
            figures += len(record.figures)
            named = [b for b in (record.headline, record.event.name) if b is not None]
            headed += bool(named)
            headed_en += bool(named) and all(b.en for b in named)
            headed_full += bool(named) and all(b.en and not _PARTIAL.search(b.en) for b in named)
            event_en += bool(record.event.name or record.headline) and any(
                b is not None and b.en for b in (record.event.name, record.headline))
            figures_measured += sum(1 for f in record.figures if f.measures and f.measures.en)
            for path, _zh, en in fields(record):
                fam = family(path)
                total[fam] += 1
                if not en:
                    missing[fam] += 1
                elif _CJK.search(en):
                    mixed.append((stem, path, en))
    n, m = sum(total.values()), sum(missing.values())
    free = {"points", "summary"}
    facts_n = sum(v for k, v in total.items() if k not in free)
    facts_m = sum(v for k, v in missing.items() if k not in free)
    return {
        "articles": articles,
        "fields": n,
        "untranslated": m,
        "untranslated_share": m / n if n else 0.0,
        "fact_fields": facts_n,
        "fact_fields_untranslated_share": facts_m / facts_n if facts_n else 0.0,
        "chinese_inside_english": len(mixed),
        "articles_with_headline_or_event_name": headed,
        "articles_all_of_them_in_english": headed_en,
        "articles_one_of_them_in_english": event_en,
        "articles_all_of_them_in_full_english": headed_full,
        "figures": figures,
        "figures_with_english_measure": figures_measured,
        "by_family": {k: {"fields": total[k], "untranslated": missing[k]} for k in sorted(total)},
        "mixed_examples": mixed[:20],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dirs", nargs="+", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    out = measure(args.gold_dirs)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    named = out["articles_with_headline_or_event_name"]
    full = out["articles_all_of_them_in_full_english"]
    print(f"headline and event name in full English (nothing marked not translated): {full} of {named} "
          f"articles that have them ({full / named if named else 0.0:.0%}); "
          f"lenient count (a part may be marked not translated): {out['articles_all_of_them_in_english']}; "
          f"at least one of them with some English: {out['articles_one_of_them_in_english']}")
    print(f"{out['articles']} articles, {out['fields']} English-facing fields: "
          f"{out['untranslated']} untranslated ({out['untranslated_share']:.1%}); "
          f"fact fields (all but points and summary) {out['fact_fields_untranslated_share']:.1%} untranslated; "
          f"{out['chinese_inside_english']} English fields with Chinese inside; "
          f"figures with an English measure {out['figures_with_english_measure']}/{out['figures']}")
    print(f"{'field':32} {'fields':>6} {'untranslated':>12}")
    for fam, row in out["by_family"].items():
        print(f"{fam:32} {row['fields']:>6} {row['untranslated']:>12}")
    for name, path, en in out["mixed_examples"]:
        print(f"  Chinese inside English: {name} {path}: {en[:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
