"""Test helpers for slips: PDF → pdftoppm (black and white, a printer's resolution) → zxing-cpp."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image


def rasterize(pdf: Path, dpi: int, page: int = 1) -> Image.Image:
    out = subprocess.run(["pdftoppm", "-r", str(dpi), "-mono", "-f", str(page), "-l", str(page), str(pdf)],
                         capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(out))


def decode(image: Image.Image) -> list[tuple[str, str]]:
    return [(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)]


def embedded_fonts(pdf: Path) -> list[tuple[str, bool]]:
    """(name, embedded) for each font pdffonts lists."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        m = re.match(r"(\S+)\s+.*?\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
        if m:
            fonts.append((m.group(1), m.group(2) == "yes"))
    return fonts
