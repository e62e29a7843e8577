"""The dwell timer board with 500 running timers: one update of the widget (`board.paint.500`),
and one refresh of its data from the database (`board.refresh.500`).

The refresh (registered as `desktop.bench.board_refresh`) is what the board asks every 10 s: `dwell.peek` in a read-only transaction (no write
lock), or — when it has something to write (a dwell come due, the station's clock mark) — `dwell.board`
in a write transaction. Both are timed and their SQL statements counted, interleaved with a
reference: one bare SELECT of the same timers joined to their disinfections and vehicles.

"One update" is what the board's single QTimer does each second: read the clock, look for new
completions, then paint the rows that are visible (a 1366x768 screen shows about eight) into an
image the size of the viewport. Qt is run offscreen unless a platform is already chosen.
"""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

from desktop.bench import figure

TIMERS = 500
TARGET_MS = 4.0
MAX_QUERIES = 10  # "a fixed small number of queries"


def _board(rows: int, clock):  # type: ignore[no-untyped-def]
    from desktop.services.dwell import Board, BoardRow

    r = clock.read()
    made = [BoardRow(i + 1, i + 1, f"苏N{10000 + i}", "卸货点 第2次 · 3批物资", "unloading_point", 30,
                     r.wall - timedelta(seconds=i * 3), r.mono + 60 + i * 3, False, False) for i in range(rows)]
    return Board(r.boot_id, made, 1800.0, 0.0)


def _fill(db: Any, clock: Any, timers: int) -> None:
    from desktop.services import consignments, disinfection
    from desktop.services.context import Actor
    from desktop.store.models import Arrival

    actor = Actor("bench", "disinfection")
    with db.session() as s:
        for i in range(timers):
            now = clock.now()
            arrival = Arrival(site_id=1, plate=f"苏N{10000 + i}", arrived_at=now, status="admitted", created_by="bench")
            s.add(arrival)
            s.flush()
            for what in ("大米", "食用油"):
                consignments.create(s, actor=actor, now=now, category="粮油", description=what, quantity=10,
                                    unit="袋", arrival_id=arrival.id)
            form = disinfection.DisinfectionForm(
                location="unloading_point", agent="84消毒液", dilution="1:100", parts=("轮胎", "外包装"),
                operators=("bench",), ppe_mask=True, ppe_gloves=True, ppe_gown=True,
                started_at=now - timedelta(minutes=4), ended_at=now, arrival_id=arrival.id)
            disinfection.record(s, actor=actor, clock=clock, form=form)
            clock.advance(timedelta(seconds=1))


def _counted(db: Any, fn: Any, *, write: bool) -> tuple[float, int, Any]:
    import time

    from sqlalchemy import event

    seen = []

    def note(*_args: Any) -> None:
        seen.append(1)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        start = time.perf_counter()
        with db.session(write=write) as s:
            result = fn(s)
        return (time.perf_counter() - start) * 1000, len(seen), result
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def refresh_figure(timers: int = TIMERS, repeat: int = 15) -> dict[str, Any]:
    """`board.refresh.500`: the board's data at `timers` running timers, beside a bare SELECT."""
    import statistics
    import tempfile
    from pathlib import Path

    from sqlalchemy import text

    from desktop.bench.scan import new_site
    from desktop.domain.clock import ManualClock
    from desktop.services import dwell
    from desktop.services.context import Actor
    from desktop.store.migrate import open_database

    actor = Actor("bench", "disinfection")
    bare = text("SELECT t.*, d.location, d.round, a.plate FROM dwell_timer t JOIN disinfection d"
                " ON d.id = t.disinfection_id LEFT JOIN arrival a ON a.id = d.arrival_id"
                " WHERE t.state IN ('running', 'complete')")
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "board.sqlite3"))
        try:
            clock = ManualClock()
            new_site(db, clock)
            _fill(db, clock, timers)
            _counted(db, lambda s: dwell.board(s, actor=actor, clock=clock), write=True)  # this boot's mark
            peeks, writes, refs, peek_q, write_q, ref_rows = [], [], [], 0, 0, 0
            for i in range(repeat):  # interleaved: reference, read refresh, write refresh
                ms, _, rows = _counted(db, lambda s: s.connection().execute(bare).fetchall(), write=False)
                refs.append(ms)
                ref_rows = len(rows)
                ms, peek_q, board = _counted(db, lambda s: dwell.peek(s, actor=actor, clock=clock), write=False)
                assert board is not None and len(board.rows) == timers, "the board had something to write"
                peeks.append(ms)
                if i % 3 == 0:
                    ms, write_q, _ = _counted(db, lambda s: dwell.board(s, actor=actor, clock=clock), write=True)
                    writes.append(ms)
                clock.advance(timedelta(seconds=1))
        finally:
            db.dispose()
    value, ref = statistics.median(peeks), statistics.median(refs)
    return figure(f"dwell board refresh, {timers} timers (read-only peek)", value, "ms",
                  "one bare SELECT of the same timers", ref,
                  f"no write transaction; ≤ {MAX_QUERIES} queries, whatever the number of timers",
                  peek_q <= MAX_QUERIES, key="board.refresh.500", timers=timers, queries=peek_q,
                  write_refresh_ms=round(statistics.median(writes), 3), write_refresh_queries=write_q,
                  reference_rows=ref_rows)


def run() -> list[dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.domain.clock import ManualClock
    from desktop.gui.measure import board_update_ms

    clock = ManualClock()
    results = {name: board_update_ms(lambda rows=rows: _board(rows, clock), clock, rows)
               for name, rows in (("empty", 0), ("full", TIMERS))}
    full, empty = results["full"], results["empty"]
    return [figure(f"dwell board update, {TIMERS} running timers", full, "ms", "empty board update", empty,
                   f"< {TARGET_MS:g} ms", full < TARGET_MS, key="board.paint.500", timers=TIMERS)]
