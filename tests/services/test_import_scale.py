"""Issue #11 item 7 / #16 item 3: a 10,000-row list imports in short write transactions, with
progress and cancel, and to the person it is all or nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import event, func
from sqlmodel import select

from desktop.services import approvals, audit, import_staging, verify
from desktop.services.context import ServiceError
from desktop.store.models import Approval, ApprovalOccupant
from tests.services.sheets import DRIVER_IDS, HEADER

pytestmark = pytest.mark.usefixtures("site_points")

NOW = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)
DAY = date(2026, 11, 30)


def big_sheet(path: Path, n: int) -> Path:
    """n vehicles, every field a row can give in its own column."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("名单")
    ws.append(HEADER)
    for i in range(n):
        ws.append([f"苏N{i:05d}", "宿迁市苏果超市配送中心", f"司机{i}", DRIVER_IDS[i % len(DRIVER_IDS)],
                   f"138{i:08d}", "", f"大米 {i % 90 + 1}袋", DAY.isoformat(), "接驳", "", "", "", ""])
    wb.save(path)
    return path


def counts(db) -> tuple[int, int]:
    with db.session(write=False) as s:
        shown = s.exec(select(func.count()).select_from(Approval)
                       .where(Approval.status != import_staging.STAGING)).one()
        staged = s.exec(select(func.count()).select_from(Approval)
                        .where(Approval.status == import_staging.STAGING)).one()
    return shown, staged


def transaction_statements(db) -> list[int]:
    """How many statements each committed write transaction on the engine ran (how long they held
    the database is the bench's to measure: `import.approvals.10k`, longest transaction)."""
    done: list[int] = []
    running: dict[int, int] = {}

    @event.listens_for(db.engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        running[id(conn)] = 0

    @event.listens_for(db.engine, "before_cursor_execute")
    def _statement(conn, *_args):  # type: ignore[no-untyped-def]
        if id(conn) in running:
            running[id(conn)] += 1

    @event.listens_for(db.engine, "commit")
    def _commit(conn):  # type: ignore[no-untyped-def]
        if id(conn) in running:
            done.append(running.pop(id(conn)))

    return done


def assert_verified(db) -> None:
    with db.session(write=False) as s:
        report = verify.verify(s, dialect=db.dialect)
    assert report.ok, report.lines()


@pytest.mark.slow
def test_ten_thousand_rows_import_in_short_transactions(db, actor, tmp_path):
    path = big_sheet(tmp_path / "万行.xlsx", 10_000)
    seen: list[tuple[int, int]] = []
    statements = transaction_statements(db)
    with db.session() as s:
        report = approvals.import_file(s, actor=actor, now=NOW, path=path, progress=lambda d, n: seen.append((d, n)))
    assert (report.imported, report.rejected) == (10_000, [])
    assert seen[0] == (0, 10_000) and seen[-1] == (10_000, 10_000)
    assert counts(db) == (10_000, 0)
    # every write transaction short by construction (timing it is the bench's job, not a test's on
    # a loaded machine): chunks of at most CHUNK_ROWS rows, and the one that shows all 10,000 rows
    # a few set-based statements, as many as it would be for ten rows
    chunks, shown = statements[:-1], statements[-1]
    assert len(chunks) >= 10_000 // import_staging.CHUNK_ROWS, statements
    assert max(chunks) <= import_staging.CHUNK_ROWS * 12, max(chunks)
    assert shown <= 25, shown
    with db.session(write=False) as s:
        last = s.exec(select(Approval).where(Approval.plate == "苏N09999")).one()
        assert (last.status, last.arrival_date, last.mode, last.cargo_summary) == ("pending", DAY, "handoff", "大米 10袋")
        driver = s.exec(select(ApprovalOccupant).where(ApprovalOccupant.approval_id == last.id)).one()
        assert (driver.name, driver.phone) == ("司机9999", "13800009999")
    assert_verified(db)


def test_cancel_half_way_leaves_nothing_of_the_sheet(db, actor, tmp_path, monkeypatch):
    monkeypatch.setattr(import_staging, "CHUNK_ROWS", 100)  # several chunks are committed before the cancel
    path = big_sheet(tmp_path / "名单.xlsx", 600)
    done: list[int] = []
    with pytest.raises(ServiceError) as err, db.session() as s:
        approvals.import_file(s, actor=actor, now=NOW, path=path, progress=lambda d, n: done.append(d),
                              cancelled=lambda: done[-1] >= 300)
    assert err.value.code == "cancelled"
    assert counts(db) == (0, 0)
    with db.session(write=False) as s:
        actions = [e["action"] for e in audit.recent(s, limit=100)]
        assert approvals.list_for_date(s, DAY) == []
    assert actions.count("approval.import.staged") >= 2 and "approval.import.discarded" in actions
    assert "approval.import" not in actions
    assert_verified(db)


def test_a_failure_half_way_deletes_what_was_staged(db, actor, tmp_path, monkeypatch):
    monkeypatch.setattr(import_staging, "CHUNK_ROWS", 50)

    def explode(done, total):
        if done == 120:
            raise OSError("disk gone")

    with pytest.raises(OSError), db.session() as s:
        approvals.import_file(s, actor=actor, now=NOW, path=big_sheet(tmp_path / "a.xlsx", 200), progress=explode)
    assert counts(db) == (0, 0)
    assert_verified(db)


def test_a_batch_left_by_a_crash_is_invisible_and_cleared_by_the_next_import(db, actor, tmp_path, monkeypatch):
    monkeypatch.setattr(import_staging, "CHUNK_ROWS", 50)
    monkeypatch.setattr(import_staging.Stager, "discard", lambda self, why: 0)  # the process died instead
    path = big_sheet(tmp_path / "a.xlsx", 120)
    done: list[int] = []
    with pytest.raises(ServiceError), db.session() as s:
        approvals.import_file(s, actor=actor, now=NOW, path=path, progress=lambda d, n: done.append(d),
                              cancelled=lambda: done[-1] >= 100)
    shown, staged = counts(db)
    assert shown == 0 and staged > 0
    with db.session(write=False) as s:
        assert approvals.list_for_date(s, DAY) == [] and approvals.for_plate(s, "苏N00001", DAY) == []
    monkeypatch.undo()
    with db.session() as s:
        report = approvals.import_file(s, actor=actor, now=NOW, path=path)
    assert (report.imported, report.unchanged) == (120, 0)
    assert counts(db) == (120, 0)
    assert_verified(db)


def test_approve_on_import_shows_the_rows_approved(db, actor, tmp_path):
    with db.session() as s:
        report = approvals.import_file(s, actor=actor, now=NOW, path=big_sheet(tmp_path / "a.xlsx", 5), approve=True)
    assert report.imported == 5
    with db.session(write=False) as s:
        assert {a.status for a in approvals.list_for_date(s, DAY)} == {"approved"}
    assert_verified(db)


def test_a_vehicle_another_station_approved_meanwhile_is_refused_when_the_import_finishes(db, actor, tmp_path,
                                                                                         monkeypatch):
    monkeypatch.setattr(import_staging, "CHUNK_ROWS", 10)
    commit = import_staging.Stager.commit_chunk
    added: list[int] = []

    def meanwhile(self):  # between two chunks, the review desk adds 苏N00003 by hand
        commit(self)
        if len(self.ids) >= 20 and not added:
            with db.session() as other:
                added.append(approvals.add(other, actor=actor, now=NOW, draft=approvals.ApprovalDraft(
                    "苏N00003", DAY, "别的公司", (approvals.OccupantDraft("钱七", DRIVER_IDS[6], "13900000000"),))).id)

    monkeypatch.setattr(import_staging.Stager, "commit_chunk", meanwhile)
    with db.session() as s:
        report = approvals.import_file(s, actor=actor, now=NOW, path=big_sheet(tmp_path / "a.xlsx", 40))
    assert added
    assert report.imported == 39 and [(p.row, p.plate) for p in report.rejected] == [(5, "苏N00003")]
    assert "已有审批" in report.rejected[0].reason and report.rejected[0].column == "车牌号"
    with db.session(write=False) as s:
        (only,) = approvals.for_plate(s, "苏N00003", DAY)
        assert only.supplier_name == "别的公司"
    assert counts(db) == (40, 0)
    assert_verified(db)
