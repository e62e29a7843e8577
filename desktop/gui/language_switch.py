"""After 视图 → 语言 rebuilt the window: the same page, the keys going to it.

The new window is shown while the old one hides; nothing is active for a moment, and the page's
shortcuts (F10, Esc … are WidgetWithChildren shortcuts) fire only when the focus is inside the
page. So: back to the page that was open, activate the window, and let the page take the focus.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication


def settle_after_switch(window: Any, page: int) -> None:
    if page >= 0 and window.may_open(page):
        window.show_page(page)
    window.raise_()
    window.activateWindow()
    if window.pages:
        current = window.current_page()
        current.activated()  # puts the focus where the first key belongs (the plate at the gate)
        focus = QApplication.focusWidget()
        if focus is None or not current.isAncestorOf(focus):
            current.focusNextChild()  # at least inside the page, where its shortcuts live
