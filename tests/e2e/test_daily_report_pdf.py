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


def test_a_grid_splits_at_known_row_heights_with_its_header_on_every_part():
    from desktop.documents import fonts
    from desktop.documents.grid import Grid, GridStyle

    rows = [[f"苏N{i}", LONG if i % 7 == 0 else "蔬菜"] for i in range(100)]
    grid = Grid(["车牌", "物资"], rows, [60, 120], GridStyle(fonts.register()))
    _, total = grid.wrap(180, 10_000)
    parts, rest = [], grid
    while True:
        _, height = rest.wrap(180, 300)
        if height <= 300:
            parts.append(rest)
            break
        first, rest = rest.split(180, 300)
        assert first.wrap(180, 300)[1] <= 300  # each part fits the page it was cut for
        parts.append(first)
    assert sum(len(p.cells) for p in parts) == 100 and len(parts) >= 3
    assert [p.first for p in parts][1] == len(parts[0].cells)  # the stripes carry on across pages
    assert all(p.head == grid.head for p in parts)  # the header on every part
    assert len(grid.cells[0][1]) > 1 and grid.cells[0][1] is parts[0].cells[0][1]  # wrapped once, not again
    assert total == pytest.approx(sum(p.wrap(180, 300)[1] for p in parts) - (len(parts) - 1) * grid.head_height)
