import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.gui import crash
from desktop.gui.signin import SignInDialog
from desktop.services import setup
from desktop.services.context import Actor


def test_gate_staff_sign_in_without_a_pin_where_the_site_allows_it(ctx, qtbot):
    def add(s):
        setup.set_setting(s, actor=Actor("admin", "admin"), now=ctx.clock.now(), key=setup.PIN_SETTING, value=False)
        setup.add_operator(s, actor=Actor("admin", "admin"), now=ctx.clock.now(), username="new.guard",
                           display_name="新门岗", role="gate")

    ctx.ops.call_now(add, write=True)
    dialog = SignInDialog(ctx.ops, last={"operator": "new.guard", "station": "handoff"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.ui.pinEdit.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_actor == Actor("new.guard", "handoff")


def test_admin_needs_the_right_pin(ctx, qtbot):
    dialog = SignInDialog(ctx.ops, last={"operator": "zhou.min"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.ui.pinEdit.isEnabled()
    qtbot.keyClicks(dialog.ui.pinEdit, "0000")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    assert dialog.result_actor is None
    assert "密码" in dialog.ui.errorLabel.text()
    dialog.ui.pinEdit.clear()
    qtbot.keyClicks(dialog.ui.pinEdit, "2468")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    assert dialog.result_actor == Actor("zhou.min", dialog.ui.stationBox.currentData())


def test_unhandled_exception_is_logged_shown_and_offered_next_start(qapp, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    monkeypatch.setattr(sys, "__excepthook__", lambda *a: None)
    try:
        raise RuntimeError("boom at the gate")
    except RuntimeError:
        crash._excepthook(*sys.exc_info())
    logs = list(crash.crash_dir().glob("crash-*.log"))
    assert len(logs) == 1 and "boom at the gate" in logs[0].read_text(encoding="utf-8")
    assert shown and str(logs[0]) in shown[0]
    assert crash.unseen_crash_logs() == logs
    crash.offer_previous_crash(None)
    assert len(shown) == 2
    assert crash.unseen_crash_logs() == []


def test_a_new_sites_administrator_sets_a_pin_at_the_first_sign_in(ctx, qtbot):
    dialog = SignInDialog(ctx.ops, last={"operator": "admin", "station": "admin"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.ui.pinEdit.isEnabled() and "首次登录" in dialog.ui.pinEdit.placeholderText()
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)  # no PIN: refused, in words
    assert dialog.result_actor is None and "4" in dialog.ui.errorLabel.text()
    qtbot.keyClicks(dialog.ui.pinEdit, "1357")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    assert dialog.result_actor == Actor("admin", "admin")
    assert ctx.ops.call_now(lambda s: setup.check_operator_pin(s, username="admin", pin="1357")).has_pin


def test_the_admin_page_sets_a_pin_for_the_chosen_operator(window, ctx, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    def add(s):
        setup.set_setting(s, actor=Actor("admin", "admin"), now=ctx.clock.now(), key=setup.PIN_SETTING, value=False)
        setup.add_operator(s, actor=Actor("admin", "admin"), now=ctx.clock.now(), username="sun.lee",
                           display_name="孙里", role="handoff")

    ctx.ops.call_now(add, write=True)
    ctx.user.sign_in(Actor("admin", "admin"), "管理员", "admin")
    window.show_page(window.page_index("admin"))
    page = window.current_page()
    qtbot.waitUntil(lambda: page.operators.count() > 2)
    row = next(i for i in range(page.operators.count()) if "sun.lee" in page.operators.item(i).text())
    assert "无密码" in page.operators.item(row).text()
    page.operators.setCurrentRow(row)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("12", True))
    qtbot.mouseClick(page.pin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "至少" in page.message.text())  # too short: refused, nothing changed
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("8642", True))
    qtbot.mouseClick(page.pin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已设置" in page.message.text())
    assert ctx.ops.call_now(lambda s: setup.check_operator_pin(s, username="sun.lee", pin="8642")).has_pin
