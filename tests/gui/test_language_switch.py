"""视图 → 语言 rebuilds the window: the same page, and every key of it still works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.gui.application import install_translator
from desktop.gui.startup import Startup
from desktop.gui.stations.gate import GatePage
from tests.gui.test_gate_page import _focused, approved, clock  # noqa: F401


def test_switching_language_keeps_the_page_and_its_shortcuts(window, qtbot, ctx, approved):  # noqa: F811
    startup = Startup(window, "", station=None, operator=None, language="zh", sign_in=False)
    startup.ctx = ctx
    window.show_page(window.page_index("gate"))
    window.deleteLater = lambda: None  # the fixture closes the old window itself
    try:
        startup._switch_language("en")
        new = startup.window
        qtbot.addWidget(new)
        assert new is not window
        qtbot.waitExposed(new)
        page = new.current_page()
        assert isinstance(page, GatePage)  # the same page, not the station's first
        qtbot.waitUntil(lambda: page.point.count() > 0)
        assert QApplication.focusWidget() is page.plate or page.plate.hasFocus() or page.isAncestorOf(_focused(page))
        qtbot.keyClicks(page.plate, "BG-0001")
        qtbot.keyClick(_focused(page), Qt.Key.Key_F10)  # typed, not looked up: F10 looks it up
        qtbot.waitUntil(lambda: page.vehicle.text() == "苏N·12345")
        qtbot.keyClick(_focused(page), Qt.Key.Key_Escape)  # Esc: the next vehicle
        assert page.vehicle.text() == "" and page.plate.text() == ""
    finally:
        install_translator(QApplication.instance(), "zh")
        ctx.ops.wait_idle()
