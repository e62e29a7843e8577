"""The audit tab speaks people's language; the raw event is one key away."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from desktop.gui.stations.supervision.audit_words import action_words, data_words
from tests.gui.test_supervision_page import page  # noqa: F401


def test_rows_show_names_actions_in_words_and_labelled_data(qtbot, page):  # noqa: F811
    audit = page.audit
    page.tabs.setCurrentWidget(audit)
    audit.refresh()
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0 and bool(audit.model.names))
    model = audit.model
    shown = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
    actions = {row[3] for row in shown}
    assert "门岗决定" in actions or "车辆登记查验" in actions, actions
    assert not any(a.startswith("gate.") for a in actions)  # no raw keys where words exist
    operators = {row[1] for row in shown}
    assert not any("." in o for o in operators), operators  # display names, not liu.yang
    assert not any(row[5].startswith("{") for row in shown)  # fields, not JSON
    audit.table.setFocus()
    audit.table.selectRow(0)
    qtbot.keyClick(audit.table, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: audit.raw_dialog is not None and audit.raw_dialog.isVisible())
    raw = json.loads(audit.raw_dialog.text.toPlainText())
    assert raw["action"] == model.rows[0]["action"]
    qtbot.keyClick(audit.raw_dialog.text, Qt.Key.Key_Escape)
    assert not audit.raw_dialog.isVisible()


def test_words_for_actions_and_fields():
    assert action_words("handoff.scan") == "接驳扫码"
    assert action_words("something.new") == "something.new"  # shown as recorded, never hidden
    text = data_words({"plate": "苏N12345", "supervisor": "zhou.min", "row_digests": {"x": 1}}, {"zhou.min": "周敏"})
    assert text == "车牌：苏N12345 · 督查员：周敏"
