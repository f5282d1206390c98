"""The README's first hour, scripted (run by .ci/run; not a test module):

    python tests/walkthrough.py [--python python3.11] [--keep DIR]

1. the README's quick start says `make demo` and `make test`, and the Makefile's recipes do what the
   README says they do;
2. a fresh `git clone` of this repository (its committed HEAD) into a temporary directory;
3. `make demo` there, as a new user would type it;
4. headless Chromium opens `briefings/index.html`, the first headline link is followed to its note,
   and the note must be a readable HTML page (its title, its sections, no raw Markdown);
5. screenshots of the index and the note go to tests/artifacts/ (git-ignored; CI keeps them).

`make test` itself is not run here: CI runs it next, once.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
_LINK = re.compile(r'<td class="title">\s*<a href="([^"]+)"[^>]*>(.*?)</a>', re.S)


class WalkthroughError(AssertionError):
    """A step a new user would trip over."""


def check(condition: object, message: str) -> None:
    if not condition:
        raise WalkthroughError(message)


def readme_commands(readme: str) -> list[str]:
    """The commands of the README's quick-start console block, in order."""
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = quick.split("```console", 1)[1].split("```", 1)[0]
    return [line[2:].split("#", 1)[0].strip() for line in block.splitlines() if line.startswith("$ ")]


def make_recipe(makefile: str, target: str) -> list[str]:
    """The recipe lines of a Makefile target."""
    m = re.search(rf"^{re.escape(target)}:[^\n]*\n((?:\t[^\n]*\n)+)", makefile, re.M)
    return [line.strip() for line in m.group(1).splitlines()] if m else []


def check_readme_and_makefile(repo: Path) -> None:
    readme = (repo / "README.md").read_text("utf-8")
    makefile = (repo / "Makefile").read_text("utf-8")
    commands = readme_commands(readme)
    check(commands == ["make demo", "make test"], f"README quick start: expected make demo, make test; got {commands}")
    check("$(BIN)/summarise run seeds/ --out briefings/" in make_recipe(makefile, "demo"),
          "the README says `make demo` runs `summarise run seeds/ --out briefings/`; the Makefile's demo does not")
    check("make demo` runs `summarise run seeds/ --out briefings/`" in readme, "README no longer says what make demo runs")
    check(any("pytest" in line for line in make_recipe(makefile, "test")), "`make test` does not run pytest")
    check("open `briefings/index.html`" in readme, "README no longer tells the user to open briefings/index.html")


def first_note_link(index_dom: str) -> tuple[str, str]:
    """(href, visible text) of the first headline link in the index's DOM."""
    m = _LINK.search(index_dom)
    check(m, "the index lists no note (no headline link)")
    return unescape(m.group(1)), " ".join(unescape(re.sub(r"<[^>]+>", "", m.group(2))).split())


def visible_text(dom: str) -> str:
    dom = re.sub(r"<(style|script)\b.*?</\1>", " ", dom, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", dom)).split())


def chromium() -> str:
    found = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    check(found, "chromium is not installed (.ci/run installs it)")
    return found  # type: ignore[return-value]


def browse(*args: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                                capture_output=True, text=True, timeout=120)
    check(result.returncode == 0, f"chromium failed: {result.stderr[-500:]}")
    return result.stdout


def step(name: str, started: float) -> None:
    print(f"walkthrough: {name} ({time.perf_counter() - started:.1f} s)", flush=True)


def run(python: str, keep: Path | None) -> None:
    t0 = time.perf_counter()
    check_readme_and_makefile(REPO)
    step("README quick start is `make demo`, `make test`, and the Makefile does what it says", t0)
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="summarise-walkthrough-"))
    try:
        clone = work / "summarise"
        subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
        step(f"fresh clone in {clone}", t0)
        demo = subprocess.run(["make", "demo", f"PYTHON={python}"], cwd=clone, capture_output=True, text=True,
                              timeout=1800)
        check(demo.returncode == 0, f"make demo failed ({demo.returncode}):\n{demo.stdout[-2000:]}\n{demo.stderr[-2000:]}")
        check("→ briefings/index.html" in demo.stdout, f"make demo did not end with the index:\n{demo.stdout[-500:]}")
        step("make demo", t0)

        index = clone / "briefings" / "index.html"
        check(index.is_file(), "make demo wrote no briefings/index.html")
        index_dom = browse("--dump-dom", index.as_uri())
        href, title = first_note_link(index_dom)
        note = (index.parent / unquote(urlsplit(href).path)).resolve()
        check(note.suffix == ".html" and note.is_file(), f"the first headline links to {href}, not an HTML note")
        note_dom = browse("--dump-dom", note.as_uri())
        text = visible_text(note_dom)
        check(title and title in text, f"the note does not show the headline the index linked ({title!r})")
        for heading in ("Summary", "Key facts", "Sources", "Provenance"):
            check(heading in text, f"the note has no {heading} section")
        check("**" not in text and "\\[" not in text and "## " not in text, "the note shows raw Markdown")
        step(f"index → {note.name}: a readable HTML note", t0)

        ARTIFACTS.mkdir(exist_ok=True)
        for name, page, height in (("walkthrough-index.png", index, 1100), ("walkthrough-note.png", note, 2200)):
            shot = ARTIFACTS / name
            browse(f"--screenshot={shot}", f"--window-size=1280,{height}", page.as_uri())
            check(shot.is_file() and shot.stat().st_size > 20_000, f"{shot} is missing or blank")
        step(f"screenshots in {ARTIFACTS}", t0)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"walkthrough: passed in {time.perf_counter() - t0:.0f} s; `make test` (the README's next command) "
          "is what CI runs next", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description="The README's first hour, scripted.")
    ap.add_argument("--python", default=sys.executable, help="the PYTHON= given to make (default: this one)")
    ap.add_argument("--keep", type=Path, help="clone into this directory and keep it")
    args = ap.parse_args()
    try:
        run(args.python, args.keep)
    except WalkthroughError as exc:
        print(f"walkthrough: FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
