"""Rendering one 80 mm slip against a minimal reportlab page with one barcode, in the same run.

The reference is the least a slip PDF can cost: one page, the same vector Code128 and the number
in the same embedded font (any Chinese slip must embed a font subset). Fonts are registered and
the barcode pattern computed before timing, as in a running app.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.bench import figure
from desktop.documents import barcodes, fonts
from desktop.documents.slip import Disinfected, SlipView, build_slip

NUMBER = "SQ-7KM3QX9A4"


def sample_view() -> SlipView:
    now = datetime(2026, 11, 29, 2, 5, tzinfo=UTC)
    return SlipView(
        site_name="宿迁学院东门卡口", number=NUMBER, plate="苏N·A1234", supplier="宿迁苏果超市配送中心有限公司",
        category="蔬菜", description="青菜、土豆、西红柿、黄瓜（混装）", quantity=120, unit="箱",
        recipient="七食堂 张三 13812341234", destination="② 7食堂北门", contact_phone="13812341234",
        disinfections=(Disinfected(now, "84消毒液", "1:100", "卡口"),
                       Disinfected(now + timedelta(minutes=20), "84消毒液", "1:100", "卸货点")),
        dwell_end=now + timedelta(minutes=50), issued_by="李强", issued_at=now, station="gate",
        printed_at=now, reprint_no=1,
    )


def minimal_page() -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(80 * mm, 60 * mm), pageCompression=1, invariant=1, initialFontName=fonts.register())
    barcodes.draw_code128(c, NUMBER, 10 * mm, 30 * mm, 14 * mm)
    c.setFont(fonts.FONT, 12)
    c.drawString(10 * mm, 20 * mm, NUMBER)
    c.showPage()
    c.save()
    return buf.getvalue()


def interleaved_medians(a: Callable[[], object], b: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """Median ms of each and the median of b/a over neighbouring pairs: sampled alternately, so a
    machine busy with other work slows both sides of a pair alike."""
    for _ in range(3):
        a(), b()
    sa, sb = [], []
    for _ in range(repeat):
        for fn, out in ((a, sa), (b, sb)):
            start = time.perf_counter()
            fn()
            out.append((time.perf_counter() - start) * 1000)
    ratios = [y / x for x, y in zip(sa, sb, strict=True)]
    return statistics.median(sa), statistics.median(sb), statistics.median(ratios)


def builtin_barcode_page() -> bytes:
    """reportlab's own Code128 widget with Helvetica (nothing embedded): shown for context only;
    a Chinese slip cannot avoid embedding a font subset."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(80 * mm, 60 * mm), pageCompression=1, invariant=1)
    Code128(NUMBER, barWidth=0.25 * mm, barHeight=14 * mm, humanReadable=True).drawOn(c, 5 * mm, 20 * mm)
    c.showPage()
    c.save()
    return buf.getvalue()


def run(repeat: int = 60) -> list[dict[str, Any]]:
    fonts.register()
    view = sample_view()
    reference, slip, ratio = interleaved_medians(minimal_page, lambda: build_slip(view, "80mm"), repeat)
    builtin = statistics.median(_samples(builtin_barcode_page, repeat // 2))
    return [figure("render one 80 mm slip", slip, "ms", "minimal page with one barcode (same embedded font)",
                   reference, "< 20 ms and < 2 × reference", slip < 20 and ratio < 2, key="slip.render.80mm", ratio=round(ratio, 2),
                   builtin_font_barcode_page_ms=round(builtin, 3))]


def _samples(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out
