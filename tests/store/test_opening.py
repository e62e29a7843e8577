"""open_database creates only when asked to, and leaves other programs' files byte for byte."""

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from desktop.store import errors, migrate


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def journal_mode_byte(path: Path) -> int:
    """Header bytes 18/19: 1 = rollback journal, 2 = WAL."""
    return path.read_bytes()[18]


def foreign_file(path: Path, *, wal: bool = False) -> Path:
    raw = sqlite3.connect(path)
    if wal:
        raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    raw.execute("INSERT INTO contacts VALUES ('张三', '13800000000')")
    raw.commit()
    raw.close()
    return path


def test_a_missing_file_is_refused_and_not_created_unless_asked(tmp_path: Path):
    path = tmp_path / "sub" / "typo.sqlite3"
    with pytest.raises(errors.StoreError) as err:
        migrate.open_database(str(path), create=False)
    assert err.value.problem is errors.Problem.MISSING
    assert not path.exists() and not path.parent.exists()
    migrate.open_database(str(path), create=True).dispose()
    assert path.exists()


def test_an_empty_file_is_new_only_where_creation_is_allowed(tmp_path: Path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with pytest.raises(errors.StoreError) as err:
        migrate.open_database(str(path), create=False)
    assert err.value.problem is errors.Problem.NOT_A_DATABASE
    assert path.read_bytes() == b"" and sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite3"]
    migrate.open_database(str(path), create=True).dispose()
    assert path.stat().st_size > 0


@pytest.mark.parametrize("wal", [False, True], ids=["rollback", "wal"])
@pytest.mark.parametrize("create", [False, True])
def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path, wal: bool, create: bool):
    path = foreign_file(tmp_path / "contacts.db", wal=wal)
    before, mode = sha(path), journal_mode_byte(path)
    with pytest.raises(errors.StoreError) as err:
        migrate.open_database(str(path), create=create)
    assert err.value.problem is errors.Problem.FOREIGN
    assert "contacts" in str(err.value)
    assert sha(path) == before and journal_mode_byte(path) == mode == (2 if wal else 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db"], "no -wal/-shm left behind"


def test_an_alembic_database_of_another_program_is_refused(tmp_path: Path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE alembic_version (version_num TEXT)")
        raw.execute("INSERT INTO alembic_version VALUES ('abc123')")
    before = sha(path)
    with pytest.raises(errors.StoreError) as err:
        migrate.open_database(str(path))
    assert err.value.problem is errors.Problem.FOREIGN and sha(path) == before


def test_an_sqlite_file_without_tables_is_set_up_only_where_creation_is_allowed(tmp_path: Path):
    path = tmp_path / "blank.db"
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 7")  # makes the file exist with a header, no tables
    before = sha(path)
    with pytest.raises(errors.StoreError) as err:
        migrate.open_database(str(path), create=False)
    assert err.value.problem is errors.Problem.FOREIGN and sha(path) == before
    migrate.open_database(str(path), create=True).dispose()


def test_our_own_database_opens_without_create(db_path: Path, db):
    db.dispose()
    migrate.open_database(str(db_path), create=False).dispose()


def test_a_database_still_in_its_log_is_recognised_while_another_connection_holds_it(tmp_path: Path):
    """A window that has just made a database keeps its tables in the -wal until a checkpoint;
    a command run beside it must see them, not a blank file."""
    path = tmp_path / "new.sqlite3"
    first = migrate.open_database(str(path), create=True)
    try:
        with first.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
        assert Path(f"{path}-wal").exists()
        migrate.open_database(str(path), create=False).dispose()
    finally:
        first.dispose()


def test_a_failed_set_up_leaves_no_half_made_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def full(db, where, **_):
        raise errors.disk_full(where)

    monkeypatch.setattr(migrate, "_upgrade", full)
    path = tmp_path / "new.sqlite3"
    with pytest.raises(errors.StoreError) as err:
        migrate.open_database(str(path), create=True)
    assert err.value.problem is errors.Problem.FULL
    assert list(tmp_path.iterdir()) == []
    kept = tmp_path / "mktemp.sqlite3"
    kept.touch()
    with pytest.raises(errors.StoreError):
        migrate.open_database(str(kept), create=True)
    assert kept.exists() and kept.read_bytes() == b"" and list(tmp_path.iterdir()) == [kept]


@pytest.mark.skipif(not os.environ.get("GATEHOUSE_TEST_PG"), reason="set GATEHOUSE_TEST_PG (see .ci/postgres.sh)")
def test_an_empty_server_database_is_refused_without_create_and_left_empty():
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.engine import make_url

    url = make_url(os.environ["GATEHOUSE_TEST_PG"]).set(database="postgres")  # the server's own, empty
    target = url.render_as_string(hide_password=False)
    with pytest.raises(errors.StoreError) as err:
        migrate.open_database(target, create=False)
    assert err.value.problem is errors.Problem.FOREIGN
    engine = create_engine(target)
    try:
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == []
    finally:
        engine.dispose()
