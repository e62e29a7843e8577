"""The handoff slip (交接单) as a PDF: 58 mm and 80 mm receipt rolls, A6, and A4 sheets of six.

The builders take a plain `SlipView` (the slips service makes it from the database) and return
PDF bytes. Layout is planned top to bottom as bands: header, marks (reprint / voided), number
(+ QR where there is room), barcode, fields, footer. Fields are wrapped and, on fixed-size pages,
cut to the room left, so text never reaches the barcode. Phone and ID numbers are masked here
whatever the caller passed.
"""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from desktop.documents import barcodes, fonts
from desktop.documents.text import shorten, width, wrap
from desktop.documents.views import Disinfected, SlipView  # noqa: F401  (the views live there, Qt- and reportlab-free)
from desktop.domain.masking import mask_phone, mask_text

SIZES = ("58mm", "80mm", "a6", "a4")


@dataclass(frozen=True)
class Spec:
    """One paper size: page width, margins, type sizes, barcode height, QR module (0 = no QR)."""

    name: str
    page_w: float
    page_h: float | None  # None: a roll, as long as the slip needs
    margin: float
    base: float
    barcode_h: float
    qr_module: float
    label_chars: int = 4
    desc_lines: int = 3


# Pages are whole points: printers and PDF writers (Qt's included) keep page sizes in whole
# points, and a page a fraction of a point off makes the printed slip a scaled copy.
A4_PT = (595.0, 842.0)
A6_PT = (298.0, 420.0)
SPECS = {
    "58mm": Spec("58mm", round(58 * mm), None, 5 * mm, 8, 12 * mm, 0),
    "80mm": Spec("80mm", round(80 * mm), None, 4 * mm, 9, 14 * mm, 0.75 * mm),
    "a6": Spec("a6", A6_PT[0], A6_PT[1], 6 * mm, 10, 16 * mm, 1.0 * mm),
    "a4cell": Spec("a4cell", A4_PT[0] / 2, A4_PT[1] / 3, 5 * mm, 9, 13 * mm, 0.8 * mm, desc_lines=2),
}
A4_COLUMNS, A4_ROWS = 2, 3
_BUILD_LOCK = threading.Lock()
GAP = 1.6 * mm


@dataclass
class Band:
    """A horizontal strip of the slip: its height and how to draw it with its top at y."""

    kind: str
    height: float
    draw: Callable[[Canvas, float, float], None] = field(repr=False)  # (canvas, x, top)


def _fmt(dt: datetime | None, tz: str, with_date: bool = True) -> str:
    if dt is None:
        return ""
    local = dt.astimezone(ZoneInfo(tz))
    return local.strftime("%m-%d %H:%M" if with_date else "%H:%M")


def _qty(view: SlipView) -> str:
    if view.quantity is None or (view.quantity == 0 and not view.unit):
        return ""
    q = view.quantity
    text = f"{int(q)}" if float(q).is_integer() else f"{q:g}"
    return f"{text} {view.unit}".strip()


# When a fixed-size page has no room for every field, the least important go first.
_PRIORITY = {"物资": 0, "作废原因": 0, "数量": 1, "最早放行": 1, "消杀": 2, "去向": 2, "收货方": 3, "车牌": 3,
             "供应商": 4, "电话": 5}


def field_rows(view: SlipView) -> list[tuple[str, str, int, int]]:
    """(label, value, max lines, priority) of every field that has a value, in print order; masked."""
    goods = " · ".join(x for x in (view.category, view.description) if x.strip())
    rows = [
        ("车牌", view.plate, 1),
        ("供应商", view.supplier, 2),
        ("物资", goods, 0),  # 0: the spec's desc_lines
        *(("物资" if i == 0 and not goods else "", line, 1) for i, line in enumerate(view.lines)),
        ("数量", _qty(view), 1),
        ("收货方", view.recipient, 2),
        ("去向", view.destination, 2),
        ("电话", mask_phone(view.contact_phone), 1),
    ]
    for i, d in enumerate(view.disinfections):
        agent = " ".join(x for x in (d.agent, d.dilution, d.place) if x)
        rows.append(("消杀" if i == 0 else "", f"{_fmt(d.at, view.tz)} {agent}".strip(), 2))
    rows.append(("最早放行", _fmt(view.dwell_end, view.tz), 1))
    if view.voided:
        rows.insert(0, ("作废原因", view.void_reason, 2))
    return [(label, mask_text(value.strip()), n, _PRIORITY.get(label, 2)) for label, value, n in rows
            if value and value.strip()]


def _text(c: Canvas, x: float, y: float, text: str, size: float, bold: bool = False, white: bool = False) -> None:
    grey = 1 if white else 0
    c.setFillGray(grey)
    c.setFont(fonts.FONT, size)
    if bold:  # the face has no bold: stroke the outline as well, in the same colour
        c.setStrokeGray(grey)
        c.setLineWidth(size * 0.04)
        t = c.beginText(x, y)
        t.setFont(fonts.FONT, size)
        t.setTextRenderMode(2)
        t.textOut(text)
        c.drawText(t)
        c.setStrokeGray(0)
    else:
        c.drawString(x, y, text)
    c.setFillGray(0)


def _plan(view: SlipView, spec: Spec, content_h: float | None) -> list[Band]:
    """Bands top to bottom. With `content_h` (fixed pages) the field rows are cut to fit."""
    font, base, w = fonts.register(), spec.base, spec.page_w - 2 * spec.margin
    bands: list[Band] = []
    lead = base * 1.3

    qr_side = barcodes.qr_size(view.number, spec.qr_module) if spec.qr_module else 0.0
    text_w = w - (qr_side + GAP if qr_side else 0)
    title_size, number_size = base * 1.25, base * 1.6
    title = shorten(view.site_name, font, title_size, text_w)
    kind = {"slip": "交接单 HANDOFF SLIP", "dispatch": "外发单 DISPATCH SLIP"}.get(view.kind, "物资袋标签 BAG LABEL")
    text_h = title_size * 1.2 + base * 1.3 + number_size * 1.35 + (base * 1.1 if qr_side else 0)

    def head(c: Canvas, x: float, top: float) -> None:
        y = top - title_size
        _text(c, x, y, title, title_size, bold=True)
        y -= base * 1.3
        c.setFont(font, base * 0.9)
        c.drawString(x, y, kind)
        y -= number_size * 1.35
        _text(c, x, y, view.number, number_size, bold=True)
        if qr_side:
            barcodes.draw_qr(c, view.number, x + w - qr_side, top - qr_side, spec.qr_module)
            c.setFont(font, base * 0.75)
            c.drawString(x, y - base * 1.1, "扫码交接 Scan to hand off")

    bands.append(Band("head", max(text_h, qr_side) + GAP, head))

    marks = []
    if view.voided:
        marks.append(("作废 / VOIDED", True))
    if view.reprint_no > 0:
        marks.append((f"补打 / REPRINT {view.reprint_no}", False))
    for label, inverse in marks:
        size = base * 1.4

        def mark(c: Canvas, x: float, top: float, label: str = label, inverse: bool = inverse, size: float = size) -> None:
            h = size * 1.5
            c.setLineWidth(1.2)
            c.rect(x, top - h, w, h, stroke=1, fill=1 if inverse else 0)
            _text(c, x + (w - width(label, font, size)) / 2, top - h + size * 0.42, label, size, bold=True,
                  white=inverse)

        bands.append(Band("mark", size * 1.5 + GAP, mark))

    bar_w = barcodes.code128_width(view.number, quiet=False)

    def bar(c: Canvas, x: float, top: float) -> None:
        left = barcodes.snap_to_203dpi(x + (w - bar_w) / 2)
        barcodes.draw_code128(c, view.number, left, top - spec.barcode_h, spec.barcode_h)

    bands.append(Band("barcode", spec.barcode_h + 2 * GAP, lambda c, x, top: bar(c, x, top - GAP)))

    label_w = width("汉" * spec.label_chars, font, base) + base * 0.5
    fields_wrapped = [
        (priority, [(label if i == 0 else "", line) for i, line in
                    enumerate(wrap(value, font, base, w - label_w, max_lines or spec.desc_lines))])
        for label, value, max_lines, priority in field_rows(view)
    ]

    issued = " ".join(x for x in (view.issued_by, view.station, _fmt(view.issued_at, view.tz)) if x)
    foot = ([f"开单 {issued}"] if issued else []) + [f"打印 {_fmt(view.printed_at or datetime.now(UTC), view.tz)}"]
    foot = [shorten(line, font, base * 0.85, w) for line in foot]
    foot_h = len(foot) * base * 0.85 * 1.3 + GAP

    if content_h is not None:  # a fixed page: drop the least important fields until the rest fit
        room = content_h - sum(b.height for b in bands) - foot_h - GAP
        fit = max(0, int(room // lead))
        while sum(len(lines) for _, lines in fields_wrapped) > fit and len(fields_wrapped) > 1:
            worst = max(range(len(fields_wrapped)), key=lambda i: (fields_wrapped[i][0], i))
            fields_wrapped.pop(worst)
    rows = [row for _, lines in fields_wrapped for row in lines]
    if content_h is not None and len(rows) > fit:
        rows = rows[:fit]
        if rows:
            label, last = rows[-1]
            rows[-1] = (label, shorten(last + "……", font, base, w - label_w))

    def fields(c: Canvas, x: float, top: float) -> None:
        c.setLineWidth(0.5)
        c.line(x, top, x + w, top)
        labels, values = c.beginText(x, top - lead), c.beginText(x + label_w, top - lead)
        for obj, column in ((labels, 0), (values, 1)):
            obj.setFont(font, base, lead)
            for row in rows:
                obj.textLine(row[column])
            c.drawText(obj)

    if rows:
        bands.append(Band("fields", len(rows) * lead + GAP, fields))

    def footer(c: Canvas, x: float, top: float) -> None:
        size = base * 0.85
        c.setLineWidth(0.5)
        c.line(x, top, x + w, top)
        c.setFont(font, size)
        y = top - size * 1.3
        for line in foot:
            c.drawString(x, y, line)
            y -= size * 1.3

    bands.append(Band("footer", foot_h, footer))
    return bands


def plan(view: SlipView, size: str) -> list[Band]:
    """The bands of one slip (for tests and previews)."""
    spec = SPECS["a4cell" if size == "a4" else size]
    return _plan(view, spec, None if spec.page_h is None else spec.page_h - 2 * spec.margin)


def _draw_bands(c: Canvas, bands: Sequence[Band], x: float, top: float) -> None:
    for band in bands:
        band.draw(c, x, top)
        top -= band.height


def _roll_height(bands: Sequence[Band], spec: Spec) -> float:
    return math.ceil(sum(b.height for b in bands) + 2 * spec.margin + 4 * mm)  # a little paper to tear along


# The characters a slip's font subset starts with, in this order: the slip's own words, then
# those its fields most often hold (plates, places, company words, goods, units, surnames). The
# first subset of every slip is then the same 256 glyphs, embedded once and kept by the font
# (fonts.SubsetCachingTTFont); a slip's other characters make a small second subset.
_STATIC = ("交接单外发物资袋标签车牌供应商数量收货方去向电话消杀最早放行作废原因补打开印扫码·…（）、，；：")
_COMMON = ("宿迁苏鲁皖沪京浙豫冀赣鄂湘粤川渝陕晋辽吉黑津闽桂琼贵云藏甘青宁新蒙港澳台"
           "省市县区镇乡村街道路号楼栋室有限责任公司超配送中心批零售农贸食品商行店学院校园东西南北门堂卸点"
           "大米面粉挂油花生籽蔬菜青白萝卜土豆红柿黄瓜茄子猪牛羊鸡鸭鱼肉蛋奶瓶装水矿泉便火腿肠口罩手套毒液"
           "箱袋桶斤千克件盒包份张王李赵刘陈杨周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋"
           "余于杜叶程魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵"
           "万钱严武戴孔汤师傅先女士经理主一二三四五六七八九十百第日月年")


@lru_cache(maxsize=1)
def _seed() -> str:
    """As many of _STATIC + _COMMON as fill the first subset exactly (reportlab puts ASCII there
    too), so that a slip's own characters all go into the second."""

    class Probe:  # a stand-in document: subsets are kept per document
        pass

    font, probe, taken = pdfmetrics.getFont(fonts.register()), Probe(), []
    try:
        for ch in dict.fromkeys(_STATIC + _COMMON):
            font.splitString(ch, probe)
            if len(font.state[probe].subsets) > 1:
                break
            taken.append(ch)
    finally:
        font.state.pop(probe, None)
    return "".join(taken)


def _canvas(buf: io.BytesIO, size: tuple[float, float], title: str) -> Canvas:
    c = Canvas(buf, pagesize=size, pageCompression=1, invariant=1, initialFontName=fonts.FONT)
    c.setTitle(title)
    c.setAuthor("Gatehouse")
    pdfmetrics.getFont(fonts.FONT).splitString(_seed(), c._doc)  # the first subset: always the same
    return c


def _page(c: Canvas, view: SlipView, spec: Spec) -> None:
    bands = _plan(view, spec, None if spec.page_h is None else spec.page_h - 2 * spec.margin)
    height = spec.page_h or _roll_height(bands, spec)
    c.setPageSize((spec.page_w, height))
    _draw_bands(c, bands, spec.margin, height - spec.margin)
    c.showPage()


def build_slips(views: Sequence[SlipView], size: str) -> bytes:
    """One PDF: one page per slip on rolls and A6, six slips per page on A4."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {SIZES}, got {size!r}")
    fonts.register()
    with _BUILD_LOCK:  # reportlab keeps per-document font state in objects every document shares
        return _build(views, size)


def _build(views: Sequence[SlipView], size: str) -> bytes:
    buf = io.BytesIO()
    title = views[0].number if len(views) == 1 else f"{len(views)} slips"
    c = _canvas(buf, A4_PT if size == "a4" else (SPECS[size].page_w, SPECS[size].page_h or 100 * mm), title)
    if size == "a4":
        _sheets(c, views)
    else:
        for view in views:
            _page(c, view, SPECS[size])
    c.save()
    return buf.getvalue()


def build_slip(view: SlipView, size: str = "80mm") -> bytes:
    return build_slips([view], size)


def _sheets(c: Canvas, views: Sequence[SlipView]) -> None:
    spec = SPECS["a4cell"]
    per_page = A4_COLUMNS * A4_ROWS
    for first in range(0, len(views), per_page):
        c.setPageSize(A4_PT)
        c.saveState()
        c.setDash(2, 3)
        c.setLineWidth(0.3)
        c.setStrokeGray(0.6)
        c.line(A4_PT[0] / 2, 0, A4_PT[0] / 2, A4_PT[1])
        for r in range(1, A4_ROWS):
            c.line(0, r * spec.page_h, A4_PT[0], r * spec.page_h)  # type: ignore[operator]
        c.restoreState()
        for i, view in enumerate(views[first:first + per_page]):
            col, row = i % A4_COLUMNS, i // A4_COLUMNS
            x = col * spec.page_w + spec.margin
            top = A4_PT[1] - row * spec.page_h - spec.margin  # type: ignore[operator]
            _draw_bands(c, _plan(view, spec, spec.page_h - 2 * spec.margin), x, top)  # type: ignore[operator]
        c.showPage()
