"""Threads import nothing the batch did not load first: what a document imports on first use is preloaded."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import sys
from pathlib import Path
from summarise.preload import preload
preload()
before = {m for m in sys.modules if m.startswith("summarise")}
from summarise import extract
from summarise.render import render
for seed in sorted(Path(sys.argv[1]).glob("*.txt")):
    record = extract(seed)
    for fmt in ("md", "html", "docx"):
        render(record, fmt)
print("\n".join(sorted({m for m in sys.modules if m.startswith("summarise")} - before)))
"""


def test_a_document_imports_nothing_the_preload_left_out() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(REPO / "seeds")], capture_output=True, text=True,
                          cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"imported by the first document, not preloaded:\n{done.stdout}"
