"""Real faults while writing: a full database, a file-size limit, a read-only file, a folder where
the WAL cannot be made. Each is said plainly, nothing unstored is acknowledged, everything that
was acknowledged is still there, and work carries on once the cause is gone."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlmodel import select

from desktop.services import setup, verify
from desktop.services.context import Actor
from desktop.store import errors
from desktop.store.migrate import open_database
from desktop.store.models import Setting

ADMIN = Actor("admin", "admin")
BLOB = "地" * 3000  # about 9 kB a record: a few pages each


def _write(db, clock, i: int) -> None:
    with db.session() as s:
        setup.remember_choice(s, actor=ADMIN, now=clock.now(), key=f"fault.{i}", value=BLOB)


def _stored(db) -> set[str]:
    with db.session(write=False) as s:
        return {k for k in s.exec(select(Setting.key)).all() if k.startswith("fault.")}


def _verified(db) -> None:
    with db.session(write=False) as s:
        report = verify.verify(s, dialect=db.dialect)
    assert report.ok, report.findings


def test_a_full_database_is_said_plainly_keeps_what_was_acknowledged_and_carries_on(db, db_path, clock):
    limit = {"pages": 0}
    db.dispose()

    @event.listens_for(db.engine, "connect")
    def _cap(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        if limit["pages"]:
            dbapi_conn.execute(f"PRAGMA max_page_count = {limit['pages']}")

    with db.session(write=False) as s:
        pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
    db.dispose()
    limit["pages"] = pages + 40  # room for a few records, then "full"
    acknowledged: list[str] = []
    with pytest.raises(Exception) as err:  # the driver's own error, put in words below
        for i in range(200):
            _write(db, clock, i)
            acknowledged.append(f"fault.{i}")
    said = errors.describe(err.value, str(db_path))
    assert said is not None and said.problem is errors.Problem.FULL and "磁盘已满" in str(said)
    from desktop.gui.ops import describe_error

    assert "磁盘已满" in describe_error(err.value) and "未保存" in describe_error(err.value)
    assert 0 < len(acknowledged) < 200
    assert _stored(db) == set(acknowledged)  # every acknowledged record, and not the refused one
    _verified(db)
    limit["pages"] = 0  # space freed
    db.dispose()
    _write(db, clock, 999)
    assert _stored(db) == {*acknowledged, "fault.999"}
    _verified(db)


_WRITER = """
import sys
from desktop.domain.clock import ManualClock
from desktop.services import setup
from desktop.services.context import Actor
from desktop.store import errors
from desktop.store.migrate import open_database
from datetime import datetime, UTC
db = open_database(sys.argv[1])
now = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)
try:
    for i in range(int(sys.argv[2]), int(sys.argv[2]) + 400):
        with db.session() as s:
            setup.remember_choice(s, actor=Actor("admin", "admin"), now=now, key=f"fault.{i}", value="地" * 3000)
        print(f"fault.{i}", flush=True)  # acknowledged only once committed
except Exception as exc:
    said = errors.describe(exc, sys.argv[1])
    print(str(said) if said else repr(exc), file=sys.stderr)
    sys.exit(1)
"""


def _writer(db_path: Path, start: int, fsize: int | None) -> subprocess.CompletedProcess:
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run([sys.executable, "-c", _WRITER, str(db_path), str(start)], capture_output=True, text=True,
                          timeout=300, preexec_fn=limit, env={**os.environ, "GATEHOUSE_LANG": "zh"})


def test_a_file_size_limit_mid_write_is_named_and_every_acknowledged_record_survives(db, db_path, clock):
    db.dispose()
    out = _writer(db_path, 0, fsize=db_path.stat().st_size + 300_000)
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and str(db_path) in out.stderr
    assert "磁盘" in out.stderr, out.stderr  # "磁盘已满" or "磁盘出错": the disk, and what to check
    acknowledged = set(out.stdout.split())
    assert acknowledged
    assert acknowledged <= _stored(db)
    _verified(db)
    db.dispose()
    again = _writer(db_path, 1000, fsize=None)  # the limit lifted: the same program carries on
    assert again.returncode == 0, again.stderr
    assert acknowledged | set(again.stdout.split()) <= _stored(db)
    _verified(db)


@contextmanager
def _unwritable(path: Path) -> Iterator[None]:
    """Make `path` (a file or a folder) refuse writes for real: chmod, or for root (whom
    permissions do not stop) the immutable attribute."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o500 if path.is_dir() else 0o400)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("cannot make a file immutable here (chattr)")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def _closed(db, db_path: Path) -> None:
    db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_a_folder_without_room_for_the_wal_is_refused_plainly(db, db_path, clock, capsys, what):
    from desktop.cli import main

    _write(db, clock, 1)
    _closed(db, db_path)
    before = db_path.read_bytes()
    with _unwritable(db_path if what == "file" else db_path.parent):
        with pytest.raises(errors.StoreError) as err:
            open_database(str(db_path))
        assert err.value.problem is errors.Problem.UNWRITABLE and str(db_path) in str(err.value)
        assert main(["verify", "--db", str(db_path)]) == 2
        said = capsys.readouterr().err.strip()
        assert len(said.splitlines()) == 1 and "无法写入数据库" in said and "权限" in said, said
        assert db_path.read_bytes() == before
    again = open_database(str(db_path))  # writable again: back to work
    try:
        _write(again, clock, 2)
        assert _stored(again) == {"fault.1", "fault.2"}
        _verified(again)
    finally:
        again.dispose()
