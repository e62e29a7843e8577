"""The county daily report (县级生活必需品日报) as an A4 PDF (WenQuanYi, so Chinese shows anywhere)
and as an .xlsx workbook, from a plain `CountyView` (desktop.services.county_report makes it).

Workbook sheets, first row the headers:
  概况   site code, site, vehicles, admitted, handoff, refused, violations, overrides, merged at; a
         last row 合计 (total)
  必需品 necessity, key, unit, site code, site, received, handed on; per site and necessity and
         unit, then the total rows (site code 合计)
  未上报 site code, site: the registered sites without a package for the day
"""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from desktop.documents import fonts
from desktop.documents.daily_report import _p, _styles, _table, page_footer
from desktop.documents.daily_xlsx import header, to_bytes
from desktop.documents.views import CountyView, SiteFigures
from desktop.domain import necessities
from desktop.i18n import t


def _labels() -> list[str]:
    return [t("车辆", "Vehicles"), t("进入", "Admitted"), t("接驳", "Handoff"), t("劝返", "Refused"),
            t("违规", "Violations"), t("督查放行", "Overrides")]


def _numbers(f: SiteFigures) -> list[int]:
    return [f.vehicles, f.admitted, f.handoff, f.refused, f.violations, f.overrides]


def build_county_pdf(view: CountyView) -> bytes:
    font = fonts.register()
    st = _styles(font)
    zone = ZoneInfo(view.tz)
    buf = io.BytesIO()
    title = t("县级生活必需品日报 {d}", "County daily report of necessities {d}", d=view.day.isoformat())
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=14 * mm, rightMargin=14 * mm, topMargin=16 * mm,
                            bottomMargin=18 * mm, title=title, author="Gatehouse", invariant=1, pageCompression=1,
                            initialFontName=font)
    w = doc.width
    generated = view.generated_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    story: list[object] = [
        _p(t("县级生活必需品日报", "County daily report of necessities"), st["title"]),
        _p(t("{c} · 日期 {d} · 已上报 {n} 个站点，未上报 {m} 个 · 生成于 {g}",
             "{c} · date {d} · {n} sites reported, {m} not yet · made {g}", c=view.centre_name,
             d=view.day.isoformat(), n=len(view.sites), m=len(view.missing), g=generated), st["sub"]),
        Spacer(1, 2 * mm),
        _p(t("一、各站点车辆与异常", "1. Vehicles and anomalies per site"), st["h2"]),
    ]
    rows: list[list[object]] = [[f"{s.code} {s.name}", *_numbers(s)] for s in view.sites]
    rows.append([view.total.name, *_numbers(view.total)])
    story.extend(_table([t("站点", "Site"), *_labels()], rows, [w * 0.34] + [w * 0.11] * 6, st))
    story.append(_p(t("二、生活必需品（到货 / 交出）", "2. Necessities (received / handed on)"), st["h2"]))
    rows = []
    for key in necessities.KEYS:
        rows.append([necessities.name(key), view.total.name, view.total.quantity(key, 0), view.total.quantity(key, 1)])
        for s in view.sites:
            if key in s.goods:
                rows.append(["", f"{s.code} {s.name}", s.quantity(key, 0), s.quantity(key, 1)])
    story.extend(_table([t("品类", "Necessity"), t("站点", "Site"), t("到货", "Received"), t("交出", "Handed on")],
                        rows, [w * 0.2, w * 0.3, w * 0.25, w * 0.25], st))
    story.append(_p(t("三、未上报站点（{n}）", "3. Sites not reported yet ({n})", n=len(view.missing)), st["h2"]))
    if view.missing:
        story.extend(_table([t("代码", "Code"), t("站点", "Site")], [list(m) for m in view.missing],
                            [w * 0.2, w * 0.8], st))
    else:
        story.append(Paragraph(t("所有已登记站点均已上报。", "Every registered site has reported."), st["none"]))

    footer = page_footer(font, f"{view.centre_name} · {view.day.isoformat()} · Gatehouse", 14 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def build_county_xlsx(view: CountyView) -> bytes:
    zone = ZoneInfo(view.tz)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = t("概况", "Summary")
    header(ws, 1, [t("站点代码", "Site code"), t("站点", "Site"), *_labels(), t("上报时间", "Merged at")],
           [10, 28, 8, 8, 8, 8, 8, 10, 18])
    for s in view.sites:
        merged = s.merged_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if s.merged_at else ""
        ws.append([s.code, s.name, *_numbers(s), merged])
    ws.append([view.total.name, "", *_numbers(view.total), ""])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)

    ns = wb.create_sheet(t("必需品", "Necessities"))
    header(ns, 1, [t("品类", "Necessity"), t("代码", "Key"), t("单位", "Unit"), t("站点代码", "Site code"),
                   t("站点", "Site"), t("到货", "Received"), t("交出", "Handed on")], [20, 16, 8, 10, 28, 10, 10])
    for figures, code in [*((s, s.code) for s in view.sites), (view.total, view.total.name)]:
        for key in necessities.KEYS:
            for unit, (received, handed) in sorted(figures.goods.get(key, {}).items()):
                ns.append([necessities.name(key), key, unit, code, figures.name if figures.code else "",
                           received, handed])

    ms = wb.create_sheet(t("未上报", "Not reported"))
    header(ms, 1, [t("站点代码", "Site code"), t("站点", "Site")], [10, 28])
    for code, name in view.missing:
        ms.append([code, name])
    return to_bytes(wb)
