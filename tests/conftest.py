"""Shared fixtures: paths to the repository's seeds and to ../shared when it is present."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (corpus, eval); skips the test when it is absent, as in a user's fresh clone."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): corpus and eval tests run in CI only")
    return SHARED
