"""The engine and its sessions.

SQLite: WAL, synchronous=FULL, a busy timeout and foreign keys on every connection. pysqlite's
own transaction handling is switched off so we emit BEGIN ourselves: writers start with
BEGIN IMMEDIATE (a deferred transaction that reads and then writes fails at once with "database
is locked" when another connection writes, busy timeout or not); read-only sessions use a plain
BEGIN so readers never wait for a writer.

Checkpoints: SQLite's automatic WAL checkpoint runs inside whichever COMMIT pushes the WAL past
`wal_autocheckpoint` pages, so with the default (1,000 pages, ~4 MB) about one release scan in a
hundred paid for copying the WAL into the database (two more fsyncs and a thousand page writes).
The app checkpoints in its idle time instead (`Database.checkpoint()`, which the window's `Ops`
runs a moment after the last write); the automatic checkpoint stays only as a safety net for a
process that never idles, at `AUTOCHECKPOINT_PAGES`. SQLite also checkpoints and deletes the WAL
when the last connection closes (`Database.dispose()`), so a short-lived command leaves none.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session

from desktop.store import errors

BUSY_TIMEOUT_MS = 15_000
# The safety net: 10,000 pages of 4 KiB, so the WAL of a process that writes without ever idling
# grows to ~40 MB (plus the transaction that crosses the line) before a commit checkpoints it; after
# a checkpoint the file is reused from its start and cut back to JOURNAL_SIZE_LIMIT when larger.
AUTOCHECKPOINT_PAGES = 10_000
JOURNAL_SIZE_LIMIT = 8 * 1024 * 1024
CONNECT_TIMEOUT_S = 5  # a server that does not answer is reported, not waited on for minutes
_READONLY = READONLY = "gatehouse_readonly"  # execution option: BEGIN, not BEGIN IMMEDIATE


def to_url(target: str) -> str:
    """A path becomes an SQLite URL; anything with a scheme is taken as a URL."""
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def make_engine(target: str) -> Engine:
    url = to_url(target)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        args: dict[str, object] = {}
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            args["connect_timeout"] = CONNECT_TIMEOUT_S
        return create_engine(url, pool_pre_ping=True, connect_args=args)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # we send BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
        cur.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        readonly = conn.get_execution_options().get(_READONLY, False)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


# Files found damaged in this process (by URL): no session may write to them again, whichever
# Database object opened them, so a station stops instead of writing on into a malformed file.
_DAMAGED: dict[str, str] = {}


def damage(exc: BaseException) -> str | None:
    """The SQLite error text when `exc` (or what it wraps) says the file is corrupt, else None."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return None
        if isinstance(seen, sqlite3.DatabaseError):
            name = getattr(seen, "sqlite_errorname", "") or ""
            message = str(seen)
            if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in message \
                    or "not a database" in message:
                return message
            return None
        seen = getattr(seen, "orig", None) or seen.__cause__
    return None


class Database:
    """One database: its engine, and sessions that commit on success and roll back on error.

    A session that meets a damaged file (SQLITE_CORRUPT, "database disk image is malformed") rolls
    back and raises `StoreError(CORRUPT)`; from then on this process refuses to write to that file.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def path(self) -> Path | None:
        return sqlite_path(str(self.engine.url))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def damaged(self) -> str | None:
        """Why this file was found damaged in this process, or None."""
        return _DAMAGED.get(self.url)

    @contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        if write and self.damaged is not None:
            raise errors.corrupt(str(self.path or self.url), self.damaged)
        bind = self.engine if write else self.engine.execution_options(**{_READONLY: True})
        with Session(bind, expire_on_commit=False) as session:
            try:
                yield session
                if write:
                    session.commit()
                else:
                    session.rollback()
            except BaseException as exc:
                _rollback(session)
                detail = damage(exc)
                if detail is None:
                    self._after_rollback(exc)
                    raise
                _DAMAGED[self.url] = detail
                raise errors.corrupt(str(self.path or self.url), detail) from exc

    def _after_rollback(self, exc: BaseException) -> None:
        """Some refusals must outlive the rolled-back request: a refused permission or a wrong PIN
        is itself an event (and a lockout counter). The exception carries what to write as
        `after_rollback(session)`; it runs here in a fresh transaction of its own."""
        hook = getattr(exc, "after_rollback", None)
        if hook is None:
            return
        exc.after_rollback = None  # type: ignore[attr-defined]  # once, even through nested sessions
        with Session(self.engine, expire_on_commit=False) as session:
            hook(session)
            session.commit()

    def checkpoint(self, *, truncate: bool = False) -> tuple[int, int, int] | None:
        """Copy the WAL into the database file now (SQLite; a no-op elsewhere): the idle-time
        checkpoint that keeps the automatic one out of a scan's COMMIT.

        PASSIVE by default: it waits for nobody and blocks nobody (readers and writers of this and
        other processes go on); frames a reader still needs are left for the next one. Once every
        frame is copied, the next write starts the WAL again from its beginning, so the file stops
        growing. `truncate=True` also cuts the file to zero bytes, waiting at most the busy timeout
        for other connections: for when nothing else is running. Returns SQLite's (busy, frames in
        the WAL, frames copied), or None for a server database."""
        if self.dialect != "sqlite":
            return None
        mode = "TRUNCATE" if truncate else "PASSIVE"
        raw = self.engine.raw_connection()  # the DBAPI connection: no BEGIN (a checkpoint runs outside one)
        try:
            row = raw.driver_connection.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        finally:
            raw.close()  # back to the pool
        return (int(row[0]), int(row[1]), int(row[2])) if row else None

    def dispose(self) -> None:
        self.engine.dispose()


def _rollback(session: Session) -> None:
    """Roll back; on a damaged file the rollback itself may fail, and the first error is the one to tell."""
    try:
        session.rollback()
    except Exception as exc:
        if damage(exc) is None:
            raise
