"""The gate's decisions and the dialogs they need: enter, handoff, refuse, supervisor override,
cancel, exit, photo, management level. Mixed into GatePage (it owns the widgets and state)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from desktop.domain.stored_words import english
from desktop.gui.stations.gate import photo
from desktop.gui.stations.gate.dialogs import LevelDialog, OverrideDialog, ReasonDialog
from desktop.services import cancellation, consignments, gate, policy, walkins
from desktop.services.gate import ArrivalInfo

SUPERVISOR_ERRORS = ("bad_pin",)  # a mistyped PIN: type it again; other refusals end the request


class GateActions:
    """Expects the GatePage attributes: ctx, arrival, cards, level, point, the buttons, and
    _run/_ask/_say/_error/_show_level/_level_and_points/reset/refresh_inside."""

    ctx: Any
    arrival: ArrivalInfo | None
    slips_for: int | None = None  # the arrival whose goods F9 issues slips for
    slips_plate: str = ""  # and its plate as shown
    level: policy.ActiveLevel | None

    # --- decisions ---------------------------------------------------------------------------------

    def _decide(self, decision: str, *, reason: str = "") -> None:
        if self.arrival is None or self.arrival.status != "checking":
            return
        actor, now, arrival_id = self.ctx.actor, self.ctx.clock.now(), self.arrival.id
        point = self.point.currentData() if decision == "enter" else None
        self._run(lambda s: gate.decide(s, actor=actor, now=now, arrival_id=arrival_id, decision=decision,
                                        unloading_point_id=point, reason=reason), then=self._decided)

    def admit(self) -> None:
        if self.enter_button.isEnabled():
            self._decide("enter")

    def handoff(self) -> None:
        if self.handoff_button.isEnabled():
            self._decide("handoff")

    def refuse(self) -> None:
        if not self.refuse_button.isEnabled():
            return
        usual = [f.message for _, f in self.arrival.open_failures] if self.arrival else []
        dialog = ReasonDialog(self.tr("劝返"), self.tr("劝返原因会告知司机并记入日志。"),
                              [*usual, self.tr("司机拒绝关窗/戴口罩"), self.tr("无有效审批")], self)
        if usual:  # the failing checks are the reason, ready for Enter
            dialog.preselect("；".join(dict.fromkeys(usual)))
        if self._ask(dialog) == QDialog.DialogCode.Accepted:
            self._decide("refuse", reason=dialog.text())

    def _decided(self, arrival: ArrivalInfo) -> None:
        plate = arrival.plate_display
        text = {
            "admitted": self.tr("{p} 已放行进入 → {u}；路线：{r}").replace("{u}", arrival.unloading_point)
                        .replace("{r}", arrival.route),
            "handoff": self.tr("{p} 转接驳区卸货，不进入"),
            "refused": self.tr("{p} 已劝返：{r}").replace("{r}", english(arrival.decision_reason)),
        }.get(arrival.status, plate).replace("{p}", plate)
        self.reset()
        self.slips_for = arrival.id if arrival.status in ("admitted", "handoff") else None
        self.slips_plate = plate if self.slips_for is not None else ""
        self.slips_button.setEnabled(self.slips_for is not None)
        # F9 stays on this vehicle while the next one is looked up: name it, on the key and the dialog
        self.slips_button.setText(" ".join(x for x in (self.tr("F9 开交接单"), self.slips_plate) if x))
        self._say(text, ok=arrival.status != "refused", sound="voided" if arrival.status == "refused" else "ok")
        self.refresh_inside()

    slips_pdf_dir: Any = None  # where the "PDF" printer writes (None: the data folder)

    def issue_slips(self) -> None:
        """F9: every handoff slip of the vehicle just let in or sent to the handoff zone, issued and
        printed to the station's printer at once; Shift+F9 opens the dialog (preview, reprint). A
        walk-in's goods are counted first (the goods dialog), then its slips go the same way."""
        if self.slips_for is None:
            return
        self._with_goods(self._print_all)

    def _print_all(self) -> None:
        from desktop.gui.stations.gate.quick_slips import issue_and_print

        if self.slips_for is not None:
            issue_and_print(self.ctx, self.slips_for, say=lambda text, ok: self._say(text, ok=ok),
                            out_dir=self.slips_pdf_dir)

    def slips_dialog(self) -> None:
        """Shift+F9: the slips of the vehicle in a dialog, to preview, reprint or void."""
        if self.slips_for is None:
            return
        self._with_goods(self._open_slips)

    def _with_goods(self, then: Any) -> None:
        # a walk-in has no approved goods: they are counted at the gate first (desktop.services.walkins)
        arrival_id = self.slips_for
        self.ctx.ops.read(lambda s: bool(consignments.for_arrival(s, arrival_id)),
                          on_done=lambda has_goods: self._goods_known(has_goods, then), on_error=self._error)

    def _goods_known(self, has_goods: bool, then: Any) -> None:
        if self.slips_for is None:
            return
        if not has_goods:
            from desktop.gui.stations.gate.goods import GoodsDialog

            goods = GoodsDialog(self.slips_plate, self)
            if self._ask(goods) != QDialog.DialogCode.Accepted:
                return
            actor, now, arrival_id, lines = self.ctx.actor, self.ctx.clock.now(), self.slips_for, goods.lines()
            self.ctx.ops.run(lambda s: walkins.record_goods(s, actor=actor, now=now, arrival_id=arrival_id, lines=lines),
                             on_done=lambda _goods: then(), on_error=self._error)
            return
        then()

    def _open_slips(self) -> None:
        from desktop.gui.slip_actions import IssueSlipsDialog

        dialog = IssueSlipsDialog(self.ctx, arrival_id=self.slips_for, parent=self, pdf_dir=self.slips_pdf_dir)
        dialog.setWindowTitle(f"{dialog.windowTitle()} — {self.slips_plate}")
        self._ask(dialog)

    def override(self, dialog: OverrideDialog | None = None) -> None:
        if not self.override_button.isEnabled() or self.arrival is None:
            return
        dialog = dialog or OverrideDialog(self.arrival, self)
        if self._ask(dialog) != QDialog.DialogCode.Accepted:
            return
        (check_id, check), (name, pin, reason) = dialog.choice(), dialog.values()
        actor, now, arrival_id = self.ctx.actor, self.ctx.clock.now(), self.arrival.id
        self.ctx.ops.run(lambda s: gate.override(s, actor=actor, now=now, arrival_id=arrival_id, check_id=check_id,
                                                 check=check, supervisor=name, pin=pin, reason=reason),
                         on_done=self._show_arrival,
                         on_error=lambda exc: self._again(dialog, exc, lambda: self.override(dialog)))

    def _again(self, dialog: Any, exc: BaseException, reopen: Any) -> None:
        """A wrong account or PIN: the same dialog again, with what was typed and why it failed."""
        from desktop.gui.ops import describe_error

        if getattr(exc, "code", "") in SUPERVISOR_ERRORS and hasattr(dialog, "retry"):
            self._say(describe_error(exc), ok=False)
            dialog.retry(describe_error(exc))
            reopen()
            return
        self._error(exc)

    def cancel_arrival(self) -> None:
        if self.arrival is None:
            return
        arrival_id = self.arrival.id
        # what already left the handoff stays released: the dialog names it before anyone decides
        self.ctx.ops.read(lambda s: cancellation.released_goods(s, arrival_id), on_done=self._ask_cancel,
                          on_error=self._error)

    def _ask_cancel(self, released: list[str]) -> None:
        if self.arrival is None:
            return
        intro = self.tr("登记有误时撤销；记录保留并注明原因。")
        if self.arrival.status in ("admitted", "handoff"):
            intro += "\n" + self.tr("未放行的交接单将作废，静置计时停止，物资标记为撤回。")
        if released:
            intro += "\n" + self.tr("以下物资已放行，仍算已放行：{g}").replace("{g}", "；".join(released))
        dialog = ReasonDialog(self.tr("撤销登记"), intro, [self.tr("车牌号录错"), self.tr("重复登记")], self)
        if self._ask(dialog) != QDialog.DialogCode.Accepted:
            return
        actor, now, arrival_id, reason = self.ctx.actor, self.ctx.clock.now(), self.arrival.id, dialog.text()
        self._run(lambda s: gate.cancel(s, actor=actor, now=now, arrival_id=arrival_id, reason=reason),
                  then=self._cancelled)

    def _cancelled(self, arrival: ArrivalInfo) -> None:
        self.reset()
        if self.slips_for == arrival.id:  # no slips for a cancelled vehicle
            self.slips_for, self.slips_plate = None, ""
            self.slips_button.setEnabled(False)
            self.slips_button.setText(self.tr("F9 开交接单"))
        self._say(self.tr("已撤销登记：{p}").replace("{p}", arrival.plate_display), ok=True)
        self.refresh_inside()

    def log_exit(self) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        arrival_id = self.arrival.id if self.arrival and self.arrival.status in ("admitted", "handoff") else None
        plate = self.plate.text()
        if arrival_id is None and not plate.strip():
            return
        if arrival_id is None and self.found is None:
            # typed (or scanned) but not looked up: look it up, then log the exit if it is inside
            def inside(found: Any) -> None:
                a = found.open_arrival
                if a is not None and a.status in ("admitted", "handoff"):
                    self.log_exit()
                elif a is None:
                    self._say(self.tr("{p} 没有在场记录。").replace("{p}", found.plate_display), ok=False)

            self.look_up(inside)
            return
        self._run(lambda s: gate.log_exit(s, actor=actor, now=now, arrival_id=arrival_id, plate=plate),
                  then=lambda a: (self.reset(), self._say(self.tr("{p} 已出门").replace("{p}", a.plate_display), ok=True),
                                  self.refresh_inside()))

    def take_photo(self, check_id: int) -> None:
        shot = photo.take_photo(self)
        if shot is None:
            return
        data, mime = shot
        actor, now = self.ctx.actor, self.ctx.clock.now()
        card = next((c for c in self.cards if c.check_id == check_id), None)
        self.ctx.ops.run(lambda s: gate.attach_identity_photo(s, actor=actor, now=now, check_id=check_id, data=data,
                                                              mime=mime),
                         on_done=lambda _id: card.show_photo_saved() if card else None, on_error=self._error)

    def change_level(self, dialog: LevelDialog | None = None) -> None:
        current = (self.level.management_level, self.level.risk_level) if self.level else ("prevention", "low")
        dialog = dialog or LevelDialog(current, self)
        if self._ask(dialog) != QDialog.DialogCode.Accepted:
            return
        name, pin, reason = dialog.values()
        level, risk = dialog.level.currentData(), dialog.risk.currentData()
        actor, now = self.ctx.actor, self.ctx.clock.now()

        def work(s: Any) -> Any:
            policy.set_active_level(s, actor=actor, now=now, management_level=level, risk_level=risk,
                                    reason=reason, supervisor=name, pin=pin)
            return self._level_and_points(s)

        self.ctx.ops.run(work, on_done=self._show_level,
                         on_error=lambda exc: self._again(dialog, exc, lambda: self.change_level(dialog)))

