"""Each station's receipt printer and slip size (and whether a slip prints as soon as it is issued)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QWidget

from desktop.domain.enums import display
from desktop.gui.context import AppContext
from desktop.gui.stations.settings.base import OptionPage
from desktop.i18n import language
from desktop.services import slips, station_print

PAPER_NAMES = {"58mm": "58 mm 小票", "80mm": "80 mm 小票", "a6": "A6", "a4": "A4"}


class PrinterPage(OptionPage):
    name = "printer"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.stored: dict[str, slips.PrintSettings] = {}
        self.station = QComboBox(self)
        self.station.setObjectName("printer_station")
        self.station.currentIndexChanged.connect(self._show_station)
        self.printer = QComboBox(self)
        self.printer.setEditable(True)
        self.printer.setObjectName("printer_name")
        self.printer.lineEdit().setPlaceholderText(self.tr("（系统默认打印机）"))
        self.paper = QComboBox(self)
        self.paper.setObjectName("printer_paper")
        for paper in slips.PAPERS:
            self.paper.addItem(PAPER_NAMES.get(paper, paper), paper)
        self.auto_print = QCheckBox(self.tr("开单后自动打印"), self)
        form = QFormLayout()
        form.addRow(self.tr("岗位"), self.station)
        form.addRow(self.tr("小票打印机"), self.printer)
        form.addRow(self.tr("纸张"), self.paper)
        form.addRow("", self.auto_print)
        self.body.addLayout(form)
        self.body.addStretch(1)

    def title(self) -> str:
        return self.tr("打印机与纸张")

    def load(self) -> None:
        self.ctx.ops.read(station_print.for_stations, on_done=self._show)

    def _show(self, stored: dict[str, slips.PrintSettings]) -> None:
        from PySide6.QtPrintSupport import QPrinterInfo

        self.stored = stored
        current = self.station.currentData() or self.ctx.actor.station
        self.station.blockSignals(True)
        self.station.clear()
        for name in stored:
            self.station.addItem(display(name, language()), name)
        self.station.setCurrentIndex(max(0, self.station.findData(current)))
        self.station.blockSignals(False)
        self.printer.clear()
        self.printer.addItems(["", *QPrinterInfo.availablePrinterNames()])
        self._show_station()

    def _show_station(self) -> None:
        chosen = self.stored.get(self.station.currentData() or "")
        if chosen is None:
            return
        self.printer.setCurrentText(chosen.printer)
        self.paper.setCurrentIndex(max(0, self.paper.findData(chosen.paper)))
        self.auto_print.setChecked(chosen.auto_print)

    def save(self) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        station, printer = self.station.currentData(), self.printer.currentText()
        paper, auto = self.paper.currentData(), self.auto_print.isChecked()
        if station is None:
            return
        self.write(lambda s: station_print.set_for_station(s, actor=actor, now=now, station=station, printer=printer,
                                                           paper=paper, auto_print=auto), changed="printer")
