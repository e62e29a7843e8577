"""Group-buying order sheets made on the spot (never committed as binaries)."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

HEADER = ["小区", "楼栋", "单元", "房号", "联系人", "电话", "物品", "特殊需要", "送货方式"]


def households(n_per_building: int = 10, buildings: tuple[str, ...] = ("1号楼", "2号楼", "10号楼"),
               special: int = 2) -> list[list[object]]:
    """Rows for n households in each building; the first `special` of the last building need the door."""
    rows: list[list[object]] = []
    for b, building in enumerate(buildings):
        for i in range(n_per_building):
            unit = f"{i % 2 + 1}单元"
            room = 101 + (i // 2) * 100 + i % 2
            needs = "独居老人" if b == len(buildings) - 1 and i < special else ""
            rows.append(["幸福里小区", building, unit, room, f"住户{b}{i}", 13900000000 + b * 100 + i,
                         "蔬菜套餐A×1；鸡蛋×1", needs, ""])
    return rows


def write_xlsx(path: Path, rows: list[list[object]], header: list[str] | None = None, title: str | None = "团购订单") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "订单"
    if title:
        ws.append([title])
    ws.append(header or HEADER)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], encoding: str = "gbk", header: list[str] | None = None) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow(header or HEADER)
        w.writerows(rows)
    return path
