"""The group-buying screen (团购): import the contact person's order sheet, see building by building
which bags still wait, the pickup schedule and the door deliveries, and export / print the bag
labels. Bags are picked up by scanning their label at the handoff station (接驳).

Everything that touches the database or a file runs on a worker (`ctx.ops.run` / `ctx.ops.submit`).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.masking import mask_phone
from desktop.domain.permissions import Permission
from desktop.gui import permits, printing
from desktop.gui.ops import describe_error
from desktop.gui.stations.base import StationPage
from desktop.gui.stations.cadence import CadenceTab
from desktop.gui.tables import read_only_table
from desktop.paths import data_dir
from desktop.services import handoff, households, slips

BIG = 52
LABEL_SIZES = ("60x40", "58mm", "80mm", "a4")
GREEN, AMBER, GREY, RED = "#c8e6c9", "#fff3c4", "#e0e0e0", "#ffcdd2"


def labels_dir() -> Path:
    path = data_dir() / "bag-labels"
    path.mkdir(parents=True, exist_ok=True)
    return path


class HouseholdsPage(StationPage):
    key = "households"
    icon = "households.svg"
    loaded = Signal()  # a batch's tables have been filled
    imported = Signal(object)  # an ImportReport has been shown
    exported = Signal(str)  # the labels PDF was written (its path)

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.current: str | None = None
        self.building_rows: list[households.BuildingRow] = []
        self.last_export: str = ""
        self.scan_verdict: handoff.Verdict | None = None
        self.last_print: printing.PrintResult | None = None
        self._build()

    def title(self) -> str:
        return self.tr("团购")

    # --- layout -----------------------------------------------------------------------------

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setMinimumHeight(BIG)
        button.clicked.connect(slot)
        return button

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        return read_only_table(self, name, headers)

    def _build(self) -> None:
        self.import_button = self._button("import_button", self.tr("导入订单表…"), self._choose_file)
        self.batch_name = QLineEdit(self)
        self.batch_name.setObjectName("batch_name")
        self.batch_name.setPlaceholderText(self.tr("批次名称（留空按文件名）"))
        self.batch_name.setMinimumHeight(44)
        self.pickup_day = QDateEdit(self)
        self.pickup_day.setObjectName("pickup_day")
        self.pickup_day.setCalendarPopup(True)
        self.pickup_day.setDisplayFormat("yyyy-MM-dd")
        self.pickup_day.setDate(QDate.currentDate())
        self.first_slot = QTimeEdit(QTime(9, 0), self)
        self.first_slot.setObjectName("first_slot")
        self.first_slot.setDisplayFormat("HH:mm")
        self.slot_minutes = QSpinBox(self)
        self.slot_minutes.setObjectName("slot_minutes")
        self.slot_minutes.setRange(5, 120)
        self.slot_minutes.setSingleStep(5)
        self.slot_minutes.setValue(15)
        self.slot_minutes.setSuffix(self.tr(" 分钟"))
        for w in (self.pickup_day, self.first_slot, self.slot_minutes):
            w.setMinimumHeight(44)
        top = QGridLayout()
        top.addWidget(self.import_button, 0, 0)
        top.addWidget(self.batch_name, 0, 1)
        top.addWidget(QLabel(self.tr("取货日"), self), 0, 2)
        top.addWidget(self.pickup_day, 0, 3)
        top.addWidget(QLabel(self.tr("首个时段"), self), 0, 4)
        top.addWidget(self.first_slot, 0, 5)
        top.addWidget(QLabel(self.tr("每段"), self), 0, 6)
        top.addWidget(self.slot_minutes, 0, 7)
        top.setColumnStretch(1, 2)

        self.batch = QComboBox(self)
        self.batch.setObjectName("batch")
        self.batch.setMinimumHeight(44)
        self.batch.setMinimumWidth(260)
        self.batch.currentIndexChanged.connect(self._batch_chosen)
        self.refresh_button = self._button("refresh_button", self.tr("刷新"), self.activated)
        self.size = QComboBox(self)
        self.size.setObjectName("label_size")
        self.size.setMinimumHeight(44)
        for key, text in zip(LABEL_SIZES, (self.tr("60×40 标签"), self.tr("58mm 小票"), self.tr("80mm 小票"),
                                          self.tr("A4 整页（21枚）")), strict=True):
            self.size.addItem(text, key)
        self.export_button = self._button("export_button", self.tr("导出标签 PDF"), self.export_labels)
        self.print_button = self._button("print_button", self.tr("打印标签"), self.print_labels)
        self.reschedule_button = self._button("reschedule_button", self.tr("重排时段"), self.reschedule)
        self.delivered_button = self._button("delivered_button", self.tr("确认送达"), self.confirm_delivered)
        permits.follow(self.ctx, [(self.import_button, Permission.APPROVALS_EDIT),
                                  (self.reschedule_button, Permission.APPROVALS_EDIT),
                                  (self.delivered_button, Permission.RELEASE)])
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("批次"), self))
        second.addWidget(self.batch, 2)
        second.addWidget(self.refresh_button)
        second.addWidget(self.reschedule_button)
        second.addStretch(1)
        second.addWidget(self.size)
        second.addWidget(self.export_button)
        second.addWidget(self.print_button)

        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setStyleSheet("font-size: 17pt; font-weight: bold; padding: 4px;")
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        self.buildings = self._table("buildings", [self.tr("楼栋"), self.tr("时段"), self.tr("待取"), self.tr("已取"),
                                                   self.tr("上门"), self.tr("共")])
        self.buildings.itemSelectionChanged.connect(self._show_bags)
        self.buildings.setStyleSheet("QTableWidget#buildings { font-size: 16pt; }")
        self.bags = self._table("bags", [self.tr("单元"), self.tr("房号"), self.tr("电话"), self.tr("取货 / 送货"),
                                         self.tr("状态"), self.tr("标签号")])
        self.schedule = self._table("schedule", [self.tr("时段"), self.tr("楼栋"), self.tr("户数"), self.tr("从"),
                                                 self.tr("到")])
        self.door = self._table("door", [self.tr("楼栋"), self.tr("单元"), self.tr("房号"), self.tr("联系人"),
                                         self.tr("电话"), self.tr("特殊需要"), self.tr("状态"), self.tr("标签号")])
        self.report = QListWidget(self)
        self.report.setObjectName("import_report")
        self.report.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self.bags, self.tr("袋子"))
        self.tabs.addTab(self.schedule, self.tr("取货时段"))
        door_tab = QWidget(self)
        door_box = QVBoxLayout(door_tab)
        door_box.setContentsMargins(0, 0, 0, 0)
        door_box.addWidget(self.door, 1)
        hint = QLabel(self.tr("送货员出发前在本页或接驳岗扫描袋标签；送到后选中该户，点“确认送达”。"), door_tab)
        hint.setWordWrap(True)
        door_row = QHBoxLayout()
        door_row.addWidget(hint, 1)
        door_row.addWidget(self.delivered_button)
        door_box.addLayout(door_row)
        self.door_tab = door_tab
        self.tabs.addTab(door_tab, self.tr("送货上门"))
        self.tabs.addTab(self.report, self.tr("导入结果"))
        self.cadence = CadenceTab(self.ctx, self)  # this order round: missed households, phone checks
        self.tabs.addTab(self.cadence, self.tr("本轮"))
        self.tabs.currentChanged.connect(lambda _i: self.buildings.setHidden(self.tabs.currentWidget() is self.cadence))
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.buildings)
        split.addWidget(self.tabs)
        split.setSizes([480, 850])

        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(second)
        outer.addWidget(self.summary)
        outer.addWidget(split, 1)
        outer.addWidget(self.status)

    # --- page contract ----------------------------------------------------------------------

    def activated(self) -> None:
        self.ctx.ops.read(households.batches, on_done=self._batches_loaded, on_error=self._failed)
        self.cadence.refresh()

    def _batches_loaded(self, batches: list[households.BatchInfo], select: str | None = None) -> None:
        wanted = select or self.current
        self.batch.blockSignals(True)
        self.batch.clear()
        for b in batches:
            self.batch.addItem(self.tr("{name}（{n} 户）").replace("{name}", b.name).replace("{n}", str(b.households)),
                               b.name)
        index = max(0, self.batch.findData(wanted)) if wanted else 0
        self.batch.setCurrentIndex(index if batches else -1)
        self.batch.blockSignals(False)
        for w in (self.export_button, self.print_button, self.reschedule_button):
            w.setEnabled(bool(batches))
        if batches:
            self._batch_chosen()
        else:
            self.summary.setText(self.tr("还没有团购批次：请导入订单表"))

    def _batch_chosen(self) -> None:
        name = self.batch.currentData()
        if not name:
            return
        self.current = name

        def work(s: Any) -> tuple[Any, ...]:
            info = households.batch_info(s, name)
            return (info, households.buildings(s, name), households.schedule(s, name), households.door_list(s, name))

        self.ctx.ops.read(work, on_done=self._show_batch, on_error=self._failed)

    # --- showing a batch --------------------------------------------------------------------

    def _goods_text(self, state: str) -> str:
        return {"needs_disinfection": self.tr("待消杀"), "dwelling": self.tr("静置中"), "ready": self.tr("可取货"),
                "released": self.tr("已全部取走"), "delivered": self.tr("已全部取走"),
                "recalled": self.tr("消杀已召回")}.get(state, state)

    def _state_text(self, bag: households.BagRow) -> tuple[str, str]:
        if bag.delivery == "door":
            return {"waiting": (self.tr("待送"), AMBER), "picked_up": (self.tr("配送中"), AMBER),
                    "delivered": (self.tr("已送达"), GREEN)}.get(bag.state, (bag.state, GREY))
        return {"waiting": (self.tr("待取"), AMBER), "picked_up": (self.tr("已取"), GREEN),
                "delivered": (self.tr("已取"), GREEN)}.get(bag.state, (bag.state, GREY))

    def _show_batch(self, data: tuple[Any, ...]) -> None:
        info, rows, plan, door = data
        before = self._selected_building()
        self.building_rows = rows
        if info is not None:
            picked = sum(r.picked_up for r in rows)
            done = sum(r.door_done for r in rows)
            self.summary.setText(self.tr("共 {n} 户 · 待取 {w} · 已取 {p} · 送货上门 {d}（已送 {dd}） · 物资：{g}")
                                 .replace("{n}", str(info.households)).replace("{w}", str(info.waiting))
                                 .replace("{p}", str(picked)).replace("{d}", str(info.door))
                                 .replace("{dd}", str(done)).replace("{g}", self._goods_text(info.goods_state)))
        self.buildings.setRowCount(len(rows))
        for i, r in enumerate(rows):
            slots = "、".join(households.local_hhmm(x) for x in r.slots) or "—"
            for col, text in enumerate((r.building, slots, str(r.waiting), str(r.picked_up), str(r.door),
                                        str(r.total))):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setBackground(QColor(AMBER if r.waiting else GREEN))
                self.buildings.setItem(i, col, item)
        self.schedule.setRowCount(len(plan))
        for i, s in enumerate(plan):
            when = f"{households.local_hhmm(s.start)}–{households.local_hhmm(s.end)}"
            for col, text in enumerate((when, s.building, str(s.households), s.first, s.last)):
                self.schedule.setItem(i, col, QTableWidgetItem(text))
        self.door.setRowCount(len(door))
        for i, b in enumerate(door):
            state, colour = self._state_text(b)
            special = self.tr("是") if b.special_needs else ""
            for col, text in enumerate((b.building, b.unit, b.room, b.contact, mask_phone(b.phone), special, state,
                                        b.label)):
                item = QTableWidgetItem(text)
                if col == 6:
                    item.setBackground(QColor(colour))
                self.door.setItem(i, col, item)
        if rows:  # stay on the building being looked at
            names = [r.building for r in rows]
            self.buildings.selectRow(names.index(before) if before in names else 0)
        self._show_bags()
        self.loaded.emit()

    def _selected_building(self) -> str | None:
        model = self.buildings.selectionModel()
        picked = model.selectedRows() if model else []
        if not picked or picked[0].row() >= len(self.building_rows):
            return None
        return self.building_rows[picked[0].row()].building

    def _show_bags(self) -> None:
        picked = self.buildings.selectionModel().selectedRows() if self.buildings.selectionModel() else []
        index = picked[0].row() if picked else 0
        bags = list(self.building_rows[index].bags) if self.building_rows else []
        self.bags.setRowCount(len(bags))
        for i, b in enumerate(bags):
            state, colour = self._state_text(b)
            how = self.tr("送货上门") if b.delivery == "door" else households.local_hhmm(b.slot_start)
            for col, text in enumerate((b.unit, b.room, mask_phone(b.phone), how, state, b.label)):
                item = QTableWidgetItem(text)
                if col == 4:
                    item.setBackground(QColor(colour))
                if col == 3 and b.delivery == "door":
                    item.setForeground(QColor("#b71c1c"))
                self.bags.setItem(i, col, item)

    # --- pickup: scanning a bag label, door delivery, the schedule ---------------------------

    def scanned(self, code: str) -> bool:
        """A bag label scanned at the pickup point: the handoff service releases the bag (never
        before its dwell is over, never twice) and the tables follow. What a code is decides, not
        the page: a handoff slip scanned here is left to the handoff station (returns False)."""
        found = self.ctx.ops.call_now(lambda s: slips.get_slip(s, code))  # one indexed read
        if found is not None and found.kind != "bag_label":
            return False
        actor, clock, where = self.ctx.actor, self.ctx.clock, self.tr("团购取货")
        self.ctx.ops.run(lambda s: handoff.scan(s, code=code, actor=actor, clock=clock, destination=where),
                         on_done=self._scan_done, on_error=self._failed)
        return True

    def _scan_done(self, verdict: handoff.Verdict) -> None:
        text = f"{verdict.headline} {verdict.slip_number or verdict.code} — {verdict.message}"
        self._say(text, error=not verdict.ok)
        self.scan_verdict = verdict
        self._batch_chosen()

    def confirm_delivered(self) -> None:
        rows = self.door.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("请先在“送货上门”表中选中一户"), error=True)
            return
        label = self.door.item(rows[0].row(), 7).text()
        where = " ".join(self.door.item(rows[0].row(), c).text() for c in (0, 1, 2))
        holder = self.door.item(rows[0].row(), 3).text()
        actor, now = self.ctx.actor, self.ctx.clock.now()
        self.ctx.ops.run(lambda s: handoff.hand_over(s, code=label, actor=actor, now=now, kind="receive",
                                                     holder=holder, location=where),
                         on_done=self._scan_done, on_error=self._failed)

    def reschedule(self) -> None:
        name = self.current
        if not name:
            return
        actor, now = self.ctx.actor, self.ctx.clock.now()
        qdate = self.pickup_day.date()
        day = datetime(qdate.year(), qdate.month(), qdate.day()).date()
        first, minutes = self.first_slot.time().toString("HH:mm"), self.slot_minutes.value()
        self.ctx.ops.run(lambda s: households.reschedule(s, actor=actor, now=now, batch=name, pickup_day=day,
                                                         first_slot=first, slot_minutes=minutes),
                         on_done=lambda _plan: (self._say(self.tr("已重排取货时段")), self._batch_chosen()),
                         on_error=self._failed)

    # --- import -----------------------------------------------------------------------------

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择团购订单表"), str(Path.home()),
                                              self.tr("订单表 (*.xlsx *.csv)"))
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        batch = self.batch_name.text().strip() or None
        qdate = self.pickup_day.date()
        day = datetime(qdate.year(), qdate.month(), qdate.day()).date()
        first = self.first_slot.time().toString("HH:mm")
        minutes = self.slot_minutes.value()
        self._say(self.tr("正在导入 {f}…").replace("{f}", path.name))
        self.import_button.setEnabled(False)
        self.ctx.ops.run(lambda s: households.import_file(s, actor=actor, now=now, path=path, batch=batch,
                                                          pickup_day=day, first_slot=first, slot_minutes=minutes),
                         on_done=self._imported, on_error=self._import_failed)

    def _imported(self, report: households.ImportReport) -> None:
        self.import_button.setEnabled(True)
        self.report.clear()
        lines = report.lines()
        for i, line in enumerate(lines):
            item = QListWidgetItem(line)
            # a bad row red under an amber headline; columns not read amber under a green one: worth a look
            item.setBackground(QColor(RED if report.problems and i else (AMBER if report.problems or i else GREEN)))
            self.report.addItem(item)
        self.tabs.setCurrentWidget(self.report)
        self._say(lines[0], error=not report.ok)
        if report.ok:
            self.batch_name.clear()
            self.ctx.ops.read(households.batches,
                              on_done=lambda batches: self._batches_loaded(batches, select=report.batch))
        self.imported.emit(report)

    def _import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.report.clear()
        item = QListWidgetItem(describe_error(exc))
        item.setBackground(QColor(RED))
        self.report.addItem(item)
        self.tabs.setCurrentWidget(self.report)
        self._failed(exc)

    # --- labels -----------------------------------------------------------------------------

    def _render(self, then: Any) -> None:
        name, size = self.current, self.size.currentData()
        if not name:
            self._say(self.tr("请先选择批次"))
            return
        self._say(self.tr("正在生成标签…"))
        self.ctx.ops.read(lambda s: (households.render_labels(s, name, size=size),
                                     [v.number for v in households.label_views(s, name)]),
                          on_done=lambda done: then(name, size, *done), on_error=self._failed)

    def export_labels(self) -> None:
        """Write the batch's labels PDF into the data folder (on a worker) and say where."""
        def write(name: str, size: str, pdf: bytes, _numbers: list[str]) -> None:
            safe = re.sub(r"[^\w.-]+", "_", name).strip("_") or "batch"
            path = labels_dir() / f"bag-labels-{safe}-{size}.pdf"
            self.ctx.ops.submit(lambda: (path.write_bytes(pdf), str(path))[1], on_done=self._exported,
                                on_error=self._failed)

        self._render(write)

    def _exported(self, path: str) -> None:
        self.last_export = path
        self._say(self.tr("已导出标签：{p}").replace("{p}", path))
        self.exported.emit(path)

    def print_labels(self) -> None:
        """Send the labels to the default printer (a PDF file when the station has none)."""
        def send(name: str, size: str, pdf: bytes, numbers: list[str]) -> None:
            printer = printing.default_printer()
            target = printing.PrintTarget(printer=printer) if printer else printing.PrintTarget(
                printer=printing.PDF_PRINTER, output_file=str(labels_dir() / f"printed-{size}.pdf"))
            self.ctx.ops.submit(lambda: printing.print_pdf(pdf, target),
                                on_done=lambda result: self._printed(result, numbers, size),
                                on_error=lambda exc: self._print_failed(exc, numbers, size, target.printer))

        self._render(send)

    def _record(self, numbers: list[str], printer: str, paper: str, ok: bool, error: str = "") -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        self.ctx.ops.run(lambda s: households.record_label_prints(s, actor=actor, now=now, numbers=numbers,
                                                                  printer=printer, paper=paper, ok=ok, error=error),
                         on_error=self._failed)

    def _print_failed(self, exc: BaseException, numbers: list[str], size: str, printer: str) -> None:
        self._failed(exc)
        self._record(numbers, printer, size, ok=False, error=str(exc))

    def _printed(self, result: printing.PrintResult, numbers: list[str], size: str) -> None:
        self._record(numbers, result.printer, size, ok=True)
        self.last_print = result
        self._say(self.tr("已发送到打印机 {p}：{n} 页").replace("{p}", result.printer)
                            .replace("{n}", str(result.pages)))

    def _failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, printing.PrintError) else describe_error(exc)
        self._say(message, error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #c62828; font-weight: bold;" if error else "")

    # --- screenshots ------------------------------------------------------------------------

    def screenshot_states(self) -> list[tuple[str, Any]]:
        """The demo batch as it opens, its pickup schedule, and the door deliveries."""
        return [("", lambda: None), ("schedule", lambda: self.tabs.setCurrentWidget(self.schedule)),
                ("door", lambda: self.tabs.setCurrentWidget(self.door_tab)),
                ("round", lambda: self.tabs.setCurrentWidget(self.cadence))]


__all__ = ["HouseholdsPage"]
