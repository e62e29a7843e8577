"""The handoff station (接驳组): scan a slip, see at a glance whether the goods may go.

Scans arrive through `scanned(code)` (the main window routes `ScanInput.scanned` to the page that
is showing) or from the manual entry field. In "放行" mode a scan asks `handoff.scan` to release
the goods; in "装车" / "签收" mode it records the next link of the custody chain. Each answer
fills the verdict panel with its colour, plays its sound and goes to the top of the recent list.

Signals: verdict_shown(object) — a Verdict has been put on the panel.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from desktop.domain.scanner import ScanKind, read_scan
from desktop.gui.ops import describe_error
from desktop.gui.scan_input import latin_only
from desktop.gui.sounds import Sounds
from desktop.gui.stations.base import StationPage
from desktop.gui.stations.handoff.dialogs import CustodyDialog, HandOverDialog
from desktop.gui.stations.handoff.panel import COLOURS, VerdictPanel
from desktop.services import handoff, setup, slips
from desktop.services.handoff import Verdict, local_time

MODES = ("release", "transfer", "receive")
BIG = 56  # minimum button height: gloved fingers


class HandoffPage(StationPage):
    key = "handoff"
    icon = "handoff.svg"
    verdict_shown = Signal(object)

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.sounds = Sounds(self)
        self.last_number: str | None = None
        self.scan_started: float | None = None  # perf_counter at the scan's Enter (for the bench)
        self.panel = VerdictPanel(self)
        self._build()

    def title(self) -> str:
        return self.tr("接驳")

    # --- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.modes = QButtonGroup(self)
        mode_row = QHBoxLayout()
        for i, (key, text) in enumerate(zip(MODES, (self.tr("放行"), self.tr("装车转运"), self.tr("到达签收")),
                                            strict=True)):
            button = QPushButton(text, self)
            button.setObjectName(f"mode_{key}")
            button.setCheckable(True)
            button.setMinimumHeight(BIG)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet("QPushButton { font-size: 16pt; } QPushButton:checked { background: #0d47a1;"
                                 " color: white; font-weight: bold; }")
            self.modes.addButton(button, i)
            mode_row.addWidget(button)
        self.modes.button(0).setChecked(True)
        self.receiver = self._field("receiver", self.tr("接收人 / 经手人"))
        self.destination = QComboBox(self)
        self.destination.setObjectName("destination")
        self.destination.setEditable(True)
        self.destination.setMinimumHeight(44)
        self.destination.lineEdit().setPlaceholderText(self.tr("去向：食堂、超市、楼栋"))
        self.vehicle = self._field("vehicle", self.tr("接驳车"))
        fields = QGridLayout()
        fields.addWidget(QLabel(self.tr("接收人"), self), 0, 0)
        fields.addWidget(self.receiver, 0, 1)
        fields.addWidget(QLabel(self.tr("去向"), self), 0, 2)
        fields.addWidget(self.destination, 0, 3)
        fields.addWidget(QLabel(self.tr("接驳车"), self), 0, 4)
        fields.addWidget(self.vehicle, 0, 5)
        for column, stretch in ((1, 2), (3, 3), (5, 2)):
            fields.setColumnStretch(column, stretch)

        self.entry = self._field("manual_entry", self.tr("手工输入单号，回车确认"))
        latin_only(self.entry)
        self.entry.setStyleSheet("QLineEdit#manual_entry { font-size: 22pt; }")
        self.entry.returnPressed.connect(self._typed)
        self.entry_hint = QLabel(self)
        self.entry_hint.setObjectName("entry_hint")
        self.entry_hint.setStyleSheet("color: #c62828;")
        enter = self._button("enter_button", self.tr("确定"), self._typed)
        self.partial_button = self._button("partial_button", self.tr("签收 / 部分 / 破损…"), self._hand_over_dialog)
        self.chain_button = self._button("chain_button", self.tr("交接链"), self._show_chain)
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 3)
        entry_row.addWidget(enter)
        entry_row.addWidget(self.partial_button)
        entry_row.addWidget(self.chain_button)

        self.recent = QListWidget(self)
        self.recent.setObjectName("recent_list")
        self.recent.setMinimumWidth(330)
        self.recent.setWordWrap(True)
        self.recent.setSpacing(2)
        self.recent.itemActivated.connect(lambda item: self._chain_for(item.data(Qt.ItemDataRole.UserRole)))

        left = QVBoxLayout()
        left.addLayout(mode_row)
        left.addLayout(fields)
        left.addWidget(self.panel, 1)
        left.addLayout(entry_row)
        left.addWidget(self.entry_hint)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("最近扫码"), self))
        right.addWidget(self.recent, 1)
        outer = QHBoxLayout()
        outer.addLayout(left, 3)
        outer.addLayout(right, 1)
        self._place(outer)

    def _place(self, scanning: QHBoxLayout) -> None:
        """The scanning screen; at a transit station (中转站) one tab of two, 外发 (dispatch) the other."""
        self.dispatch_panel: Any = None
        if getattr(self.ctx.site, "kind", "") != "transit":
            self.setLayout(scanning)
            return
        from PySide6.QtWidgets import QTabWidget, QWidget

        from desktop.gui.stations.handoff.dispatch import DispatchPanel

        scan_tab = QWidget(self)
        scan_tab.setLayout(scanning)
        self.dispatch_panel = DispatchPanel(self.ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("handoff_tabs")
        self.tabs.addTab(scan_tab, self.tr("接驳放行"))
        self.tabs.addTab(self.dispatch_panel, self.tr("外发"))
        self.tabs.currentChanged.connect(lambda i: self.dispatch_panel.refresh() if i == 1 else None)
        QVBoxLayout(self).addWidget(self.tabs)

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(44)
        return edit

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setMinimumHeight(BIG)
        button.clicked.connect(slot)
        return button

    @property
    def mode(self) -> str:
        return MODES[max(0, self.modes.checkedId())]

    # --- page contract ----------------------------------------------------------------------

    def activated(self) -> None:
        station = self.ctx.actor.station
        self.ctx.ops.read(lambda s: (setup.list_unloading_points(s), handoff.recent_scans(s, station=station),
                                     handoff.last_release_fields(s, station=station)),
                          on_done=self._loaded, on_error=lambda exc: None)
        if self.dispatch_panel is not None:
            self.dispatch_panel.refresh()
        self.entry.setFocus()

    def _loaded(self, data: tuple[list[Any], list[handoff.CustodyInfo], tuple[str, str]]) -> None:
        points, recent, (last_receiver, last_destination) = data
        current = self.destination.currentText() or last_destination  # the last release here, if empty
        if not self.receiver.text():
            self.receiver.setText(last_receiver)
        self.destination.clear()
        self.destination.addItems([f"{p.code} {p.name}" for p in points])
        self.destination.setEditText(current)
        self.recent.clear()
        for e in reversed(recent):  # oldest first: each goes on top
            title = handoff.headline(handoff.VerdictKind(e.verdict)) if e.verdict in set(handoff.VerdictKind) else ""
            if e.kind not in ("scan", "release"):
                title = handoff.custody_title(e.kind)
            self._add_recent(local_time(e.at), title, e.kind, e.slip_number or e.code, e.verdict)

    def scanned(self, code: str) -> bool:
        """A scanner burst caught anywhere in the window."""
        self.submit(code)
        return True

    # --- scanning ---------------------------------------------------------------------------

    def submit(self, code: str) -> None:
        self.scan_started = time.perf_counter()
        actor, clock, mode = self.ctx.actor, self.ctx.clock, self.mode
        receiver, destination, vehicle = self.receiver.text(), self.destination.currentText(), self.vehicle.text()
        if mode == "release":
            def work(s: Any) -> Verdict:
                if slips.kind_of(s, code) == "bag_label":
                    # A bag label is a household's bag pickup wherever it is scanned: it goes to the
                    # household on its label, not to the receiver typed here for the slips.
                    return handoff.scan(s, code=code, actor=actor, clock=clock)
                return handoff.scan(s, code=code, actor=actor, clock=clock, receiver=receiver,
                                    destination=destination, transfer_vehicle=vehicle)
        else:
            def work(s: Any) -> Verdict:
                return handoff.hand_over(s, code=code, actor=actor, now=clock.now(), kind=mode, holder=receiver,
                                         location=destination, vehicle=vehicle)
        from desktop.gui.stations.handoff.goods import with_goods

        self.ctx.ops.run(lambda s: with_goods(s, work(s)), on_done=self.show_verdict,  # the verdict names the goods
                         on_error=lambda exc: self._failed(code, exc))

    def _typed(self) -> None:
        text = self.entry.text()
        read = read_scan(text, site=self.ctx.site.code)
        if read.kind is ScanKind.GARBAGE:
            self.entry_hint.setText(self.tr("单号格式不对：应为站点代码-8位字符+校验位，如 SQ-7KM3QX9A4"))
            return
        self.entry_hint.clear()
        self.entry.clear()
        self.submit(text)

    def show_verdict(self, verdict: Verdict) -> None:
        self.panel.show_verdict(verdict)
        self.sounds.play(verdict.kind.value)
        if verdict.slip_number:
            self.last_number = verdict.slip_number
        if not verdict.repeat:
            self._add_recent(local_time(verdict.at), verdict.headline, verdict.custody_kind,
                             verdict.slip_number or verdict.code, verdict.kind.value)
        self.verdict_shown.emit(verdict)

    def _failed(self, code: str, exc: BaseException) -> None:
        if handoff.is_busy(exc):
            self.show_verdict(handoff.busy_verdict(code, self.ctx.clock.now()))
            return
        self.panel.show_error(self.tr("未完成"), describe_error(exc))
        self.sounds.play("unknown")
        missing = {"missing_receiver": self.receiver, "missing_destination": self.destination}
        field = missing.get(getattr(exc, "code", ""))
        if field is not None:  # the site wants it on record: point at the empty field
            field.setFocus()

    def _add_recent(self, at: str, headline: str, kind: str, number: str, verdict: str) -> None:
        item = QListWidgetItem(f"{at}  {headline}\n{number}")
        item.setData(Qt.ItemDataRole.UserRole, number)
        bg = COLOURS.get(verdict, COLOURS["error"])[0] if kind in ("scan", "release") else "#546e7a"
        item.setForeground(QColor("#1a1a1a" if verdict in ("not_yet", "busy") else "#ffffff"))
        item.setBackground(QColor(bg))
        self.recent.insertItem(0, item)
        while self.recent.count() > 50:
            self.recent.takeItem(self.recent.count() - 1)

    def screenshot_states(self) -> list[tuple[str, Any]]:
        """A release and a refusal, scanned for real on the demo data."""
        pending = self.ctx.ops.call_now(lambda s: handoff.waiting(s, clock=self.ctx.clock))
        states: list[tuple[str, Any]] = [("", lambda: None)]
        for state, suffix in (("dwelling", "not-yet"), ("ready", "ok")):
            match = next((w for w in pending if w.state == state), None)
            if match is not None:
                states.append((suffix, lambda w=match: self._demo_scan(w)))
        if self.dispatch_panel is not None:
            states.append(("dispatch", self._demo_dispatch))
        return states

    def _demo_dispatch(self) -> None:
        """The 外发 tab with a dispatch being typed (nothing is written)."""
        self.tabs.setCurrentIndex(1)
        self.ctx.ops.wait_idle()
        panel = self.dispatch_panel
        panel.destination.setEditText("城南小区供应点")
        panel.plate.setText("苏A12345")
        panel.quantity.setValue(10)
        panel._add_line()

    def _demo_scan(self, w: handoff.Waiting) -> None:
        self.receiver.setText("张师傅")
        self.destination.setEditText(w.destination or "一食堂")
        self.vehicle.setText("接驳车1号")
        self.submit(w.number)

    # --- custody ----------------------------------------------------------------------------

    def _target_number(self) -> str | None:
        read = read_scan(self.entry.text(), site=self.ctx.site.code)
        return read.code if read.kind is ScanKind.CODE else self.last_number

    def _hand_over_dialog(self) -> None:
        number = self._target_number()
        if number is None:
            self.entry_hint.setText(self.tr("请先扫描或输入单号"))
            return
        dialog = HandOverDialog(number, self)
        dialog.holder.setText(self.receiver.text())
        dialog.location.setText(self.destination.currentText())
        dialog.accepted.connect(lambda: self._hand_over(number, dialog.values()))
        self.handover_dialog = dialog
        dialog.open()

    def _hand_over(self, number: str, values: dict[str, Any]) -> None:
        actor, clock = self.ctx.actor, self.ctx.clock
        self.scan_started = time.perf_counter()
        self.ctx.ops.run(lambda s: handoff.hand_over(s, code=number, actor=actor, now=clock.now(), **values),
                         on_done=self.show_verdict, on_error=lambda exc: self._failed(number, exc))

    def _show_chain(self) -> None:
        number = self._target_number()
        if number is None:
            self.entry_hint.setText(self.tr("请先扫描或输入单号"))
            return
        self._chain_for(number)

    def _chain_for(self, number: str | None) -> None:
        if not number:
            return
        self.ctx.ops.read(lambda s: handoff.custody_chain(s, number),
                          on_done=lambda chain: self._open_chain(number, chain))

    def _open_chain(self, number: str, chain: list[handoff.CustodyInfo]) -> None:
        self.chain_dialog = CustodyDialog(number, chain, self)
        self.chain_dialog.open()


__all__ = ["HandoffPage"]
