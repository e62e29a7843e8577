"""The daily report (日报) as an .xlsx workbook: the same `DailyReportView` the PDF is made from,
one sheet per part (summary, necessities, vehicles, anomalies), numbers as numbers."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
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


def _sheet(wb: Workbook, title: str, titles: list[str], widths: list[int]) -> Worksheet:
    """A write-only sheet with its column widths and its bold header row (rows are streamed out
    as they are appended: no cell objects kept for a busy day's thousands of rows)."""
    ws = wb.create_sheet(title)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.append(_bold(ws, titles))
    return ws


def _bold(ws: Worksheet, values: list[str], size: float | None = None) -> list[WriteOnlyCell]:
    out = []
    for value in values:
        cell = WriteOnlyCell(ws, value=value)
        cell.font = Font(bold=True, size=size)
        out.append(cell)
    return out


def build_daily_xlsx(view: DailyReportView) -> bytes:
    """Sheets: 概况 (title in A1, then item/count from row 3), 必需品 (necessity, quantity, unit,
    items, lines; one row per unit), 中转 (transit stations only: necessity, unit, dispatched, on hand),
    车辆, 异常."""
    zone = ZoneInfo(view.tz)
    wb = Workbook(write_only=True)
    title = t("{s} 生活必需品日报 {d}", "{s} daily report {d}", s=view.site_name, d=view.day.isoformat())
    ws = wb.create_sheet(t("概况", "Summary"))
    for i, w in enumerate((36, 10, 16), start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.append(_bold(ws, [title], 14))
    ws.append([])
    ws.append(_bold(ws, [t("项目", "Item"), t("数量", "Count"), t("代码", "Key")]))
    for c in (*view.outcomes, *view.counts):
        ws.append([c.label, c.value, c.key])

    ns = _sheet(wb, t("必需品", "Necessities"), [t("品类", "Necessity"), t("数量", "Quantity"), t("单位", "Unit"),
                                              t("明细", "Items"), t("批次", "Lines"), t("代码", "Key")],
                [20, 10, 8, 40, 8, 16])
    for n in view.necessities:
        for q in n.quantities:
            ns.append([n.name, q.quantity, q.unit, n.items, n.lines, n.key])
        if not n.quantities:
            ns.append([n.name, 0, "", n.items, n.lines, n.key])

    if view.transit:  # a transit station: one row per necessity and unit
        ts = _sheet(wb, t("中转", "Transit"), [t("品类", "Necessity"), t("单位", "Unit"), t("当日外发", "Dispatched"),
                                             t("日终库存", "On hand at day's end"), t("代码", "Key")], [20, 8, 12, 14, 16])
        for n in view.transit:
            sent = {q.unit: q.quantity for q in n.dispatched}
            held = {q.unit: q.quantity for q in n.on_hand}
            for unit in sorted({*sent, *held}) or [""]:
                ts.append([n.name, unit, sent.get(unit, 0), held.get(unit, 0), n.key])

    vs = _sheet(wb, t("车辆", "Vehicles"), [t("到达", "Arrived"), t("车牌", "Plate"), t("供货单位", "Supplier"),
                                          t("结果", "Outcome"), t("离开", "Left"), t("物资", "Goods")],
                [8, 12, 24, 16, 8, 48])
    for v in view.vehicles:
        vs.append([_hm(v.arrived_at, zone), v.plate, v.supplier, v.outcome_text, _hm(v.exited_at, zone), v.cargo])

    an = _sheet(wb, t("异常", "Anomalies"), [t("时间", "Time"), t("事项", "What"), t("详情", "Details")], [8, 30, 60])
    for a in view.anomalies:
        an.append([_hm(a.at, zone), a.title, a.detail])
    return to_bytes(wb)
