"""Personal data: masked forms and keyed hashes in the record, full values shown only on request
(audited), and a retention purge that leaves no ID number in the file, its WAL or a backup."""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from desktop.services import approvals, audit, demo, gate, privacy, purge, verify
from desktop.services.approvals import ApprovalDraft, OccupantDraft
from desktop.services.context import Actor, ServiceError
from desktop.store.migrate import open_database
from desktop.store.models import (
    ApprovalOccupant,
    AuditEvent,
    Consignment,
    HouseholdOrder,
    OccupantCheck,
    Setting,
)
from tests.services.sheets import DRIVER_IDS

pytestmark = pytest.mark.usefixtures("site_points")

NOW = datetime(2026, 11, 30, 0, 30, tzinfo=UTC)  # 08:30 in Suqian
DAY = date(2026, 11, 30)
PHONE = "13812345678"
ADMIN = Actor("admin", "admin")
# any resident ID number, known to the test or not: area, birth date, sequence, check character
# An 18-digit ID number standing alone: not a run of digits inside a hex digest (the audit chain's and
# the keyed hashes' hex, which change with each site's random key, hold such runs now and then).
FULL_NUMBER = re.compile(rb"(?<![0-9A-Fa-f])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
                         rb"[0-9]{3}[0-9Xx](?![0-9A-Fa-f])")


def _arrive(db, actor):
    with db.session() as s:
        point = next(iter(approvals._point_names(s)))
        approvals.add(s, actor=actor, now=NOW - timedelta(days=1), draft=ApprovalDraft(
            plate="苏N12345", arrival_date=DAY, supplier_name="宿迁市苏果超市配送中心", unloading_point_id=point,
            occupants=(OccupantDraft("张建国", DRIVER_IDS[0], PHONE, test_sampled_at=NOW - timedelta(hours=20)),)),
            approve=True)
    with db.session() as s:
        found = gate.lookup(s, query="苏N12345", now=NOW)
        return gate.check_in(s, actor=actor, now=NOW, plate=found.plate, occupants=[p.confirmed() for p in found.prefill],
                             approval_id=found.approval.id)


def test_the_audit_log_keeps_masked_numbers_and_a_keyed_hash_that_finds_the_person(db, actor):
    _arrive(db, actor)
    with db.session(write=False) as s:
        data = " ".join(e.data for e in s.exec(select(AuditEvent)).all())
        key = s.get(Setting, privacy.KEY_SETTING).value.strip('"')
        found = privacy.find_events(s, id_number=DRIVER_IDS[0].lower())  # as typed, any case
        nobody = privacy.find_events(s, id_number=DRIVER_IDS[1])
        check = audit.recent(s, action_prefix="gate.check_in")[0]
        report = verify.verify(s, dialect=db.dialect)
    assert DRIVER_IDS[0] not in data and PHONE not in data and key not in data
    assert {e["action"] for e in found} == {"approval.add", "gate.check_in"} and nobody == []
    person = check["data"]["occupants"][0]
    assert person["id_number"] == DRIVER_IDS[0][:3] + "*" * 11 + DRIVER_IDS[0][-4:]
    assert len(person["id_hash"]) == privacy.HASH_CHARS
    assert report.ok, report.findings


def test_showing_a_full_number_is_audited_and_only_for_the_gate(db, actor):
    arrival = _arrive(db, actor)
    with db.session(write=False) as s:
        row_id = s.exec(select(OccupantCheck.id).where(OccupantCheck.arrival_id == arrival.id)).one()
    with db.session() as s:
        shown = privacy.reveal(s, actor=Actor("li.qiang", "gate"), now=NOW, entity="occupant_check",
                               entity_id=row_id)
    assert shown == {"id_number": DRIVER_IDS[0], "phone": PHONE}
    with pytest.raises(ServiceError) as err, db.session() as s:
        privacy.reveal(s, actor=Actor("wang.fang", "review"), now=NOW, entity="occupant_check", entity_id=row_id)
    assert err.value.code == "forbidden"
    with pytest.raises(ServiceError) as err, db.session() as s:
        privacy.reveal(s, actor=actor, now=NOW, entity="operator", entity_id=1, fields=("pin_hash",))
    assert err.value.code == "bad_field"
    with db.session(write=False) as s:
        seen = audit.recent(s, action_prefix="privacy.reveal")
    assert [(e["operator"], e["entity_id"], e["data"]["fields"]) for e in seen] == [
        ("li.qiang", str(row_id), ["id_number", "phone"])]
    assert DRIVER_IDS[0] not in str(seen) and PHONE not in str(seen)


def _bytes(db_file: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (db_file, Path(f"{db_file}-wal")) if p.exists())


def test_a_purge_leaves_no_id_number_in_the_file_its_wal_or_a_backup_and_verify_passes(tmp_path):
    path = tmp_path / "demo.sqlite3"
    db = open_database(str(path))
    day = date(2026, 10, 1)
    later = datetime(2026, 11, 12, 2, 0, tzinfo=UTC)  # 41 days on: past the 30 days kept
    try:
        demo.build(db, day=day, now=datetime(2026, 10, 1, 12, 0, tzinfo=UTC))
        with db.session(write=False) as s:
            ids = {o.id_number for o in s.exec(select(ApprovalOccupant)).all() if o.id_number}
            ids |= {c.id_number for c in s.exec(select(OccupantCheck)).all() if c.id_number}
            phones = {o.phone for o in s.exec(select(ApprovalOccupant)).all() if o.phone}
            phones |= {h.phone for h in s.exec(select(HouseholdOrder)).all() if h.phone}
            phones |= set(re.findall(r"1[3-9][0-9]{9}", " ".join(c.recipient for c in s.exec(select(Consignment)).all())))
            rows_before = len(s.exec(select(OccupantCheck)).all())
            too_soon = purge.plan(s, now=datetime(2026, 10, 20, 2, 0, tzinfo=UTC))
            due = purge.plan(s, now=later)
        assert len(ids) >= 8 and all(i.encode() in _bytes(path) for i in ids) and FULL_NUMBER.search(_bytes(path))
        assert too_soon.total == 0 and due.counts["approval_occupant"] > 0 and due.counts["attachment"] > 0
        assert due.counts["free_text"] > 0  # the demo's "校医院 王医生 138…" recipient
        assert due.oldest == day
        backups = tmp_path / "backups"
        backups.mkdir()
        with sqlite3.connect(path) as src, sqlite3.connect(backups / "old.sqlite3") as dst:
            src.backup(dst)
        with pytest.raises(ServiceError) as err, db.session() as s:
            purge.purge(s, actor=Actor("duty", "gate"), now=later)  # a supervisor is not an administrator
        assert err.value.code == "forbidden"
        with db.session() as s:
            done = purge.purge(s, actor=ADMIN, now=later)
        assert done.counts == due.counts
    finally:
        db.dispose()
    purge.compact(path)
    [copy] = purge.backup_files(path)
    assert purge.purge_file(copy, actor=ADMIN, now=later).counts == due.counts
    for f in (path, copy):
        assert not [i for i in ids if i.encode() in _bytes(f)], f
        assert len(phones) > 10 and not [p for p in phones if p.encode() in _bytes(f)], f
        assert not FULL_NUMBER.search(_bytes(f)), f
    for f in (path, copy):
        again = open_database(str(f))
        try:
            with again.session(write=False) as s:
                report = verify.verify(s, dialect=again.dialect)
                left = purge.plan(s, now=later)
                assert len(s.exec(select(OccupantCheck)).all()) == rows_before  # counts stay
                events = audit.recent(s, action_prefix="privacy.purge")
        finally:
            again.dispose()
        assert report.ok, (f, report.findings)
        assert left.total == 0 and events[0]["data"]["counts"] == due.counts


def test_purge_file_of_a_copy_elsewhere_is_found_in_the_second_folder(tmp_path):
    db_file = tmp_path / "live.sqlite3"
    db_file.write_bytes(b"")
    usb = tmp_path / "usb"
    usb.mkdir()
    shutil.copy(db_file, usb / "a.sqlite3")
    (usb / "notes.txt").write_text("x")
    assert purge.backup_files(db_file, str(usb)) == [usb / "a.sqlite3"]


def test_custody_events_keep_no_full_number_typed_or_scanned(db, clock):
    from handoff_world import ready_slip

    from desktop.services import handoff
    from desktop.store.models import CustodyEvent

    scanner = Actor("liu.yang", "handoff")
    with db.session() as s:
        number = ready_slip(s, clock.read())
    with db.session() as s:
        assert handoff.scan(s, code=number, actor=scanner, clock=clock, receiver=f"王师傅 {PHONE}",
                            destination="一食堂").ok
    with db.session() as s:  # an ID card read by the scanner instead of a slip
        assert not handoff.scan(s, code=DRIVER_IDS[2], actor=scanner, clock=clock).ok
    with db.session(write=False) as s:
        rows = " ".join(f"{e.code_raw} {e.holder} {e.location} {e.reason}" for e in s.exec(select(CustodyEvent)).all())
        data = " ".join(e.data for e in s.exec(select(AuditEvent)).all())
        report = verify.verify(s, dialect=db.dialect)
    assert "王师傅 138****5678" in rows and number in rows
    for text in (rows, data):
        assert PHONE not in text and DRIVER_IDS[2] not in text
    assert report.ok, report.findings


def test_a_household_is_found_by_its_phone_as_people_write_it(db, clock):
    from household_sheets import households, write_csv

    from desktop.services import households as orders

    rows = households(2, ("1号楼",), 0)
    phone = str(rows[0][5])
    with db.session() as s:
        orders.import_file(s, actor=Actor("wang.fang", "review"), now=clock.now(),
                           path=write_csv(Path(db.path).parent / "o.csv", rows), batch="B1")
    spaced = f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    with db.session(write=False) as s:
        found = privacy.find_events(s, phone=spaced)
        data = " ".join(e.data for e in s.exec(select(AuditEvent)).all())
    assert [e["action"] for e in found] == ["household.order"] and phone not in data
    assert found[0]["data"]["phone"] == phone[:3] + "****" + phone[-4:]
