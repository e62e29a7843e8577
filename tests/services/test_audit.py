import sqlite3

from desktop.services import audit, setup, verify
from desktop.services.context import Actor


def test_chain_is_intact_after_changes(db, clock):
    with db.session() as s:
        setup.set_setting(s, actor=Actor("admin", "admin"), now=clock.now(), key="x", value={"a": 1})
    with db.session(write=False) as s:
        report = verify.verify(s, dialect=db.dialect)
    assert report.ok
    assert report.audit_events >= 5


def test_editing_one_stored_field_names_that_event(db, db_path, clock):
    with db.session() as s:
        for i in range(5):
            setup.set_setting(s, actor=Actor("admin", "admin"), now=clock.now(), key=f"k{i}", value=i)
    db.dispose()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE audit_event SET operator = 'mallory' WHERE id = 4")
    with db.session(write=False) as s:
        report = verify.verify(s, dialect=db.dialect)
    assert not report.ok
    assert report.first_broken_event == 4


def test_deleting_the_last_event_is_noticed(db, db_path):
    db.dispose()
    with sqlite3.connect(db_path) as raw:
        raw.execute("DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)")
    with db.session(write=False) as s:
        report = verify.verify(s, dialect=db.dialect)
    assert not report.ok and not report.head_ok


def test_change_and_audit_event_share_one_transaction(db, clock):
    actor = Actor("admin", "admin")
    try:
        with db.session() as s:
            setup.set_setting(s, actor=actor, now=clock.now(), key="lost", value=1)
            raise RuntimeError("crash mid-operation")
    except RuntimeError:
        pass
    with db.session(write=False) as s:
        assert setup.get_setting(s, "lost") is None
        assert all(e["entity_id"] != "lost" for e in audit.recent(s))


def shown_without_digests(db, now) -> None:  # type: ignore[no-untyped-def]
    """audit.recent shows each event's data as stored, less its row digests — stripped by the
    database, so the screen never parses the ~90 KB of digests an upgrade's adoption event holds."""
    import json

    from desktop.services import audit_rows
    from desktop.store.models import AuditEvent

    with db.session() as s:
        setup.add_operator(s, actor=Actor("admin", "admin"), now=now, username="shown", display_name="Shown",
                           role="gate", pin="4321")
    with db.session(write=False) as s:
        stored = {e.id: json.loads(e.data) for e in s.exec(audit.select(AuditEvent)).all()}
        shown = audit.recent(s, limit=1000)
    with_digests = [e for e in shown if audit_rows.DATA_KEY in stored[e["id"]]]
    assert with_digests, "no event carried row digests: nothing was tested"
    for e in shown:
        expected = {k: v for k, v in stored[e["id"]].items() if k != audit_rows.DATA_KEY}
        assert e["data"] == expected
    assert shown[0]["action"] == "operator.add" and shown[0]["data"]["username"] == "shown"


def test_recent_shows_events_without_their_row_digests(db, clock):
    shown_without_digests(db, clock.now())


def pages_back(db, now) -> None:  # type: ignore[no-untyped-def]
    """audit.recent pages back by the last event shown (keyset): every event once, newest first,
    and a page read while events are appended does not shift. Run on SQLite here and on
    PostgreSQL by tests/store/test_postgres.py."""
    with db.session() as s:
        for i in range(12):
            setup.set_setting(s, actor=Actor("admin", "admin"), now=now, key=f"p{i}", value=i)
    with db.session(write=False) as s:
        whole = [e["id"] for e in audit.recent(s, limit=10_000)]
        pages, before = [], None
        while True:
            page = audit.recent(s, limit=5, before_id=before)
            if not page:
                break
            pages.append([e["id"] for e in page])
            before = page[-1]["id"]
    assert len(whole) >= 12 and all(len(p) == 5 for p in pages[:-1])
    assert [i for p in pages for i in p] == whole  # newest first, each event once
    # an event written while someone reads page 2 does not shift page 2
    with db.session() as s:
        setup.set_setting(s, actor=Actor("admin", "admin"), now=now, key="late", value=1)
    with db.session(write=False) as s:
        assert [e["id"] for e in audit.recent(s, limit=5, before_id=pages[0][-1])] == pages[1]


def test_recent_pages_by_the_last_event_shown_without_gaps_or_repeats(db, clock):
    pages_back(db, clock.now())
