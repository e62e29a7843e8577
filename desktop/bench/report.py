"""The daily report of a busy day, data included: 2,000 vehicles (quick: 200) in a database —
approvals with their cargo, goods registered at the gate for half of them, refusals, overrides,
violations, disinfections with dwell timers, slips issued, voided and released — read with
`reports.daily` and laid out as the A4 PDF and as the .xlsx, each beside the same report of an
empty day of the same database, sampled alternately (busy, empty, busy, …) so load hits both alike.

The figure is the whole report as the window makes it: one read-only session, the queries, the
layout. The statements the busy and the empty day ask are counted (a SQLAlchemy event listener):
set-based reading asks as many for 2,000 vehicles as for none.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.bench import figure, quick

VEHICLES = 2000
QUICK_VEHICLES = 200
TARGET_S = 0.5
DAY = date(2026, 11, 30)  # a Suqian day: 2026-11-29 16:00 UTC to 2026-11-30 16:00 UTC
EMPTY_DAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
GOODS = (("大米", "东北大米", 60, "袋"), ("食用油", "", 24, "桶"), ("鸡蛋", "", 30, "箱"), ("蔬菜", "青菜、土豆", 120, "公斤"))


def sample_view(vehicles: int):  # type: ignore[no-untyped-def]
    """A report view made of plain values (no database): for layout tests."""
    from desktop.documents.daily_report import Anomaly, Count, DailyReportView, VehicleLine

    start = datetime(2026, 11, 30, 0, 30, tzinfo=UTC)
    rows = tuple(VehicleLine(i, f"苏N{10000 + i}", "宿迁市城北农贸批发有限公司" if i % 3 else "京东",
                             start + timedelta(seconds=20 * i), "admitted", "准许进入", False,
                             start + timedelta(seconds=20 * i + 1800),
                             "大米60袋；食用油24桶；鸡蛋30箱" if i % 5 else "蔬菜") for i in range(vehicles))
    anomalies = tuple(Anomaly(start + timedelta(minutes=i), "refused", f"劝返 苏N{i}", "采样时间54小时前，超过48小时",
                              "bad") for i in range(min(vehicles, 100)))
    return DailyReportView("宿迁学院", date(2026, 11, 30), start, (Count("total", "到达车辆", vehicles),), (), (),
                           rows, anomalies, tz="Asia/Shanghai")


def fill_day(db: Any, vehicles: int) -> None:
    """A day of `vehicles` arrivals and the work around them, written as ORM rows in one transaction."""
    from desktop.services import setup
    from desktop.store.models import (
        Approval,
        ApprovalCargo,
        Arrival,
        Consignment,
        CustodyEvent,
        Disinfection,
        DwellTimer,
        Override,
        Release,
        Slip,
        Violation,
    )

    first = datetime(2026, 11, 29, 16, 30, tzinfo=UTC)  # 00:30 in Suqian
    step = timedelta(seconds=max(1, 20 * 3600 // max(vehicles, 1)))
    with db.session() as s:
        site_id = setup.require_site(s).id or 0
        approvals = [Approval(site_id=site_id, arrival_date=DAY, plate=f"苏N{10000 + i}", status="approved",
                              supplier_name="宿迁市城北农贸批发有限公司" if i % 3 else "京东", created_at=first)
                     for i in range(vehicles)]
        s.add_all(approvals)
        s.flush()
        s.add_all(ApprovalCargo(approval_id=a.id or 0, category=c, description=d, quantity=q, unit=u)
                  for a in approvals for c, d, q, u in GOODS[:3])
        arrivals = []
        for i, a in enumerate(approvals):
            at = first + i * step
            refused = i % 20 == 7
            arrivals.append(Arrival(site_id=site_id, approval_id=a.id if i % 10 else None, plate=a.plate,
                                    station="gate", arrived_at=at, status="refused" if refused else "exited",
                                    needs_supervisor=i % 10 == 0, decision="refuse" if refused else "enter",
                                    decision_reason="采样时间54小时前，超过48小时" if refused else "",
                                    decided_by="bench", decided_at=at + timedelta(minutes=3),
                                    exited_at=None if refused else at + timedelta(minutes=40), created_by="bench"))
        s.add_all(arrivals)
        s.flush()
        goods = [Consignment(site_id=site_id, arrival_id=a.id, category=c, description=d, quantity=q, unit=u,
                             state="released", created_at=a.arrived_at, created_by="bench")
                 for i, a in enumerate(arrivals) if i % 2 and a.decision == "enter" for c, d, q, u in GOODS]
        s.add_all(goods)
        for a in arrivals[::50]:
            s.add(Override(arrival_id=a.id or 0, check_name="test_result", supervisor="bench", reason="核酸报告已补",
                           at=a.arrived_at + timedelta(minutes=1)))
            s.add(Violation(site_id=site_id, arrival_id=a.id, kind="no_mask", description="司机下车未戴口罩",
                            at=a.arrived_at + timedelta(minutes=2), recorded_by="bench"))
        s.flush()
        for i, c in enumerate(goods[::4]):
            at = c.created_at + timedelta(minutes=5)
            d = Disinfection(site_id=site_id, target="consignment", location="handoff_zone", agent="84消毒液",
                             dilution="1:100", started_at=at, ended_at=at, recorded_by="bench",
                             recalled_at=at + timedelta(minutes=9) if i % 40 == 3 else None,
                             recall_reason="浓度不足" if i % 40 == 3 else "")
            s.add(d)
            s.flush()
            s.add(DwellTimer(disinfection_id=d.id or 0, started_wall=at, started_mono=0.0, boot_id="bench",
                             state="released", completed_at=at + timedelta(minutes=30),
                             early_by="bench" if i % 40 == 5 else None, early_reason="急用" if i % 40 == 5 else ""))
            voided = i % 25 == 11
            slip = Slip(number=f"SQ-B{i:07d}", site_id=site_id, consignment_id=c.id, issued_at=at, issued_by="bench",
                        station="disinfection", print_count=1, voided_at=at + timedelta(minutes=1) if voided else None,
                        voided_by="bench" if voided else None, void_reason="打印错误" if voided else "")
            s.add(slip)
            s.flush()
            if not voided:
                s.add(Release(slip_id=slip.id or 0, released_at=at + timedelta(minutes=31), released_by="bench",
                              station="handoff", receiver="王师傅", destination="一食堂"))
                s.add(CustodyEvent(slip_id=slip.id, code_raw=slip.number, verdict="ok", kind="release",
                                   station="handoff", operator="bench", at=at + timedelta(minutes=31)))
            if i % 10 == 0:
                s.add(CustodyEvent(slip_id=slip.id, code_raw=slip.number, verdict="not_yet", kind="scan",
                                   station="handoff", operator="bench", at=at + timedelta(minutes=10)))


class StatementCounter:
    """Counts the SQL statements an engine executes while it is entered."""

    def __init__(self, engine: Any) -> None:
        self.engine, self.count = engine, 0

    def _note(self, *_args: Any) -> None:
        self.count += 1

    def __enter__(self) -> StatementCounter:
        from sqlalchemy import event

        event.listen(self.engine, "before_cursor_execute", self._note)
        return self

    def __exit__(self, *_exc: object) -> None:
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._note)


def _reader(db: Any, day: date, build: Callable[[Any], bytes]) -> Callable[[], bytes]:
    from desktop.domain.localtime import site_tz
    from desktop.services import reports

    def once() -> bytes:
        with db.session(write=False) as s:
            view = reports.daily(s, day=day, tz=site_tz(), now=NOW)
        return build(view)

    return once


def interleaved(a: Callable[[], object], b: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median seconds of a and of b, sampled alternately (a, b, a, b, …) after one warm-up each."""
    a(), b()
    sa, sb = [], []
    for _ in range(repeat):
        for fn, out in ((a, sa), (b, sb)):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return statistics.median(sa), statistics.median(sb)


def run(repeat: int | None = None, vehicles: int | None = None) -> list[dict[str, Any]]:
    from desktop.bench.scan import new_site
    from desktop.documents import fonts
    from desktop.documents.daily_report import build_daily_report
    from desktop.documents.daily_xlsx import build_daily_xlsx
    from desktop.domain.clock import ManualClock
    from desktop.store.migrate import open_database

    vehicles = vehicles or (QUICK_VEHICLES if quick() else VEHICLES)
    repeat = repeat or (3 if quick() else 7)
    fonts.register()  # loading the font once is the start's cost, not the report's
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "report.sqlite3"))
        try:
            new_site(db, ManualClock(start=NOW - timedelta(days=30)))
            fill_day(db, vehicles)
            out = []
            for suffix, build, what in (("", build_daily_report, "PDF"), (".xlsx", build_daily_xlsx, ".xlsx")):
                busy, empty = _reader(db, DAY, build), _reader(db, EMPTY_DAY, build)
                with StatementCounter(db.engine) as busy_q:
                    busy()
                with StatementCounter(db.engine) as empty_q:
                    empty()
                busy_s, empty_s = interleaved(busy, empty, repeat)
                out.append(figure(f"daily report {what}, {vehicles}-vehicle day (data and layout)", busy_s * 1000, "ms",
                                  "the same report of an empty day", empty_s * 1000, f"< {TARGET_S * 1000:g} ms",
                                  busy_s < TARGET_S, key=f"report.daily.{VEHICLES}{suffix}", vehicles=vehicles,
                                  statements=busy_q.count, empty_day_statements=empty_q.count, repeat=repeat))
            return out
        finally:
            db.dispose()
