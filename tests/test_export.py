"""`summarise export`: every table and view as CSV, JSON Lines and Parquet, with the database's rows."""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarise.cli import app
from summarise.run import store
from summarise.run.export import names

runner = CliRunner()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    tmp = tmp_path_factory.mktemp("export")
    result = runner.invoke(app, ["run", str(seeds_dir), "--out", str(tmp / "out")],
                           env={"SUMMARISE_BACKEND": "offline", "SUMMARISE_CACHE_DIR": str(tmp / "cache")})
    assert result.exit_code == 0, result.output
    return tmp / "out"


def _db_rows(out: Path, name: str) -> tuple[list[str], list[tuple]]:
    conn = sqlite3.connect(out / store.DB_NAME)
    cursor = conn.execute(f"SELECT * FROM {name}")
    cols = [d[0] for d in cursor.description]
    rows = sorted(cursor.fetchall(), key=repr)
    conn.close()
    return cols, rows


def _export(out: Path, fmt: str, target: Path, *extra: str) -> list[Path]:
    result = runner.invoke(app, ["export", str(out), "--format", fmt, "--to", str(target), *extra])
    assert result.exit_code == 0, result.output
    return [Path(line) for line in result.output.splitlines()]


def test_csv_has_every_row_of_every_table_and_view(out: Path, tmp_path: Path) -> None:
    files = _export(out, "csv", tmp_path)
    assert [p.stem for p in files] == names()
    for path in files:
        cols, rows = _db_rows(out, path.stem)
        with path.open(encoding="utf-8", newline="") as f:
            read = list(csv.reader(f))
        assert read[0] == cols
        as_text = sorted((tuple("" if v is None else str(v) for v in row) for row in rows), key=repr)
        assert sorted((tuple(r) for r in read[1:]), key=repr) == as_text, path.name
    people = {r["name"]: r for r in csv.DictReader((tmp_path / "people.csv").open(encoding="utf-8"))}
    assert people["李家浩"]["title_zh"] == "镇党委副书记" and json.loads(people["李家浩"]["roles"]) == ["chair"]


def test_csv_for_excel_starts_with_a_byte_order_mark_and_reads_back(out: Path, tmp_path: Path) -> None:
    plain = _export(out, "csv", tmp_path / "plain", "-t", "people")[0].read_bytes()
    excel = _export(out, "csv", tmp_path / "excel", "-t", "people", "--excel")[0].read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf") and excel == b"\xef\xbb\xbf" + plain
    with (tmp_path / "excel" / "people.csv").open(encoding="utf-8-sig", newline="") as f:
        assert next(csv.reader(f)) == _db_rows(out, "people")[0]
    refused = runner.invoke(app, ["export", str(out), "-f", "jsonl", "--excel"])
    assert refused.exit_code == 2 and "--excel writes CSV" in refused.output


def test_jsonl_keeps_types(out: Path, tmp_path: Path) -> None:
    _export(out, "jsonl", tmp_path, "--table", "figures", "--table", "stories")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures.jsonl", "stories.jsonl"]
    cols, rows = _db_rows(out, "figures")
    lines = [json.loads(line) for line in (tmp_path / "figures.jsonl").read_text("utf-8").splitlines()]
    assert sorted((tuple(d[c] for c in cols) for d in lines), key=repr) == rows
    big = next(d for d in lines if d["figure"] == "92.4亿元")
    assert big["value"] == 9.24e9 and big["unit"] == "CNY" and big["quote"].endswith("92.4亿元")


def test_parquet_and_csv_read_back_with_pyarrow(out: Path, tmp_path: Path) -> None:
    pa_csv = pytest.importorskip("pyarrow.csv", reason="Parquet is the optional extra summarise[parquet]")
    import pyarrow.parquet as pq

    files = _export(out, "parquet", tmp_path)
    for path in files:
        cols, rows = _db_rows(out, path.stem)
        table = pq.read_table(path)
        assert table.column_names == cols
        assert sorted((tuple(r[c] for c in cols) for r in table.to_pylist()), key=repr) == rows, path.name
    assert str(pq.read_table(tmp_path / "stories.parquet").schema.field("copies").type) == "int64"
    _export(out, "csv", tmp_path, "-t", "people")
    assert pa_csv.read_csv(tmp_path / "people.csv").num_rows == len(_db_rows(out, "people")[1])


def test_export_rebuilds_a_missing_database_and_refuses_bad_input(out: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    for p in out.rglob("*"):
        if p.is_file() and not p.name.startswith(store.DB_NAME):
            (copy / p.relative_to(out)).parent.mkdir(parents=True, exist_ok=True)
            (copy / p.relative_to(out)).write_bytes(p.read_bytes())
    _export(copy, "csv", tmp_path / "x", "-t", "documents")
    assert (copy / store.DB_NAME).is_file()
    assert store.dump(copy / store.DB_NAME) == store.dump(out / store.DB_NAME)
    for args, says in ((["export", str(tmp_path / "nothing")], "holds no summarise run"),
                       (["export", str(out), "-f", "xlsx"], "bad --format value"),
                       (["export", str(out), "-t", "nope"], "unknown table 'nope'")):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and says in result.output and "Traceback" not in result.output
