"""A table of plain text cells for long report lists, drawn straight on the canvas.

reportlab's Table with a Paragraph per cell lays a 2,000-row list out in seconds: every cell is a
flowable, and splitting the table over pages measures and wraps the rest again for each page.
Here each cell is wrapped once, when the grid is made (lines of plain text, `text.wrap`), so every
row's height is known up front; splitting at a page end is a search in those heights, and each
page's part is drawn as one table: its fills, one text object per column and one path of rules.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from desktop.documents.text import wrap


@dataclass(frozen=True)
class GridStyle:
    font: str
    size: float = 9.5
    leading: float = 12.5
    pad: float = 2.5  # above and below a cell's text
    hpad: float = 4.0  # either side
    head_fill: str = "#2f4f6f"
    head_text: str = "#ffffff"
    stripe: str = "#f2f4f7"  # every other row's fill
    rule: str = "#888888"
    rule_width: float = 0.4


def cell_lines(text: object, font: str, size: float, room: float, cache: dict[str, list[str]]) -> list[str]:
    """The lines a cell's text takes in `room` points: itself when it fits, else wrapped."""
    body = str(text)
    lines = cache.get(body)
    if lines is None:
        lines = []
        for part in body.split("\n"):
            lines.extend([part] if stringWidth(part, font, size) <= room else wrap(part, font, size, room) or [""])
        cache[body] = lines
    return lines


class Grid(Flowable):
    """Rows of plain text under a header that repeats on every page the grid runs onto. `tints`
    colours a row's text (hex, or None for black)."""

    def __init__(self, header: Sequence[object], rows: Sequence[Sequence[object]], widths: Sequence[float],
                 style: GridStyle, tints: Sequence[str | None] | None = None) -> None:
        super().__init__()
        self.hAlign = "CENTER"  # as reportlab's Table: a grid as wide as the page's margins overhangs the frame's padding alike
        self.style, self.widths = style, list(widths)
        cache: dict[str, list[str]] = {}
        rooms = [w - 2 * style.hpad for w in widths]

        def lines_of(row: Sequence[object]) -> list[list[str]]:
            return [cell_lines(c, style.font, style.size, room, cache) for c, room in zip(row, rooms, strict=True)]

        self.head = lines_of(header)
        self.cells = [lines_of(row) for row in rows]
        self.tints = list(tints) if tints else [None] * len(rows)
        self.heights = [self._height(row) for row in self.cells]
        self.first = 0  # the index of this part's first row in the whole grid (keeps the stripes in step)
        self.shown: dict[str, str] = {}  # a line's PDF text operator, shared by the parts of one grid (see _lines)

    def _height(self, row: list[list[str]]) -> float:
        return max((len(lines) for lines in row), default=1) * self.style.leading + 2 * self.style.pad

    def _part(self, lo: int, hi: int) -> Grid:
        part = object.__new__(Grid)
        Flowable.__init__(part)
        part.hAlign = self.hAlign
        part.style, part.widths, part.head = self.style, self.widths, self.head
        part.cells, part.tints, part.heights = self.cells[lo:hi], self.tints[lo:hi], self.heights[lo:hi]
        part.first, part.shown = self.first + lo, self.shown
        return part

    @property
    def head_height(self) -> float:
        return self._height(self.head)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = sum(self.widths), self.head_height + sum(self.heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Grid]:
        fit = bisect_right(list(accumulate(self.heights)), availHeight - self.head_height)
        if fit == 0:
            return []  # not even one row here: the grid starts on the next page
        if fit >= len(self.cells):
            return [self]
        return [self._part(0, fit), self._part(fit, len(self.cells))]

    def draw(self) -> None:
        st, c = self.style, self.canv
        width, head_h = sum(self.widths), self.head_height
        tops = [self.height - head_h]  # the top edge of each row, then the grid's bottom
        for h in self.heights:
            tops.append(tops[-1] - h)
        c.saveState()
        c.setFillColor(colors.HexColor(st.head_fill))
        c.rect(0, tops[0], width, head_h, stroke=0, fill=1)
        stripes = [f"0 {tops[i + 1]:.3f} {width:.3f} {self.heights[i]:.3f} re"
                   for i in range(len(self.cells)) if (self.first + i) % 2]
        if stripes:
            c.setFillColor(colors.HexColor(st.stripe))
            c.addLiteral("\n".join(stripes) + "\nf")

        x = st.hpad
        for col, w in enumerate(self.widths):
            self._column(col, x, tops)
            x += w

        edges = list(accumulate(self.widths, initial=0.0))
        rules = [f"0 {y:.3f} m {width:.3f} {y:.3f} l" for y in (self.height, *tops)]
        rules += [f"{e:.3f} 0 m {e:.3f} {self.height:.3f} l" for e in edges]
        c.setStrokeColor(colors.HexColor(st.rule))
        c.setLineWidth(st.rule_width)
        c.addLiteral("\n".join(rules) + "\nS")
        c.restoreState()

    def _column(self, col: int, x: float, tops: list[float]) -> None:
        """One text object for the column: its header, then every row's lines, moving down by
        the rows' heights (no absolute position per cell)."""
        st = self.style
        if self.shown.get("") is not self.canv._doc:  # type: ignore[attr-defined]
            self.shown.clear()  # drawn into another document: its font subsets number glyphs anew
            self.shown[""] = self.canv._doc  # type: ignore[attr-defined]
        text = self.canv.beginText(x, self.height - st.pad - st.size)
        text.setFont(st.font, st.size, st.leading)
        text.setFillColor(colors.HexColor(st.head_text))
        pending = self._lines(text, self.head[col], self.head_height, 0.0)
        tint: str | None = "head"
        for row, h, row_tint in zip(self.cells, self.heights, self.tints, strict=True):
            if row_tint != tint:
                text.setFillColor(colors.HexColor(row_tint) if row_tint else colors.black)
                tint = row_tint
            pending = self._lines(text, row[col], h, pending)
        self.canv.drawText(text)

    def _lines(self, text: Any, lines: list[str], height: float, pending: float) -> float:
        """Show a cell's lines, each followed by T* (down one leading); `pending` is the move
        still owed from the cells above, written as one Td before the next line shown. A line's
        operator is the same wherever it stands in one document (the subset codes of its
        characters, escaped), so a busy day's repeated suppliers and goods are encoded once."""
        leading, code, shown = self.style.leading, text._code, self.shown
        for line in lines:
            if line:
                if pending:
                    code.append(f"0 {-pending:.3f} Td")
                    pending = 0.0
                op = shown.get(line)
                if op is None:
                    op = shown[line] = f"{text._formatText(line)} T*"
                code.append(op)
            else:
                pending += leading
        return pending + height - len(lines) * leading
