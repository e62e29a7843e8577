"""verify of a database file as `gatehouse verify` reads one: its own engine, a read transaction."""

from __future__ import annotations

from pathlib import Path

from desktop.services import verify
from desktop.store.engine import Database, make_engine


def verify_file(path: Path) -> verify.VerifyReport:
    db = Database(make_engine(str(path)))
    try:
        with db.session(write=False) as s:
            return verify.verify(s, dialect="sqlite")
    finally:
        db.dispose()
