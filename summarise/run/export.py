"""`summarise export`: the tables and views of summarise.db as CSV, JSON Lines or Parquet files.

One file per table or view (`documents.csv`, `people.csv`, …), written atomically. CSV and JSON
Lines need only the standard library; Parquet needs pyarrow (`pip install 'summarise[parquet]'`),
for pandas, DuckDB or Spark once a pile outgrows one machine.
"""
from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .atomic import atomic_open
from .store import TABLES, VIEWS, Store, stream

FORMATS = ("csv", "jsonl", "parquet")
BATCH_ROWS = 50_000
COUNTS = {"copies", "reposts", "position"}


class ExportError(Exception):
    """A format that cannot be written here (Parquet without pyarrow)."""


def names() -> list[str]:
    """Every table and view a user can export, in README order."""
    return [*TABLES, *VIEWS]


def _columns(store: Store, name: str) -> list[tuple[str, str]]:
    return [(c["name"], (c["type"] or "").upper()) for c in store.query(f"PRAGMA table_info({name})")]


def _batches(store: Store, name: str) -> Iterator[list[tuple[Any, ...]]]:
    cols = {c for c, _ in _columns(store, name)}
    order = ", ".join(c for c in ("id", "document_id", "fact", "position", "name") if c in cols) or "1"
    yield from stream(store.path, f"SELECT * FROM {name} ORDER BY {order}", BATCH_ROWS)


def export(store: Store, fmt: str, target: Path, tables: list[str] | None = None, *, bom: bool = False) -> list[Path]:
    """Write each table and view of `store` (or only `tables`) as `target/<name>.<fmt>`; the files written.

    `bom`: CSV starts with a UTF-8 byte-order mark, which Excel needs to read UTF-8 (pandas skips it;
    Python's csv module reads it with encoding="utf-8-sig")."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    writers: dict[str, Callable[[Store, str, Any], None]] = {
        "csv": functools.partial(_csv, bom=bom), "jsonl": _jsonl, "parquet": _parquet}
    writer = writers[fmt]
    if fmt == "parquet":
        _pyarrow()
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in tables or names():
        path = target / f"{name}.{fmt}"
        with atomic_open(path) as handle:
            writer(store, name, handle)
        written.append(path)
    return written


def _csv(store: Store, name: str, handle: Any, *, bom: bool = False) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig" if bom else "utf-8", newline="")
    out = csv.writer(text)
    out.writerow([c for c, _ in _columns(store, name)])
    for batch in _batches(store, name):
        out.writerows(batch)
    text.flush()
    text.detach()


def _jsonl(store: Store, name: str, handle: Any) -> None:
    cols = [c for c, _ in _columns(store, name)]
    for batch in _batches(store, name):
        handle.write("".join(json.dumps(dict(zip(cols, row)), ensure_ascii=False) + "\n"
                             for row in batch).encode("utf-8"))


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ExportError("Parquet needs pyarrow: pip install 'summarise[parquet]'") from None
    return pyarrow


def _parquet(store: Store, name: str, handle: Any) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string()}
    # a view's computed columns (COUNT) declare no type: the counts of `stories` are integers
    schema = pa.schema([(c, types.get(t, pa.int64() if c in COUNTS else pa.string())) for c, t in _columns(store, name)])
    with pq.ParquetWriter(handle, schema) as writer:
        wrote = False
        for batch in _batches(store, name):
            writer.write_table(pa.Table.from_pylist([dict(zip(schema.names, row)) for row in batch], schema=schema))
            wrote = True
        if not wrote:
            writer.write_table(schema.empty_table())
