"""The gate (门岗): plate or pass number, every occupant's checks, then a decision by key.

A compliant pre-approved vehicle: type or scan the plate/pass, Enter (look up), Enter (confirm
the checks as shown), F5 (enter). F6 sends to the handoff zone, F7 refuses, F8 asks a
supervisor to override a failed check, F10 logs the exit, Esc starts over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import site_zone
from desktop.domain.enums import display
from desktop.domain.identity import InputError
from desktop.domain.scanner import ScanKind, read_scan
from desktop.gui import keys
from desktop.gui.ops import describe_error
from desktop.gui.sounds import Sounds
from desktop.gui.stations.base import StationPage
from desktop.gui.stations.gate import reveal
from desktop.gui.stations.gate.actions import GateActions
from desktop.gui.stations.gate.dialogs import SupervisorDialog
from desktop.gui.stations.gate.occupant import DEFAULT_SYMPTOMS, OccupantCard
from desktop.i18n import language
from desktop.services import gate, gate_find, health, plate_day, policy, setup, walkins
from desktop.services.gate import ArrivalInfo, CheckInput, Lookup

STYLE = """
QLineEdit#plate { font-size: 30pt; font-weight: bold; min-height: 64px; }
QLabel#level { font-size: 16pt; font-weight: bold; padding: 6px 12px; border-radius: 6px; color: white; }
QLabel#vehicle { font-size: 26pt; font-weight: bold; }
QLabel#notice { font-size: 17pt; font-weight: bold; padding: 6px; border-radius: 6px; }
QLabel#verdict { font-size: 20pt; font-weight: bold; padding: 8px; border-radius: 6px; }
QPushButton#decide { font-size: 17pt; min-height: 54px; }
"""
LEVEL_COLOURS = {"prevention": "#1a7f37", "control": "#b26a00", "lockdown": "#c62828"}


class GatePage(GateActions, StationPage):
    key = "gate"

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.setStyleSheet(STYLE)
        self.found: Lookup | None = None
        self.history: plate_day.PlateDay | None = None
        self.symptom_names: tuple[str, ...] = DEFAULT_SYMPTOMS
        self.arrival: ArrivalInfo | None = None
        self.cards: list[OccupantCard] = []
        self.level: policy.ActiveLevel | None = None
        self.sounds = Sounds(self)  # rising = go, low and harsh = stop (silent where there is no audio)
        main = QHBoxLayout(self)
        main.addLayout(self._build_left(), 1)
        main.addLayout(self._build_right())
        self._shortcuts()
        self._inside_timer = QTimer(self, interval=60_000, timeout=self.refresh_inside)
        self._inside_timer.start()
        self.reset()

    def title(self) -> str:
        return self.tr("门岗")

    # --- layout ------------------------------------------------------------------------------

    def _build_left(self) -> QVBoxLayout:
        left = QVBoxLayout()
        top = QHBoxLayout()
        self.level_label = QLabel("", self)
        self.level_label.setObjectName("level")
        # the whole rule, on two lines if need be (English: "… vehicles may enter" was cut off)
        self.level_label.setWordWrap(True)
        self.level_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.level_button = QPushButton(self.tr("更改级别"), self)
        self.level_button.clicked.connect(self.change_level)
        top.addWidget(self.level_label, 1)
        top.addWidget(self.level_button)
        left.addLayout(top)
        row = QHBoxLayout()
        self.plate = QLineEdit(self)
        self.plate.setObjectName("plate")
        self.plate.setPlaceholderText(self.tr("车牌号或通行证号，回车查询"))
        self.plate.returnPressed.connect(self.look_up)
        self.lookup_button = QPushButton(self.tr("查询"), self)
        self.lookup_button.clicked.connect(lambda: self.look_up())
        row.addWidget(self.plate, 1)
        row.addWidget(self.lookup_button)
        left.addLayout(row)
        self.vehicle = QLabel("", self)
        self.vehicle.setObjectName("vehicle")
        self.details = QLabel("", self)
        self.details.setWordWrap(True)
        self.notice = QLabel("", self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        for w in (self.vehicle, self.details, self.notice):
            left.addWidget(w)
        self.cards_host = QWidget(self)
        self.cards_layout = QVBoxLayout(self.cards_host)
        self.cards_layout.addStretch(1)
        self.cards_scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.cards_host)
        left.addWidget(scroll, 1)
        self.verdict = QLabel("", self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        left.addWidget(self.verdict)
        return left

    def _button(self, text: str, slot: Callable[[], None], *, object_name: str = "decide") -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(object_name)
        b.clicked.connect(slot)
        b.setAutoDefault(True)
        return b

    def _build_right(self) -> QVBoxLayout:
        right = QVBoxLayout()
        self.confirm_button = self._button(self.tr("确认查验（回车）"), self.confirm)
        self.point = QComboBox(self)
        self.enter_button = self._button(self.tr("F5 放行进入"), self.admit)
        self.handoff_button = self._button(self.tr("F6 转接驳区"), self.handoff)
        self.refuse_button = self._button(self.tr("F7 劝返"), self.refuse)
        self.override_button = self._button(self.tr("F8 督查放行"), self.override)
        self.add_person_button = self._button(self.tr("加随车人员"), self.add_person, object_name="")
        self.exit_button = self._button(self.tr("F10 出门登记"), self.log_exit)
        self.cancel_button = self._button(self.tr("撤销登记"), self.cancel_arrival, object_name="")
        self.clear_button = self._button(self.tr("Esc 下一辆"), self.reset, object_name="")
        self.slips_button = self._button(self.tr("F9 开交接单"), self.issue_slips, object_name="")
        self.slips_button.setEnabled(False)
        right.addWidget(self.confirm_button)
        point_label = QLabel(self.tr("卸货点"), self)
        point_label.setBuddy(self.point)
        right.addWidget(point_label)
        right.addWidget(self.point)
        grid = QGridLayout()
        for i, b in enumerate((self.enter_button, self.handoff_button, self.refuse_button, self.override_button,
                               self.exit_button, self.cancel_button, self.add_person_button, self.clear_button)):
            grid.addWidget(b, i // 2, i % 2)
        grid.addWidget(self.slips_button, 4, 0, 1, 2)
        right.addLayout(grid)
        self.inside_title = QLabel(self.tr("在场车辆"), self)
        self.inside_title.setObjectName("heading")
        self.inside_list = QListWidget(self)
        self.inside_list.setMaximumWidth(360)
        self.inside_list.setMinimumHeight(60)
        right.addWidget(self.inside_title)
        right.addWidget(self.inside_list, 1)
        return right

    def _shortcuts(self) -> None:
        for key, slot in ((Qt.Key.Key_F5, self.admit), (Qt.Key.Key_F6, self.handoff), (Qt.Key.Key_F7, self.refuse),
                          (Qt.Key.Key_F8, self.override), (Qt.Key.Key_F9, self.issue_slips)):
            keys.shortcut(self, key, slot, decision=True)
        keys.shortcut(self, QKeySequence("Shift+F9"), self.slips_dialog)
        keys.shortcut(self, Qt.Key.Key_F10, self.log_exit, decision=True)
        keys.shortcut(self, Qt.Key.Key_Escape, self.reset)
        # Enter on a focused decision key does not decide: a bounced Enter must not let a vehicle in
        keys.calm(self.enter_button, self.handoff_button, self.refuse_button, self.override_button,
                  self.exit_button, self.slips_button, self.cancel_button)

    # --- state ---------------------------------------------------------------------------------

    def activated(self) -> None:
        self.ctx.ops.read(self._level_and_points, on_done=self._show_level)
        self.ctx.ops.read(lambda s: health.rule(s).symptoms, on_done=self._set_symptoms)
        self.refresh_inside()
        self.plate.setFocus()

    def _set_symptoms(self, names: tuple[str, ...]) -> None:
        self.symptom_names = names  # the site's symptom question, asked on every card from now on

    def _level_and_points(self, session: Any) -> tuple[policy.ActiveLevel, list[setup.UnloadingPointInfo]]:
        return policy.active(session), setup.list_unloading_points(session)

    def _show_level(self, result: tuple[policy.ActiveLevel, list[setup.UnloadingPointInfo]]) -> None:
        self.level, points = result
        lang = language()
        rule = self.level.rule
        entry = self.tr("车辆可进入") if rule.vehicles_may_enter else self.tr("车辆一律不得进入，全部转接驳")
        self.level_label.setText(self.tr("当前：{m} · {r} · 核酸{h}小时内 · {e}")
                                 .replace("{m}", display(self.level.management_level, lang))
                                 .replace("{r}", display(self.level.risk_level, lang))
                                 .replace("{h}", str(rule.test_valid_hours)).replace("{e}", entry))
        colour = LEVEL_COLOURS.get(self.level.management_level, "#35506b")
        self.level_label.setStyleSheet(f"background: {colour};")
        current = self.point.currentData()
        self.point.clear()
        for p in points:
            self.point.addItem(f"{p.code} {p.name}", p.id)
        if current is not None:
            self.point.setCurrentIndex(max(0, self.point.findData(current)))

    def reset(self) -> None:
        """Ready for the next vehicle."""
        self.found, self.arrival = None, None
        self._set_cards([], editable=False)
        self.vehicle.setText("")
        self.details.setText("")
        self._notice("", "")
        self.plate.clear()
        self.plate.setFocus()
        self._update_buttons()

    def _notice(self, text: str, colour: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.notice.setStyleSheet(f"background: {colour}; color: white;" if colour else "")

    def _say(self, text: str, *, ok: bool, sound: str | None = None) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet("background: #1a7f37; color: white;" if ok else "background: #c62828; color: white;")
        self.sounds.play(sound or ("ok" if ok else "invalid"))

    def _update_buttons(self) -> None:
        a, f = self.arrival, self.found
        checking = a is not None and a.status == "checking"
        may_enter = self.level is None or self.level.rule.vehicles_may_enter
        self.confirm_button.setEnabled(bool(self.cards) and (a is None or checking))
        self.enter_button.setEnabled(checking and a is not None and a.cleared and may_enter)
        self.handoff_button.setEnabled(checking and a is not None and a.cleared)
        self.refuse_button.setEnabled(checking)
        self.override_button.setEnabled(checking and a is not None and bool(a.open_failures))
        self.add_person_button.setEnabled(f is not None and a is None)
        self.exit_button.setEnabled(a is not None and a.status in ("admitted", "handoff"))
        self.cancel_button.setEnabled(a is not None and a.status in ("checking", "admitted", "handoff", "refused"))

    def _set_cards(self, people: list[CheckInput], *, editable: bool) -> None:
        for card in self.cards:
            # gone at once, not at the next turn of the event loop (a nested loop may never get there)
            self.cards_layout.removeWidget(card)
            card.hide()
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for person in people:
            self._add_card(person, editable)

    def _add_card(self, person: CheckInput, editable: bool) -> None:
        photos = self.found.photos if self.found else {}
        card = OccupantCard(person, editable_identity=editable, parent=self.cards_host,
                            photo=photos.get(person.approval_occupant_id or -1), symptoms=self.symptom_names)
        card.photo_requested.connect(self.take_photo)
        if not editable:
            reveal.connect(self, card)
        else:  # a walk-in: Enter goes to the next empty field, and confirms when none is left
            keys.enter_finishes(card, self.confirm)
        self.cards_layout.insertWidget(self.cards_layout.count() - 1, card)
        self.cards.append(card)

    # --- look up -------------------------------------------------------------------------------

    def scanned(self, code: str) -> bool:
        """A scanned pass number (or plate) is looked up; slip codes, even misread ones, are
        the handoff station's."""
        if read_scan(code, site=self.ctx.site.code).kind in (ScanKind.CODE, ScanKind.INVALID):
            return False
        self.reset()
        self.plate.setText(code.strip())
        self.look_up()
        return True

    def look_up(self, then: Callable[[Lookup], None] | None = None) -> None:
        """Find the vehicle however the plate or pass was typed; a choice when several fit."""
        query = self.plate.text()
        now = self.ctx.clock.now()
        self.verdict.setText("")
        self.verdict.setStyleSheet("")  # no empty red (or green) bar left over from the last vehicle

        def work(s: Any) -> tuple[Lookup | list[gate_find.Choice], plate_day.PlateDay | None]:
            result = gate_find.lookup_any(s, query=query, now=now)
            if isinstance(result, list):
                return result, None
            return result, plate_day.for_plate(s, plate=result.plate, now=now)

        def found(pair: tuple[Lookup | list[gate_find.Choice], plate_day.PlateDay | None]) -> None:
            result, history = pair
            if isinstance(result, list):
                self._choose(query, result, then)
                return
            self.history = history
            self._show_lookup(result)
            if then is not None:
                then(result)

        self.ctx.ops.read(work, on_done=found, on_error=self._error)

    def _choose(self, query: str, choices: list[gate_find.Choice], then: Callable[[Lookup], None] | None) -> None:
        from desktop.gui.stations.gate.choose import ChooseVehicleDialog

        dialog = ChooseVehicleDialog(query, choices, self)
        chosen = dialog.chosen() if self._ask(dialog) == QDialog.DialogCode.Accepted else None
        if chosen is None:
            self.plate.setFocus()
            self.plate.selectAll()
            return
        self.plate.setText(chosen.query)
        self.look_up(then)

    def _show_lookup(self, found: Lookup) -> None:
        self.found, self.arrival = found, found.open_arrival
        a = found.approval
        self.vehicle.setText(found.plate_display)
        if a is not None:
            mode = self.tr("进入") if a.mode == "enter" else self.tr("接驳（不进入）")
            self.details.setText(f"{a.supplier_name} · {mode} · {a.unloading_point or '—'}\n{a.cargo_summary}")
            index = self.point.findData(a.unloading_point_id)
            if index >= 0:
                self.point.setCurrentIndex(index)
        else:
            self.details.setText("")
        history = self.history if self.history is not None and self.history.plate == found.plate else None
        if history is not None and history.events:  # what happened today, before any key is pressed
            today = self.tr("今天：") + history.text()
            self.details.setText("\n".join(x for x in (self.details.text(), today) if x))
        problems = [p for p in (found.approval_problem, found.pass_problem) if p]
        refused = history is not None and history.refused is not None
        if found.open_arrival is not None:
            when = found.open_arrival.arrived_at.astimezone(site_zone()).strftime("%H:%M")
            self._notice(self.tr("已于 {t} 登记（{s}）").replace("{t}", when)
                         .replace("{s}", gate.status_words(found.open_arrival.status)), "#b26a00")
            self._show_arrival(found.open_arrival)
            return
        if problems:
            self._notice("；".join(problems), "#c62828")
        elif refused:  # refused earlier today: never green again without a second look
            self._notice(self.tr("今天已劝返（原因见上）。如再次登记，请重新逐项查验"), "#b26a00")
        else:
            self._notice(self.tr("已审批 ✔ 核对后按回车确认"), "#1a7f37")
        people = list(found.prefill) or [CheckInput(name="", role="driver")]
        self._set_cards(people, editable=not found.prefill)
        self._update_buttons()
        if found.prefill:
            self.confirm_button.setDefault(True)
            self.confirm_button.setFocus()
        elif self.cards and self.cards[0].name_edit is not None:
            self.cards[0].name_edit.setFocus()

    def _error(self, exc: BaseException) -> None:
        self._say(describe_error(exc), ok=False)
        self.plate.setFocus()
        self.plate.selectAll()

    def add_person(self) -> None:
        self._add_card(CheckInput(name="", role="passenger"), True)
        self._update_buttons()

    # --- check-in --------------------------------------------------------------------------------

    def _values(self) -> list[CheckInput] | None:
        today = self.ctx.clock.now().astimezone(site_zone()).date()  # the site's day, not the laptop's
        try:
            return [card.value(today=today) for card in self.cards]
        except InputError as exc:
            self._say(exc.message, ok=False)
            return None

    def confirm(self) -> None:
        """Submit the checks as the cards show them: a check-in, or a re-check after a correction."""
        people = self._values()
        if people is None or self.found is None:
            return
        actor, now = self.ctx.actor, self.ctx.clock.now()
        if self.arrival is not None:
            arrival_id = self.arrival.id
            self._run(lambda s: gate.recheck(s, actor=actor, now=now, arrival_id=arrival_id, occupants=people))
            return
        dialog = SupervisorDialog(self.tr("须督查员批准"), self.found.approval_problem, self) \
            if self.found.approval_problem else None
        self._check_in(self.found, people, dialog)

    def _check_in(self, found: Lookup, people: list[CheckInput], dialog: SupervisorDialog | None) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        extra: dict[str, str] = {}
        if dialog is not None:
            if self._ask(dialog) != QDialog.DialogCode.Accepted:
                return
            extra = dict(zip(("supervisor", "supervisor_pin", "reason"), dialog.values(), strict=True))
        approval_id = found.approval.id if found.approval else None  # the service decides if it suffices
        pass_number = found.pass_info.number if found.pass_info else None

        def failed(exc: BaseException) -> None:
            if dialog is None:
                self._error(exc)
            else:  # a wrong PIN: the same dialog again, account and reason kept
                self._again(dialog, exc, lambda: self._check_in(found, people, dialog))

        self.ctx.ops.run(lambda s: gate.check_in(s, actor=actor, now=now, plate=found.plate, occupants=people,
                                                 approval_id=approval_id, pass_number=pass_number, **extra),
                         on_done=self._show_arrival, on_error=failed)

    def _ask(self, dialog: QDialog) -> int:
        result = dialog.exec()
        self.window().activateWindow()  # keys go back to the gate, not nowhere
        return result

    def _run(self, work: Callable[[Any], ArrivalInfo], then: Callable[[ArrivalInfo], None] | None = None) -> None:
        self.ctx.ops.run(work, on_done=then or self._show_arrival, on_error=self._error)

    def _show_arrival(self, arrival: ArrivalInfo) -> None:
        self.arrival = arrival
        if arrival.needs_supervisor:  # the red "no approval" banner gives way to who allowed it
            arrival_id = arrival.id
            self.ctx.ops.read(lambda s: walkins.approval_of(s, arrival_id), on_done=self._show_walk_in)
        if len(self.cards) != len(arrival.checks):
            self._set_cards([c.input for c in arrival.checks], editable=False)
        for card, check in zip(self.cards, arrival.checks, strict=False):
            card.show_result(check)
        self._update_buttons()
        if arrival.status != "checking":
            self._say(self.tr("当前状态：{s}").replace("{s}", gate.status_words(arrival.status)), ok=True)
            (self.exit_button if self.exit_button.isEnabled() else self.plate).setFocus()
            return
        if arrival.cleared:
            self._say(self.tr("全部合格 — 按 F5 进入，F6 转接驳"), ok=True)
            # The approval says how the goods come in: a handoff-zone vehicle gets F6 under Enter, not F5
            approval = self.found.approval if self.found else None
            handoff = approval is not None and approval.mode == "handoff"
            (self.enter_button if self.enter_button.isEnabled() and not handoff else self.handoff_button).setFocus()
        else:
            # Who failed and why, on the bar itself: with three people in the cab the failing card
            # can be below the fold.
            name, failure = arrival.open_failures[0]
            said = self.tr("{n}：{m}").replace("{n}", name).replace("{m}", failure.message)
            self._say(said + "\n" + self.tr("有检查不合格：F7 劝返，或 F8 请督查员放行"),
                      ok=False, sound="already")
            failing = next((c for c, ch in zip(self.cards, arrival.checks, strict=False) if ch.open_failures), None)
            if failing is not None:
                self.cards_scroll.ensureWidgetVisible(failing)
            self.refuse_button.setFocus()

    def _show_walk_in(self, approval: walkins.WalkInApproval | None) -> None:
        if approval is not None and self.arrival is not None and self.arrival.status == "checking":
            self._notice(approval.words(), "#1a7f37")

    # --- vehicles inside ---------------------------------------------------------------------------

    def settings_changed(self, what: str) -> None:
        self.refresh_inside()  # the inside-too-long limit may have changed

    def refresh_inside(self) -> None:
        now = self.ctx.clock.now()
        self.ctx.ops.read(lambda s: gate.inside(s, now=now), on_done=self._show_inside)

    def _show_inside(self, rows: list[gate.Inside]) -> None:
        self.inside_list.clear()
        for row in rows:
            text = self.tr("{p}  {u}  {m}分钟").replace("{p}", row.arrival.plate_display) \
                .replace("{u}", row.arrival.unloading_point.split(" ")[0]).replace("{m}", str(row.minutes))
            item = QListWidgetItem(("⚠ " if row.overdue else "") + text)
            if row.overdue:
                item.setBackground(Qt.GlobalColor.red)
                item.setForeground(Qt.GlobalColor.white)
                item.setToolTip(self.tr("在场时间超过规定，请联系卸货点督促离开"))
            self.inside_list.addItem(item)
        self.inside_title.setText(self.tr("在场车辆（{n}）").replace("{n}", str(len(rows))))

    def screenshot_states(self) -> list[tuple[str, Callable[[], None]]]:
        def show(query: str) -> Callable[[], None]:
            def enter() -> None:
                self.reset()
                self.plate.setText(query)
                self.look_up()
            return enter

        # on the demo day: a compliant vehicle by pass number, then one whose sample is too old
        return [("", lambda: None), ("vehicle", show("BG-2022-0031")), ("failing", show("苏N60218")),
                ("failing-checked", self.confirm)]
