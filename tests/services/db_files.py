"""Database files in tests: verified as `gatehouse verify` reads one, or taken back to an older revision."""

from __future__ import annotations

from pathlib import Path

from desktop.services import verify
from desktop.store import migrate
from desktop.store.engine import Database, make_engine


def verify_file(path: Path) -> verify.VerifyReport:
    db = Database(make_engine(str(path)))
    try:
        with db.session(write=False) as s:
            return verify.verify(s, dialect="sqlite")
    finally:
        db.dispose()


def downgrade_file(path: Path, revision: str) -> None:
    """Take the file at `path` back to migration `revision` (Alembic on its own engine)."""
    from alembic import command

    db = Database(make_engine(str(path)))
    cfg = migrate.alembic_config()
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        db.dispose()
