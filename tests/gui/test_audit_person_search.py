"""The audit tab finds a person's events by the ID number or phone typed in (the keyed hash), and
never shows a full number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.test_supervision_page import page  # noqa: F401  (fixture)
from tests.supervision_world import _id

pytestmark = pytest.mark.gui


def _shown(tab) -> str:
    m = tab.model
    return " ".join(str(m.data(m.index(r, c))) for r in range(m.rowCount()) for c in range(len(m.COLUMNS)))


def test_typing_an_id_number_lists_that_persons_events(qtbot, page):  # noqa: F811
    tab = page.audit
    number = _id("32131119780312031")
    tab.person.setText(number)
    qtbot.keyClick(tab.person, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "找到" in tab.result.text())
    actions = {tab.model.rows[r]["action"] for r in range(tab.model.rowCount())}
    assert {"approval.add", "gate.check_in"} & actions, actions
    assert number not in _shown(tab) and number[:3] + "*" in _shown(tab)
    tab.person.setText("110101199001011237")  # nobody here
    qtbot.keyClick(tab.person, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "找到 0 条" in tab.result.text())
