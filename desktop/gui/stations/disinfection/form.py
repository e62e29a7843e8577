"""Recording a disinfection in a few actions: scan a slip, pick a vehicle or type a plate; tick the
parts and the PPE; press "完成，开始静置". The start time is stamped when the target is chosen."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import codes
from desktop.domain.localtime import hhmm, hhmmss
from desktop.gui.context import AppContext
from desktop.gui.ops import describe_error
from desktop.gui.terms import term
from desktop.services import disinfection, setup

OK_STYLE = "color: #11692f; font-weight: bold; font-size: 17pt;"
BAD_STYLE = "color: #a0001c; font-weight: bold; font-size: 17pt;"
BIG_CHECK = "QCheckBox { font-size: 16pt; padding: 6px; } QCheckBox::indicator { width: 34px; height: 34px; }"


FORM_WIDTH = 540  # what the form has of a 1366-pixel-wide window, inside its group boxes


def _fit(widgets: list[QWidget], per_row: int) -> bool:
    """Do these fit the form laid out `per_row` to a row (each column as wide as its widest)?"""
    columns = [max((w.sizeHint().width() for w in widgets[c::per_row]), default=0) for c in range(per_row)]
    return sum(columns) + 8 * (per_row - 1) <= FORM_WIDTH


def _toggle(text: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setCheckable(True)
    button.setMinimumHeight(44)
    button.setStyleSheet("QPushButton:checked { background: #1f5fa8; color: white; border-color: #163f6f; }")
    return button


class RecordForm(QWidget):
    """Signals: recorded(object) with the service's `Recorded` after a disinfection was stored."""

    recorded = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.presets: disinfection.Presets | None = None
        self.vehicle: disinfection.VehicleRow | None = None
        self.slips: list[disinfection.SlipTarget] = []
        self.vehicle_rows: list[disinfection.VehicleRow] = []
        self.points: list[setup.UnloadingPointInfo] | None = None
        self.started_at: datetime | None = None
        self.part_boxes: list[QCheckBox] = []
        self._build()

    # --- layout -----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.scan = QLineEdit(self)
        self.scan.setObjectName("scanInput")
        self.scan.setPlaceholderText(self.tr("扫描交接单，或输入车牌后回车"))
        self.scan.returnPressed.connect(self._scan_entered)
        self.vehicles = QListWidget(self)
        self.vehicles.setObjectName("vehicleList")
        self.vehicles.setMaximumHeight(84)
        self.vehicles.itemClicked.connect(self._vehicle_clicked)
        self.target = QLabel(self.tr("尚未选择消杀对象"), self)
        self.target.setObjectName("targetLabel")
        self.target.setWordWrap(True)
        self.target.setStyleSheet("font-size: 17pt; font-weight: bold;")
        self.clear_button = QPushButton(self.tr("清除"), self)
        self.clear_button.clicked.connect(self.clear_target)
        target_box = QGroupBox(self.tr("① 消杀对象"), self)
        grid = QGridLayout(target_box)
        grid.addWidget(self.scan, 0, 0)
        grid.addWidget(self.clear_button, 0, 1)
        grid.addWidget(self.vehicles, 1, 0, 1, 2)
        grid.addWidget(self.target, 2, 0, 1, 2)

        where_box = QGroupBox(self.tr("② 地点与消毒剂"), self)
        where = QGridLayout(where_box)
        self.location_group = QButtonGroup(self)
        self.location_buttons: dict[str, QPushButton] = {}
        for key, text in [("gate", self.tr("卡口")), ("unloading_point", self.tr("卸货点")),
                          ("handoff_zone", self.tr("接驳区")), ("transit", self.tr("中转站"))]:
            button = _toggle(text, where_box)
            button.setObjectName(f"location_{key}")
            self.location_group.addButton(button)
            self.location_buttons[key] = button
        # four places in a row when their words fit the form (Chinese), else two rows of two (English)
        wide = _fit(list(self.location_buttons.values()), 4)
        for i, button in enumerate(self.location_buttons.values()):
            where.addWidget(button, *((0, i) if wide else (i // 2, i % 2)))
        below = 1 if wide else 2
        self.location_buttons["gate"].setChecked(True)
        self.round_group = QButtonGroup(self)
        self.round_buttons = []
        for n in (1, 2):
            button = _toggle(self.tr("第{n}次").replace("{n}", str(n)), where_box)
            button.setObjectName(f"round_{n}")
            self.round_group.addButton(button, n)
            self.round_buttons.append(button)
            where.addWidget(button, below, n - 1)
        self.round_buttons[0].setChecked(True)
        self.point = QComboBox(where_box)
        self.point.setObjectName("unloadingPoint")
        where.addWidget(self.point, below + (1 if wide else 2), 0, 1, 4)
        self.point.hide()  # only for disinfection at an unloading point
        self.location_buttons["unloading_point"].toggled.connect(self.point.setVisible)
        self.agent_group = QButtonGroup(self)
        self.agent_row = QHBoxLayout()
        # the disinfectants beside the rounds, or (English) on a row of their own
        where.addLayout(self.agent_row, *((below, 2, 1, 2) if wide else (below + 1, 0, 1, 2)))

        parts_box = QGroupBox(self.tr("③ 消杀部位"), self)
        self.parts_grid = QGridLayout(parts_box)
        ppe_box = QGroupBox(self.tr("④ 防护确认"))
        ppe = QHBoxLayout(ppe_box)
        self.ppe_mask = QCheckBox(self.tr("口罩"), ppe_box)
        self.ppe_gloves = QCheckBox(self.tr("手套"), ppe_box)
        self.ppe_gown = QCheckBox(self.tr("隔离衣"), ppe_box)
        for box, name in ((self.ppe_mask, "ppeMask"), (self.ppe_gloves, "ppeGloves"), (self.ppe_gown, "ppeGown")):
            box.setObjectName(name)
            box.setStyleSheet(BIG_CHECK)
            ppe.addWidget(box)
        self.operators = QLineEdit(self.ctx.user.display_name, ppe_box)
        self.operators.setObjectName("operators")
        self._filled_name = self.ctx.user.display_name
        self.ctx.user.changed.connect(self._follow_operator)
        self.operators.setToolTip(self.tr("消杀人员，多人用顿号或逗号分隔"))
        ppe.addWidget(QLabel(self.tr("人员"), ppe_box))
        ppe.addWidget(self.operators, 1)

        self.started_label = QLabel("", self)
        self.restart_button = QPushButton(self.tr("重新计开始时间"), self)
        self.restart_button.clicked.connect(self._stamp_start)
        self.finish_button = QPushButton(self.tr("完成，开始静置"), self)
        self.finish_button.setObjectName("finishButton")
        self.finish_button.setMinimumHeight(60)
        self.finish_button.setDefault(True)
        self.finish_button.clicked.connect(self.finish)
        self.message = QLabel("", self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.actions = QWidget()  # the page pins this under the (scrollable) form
        actions = QGridLayout(self.actions)
        actions.setContentsMargins(0, 0, 0, 0)
        ppe_box.layout().setContentsMargins(6, 4, 6, 4)
        actions.addWidget(ppe_box, 0, 0, 1, 3)
        actions.addWidget(self.started_label, 1, 0)
        actions.addWidget(self.restart_button, 1, 1)
        actions.addWidget(self.finish_button, 1, 2)
        actions.addWidget(self.message, 2, 0, 1, 3)
        actions.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for box in (target_box, where_box, parts_box):
            box.layout().setSpacing(4)
            box.layout().setContentsMargins(6, 4, 6, 4)
            layout.addWidget(box)
        layout.addStretch(1)

    # --- loading -------------------------------------------------------------------------------------


    def _follow_operator(self) -> None:
        """After a shift change the person now signed in is the default; names typed by hand stay."""
        new = self.ctx.user.display_name
        names = [n.strip() for n in self.operators.text().replace("，", "、").replace(",", "、").split("、") if n.strip()]
        names = [new if n == self._filled_name else n for n in names] or [new]
        self.operators.setText("、".join(dict.fromkeys(names)))
        self._filled_name = new
    def load(self) -> None:
        """Presets, unloading points and the gate's vehicle list (a small read)."""
        now = self.ctx.clock.now()

        def read(s):  # type: ignore[no-untyped-def]
            return (disinfection.presets(s), setup.list_unloading_points(s), disinfection.vehicles(s, now=now))

        self.ctx.ops.read(read, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple) -> None:  # type: ignore[type-arg]
        presets, points, vehicles = result
        if self.presets != presets:
            self._set_presets(presets)
        if points != self.points:
            self.points = points
            current = self.point.currentData()
            self.point.clear()
            self.point.addItem(self.tr("（卸货点）"), None)
            for p in points:
                self.point.addItem(f"{p.code} {p.name}", p.id)
            self.point.setCurrentIndex(max(0, self.point.findData(current)))
        if vehicles == self.vehicle_rows:
            return  # nothing new from the gate: leave the list (and the finger on it) alone
        self.vehicle_rows = vehicles
        self.vehicles.clear()
        for v in vehicles:
            status = {"admitted": self.tr("已入场"), "checking": self.tr("在卡口待消杀")}.get(v.status, self.tr("接驳"))
            text = f"{v.plate}  ·  {status}  ·  {hhmm(v.arrived_at)}  ·  " + \
                self.tr("{n}批物资").replace("{n}", str(v.consignments))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, v)
            self.vehicles.addItem(item)

    def _set_presets(self, presets: disinfection.Presets) -> None:
        self.presets = presets
        for button in self.agent_group.buttons():
            self.agent_group.removeButton(button)
            button.deleteLater()
        for i, a in enumerate(presets.agents):
            text = term(a.agent) if a.dilution in a.agent else f"{term(a.agent)} {a.dilution}"
            button = _toggle(text.strip(), self)
            button.setObjectName(f"agent_{i}")
            self.agent_group.addButton(button, i)
            self.agent_row.addWidget(button)
            button.setChecked(i == 0)
        for box in self.part_boxes:
            box.deleteLater()
        self.part_boxes = []
        for i, part in enumerate(presets.parts):
            box = QCheckBox(term(part), self)
            box.setProperty("part", part)
            box.setObjectName(f"part_{i}")
            box.setStyleSheet(BIG_CHECK)
            self.part_boxes.append(box)
        columns = 3 if _fit(self.part_boxes, 3) else 2
        for i, box in enumerate(self.part_boxes):
            self.parts_grid.addWidget(box, i // columns, i % columns)

    # --- choosing what is disinfected -----------------------------------------------------------------

    def _stamp_start(self) -> None:
        self.started_at = self.ctx.clock.now()
        self.started_label.setText(self.tr("开始于 {t}").replace("{t}", f"{hhmmss(self.started_at)}"))

    def _target_chosen(self) -> None:
        if self.started_at is None:
            self._stamp_start()
        parts = []
        if self.vehicle is not None:
            parts.append(self.tr("车辆 {p}（{n}批物资）").replace("{p}", self.vehicle.plate)
                         .replace("{n}", str(self.vehicle.consignments)))
        parts += [f"{s.number} {s.label}" for s in self.slips]
        self.target.setText("\n".join(parts))
        self.show_message("", ok=True)

    def scanned(self, code: str) -> None:
        """A slip scanned anywhere in the window, or the scan box's text."""
        text = code.strip()
        if not text:
            return
        try:
            codes.parse(text)
            is_code = True
        except codes.CodeError:
            is_code = False
        if is_code or (text.isascii() and "-" in text):
            self.ctx.ops.read(lambda s: disinfection.resolve_slip(s, code=text), on_done=self._slip_found,
                              on_error=self._failed)
        else:
            now = self.ctx.clock.now()
            self.ctx.ops.read(lambda s: disinfection.find_vehicle(s, plate=text, now=now), on_done=self._vehicle_found,
                              on_error=self._failed)

    def _scan_entered(self) -> None:
        text = self.scan.text()
        self.scan.clear()
        self.scanned(text)

    def _slip_found(self, slip: disinfection.SlipTarget) -> None:
        if all(s.number != slip.number for s in self.slips):
            self.slips.append(slip)
        self._target_chosen()

    def _vehicle_found(self, vehicle: disinfection.VehicleRow) -> None:
        self.vehicle = vehicle
        self._target_chosen()

    def _vehicle_clicked(self, item: QListWidgetItem) -> None:
        self._vehicle_found(item.data(Qt.ItemDataRole.UserRole))

    def clear_target(self) -> None:
        self.vehicle, self.slips, self.started_at = None, [], None
        self.target.setText(self.tr("尚未选择消杀对象"))
        self.started_label.setText("")
        self.vehicles.clearSelection()

    # --- saving ------------------------------------------------------------------------------------------

    def form(self) -> disinfection.DisinfectionForm:
        now = self.ctx.clock.now()
        location = next((k for k, b in self.location_buttons.items() if b.isChecked()), "gate")
        agent = self.presets.agents[self.agent_group.checkedId()] if self.presets and self.agent_group.checkedId() >= 0 \
            else disinfection.AgentPreset("", "")
        names = self.operators.text().replace("，", "、").replace(",", "、").split("、")
        return disinfection.DisinfectionForm(
            location=location, agent=agent.agent, dilution=agent.dilution,
            parts=tuple(b.property("part") for b in self.part_boxes if b.isChecked()),  # as the site wrote it
            operators=tuple(n.strip() for n in names if n.strip()),
            ppe_mask=self.ppe_mask.isChecked(), ppe_gloves=self.ppe_gloves.isChecked(),
            ppe_gown=self.ppe_gown.isChecked(), started_at=self.started_at or now, ended_at=now,
            arrival_id=self.vehicle.arrival_id if self.vehicle else None,
            slips=tuple(s.number for s in self.slips), round=max(1, self.round_group.checkedId()),
            unloading_point_id=self.point.currentData() if location == "unloading_point" else None)

    def finish(self) -> None:
        self._record(self.form())

    def _record(self, form: disinfection.DisinfectionForm) -> None:
        actor, clock = self.ctx.actor, self.ctx.clock
        self.finish_button.setEnabled(False)
        self.ctx.ops.run(lambda s: disinfection.record(s, actor=actor, clock=clock, form=form),
                         on_done=self._saved, on_error=lambda exc: self._failed(exc, form))

    def _saved(self, done: disinfection.Recorded) -> None:
        self.finish_button.setEnabled(True)
        self.clear_target()
        for box in (*self.part_boxes, self.ppe_mask, self.ppe_gloves, self.ppe_gown):
            box.setChecked(False)
        ready = hhmm(done.ready_at)
        self.show_message(self.tr("已登记：{x}，静置 {m} 分钟，{t} 后可转运。").replace("{x}", done.label)
                          .replace("{m}", str(done.minutes)).replace("{t}", ready), ok=True)
        self.recorded.emit(done)
        self.scan.setFocus()

    def _failed(self, exc: BaseException, form: disinfection.DisinfectionForm | None = None) -> None:
        self.finish_button.setEnabled(True)
        if form is not None and getattr(exc, "code", "") == "staff_test_stale":  # a supervisor may allow it
            from desktop.gui.stations.disinfection import stale_override

            allowed = stale_override.ask(self.ctx, describe_error(exc), form, self)
            if allowed is not None:
                self._record(allowed)
                return
        self.show_message(describe_error(exc), ok=False)

    def show_message(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else BAD_STYLE)
        self.message.setText(text)
