"""Group-buying bag labels (团购袋标签) as a PDF: 58 mm and 80 mm receipt rolls, a 60x40 mm label,
and A4 sheets of 3x7 labels (70x42.4 mm, the common 21-up label sheet).

One label per bag: community, building + unit + room in big type (what the resident looks for
on the pile), the phone MASKED, the pickup slot or an inverse "送货上门" mark for door delivery,
and the bag's number as a vector Code128 (0.25 mm modules, left edge snapped for 203 dpi: decodes
at 203 and 300 dpi) with the number under it. The builders take plain `BagLabelView`s.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.documents import barcodes, fonts
from desktop.documents.text import shorten, width, wrap
from desktop.documents.views import BagLabelView
from desktop.domain.masking import mask_phone, mask_text

SIZES = ("58mm", "80mm", "60x40", "a4")
A4_PT = (595.0, 842.0)
A4_COLUMNS, A4_ROWS = 3, 7


@dataclass(frozen=True)
class Spec:
    name: str
    page_w: float
    page_h: float | None  # None: a roll, as long as the label needs
    margin: float
    base: float  # small text size
    big: float  # the address
    barcode_h: float
    item_lines: int  # 0: no items on this size


SPECS = {
    "58mm": Spec("58mm", round(58 * mm), None, 4 * mm, 9, 20, 12 * mm, 3),
    "80mm": Spec("80mm", round(80 * mm), None, 4 * mm, 10, 24, 14 * mm, 4),
    "60x40": Spec("60x40", round(60 * mm), round(40 * mm), 2.5 * mm, 7.5, 15, 12 * mm, 0),
    "a4cell": Spec("a4cell", A4_PT[0] / A4_COLUMNS, A4_PT[1] / A4_ROWS, 3 * mm, 7.5, 15, 12 * mm, 0),
}


def _hhmm(at: datetime | None, tz: str) -> str:
    return at.astimezone(ZoneInfo(tz)).strftime("%H:%M") if at else ""


def slot_text(view: BagLabelView) -> str:
    if view.door or view.slot_start is None:
        return ""
    day = view.slot_start.astimezone(ZoneInfo(view.tz)).strftime("%m-%d")
    end = f"-{_hhmm(view.slot_end, view.tz)}" if view.slot_end else ""
    return f"取货 {day} {_hhmm(view.slot_start, view.tz)}{end}"


def _bold(c: Canvas, x: float, y: float, text: str, size: float) -> None:
    """The face has no bold: stroke the outline as well."""
    c.saveState()  # the text render mode is graphics state: it must not leak into later text
    obj = c.beginText(x, y)
    obj.setFont(fonts.FONT, size)
    obj.setTextRenderMode(2)
    c.setLineWidth(size * 0.04)
    c.setStrokeColor(c._fillColorObj)
    obj.textOut(text)
    c.drawText(obj)
    c.restoreState()


def _fit(text: str, size: float, max_w: float, smallest: float) -> float:
    """The largest size up to `size` (not under `smallest`) at which the text fits."""
    while size > smallest and width(text, fonts.FONT, size) > max_w:
        size -= 0.5
    return size


def _own_line(view: BagLabelView, spec: Spec) -> bool:
    return spec.page_h is None and (view.door or bool(slot_text(view)))


def label_height(view: BagLabelView, spec: Spec) -> float:
    """The content height of one label (rolls are cut to it)."""
    w = spec.page_w - 2 * spec.margin
    items = wrap(mask_text(view.items), fonts.FONT, spec.base, w, spec.item_lines) if spec.item_lines else []
    return (spec.base * 1.3 + spec.big * 1.25 + spec.base * 1.9 + spec.barcode_h + spec.base * 1.6
            + len(items) * spec.base * 1.25 + (spec.base * 0.6 if items else 0) + 3
            + (spec.base * 2.6 if _own_line(view, spec) else 0) + (spec.base * 0.35 if view.door else 0))


def draw_label(c: Canvas, view: BagLabelView, spec: Spec, x: float, top: float) -> None:
    """One label with its content's top-left corner at (x, top)."""
    font, base = fonts.register(), spec.base
    w = spec.page_w - 2 * spec.margin
    c.setFillColorRGB(0, 0, 0)
    y = top - base
    right = " ".join(x for x in (view.batch, view.seq) if x)
    right_w = width(right, font, base * 0.9) if right else 0
    c.setFont(font, base)
    c.drawString(x, y, shorten(view.community or view.site_name, font, base, w - right_w - base))
    if right:
        c.setFont(font, base * 0.9)
        c.drawRightString(x + w, y, right)
    y -= base * 0.3 + spec.big
    address = view.address or "—"
    size = _fit(address, spec.big, w, base)
    _bold(c, x, y, shorten(address, font, size, w), size)
    y -= spec.big * 0.25 + base * 1.5
    phone = mask_phone(view.phone)
    c.setFont(font, base * 1.15)
    c.drawString(x, y, phone)
    mark_x = x + width(phone, font, base * 1.15) + base
    room = x + w - mark_x
    if _own_line(view, spec):  # rolls have the length: the slot or the door mark big, on a line of its own
        y -= base * 2.1
        mark_x, room, base = x, w, base * 1.25
        right_edge = x + width("送货上门", font, base * 1.25) + base * 0.8 if view.door else x + w
    else:
        right_edge = x + w
    if view.door:
        label = "送货上门"
        msize = _fit(label, base * 1.25, room - base * 0.8, base * 0.8)
        box_w, box_h = width(label, font, msize) + base * 0.8, msize * 1.45
        c.rect(right_edge - box_w, y - msize * 0.4, box_w, box_h, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        _bold(c, right_edge - box_w + base * 0.4, y, label, msize)
        c.setFillColorRGB(0, 0, 0)
    elif (slot := slot_text(view)):
        ssize = _fit(slot, base * 1.15, room, base * 0.7)
        left = x if right_edge == x + w and _own_line(view, spec) else right_edge - width(slot, font, ssize)
        _bold(c, left, y, slot, ssize)
    own = _own_line(view, spec)
    base = spec.base
    y -= base * (0.75 if view.door else 0.4) + (base * 0.5 if own else 0)  # clear of the mark's box
    if spec.item_lines:
        items = wrap(mask_text(view.items), font, base, w, spec.item_lines)
        if items:
            y -= base * 0.6
            c.setFont(font, base)
            for line in items:
                y -= base * 1.25
                c.drawString(x, y + base * 0.25, line)
    y -= spec.barcode_h
    bar_w = barcodes.code128_width(view.number, quiet=False)
    left = barcodes.snap_to_203dpi(x + (w - bar_w) / 2)
    barcodes.draw_code128(c, view.number, left, y, spec.barcode_h)
    c.setFont(font, base)
    c.drawCentredString(x + w / 2, y - base * 1.2, view.number)


def _canvas(buf: io.BytesIO, size: tuple[float, float], title: str) -> Canvas:
    c = Canvas(buf, pagesize=size, pageCompression=1, invariant=1, initialFontName=fonts.FONT)
    c.setTitle(title)
    c.setAuthor("Gatehouse")
    return c


def build_labels(views: Sequence[BagLabelView], size: str) -> bytes:
    """One PDF: one page per label on rolls and the 60x40 label, 21 labels per A4 page."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {SIZES}, got {size!r}")
    if not views:
        raise ValueError("no labels")
    fonts.register()
    buf = io.BytesIO()
    title = views[0].number if len(views) == 1 else f"{len(views)} bag labels"
    spec = SPECS["a4cell" if size == "a4" else size]
    c = _canvas(buf, A4_PT if size == "a4" else (spec.page_w, spec.page_h or 100 * mm), title)
    if size == "a4":
        _sheets(c, views, spec)
    else:
        for view in views:
            height = spec.page_h or float(round(label_height(view, spec) + 2 * spec.margin + 3 * mm))
            c.setPageSize((spec.page_w, height))
            draw_label(c, view, spec, spec.margin, height - spec.margin)
            c.showPage()
    c.save()
    return buf.getvalue()


def _sheets(c: Canvas, views: Sequence[BagLabelView], spec: Spec) -> None:
    per_page = A4_COLUMNS * A4_ROWS
    cell_h = spec.page_h or 0.0
    for first in range(0, len(views), per_page):
        c.setPageSize(A4_PT)
        c.saveState()
        c.setDash(2, 3)
        c.setLineWidth(0.3)
        c.setStrokeGray(0.6)
        for col in range(1, A4_COLUMNS):
            c.line(col * spec.page_w, 0, col * spec.page_w, A4_PT[1])
        for row in range(1, A4_ROWS):
            c.line(0, row * cell_h, A4_PT[0], row * cell_h)
        c.restoreState()
        for i, view in enumerate(views[first:first + per_page]):
            col, row = i % A4_COLUMNS, i // A4_COLUMNS
            draw_label(c, view, spec, col * spec.page_w + spec.margin, A4_PT[1] - row * cell_h - spec.margin)
        c.showPage()
