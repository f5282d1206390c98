"""The offline cross-check of an LLM answer: people and figures the rules find that the model missed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripted_server import ScriptedServer, load_answer
from summarise import Settings, extract
from summarise.ground.grounder import Grounder
from summarise.normalise import NormaliseError, normalise
from summarise.offline import extract_facts, people_and_figures

REPO = Path(__file__).resolve().parents[1]
SEED1 = REPO / "seeds" / "001_6b39ea2c5599d977.txt"
# A set marked BLIND is kept unseen: nothing runs the extractor on it but `summarise eval`, once.
IN_REPO = sorted(REPO.glob("seeds/*.txt")) + sorted(
    p for p in REPO.glob("eval/heldout*/articles/*") if not (p.parents[1] / "BLIND").exists())


def _checked(path: Path) -> tuple[list, list]:
    doc = normalise(path)
    grounder = Grounder(doc.text, doc.published)
    return tuple(  # type: ignore[return-value]
        ([(p.name, p.title.zh if p.title else None) for p in facts.people], [f.quote for f in facts.figures])
        for facts, _ in (grounder.review(extract_facts(doc)), grounder.review(people_and_figures(doc)))
    )


@pytest.mark.parametrize("path", IN_REPO, ids=lambda p: p.name)
def test_the_cheap_cross_check_finds_what_the_full_extractor_finds(path: Path) -> None:
    full, cheap = _checked(path)
    assert cheap == full


def test_the_same_on_the_shared_corpus(shared_dir: Path) -> None:
    checked = 0
    for path in sorted((shared_dir / "corpus").iterdir()):
        if path.suffix == ".md":
            continue
        try:
            full, cheap = _checked(path)
        except NormaliseError:
            continue
        assert cheap == full, path.name
        checked += 1
    assert checked >= 5


def test_people_and_figures_the_model_missed_are_listed(tmp_path: Path) -> None:
    answer = json.loads(load_answer("seed001_good"))
    dropped_person = answer["people"].pop()
    dropped_figure = answer["figures"].pop()
    with ScriptedServer({"misses": [{"content": json.dumps(answer, ensure_ascii=False)}]}) as server:
        record = extract(SEED1, settings=Settings(backend="llm", base_url=server.base_url, model="misses",
                                                  no_cache=True, cross_check=True))
        unchecked = extract(SEED1, settings=Settings(backend="llm", base_url=server.base_url, model="misses",
                                                     no_cache=True))
    missed = record.provenance.possibly_missed
    assert any(m.startswith(f"person {dropped_person['name']}") for m in missed), missed
    assert f"figure {dropped_figure['quote']}" in missed
    assert not any(m.startswith(f"person {p.name}") for p in record.people for m in missed)
    # the library leaves the cross-check to the caller: the same answer, grounded the same, nothing listed
    assert unchecked.provenance.possibly_missed == [] and unchecked.provenance.cross_check_error is None
    assert unchecked.model_dump(exclude={"provenance"}) == record.model_dump(exclude={"provenance"})
    assert unchecked.provenance.rejected == record.provenance.rejected


def test_the_cli_cross_checks_by_default_and_the_variable_decides(monkeypatch) -> None:
    from summarise.cli import make_settings

    monkeypatch.delenv("SUMMARISE_CROSS_CHECK", raising=False)
    assert Settings().cross_check is False
    assert make_settings("offline", None, None).cross_check is True
    monkeypatch.setenv("SUMMARISE_CROSS_CHECK", "0")
    assert make_settings("offline", None, None).cross_check is False
    monkeypatch.setenv("SUMMARISE_CROSS_CHECK", "1")
    assert Settings.from_env().cross_check is True


def _reference_missed(doc, answer) -> list[str]:
    """The cross-check's definition: every offline find grounded in full, less what the answer has."""
    offline, _ = Grounder(doc.text, doc.published, doc.title).review(people_and_figures(doc))
    names, quotes = {p.name for p in answer.people}, {f.quote for f in answer.figures}
    return ([f"person {p.name}" + (f" ({p.title.zh})" if p.title else "") for p in offline.people if p.name not in names]
            + [f"figure {f.quote}" for f in offline.figures if f.quote not in quotes])


@pytest.mark.parametrize("path", IN_REPO[::3], ids=lambda p: p.name)
def test_the_cross_check_grounds_only_what_it_reports_and_says_the_same(path: Path) -> None:
    """The record's cross-check grounds only the finds the answer lacks, and only the parts it reports
    (name, title, quote): the same list as grounding every find in full."""
    from summarise.extract.record import _cross_check

    doc = normalise(path)
    full, _ = Grounder(doc.text, doc.published, doc.title).review(extract_facts(doc))
    settings = Settings(backend="llm", model="m", base_url="http://127.0.0.1:9", cross_check=True)
    for answer in (full, full.model_copy(update={"people": full.people[::2], "figures": full.figures[1::2]}),
                   full.model_copy(update={"people": [], "figures": []})):
        check = _cross_check(doc, answer, settings)
        assert check.error is None
        assert check.missed == _reference_missed(doc, answer)
