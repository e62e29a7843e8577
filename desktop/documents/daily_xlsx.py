"""The daily report (日报) as an .xlsx workbook: the same `DailyReportView` the PDF is made from,
one sheet per part (summary, necessities, vehicles, anomalies), numbers as numbers."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from desktop.documents.daily_report import DailyReportView
from desktop.i18n import t


def header(ws: Worksheet, row: int, titles: list[str], widths: list[int] | None = None) -> None:
    for i, title in enumerate(titles, start=1):
        cell = ws.cell(row=row, column=i, value=title)
        cell.font = Font(bold=True)
    for i, width in enumerate(widths or [], start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = width


def to_bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _hm(at: datetime | None, zone: ZoneInfo) -> str:
    return at.astimezone(zone).strftime("%H:%M") if at else ""


def build_daily_xlsx(view: DailyReportView) -> bytes:
    """Sheets: 概况 (title in A1, then item/count from row 3), 必需品 (necessity, quantity, unit,
    items, lines; one row per unit), 中转 (transit stations only: necessity, unit, dispatched, on hand),
    车辆, 异常."""
    zone = ZoneInfo(view.tz)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = t("概况", "Summary")
    ws["A1"] = t("{s} 生活必需品日报 {d}", "{s} daily report {d}", s=view.site_name, d=view.day.isoformat())
    ws["A1"].font = Font(bold=True, size=14)
    header(ws, 3, [t("项目", "Item"), t("数量", "Count"), t("代码", "Key")], [36, 10, 16])
    row = 4
    for c in (*view.outcomes, *view.counts):
        ws.cell(row=row, column=1, value=c.label)
        ws.cell(row=row, column=2, value=c.value)
        ws.cell(row=row, column=3, value=c.key)
        row += 1

    ns = wb.create_sheet(t("必需品", "Necessities"))
    header(ns, 1, [t("品类", "Necessity"), t("数量", "Quantity"), t("单位", "Unit"), t("明细", "Items"),
                   t("批次", "Lines"), t("代码", "Key")], [20, 10, 8, 40, 8, 16])
    for n in view.necessities:
        for q in n.quantities:
            ns.append([n.name, q.quantity, q.unit, n.items, n.lines, n.key])
        if not n.quantities:
            ns.append([n.name, 0, "", n.items, n.lines, n.key])

    if view.transit:  # a transit station: one row per necessity and unit
        ts = wb.create_sheet(t("中转", "Transit"))
        header(ts, 1, [t("品类", "Necessity"), t("单位", "Unit"), t("当日外发", "Dispatched"),
                       t("日终库存", "On hand at day's end"), t("代码", "Key")], [20, 8, 12, 14, 16])
        for n in view.transit:
            sent = {q.unit: q.quantity for q in n.dispatched}
            held = {q.unit: q.quantity for q in n.on_hand}
            for unit in sorted({*sent, *held}) or [""]:
                ts.append([n.name, unit, sent.get(unit, 0), held.get(unit, 0), n.key])

    vs = wb.create_sheet(t("车辆", "Vehicles"))
    header(vs, 1, [t("到达", "Arrived"), t("车牌", "Plate"), t("供货单位", "Supplier"), t("结果", "Outcome"),
                   t("离开", "Left"), t("物资", "Goods")], [8, 12, 24, 16, 8, 48])
    for v in view.vehicles:
        vs.append([_hm(v.arrived_at, zone), v.plate, v.supplier, v.outcome_text, _hm(v.exited_at, zone), v.cargo])

    an = wb.create_sheet(t("异常", "Anomalies"))
    header(an, 1, [t("时间", "Time"), t("事项", "What"), t("详情", "Details")], [8, 30, 60])
    for a in view.anomalies:
        an.append([_hm(a.at, zone), a.title, a.detail])
    return to_bytes(wb)
