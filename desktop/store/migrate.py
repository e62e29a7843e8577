"""Open a database safely: check it, copy it aside, upgrade it, refuse what we do not know.

Nothing here writes to a file it cannot read as a Gatehouse database: another program's SQLite
file is recognised through a read-only connection, before our pragmas (WAL) could change it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection
from sqlalchemy.exc import DatabaseError, OperationalError

from desktop import outfiles
from desktop.store import errors, integrity, site_zone
from desktop.store.engine import BUSY_TIMEOUT_MS, Database, make_engine, sqlite_path, to_url

# Alembic takes a tenth of a second to import; a database already at this version's head (every
# start but the first after an update) is opened without it (see _head_from_files).
if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
OUR_TABLES = frozenset({"alembic_version", "audit_event"})
_REVISION = re.compile(r"^revision(?:\s*:[^=\n]*)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN_REVISION = re.compile(r"^down_revision(?:\s*:[^=\n]*)?\s*=\s*(.+)$", re.M)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    """Refuse, before anything opens it for writing, a file that is not ours. Even a connection
    with our pragmas changes a file (WAL), so this looks with plain, read-only means only."""
    if not path.exists():
        if not create:
            raise errors.missing(str(path))
        _check_new_place(path)
        return
    if path.is_dir():
        raise errors.not_a_database(str(path))
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise errors.unwritable(str(path), exc.strerror or str(exc)) from exc
    if not header:
        if not create:  # an empty file is a new database only where we may make one
            raise errors.empty_file(str(path))
    elif header != SQLITE_HEADER:
        raise errors.not_a_database(str(path))
    else:
        _check_schema(str(path), _sqlite_tables(path), create=create)
    if not os.access(path, os.W_OK):
        raise errors.unwritable(str(path), "read-only")


def _check_new_place(path: Path) -> None:
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise errors.unwritable(str(path), exc.strerror or str(exc)) from exc
    if not os.access(parent, os.W_OK):
        raise errors.unwritable(str(path), "folder is read-only")


def _sqlite_tables(path: Path) -> list[str]:
    """The tables of an SQLite file, read through a read-only connection (no pragmas).

    Without a -wal beside it nobody has the file open and all of it is in the main file: read
    that as immutable, because even a read-only connection to a WAL-mode file leaves new -wal
    and -shm files behind. With a -wal (a Gatehouse window may be running on a new database
    whose tables are still in the log) read through the log."""
    mode = "mode=ro" if Path(f"{path}-wal").exists() else "immutable=1"
    try:
        raw = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        finally:
            raw.close()
    except sqlite3.Error as exc:
        raise (errors.describe(exc, str(path)) or errors.corrupt(str(path), str(exc))) from exc
    return [str(r[0]) for r in rows if not str(r[0]).startswith("sqlite_")]


def _check_schema(where: str, tables: list[str], *, create: bool) -> None:
    """Ours (Alembic's table beside our audit log), blank (a new database where we may make one),
    or refused."""
    if set(tables) >= OUR_TABLES:
        return
    if tables or not create:
        raise errors.foreign(where, tables)


def _check_server_schema(db: Database, *, create: bool) -> None:
    from sqlalchemy import inspect

    with db.engine.connect() as conn:
        tables = inspect(conn).get_table_names()
    _check_schema(db.url, tables, create=create)


def _current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _head_from_files() -> str | None:
    """This version's head revision as the migration files name it, read without Alembic; None
    when unsure (a file whose revision lines this cannot read, a branch, no files): then Alembic
    decides, as it always does for a database that is not at the head."""
    files = [p for p in (MIGRATIONS / "versions").glob("*.py") if p.name != "__init__.py"]
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in files:
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(text), _DOWN_REVISION.findall(text)
        if len(revision) != 1 or len(down) != 1:
            return None
        revisions.add(revision[0])
        downs.update(re.findall(r"['\"]([^'\"]+)['\"]", down[0]))
    heads = revisions - downs
    if not files or len(revisions) != len(files) or not downs <= revisions or len(heads) != 1:
        return None
    return heads.pop()


def _at_head(db: Database) -> bool:
    """Whether the database's one recorded revision is this version's head (read without Alembic)."""
    head = _head_from_files()
    if head is None:
        return False
    try:
        with db.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
            conn.rollback()
    except DatabaseError:  # no such table: a new database, which Alembic sets up
        return False
    return [str(r[0]) for r in rows] == [head]


def quick_check(db: Database) -> str:
    """`ok`, or what SQLite found wrong."""
    return integrity.quick_check(db)


def backup_copy(db: Database, label: str) -> Path | None:
    """A consistent copy beside the file (SQLite's online backup, so WAL content is included)."""
    path = db.path
    if path is None or not path.exists() or path.stat().st_size == 0:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.before-{label}-{stamp}{path.suffix}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def open_database(target: str, *, upgrade: bool = True, create: bool = True,
                  on_upgrade: Callable[[Connection, str], None] | None = None) -> Database:
    """Open `target` (a path or URL), upgrading its schema to this version's head.

    With `create=False` (every command but those that set up: the window's first start, `demo`)
    a missing file, an empty one, or an empty server database is refused instead of set up.
    Raises StoreError for a file that is missing or not a database, is another program's
    database, is damaged, is read-only or was written by a newer Gatehouse; in each case the
    file is left as it was, byte for byte.

    `on_upgrade(connection, old_revision)` runs inside the upgrade's own transaction when an
    existing database was upgraded, so what the new version needs of the old rows (such as holding
    them to the audit log) is done with the upgrade or not at all.
    """
    url = to_url(target)
    path = sqlite_path(url)
    existed = path is not None and path.exists()
    new = path is not None and (not existed or path.stat().st_size == 0)
    after_crash = path is not None and integrity.unclean(path)  # before any connection of ours makes a -wal
    if path is not None:
        _check_sqlite_file(path, create=create)
        outfiles.protect(path)  # no output of this process may land on it
    db = Database(make_engine(url))
    try:
        if path is None:
            _check_server_schema(db, create=create)
        _prepare(db, str(path or db.url), upgrade=upgrade, on_upgrade=on_upgrade, after_crash=after_crash)
    except BaseException as exc:
        db.dispose()
        if new and path is not None:
            _undo_new_file(path, existed=existed)  # set-up failed (a full disk): no half-made database
        if isinstance(exc, DatabaseError):  # an unreachable server, a full disk: said in words
            raise (errors.describe(exc, str(path or db.url)) or exc) from exc
        raise
    site_zone.apply(db)  # the site's day, before anything reads a time
    return db


def _undo_new_file(path: Path, *, existed: bool) -> None:
    """Put back what was there before a set-up that failed: nothing (the file is removed with its
    -wal and -shm), or the empty file it was."""
    for suffix in ("-wal", "-shm", "-journal"):
        with suppress(OSError):
            Path(f"{path}{suffix}").unlink()
    with suppress(OSError):
        if existed:
            os.truncate(path, 0)
        else:
            path.unlink()


def _prepare(db: Database, where: str, *, upgrade: bool,
             on_upgrade: Callable[[Connection, str], None] | None = None, after_crash: bool = True) -> None:
    checked = False
    try:
        if db.path is not None and integrity.due(db, after_crash=after_crash):
            # only after an unclean shutdown or once a week: its time grows with the file (integrity)
            result = quick_check(db)
            if result != "ok":
                raise errors.corrupt(where, result)
            checked = True
        if _at_head(db):
            if checked:
                integrity.stamp(db)
            return
        current = _current_revision(db)
    except DatabaseError as exc:
        raise (errors.describe(exc, where) or exc) from exc
    if current is not None and current not in known_revisions():
        raise errors.newer(where, current)
    if upgrade and current != head_revision():
        if current is not None:
            backup_copy(db, current)
        _upgrade(db, where, then=(lambda conn: on_upgrade(conn, current)) if on_upgrade and current else None)
    if checked:
        integrity.stamp(db)  # once the file is known to be ours and of a version we read


def _upgrade(db: Database, where: str, *, then: Callable[[Connection], None] | None = None) -> None:
    from alembic import command

    cfg = alembic_config()
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            if then is not None:
                then(conn)
    except OperationalError as exc:
        raise (errors.describe(exc, where) or errors.unwritable(where, str(exc.orig))) from exc
