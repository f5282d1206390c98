"""Threads import nothing the batch did not load first: what a document imports on first use is preloaded,
offline and through a model (the scripted server on 127.0.0.1)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from summarise.preload import NEVER, modules

REPO = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from scripted_server import ScriptedServer, load_answer
from summarise.preload import preload
llm = sys.argv[3] == "llm"
preload(llm=llm)
before = {m for m in sys.modules if m.startswith("summarise")}
from summarise import Settings, extract
from summarise.render import render
seeds = sorted(Path(sys.argv[1]).glob("*.txt"))
with ScriptedServer({"good0": [{"content": load_answer("seed000_good")}]}) as server:
    settings = Settings(backend="llm", model="good0", base_url=server.base_url, api_key="sk-test",
                        no_cache=True, cache_dir=Path(sys.argv[4])) if llm else None
    for seed in seeds[:1] if llm else seeds:
        record = extract(seed, settings=settings)
        for fmt in ("md", "html", "docx"):
            render(record, fmt)
print("\n".join(sorted({m for m in sys.modules if m.startswith("summarise")} - before)))
"""


@pytest.mark.parametrize("backend", ["offline", "llm"])
def test_a_document_imports_nothing_the_preload_left_out(backend: str, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(REPO / "seeds"), str(REPO / "tests"), backend,
                           str(tmp_path / "cache")], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"imported by the first document, not preloaded:\n{done.stdout}"


def test_the_preload_finds_every_module_but_those_a_document_never_imports() -> None:
    found = modules(llm=True)
    on_disk = {".".join(("summarise", *p.relative_to(REPO / "summarise").with_suffix("").parts)).removesuffix(".__init__")
               for p in (REPO / "summarise").rglob("*.py")}
    assert {m for m in on_disk if not any(m == n or m.startswith(n + ".") for n in NEVER)} <= set(found)
    assert not any(m == n or m.startswith(n + ".") for m in found for n in NEVER)
    assert {"summarise.schemas.records", "summarise.prompts", "summarise.extract.llm"} <= set(found)
    assert "summarise.extract.llm" not in modules()
