"""Verify of a long log: the fast walk finds what the careful one finds, tells how far it is, and
stops when asked."""

from __future__ import annotations

import pytest

from desktop.bench.audit_fill import fill_audit
from desktop.domain import audit_chain
from desktop.services import verify


def _events(db_path, n):
    fill_audit(db_path, n)


def test_progress_counts_up_to_every_event_checked(db, db_path):
    _events(db_path, 23_000)
    seen: list[tuple[int, int]] = []
    with db.session(write=False) as s:
        report = verify.verify(s, dialect="sqlite", progress=lambda done, total: seen.append((done, total)))
    assert report.ok, report.lines()
    assert len(seen) >= 3  # every batch, then the end
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[0][1] == report.audit_events  # the total is known from the start (the last id)
    assert seen[-1] == (report.audit_events, report.audit_events)


def test_cancel_stops_the_walk_with_how_far_it_got(db, db_path):
    _events(db_path, 23_000)
    calls = []

    def stop_after_first(done, total):
        calls.append(done)
        return len(calls) < 2

    with db.session(write=False) as s, pytest.raises(verify.Cancelled) as stopped:
        verify.verify(s, dialect="sqlite", progress=stop_after_first)
    assert len(calls) == 2 and stopped.value.checked == calls[-1] < 23_000
    assert str(calls[-1]) in str(stopped.value)


def test_fast_walk_names_a_changed_event_in_the_middle_of_a_batch(db, db_path):
    import sqlite3

    _events(db_path, 15_000)
    con = sqlite3.connect(db_path)
    con.execute("UPDATE audit_event SET operator = 'mallory' WHERE id = 12345")
    con.execute("UPDATE audit_event SET data = ' {\"x\":1}' WHERE id = 12350")  # padded JSON: still JSON
    con.commit()
    con.close()
    with db.session(write=False) as s:
        report = verify.verify(s, dialect="sqlite")
    assert report.first_broken_event == 12345
    assert [(f.kind, f.row) for f in report.findings] == [("chain", "12345"), ("chain", "12350")]
    assert report.audit_events > 15_000


def test_the_direct_canonical_hash_is_the_general_one():
    fields = {"id": 7, "at": "2026-12-01T08:00:00.123456+00:00", "operator": 'a"b\\c', "station": "卡口\n\t\x01",
              "action": "x\u2028y", "entity": "", "entity_id": "12", "data": '{"k":"中文","n":[1,2]}'}
    assert audit_chain.event_hash_of("f" * 64, fields) == audit_chain.event_hash("f" * 64, fields)
    odd = {**fields, "id": "7"}
    assert audit_chain.event_hash_of("f" * 64, odd) == audit_chain.event_hash("f" * 64, odd)
