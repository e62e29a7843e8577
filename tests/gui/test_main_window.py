from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.domain.localtime import hhmm
from desktop.gui.stations.admin import AdminPage
from desktop.gui.stations.supervision import SupervisionPage
from desktop.services.context import Actor


def test_every_station_has_a_page_and_ctrl_number_switches(window, qtbot):
    keys = [p.key for p in window.pages]
    for key in ("gate", "disinfection", "handoff", "supervision", "admin"):
        assert key in keys
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.pages[4]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == 0


def _as_admin(window) -> None:
    """The admin page is the administrator's: sign them in (the window hides it from others)."""
    window.ctx.user.sign_in(Actor("admin", "admin"), "管理员", "admin")


def test_status_bar_says_site_station_operator_database_and_time(window, ctx):
    texts = " ".join(w.text() for w in window.statusBar().findChildren(QLabel))
    assert ctx.site.name in texts
    assert "门岗" in texts
    assert "值班督查" in texts
    assert "gatehouse.sqlite3" in texts
    assert hhmm(ctx.clock.now()) in texts  # the site's zone, not the machine's


def test_fits_a_1366_by_768_laptop(window):
    assert window.minimumSizeHint().width() <= 1366
    assert window.minimumSizeHint().height() <= 768


def test_supervisor_checks_the_audit_chain_from_the_screen(window, qtbot):
    window.show_page(window.page_index("supervision"))
    page = window.current_page()
    assert isinstance(page, SupervisionPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "完好" in page.result.text())


def test_admin_adds_an_operator_by_typing(window, qtbot, monkeypatch):
    _as_admin(window)
    window.show_page(window.page_index("admin"))
    page = window.current_page()
    assert isinstance(page, AdminPage)
    qtbot.keyClicks(page.username, "wu.gang")
    qtbot.keyClicks(page.display_name, "Wu Gang")
    qtbot.keyClicks(page.pin, "4321")  # everyone has a PIN unless the site says station staff need none
    qtbot.waitUntil(lambda: page.operators.count() > 2)
    before = page.operators.count()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.operators.count() == before + 1)
    assert any("wu.gang" in page.operators.item(i).text() for i in range(page.operators.count()))
    # the same name again is refused in words, and nothing is added
    qtbot.keyClicks(page.username, "wu.gang")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已存在" in page.message.text())
    assert page.operators.count() == before + 1


def test_a_supervisor_without_pin_is_refused(window, qtbot):
    _as_admin(window)
    window.show_page(window.page_index("admin"))
    page = window.current_page()
    page.role.setCurrentIndex(page.role.findData("supervisor"))
    qtbot.keyClicks(page.username, "boss")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "必须设置密码" in page.message.text()


def test_an_error_in_a_background_write_is_shown_and_nothing_is_saved(window, ctx, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    from desktop.services import setup

    def broken(session):
        setup.set_setting(session, actor=Actor("admin", "admin"), now=ctx.clock.now(), key="half", value=1)
        raise OSError("disk I/O error: disk is full")

    ctx.ops.run(broken)
    qtbot.waitUntil(lambda: len(shown) > 0)
    assert "磁盘" in shown[0]
    assert ctx.ops.call_now(lambda s: setup.get_setting(s, "half")) is None


def test_the_highlighted_choice_in_a_dropdown_stays_readable(qapp):
    # The line-edit rule gives the popup a white background; without its own selection colours the
    # item under the cursor was drawn white on white (QA walk, role and unloading-point lists).
    from desktop.gui.application import STYLESHEET

    rule = STYLESHEET.split("QComboBox QAbstractItemView", 1)[1].split("}", 1)[0]
    assert "selection-background-color: #f0a000" in rule
    assert "selection-color: #10263b" in rule


def test_a_window_replaced_by_a_language_switch_leaves_no_handler_behind(ctx, qtbot):
    # QA walk: after 视图 → 语言 → English every database operation popped "An unexpected error
    # happened" (the old window's busy-label lambda, still connected to the shared ops).
    from desktop.gui.main_window import MainWindow

    old = MainWindow(ctx)
    old.deleteLater()
    qtbot.waitUntil(lambda: not _alive(old))
    new = MainWindow(ctx)
    qtbot.addWidget(new)
    ctx.ops.busy_changed.emit(True)  # raised RuntimeError (deleted QLabel) in the old window's handler
    assert new.busy_label.text() == "正在保存…"
    ctx.ops.busy_changed.emit(False)


def _alive(obj) -> bool:
    from shiboken6 import isValid

    return isValid(obj)


def test_admin_adds_an_unloading_point_a_new_site_needs(window, qtbot, db):
    _as_admin(window)
    # QA walk: on a first start there was no way to create unloading points from the window, so a
    # supplier's sheet naming one was refused ("本站点还没有设置卸货点") and the gate had none to pick.
    from desktop.services import setup

    window.show_page(window.page_index("admin"))
    page = window.current_page()
    qtbot.waitUntil(lambda: page.points.count() == 1 and "还没有卸货点" in page.points.item(0).text())
    qtbot.mouseClick(page.add_point_button, Qt.MouseButton.LeftButton)
    assert "编号和名称" in page.point_message.text()
    qtbot.keyClicks(page.point_code, "1")
    qtbot.keyClicks(page.point_name, "Canteen 1-2 west")
    qtbot.mouseClick(page.add_point_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.points.count() == 1 and "Canteen 1-2 west" in page.points.item(0).text())
    with db.session(write=False) as s:
        assert [(p.code, p.name) for p in setup.list_unloading_points(s)] == [("1", "Canteen 1-2 west")]


def test_a_station_whose_clock_is_off_the_servers_is_warned_on_the_status_bar(window, ctx):
    from desktop.services.dwell import ClockCheck

    ctx.ops.wait_idle()
    assert window.clock_warning.isHidden()  # SQLite: no server clock, nothing to warn about
    window.show_clock_check(ClockCheck(skew_s=-300.0))
    assert not window.clock_warning.isHidden()
    assert "慢了 5 分 0 秒" in window.clock_warning.text() and "不能放行" in window.clock_warning.text()
    window.show_clock_check(ClockCheck(skew_s=12.0))
    assert window.clock_warning.isHidden()
