"""The warning at sign-in for a person on the staff roster whose test is stale (older than the
policy's hours, missing or positive): a message box that does not block the work (not modal), shown
after every sign-in or quick switch (desktop.services.roster)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop.gui.context import AppContext
from desktop.services import roster


class StaffWarning(QObject):
    def __init__(self, ctx: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.box: QMessageBox | None = None
        self.text = ""  # the last warning shown ("" when the signed-in person's test is fine)
        ctx.user.changed.connect(self.check)

    def check(self) -> None:
        username, now = self.ctx.actor.operator, self.ctx.clock.now()

        def read(s):  # type: ignore[no-untyped-def]
            me = roster.for_operator(s, username, now=now)
            return roster.state_words(me, roster.test_hours(s)) if me is not None and me.stale else ""

        self.ctx.ops.read(read, on_done=self._show)

    def _show(self, words: str) -> None:
        self.text = words
        if self.box is not None:
            self.box.close()
            self.box = None
        if not words:
            return
        text = words + self.tr("。请尽快检测并请督查员或管理员在“员工名册”中更新；更新前不能登记为消杀人员。")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("核酸需更新"), text, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setObjectName("stale_test_warning")
        box.setModal(False)
        box.show()
        self.box = box


def install(window: QMainWindow) -> StaffWarning:
    """Warn now (the person who just signed in) and after every later sign-in."""
    warning = StaffWarning(window.ctx, window)  # type: ignore[attr-defined]
    warning.check()
    return warning
