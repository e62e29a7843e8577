"""The board asks the database a fixed number of questions, however many timers are on it, and
reads what it shows before it writes (its clock mark) — so a refresh holds other stations' writes
up only for its two small writes."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import event

from desktop.services import disinfection, dwell
from tests.services.disinfection_helpers import ACTOR, add_arrival, add_goods, form


@contextmanager
def statements(db):
    seen: list[str] = []

    def note(conn, cursor, statement, params, context, executemany):
        seen.append(statement.split(None, 1)[0].upper())

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def _fill(db, clock, n: int) -> None:
    with db.session() as s:
        for _ in range(n):
            aid = add_arrival(s, plate=f"苏N{clock.now():%H%M%S%f}", at=clock.now())
            add_goods(s, now=clock.now(), arrival_id=aid, what="大米")
            add_goods(s, now=clock.now(), arrival_id=aid, what="食用油")
            disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, arrival_id=aid))
            clock.advance(timedelta(seconds=7))


def _refresh(db, clock) -> tuple[dwell.Board, list[str]]:
    with statements(db) as seen, db.session() as s:
        b = dwell.board(s, actor=ACTOR, clock=clock)
    return b, seen


def test_the_board_costs_the_same_queries_for_3_timers_and_for_30(db, clock):
    _fill(db, clock, 3)
    _refresh(db, clock)  # the first refresh of a boot starts this machine's clock segment
    few, few_sql = _refresh(db, clock)
    _fill(db, clock, 27)
    _refresh(db, clock)
    many, many_sql = _refresh(db, clock)
    assert len(few.rows) == 3 and len(many.rows) == 30
    assert len(many_sql) == len(few_sql), (few_sql, many_sql)


def test_what_the_board_shows_is_read_before_its_first_write(db, clock):
    _fill(db, clock, 5)
    _, seen = _refresh(db, clock)
    first_write = next(i for i, verb in enumerate(seen) if verb in {"INSERT", "UPDATE", "DELETE"})
    reads = [verb for verb in seen[first_write:] if verb == "SELECT"]
    assert len(reads) <= 8, seen  # the clock mark, the sweep and the witnesses only, not the rows


def test_the_board_names_each_vehicle_and_counts_its_goods(db, clock):
    _fill(db, clock, 2)
    b, _ = _refresh(db, clock)
    assert all(r.label.startswith("苏N") for r in b.rows)
    assert all("2批物资" in r.detail or "2 consignments" in r.detail for r in b.rows)


def _peek(db, clock) -> tuple[dwell.Board | None, list[str]]:
    with statements(db) as seen, db.session(write=False) as s:  # a plain BEGIN: no write lock taken
        b = dwell.peek(s, actor=ACTOR, clock=clock)
    return b, seen


def test_a_refresh_with_nothing_to_write_only_reads_in_a_fixed_number_of_queries(db, clock):
    _fill(db, clock, 3)
    _refresh(db, clock)  # the clock mark of this boot
    few, few_sql = _peek(db, clock)
    _fill(db, clock, 27)
    _refresh(db, clock)
    many, many_sql = _peek(db, clock)
    assert few is not None and many is not None
    assert len(few.rows) == 3 and len(many.rows) == 30
    assert len(many_sql) == len(few_sql) <= 10, (few_sql, many_sql)
    assert set(many_sql) <= {"BEGIN", "SELECT", "COMMIT", "ROLLBACK"}, many_sql
    full, _ = _refresh(db, clock)  # the board a write refresh shows is the same
    assert [(r.timer_id, r.label, r.detail, round(r.deadline_mono, 6)) for r in many.rows] == \
        [(r.timer_id, r.label, r.detail, round(r.deadline_mono, 6)) for r in full.rows]


def test_a_refresh_with_something_to_write_says_so(db, clock):
    _fill(db, clock, 2)  # recording a disinfection notes the clock: the mark is fresh
    assert _peek(db, clock)[0] is not None
    clock.advance(timedelta(seconds=dwell.MARK_EVERY_S + 1))
    assert _peek(db, clock)[0] is None  # the mark is due
    _refresh(db, clock)
    assert _peek(db, clock)[0] is not None
    with db.session(write=False) as s:
        minutes = dwell.dwell_minutes(s)
    clock.advance(timedelta(minutes=minutes))
    _refresh_mark_only(db, clock)
    assert _peek(db, clock)[0] is None  # dwells are over: their completion is to be recorded
    done, _ = _refresh(db, clock)
    assert done.rows and all(r.deadline_mono <= clock.read().mono for r in done.rows)
    assert _peek(db, clock)[0] is not None  # recorded: nothing more to write


def _refresh_mark_only(db, clock) -> None:
    with db.session() as s:
        dwell.observe(s, actor=ACTOR, reading=clock.read(), clock=clock)
