"""GUI fixtures: a real main window on a real SQLite file, offscreen."""

from __future__ import annotations

import pytest

from desktop.gui.application import make_app


@pytest.fixture(autouse=True)
def _no_dialog_outlives_its_test(qapp):
    """A dialog a test left open (a sign-in that cannot be cancelled, a message box) would be the
    active modal widget of every later test: take each one down after the test."""
    yield
    from PySide6.QtWidgets import QApplication, QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.blockSignals(True)
            widget.close()
            widget.deleteLater()
    # Windows and dialogs closed with deleteLater() go only when an event loop at their level runs
    # again; without this they pile up across tests, with their timers and event filters, and every
    # later test pays for them (setups grew from ~1 s to ~10 s over a run).
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture
def ctx(qapp, db, clock):
    from desktop.app import build_context

    make_app("zh")
    context = build_context(db, clock, operator="duty")  # a supervisor: may work every station
    yield context
    context.ops.wait_idle()


@pytest.fixture
def window(qtbot, ctx):
    from desktop.gui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    ctx.ops.wait_idle()
