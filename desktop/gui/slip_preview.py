"""Print preview of one slip: the page as it will print, the printer and paper (remembered per
station), print / reprint, and void with a reason.

Signals: printed(object) with the updated SlipInfo after a recorded print; voided(object) with
the SlipInfo after voiding.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.gui import printing
from desktop.gui.context import AppContext
from desktop.gui.dialog_focus import reading_order
from desktop.gui.ops import describe_error
from desktop.gui.slip_print import PrintOutcome, print_slip
from desktop.services import slips

PAPER_NAMES = {"58mm": "58 mm 小票", "80mm": "80 mm 小票", "a6": "A6", "a4": "A4（每页6张）"}


@dataclass(frozen=True)
class _Loaded:
    slip: slips.SlipInfo
    settings: slips.PrintSettings
    pdf: bytes
    image: QImage


class SlipPreviewDialog(QDialog):
    printed = Signal(object)
    voided = Signal(object)

    def __init__(self, ctx: AppContext, number: str, parent: QWidget | None = None, *,
                 pdf_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.number, self.pdf_dir = ctx, number, pdf_dir
        self.slip: slips.SlipInfo | None = None
        self.pdf: bytes = b""
        self.last_output = ""
        self.loading = False
        self.setWindowTitle(self.tr("交接单预览 {n}").replace("{n}", number))
        self.resize(1000, 720)
        self._build()
        self._load(first=True)

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.page = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.page.setObjectName("slipPage")
        self.page.setStyleSheet("background: #9aa5b1; padding: 12px;")
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.page)

        self.heading = QLabel(objectName="heading")
        self.state = QLabel(wordWrap=True)
        self.printer = QComboBox(objectName="printer")
        self.paper = QComboBox(objectName="paper")
        for key, name in PAPER_NAMES.items():
            self.paper.addItem(self.tr(name), key)
        self.paper.currentIndexChanged.connect(lambda _i: self._load())
        self.print_button = QPushButton(self.tr("打印"), objectName="print", default=True)
        self.print_button.clicked.connect(self._print)
        self.reason = QLineEdit(objectName="voidReason", placeholderText=self.tr("作废原因（必填）"))
        self.void_button = QPushButton(self.tr("作废"), objectName="void")
        self.void_button.clicked.connect(self._void)
        self.close_button = close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        self.message = QLabel(wordWrap=True, objectName="message")
        self.message.setMinimumHeight(80)

        form = QFormLayout()
        form.addRow(self.tr("打印机"), self.printer)
        form.addRow(self.tr("纸张"), self.paper)
        side = QVBoxLayout()
        side.addWidget(self.heading)
        side.addWidget(self.state)
        side.addLayout(form)
        side.addWidget(self.print_button)
        side.addSpacing(24)
        side.addWidget(self.reason)
        side.addWidget(self.void_button)
        side.addWidget(self.message)
        side.addStretch(1)
        side.addWidget(close)
        panel = QWidget()
        panel.setLayout(side)
        panel.setFixedWidth(380)
        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(panel)

    def _fill_printers(self, remembered: str) -> None:
        self.printer.blockSignals(True)
        self.printer.clear()
        names = printing.available_printers()
        default = printing.default_printer()
        for name in names:
            self.printer.addItem(name + (self.tr("（默认）") if name == default else ""), name)
        if remembered and remembered != printing.PDF_PRINTER and remembered not in names:
            self.printer.addItem(remembered + self.tr("（未找到）"), remembered)
        self.printer.addItem(self.tr("PDF 文件"), printing.PDF_PRINTER)
        wanted = remembered or default or printing.PDF_PRINTER
        self.printer.setCurrentIndex(max(0, self.printer.findData(wanted)))
        self.printer.blockSignals(False)

    # --- loading --------------------------------------------------------------------------

    def _load(self, first: bool = False) -> None:
        """Render the slip (as the next print would show it) and its preview off the UI thread."""
        self.loading = True
        self._enable(False)
        paper = None if first else self.paper.currentData()
        number, station, now = self.number, self.ctx.actor.station, self.ctx.clock.now()

        def work(session):  # type: ignore[no-untyped-def]
            slip = slips.get_slip(session, number)
            if slip is None:
                raise LookupError(number)
            settings = slips.print_settings(session, station)
            pdf = slips.render_pdf(session, [number], size=paper or settings.paper, printed_at=now)
            return _Loaded(slip, settings, pdf, printing.preview_image(pdf, dpi=110))

        self.ctx.ops.read(work, on_done=lambda loaded: self._show(loaded, first), on_error=self._load_failed)

    def _show(self, loaded: _Loaded, first: bool) -> None:
        self.slip, self.pdf = loaded.slip, loaded.pdf
        if first:
            self._fill_printers(loaded.settings.printer)
            self.paper.blockSignals(True)
            self.paper.setCurrentIndex(max(0, self.paper.findData(loaded.settings.paper)))
            self.paper.blockSignals(False)
        self.page.setPixmap(QPixmap.fromImage(loaded.image))
        self.heading.setText(loaded.slip.number)
        if loaded.slip.voided:
            self.state.setText(self.tr("已作废：") + loaded.slip.void_reason)
            self.state.setStyleSheet("color: #b00020; font-weight: bold;")
        elif loaded.slip.print_count:
            self.state.setText(self.tr("已打印 {n} 次，再次打印将标记为补打。").replace("{n}", str(loaded.slip.print_count)))
            self.state.setStyleSheet("")
        else:
            self.state.setText(self.tr("尚未打印。"))
            self.state.setStyleSheet("")
        self.print_button.setText(self.tr("补打") if loaded.slip.print_count else self.tr("打印"))
        self.loading = False
        self._enable(True)
        if first:
            self._focus_first()

    def _focus_first(self) -> None:
        """The controls were disabled while the slip loaded: chain them now and start on the printer
        (Enter there prints), not on the picture."""
        reading_order(self)
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus) or isinstance(focus, QScrollArea) or not focus.isEnabled():
            (self.printer if self.printer.isEnabled() else self.close_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = False
        self._say(describe_error(exc) if not isinstance(exc, LookupError) else self.tr("找不到该交接单。"), error=True)

    def _enable(self, on: bool) -> None:
        live = on and self.slip is not None and not self.slip.voided
        for w in (self.print_button, self.void_button, self.reason, self.printer, self.paper):
            w.setEnabled(live)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if error else "color: #1b6e20;")

    # --- actions --------------------------------------------------------------------------

    def _print(self) -> None:
        if self.slip is None or self.loading:
            return
        self._enable(False)
        self._say(self.tr("正在打印……"))
        print_slip(self.ctx, self.slip.number, printer=self.printer.currentData(), paper=self.paper.currentData(),
                   reprint_no=self.slip.print_count, pdf=self.pdf, on_finished=self._printed, out_dir=self.pdf_dir)

    def _printed(self, outcome: PrintOutcome) -> None:
        self.last_output = outcome.output_file if outcome.ok else ""
        self._say(outcome.message, error=not outcome.ok)
        if outcome.ok:
            self.printed.emit(outcome.slip)
        self._load()  # the next copy shows the reprint mark (or the same one again after a failure)

    def _void(self) -> None:
        if self.slip is None:
            return
        reason, number = self.reason.text(), self.slip.number
        self._enable(False)
        self.ctx.ops.run(lambda s: slips.void_slip(s, actor=self.ctx.actor, now=self.ctx.clock.now(), number=number,
                                                   reason=reason),
                         on_done=self._voided, on_error=self._void_failed)

    def _voided(self, slip: slips.SlipInfo) -> None:
        self._say(self.tr("交接单已作废。"))
        self.voided.emit(slip)
        self._load()

    def _void_failed(self, exc: BaseException) -> None:
        self._say(describe_error(exc), error=True)
        self._enable(True)
        self.reason.setFocus()
