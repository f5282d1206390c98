"""summarise.db: rows equal the records, rebuilding gives the same rows, a killed run leaves it consistent."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarise.cli import app
from summarise.run import store
from summarise.run.runner import STATE_DIR
from summarise.schemas import load_record

runner = CliRunner()


def _env(tmp_path: Path) -> dict[str, str]:
    return {"SUMMARISE_BACKEND": "offline", "SUMMARISE_CACHE_DIR": str(tmp_path / "cache")}


def _run(args: list[str], tmp_path: Path):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["run", *args], env=_env(tmp_path))
    assert "Traceback" not in result.output
    return result


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


# a figure of each bound: the database must not read a ceiling as an exact count
BOUNDS = ("2024年3月5日，县政府召开安全生产工作会议，县长张伟主持会议。会议通报，全县今年事故死亡不足10人，"
          "排查隐患约300处，超5000亩农田完成整治。")


@pytest.fixture
def articles(tmp_path: Path, seeds_dir: Path) -> Path:
    """The seeds, a text with every kind of bound, plus the corpus when ../shared is present."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "bounds.txt").write_text(BOUNDS, "utf-8")
    for p in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(p, d / p.name)
    corpus = seeds_dir.parent.parent / "shared" / "corpus"
    if corpus.is_dir():
        for p in sorted(corpus.iterdir()):
            if p.is_file() and p.name != "SOURCES.md":
                shutil.copy(p, d / p.name)
    return d


def _check_rows_equal_records(out: Path) -> int:
    """Every record on disk (the .json notes) has exactly its facts in the database; returns the count."""
    conn = _connect(out / store.DB_NAME)
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    checked = 0
    for item in summary["inputs"]:
        if item["status"] == "failed":
            continue
        record = load_record((out / item["outputs"]["json"]).read_text("utf-8"))
        doc = conn.execute("SELECT * FROM documents WHERE id = ?", (item["stem"],)).fetchone()
        assert doc is not None, item["path"]
        assert doc["input"] == item["path"] and doc["kind"] == record.kind
        assert doc["published"] == record.source.published and doc["publisher"] == record.source.publisher
        assert doc["headline_zh"] == (record.headline.zh if record.headline else None)
        assert doc["event_date"] == (record.event.date.value if record.event.date else None)
        people = conn.execute("SELECT * FROM people WHERE document_id = ? ORDER BY position", (doc["id"],)).fetchall()
        assert [(p["name"], p["name_en"], p["title_zh"], json.loads(p["roles"]), p["quote"], p["span_start"],
                 p["span_end"]) for p in people] == [
            (p.name, p.name_en, p.title.zh if p.title else None, list(p.roles), p.evidence.quote, p.evidence.start,
             p.evidence.end) for p in record.people]
        figures = conn.execute("SELECT * FROM figures WHERE document_id = ? ORDER BY position", (doc["id"],)).fetchall()
        assert [(f["figure"], f["value"], f["unit"], bool(f["approximate"]), bool(f["lower_bound"]),
                 bool(f["upper_bound"]), f["quote"], f["span_start"]) for f in figures] == [
            (f.quote, f.value, f.unit, f.approximate, f.lower_bound, f.upper_bound, f.evidence.quote,
             f.evidence.start) for f in record.figures]
        points = conn.execute("SELECT * FROM points WHERE document_id = ? ORDER BY position", (doc["id"],)).fetchall()
        assert [(t["text_zh"], t["speaker"], t["quote"]) for t in points] == [
            (t.text.zh, t.speaker, t.evidence.quote) for t in record.points]
        groups = conn.execute("SELECT COUNT(*) FROM attendee_groups WHERE document_id = ?", (doc["id"],)).fetchone()
        assert groups[0] == len(record.attendee_groups)
        rejections = conn.execute("SELECT field, reason FROM rejections WHERE document_id = ? ORDER BY position",
                                  (doc["id"],)).fetchall()
        assert [tuple(r) for r in rejections] == [(r.field, r.reason) for r in record.provenance.rejected]
        event = conn.execute("SELECT * FROM events WHERE document_id = ?", (doc["id"],)).fetchone()
        assert event["quote"] == (record.event.evidence.quote if record.event.evidence else None)
        assert event["place_zh"] == (record.event.place.zh if record.event.place else None)
        checked += 1
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == checked
    conn.close()
    return checked


def test_database_rows_equal_the_records(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _run([str(articles), "--out", str(out), "-f", "md,json"], tmp_path)
    assert result.exit_code == 0, result.output
    n = _check_rows_equal_records(out)
    assert n == len(list(articles.iterdir()))
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["database"] == {"path": "summarise.db", "documents": n}
    conn = _connect(out / store.DB_NAME)
    assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == store.SCHEMA_VERSION
    # the views answer the questions the README shows
    chairs = conn.execute("SELECT name, title_zh, headline_zh FROM appearances "
                          "WHERE EXISTS (SELECT 1 FROM json_each(roles) WHERE value = 'chair')").fetchall()
    assert ("李家浩", "镇党委副书记", "小榄全力冲刺“工改”年度目标任务") in [tuple(r) for r in chairs]
    assert conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == n
    quotes = conn.execute("SELECT fact, quote, input FROM evidence WHERE quote LIKE '%92.4亿元%'").fetchall()
    assert quotes and all(r["input"].endswith("000_09f2237585b32c6b.txt") for r in quotes)
    bounds = conn.execute("SELECT f.figure, f.approximate, f.lower_bound, f.upper_bound FROM figures f "
                          "JOIN documents d ON d.id = f.document_id WHERE d.input LIKE '%bounds.txt'").fetchall()
    assert {r["figure"]: (r["approximate"], r["lower_bound"], r["upper_bound"]) for r in bounds} == {
        "10人": (0, 0, 1), "300处": (1, 0, 0), "5000亩": (0, 1, 0)}


def test_rebuilding_from_the_records_gives_the_same_rows(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run([str(articles), "--out", str(out)], tmp_path).exit_code == 0
    before = store.dump(out / store.DB_NAME)
    assert sum(len(v) for v in before.values()) > 3 * len(before)
    _, report = store.synced(out, rebuild=True)
    assert report.added == len(before["documents"]) and not report.unreadable
    assert store.dump(out / store.DB_NAME) == before
    # a deleted database is rebuilt by the next run, which redoes no document
    for p in out.glob(store.DB_NAME + "*"):
        p.unlink()
    store.for_dir(out).close()
    again = _run([str(articles), "--out", str(out)], tmp_path)
    assert json.loads((out / "summary.json").read_text("utf-8"))["counts"]["done"] == 0, again.output
    assert store.dump(out / store.DB_NAME) == before


def test_rerun_with_force_replaces_rows_and_sync_drops_vanished_documents(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "out"
    assert _run([str(seeds_dir), "--out", str(out)], tmp_path).exit_code == 0
    before = store.dump(out / store.DB_NAME)
    assert _run([str(seeds_dir), "--out", str(out), "--force"], tmp_path).exit_code == 0
    after = store.dump(out / store.DB_NAME)
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in before.items()}  # replaced, not added
    gone = next(p for p in (out / STATE_DIR).glob("000_*.json"))
    gone.unlink()
    _, report = store.synced(out)
    assert report.removed == 1
    conn = _connect(out / store.DB_NAME)
    assert [r[0] for r in conn.execute("SELECT id FROM documents")] == [p.stem for p in (out / STATE_DIR).glob("*.json")]
    assert conn.execute("SELECT COUNT(*) FROM people WHERE document_id = ?", (gone.stem,)).fetchone()[0] == 0


def test_a_database_of_another_schema_version_is_rebuilt(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "out"
    assert _run([str(seeds_dir), "--out", str(out)], tmp_path).exit_code == 0
    before = store.dump(out / store.DB_NAME)
    store.for_dir(out).close()
    conn = sqlite3.connect(out / store.DB_NAME)
    conn.execute("UPDATE schema_version SET version = version + 100")
    conn.execute("DELETE FROM people")
    conn.commit()
    conn.close()
    assert _run([str(seeds_dir), "--out", str(out)], tmp_path).exit_code == 0
    assert store.dump(out / store.DB_NAME) == before


def test_database_is_readable_by_the_sqlite3_shell(tmp_path: Path, seeds_dir: Path) -> None:
    shell = shutil.which("sqlite3")
    if shell is None:
        pytest.skip("the sqlite3 command-line shell is not installed")
    out = tmp_path / "out"
    assert _run([str(seeds_dir), "--out", str(out)], tmp_path).exit_code == 0
    result = subprocess.run([shell, "-list", "-separator", ",", str(out / store.DB_NAME),
                             "SELECT name, title_zh FROM people ORDER BY document_id, position LIMIT 1"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and result.stdout.strip() == "赵锡雄,镇党委书记", result.stderr


def _rows_by_document(path: Path) -> dict[str, dict[str, list[tuple]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    found: dict[str, dict[str, list[tuple]]] = {}
    for table in store.TABLES:
        key = "id" if table == "documents" else "document_id"
        for row in conn.execute(f"SELECT * FROM {table}"):
            found.setdefault(row[[d[0] for d in conn.execute(f'SELECT * FROM {table} LIMIT 0').description].index(key)],
                             {t: [] for t in store.TABLES})[table].append(tuple(row))
    conn.close()
    return found


@pytest.mark.slow  # two subprocess runs over 60 inputs
def test_killed_run_leaves_a_consistent_database(tmp_path: Path, seeds_dir: Path) -> None:
    d = tmp_path / "many"
    d.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    n = 60
    for i in range(n):
        seed = seeds[i % 2]
        (d / f"{seed.stem}_{i:02d}.txt").write_text(seed.read_text("utf-8") + f"\n\n(第{i}期)\n", "utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "summarise.cli", "run", str(d), "--out", str(out), "-f", "md,json"]
    env = {**os.environ, **_env(tmp_path)}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = out / store.DB_NAME
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if db.is_file() and len(store.manifest_files(out)) >= 5:
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    finished = store.manifest_files(out)
    assert 0 < len(finished) < n, "the run must be killed midway for this test to mean anything"

    conn = sqlite3.connect(db)  # recovers the WAL as any reader would
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    found = _rows_by_document(db)
    assert set(found) <= set(finished)  # no rows without a finished manifest
    for doc_id, tables in found.items():  # each document whole: exactly the rows its manifest gives
        expected = store.rows(json.loads(finished[doc_id].read_text("utf-8")))
        assert {t: sorted(r, key=repr) for t, r in tables.items()} == \
            {t: sorted(r, key=repr) for t, r in expected.items()}, doc_id

    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert len(store.manifest_files(out)) == n
    resumed = store.dump(db)
    assert len(resumed["documents"]) == n
    folder = json.loads((out / "summary.json").read_text("utf-8"))["folder"]  # the folder's counts, not this run's
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*), SUM(reposts) FROM stories").fetchone() == (folder["stories"], folder["reposts"])
    conn.close()
    assert folder["stories"] + folder["reposts"] == n and folder["reposts"] > 0
    _, _report = store.synced(out, rebuild=True)
    assert store.dump(db) == resumed


def test_readme_documents_every_table_view_and_column(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    section = readme.split("## Every fact queryable", 1)[1].split("\n## ", 1)[0]
    lines = {line.split("|")[1].strip().strip("`").split("`")[0]: line for line in section.splitlines()
             if line.startswith("| `")}
    for table, cols in store.TABLES.items():
        assert table in lines, table
        for col, _ in cols:
            assert f"`{col}`" in lines[table], f"{table}.{col}"
    db = store.Store(tmp_path)
    for view in store.VIEWS:
        assert view in lines, view
        for col in db.query(f"PRAGMA table_info({view})"):
            assert f"`{col['name']}`" in lines[view], f"{view}.{col['name']}"
    db.close()


def test_no_db_writes_no_database(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "out"
    assert _run([str(seeds_dir), "--out", str(out), "--no-db"], tmp_path).exit_code == 0
    assert not (out / store.DB_NAME).exists()
    assert "database" not in json.loads((out / "summary.json").read_text("utf-8"))


def test_the_database_file_alone_holds_every_row_after_a_run(tmp_path: Path, seeds_dir: Path) -> None:
    """No -wal beside it: copied, mailed or uploaded alone, summarise.db has everything."""
    out = tmp_path / "out"
    assert _run([str(seeds_dir), "--out", str(out)], tmp_path).exit_code == 0
    assert sorted(p.name for p in out.glob(store.DB_NAME + "*")) == [store.DB_NAME]
    alone = tmp_path / "copy.db"
    shutil.copy(out / store.DB_NAME, alone)
    conn = _connect(alone)
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert runner.invoke(app, ["export", str(out), "--format", "jsonl"], env=_env(tmp_path)).exit_code == 0
    assert sorted(p.name for p in out.glob(store.DB_NAME + "*")) == [store.DB_NAME]


def test_a_reader_holding_the_database_open_does_not_hold_up_the_run(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "out"
    assert _run([str(seeds_dir), "--out", str(out)], tmp_path).exit_code == 0
    reader = sqlite3.connect(out / store.DB_NAME)  # as datasette keeps it
    reader.execute("SELECT COUNT(*) FROM documents").fetchone()
    started = time.monotonic()
    assert _run([str(seeds_dir), "--out", str(out), "--force"], tmp_path).exit_code == 0
    assert time.monotonic() - started < store.BUSY_TIMEOUT_MS / 1000  # never waits out the busy timeout
    assert reader.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
    assert reader.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reader.close()
