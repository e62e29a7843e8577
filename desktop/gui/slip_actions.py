"""Issuing slips from any screen: an arrival's (or any list of) consignments with their slips.

    dlg = IssueSlipsDialog(ctx, arrival_id=42)        # gate / unloading point
    dlg = IssueSlipsDialog(ctx, consignment_ids=[7])  # one consignment
    dlg.exec()

"开单" issues one slip for each selected consignment that has none (all of them when nothing is
selected). With the station's "auto-print" setting on, new slips go to the station's printer at
once, in the background; otherwise the preview opens for a single new slip. "预览 / 打印 / 作废"
opens SlipPreviewDialog for the selected slip.

Signals: issued(list) with the new SlipInfos; changed() whenever a slip was issued, printed or voided.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.masking import mask_text
from desktop.gui.ops import describe_error
from desktop.gui.slip_preview import SlipPreviewDialog
from desktop.gui.slip_print import PrintOutcome, print_slip
from desktop.services import slips

COLUMNS = ("物资", "数量", "去向 / 收货方", "交接单")


def _qty(q: float, unit: str) -> str:
    return (f"{int(q)}" if float(q).is_integer() else f"{q:g}") + unit if q else unit


class IssueSlipsDialog(QDialog):
    issued = Signal(list)
    changed = Signal()

    def __init__(self, ctx, *, arrival_id: int | None = None, consignment_ids: list[int] | None = None,  # type: ignore[no-untyped-def]
                 parent: QWidget | None = None, pdf_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.arrival_id, self.consignment_ids, self.pdf_dir = ctx, arrival_id, consignment_ids, pdf_dir
        self.rows: list[slips.GoodsSlip] = []
        self.settings = slips.PrintSettings()
        self.busy = False
        self.setWindowTitle(self.tr("开交接单"))
        self.resize(1100, 560)
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.table = QTableWidget(0, len(COLUMNS))
        # spelled out in tr() so lupdate collects them (the same order as COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("物资"), self.tr("数量"), self.tr("去向 / 收货方"), self.tr("交接单")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self._preview())
        self.table.itemSelectionChanged.connect(self._enable)
        self.issue_button = QPushButton(self.tr("开单"), objectName="issue", default=True)
        self.issue_button.clicked.connect(self._issue)
        self.preview_button = QPushButton(self.tr("预览 / 打印 / 作废"), objectName="preview")
        self.preview_button.clicked.connect(self._preview)
        self.auto_print = QCheckBox(self.tr("开单后自动打印"), objectName="autoPrint")
        self.auto_print.toggled.connect(self._save_auto_print)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        self.message = QLabel(wordWrap=True, objectName="message")
        buttons = QHBoxLayout()
        for w in (self.issue_button, self.preview_button, self.auto_print):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # --- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        arrival_id, ids, station = self.arrival_id, self.consignment_ids, self.ctx.actor.station
        self.ctx.ops.read(lambda s: (slips.goods_with_slips(s, arrival_id=arrival_id, consignment_ids=ids),
                                     slips.print_settings(s, station)),
                          on_done=self._show, on_error=lambda exc: self._say(describe_error(exc), error=True))

    def _show(self, loaded: tuple[list[slips.GoodsSlip], slips.PrintSettings]) -> None:
        self.rows, self.settings = loaded
        self.auto_print.blockSignals(True)
        self.auto_print.setChecked(self.settings.auto_print)
        self.auto_print.blockSignals(False)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            g = row.consignment
            cells = (" · ".join(x for x in (g.category, g.description) if x), _qty(g.quantity, g.unit),
                     mask_text(" / ".join(x for x in (g.destination, g.recipient) if x)),
                     row.slip.number if row.slip else self.tr("未开单"))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 3 and row.slip is None:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        if not self.rows:
            self._say(self.tr("没有可开单的物资。"))
        self._enable()

    def _enable(self) -> None:
        self.issue_button.setEnabled(not self.busy and any(r.slip is None for r in self._targets()))
        self.preview_button.setEnabled(not self.busy and self._selected_slip() is not None)

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def _targets(self) -> list[slips.GoodsSlip]:
        chosen = self._selected_rows()
        return [self.rows[i] for i in chosen] if chosen else list(self.rows)

    def _selected_slip(self) -> slips.SlipInfo | None:
        chosen = self._selected_rows()
        if len(chosen) == 1:
            return self.rows[chosen[0]].slip
        with_slip = [r.slip for r in self.rows if r.slip]
        return with_slip[0] if len(self.rows) == 1 and with_slip else None

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if error else "color: #1b6e20;")

    # --- actions --------------------------------------------------------------------------

    def _issue(self) -> None:
        ids = [r.consignment.id for r in self._targets() if r.slip is None]
        if not ids or self.busy:
            return
        self.busy = True
        self._enable()
        actor, clock = self.ctx.actor, self.ctx.clock

        def work(session):  # type: ignore[no-untyped-def]
            return [slips.issue_slip(session, actor=actor, now=clock.now(), consignment_id=cid) for cid in ids]

        self.ctx.ops.run(work, on_done=self._issued, on_error=self._failed)

    def _issued(self, new: list[slips.SlipInfo]) -> None:
        self.busy = False
        self._say(self.tr("已开单：") + "、".join(s.number for s in new))
        self.issued.emit(new)
        self.changed.emit()
        self.refresh()
        if self.settings.auto_print:
            self._print_in_turn([s.number for s in new])
        elif len(new) == 1:
            self.open_preview(new[0].number)

    def _print_in_turn(self, numbers: list[str]) -> None:
        """One job after another, so slips come out of the printer in the order they were issued."""
        if not numbers:
            return

        def finished(outcome: PrintOutcome) -> None:
            self._say(outcome.message, error=not outcome.ok)
            self.changed.emit()
            self._print_in_turn(numbers[1:])

        print_slip(self.ctx, numbers[0], printer=self.settings.printer or "", paper=self.settings.paper,
                   reprint_no=0, on_finished=finished, out_dir=self.pdf_dir)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._say(describe_error(exc), error=True)
        self.refresh()

    def _preview(self) -> None:
        slip = self._selected_slip()
        if slip is not None:
            self.open_preview(slip.number)

    def open_preview(self, number: str) -> SlipPreviewDialog:
        dlg = SlipPreviewDialog(self.ctx, number, self, pdf_dir=self.pdf_dir)
        dlg.printed.connect(lambda _s: self.changed.emit())
        dlg.voided.connect(lambda _s: (self.changed.emit(), self.refresh()))
        dlg.setModal(True)
        dlg.show()
        self.preview = dlg
        return dlg

    def _save_auto_print(self, on: bool) -> None:
        actor, clock = self.ctx.actor, self.ctx.clock
        self.ctx.ops.run(lambda s: slips.save_print_settings(s, actor=actor, now=clock.now(), auto_print=on),
                         on_done=lambda settings: setattr(self, "settings", settings),
                         on_error=lambda exc: self._say(describe_error(exc), error=True))
