"""The daily report of a busy day: 2,000 vehicles (and 100 anomalies) laid out as an A4 PDF,
beside the same report of an empty day in the same run. The figures are the layout alone; the
data comes from plain values made here, so the figure is about the PDF, not the database."""

from __future__ import annotations

import statistics
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

from desktop.bench import figure

VEHICLES = 2000
TARGET_S = 0.5


def sample_view(vehicles: int):  # type: ignore[no-untyped-def]
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


def _seconds(view: Any, repeat: int) -> float:
    from desktop.documents.daily_report import build_daily_report

    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        build_daily_report(view)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def run(repeat: int = 3) -> list[dict[str, Any]]:
    from desktop.documents import fonts

    fonts.register()  # loading the font once is the start's cost, not the report's
    busy, empty = sample_view(VEHICLES), sample_view(0)
    _seconds(empty, 1)
    empty_s, busy_s = _seconds(empty, repeat), _seconds(busy, repeat)
    return [figure(f"daily report PDF, {VEHICLES}-vehicle day", busy_s * 1000, "ms", "the same report of an empty day",
                   empty_s * 1000, f"< {TARGET_S * 1000:g} ms", busy_s < TARGET_S, key=f"report.daily.{VEHICLES}",
                   vehicles=VEHICLES)]
