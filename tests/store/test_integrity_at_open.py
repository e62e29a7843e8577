"""Opening checks the file (quick_check) only when it can find something: after an unclean shutdown
(a -wal left beside the file) or when the last sound check is a week old — not on every start."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop.store import errors, integrity, migrate


@pytest.fixture
def checks(monkeypatch) -> list[str]:
    """Every quick_check opening runs (by file name)."""
    ran: list[str] = []
    real = integrity.quick_check

    def counted(db):  # type: ignore[no-untyped-def]
        ran.append(db.path.name)
        return real(db)

    monkeypatch.setattr(integrity, "quick_check", counted)
    return ran


def _made(path: Path) -> None:
    db = migrate.open_database(str(path))
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, t TEXT)")
        conn.exec_driver_sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                             "INSERT INTO filler (t) SELECT hex(randomblob(200)) FROM n")
    db.dispose()


def test_a_clean_file_checked_lately_is_opened_without_the_check(tmp_path: Path, checks: list[str]):
    path = tmp_path / "g.sqlite3"
    _made(path)
    assert not integrity.unclean(path), "a clean close leaves no -wal"
    assert _stamp(path) == integrity.today()  # stamped when made
    checks.clear()
    migrate.open_database(str(path)).dispose()
    assert checks == []


def test_a_week_old_check_is_run_again_and_stamped(tmp_path: Path, checks: list[str]):
    path = tmp_path / "g.sqlite3"
    _made(path)
    for stamp in (integrity.today() - integrity.CHECK_EVERY_DAYS, integrity.today() + 3, 0):  # old, future, never
        with closing(sqlite3.connect(path)) as raw:
            raw.execute(f"PRAGMA user_version = {stamp}")
        checks.clear()
        migrate.open_database(str(path)).dispose()
        assert checks == ["g.sqlite3"], stamp
        assert _stamp(path) == integrity.today()


def _stamp(path: Path) -> int:
    with closing(sqlite3.connect(path)) as raw:  # closed: a connection left open is a -wal left beside the file
        return int(raw.execute("PRAGMA user_version").fetchone()[0])


def _crashed_copy(path: Path, into: Path) -> Path:
    """The file and its -wal as a process that died with it open left them."""
    db = migrate.open_database(str(path))
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE filler SET t = 'after' WHERE id % 2 = 0")  # frames in the -wal
    assert integrity.unclean(path)
    into.mkdir()
    copy = into / path.name
    shutil.copyfile(path, copy)
    shutil.copyfile(f"{path}-wal", f"{copy}-wal")
    db.dispose()
    return copy


def test_after_an_unclean_shutdown_the_check_runs(tmp_path: Path, checks: list[str]):
    path = tmp_path / "g.sqlite3"
    _made(path)
    copy = _crashed_copy(path, tmp_path / "crash")
    checks.clear()
    db = migrate.open_database(str(copy))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM filler WHERE t = 'after'").scalar() > 0
    db.dispose()
    assert checks == ["g.sqlite3"]


def test_a_damaged_file_left_by_a_crash_is_still_refused(tmp_path: Path, checks: list[str]):
    path = tmp_path / "g.sqlite3"
    _made(path)
    copy = _crashed_copy(path, tmp_path / "crash")
    checks.clear()
    data = bytearray(copy.read_bytes())
    for offset in range(4096 * 2, min(len(data), 4096 * 6)):
        data[offset] = 0x5A  # scribble over several b-tree pages
    copy.write_bytes(bytes(data))
    with pytest.raises(errors.StoreError) as err:
        migrate.open_database(str(copy))
    assert err.value.problem is errors.Problem.CORRUPT
    assert checks == ["g.sqlite3"]
