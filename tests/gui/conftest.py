"""GUI fixtures: a real main window on a real SQLite file, offscreen."""

from __future__ import annotations

import pytest

from desktop.gui.application import make_app


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
