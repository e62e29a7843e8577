"""The idle-time WAL checkpoint (issue #16 item 2): SQLite's own checkpoint is a safety net far
away, and `Database.checkpoint()` empties the WAL so the next writes start it again from its start."""

import sqlite3
from pathlib import Path

from desktop.store.engine import AUTOCHECKPOINT_PAGES, Database, make_engine

ROW = "x" * 3000  # about a page a row


def write_rows(db: Database, n: int) -> None:
    for _ in range(n):
        with db.session() as s:
            s.connection().exec_driver_sql("INSERT INTO t (v) VALUES (?)", (ROW,))


def wal_frames(db: Database) -> int:
    """Frames in the WAL now, as a PASSIVE checkpoint reports them (it copies them too)."""
    result = db.checkpoint()
    assert result is not None
    return result[1]


def new_db(tmp_path: Path) -> tuple[Database, Path]:
    path = tmp_path / "c.sqlite3"
    db = Database(make_engine(str(path)))
    with db.session() as s:
        s.connection().exec_driver_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    return db, path


def test_the_automatic_checkpoint_is_only_a_safety_net(tmp_path: Path):
    db, _ = new_db(tmp_path)
    try:
        with db.session() as s:
            assert s.connection().exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == AUTOCHECKPOINT_PAGES
            assert s.connection().exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL, kept
        assert AUTOCHECKPOINT_PAGES >= 8_000
    finally:
        db.dispose()


def test_a_checkpoint_copies_the_wal_and_the_next_writes_start_it_again(tmp_path: Path):
    db, path = new_db(tmp_path)
    wal = Path(f"{path}-wal")
    try:
        write_rows(db, 300)  # ~1.2 MB of WAL, far below the automatic checkpoint
        before = wal.stat().st_size
        assert before > 1_000_000
        busy, frames, copied = db.checkpoint()
        assert (busy, copied) == (0, frames) and frames > 300  # every frame copied into the file
        with sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True) as raw:  # the file alone, no WAL
            assert raw.execute("SELECT count(*) FROM t").fetchone()[0] == 300
        write_rows(db, 2)
        assert wal_frames(db) < 10  # the WAL was started again from its beginning, not appended to
        assert wal.stat().st_size <= before  # so the file did not grow
        db.checkpoint(truncate=True)
        assert wal.stat().st_size == 0
    finally:
        db.dispose()
    assert not wal.exists()  # the last connection's close checkpoints and removes it


def test_no_checkpoint_on_a_server_database():
    from sqlalchemy import create_engine

    db = Database(create_engine("postgresql://nobody@localhost:1/none"))  # never connected
    assert db.checkpoint() is None
