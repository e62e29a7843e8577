"""The gate card shows an ID number and phone masked; "显示完整" shows them whole, and the audit log
says who looked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import audit
from tests.gui.test_gate_page import _gate_page, approved, clock  # noqa: F401  (fixtures)
from tests.services.sheets import DRIVER_IDS


def test_the_card_masks_and_show_full_is_audited(window, qtbot, approved, db):  # noqa: F811
    page = _gate_page(window, qtbot)
    qtbot.keyClicks(page.plate, "bg-0001")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    card = page.cards[0]
    assert DRIVER_IDS[0] not in card.who.text() and "13812345678" not in card.who.text()
    assert "138****5678" in card.who.text()
    qtbot.mouseClick(card.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: DRIVER_IDS[0] in card.who.text())
    assert "13812345678" in card.who.text() and not card.reveal_button.isEnabled()
    with db.session(write=False) as s:
        [seen] = audit.recent(s, action_prefix="privacy.reveal")
    assert seen["operator"] == "duty" and seen["entity"] == "approval_occupant"
    assert DRIVER_IDS[0] not in str(seen)
