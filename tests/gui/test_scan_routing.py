"""Scans are judged by the code, not by the page that has the focus: a bag label is a household's
bag pickup wherever it is scanned, a handoff slip is a handoff release, and neither takes the other's
receiver or destination."""

from __future__ import annotations

import pytest
from handoff_world import bag_labels, ready_slip
from sqlmodel import select

from desktop.gui.stations.handoff import HandoffPage
from desktop.services.handoff import VerdictKind as V

pytestmark = pytest.mark.gui


def _handoff(window) -> HandoffPage:
    return next(p for p in window.pages if isinstance(p, HandoffPage))


@pytest.mark.parametrize("page_key", ["gate", "handoff", "households"])
def test_a_bag_label_is_a_bag_pickup_for_its_household_on_any_page(window, qtbot, db, clock, page_key):
    with db.session() as s:
        _cid, labels = bag_labels(s, clock.read(), n=1)
    handoff_page = _handoff(window)
    handoff_page.receiver.setText("王师傅")  # typed for the canteen's slips: not the household's bag
    handoff_page.destination.setEditText("一食堂")
    window.show_page(window.page_index(page_key))
    page = window.current_page()
    if page_key == "households":
        window.deliver_scan(labels[0])
        qtbot.waitUntil(lambda: getattr(page, "scan_verdict", None) is not None, timeout=5000)
        verdict = page.scan_verdict
    else:
        with qtbot.waitSignal(handoff_page.verdict_shown, timeout=5000) as got:
            window.deliver_scan(labels[0])
        verdict = got.args[0]
        assert window.current_page() is handoff_page
    assert verdict.kind is V.OK and verdict.slip_kind == "bag_label"
    assert verdict.receiver == "138" and verdict.receiver != "王师傅" and verdict.destination != "一食堂"


def test_a_handoff_slip_on_the_gate_page_is_released_at_the_handoff(window, qtbot, db, clock):
    with db.session() as s:
        number = ready_slip(s, clock.read())
    handoff_page = _handoff(window)
    handoff_page.receiver.setText("王师傅")
    handoff_page.destination.setEditText("一食堂")
    window.show_page(window.page_index("gate"))
    with qtbot.waitSignal(handoff_page.verdict_shown, timeout=5000) as got:
        window.deliver_scan(number)
    assert got.args[0].ok and window.current_page() is handoff_page
    assert (got.args[0].receiver, got.args[0].destination) == ("王师傅", "一食堂")


def test_a_slip_scanned_by_someone_who_may_not_release_is_refused_plainly(window, ctx, qtbot, db, clock):
    from desktop.services.context import Actor
    from desktop.store.models import Release

    with db.session() as s:
        number = ready_slip(s, clock.read())
    ctx.user.sign_in(Actor("wang.fang", "review"), "王芳", "review")  # the review group: 团购 yes, 接驳 no
    window.show_page(window.page_index("households"))
    window.deliver_scan(number)
    qtbot.waitUntil(lambda: getattr(window, "scan_refusal", None) is not None and window.scan_refusal.isVisible())
    assert number in window.scan_refusal.text() and "无权放行" in window.scan_refusal.text()
    assert window.current_page().key == "households"
    window.scan_refusal.close()
    ctx.ops.wait_idle()
    with db.session(write=False) as s:
        assert s.exec(select(Release)).first() is None
