"""Rendering slips against a minimal reportlab page with one barcode, in the same run.

The reference is the least a slip PDF costs with reportlab as it comes: one page, the same vector
Code128 and the number in the same font file, embedded as a subset by reportlab's own TrueType
font (any Chinese slip must embed a font subset). Fonts are registered and the barcode pattern
computed before timing, as in a running app. The slip uses the app's font, which keeps the subsets
it made between slips (fonts.SubsetCachingTTFont); the extra fields say what that is worth: the
same minimal page with the app's font, and a slip that differs from the one before it in every
field (a new number, so a new QR and barcode, and new characters in its second subset).

- `slip.render.80mm`: one 80 mm slip, < 1.5 × the reference, sampled alternately with it;
- `slip.render.100`: 100 different slips in one PDF, < 1 s (reference: 100 minimal pages in one PDF).
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from desktop.bench import figure, quick
from desktop.documents import barcodes, fonts
from desktop.documents.slip import Disinfected, SlipView, build_slip, build_slips

NUMBER = "SQ-7KM3QX9A4"
PLAIN_FONT = fonts.FONT + "-reportlab"  # the same font file in reportlab's own TrueType font
TARGET_RATIO, TARGET_100_MS = 1.5, 1000.0
SUPPLIERS = ("宿迁苏果超市配送中心有限公司", "沭阳县鑫源蔬菜配送中心", "泗洪县金穗粮油贸易商行", "京东物流宿迁分拣中心",
             "宿豫区丁嘴镇永兴农副产品批发部")
NAMES = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


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


def varied_view(i: int) -> SlipView:
    """The i-th of a run of different slips: its own number, plate, supplier and recipient."""
    return replace(sample_view(), number=f"SQ-{i:08d}", plate=f"苏N·B{i % 10000:04d}",
                   supplier=f"{SUPPLIERS[i % len(SUPPLIERS)]}{i % 7 + 1}号库",
                   recipient=f"{'张王李赵刘陈杨黄'[i % 8]}{NAMES[i % len(NAMES)]} 1381234{i % 10000:04d}")


def plain_font() -> str:
    """The slip's font file as reportlab's own TTFont (no subsets kept between PDFs). Put in the
    registry by hand: registerFont would hand back the app's font, already registered for the face."""
    font = pdfmetrics._fonts.get(PLAIN_FONT)
    if font is None or type(font) is not TTFont:
        pdfmetrics._fonts[PLAIN_FONT] = TTFont(PLAIN_FONT, fonts.font_path(), subfontIndex=0)
    return PLAIN_FONT


def minimal_page(font: str | None = None, pages: int = 1) -> bytes:
    """One page (or `pages`) with one barcode and the number under it, in `font` (by default
    reportlab's own TrueType font of the slip's font file)."""
    font = font or plain_font()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(80 * mm, 60 * mm), pageCompression=1, invariant=1, initialFontName=font)
    for _ in range(pages):
        barcodes.draw_code128(c, NUMBER, 10 * mm, 30 * mm, 14 * mm)
        c.setFont(font, 12)
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


def run(repeat: int | None = None, batch_repeat: int | None = None) -> list[dict[str, Any]]:
    repeat = repeat or (20 if quick() else 60)
    batch_repeat = batch_repeat or (2 if quick() else 5)
    fonts.register()
    plain_font()
    view = sample_view()
    reference, slip, ratio = interleaved_medians(minimal_page, lambda: build_slip(view, "80mm"), repeat)
    app_font_page = statistics.median(_samples(lambda: minimal_page(fonts.FONT), repeat // 2))
    counter = iter(range(10**9))
    new_slip = statistics.median(_samples(lambda: build_slip(varied_view(next(counter)), "80mm"), repeat // 2))
    builtin = statistics.median(_samples(builtin_barcode_page, repeat // 2))
    one = figure("render one 80 mm slip", slip, "ms", "minimal page with one barcode (same font file, reportlab's "
                 "own subset embedding)", reference, f"< {TARGET_RATIO:g} × reference", ratio < TARGET_RATIO,
                 key="slip.render.80mm", ratio=round(ratio, 2), repeat=repeat,
                 minimal_page_app_font_ms=round(app_font_page, 3),
                 ratio_to_minimal_page_app_font=round(slip / app_font_page, 2),
                 different_slip_each_time_ms=round(new_slip, 3), builtin_font_barcode_page_ms=round(builtin, 3))

    start = 1_000_000
    views = [varied_view(start + i) for i in range(100)]  # new numbers: QR codes made afresh in each run

    def hundred() -> None:
        nonlocal views
        build_slips(views, "80mm")
        views = [replace(v, number=f"SQ-{int(v.number[3:]) + 100:08d}") for v in views]

    ref100, many, _ = interleaved_medians(lambda: minimal_page(pages=100), hundred, batch_repeat)
    batch = figure("render 100 different 80 mm slips into one PDF", many, "ms", "100 minimal one-barcode pages in one "
                   "PDF (reportlab's own font)", ref100, f"< {TARGET_100_MS:g} ms", many < TARGET_100_MS,
                   key="slip.render.100", slips=100, repeat=batch_repeat)
    return [one, batch]


def _samples(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out
