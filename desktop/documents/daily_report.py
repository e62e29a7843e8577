"""The daily report (日报) as an A4 PDF: what arrived, vehicles by outcome, the day's work in
numbers, and every anomaly of the day — for the county headquarters (Plan 3).

The builder takes a plain `DailyReportView` (desktop.services.reports makes it from the database)
and returns PDF bytes, set in the embedded WenQuanYi font so Chinese shows on any machine.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.documents import fonts
from desktop.documents.grid import Grid, GridStyle
from desktop.documents.views import (  # noqa: F401  (the views live there, Qt- and reportlab-free)
    Anomaly,
    Count,
    DailyReportView,
    NecessityRow,
    Quantity,
    TransitRow,
    VehicleLine,
)
from desktop.i18n import t

SEVERITY_COLOURS = {"ok": "#1b7f3b", "warn": "#9a5b00", "bad": "#b00020"}


# --- layout ----------------------------------------------------------------------------------


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=font, fontSize=10, leading=14, wordWrap="CJK", alignment=TA_LEFT)
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=20, leading=26, spaceAfter=2 * mm),
        "sub": ParagraphStyle("sub", parent=base, fontSize=10, textColor=colors.HexColor("#444444")),
        "h2": ParagraphStyle("h2", parent=base, fontSize=13, leading=18, spaceBefore=5 * mm, spaceAfter=2 * mm,
                             keepWithNext=1),
        "body": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12.5),
        "head": ParagraphStyle("head", parent=base, fontSize=9.5, leading=12.5, textColor=colors.white),
        "none": ParagraphStyle("none", parent=base, textColor=colors.HexColor("#555555")),
    }


def _p(text: object, style: ParagraphStyle, colour: str | None = None) -> Paragraph:
    body = escape(str(text)).replace("\n", "<br/>")
    return Paragraph(f'<font color="{colour}">{body}</font>' if colour else body, style)


def _table(header: list[str], rows: list[list[object]], widths: list[float], st: dict[str, ParagraphStyle],
           colours: list[str | None] | None = None) -> list[Grid]:
    """A list as plain-text cells, wrapped once; split page by page with the header repeated."""
    cell = st["cell"]
    return [Grid(header, rows, widths, GridStyle(cell.fontName, cell.fontSize, cell.leading), colours)]


def _hm(at: datetime | None, zone: ZoneInfo) -> str:
    return at.astimezone(zone).strftime("%H:%M") if at else ""


def _summary(view: DailyReportView, st: dict[str, ParagraphStyle], width: float) -> list[object]:
    out: list[object] = [_p(t("一、车辆（按结果）", "1. Vehicles by outcome"), st["h2"])]
    cells = [[_p(c.label, st["cell"]), _p(str(c.value), st["cell"])] for c in view.outcomes]
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:] + [["", ""]] * (half - len(cells[half:]))
    grid = Table([a + b for a, b in zip(left, right, strict=True)], colWidths=[width * 0.32, width * 0.18] * 2)
    grid.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), st["cell"].fontName),
                              ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
                              ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f4f7")),
                              ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#f2f4f7"))]))
    out.append(grid)
    return out


def _necessities(view: DailyReportView, st: dict[str, ParagraphStyle], width: float) -> list[object]:
    rows = [[n.name, "；".join(q.text() for q in n.quantities) or "0", n.items or "—", str(n.lines)]
            for n in view.necessities]
    return [_p(t("二、生活必需品到货情况", "2. Necessities that arrived"), st["h2"]),
            *_table([t("品类", "Necessity"), t("数量", "Quantity"), t("明细", "Items"), t("批次", "Lines")], rows,
                   [width * 0.22, width * 0.26, width * 0.42, width * 0.10], st)]


def _transit(view: DailyReportView, st: dict[str, ParagraphStyle], width: float) -> list[object]:
    def text(quantities: tuple[Quantity, ...]) -> str:
        return "；".join(q.text() for q in quantities) or "0"

    rows = [[n.name, text(n.dispatched), text(n.on_hand)] for n in view.transit]
    return [_p(t("二之一、中转外发与库存", "2a. Dispatched onward and stock on hand"), st["h2"]),
            *_table([t("品类", "Necessity"), t("当日外发", "Dispatched"), t("日终库存", "On hand at day's end")], rows,
                   [width * 0.3, width * 0.35, width * 0.35], st)]


def _counts(view: DailyReportView, st: dict[str, ParagraphStyle], width: float) -> list[object]:
    rows = [[c.label, str(c.value)] for c in view.counts]
    return [_p(t("三、消杀、静置与交接", "3. Disinfection, dwell and handoff"), st["h2"]),
            *_table([t("项目", "Item"), t("数量", "Count")], rows, [width * 0.6, width * 0.4], st)]


def _anomalies(view: DailyReportView, st: dict[str, ParagraphStyle], width: float, zone: ZoneInfo) -> list[object]:
    head: list[object] = [_p(t("四、异常情况（{n}项）", "4. Anomalies ({n})", n=len(view.anomalies)), st["h2"])]
    if not view.anomalies:
        return [*head, _p(t("本日无异常。", "No anomalies today."), st["none"])]
    rows = [[_hm(a.at, zone), a.title, a.detail] for a in view.anomalies]
    colours = [SEVERITY_COLOURS.get(a.severity) for a in view.anomalies]
    header = [t("时间", "Time"), t("事项", "What"), t("详情", "Details")]
    return [*head, *_table(header, rows, [width * 0.1, width * 0.3, width * 0.6], st, colours)]


def _vehicles(view: DailyReportView, st: dict[str, ParagraphStyle], width: float, zone: ZoneInfo) -> list[object]:
    head: list[object] = [_p(t("五、车辆明细", "5. Vehicles"), st["h2"])]
    if not view.vehicles:
        return [*head, _p(t("本日没有车辆到达。", "No vehicles arrived today."), st["none"])]
    rows = [[_hm(v.arrived_at, zone), v.plate, v.supplier or "—", v.outcome_text, _hm(v.exited_at, zone) or "—",
             v.cargo or "—"] for v in view.vehicles]
    header = [t("到达", "Arrived"), t("车牌", "Plate"), t("供货单位", "Supplier"), t("结果", "Outcome"),
              t("离开", "Left"), t("物资", "Goods")]
    widths = [width * f for f in (0.09, 0.13, 0.23, 0.14, 0.08, 0.33)]
    return [*head, *_table(header, rows, widths, st)]


def page_footer(font: str, label: str, margin: float) -> Callable[[Canvas, object], None]:
    """A report page's footer: what it is on the left, the page number on the right."""

    def footer(canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(margin, 10 * mm, label)
        canvas.drawRightString(A4[0] - margin, 10 * mm, t("第 {n} 页", "page {n}", n=canvas.getPageNumber()))
        canvas.restoreState()

    return footer


def build_daily_report(view: DailyReportView) -> bytes:
    """The report as A4 PDF bytes."""
    font = fonts.register()
    zone = ZoneInfo(view.tz)
    st = _styles(font)
    buf = io.BytesIO()
    title = t("{s} 生活必需品日报 {d}", "{s} daily report {d}", s=view.site_name, d=view.day.isoformat())
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=16 * mm,
                            bottomMargin=18 * mm, title=title, author="Gatehouse", invariant=1, pageCompression=1,
                            initialFontName=font)
    width = doc.width
    generated = view.generated_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    story: list[object] = [
        _p(t("生活必需品日报", "Daily report of necessities"), st["title"]),
        _p(t("{s} · 日期 {d} · 生成于 {g}", "{s} · date {d} · made {g}", s=view.site_name, d=view.day.isoformat(),
             g=generated), st["sub"]),
        Spacer(1, 2 * mm),
    ]
    story += _summary(view, st, width)
    story.append(KeepTogether(_necessities(view, st, width)))
    if view.transit:
        story.append(KeepTogether(_transit(view, st, width)))
    story.append(KeepTogether(_counts(view, st, width)))
    story += _anomalies(view, st, width, zone)
    story += _vehicles(view, st, width, zone)

    footer = page_footer(font, f"{view.site_name} · {view.day.isoformat()} · Gatehouse", 16 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
