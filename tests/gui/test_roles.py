"""Who may do what, from the screen: what a role may not use is hidden, a sixth wrong PIN finds the
account locked, and nobody authorises their own override. The services stay the guard."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.gui.signin import SignInDialog
from desktop.services import audit
from desktop.services.context import Actor
from tests.gui.test_gate_page import (  # noqa: F401 - fixtures: the gate's scenario keeps its own 09:00 clock
    _focused,
    _gate_page,
    _type_chinese,
    approved,
    clock,
)


def test_a_gate_operator_cannot_reach_operator_management(window, ctx, qtbot):
    ctx.user.sign_in(Actor("li.qiang", "gate"), "李强", "gate")
    admin = window.page_index("admin")
    assert window.nav.item(admin).isHidden()
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)  # Ctrl+8: nothing happens
    window.show_page(admin)
    assert window.current_page().key == "gate"
    ctx.user.sign_in(Actor("admin", "admin"), "管理员", "admin")
    assert not window.nav.item(admin).isHidden() and window.nav.item(window.page_index("gate")).isHidden()


def test_five_wrong_pins_lock_the_account_at_the_sign_in(ctx, qtbot):
    dialog = SignInDialog(ctx.ops, last={"operator": "zhou.min", "station": "supervision"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for _ in range(5):
        dialog.ui.pinEdit.clear()
        qtbot.keyClicks(dialog.ui.pinEdit, "0000")
        qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
        assert dialog.result_actor is None
    dialog.ui.pinEdit.clear()
    qtbot.keyClicks(dialog.ui.pinEdit, "2468")  # the right PIN, too late
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    assert dialog.result_actor is None and "锁定" in dialog.ui.errorLabel.text()
    events = ctx.ops.call_now(lambda s: audit.recent(s, action_prefix="operator."))
    assert [e["action"] for e in events][:2] == ["operator.pin_while_locked", "operator.locked"]


def test_a_supervisor_cannot_authorise_their_own_override(window, ctx, qtbot, approved):  # noqa: F811
    ctx.user.sign_in(Actor("zhou.min", "gate"), "周敏", "supervisor")
    page = _gate_page(window, qtbot)
    _type_chinese(page.plate, "苏N60218")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    qtbot.keyClick(_focused(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.arrival is not None)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.username, "zhou.min")
        qtbot.keyClicks(dialog.pin, "2468")
        qtbot.keyClicks(dialog.reason, "my own say-so")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    QTimer.singleShot(50, answer)
    qtbot.keyClick(_focused(page), Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: "自己" in page.verdict.text())
    assert not page.enter_button.isEnabled()
    refused = ctx.ops.call_now(lambda s: audit.recent(s, action_prefix="permission.self_authorise"))
    assert refused and refused[0]["operator"] == "zhou.min"


def test_the_disinfection_crew_follows_a_shift_change(window, ctx, qtbot):
    ctx.user.sign_in(Actor("li.qiang", "disinfection"), "李强", "gate")
    page = window.pages[window.page_index("disinfection")]
    assert page.form.operators.text() == "李强"
    ctx.user.sign_in(Actor("chen.jing", "disinfection"), "陈静", "disinfection")
    assert page.form.operators.text() == "陈静"
    page.form.operators.setText("陈静、赵磊")  # a second sprayer typed in by hand stays
    ctx.user.sign_in(Actor("zhou.min", "disinfection"), "周敏", "supervisor")
    assert page.form.operators.text() == "周敏、赵磊"


def test_a_handoff_slip_scanned_on_the_group_buying_page_goes_to_the_handoff(window, ctx, qtbot, db, clock):  # noqa: F811
    from handoff_world import ready_slip

    from desktop.gui.stations.handoff import HandoffPage

    with db.session() as s:
        number = ready_slip(s, clock.read())
    window.show_page(window.page_index("households"))
    assert window.current_page().key == "households"
    handoff_page = next(p for p in window.pages if isinstance(p, HandoffPage))
    handoff_page.receiver.setText("王师傅")
    handoff_page.destination.setEditText("一食堂")
    with qtbot.waitSignal(handoff_page.verdict_shown, timeout=5000) as got:
        window.deliver_scan(number)
    verdict = got.args[0]
    assert window.current_page() is handoff_page and verdict.slip_number == number
    assert verdict.ok and (verdict.receiver, verdict.destination) == ("王师傅", "一食堂")
