"""The HTML note in a real browser: headless Chromium shows both languages and the figures table.

Screenshots are kept in tests/artifacts/ (gitignored) for a human to look at.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html import unescape
from pathlib import Path

import pytest

from sample_records import SAMPLES
from summarise.render import render

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; CI installs it)")


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],  # type: ignore[list-item]
                              capture_output=True, text=True, timeout=60)


@pytest.mark.slow  # two browser launches per seed: about 4 s each on 2 cores
@pytest.mark.parametrize("seed", sorted(SAMPLES))
def test_html_note_in_headless_chromium(seed: str, tmp_path: Path) -> None:
    record = SAMPLES[seed]()
    evil = "<script>document.title='pwned'</script>"
    record.points[0].evidence.quote += evil  # untrusted text must render inert
    page = tmp_path / f"note_{seed}.html"
    page.write_text(render(record, "html"), "utf-8")
    url = page.as_uri()

    dom = _chromium("--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-500:]
    html = dom.stdout
    text = unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", html, flags=re.S)))
    assert record.headline.zh in text and record.headline.en in text
    assert record.summary.zh in text and record.summary.en in text
    assert re.search(r'<table class="figures">', html)
    figures_table = html[html.index('<table class="figures">'):]
    figures_table = figures_table[:figures_table.index("</table>")]
    assert figures_table.count("<tr>") == len(record.figures) + 1
    for fig in record.figures:
        assert fig.quote in figures_table
    assert "<title>pwned</title>" not in html and "document.title='pwned'" in text

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"note_{seed}.png"
    result = _chromium(f"--screenshot={shot}", "--window-size=1280,2000", url)
    assert result.returncode == 0, result.stderr[-500:]
    assert shot.is_file() and shot.stat().st_size > 20_000  # a blank page compresses to a few kB
