"""Open a database safely: check it, copy it aside, upgrade it, refuse what we do not know.

Nothing here overwrites a file it cannot read as a Gatehouse database.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import DatabaseError, OperationalError

from desktop.store import errors, site_zone
from desktop.store.engine import Database, make_engine, sqlite_path, to_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _check_sqlite_file(path: Path) -> None:
    if path.exists():
        if path.is_dir():
            raise errors.not_a_database(str(path))
        try:
            with path.open("rb") as fh:
                header = fh.read(16)
        except OSError as exc:
            raise errors.unwritable(str(path), exc.strerror or str(exc)) from exc
        if header and header != SQLITE_HEADER:
            raise errors.not_a_database(str(path))
        if not os.access(path, os.W_OK):
            raise errors.unwritable(str(path), "read-only")
    else:
        parent = path.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise errors.unwritable(str(path), exc.strerror or str(exc)) from exc
        if not os.access(parent, os.W_OK):
            raise errors.unwritable(str(path), "folder is read-only")


def _current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def quick_check(db: Database) -> str:
    """`ok`, or what SQLite found wrong."""
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
        conn.rollback()
    return "; ".join(str(r[0]) for r in rows[:5])


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


def open_database(target: str, *, upgrade: bool = True) -> Database:
    """Open `target` (a path or URL), upgrading its schema to this version's head.

    Raises StoreError for a file that is not a database, is damaged, is read-only or was
    written by a newer Gatehouse; in each case the file is left as it was.
    """
    url = to_url(target)
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path)
    db = Database(make_engine(url))
    try:
        _prepare(db, str(path or db.url), upgrade=upgrade)
    except BaseException:
        db.dispose()
        raise
    site_zone.apply(db)  # the site's day, before anything reads a time
    return db


def _prepare(db: Database, where: str, *, upgrade: bool) -> None:
    try:
        if db.path is not None:
            result = quick_check(db)
            if result != "ok":
                raise errors.corrupt(where, result)
        current = _current_revision(db)
    except DatabaseError as exc:
        text = str(exc.orig)
        if "not a database" in text or "malformed" in text:
            raise errors.corrupt(where, text) from exc
        if "readonly" in text or "unable to open" in text or "disk" in text:
            raise errors.unwritable(where, text) from exc
        raise
    if current is not None and current not in known_revisions():
        raise errors.newer(where, current)
    if upgrade and current != head_revision():
        if current is not None:
            backup_copy(db, current)
        _upgrade(db, where)


def _upgrade(db: Database, where: str) -> None:
    cfg = alembic_config()
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except OperationalError as exc:
        raise errors.unwritable(where, str(exc.orig)) from exc
