"""Five wrong PINs at the sign-in lock the account, and the lock is in the database: closing the app
and opening the file again finds it still locked, the right PIN included, until an administrator
unlocks it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.gui.ops import Ops
from desktop.gui.signin import SignInDialog
from desktop.services import setup
from desktop.services.context import Actor
from desktop.store.migrate import open_database

pytestmark = pytest.mark.gui


def _dialog(qtbot, ops):
    dialog = SignInDialog(ops, last={"operator": "zhou.min", "station": "supervision"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _try(qtbot, dialog, pin):
    dialog.ui.pinEdit.clear()
    qtbot.keyClicks(dialog.ui.pinEdit, pin)
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)


def test_the_lock_survives_reopening_the_database(qapp, qtbot, db, db_path, clock):
    ops = Ops(db)
    dialog = _dialog(qtbot, ops)
    for _ in range(5):
        _try(qtbot, dialog, "0000")
        assert dialog.result_actor is None
    ops.wait_idle()
    dialog.close()
    db.dispose()  # the app closes

    again = open_database(str(db_path))  # … and starts again on the same file
    try:
        ops2 = Ops(again)
        dialog2 = _dialog(qtbot, ops2)
        _try(qtbot, dialog2, "2468")  # the right PIN
        assert dialog2.result_actor is None and "锁定" in dialog2.ui.errorLabel.text()
        with again.session() as s:  # an administrator unlocks
            setup.unlock(s, actor=Actor("admin", "admin"), now=clock.now(), username="zhou.min")
        _try(qtbot, dialog2, "2468")
        assert dialog2.result_actor == Actor("zhou.min", "supervision")
        ops2.wait_idle()
    finally:
        again.dispose()
