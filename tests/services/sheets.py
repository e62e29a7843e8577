"""Messy approval sheets made on the spot (never committed as binaries)."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from desktop.domain.identity import id_check_digit


def idn(body17: str) -> str:
    return body17 + id_check_digit(body17)


DRIVER_IDS = [idn(f"3213021985{m:02d}1{d}031") for m, d in [(1, 2), (2, 1), (3, 2), (4, 1), (5, 2), (6, 1), (7, 2)]]

HEADER = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "随车人员", "物资类别及数量", "到达日期",
          "进校/接驳", "卸货点", "通行证号", "通行证有效期", "核酸采样时间"]


def good_rows(day: str = "2026-11-30") -> list[list[object]]:
    return [
        ["苏N·12345", "宿迁市苏果超市配送中心", "张建国", DRIVER_IDS[0], "13812345678", "", "大米 50袋；食用油 20桶",
         day, "进校", "①", "BG-0001", "2026-11-01至2026-12-31", "2026-11-29 09:30"],
        ["苏ＮＤ１２３４５", "宿迁市蔬菜批发市场", "李红梅", DRIVER_IDS[1], "139 0527 1234",
         f"王小军 {DRIVER_IDS[2]} 13600001111", "蔬菜 300公斤", day, "接驳", "", "", "", ""],
    ]


def write_csv(path: Path, rows: list[list[object]], encoding: str = "gbk", header: list[str] | None = None) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow(header or HEADER)
        w.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]], header: list[str] | None = None, title: str | None = None,
               merge: str | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header or HEADER))
    ws.append(header or HEADER)
    for r in rows:
        ws.append(r)
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def excel_date(d: datetime) -> float:
    return (d - datetime(1899, 12, 30)).total_seconds() / 86400
