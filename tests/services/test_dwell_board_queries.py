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
