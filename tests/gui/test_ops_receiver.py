"""A result whose page was deleted while its work ran is not shown on the dead page: for a bound
method, and for a lambda or closure that captured the page (a teardown once raised "Internal C++
object already deleted" from a timeline's lambda)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from desktop.gui.ops import Ops

pytestmark = pytest.mark.gui


class Page(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        self.shown: list[object] = []

    def show_rows(self, rows: object) -> None:
        self.label.setText(str(rows))
        self.shown.append(rows)


def _callback(how: str, page: Page, seen: list[object]):
    if how == "method":
        return page.show_rows
    if how == "lambda":
        return lambda rows: page.show_rows(rows)

    def done(rows: object) -> None:  # a closure over `page`
        seen.append(rows)
        page.show_rows(rows)

    return done


@pytest.mark.parametrize("how", ["method", "lambda", "closure"])
def test_a_result_for_a_deleted_page_is_dropped(qtbot, qapp, db, how):
    ops = Ops(db)
    page = Page()
    seen: list[object] = []
    release = threading.Event()

    def work(_session):
        release.wait(5)
        return 42

    errors: list[str] = []
    ops.failed.connect(errors.append)
    ops.read(work, on_done=_callback(how, page, seen))
    page.deleteLater()
    qtbot.waitUntil(lambda: not isValid(page), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: ops._running == 0, timeout=5000)
    qtbot.wait(50)
    assert seen == [] and errors == []


def test_a_result_for_a_live_page_is_shown(qtbot, qapp, db):
    ops = Ops(db)
    page = Page()
    qtbot.addWidget(page)
    ops.read(lambda _s: 7, on_done=lambda rows: page.show_rows(rows))
    qtbot.waitUntil(lambda: page.shown == [7], timeout=5000)
    assert page.label.text() == "7"
