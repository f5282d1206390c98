"""`summarise.db`: every record of an output directory as an SQLite database beside the notes.

The database is an index of the per-input manifests in ``<out>/.summarise/`` (each holds the
record): `Store.put` writes one document's rows in one transaction after its manifest is written,
and `Store.sync` brings the database in line with the manifests on disk (rows for manifests it does
not have or that changed since, none for manifests that are gone), so a killed run, a deleted
database or one written by another schema version is repaired by the next run. Rebuilding from the
manifests gives the same rows (`rebuild`).

Tables (README "Every fact queryable" documents the columns, with example queries): `documents`,
`events`, `people`, `figures`, `points`, `attendee_groups`, `rejections`; views `stories`,
`appearances` and `evidence`; `schema_version`. Plain `sqlite3`, so `sqlite3`, datasette and
sqlite-utils read it as it is.
"""
from __future__ import annotations

import json
import os
import queue
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DB_NAME = "summarise.db"
SCHEMA_VERSION = 3
WRITE_BATCH = 200       # documents per transaction of the writer thread
WRITE_PAUSE_S = 0.05    # it commits what it has once no document came for this long
BUSY_TIMEOUT_MS = 60_000  # another process (a second run, datasette) holding the write lock
CLOSE_WAIT_MS = 1_000     # leaving WAL mode waits at most this long for other connections

# Column lists: the single source for CREATE TABLE, INSERT and the README.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("id", "TEXT PRIMARY KEY"),            # the output stem: <slug>-<hash>, as in the note file names
        ("input", "TEXT"),                     # the input path as given (the source file)
        ("sha256", "TEXT"),                    # content hash of the input bytes
        ("story_id", "TEXT"),                  # the document whose extraction this one shares (itself for a story)
        ("similarity", "REAL"),                # estimated Jaccard similarity to the story (reposts only)
        ("kind", "TEXT"),
        ("headline_zh", "TEXT"), ("headline_en", "TEXT"),
        ("summary_zh", "TEXT"), ("summary_en", "TEXT"),
        ("title", "TEXT"), ("publisher", "TEXT"), ("published", "TEXT"), ("script", "TEXT"),
        ("event_date", "TEXT"),
        ("backend", "TEXT"), ("model", "TEXT"),
        ("prompt_tokens", "INTEGER"), ("completion_tokens", "INTEGER"), ("calls", "INTEGER"),
        ("cache_hit", "INTEGER"),
        ("outputs", "TEXT"),                   # JSON: format → file name in the output directory
        ("written_at", "TEXT"),
    ),
    "events": (
        ("document_id", "TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE"),
        ("name_zh", "TEXT"), ("name_en", "TEXT"),
        ("date", "TEXT"), ("year_basis", "TEXT"), ("date_note", "TEXT"),
        ("date_quote", "TEXT"), ("date_start", "INTEGER"), ("date_end", "INTEGER"),
        ("place_zh", "TEXT"), ("place_en", "TEXT"),
        ("convened_by_zh", "TEXT"), ("convened_by_en", "TEXT"),
        ("topic_zh", "TEXT"), ("topic_en", "TEXT"),
        ("quote", "TEXT"), ("span_start", "INTEGER"), ("span_end", "INTEGER"),
    ),
    "people": (
        ("document_id", "TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE"),
        ("position", "INTEGER NOT NULL"),
        ("name", "TEXT"), ("name_en", "TEXT"), ("title_zh", "TEXT"), ("title_en", "TEXT"),
        ("roles", "TEXT"),                     # JSON array: chair, speaker, lecturer, reporter, attendee
        ("date", "TEXT"),                      # the event date of the document
        ("quote", "TEXT"), ("span_start", "INTEGER"), ("span_end", "INTEGER"),
    ),
    "figures": (
        ("document_id", "TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE"),
        ("position", "INTEGER NOT NULL"),
        ("figure", "TEXT"), ("value", "REAL"), ("unit", "TEXT"),
        ("approximate", "INTEGER"), ("lower_bound", "INTEGER"), ("upper_bound", "INTEGER"),
        ("measures_zh", "TEXT"), ("measures_en", "TEXT"),
        ("quote", "TEXT"), ("span_start", "INTEGER"), ("span_end", "INTEGER"),
    ),
    "points": (
        ("document_id", "TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE"),
        ("position", "INTEGER NOT NULL"),
        ("number", "INTEGER"), ("kind", "TEXT"), ("text_zh", "TEXT"), ("text_en", "TEXT"), ("speaker", "TEXT"),
        ("quote", "TEXT"), ("span_start", "INTEGER"), ("span_end", "INTEGER"),
    ),
    "attendee_groups": (
        ("document_id", "TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE"),
        ("position", "INTEGER NOT NULL"),
        ("text_zh", "TEXT"), ("text_en", "TEXT"),
        ("quote", "TEXT"), ("span_start", "INTEGER"), ("span_end", "INTEGER"),
    ),
    "rejections": (
        ("document_id", "TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE"),
        ("position", "INTEGER NOT NULL"),
        ("field", "TEXT"), ("value", "TEXT"), ("reason", "TEXT"),
    ),
}
CHILD_TABLES = tuple(t for t in TABLES if t != "documents")

VIEWS: dict[str, str] = {
    # one row per story: the document that was extracted (or a copy whose story is no longer in the
    # folder), and how many copies share it
    "stories": """
        SELECT s.id AS id, s.kind, s.headline_zh, s.headline_en, s.event_date, s.publisher, s.published, s.input,
               COUNT(d.id) AS copies, COUNT(d.id) - 1 AS reposts
        FROM documents s JOIN documents d ON d.id = s.id OR d.story_id = s.id AND d.id != s.id
        WHERE s.story_id = s.id OR s.story_id NOT IN (SELECT id FROM documents) GROUP BY s.id""",
    # every appearance of a person with the document's kind, headline, date and the event's place
    "appearances": """
        SELECT p.name, p.name_en, p.title_zh, p.title_en, p.roles, p.date, e.place_zh, e.place_en,
               d.id AS document_id, d.story_id, d.kind, d.headline_zh, d.published, d.publisher, d.input, p.quote
        FROM people p JOIN documents d ON d.id = p.document_id
        LEFT JOIN events e ON e.document_id = p.document_id""",
    # every evidence quote with its span in the normalised text and its source file
    "evidence": """
        SELECT 'people' AS fact, p.document_id, p.position, p.quote, p.span_start, p.span_end, d.input
          FROM people p JOIN documents d ON d.id = p.document_id
        UNION ALL SELECT 'figures', f.document_id, f.position, f.quote, f.span_start, f.span_end, d.input
          FROM figures f JOIN documents d ON d.id = f.document_id
        UNION ALL SELECT 'points', t.document_id, t.position, t.quote, t.span_start, t.span_end, d.input
          FROM points t JOIN documents d ON d.id = t.document_id
        UNION ALL SELECT 'attendee_groups', g.document_id, g.position, g.quote, g.span_start, g.span_end, d.input
          FROM attendee_groups g JOIN documents d ON d.id = g.document_id
        UNION ALL SELECT 'event', e.document_id, 0, e.quote, e.span_start, e.span_end, d.input
          FROM events e JOIN documents d ON d.id = e.document_id WHERE e.quote IS NOT NULL
        UNION ALL SELECT 'event_date', e.document_id, 0, e.date_quote, e.date_start, e.date_end, d.input
          FROM events e JOIN documents d ON d.id = e.document_id WHERE e.date_quote IS NOT NULL""",
}
INDEXES = (
    "CREATE INDEX IF NOT EXISTS people_name ON people(name)",
    "CREATE INDEX IF NOT EXISTS documents_story ON documents(story_id)",
    "CREATE INDEX IF NOT EXISTS figures_unit ON figures(unit)",
)
# bookkeeping for `sync`: the manifest each document's rows were made from
SEEN_TABLE = "_manifests"

Rows = dict[str, list[tuple[Any, ...]]]


def _bi(value: dict[str, Any] | None) -> tuple[str | None, str | None]:
    return (value.get("zh"), value.get("en")) if value else (None, None)


def _ev(value: dict[str, Any] | None) -> tuple[str | None, int | None, int | None]:
    return (value.get("quote"), value.get("start"), value.get("end")) if value else (None, None, None)


def rows(manifest: dict[str, Any]) -> Rows:
    """One manifest (and the record in it) → the rows of every table for that document."""
    record = manifest["record"]
    doc_id = manifest["stem"]
    source = record.get("source") or {}
    prov = record.get("provenance") or {}
    usage = prov.get("usage") or {}
    event = record.get("event") or {}
    date = event.get("date") or {}
    date_value = date.get("value")
    story = manifest.get("story") or {}
    out: Rows = {t: [] for t in TABLES}
    out["documents"].append((
        doc_id, manifest.get("input"), manifest.get("sha256"), story.get("id") or doc_id, story.get("similarity"),
        record.get("kind"), *_bi(record.get("headline")), *_bi(record.get("summary")),
        source.get("title"), source.get("publisher"), source.get("published"), source.get("script"),
        date_value, prov.get("backend"), prov.get("model"),
        usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0), usage.get("calls", 0),
        int(bool(prov.get("cache_hit"))),
        json.dumps(manifest.get("outputs") or {}, ensure_ascii=False, sort_keys=True), manifest.get("written_at"),
    ))
    out["events"].append((
        doc_id, *_bi(event.get("name")), date_value, date.get("year_basis"), date.get("note"),
        *_ev(date.get("evidence")), *_bi(event.get("place")), *_bi(event.get("convened_by")),
        *_bi(event.get("topic")), *_ev(event.get("evidence")),
    ))
    for i, p in enumerate(record.get("people") or []):
        out["people"].append((doc_id, i, p.get("name"), p.get("name_en"), *_bi(p.get("title")),
                              json.dumps(p.get("roles") or []), date_value, *_ev(p.get("evidence"))))
    for i, f in enumerate(record.get("figures") or []):
        out["figures"].append((doc_id, i, f.get("quote"), f.get("value"), f.get("unit"),
                               int(bool(f.get("approximate"))), int(bool(f.get("lower_bound"))), int(bool(f.get("upper_bound"))),
                               *_bi(f.get("measures")), *_ev(f.get("evidence"))))
    for i, t in enumerate(record.get("points") or []):
        out["points"].append((doc_id, i, t.get("number"), t.get("kind"), *_bi(t.get("text")), t.get("speaker"),
                              *_ev(t.get("evidence"))))
    for i, g in enumerate(record.get("attendee_groups") or []):
        out["attendee_groups"].append((doc_id, i, *_bi(g.get("text")), *_ev(g.get("evidence"))))
    for i, r in enumerate(prov.get("rejected") or []):
        out["rejections"].append((doc_id, i, r.get("field"), r.get("value"), r.get("reason")))
    return out


def _insert_sql(table: str) -> str:
    cols = TABLES[table]
    return f"INSERT INTO {table} ({', '.join(c for c, _ in cols)}) VALUES ({', '.join('?' * len(cols))})"


_INSERT = {t: _insert_sql(t) for t in TABLES}


@dataclass
class SyncReport:
    """What `Store.sync` changed."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unreadable: list[str] = field(default_factory=list)


class Store:
    """The database of one output directory. Thread-safe; each process opens its own connection."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.path = self.out / DB_NAME
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        self.errors: list[str] = []  # failed writes this run (the runner reports them in summary.json)
        self._queue: queue.Queue[Any] = queue.Queue()
        self._writer: threading.Thread | None = None

    def __getstate__(self) -> dict[str, Any]:  # a worker process opens its own connection
        return {"out": self.out}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["out"])  # type: ignore[misc]

    # -- connection ----------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")      # readers (datasette) never block the run
        conn.execute("PRAGMA synchronous=NORMAL")    # WAL: a killed process loses no committed transaction
        conn.execute("PRAGMA foreign_keys=ON")
        self._conn, self._pid = conn, os.getpid()
        self._ensure_schema(conn)
        return conn

    def _ensure_schema(self, conn: sqlite3.Connection) -> None:
        """Create the schema, or drop and recreate it when another version wrote it (the rows are
        rebuilt from the manifests by the next `sync`: the database is an index, never the only copy)."""
        with self._transaction(conn):
            found = conn.execute("SELECT name FROM sqlite_master WHERE name = 'schema_version'").fetchone()
            version = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] if found else None
            if version == SCHEMA_VERSION:
                return
            for name, kind in conn.execute(
                    "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') "
                    "AND name NOT LIKE 'sqlite_%'").fetchall():
                conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
            conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, created_at TEXT NOT NULL "
                         "DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))")
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            for table, cols in TABLES.items():
                keys = ", PRIMARY KEY (document_id, position)" if any(c == "position" for c, _ in cols) else ""
                conn.execute(f"CREATE TABLE {table} ({', '.join(f'{c} {t}' for c, t in cols)}{keys})")
            conn.execute(f"CREATE TABLE {SEEN_TABLE} (document_id TEXT PRIMARY KEY, mtime_ns INTEGER, "
                         "size INTEGER)")
            for name, sql in VIEWS.items():
                conn.execute(f"CREATE VIEW {name} AS {sql.strip()}")
            for sql in INDEXES:
                conn.execute(sql)

    @staticmethod
    @contextmanager
    def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        """Close this process's connection, leaving the whole database in the one file.

        During a run the database is in WAL mode (readers never block the writer) and recent rows
        sit in ``summarise.db-wal``; a file copied, mailed or uploaded alone must hold everything,
        so the WAL is checkpointed and the journal switched back to a rollback journal. When
        another connection (a datasette reading it) holds the database, the mode stays WAL: the
        database is consistent either way, and the next close folds the WAL in."""
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                try:
                    self._conn.execute(f"PRAGMA busy_timeout={CLOSE_WAIT_MS}")  # a reader: do not wait on it
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    self._conn.execute("PRAGMA journal_mode=DELETE")
                except sqlite3.Error:
                    pass
                self._conn.close()
            self._conn = None

    # -- writes --------------------------------------------------------------------------------
    def put(self, manifest: dict[str, Any], manifest_file: Path) -> None:
        """Replace one document's rows with those of `manifest` (one transaction), now."""
        data = rows(manifest)
        st = manifest_file.stat()
        with self._lock:
            conn = self._connect()
            with self._transaction(conn):
                self._replace(conn, manifest["stem"], data, st.st_mtime_ns, st.st_size)

    def put_later(self, manifest: dict[str, Any], manifest_file: Path) -> None:
        """Queue one document's rows for the writer thread, which commits whole documents in batches
        (`flush` waits for them). A killed run loses only queued rows; the next `sync` adds them."""
        item = (manifest["stem"], rows(manifest), manifest_file.stat())
        with self._lock:
            if self._writer is None or not self._writer.is_alive():
                self._writer = threading.Thread(target=self._write_queued, name="summarise-db", daemon=True)
                self._writer.start()
        self._queue.put(item)

    def flush(self, timeout: float = 600.0) -> bool:
        """Wait until every queued document is written (False if `timeout` passed first)."""
        done = threading.Event()
        self._queue.put(done)
        return done.wait(timeout) if self._writer is not None and self._writer.is_alive() else True

    def _write_queued(self) -> None:
        while True:
            batch = [self._queue.get()]
            while len(batch) < WRITE_BATCH:
                try:
                    batch.append(self._queue.get(timeout=WRITE_PAUSE_S))
                except queue.Empty:
                    break
            docs = [b for b in batch if not isinstance(b, threading.Event)]
            try:
                if docs:
                    with self._lock:
                        conn = self._connect()
                        with self._transaction(conn):
                            for doc_id, data, st in docs:
                                self._replace(conn, doc_id, data, st.st_mtime_ns, st.st_size)
            except (sqlite3.Error, OSError) as exc:  # the manifests are written: the next sync adds the rows
                self.errors.append(f"{len(docs)} documents not written: {type(exc).__name__}: {exc}")
            for b in batch:
                if isinstance(b, threading.Event):
                    b.set()

    @staticmethod
    def _replace(conn: sqlite3.Connection, doc_id: str, data: Rows, mtime_ns: int, size: int) -> None:
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))  # children cascade
        for table, table_rows in data.items():
            if table_rows:
                conn.executemany(_INSERT[table], table_rows)
        conn.execute(f"INSERT OR REPLACE INTO {SEEN_TABLE} VALUES (?, ?, ?)", (doc_id, mtime_ns, size))

    def sync(self, manifests: dict[str, Path], read: Any) -> SyncReport:
        """Make the rows match `manifests` (stem → manifest file); `read(path)` loads one manifest
        (None when unreadable). Only new or changed manifests are read; one transaction each."""
        report = SyncReport()
        with self._lock:
            conn = self._connect()
            seen = {d: (m, s) for d, m, s in conn.execute(f"SELECT document_id, mtime_ns, size FROM {SEEN_TABLE}")}
        for stem, path in sorted(manifests.items()):
            try:
                st = path.stat()
            except OSError:
                continue
            if seen.get(stem) == (st.st_mtime_ns, st.st_size):
                continue
            manifest = read(path)
            if manifest is None or manifest.get("stem") != stem or "record" not in manifest:
                report.unreadable.append(path.name)
                continue
            data = rows(manifest)
            with self._lock:
                conn = self._connect()
                with self._transaction(conn):
                    self._replace(conn, stem, data, st.st_mtime_ns, st.st_size)
            if stem in seen:
                report.updated += 1
            else:
                report.added += 1
        gone = [d for d in seen if d not in manifests]
        if gone:
            with self._lock:
                conn = self._connect()
                with self._transaction(conn):
                    for doc_id in gone:
                        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
                        conn.execute(f"DELETE FROM {SEEN_TABLE} WHERE document_id = ?", (doc_id,))
            report.removed = len(gone)
        return report

    # -- reads ---------------------------------------------------------------------------------
    def query(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        """Rows of a read-only query, as `sqlite3.Row` (by name or position)."""
        with self._lock:
            conn = self._connect()
            cursor = conn.execute(sql, tuple(params))
            cursor.row_factory = sqlite3.Row
            return cursor.fetchall()


def stream(path: Path, sql: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
    """Rows of a query in lists of at most `size`, from a read-only connection of their own."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cursor = conn.execute(sql)
        while batch := cursor.fetchmany(size):
            yield batch
    finally:
        conn.close()


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every data table, sorted (for comparing two databases)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


# --------------------------------------------------------------------------- the output directory

_OPEN: dict[Path, Store] = {}
_OPEN_LOCK = threading.Lock()


def for_dir(out: Path) -> Store:
    """The one `Store` of an output directory in this process."""
    key = Path(out).resolve()
    with _OPEN_LOCK:
        store = _OPEN.get(key)
        if store is None:
            store = _OPEN[key] = Store(out)
        return store


def manifest_files(out: Path) -> dict[str, Path]:
    """Stem → manifest file for every finished input of `out` (temp files a killed run left are not)."""
    from .manifest import STATE_DIR  # it imports the renderer: loaded only when a directory is read

    return {p.stem: p for p in (Path(out) / STATE_DIR).glob("*.json") if not p.name.startswith(".")}


def synced(out: Path, *, rebuild: bool = False) -> tuple[Store, SyncReport]:
    """The output directory's database brought in line with its manifests (made anew with `rebuild`)."""
    from .manifest import read_manifest

    store = for_dir(out)
    if rebuild:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{store.path}{suffix}").unlink(missing_ok=True)
    return store, store.sync(manifest_files(out), read_manifest)
