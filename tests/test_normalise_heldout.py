"""The pages of eval/heldout, heldout2 and heldout3 (development sets now) against their gold: each
normalises to the article, its title and its date."""
from __future__ import annotations

from pathlib import Path

import pytest

from gold_checks import assert_article_matches_gold

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "eval" / "heldout"
GOLD = sorted((HELDOUT / "gold").glob("*.json"))
HELDOUT2 = REPO / "eval" / "heldout2"
GOLD2 = sorted((HELDOUT2 / "gold").glob("*.json"))
HELDOUT3 = REPO / "eval" / "heldout3"
GOLD3 = sorted((HELDOUT3 / "gold").glob("*.json"))


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem[:24] for p in GOLD])
def test_heldout_file_is_the_article(gold_path: Path) -> None:
    assert_article_matches_gold(gold_path, published_may_be_unknown=True)


@pytest.mark.parametrize("gold_path", GOLD2, ids=[p.stem[:24] for p in GOLD2])
def test_heldout2_file_is_the_article(gold_path: Path) -> None:
    assert_article_matches_gold(gold_path, no_title_means_none=True)


@pytest.mark.parametrize("gold_path", GOLD3, ids=[p.stem[:40] for p in GOLD3])
def test_heldout3_file_is_the_article(gold_path: Path) -> None:
    assert_article_matches_gold(gold_path)
