"""Growth (issue #16 item 7): how the figures that should not depend on the size of the database
move as it grows — release and refusal scan latency, cold start, the daily report and one
vehicle's timeline — at a given number of slips (`gatehouse bench --growth 10000 100000 1000000`).

One database per size: a few hundred slips made through the services (goods disinfected, dwell
over; the first ten belong to one vehicle's arrival), then `desktop.bench.scan.fill` adds the
filler slips, each with a release and a custody event, straight in SQL (no audit events: the
filler is the bulk of the rows, not of the audit log). Then, on that file:

- scans: every service-made slip released through `handoff.scan` (own transaction, commit), then
  each scanned again elsewhere (refused: already released); p50 and p99 of each;
- timeline: `timeline.vehicle_timeline` of the arrival, median of repeated reads;
- report: the daily report of the scans' site day, data (`reports.daily`) and PDF, median;
- start: a fresh process opening the window on the file (as `desktop.bench.startup`), median of
  the first paint and of the station pages ready.

10,000,000 slips works the same way (about 5 GB of temporary file and an hour here); it is not
part of any test or CI run.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from desktop.bench import median_ms
from desktop.bench.machine import load
from desktop.bench.scan import ISSUER, START, fill, new_site, pct, ready_slips, time_service

SCANS = 200
ARRIVAL_GOODS = 10


def _arrival(db: Any, numbers: list[str], now: Any) -> int:
    """One admitted vehicle that brought the goods of `numbers` (the timeline's subject)."""
    from sqlmodel import col, select

    from desktop.services import setup
    from desktop.store.models import Arrival, Consignment, Slip

    with db.session() as s:
        site = setup.require_site(s)
        arrival = Arrival(site_id=site.id or 0, plate="苏N12345", station="gate", arrived_at=now, status="admitted",
                          decision="enter", decided_by=ISSUER.operator, decided_at=now, created_by=ISSUER.operator)
        s.add(arrival)
        s.flush()
        ids = [x for x in s.exec(select(Slip.consignment_id).where(col(Slip.number).in_(numbers))).all() if x]
        for goods in s.exec(select(Consignment).where(col(Consignment.id).in_(ids))).all():
            goods.arrival_id = arrival.id
            s.add(goods)
        return arrival.id or 0


def _timeline_ms(db: Any, arrival_id: int) -> tuple[float, int]:
    from desktop.services import timeline

    entries: list[Any] = []

    def read() -> None:
        with db.session(write=False) as s:
            entries[:] = timeline.vehicle_timeline(s, arrival_id=arrival_id)

    ms = median_ms(read, repeat=10, warmup=2)
    return ms, len(entries)


def _report_ms(db: Any, now: Any, repeat: int = 3) -> float:
    from desktop.documents import fonts
    from desktop.documents.daily_report import build_daily_report
    from desktop.domain.localtime import site_today, site_tz
    from desktop.services import reports

    fonts.register()  # the font is the start's cost, not the report's
    day = site_today(now)

    def once() -> None:
        with db.session(write=False) as s:
            view = reports.daily(s, day=day, tz=site_tz(), now=now)
        build_daily_report(view)

    return median_ms(once, repeat=repeat, warmup=1)


def _start_ms(path: Path, repeat: int = 3) -> tuple[float, float]:
    from desktop.bench.startup import _GATEHOUSE, _child

    runs = [_child(_GATEHOUSE, str(path)) for _ in range(repeat)]
    return (statistics.median(r[0] for r in runs) * 1000, statistics.median(r[1] for r in runs) * 1000)


def run(slips_n: int, scans: int = SCANS, repeat: int = 3) -> dict[str, Any]:
    from desktop.domain.clock import ManualClock
    from desktop.store.migrate import open_database

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "growth.sqlite3"
        clock = ManualClock(start=START)
        db = open_database(str(path))
        try:
            new_site(db, clock)
            numbers = ready_slips(db, clock, max(2, scans))
            arrival_id = _arrival(db, numbers[:ARRIVAL_GOODS], clock.now())
            db.dispose()
            t0 = time.perf_counter()
            fill(path, slips_n)
            fill_s = time.perf_counter() - t0
            samples, kinds = time_service(db, clock, numbers)
            release, refusal = samples[:len(numbers)], samples[len(numbers):]
            timeline_ms, entries = _timeline_ms(db, arrival_id)
            report_ms = _report_ms(db, clock.now(), repeat)
        finally:
            db.dispose()
        paint_ms, ready_ms = _start_ms(path, repeat)
        size_mb = path.stat().st_size / 1e6
    return {"slips": slips_n, "size_mb": round(size_mb, 1), "fill_seconds": round(fill_s, 1), "scans": len(numbers),
            "verdicts": kinds, "release_p50_ms": round(pct(release, 50), 2), "release_p99_ms": round(pct(release, 99), 2),
            "refusal_p50_ms": round(pct(refusal, 50), 2), "refusal_p99_ms": round(pct(refusal, 99), 2),
            "start_paint_ms": round(paint_ms, 1), "start_ready_ms": round(ready_ms, 1),
            "report_ms": round(report_ms, 1), "timeline_ms": round(timeline_ms, 2), "timeline_entries": entries,
            "load_average": load()}
