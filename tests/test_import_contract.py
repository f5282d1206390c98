"""Start-up loads only what is needed: `import summarise` and `summarise --help` import none of the
heavy dependencies (pinyin tables, the SDK, instructor, lxml, OpenCC, MinHash, pydantic); a command
loads them when it needs them. An import contract, checked in a fresh interpreter (no timings:
benchmarks/startup.py measures those)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("pypinyin", "openai", "instructor", "lxml", "opencc", "datasketch", "httpx2", "tenacity", "pydantic",
         "diskcache", "jinja2")


def _loaded_after(code: str) -> tuple[set[str], str]:
    probe = code + "\nimport sys, json\nprint(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    return set(json.loads(lines[-1])), "\n".join(lines[:-1])


@pytest.mark.parametrize("code", [
    "import summarise",
    "import summarise.cli",
    ("import sys; sys.argv = ['summarise', '--help']\nfrom summarise.cli import entry\n"
     "try:\n    entry()\nexcept SystemExit as exit:\n    assert exit.code in (0, None), exit.code"),
], ids=["import summarise", "import summarise.cli", "summarise --help"])
def test_start_up_loads_no_heavy_dependency(code: str) -> None:
    loaded, output = _loaded_after(code)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
    if "--help" in code:
        assert "Usage" in output and "run" in output


def test_a_command_loads_what_it_needs() -> None:
    """The contract above is not vacuous: extracting loads the normaliser's and the extractor's dependencies."""
    loaded, _ = _loaded_after("from summarise import extract\nextract('镇召开会议。8月1日，镇党委书记主持会议。')")
    assert {"pypinyin", "pydantic"} <= loaded


def test_the_lazy_names_are_the_public_api() -> None:
    import summarise
    from summarise.extract.record import aextract, extract
    from summarise.normalise import normalise as the_function
    from summarise.schemas import Record, load_record
    from summarise.settings import Settings

    assert summarise.extract is extract and summarise.aextract is aextract and summarise.Settings is Settings
    assert summarise.Record is Record and summarise.load_record is load_record
    import summarise.extract.llm
    import summarise.normalise.markup  # importing the subpackages keeps the functions in place

    assert summarise.normalise is the_function and callable(summarise.normalise)
    assert summarise.extract is extract
    assert summarise.__version__ and set(summarise.__all__) <= set(dir(summarise)) | set(summarise._LAZY) | {
        "__version__", "normalise", "extract"}
    with pytest.raises(AttributeError):
        summarise.no_such_name  # noqa: B018
