"""The icons in resources/icons: valid SVGs Qt can draw, told apart, and a PNG/ICO in step with the SVG."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

from desktop.paths import resource

pytestmark = pytest.mark.gui

STATIONS = ["review", "gate", "disinfection", "handoff", "slips", "supervision", "admin"]


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid(), svg
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def coverage(image: QImage) -> list[bool]:
    """Which pixels are drawn at all (alpha above half)."""
    return [image.pixelColor(x, y).alpha() > 127 for y in range(image.height()) for x in range(image.width())]


@pytest.mark.parametrize("name", STATIONS)
def test_station_icon_is_a_48_unit_svg_that_draws_something(qapp, name: str) -> None:
    svg = resource("icons", f"{name}.svg")
    assert re.search(r'viewBox="0 0 48 48"', svg.read_text(encoding="utf-8"))
    drawn = sum(coverage(render(svg, 48)))
    assert 48 * 48 * 0.08 < drawn < 48 * 48 * 0.6  # a shape, not a blank or a filled square


def test_station_icons_differ_from_each_other(qapp) -> None:
    masks = {name: coverage(render(resource("icons", f"{name}.svg"), 32)) for name in STATIONS}
    for i, a in enumerate(STATIONS):
        for b in STATIONS[i + 1:]:
            differing = sum(x != y for x, y in zip(masks[a], masks[b], strict=True))
            assert differing > 32 * 32 * 0.1, (a, b)


def test_app_icon_png_and_ico_are_rendered_from_the_svg(qapp) -> None:
    png = QImage(str(resource("icons", "gatehouse.png")))
    assert png.size().width() == png.size().height() == 256
    fresh = render(resource("icons", "gatehouse.svg"), 256)
    # Compare on a coarse grid: anti-aliasing may differ by a shade, a stale PNG differs in shapes.
    for y in range(4, 256, 8):
        for x in range(4, 256, 8):
            a, b = png.pixelColor(x, y), fresh.pixelColor(x, y)
            assert abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60, (
                f"gatehouse.png is out of date at {x},{y}: run installer/make_icons.py")
    reader = QImageReader(str(resource("icons", "gatehouse.ico")))
    assert reader.imageCount() >= 4

