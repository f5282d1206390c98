"""The scripted README walkthrough (tests/walkthrough.py, run by .ci/run): its checks of the README and
Makefile hold for this tree, and it finds the first note link the way a reader would."""
from __future__ import annotations

from pathlib import Path

import pytest

from walkthrough import WalkthroughError, check_readme_and_makefile, first_note_link, readme_commands

REPO = Path(__file__).resolve().parents[1]


def test_readme_quick_start_matches_the_makefile() -> None:
    check_readme_and_makefile(REPO)
    assert readme_commands((REPO / "README.md").read_text("utf-8")) == ["make demo", "make test"]


def test_a_readme_that_drifts_from_the_makefile_fails(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text((REPO / "README.md").read_text("utf-8"), "utf-8")
    makefile = (REPO / "Makefile").read_text("utf-8").replace("--out briefings/", "--out notes/")
    (tmp_path / "Makefile").write_text(makefile, "utf-8")
    with pytest.raises(WalkthroughError, match="demo"):
        check_readme_and_makefile(tmp_path)


def test_first_note_link_is_the_first_headline(tmp_path: Path, seeds_dir: Path) -> None:
    from typer.testing import CliRunner

    from summarise.cli import app

    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(seeds_dir), "--out", str(out)],
                                env={"SUMMARISE_BACKEND": "offline", "SUMMARISE_CACHE_DIR": str(tmp_path / "c")})
    assert result.exit_code == 0, result.output
    href, title = first_note_link((out / "index.html").read_text("utf-8"))
    assert href.endswith(".html") and (out / href).is_file() and title
    assert title in (out / href).read_text("utf-8")
    with pytest.raises(WalkthroughError, match="no note"):
        first_note_link("<html><body>No notes yet.</body></html>")
