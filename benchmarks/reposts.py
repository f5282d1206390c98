"""Repost detection on real pages: eval/reposts (9 stories saved 2-4 times from different sources, 15
different articles of the same meeting series), with the seeds, eval/heldout{,2,3}/articles and, when
present, ../shared/corpus as more different articles.

Runs the batch's grouping (`summarise.run.reposts.group`: longest copy first, MinHash LSH candidates,
checked by Jaccard, containment and facts) over all of them at once and scores it against
eval/reposts/groups.json: pairs of copies put in one story (recall), pairs of different articles put
in one story (false merges), and the time per document for the key (normalise excluded).

    .venv/bin/python benchmarks/reposts.py [--json /tmp/reposts.json]
"""
from __future__ import annotations

import argparse
import itertools
import json
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SET = REPO / "eval" / "reposts"
HELDOUT = ("heldout", "heldout2", "heldout3")  # not the blind sets kept for the final scoring
sys.path.insert(0, str(REPO))

from summarise.normalise import normalise
from summarise.run import reposts


def articles() -> list[tuple[Path, str | None]]:
    """(path, group or None) for every article: the repost set, then other sets' distinct articles."""
    truth = json.loads((SET / "groups.json").read_text("utf-8"))
    found: list[tuple[Path, str | None]] = [(SET / m, g) for g, ms in truth["groups"].items() for m in ms]
    found += [(SET / m, None) for m in truth["distinct"]]
    others = sorted(REPO.glob("seeds/*.txt")) + sorted(p for s in HELDOUT for p in (REPO / "eval" / s / "articles").iterdir())
    corpus = REPO.parent / "shared" / "corpus"
    if corpus.is_dir():
        others += sorted(p for p in corpus.iterdir() if p.is_file() and p.name != "SOURCES.md")
    return found + [(p, None) for p in others]


def score(items: list[tuple[Path, str | None]]) -> dict[str, object]:
    candidates, seconds = [], 0.0
    reposts.key_of(normalise(items[0][0]))  # imports (datasketch, scipy, pypinyin) are not per document
    for i, (path, _) in enumerate(items):
        doc = normalise(path)
        t = time.perf_counter()
        key = reposts.key_of(doc)
        seconds += time.perf_counter() - t
        candidates.append(reposts.Candidate(i, str(i), len(doc.text), key))
    t = time.perf_counter()
    found = reposts.group(candidates, {})
    group_s = time.perf_counter() - t
    story = {i: int(found[i][0]) if i in found else i for i in range(len(items))}
    truth_pairs = found_pairs = right = false_merges = 0
    merged: list[str] = []
    for a, b in itertools.combinations(range(len(items)), 2):
        same = items[a][1] is not None and items[a][1] == items[b][1]
        together = story[a] == story[b]
        truth_pairs += same
        found_pairs += together
        right += same and together
        if together and not same:
            false_merges += 1
            merged.append(f"{items[a][0].name} + {items[b][0].name}")
    groups = sorted({g for _, g in items if g})
    whole = [g for g in groups if len({story[i] for i, (_, h) in enumerate(items) if h == g}) == 1]
    copies = sum(1 for _, g in items if g)
    return {
        "articles": len(items), "copies_in_groups": copies, "groups": len(groups),
        "distinct_articles": sum(1 for _, g in items if g is None),
        "too_short_to_compare": sum(c.key is None for c in candidates),
        "pairs_of_copies": truth_pairs, "pairs_found": found_pairs, "pairs_right": right,
        "pair_recall": round(right / truth_pairs, 3) if truth_pairs else None,
        "pair_precision": round(right / found_pairs, 3) if found_pairs else None,
        "false_merges": false_merges, "false_merge_examples": merged[:5],
        "groups_found_whole": len(whole), "groups_split": [g for g in groups if g not in whole],
        "stories": len(set(story.values())), "stories_expected": len(groups) + sum(1 for _, g in items if g is None),
        "key_ms_per_article": round(1000 * seconds / len(items), 2), "group_s": round(group_s, 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    result = {"python": platform.python_version(), "thresholds": {
        "min_jaccard": reposts.MIN_JACCARD, "min_containment": reposts.MIN_CONTAINMENT,
        "lsh_threshold": reposts.LSH_THRESHOLD, "num_perm": reposts.NUM_PERM, "shingle": reposts.SHINGLE},
        **score(articles())}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
