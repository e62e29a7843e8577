"""Barcodes drawn as vector rectangles, so they stay crisp at any printer resolution.

Code128 from python-barcode's module string (one character per module, "1" = bar); QR from
segno's matrix. Module sizes are in points; 0.25 mm bars decode at 203 and 300 dpi.
"""

from __future__ import annotations

import math
from functools import lru_cache

import barcode
import segno
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

CODE128_MODULE = 0.25 * mm
QUIET_MODULES = 10  # the minimum quiet zone on each side


@lru_cache(maxsize=256)
def code128_modules(data: str) -> str:
    return barcode.get("code128", data).build()[0]


def snap_to_203dpi(x: float) -> float:
    """Move a barcode's left edge (points from the page's left) by under one dot so that its bar
    edges stay clear of dot boundaries at 203 dpi. There a 0.25 mm module is 1.998 dots: the edges
    drift only ~0.4 dot across a whole code, so if they start near a dot boundary they all sit on
    one, and a black-and-white rasterizer (poppler's, a receipt printer's) rounds every bar the
    same way: measured, codes starting 0.1-0.25 dot past a boundary failed to decode, 0.3-0.95
    decoded. Start at 0.75, so the drift ends near 0.35."""
    dots = x * 203 / 72
    return (math.floor(dots) + 0.75) * 72 / 203


def code128_width(data: str, module: float = CODE128_MODULE, quiet: bool = True) -> float:
    return (len(code128_modules(data)) + (2 * QUIET_MODULES if quiet else 0)) * module


def _runs(row: str | bytes | bytearray) -> list[tuple[int, int]]:
    """(start, length) of each run of dark modules."""
    out, start = [], None
    for i, v in enumerate(row):
        dark = v in ("1", 1, True)
        if dark and start is None:
            start = i
        elif not dark and start is not None:
            out.append((start, i - start))
            start = None
    if start is not None:
        out.append((start, len(row) - start))
    return out


def _fill_runs(c: Canvas, x: float, y: float, sx: float, sy: float, rects: list[str]) -> None:
    """Fill rectangles given in module units (scaled to points by the transform). Written as one
    literal path: drawing a hundred bars through the path API costs more than the rest of a slip."""
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.translate(x, y)
    c.scale(sx, sy)
    c.addLiteral("\n".join(rects) + "\nf")
    c.restoreState()


def draw_code128(c: Canvas, data: str, x: float, y: float, height: float, module: float = CODE128_MODULE) -> float:
    """Draw bars with their left edge (after the quiet zone) at x, bottom at y; return the bar width."""
    modules = code128_modules(data)
    _fill_runs(c, x, y, module, height, _bar_rects(modules))
    return len(modules) * module


@lru_cache(maxsize=256)
def _bar_rects_cached(modules: str) -> tuple[str, ...]:
    return tuple(f"{start} 0 {length} 1 re" for start, length in _runs(modules))


def _bar_rects(modules: str) -> list[str]:
    return list(_bar_rects_cached(modules))


@lru_cache(maxsize=256)
def qr_matrix(data: str) -> tuple[tuple[int, ...], ...]:
    qr = segno.make(data, error="m", micro=False)
    return tuple(tuple(row) for row in qr.matrix)


@lru_cache(maxsize=256)
def _qr_rects(data: str) -> tuple[str, ...]:
    matrix = qr_matrix(data)
    n = len(matrix)
    return tuple(f"{start} {n - r - 1} {length} 1 re" for r, row in enumerate(matrix) for start, length in _runs(row))


def qr_size(data: str, module: float, border: int = 0) -> float:
    return (len(qr_matrix(data)) + 2 * border) * module


def draw_qr(c: Canvas, data: str, x: float, y: float, module: float) -> float:
    """Draw the QR symbol (no quiet zone) with its lower-left corner at x, y; return its side."""
    _fill_runs(c, x, y, module, module, list(_qr_rects(data)))
    return len(qr_matrix(data)) * module
