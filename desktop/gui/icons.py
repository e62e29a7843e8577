"""Icons from resources/icons, tinted for where they are drawn.

The station icons are single-colour SVGs drawn in `currentColor`; painted as-is they are dark navy,
which vanishes on the dark navigation bar. `tinted_icon` renders one SVG in a colour per icon mode,
so a list shows a light icon normally and a dark one on the amber selection.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

# Colours of the navigation list in desktop.gui.application.STYLESHEET.
NAV_NORMAL = "#ffffff"
NAV_SELECTED = "#10263b"


def tinted_pixmap(svg: Path, colour: str, size: int) -> QPixmap:
    """`svg` rendered at size x size pixels with currentColor replaced by `colour`."""
    data = svg.read_bytes().replace(b"currentColor", colour.encode("ascii"))
    renderer = QSvgRenderer(QByteArray(data))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return QPixmap.fromImage(image)


def tinted_icon(svg: Path, *, normal: str = NAV_NORMAL, selected: str = NAV_SELECTED,
                sizes: tuple[int, ...] = (40, 80)) -> QIcon:
    """A QIcon drawn in `normal` colour, and in `selected` colour for the Selected mode."""
    icon = QIcon()
    for mode, colour in ((QIcon.Mode.Normal, normal), (QIcon.Mode.Selected, selected)):
        for size in sizes:
            icon.addPixmap(tinted_pixmap(svg, colour, size), mode)
    return icon
