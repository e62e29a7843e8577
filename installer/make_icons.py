"""Render the app icon from its SVG: resources/icons/gatehouse.png (256 px) and gatehouse.ico.

The PNG is what the Linux .desktop entry and window managers use; the ICO is the Windows executable's
icon (PyInstaller wants .ico there). Both are committed; run this again after editing gatehouse.svg:

    QT_QPA_PLATFORM=offscreen python installer/make_icons.py [--preview DIR]

--preview also writes a contact sheet of every SVG in resources/icons (at 48 and 96 px, on white and
on a dark background) so a person can look at them.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(svg: Path, size: int, background: QColor | None = None) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(background or Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def write_ico(svg: Path, target: Path, sizes: tuple[int, ...] = (16, 24, 32, 48, 64, 256)) -> None:
    """A multi-size ICO with PNG-compressed images (Windows Vista and later read these).

    Qt's ICO writer stores one uncompressed bitmap; Explorer, the taskbar and the Start menu each
    pick a different size, and a 256 px bitmap alone is 270 KB.
    """
    images = [png_bytes(render(svg, size)) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in zip(sizes, images, strict=True):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    target.write_bytes(header + entries + blobs)


def contact_sheet(out: Path) -> Path:
    svgs = sorted(ICONS.glob("*.svg"))
    cell = 140
    sheet = QImage(cell * len(svgs), cell * 2 + 20, QImage.Format.Format_ARGB32)
    sheet.fill(QColor("white"))
    painter = QPainter(sheet)
    painter.fillRect(0, cell + 10, sheet.width(), cell + 10, QColor("#202020"))
    painter.setFont(QFont("sans", 9))
    for i, svg in enumerate(svgs):
        x = i * cell
        painter.drawImage(x + 6, 10, render(svg, 96))
        painter.drawImage(x + 106, 34, render(svg, 32))
        painter.drawImage(x + 6, cell + 20, render(svg, 96, QColor("#F0F0F0")))
        painter.drawImage(x + 106, cell + 44, render(svg, 48))
        painter.setPen(QColor("black"))
        painter.drawText(x + 6, cell, svg.stem)
    painter.end()
    path = out / "icons-sheet.png"
    sheet.save(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preview", type=Path, default=None, help="also write a contact sheet here")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (painting needs one)
    source = ICONS / "gatehouse.svg"
    png = ICONS / "gatehouse.png"
    if not render(source, 256).save(str(png)):
        raise SystemExit(f"could not write {png}")
    write_ico(source, ICONS / "gatehouse.ico")
    print(f"wrote {png} and gatehouse.ico")
    if args.preview:
        args.preview.mkdir(parents=True, exist_ok=True)
        print(f"wrote {contact_sheet(args.preview)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
