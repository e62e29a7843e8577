"""外发 (dispatch): a transit station's stock on hand per necessity, and the form that sends goods on to
a named destination on an onward vehicle — issuing the dispatch slip and printing it.

The figures and every rule come from `desktop.services.transit`; this screen only shows them and
says what the service refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import necessities
from desktop.domain.localtime import local
from desktop.gui.context import AppContext
from desktop.gui.ops import describe_error
from desktop.gui.slip_preview import SlipPreviewDialog
from desktop.gui.slip_print import PrintOutcome, print_slip
from desktop.services import slips, transit

BIG = 56


class DispatchPanel(QWidget):
    """Signals: dispatched(object) — a DispatchInfo, after the service wrote it."""

    dispatched = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dispatch_panel")
        self.lines: list[tuple[str, float, str]] = []
        self.stock: list[transit.StockLine] = []
        self.settings = slips.PrintSettings()
        self.pdf_dir: Path | None = None  # tests: where the "PDF" printer writes
        self.busy = False
        self.preview: SlipPreviewDialog | None = None
        self._build()

    # --- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.stock_table = QTableWidget(0, 4, self)
        self.stock_table.setObjectName("stock_table")
        self.stock_table.setHorizontalHeaderLabels([self.tr("品类"), self.tr("单位"), self.tr("库存"),
                                                    self.tr("待入库")])
        self.stock_table.horizontalHeaderItem(3).setToolTip(self.tr("尚在消杀、静置，或未扫码放行入库"))
        self.stock_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.stock_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.stock_table.verticalHeader().setVisible(False)
        self.stock_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.stock_table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)

        self.destination = QComboBox(self)
        self.destination.setObjectName("dispatch_destination")
        self.destination.setEditable(True)
        self.destination.setMinimumHeight(44)
        self.destination.lineEdit().setPlaceholderText(self.tr("去向：供应点、小区"))
        self.plate = QLineEdit(self)
        self.plate.setObjectName("dispatch_plate")
        self.plate.setMinimumHeight(44)
        self.plate.setPlaceholderText(self.tr("外发车辆车牌，如 苏A12345"))
        self.necessity = QComboBox(self)
        self.necessity.setObjectName("dispatch_necessity")
        self.necessity.setMinimumHeight(44)
        for key in necessities.KEYS:
            self.necessity.addItem(necessities.name(key), key)
        self.necessity.currentIndexChanged.connect(self._offer_units)
        self.quantity = QDoubleSpinBox(self)
        self.quantity.setObjectName("dispatch_quantity")
        self.quantity.setRange(0, 1_000_000)
        self.quantity.setDecimals(2)
        self.quantity.setMinimumHeight(44)
        self.unit = QComboBox(self)
        self.unit.setObjectName("dispatch_unit")
        self.unit.setEditable(True)
        self.unit.setMinimumHeight(44)
        add = self._button("dispatch_add_line", self.tr("加入"), self._add_line)
        self.line_list = QListWidget(self)
        self.line_list.setObjectName("dispatch_line_list")
        remove = self._button("dispatch_remove_line", self.tr("删除所选"), self._remove_line)
        self.issue_button = self._button("dispatch_issue", self.tr("开外发单并打印"), self._issue)
        self.issue_button.setStyleSheet("QPushButton { font-size: 15pt; font-weight: bold; }")
        self.recent = QListWidget(self)
        self.recent.setObjectName("dispatch_recent")
        self.recent.setWordWrap(True)
        self.recent.setToolTip(self.tr("双击：预览、补打或作废"))
        self.recent.itemActivated.connect(lambda item: self.open_preview(item.data(Qt.ItemDataRole.UserRole)))
        self.message = QLabel(self)
        self.message.setObjectName("dispatch_message")
        self.message.setWordWrap(True)

        form = QGridLayout()
        form.addWidget(QLabel(self.tr("去向"), self), 0, 0)
        form.addWidget(self.destination, 0, 1, 1, 3)
        form.addWidget(QLabel(self.tr("车牌"), self), 1, 0)
        form.addWidget(self.plate, 1, 1, 1, 3)
        form.addWidget(QLabel(self.tr("物资"), self), 2, 0)
        form.addWidget(self.necessity, 2, 1)
        form.addWidget(self.quantity, 2, 2)
        form.addWidget(self.unit, 2, 3)
        form.addWidget(add, 2, 4)
        form.setColumnStretch(1, 3)
        form.setColumnStretch(2, 1)
        form.setColumnStretch(3, 1)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(remove)
        line_buttons.addStretch(1)
        line_buttons.addWidget(self.issue_button)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("库存（已放行入库，减去已外发）"), self))
        left.addWidget(self.stock_table, 2)
        left.addWidget(QLabel(self.tr("今日外发（双击预览、补打、作废）"), self))
        left.addWidget(self.recent, 1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(QLabel(self.tr("本次外发"), self))
        right.addWidget(self.line_list, 1)
        right.addLayout(line_buttons)
        right.addWidget(self.message)
        outer = QHBoxLayout(self)
        outer.addLayout(left, 2)
        outer.addLayout(right, 3)

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setMinimumHeight(BIG)
        button.clicked.connect(slot)
        return button

    # --- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        station = self.ctx.actor.station
        since, until = slips.day_bounds(local(self.ctx.clock.now()).date())
        self.ctx.ops.read(lambda s: (transit.stock(s), transit.destinations(s), slips.print_settings(s, station),
                                     transit.dispatches(s, since=since, until=until)),
                          on_done=self._loaded, on_error=lambda exc: self._say(describe_error(exc), error=True))

    def _loaded(self, data: tuple[list[transit.StockLine], list[str], slips.PrintSettings,
                                  list[transit.DispatchInfo]]) -> None:
        self.stock, places, self.settings, today = data
        self.recent.clear()
        for d in reversed(today):
            what = "；".join(transit.line_text(*x) for x in d.lines)
            gone = self.tr("（已作废）") if d.voided else ""
            item = QListWidgetItem(f"{local(d.dispatched_at):%H:%M} {d.number}{gone} → {d.destination}\n{what}")
            item.setData(Qt.ItemDataRole.UserRole, d.number)
            self.recent.addItem(item)
        self.stock_table.setRowCount(len(self.stock))
        for r, line in enumerate(self.stock):
            cells = (line.name, line.unit, f"{line.on_hand:g}", f"{line.waiting:g}" if line.waiting else "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 2 and line.on_hand:
                    item.setForeground(Qt.GlobalColor.darkGreen)
                self.stock_table.setItem(r, c, item)
        typed = self.destination.currentText()
        self.destination.clear()
        self.destination.addItems(places)
        self.destination.setEditText(typed)
        self._offer_units()

    def _offer_units(self) -> None:
        key = self.necessity.currentData()
        typed = self.unit.currentText()
        units = [x.unit for x in self.stock if x.necessity == key and x.unit and (x.on_hand or x.waiting)]
        self.unit.clear()
        self.unit.addItems(units)
        self.unit.setEditText(typed if typed and not units else (units[0] if units else typed))

    # --- lines ------------------------------------------------------------------------------

    def _current_line(self) -> tuple[str, float, str] | None:
        if self.quantity.value() <= 0:
            return None
        return (self.necessity.currentData(), self.quantity.value(), self.unit.currentText().strip())

    def _add_line(self) -> None:
        line = self._current_line()
        if line is None:
            self._say(self.tr("请填写数量。"), error=True)
            return
        self.lines.append(line)
        item = QListWidgetItem(transit.line_text(*line))
        self.line_list.addItem(item)
        self.quantity.setValue(0)
        self._say("")

    def _remove_line(self) -> None:
        row = self.line_list.currentRow()
        if 0 <= row < len(self.lines):
            self.lines.pop(row)
            self.line_list.takeItem(row)

    # --- dispatch ---------------------------------------------------------------------------

    def _issue(self) -> None:
        if self.busy:
            return
        lines = list(self.lines)
        pending = self._current_line()  # typed but not added: it goes too
        if pending is not None:
            lines.append(pending)
        actor, clock = self.ctx.actor, self.ctx.clock
        destination, plate = self.destination.currentText(), self.plate.text()
        self.busy = True
        self.issue_button.setEnabled(False)
        self.ctx.ops.run(lambda s: transit.dispatch(s, actor=actor, now=clock.now(), destination=destination,
                                                    plate=plate, lines=lines),
                         on_done=self._done, on_error=self._failed)

    def _done(self, info: transit.DispatchInfo) -> None:
        self.busy = False
        self.issue_button.setEnabled(True)
        self.lines.clear()
        self.line_list.clear()
        self.quantity.setValue(0)
        self.plate.clear()
        self._say(self.tr("已开外发单 {n}，正在打印……").replace("{n}", info.number))
        self.dispatched.emit(info)
        self.refresh()
        print_slip(self.ctx, info.number, printer=self.settings.printer or "", paper=self.settings.paper,
                   reprint_no=0, on_finished=self._printed, out_dir=self.pdf_dir)

    def _printed(self, outcome: PrintOutcome) -> None:
        self._say(outcome.message, error=not outcome.ok)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.issue_button.setEnabled(True)
        self._say(describe_error(exc), error=True)

    def open_preview(self, number: str) -> SlipPreviewDialog:
        """The usual slip preview: reprint, or void (a voided dispatch puts its goods back in stock)."""
        dialog = SlipPreviewDialog(self.ctx, number, self, pdf_dir=self.pdf_dir)
        dialog.voided.connect(lambda _s: self.refresh())
        dialog.setModal(True)
        dialog.show()
        self.preview = dialog
        return dialog

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if error else "color: #1b6e20;")
