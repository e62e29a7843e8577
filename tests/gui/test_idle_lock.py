"""The idle lock: after the site's idle time without input the window goes back to the sign-in, which
cannot be cancelled; what was typed stays, and the forms follow whoever signs in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.gui.idle_lock import IdleLock
from desktop.services import settings
from desktop.services.context import Actor

pytestmark = pytest.mark.gui


def _locked(window) -> bool:
    return window.lock_dialog is not None and window.lock_dialog.isVisible()


def test_the_interval_comes_from_the_site_setting_and_zero_turns_it_off(window, ctx, qtbot):
    assert window.idle_lock.interval_ms == 10 * 60_000  # the default: 10 minutes
    ctx.ops.call_now(lambda s: settings.change(s, actor=Actor("admin", "admin"), now=ctx.clock.now(),
                                               key="session.idle_lock_minutes", raw="0"), write=True)
    ctx.user.sign_in(Actor("liu.yang", "handoff"), "刘洋", "handoff")  # read again at a sign-in
    assert window.idle_lock.interval_ms == 0


def test_a_saved_setting_takes_effect_without_a_sign_in(window, ctx, qtbot):
    ctx.ops.call_now(lambda s: settings.change(s, actor=Actor("admin", "admin"), now=ctx.clock.now(),
                                               key="session.idle_lock_minutes", raw="3"), write=True)
    ctx.settings.changed.emit("session.idle_lock_minutes")  # what the settings screen says after saving
    assert window.idle_lock.interval_ms == 3 * 60_000


def test_idle_time_locks_and_only_a_sign_in_unlocks_keeping_what_was_typed(window, ctx, qtbot):
    window.show_page(window.page_index("disinfection"))
    page = window.current_page()
    assert page.form.operators.text() == "值班督查"
    page.form.scan.setText("苏A12345")  # half-typed when the shift walked away
    window.idle_lock.set_interval(150)
    qtbot.waitUntil(lambda: _locked(window), timeout=3000)
    dialog = window.lock_dialog
    assert not window.centralWidget().isVisible()  # the pages are covered while locked
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # cannot be cancelled
    qtbot.waitUntil(lambda: _locked(window), timeout=3000)
    assert ctx.user.actor.operator == "duty"
    dialog = window.lock_dialog
    dialog.ui.operatorBox.setCurrentIndex(dialog.ui.operatorBox.findData("chen.jing"))
    dialog.ui.stationBox.setCurrentIndex(dialog.ui.stationBox.findData("disinfection"))
    qtbot.keyClicks(dialog.ui.pinEdit, "3333")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.lock_dialog is None, timeout=3000)
    window.idle_lock.set_interval(0)  # not again before the test is over
    assert ctx.user.actor == Actor("chen.jing", "disinfection") and window.centralWidget().isVisible()
    assert page.form.scan.text() == "苏A12345"  # nothing typed was lost
    assert page.form.operators.text() == "陈静"  # the form follows the person signed in
    assert window.current_page() is page


def test_input_keeps_the_window_unlocked(window, qtbot):
    # input every 0.1 s for 1.6 s against a 1.2 s lock: a loaded machine's stall of a few hundred ms
    # between two events cannot lock it, but a lock that input does not reset would come in the middle
    window.idle_lock.set_interval(1200)
    for _ in range(16):
        qtbot.wait(100)
        qtbot.mouseMove(window.centralWidget())
        qtbot.keyClick(window.nav, Qt.Key.Key_Shift)
    assert not _locked(window)
    qtbot.waitUntil(lambda: _locked(window), timeout=10000)  # then nobody: it locks


def test_the_lock_is_an_application_event_filter_with_an_injectable_interval(qapp, qtbot):
    lock = IdleLock(interval_ms=0)
    fired = []
    lock.idle.connect(lambda: fired.append(1))
    qtbot.wait(50)
    assert fired == []  # off
    lock.set_interval(20)
    qtbot.waitUntil(lambda: fired == [1], timeout=5000)
    lock.locked = True
    lock.unlocked()
    qtbot.waitUntil(lambda: len(fired) == 2, timeout=5000)
    lock.deleteLater()
    assert QApplication.instance() is qapp


def test_a_closed_window_never_locks(window, qtbot):
    window.hide()
    window.idle_lock.set_interval(30)
    qtbot.wait(200)
    assert window.lock_dialog is None and window.idle_lock.interval_ms == 0
