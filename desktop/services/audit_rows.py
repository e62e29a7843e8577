"""Rows held to their record: which tables are guarded, and how a row's digest is read.

The chain proves the audit log was not changed; it says nothing about the tables beside it, and a
timer shortened with the sqlite3 shell is a dwell cut short. So every ORM write to a guarded table
is noted when the session flushes (`note_written`, a Session event), and the next `audit.record`
in that transaction stores the digest of each noted row in its event (`data["row_digests"]`,
`{table: {id: digest}}`, None for a deleted row). `verify` then holds every guarded row to the
newest event about it: a row no event covers, or whose digest differs, is named.

A digest is computed from what the database stores — each cell's storage type and raw bytes
(CAST AS BLOB on SQLite, text renderings fixed to UTC/ISO on PostgreSQL) — by the same query at
write time and at verify time, so the two agree whatever the Python types are, and a cell whose
bytes are no longer valid UTF-8 is still read (and found changed) instead of crashing the reader.
NULL cells are left out, so a migration that adds a nullable column keeps every digest valid; one
that fills a new column with a value must re-stamp the rows it touched with an audit event.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    Date,
    DateTime,
    LargeBinary,
    Table,
    TextClause,
    bindparam,
    event,
    literal_column,
    text,
)
from sqlmodel import Session, SQLModel

import desktop.store.models  # noqa: F401  (fills SQLModel.metadata)
from desktop.domain.audit_chain import row_digest

log = logging.getLogger(__name__)

# The chain guards its own tables. Clock marks are observations the dwell service writes on reads
# too (no event follows them); a dwell's guarantee rests on its timer row, which is guarded.
NOT_GUARDED = frozenset({"audit_event", "audit_head", "clock_mark", "alembic_version"})
DATA_KEY = "row_digests"
_PENDING = "gatehouse.unaudited_rows"
_KNOWN = "gatehouse.returned_digests"  # (table, key) -> digest, from a RETURNING of the write itself


def guarded_tables() -> dict[str, Table]:
    """Every table of the schema but the ones in NOT_GUARDED, by name (all columns covered)."""
    return {name: table for name, table in sorted(SQLModel.metadata.tables.items()) if name not in NOT_GUARDED}


_GUARDED = guarded_tables()


def _pk(table: Table) -> str:
    return next(iter(table.primary_key.columns)).name


def _cell_sql(table: Table, dialect: str, instead: dict[str, str] | None = None) -> list[str]:
    """Per column: its type tag and its bytes, as SQL expressions (`instead`: a column read as this
    SQL expression, to know a row's digest as it will be once that cell is updated)."""
    out = []
    for col in table.columns:
        q = (instead or {}).get(col.name) or f'"{col.name}"'
        if dialect == "sqlite":
            out += [f"typeof({q})", f"CAST({q} AS BLOB)"]
            continue
        if isinstance(col.type, DateTime):
            raw = f"to_char({q} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
        elif isinstance(col.type, Date):
            raw = f"to_char({q}, 'YYYY-MM-DD')"
        elif isinstance(col.type, LargeBinary):
            raw = f"encode({q}, 'hex')"
        else:
            raw = f"CAST({q} AS TEXT)"
        out += [f"CASE WHEN {q} IS NULL THEN 'null' ELSE 'v' END", raw]
    return out


def select_sql(table: Table, dialect: str, *, where: str = "", instead: dict[str, str] | None = None) -> str:
    """SELECT the key and the digest cells of `table` (raw: nothing is decoded as text)."""
    pk = f'"{_pk(table)}"'
    key = f"CAST({pk} AS BLOB)" if dialect == "sqlite" else f"CAST({pk} AS TEXT)"
    cells = ", ".join(_cell_sql(table, dialect, instead))
    return f'SELECT {key}, {cells} FROM "{table.name}" {where} ORDER BY {pk}'


def as_bytes(value: object) -> bytes | None:
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, memoryview | bytearray):
        return bytes(value)
    return str(value).encode()


def key_text(value: object) -> str:
    raw = as_bytes(value)
    return "" if raw is None else raw.decode("utf-8", "backslashreplace")


def digest_of(table: Table, row: Sequence[Any]) -> str:
    """The digest of one row as returned by `select_sql` (the key first, then tag/bytes pairs)."""
    cells = []
    for i, col in enumerate(table.columns):
        tag, raw = row[1 + 2 * i], as_bytes(row[2 + 2 * i])
        if raw is not None:
            cells.append((col.name, key_text(tag), raw))
    return row_digest(table.name, cells)


def digests(conn: Connection, dialect: str, table: Table, ids: Iterable[str]) -> dict[str, str]:
    """Digests of the rows of `table` with these keys, as stored now (missing rows are left out)."""
    sql = _by_keys(table.name, dialect)
    keys: list[object] = [int(i) for i in ids] if _is_int(table) else list(ids)
    return {key_text(row[0]): digest_of(table, row) for row in conn.execute(sql, {"ids": keys})}


@functools.cache
def _by_keys(name: str, dialect: str) -> TextClause:
    """One statement per table, built once: this runs in every audited write, scans included."""
    table = _GUARDED[name]
    return text(select_sql(table, dialect, where=f'WHERE "{_pk(table)}" IN :ids')).bindparams(
        bindparam("ids", expanding=True))


def _is_int(table: Table) -> bool:
    return next(iter(table.primary_key.columns)).type.python_type is int


def walk(conn: Connection, dialect: str, table: Table, batch: int = 1000) -> Iterator[Sequence[Any]]:
    """Every row of `table` in key order, `batch` at a time (raises what the driver raises)."""
    result = conn.exec_driver_sql(select_sql(table, dialect))
    while rows := result.fetchmany(batch):
        yield from rows


# --- noting the rows a transaction wrote ------------------------------------------------------


@event.listens_for(Session, "after_flush")
def note_written(session: Session, _flush_context: object) -> None:
    """Remember which guarded rows this flush wrote; `take` hands them to the next audit event."""
    pending: dict[tuple[str, str], bool] = session.info.setdefault(_PENDING, {})
    known: dict[tuple[str, str], str] = session.info.get(_KNOWN, {})
    for obj, deleted in _touched(session):
        name = getattr(obj, "__tablename__", None)
        table = _GUARDED.get(name) if isinstance(name, str) else None
        if table is not None:
            key = getattr(obj, _pk(table), None)
            if key is not None:
                pending[(table.name, str(key))] = deleted
                known.pop((table.name, str(key)), None)  # written again: read its digest afresh


def _touched(session: Session) -> Iterator[tuple[object, bool]]:
    for obj in session.new:
        yield obj, False
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            yield obj, False
    for obj in session.deleted:
        yield obj, True


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    if session.in_transaction():  # a savepoint rolled back; the rows before it are still written
        return
    session.info.pop(_PENDING, None)
    session.info.pop(_KNOWN, None)


@event.listens_for(Session, "after_commit")
def _unaudited(session: Session) -> None:
    if session.in_transaction():  # a savepoint was released; the transaction goes on
        return
    session.info.pop(_KNOWN, None)
    left = session.info.pop(_PENDING, None)
    if left:  # verify will name these rows; say where they came from while it is known
        log.warning("committed without an audit event about them: %s", sorted(left)[:20])


def note(session: Session, table: str, keys: Iterable[object], *, deleted: bool = False) -> None:
    """Note rows written with Core statements (bulk UPDATE/DELETE), which the flush hook cannot see,
    so the next event holds them to their digests like any ORM write."""
    pending: dict[tuple[str, str], bool] = session.info.setdefault(_PENDING, {})
    known: dict[tuple[str, str], str] = session.info.get(_KNOWN, {})
    for key in keys:
        pending[(table, str(key))] = deleted
        known.pop((table, str(key)), None)


def returning(table_name: str, dialect: str) -> list[Any]:
    """The key and digest cells of `table_name` as a RETURNING list: a Core INSERT or UPDATE that
    returns them hands `note_returned` the row as stored, so the audit event need not read it back."""
    table = _GUARDED[table_name]
    pk = f'"{_pk(table)}"'
    key = f"CAST({pk} AS BLOB)" if dialect == "sqlite" else f"CAST({pk} AS TEXT)"
    return [literal_column(sql) for sql in [key, *_cell_sql(table, dialect)]]


def note_returned(session: Session, table_name: str, row: Sequence[Any]) -> None:
    """Note a row written by a Core statement with `returning(table_name, ...)`, with its digest."""
    key = key_text(row[0])
    session.info.setdefault(_PENDING, {})[(table_name, key)] = False
    session.info.setdefault(_KNOWN, {})[(table_name, key)] = digest_of(_GUARDED[table_name], row)


def take(session: Session) -> dict[str, dict[str, str | None]]:
    """The digests of the rows written since the last event in this session (and forget them)."""
    pending: dict[tuple[str, str], bool] = session.info.pop(_PENDING, {})
    known: dict[tuple[str, str], str] = session.info.pop(_KNOWN, {})
    if not pending:
        return {}
    conn = session.connection()
    dialect = conn.dialect.name
    out: dict[str, dict[str, str | None]] = {}
    by_table: dict[str, list[str]] = {}
    for (name, key), deleted in pending.items():
        if deleted:
            out.setdefault(name, {})[key] = None
        elif (name, key) in known:  # returned by the statement that wrote it (nothing wrote it since)
            out.setdefault(name, {})[key] = known[(name, key)]
        else:
            by_table.setdefault(name, []).append(key)
    for name, keys in by_table.items():
        found = digests(conn, dialect, _GUARDED[name], keys)
        row = out.setdefault(name, {})
        for key in keys:
            row[key] = found.get(key)
    return out
