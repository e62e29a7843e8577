"""The admin page manages people by clicks: change a role, disable (never delete) and enable, lift a
lockout, reset a PIN; and the screens hide what the signed-in role may not do, after every switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlmodel import select

from desktop.domain.pins import check_pin
from desktop.gui.stations.admin import AdminPage
from desktop.services import audit
from desktop.services.context import Actor
from desktop.store.models import Operator

pytestmark = pytest.mark.gui


def _op(db, username):
    with db.session(write=False) as s:
        return s.exec(select(Operator).where(Operator.username == username)).one().model_copy()


@pytest.fixture
def admin_page(window, ctx, qtbot):
    ctx.user.sign_in(Actor("admin", "admin"), "管理员", "admin")
    window.show_page(window.page_index("admin"))
    page = window.current_page()
    assert isinstance(page, AdminPage)
    qtbot.waitUntil(lambda: page.operators.count() > 5)
    return page


def _select(page, qtbot, username):
    for i in range(page.operators.count()):
        item = page.operators.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == username:
            page.operators.scrollToItem(item)
            rect = page.operators.visualItemRect(item)
            qtbot.mouseClick(page.operators.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert page.operators.currentItem() is item
            return item
    raise AssertionError(username)


def _after_refresh(page, qtbot, text):
    qtbot.waitUntil(lambda: text in page.message.text(), timeout=5000)


def test_change_role_disable_and_enable(admin_page, qtbot, db):
    page = admin_page
    actions = page.account
    _select(page, qtbot, "li.qiang")
    actions.new_role.setCurrentIndex(actions.new_role.findData("disinfection"))
    qtbot.mouseClick(actions.role_button, Qt.MouseButton.LeftButton)
    _after_refresh(page, qtbot, "已将")
    assert _op(db, "li.qiang").role == "disinfection"
    qtbot.waitUntil(lambda: page.operators.currentItem() is not None)
    assert actions.active_button.text() == "停用"
    qtbot.mouseClick(actions.active_button, Qt.MouseButton.LeftButton)
    _after_refresh(page, qtbot, "已停用")
    assert not _op(db, "li.qiang").active  # still there: never deleted
    qtbot.waitUntil(lambda: "已停用" in page.operators.currentItem().text())
    assert actions.active_button.text() == "启用"
    qtbot.mouseClick(actions.active_button, Qt.MouseButton.LeftButton)
    _after_refresh(page, qtbot, "已启用")
    assert _op(db, "li.qiang").active


def test_the_administrator_cannot_change_their_own_role(admin_page, qtbot, db):
    page = admin_page
    _select(page, qtbot, "admin")
    page.account.new_role.setCurrentIndex(page.account.new_role.findData("supervisor"))
    qtbot.mouseClick(page.account.role_button, Qt.MouseButton.LeftButton)
    _after_refresh(page, qtbot, "自己")
    assert _op(db, "admin").role == "admin"


def test_a_locked_account_is_shown_and_unlocked(admin_page, qtbot, db, ctx):
    page = admin_page
    with db.session() as s:
        op = s.exec(select(Operator).where(Operator.username == "chen.jing")).one()
        op.failed_pins, op.locked_until = 5, ctx.clock.now().replace(year=2999)
        s.add(op)
    page.activated()
    qtbot.waitUntil(lambda: any("已锁定" in page.operators.item(i).text() for i in range(page.operators.count())))
    _select(page, qtbot, "chen.jing")
    assert page.account.unlock_button.isEnabled()
    qtbot.mouseClick(page.account.unlock_button, Qt.MouseButton.LeftButton)
    _after_refresh(page, qtbot, "已解锁")
    assert _op(db, "chen.jing").locked_until is None
    events = ctx.ops.call_now(lambda s: audit.recent(s, action_prefix="operator.unlock"))
    assert events and events[0]["operator"] == "admin"


def test_reset_pin_by_typing_it(admin_page, qtbot, db):
    page = admin_page
    _select(page, qtbot, "sun.li")

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        field = dialog.findChild(QLineEdit)
        qtbot.keyClicks(field, "8642")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(100, answer)
    qtbot.mouseClick(page.pin_button, Qt.MouseButton.LeftButton)
    _after_refresh(page, qtbot, "已设置")
    assert check_pin("8642", _op(db, "sun.li").pin_hash)


def test_buttons_a_role_lacks_are_hidden_and_follow_a_switch(window, ctx, qtbot):
    review = window.pages[window.page_index("review")]
    households = window.pages[window.page_index("households")]
    slips = window.pages[window.page_index("slips")]
    ctx.user.sign_in(Actor("liu.yang", "handoff"), "刘洋", "handoff")
    assert households.import_button.isHidden() and not households.delivered_button.isHidden()
    assert slips.slip_list.issue_button.isHidden()
    ctx.user.sign_in(Actor("wang.fang", "review"), "王芳", "review")
    assert not households.import_button.isHidden() and households.delivered_button.isHidden()
    assert not review.approve_button.isHidden()
    ctx.user.sign_in(Actor("li.qiang", "gate"), "李强", "gate")
    assert review.approve_button.isHidden() and review.approve_all_button.isHidden()
    assert not slips.slip_list.issue_button.isHidden()
