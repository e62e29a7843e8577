"""How much SQL one scan sends (issue #16: a release at the speed of one commit).

A release used to send 23 statements (BEGIN included) with the ORM loading the operator, the clock
marks and a digest read-back of every row it wrote; a refused repeat 15, an unknown code 12. The
Core path reads the slip and everything its verdict needs in one joined read, lets the INSERT's
UNIQUE slip_id decide, gets each written row's digest from the write's own RETURNING, and appends
one audit event. These bounds hold that shape; the rows written are still held to their digests
by `verify` (checked here after the scans).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from handoff_world import bag_labels, ready_slip
from sqlalchemy import event

from desktop.domain import codes
from desktop.services import handoff, verify
from desktop.services.context import Actor
from desktop.services.handoff import VerdictKind as V
from desktop.services.setup import require_site

A = Actor("liu.yang", "handoff")
B = Actor("sun.li", "handoff-2")
TO = {"receiver": "王师傅", "destination": "一食堂"}

RELEASE_MAX = 15  # BEGIN, role, clock mark (read, move), site, slip, joined read, release, goods, timer,
#                   custody, audit head, event, head moved (+1 for the marks a running timer's dwell reads)
REFUSAL_MAX = 11  # BEGIN, role, clock mark (read, move), site, slip, joined read, custody, audit (3)
UNKNOWN_MAX = 11  # BEGIN, role, clock mark (read, move), site, slip (none), repeat check by code, custody,
#                   audit (3)


@contextmanager
def statements(db) -> Iterator[list[str]]:
    sent: list[str] = []

    def note(_conn, _cursor, statement, _parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        sent.append(" ".join(statement.split())[:90])

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def scan(db, clock, code, actor=A):
    clock.advance(3)  # past the repeat window
    with db.session() as s:
        return handoff.scan(s, code=code, actor=actor, clock=clock, **TO)


def test_a_release_and_a_refusal_send_a_fixed_small_number_of_statements(db, clock):
    with db.session() as s:
        warm = ready_slip(s, clock.read())
        number = ready_slip(s, clock.read())
        site = require_site(s).code
    scan(db, clock, warm)  # statements built and cached once per process; the counts are per scan
    with statements(db) as sent:
        released = scan(db, clock, number)
    assert released.kind is V.OK
    assert len(sent) <= RELEASE_MAX, "\n".join(sent)
    assert sum(s.startswith("INSERT INTO audit_event") for s in sent) == 1  # one event carries the three
    assert not any(s.startswith("SELECT CAST") for s in sent), sent  # no digest read back
    with statements(db) as sent:
        refused = scan(db, clock, number, actor=B)
    assert refused.kind is V.ALREADY
    assert len(sent) <= REFUSAL_MAX, "\n".join(sent)
    with statements(db) as sent:
        unknown = scan(db, clock, codes.new_code(site))
    assert unknown.kind is V.UNKNOWN
    assert len(sent) <= UNKNOWN_MAX, "\n".join(sent)
    with db.session(write=False) as s:
        assert verify.verify(s, dialect=db.dialect).ok


def test_bag_pickups_on_the_core_path_still_verify(db, clock):
    with db.session() as s:
        _cid, labels = bag_labels(s, clock.read(), 2)
    assert [scan(db, clock, n).kind for n in labels] == [V.OK, V.OK]
    assert scan(db, clock, labels[0], actor=B).kind is V.ALREADY
    with db.session(write=False) as s:
        assert verify.verify(s, dialect=db.dialect).ok
