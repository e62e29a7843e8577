"""Backups, anchors and restore through real SQLite files: each copy is checked and its verdict kept,
rotation keeps what it promises, a cut chain is caught by an anchor, and a restore keeps the old
file aside and says what it gave up."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, timedelta
from pathlib import Path

import pytest

from desktop.services import anchors, backups, setup, shift_end, verify
from desktop.services.context import Actor, ServiceError
from desktop.store.engine import Database

ADMIN = Actor("admin", "admin")


def _add_someone(db: Database, clock, name: str) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        setup.add_operator(s, actor=ADMIN, now=clock.now(), username=name, display_name=name, role="gate", pin="4321")


def _report(db: Database, held: list[anchors.Anchor]) -> verify.VerifyReport:
    with db.session(write=False) as s:
        return verify.verify(s, dialect="sqlite", anchors=held)


def test_a_backup_is_checked_and_its_verdict_kept_beside_it(db: Database, db_path: Path, clock):
    result = backups.make(db_path, now=clock.now(), why="manual")
    copy = Path(result.backup.path)
    stamp = clock.now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")  # named by the time it was made, in UTC
    assert copy.parent == db_path.parent / "backups" and copy.name.startswith(f"gatehouse-{stamp}")
    assert result.backup.ok, result.backup.verdict.findings
    side = json.loads(Path(f"{copy}.json").read_text(encoding="utf-8"))
    assert side["verdict"]["ok"] is True and side["verdict"]["integrity"] == "ok"
    assert side["verdict"]["counts"]["operator"] >= 8 and side["verdict"]["audit_events"] > 0
    assert not Path(f"{copy}-wal").exists()  # one self-contained file
    (listed,) = backups.list_backups(copy.parent)
    assert listed.ok and listed.path == str(copy)
    (anchor,) = anchors.read(copy.parent)
    assert (anchor.length, anchor.why) == (side["verdict"]["audit_events"], "manual")


def test_a_damaged_copy_is_listed_as_failed_and_never_latest(db: Database, db_path: Path, clock):
    good = backups.make(db_path, now=clock.now()).backup
    clock.advance(timedelta(minutes=15))
    bad = backups.make(db_path, now=clock.now()).backup
    con = sqlite3.connect(bad.path)
    con.execute("UPDATE audit_event SET action = 'forged' WHERE id = 2")
    con.commit()
    con.close()
    assert not backups.check_copy(Path(bad.path)).ok
    backups._write_sidecar(backups.BackupInfo(bad.path, bad.at, bad.size, backups.check_copy(Path(bad.path))))
    assert backups.latest_verified(db_path).path == good.path


def test_a_second_folder_gets_a_copy_and_a_missing_one_is_a_problem_not_a_failure(db: Database, db_path: Path,
                                                                                 clock, tmp_path: Path):
    stick = tmp_path / "usb"
    result = backups.make(db_path, now=clock.now(), second_folder=str(stick))
    assert len(result.copies) == 2 and Path(result.copies[1]).parent == stick and not result.problems
    assert anchors.read(stick)
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    clock.advance(timedelta(minutes=1))
    result = backups.make(db_path, now=clock.now(), second_folder=str(blocked))
    assert result.backup.ok and len(result.copies) == 1 and result.problems


def test_rotation_keeps_a_day_of_copies_then_one_a_day_for_thirty_days(tmp_path: Path, clock):
    folder = tmp_path / "backups"
    folder.mkdir()
    now = clock.now()
    made = []
    for hours in range(0, 24 * 40, 6):  # every six hours for forty days
        at = now - timedelta(hours=hours)
        p = folder / f"gatehouse-{at.strftime('%Y%m%dT%H%M%SZ')}.sqlite3"
        p.write_bytes(b"")
        made.append((at, p))
    (folder / "other.sqlite3").write_bytes(b"")  # not ours: never touched
    backups.rotate(folder, now=now)
    left = {p for _at, p in made if p.exists()}
    assert {p for at, p in made if now - at <= timedelta(hours=24)} <= left
    old = [at for at, p in made if p in left and now - at > timedelta(hours=24)]
    assert old and max(now - at for at in old) <= timedelta(days=30)
    assert len({backups.local(at).date() for at in old}) == len(old)  # one a day
    assert (folder / "other.sqlite3").exists()


def test_cutting_the_tail_and_rewriting_the_head_is_caught_by_the_backup_anchor(db: Database, db_path: Path, clock):
    backups.make(db_path, now=clock.now())
    _add_someone(db, clock, "later.one")
    _add_someone(db, clock, "later.two")
    with db.session(write=False) as s:
        done = shift_end.record(s, db_path=db_path, now=clock.now())
    length = done.anchor.length
    held = anchors.current(anchors.read(backups.folder_for(db_path)), anchors.db_key(db_path))
    assert _report(db, held).ok
    db.dispose()
    con = sqlite3.connect(db_path)
    con.execute(f"DELETE FROM audit_event WHERE id > {length - 2}")
    con.execute(f"UPDATE audit_head SET last_id = {length - 2}, "
                f"last_hash = (SELECT hash FROM audit_event WHERE id = {length - 2})")
    con.commit()
    con.close()
    report = _report(db, held)
    assert ("anchor", "audit_event", str(length)) in {(f.kind, f.table, f.row) for f in report.findings}
    assert any("shorter than the anchor" in f.detail or "比锚点短" in f.detail for f in report.findings)


def test_a_rehashed_chain_differs_from_a_typed_anchor(db: Database, db_path: Path, clock):
    with db.session(write=False) as s:
        length, head = anchors.chain_state(s.connection())
    typed = anchors.parse(f"{length}:{head.upper()}")
    assert _report(db, [typed]).ok
    wrong = anchors.parse(f"{length}:{'ab' * 32}")
    report = _report(db, [wrong])
    assert [f.row for f in report.findings if f.kind == "anchor"] == [str(length)]
    with pytest.raises(ValueError):
        anchors.parse("12:abc")


def test_restore_keeps_the_current_file_aside_and_counts_what_is_lost(db: Database, db_path: Path, clock):
    taken = backups.make(db_path, now=clock.now()).backup
    clock.advance(timedelta(minutes=5))
    written = clock.now().astimezone(UTC).strftime("%Y-%m-%d %H:%M")
    _add_someone(db, clock, "after.backup")
    db.dispose()
    clock.advance(timedelta(minutes=5))
    preview = backups.preview(db_path, taken)
    result = backups.restore(db_path, Path(taken.path), now=clock.now())
    assert result.lost_events == preview[0] == 1 and result.last_lost_at.startswith(written)
    aside = Path(result.kept_aside)
    stamp = clock.now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert aside.exists() and f"before-restore-{stamp}" in aside.name
    assert result.verdict.ok and result.verdict.audit_events == taken.verdict.audit_events
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT COUNT(*) FROM operator WHERE username = 'after.backup'").fetchone()[0] == 0
    con.close()
    # the anchors taken before the restore are not held against the restored file
    held = anchors.current(anchors.read(backups.folder_for(db_path)), anchors.db_key(db_path))
    assert [a.why for a in held] == []


def test_a_backup_that_fails_its_check_is_not_restored(db: Database, db_path: Path, clock, tmp_path: Path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ServiceError) as refused:
        backups.restore(db_path, junk, now=clock.now())
    assert refused.value.code == "bad_backup"
    assert db_path.exists()


def test_a_backup_changed_after_its_check_is_refused_and_the_current_file_stays(db: Database, db_path: Path, clock):
    taken = backups.make(db_path, now=clock.now()).backup
    db.dispose()
    con = sqlite3.connect(taken.path)
    con.execute("UPDATE audit_event SET action = 'forged' WHERE id = 2")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(ServiceError) as refused:
        backups.restore(db_path, Path(taken.path), now=clock.now())
    assert refused.value.code == "bad_backup"
    assert db_path.read_bytes() == before
    assert list(db_path.parent.glob("gatehouse.rejected-restore-*.sqlite3"))


def test_a_backup_still_as_it_was_checked_is_copied_byte_for_byte_without_a_second_full_check(
        db: Database, db_path: Path, clock, monkeypatch):
    taken = backups.make(db_path, now=clock.now()).backup
    assert len(taken.sha256) == 64
    db.dispose()

    def no_second_check(_path):  # type: ignore[no-untyped-def]
        raise AssertionError("the full check ran again on bytes that already passed it")

    monkeypatch.setattr(backups, "check_copy", no_second_check)
    result = backups.restore(db_path, Path(taken.path), now=clock.now() + timedelta(minutes=1))
    assert result.verdict.ok and db_path.read_bytes() == Path(taken.path).read_bytes()


def test_the_window_s_check_runs_apart_and_finds_what_the_check_in_process_finds(db: Database, db_path: Path,
                                                                                  clock):
    """The window checks its copies in a spawned child (their memory leaves with it): same verdict,
    a forged copy caught the same way, and a child that cannot run is a failed check, not a crash."""
    made = backups.make(db_path, now=clock.now(), why="start", apart=True)
    assert made.backup.ok, made.backup.verdict.findings
    here = backups.check_copy(Path(made.backup.path))
    apart = backups.check_copy_apart(Path(made.backup.path))
    assert apart == here and apart.audit_events > 0
    con = sqlite3.connect(made.backup.path)
    con.execute("UPDATE audit_event SET action = 'forged' WHERE id = 2")
    con.commit()
    con.close()
    forged = backups.check_copy_apart(Path(made.backup.path))
    assert not forged.ok and forged.findings == backups.check_copy(Path(made.backup.path)).findings


def test_a_check_whose_process_dies_is_a_failed_check(db: Database, db_path: Path, clock, monkeypatch):
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    made = backups.make(db_path, now=clock.now())

    def dies(*_a, **_k):  # type: ignore[no-untyped-def]
        raise BrokenProcessPool("A child process terminated abruptly")

    monkeypatch.setattr(ProcessPoolExecutor, "submit", dies)
    verdict = backups.check_copy_apart(Path(made.backup.path))
    assert not verdict.ok and "terminated abruptly" in verdict.integrity and verdict.findings


def test_where_no_child_can_start_the_check_runs_here(db: Database, db_path: Path, clock, monkeypatch):
    """A machine without a working sem_open (no /dev/shm) cannot start the pool: the copy is still
    checked, in this process, and a forged copy is still caught."""
    from concurrent.futures import ProcessPoolExecutor

    made = backups.make(db_path, now=clock.now())

    def no_pool(*_a, **_k):  # type: ignore[no-untyped-def]
        raise ImportError("This platform lacks a functioning sem_open implementation")

    monkeypatch.setattr(ProcessPoolExecutor, "__init__", no_pool)
    assert backups.check_copy_apart(Path(made.backup.path)).ok
    con = sqlite3.connect(made.backup.path)
    con.execute("UPDATE audit_event SET action = 'forged' WHERE id = 2")
    con.commit()
    con.close()
    assert not backups.check_copy_apart(Path(made.backup.path)).ok
