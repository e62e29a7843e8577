"""The verdict panel: the answer to a scan, readable at a glance from two metres in gloves.

The whole panel takes the verdict's colour (green go, amber wait, red stop), the headline is
huge, and the line under it says who/when/where. `painted` is emitted after the panel has drawn a
new verdict (the bench measures Enter → painted with it).

Signals: painted() — a new verdict has been drawn on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.services.handoff import Verdict, VerdictKind

HEADLINE_PT = 80
GREEN, AMBER, RED, GREY = "#1b7f3b", "#f2a900", "#c62828", "#37474f"
COLOURS: dict[str, tuple[str, str]] = {  # background, text
    VerdictKind.OK: (GREEN, "#ffffff"),
    VerdictKind.NOT_YET: (AMBER, "#1a1a1a"),
    VerdictKind.ALREADY: (RED, "#ffffff"),
    VerdictKind.VOIDED: (RED, "#ffffff"),
    VerdictKind.RECALLED: (RED, "#ffffff"),
    VerdictKind.UNKNOWN: (RED, "#ffffff"),
    VerdictKind.INVALID: (RED, "#ffffff"),
    VerdictKind.BUSY: (AMBER, "#1a1a1a"),
    VerdictKind.WITHDRAWN: (RED, "#ffffff"),
    "idle": (GREY, "#ffffff"),
    "error": (RED, "#ffffff"),
}


class VerdictPanel(QFrame):
    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdict_panel")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setMinimumHeight(300)
        self.headline = self._label("verdict_headline", 80, bold=True)
        self.number = self._label("verdict_number", 26, bold=True)
        self.detail = self._label("verdict_detail", 22)
        self.detail.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.addStretch(1)
        for w in (self.headline, self.number, self.detail):
            box.addWidget(w)
        box.addStretch(1)
        self.state = "idle"
        self._fresh = False
        self.show_idle(self.tr("请扫描交接单"), self.tr("扫码枪可在任何位置扫描；也可在下方手工输入单号。"))

    def _label(self, name: str, points: int, *, bold: bool = False) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = label.font()
        font.setPointSize(points)
        font.setBold(bold)
        label.setFont(font)
        return label

    def show_verdict(self, verdict: Verdict) -> None:
        number = verdict.slip_number or verdict.code
        if verdict.repeat:
            number += self.tr("（重复扫描，已忽略）")
        self._show(verdict.kind.value, verdict.headline, number, verdict.message)

    def show_idle(self, title: str, detail: str) -> None:
        self._show("idle", title, "", detail)

    def show_error(self, title: str, detail: str) -> None:
        self._show("error", title, "", detail)

    def _show(self, state: str, title: str, number: str, detail: str) -> None:
        self.state = state
        bg, fg = COLOURS.get(state, COLOURS["error"])
        # Sizes go in the stylesheet too: the application's `QWidget { font-size }` beats QFont.
        self.setStyleSheet(f"#verdict_panel {{ background: {bg}; border-radius: 12px; }}"
                           f" #verdict_panel QLabel {{ color: {fg}; background: transparent; }}"
                           f" QLabel#verdict_headline {{ font-size: {HEADLINE_PT}pt; font-weight: bold; }}"
                           " QLabel#verdict_number { font-size: 26pt; font-weight: bold; }"
                           " QLabel#verdict_detail { font-size: 22pt; }")
        self.headline.setText(title)
        self.number.setText(number)
        self.number.setVisible(bool(number))
        self.detail.setText(detail)
        self._fresh = True
        self.update()

    @property
    def colour(self) -> str:
        return COLOURS.get(self.state, COLOURS["error"])[0]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._fresh:
            self._fresh = False
            self.painted.emit()
