"""OK and NOT YET name the goods and the quantity: the team knows which pallet the verdict is for."""

from __future__ import annotations

import pytest
from handoff_world import ready_slip, slip_for

from desktop.services.handoff import VerdictKind as V
from tests.gui.test_handoff_page import burst, screen  # noqa: F401

pytestmark = pytest.mark.gui
GOODS = "大米 20袋"  # what handoff_world puts on every slip


def test_ok_and_not_yet_name_the_goods_and_quantity(screen, qtbot, db, clock):  # noqa: F811
    page, notes = screen
    with db.session() as s:
        waiting = slip_for(s, clock.now(), disinfected_reading=clock.read())
        done = ready_slip(s, clock.read())
    with qtbot.waitSignal(page.verdict_shown, timeout=5000) as got:
        burst(qtbot, notes, waiting)
    assert got.args[0].kind is V.NOT_YET
    not_yet = page.panel.detail.text()
    with qtbot.waitSignal(page.verdict_shown, timeout=5000) as got:
        burst(qtbot, notes, done)
    assert got.args[0].kind is V.OK
    ok = page.panel.detail.text()
    for text in (not_yet, ok):
        assert GOODS in text, text

