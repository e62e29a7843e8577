"""The shift handover sheet (交接班单): the audit chain's anchor on paper, signed by the outgoing
supervisor. The head is printed as text (in groups of eight, to be read aloud or typed) and as a
QR code holding exactly what `gatehouse verify --anchor` takes: `LENGTH:HEAD`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.documents import fonts
from desktop.documents.barcodes import draw_qr, qr_size
from desktop.domain.localtime import local
from desktop.i18n import t


@dataclass(frozen=True)
class HandoverView:
    site_name: str
    site_code: str
    at: datetime  # aware
    length: int
    head: str
    database: str
    operator: str = ""

    @property
    def anchor(self) -> str:
        return f"{self.length}:{self.head}"


def groups(head: str, size: int = 8) -> str:
    return " ".join(head[i:i + size] for i in range(0, len(head), size))


def build_handover_sheet(view: HandoverView) -> bytes:
    """One A4 page as PDF bytes."""
    font = fonts.register()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(t("交接班单", "Shift handover sheet"))
    c.setAuthor("Gatehouse")
    width, height = A4
    left, y = 20 * mm, height - 25 * mm
    c.setFont(font, 20)
    c.drawString(left, y, t("交接班单 · 审计链锚点", "Shift handover sheet · audit chain anchor"))
    y -= 10 * mm
    c.setFont(font, 11)
    rows = [
        (t("站点", "Site"), f"{view.site_name}（{view.site_code}）"),
        (t("时间", "Time"), local(view.at).strftime("%Y-%m-%d %H:%M:%S")),
        (t("交班人", "Outgoing"), view.operator),
        (t("数据库", "Database"), view.database[-70:]),
        (t("审计链长度", "Chain length"), str(view.length)),
    ]
    for label, value in rows:
        c.drawString(left, y, f"{label}：")
        c.drawString(left + 32 * mm, y, value)
        y -= 7 * mm
    y -= 3 * mm
    c.drawString(left, y, t("链头哈希：", "Head hash:"))
    y -= 9 * mm
    c.setFont("Courier-Bold", 15)
    c.drawString(left, y, groups(view.head[:32]))
    y -= 7 * mm
    c.drawString(left, y, groups(view.head[32:]))
    y -= 8 * mm
    c.setFont(font, 10)
    c.drawString(left, y, t("核对：gatehouse verify --anchor {a}…", "check: gatehouse verify --anchor {a}…",
                            a=f"{view.length}:{view.head[:12]}"))
    module = 1.6 * mm
    side = qr_size(view.anchor, module)
    y -= side + 8 * mm
    c.setFillColor(colors.white)
    c.rect(left - 4 * module, y - 4 * module, side + 8 * module, side + 8 * module, stroke=0, fill=1)
    c.setFillColor(colors.black)
    draw_qr(c, view.anchor, left, y, module)
    c.setFont(font, 9)
    c.drawString(left + side + 10 * mm, y + side - 4 * mm, t("扫码即得锚点（长度:链头）", "Scan for the anchor (LENGTH:HEAD)"))
    y -= 20 * mm
    c.setFont(font, 12)
    for label in (t("交班主管签字", "Outgoing supervisor's signature"), t("接班主管签字", "Incoming supervisor's signature")):
        c.drawString(left, y, f"{label}：")
        c.line(left + 50 * mm, y - 1 * mm, width - 20 * mm, y - 1 * mm)
        y -= 15 * mm
    c.setFont(font, 8)
    c.setFillColor(colors.HexColor("#555555"))
    c.drawString(left, 12 * mm, t("此单证明交班时审计链的长度与链头；若之后记录被删改，核验将报告与此锚点不符。",
                                  "This sheet records the chain at handover; if records are later cut or rewritten, "
                                  "verify reports they no longer match this anchor."))
    c.showPage()
    c.save()
    return buf.getvalue()
