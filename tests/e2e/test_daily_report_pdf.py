"""A long day's report: every vehicle is in the PDF (split over several tables and pages), and
long texts wrap instead of being cut."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.documents.daily_report import Anomaly, Count, DailyReportView, VehicleLine, build_daily_report

START = datetime(2026, 11, 30, 1, tzinfo=UTC)
LONG = "大米60袋；食用油24桶；鸡蛋30箱；蔬菜120公斤；猪肉40公斤；方便面50箱；火腿肠30箱；瓶装水80箱"


def _view(n: int) -> DailyReportView:
    vehicles = tuple(VehicleLine(i, f"苏N{10000 + i}", "京东", START + timedelta(seconds=30 * i), "admitted",
                                 "准许进入", False, None, LONG if i == n - 1 else "蔬菜") for i in range(n))
    anomalies = (Anomaly(START, "refused", "劝返 苏N10000", "采样时间54小时前", "bad"),)
    return DailyReportView("宿迁学院", date(2026, 11, 30), START, (Count("total", "到达车辆", n),), (), (),
                           vehicles, anomalies, tz="Asia/Shanghai")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
def test_every_vehicle_of_a_long_day_is_in_the_pdf_and_long_goods_wrap(tmp_path):
    pdf = tmp_path / "day.pdf"
    pdf.write_bytes(build_daily_report(_view(300)))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    compact = "".join(text.split())
    assert all(f"苏N{10000 + i}" in compact for i in range(300))
    assert "瓶装水80箱" in compact  # the last words of the long line: wrapped, not cut off
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))) >= 5
