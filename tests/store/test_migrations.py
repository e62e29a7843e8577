"""The schema is owned by Alembic: an empty file upgrades to head with no drift from the models,
and files we cannot trust are refused without being touched."""

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from desktop.store import errors, migrate
from desktop.store.engine import Database, make_engine


def test_empty_database_upgrades_to_head_without_drift(tmp_path: Path):
    db = migrate.open_database(str(tmp_path / "new.sqlite3"))
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert ctx.get_current_revision() == migrate.head_revision()
        diff = compare_metadata(ctx, SQLModel.metadata)
    db.dispose()
    assert diff == []


def test_pragmas_are_set_on_every_connection(db: Database):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_writers_begin_immediate_so_a_second_writer_waits_instead_of_failing(db: Database):
    # Two sessions that read then write: with deferred transactions the second would fail at once
    # with "database is locked"; BEGIN IMMEDIATE makes it wait its turn.
    import threading

    from desktop.domain.clock import ManualClock
    from desktop.services import setup
    from desktop.services.context import Actor

    clock = ManualClock()
    failures: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(20):
                with db.session() as s:
                    setup.get_setting(s, "x")
                    setup.set_setting(s, actor=Actor("admin", "admin"), now=clock.now(), key=f"w{n}-{i}", value=i)
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("这不是数据库 — this is not a database\n" * 100)
    before = path.read_bytes()
    with pytest.raises(errors.StoreError) as err:
        migrate.open_database(str(path))
    assert err.value.problem is errors.Problem.NOT_A_DATABASE
    assert path.read_bytes() == before


def test_a_corrupted_file_is_refused_and_untouched(db_path: Path, db: Database):
    db.dispose()
    with sqlite3.connect(db_path) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):
        data[offset] = 0x5A  # scribble over several b-tree pages
    db_path.write_bytes(bytes(data))
    with pytest.raises(errors.StoreError) as err:
        migrate.open_database(str(db_path))
    assert err.value.problem is errors.Problem.CORRUPT
    assert db_path.read_bytes() == bytes(data)


def test_a_database_from_a_newer_gatehouse_is_refused(db_path: Path, db: Database):
    db.dispose()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(errors.StoreError) as err:
        migrate.open_database(str(db_path))
    assert err.value.problem is errors.Problem.NEWER
    assert "9999_future" in str(err.value)
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999_future"


def test_an_unwritable_place_is_refused_with_a_clear_message(tmp_path: Path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if (locked / "probe").parent.stat().st_mode & 0o200 == 0 and __import__("os").access(locked, __import__("os").W_OK):
            pytest.skip("running as a user that can write anywhere (root)")
        with pytest.raises(errors.StoreError) as err:
            migrate.open_database(str(locked / "g.sqlite3"))
        assert err.value.problem is errors.Problem.UNWRITABLE
    finally:
        locked.chmod(0o700)


def test_a_path_under_a_file_is_refused_with_a_clear_message(tmp_path: Path):
    blocker = tmp_path / "usb-stick"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(errors.StoreError) as err:
        migrate.open_database(str(blocker / "sub" / "g.sqlite3"))
    assert err.value.problem is errors.Problem.UNWRITABLE
    assert "usb-stick" in str(err.value)


def test_a_read_only_file_is_refused(db_path: Path, db: Database):
    db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    db_path.chmod(0o400)
    try:
        import os

        if os.access(db_path, os.W_OK):
            pytest.skip("running as root: permissions do not stop writes")
        with pytest.raises(errors.StoreError) as err:
            migrate.open_database(str(db_path))
        assert err.value.problem is errors.Problem.UNWRITABLE
    finally:
        db_path.chmod(0o600)


def test_backup_copy_is_a_consistent_database(db_path: Path, db: Database):
    copy = migrate.backup_copy(db, "test")
    assert copy is not None and copy.exists() and copy != db_path
    other = Database(make_engine(str(copy)))
    assert migrate.quick_check(other) == "ok"
    with other.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM audit_event").scalar() > 0
    other.dispose()


def test_an_older_schema_is_copied_aside_before_upgrading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "old.sqlite3"
    db = migrate.open_database(str(path))
    db.dispose()
    current = migrate.head_revision()
    # Pretend head moved on: the file is now one revision behind.
    monkeypatch.setattr(migrate, "head_revision", lambda: "0002_pretend")
    monkeypatch.setattr(migrate, "_head_from_files", lambda: "0002_pretend")  # the quick look at the head too
    monkeypatch.setattr(migrate, "_upgrade", lambda db, where, **_: None)
    migrate.open_database(str(path)).dispose()
    assert list(tmp_path.glob(f"old.before-{current}-*.sqlite3"))


def _indexes(db: Database) -> set[str]:
    from sqlalchemy import inspect

    with db.engine.connect() as conn:
        found = inspect(conn)
        return {ix["name"] for table in found.get_table_names() for ix in found.get_indexes(table)}


def test_the_lookup_indexes_go_down_to_0018_and_come_back_without_drift(tmp_path: Path):
    from alembic import command

    db = migrate.open_database(str(tmp_path / "g.sqlite3"))
    cfg = migrate.alembic_config()
    at_head = _indexes(db)

    def to(where: str) -> set[str]:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.upgrade if where == "head" else command.downgrade)(cfg, where)
        return _indexes(db)

    at_0019 = to("0019")  # the head while it is the last revision
    assert "ix_consignment_arrival_id" not in at_0019  # the two-column index's leading column answers it
    at_0018 = to("0018")
    assert at_0019 - at_0018 == {"ix_release_released_at", "ix_release_station_id", "ix_disinfection_ended_at",
                                 "ix_disinfection_recalled_at", "ix_dwell_timer_started_wall",
                                 "ix_dwell_timer_completed_at", "ix_override_at", "ix_violation_at",
                                 "ix_consignment_arrival_id_created_at", "ix_consignment_order_id_created_at",
                                 "ix_consignment_created_at", "ix_household_order_created_at",
                                 "ix_arrival_status_arrived_at"}
    assert at_0018 - at_0019 == {"ix_consignment_arrival_id", "ix_consignment_order_id"}
    assert to("head") == at_head
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert ctx.get_current_revision() == migrate.head_revision()
        assert compare_metadata(ctx, SQLModel.metadata) == []
    db.dispose()
