"""The transit station: stock on hand per necessity, onward dispatches with their slips, refusals."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlmodel import select
from transit_world import HANDOFF, make_transit, receive, standing

from desktop.services import audit, slips, transit, verify
from desktop.services.context import Actor, ServiceError
from desktop.store.models import AuditEvent, Dispatch

TO = "城南小区供应点"


def on_hand(s):
    return {(x.necessity, x.unit): x.on_hand for x in transit.stock(s) if x.on_hand}


@pytest.fixture
def station(db, clock):
    with db.session() as s:
        make_transit(s, clock.now())
        receive(s, clock, "大米", 20, "袋")
        receive(s, clock, "食用油", 10, "桶")
    return db


def test_stock_is_released_goods_minus_dispatched(station, clock):
    with station.session() as s:
        assert on_hand(s) == {("grain", "袋"): 20, ("oil", "桶"): 10}
        sent = transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination=TO, plate="苏A12345",
                                lines=[("grain", 15, "袋"), ("oil", 10, "桶")])
        assert sent.plate == "苏A12345" and sent.destination == TO
        assert on_hand(s) == {("grain", "袋"): 5}
        lines = transit.stock(s)
        assert [x.necessity for x in lines][:1] == ["grain"] and {x.necessity for x in lines} == set(
            transit.necessities.KEYS)
        assert transit.destinations(s) == [TO]


def test_a_voided_dispatch_slip_puts_the_goods_back(station, clock):
    with station.session() as s:
        sent = transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination=TO, plate="苏A12345",
                                lines=[("grain", 20, "袋")])
        assert ("grain", "袋") not in on_hand(s)
        slips.void_slip(s, actor=Actor("duty", "handoff"), now=clock.now(), number=sent.number, reason="车辆未到")
        assert on_hand(s)[("grain", "袋")] == 20


def test_over_dispatch_is_refused(station, clock):
    with pytest.raises(ServiceError) as err, station.session() as s:
        transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination=TO, plate="苏A12345",
                         lines=[("grain", 21, "袋")])
    assert err.value.code == "over_stock"
    assert "库存只有 20袋" in err.value.message and "21袋" in err.value.message
    with station.session(write=False) as s:
        assert s.exec(select(Dispatch)).all() == []


def test_goods_still_standing_cannot_be_dispatched(station, clock):
    with station.session() as s:
        standing(s, clock, "大米", 30, "袋")
        assert [(x.on_hand, x.waiting) for x in transit.stock(s) if x.necessity == "grain"] == [(20, 30)]
    with pytest.raises(ServiceError) as err, station.session() as s:
        transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination=TO, plate="苏A12345",
                         lines=[("grain", 40, "袋")])
    assert err.value.code == "still_dwelling"
    assert "静置" in err.value.message


def test_units_are_not_mixed(station, clock):
    with pytest.raises(ServiceError) as err, station.session() as s:
        transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination=TO, plate="苏A12345",
                         lines=[("grain", 1, "公斤")])
    assert err.value.code == "over_stock"


@pytest.mark.parametrize(("kw", "code"), [
    ({"destination": ""}, "missing_destination"),
    ({"plate": "12345"}, "bad_plate"),
    ({"lines": []}, "no_lines"),
    ({"lines": [("grain", 0, "袋")]}, "bad_quantity"),
    ({"lines": [("gold", 1, "袋")]}, "bad_necessity"),
])
def test_a_dispatch_needs_its_fields(station, clock, kw, code):
    args = {"destination": TO, "plate": "苏A12345", "lines": [("grain", 1, "袋")], **kw}
    with pytest.raises(ServiceError) as err, station.session() as s:
        transit.dispatch(s, actor=HANDOFF, now=clock.now(), **args)
    assert err.value.code == code


def test_only_a_transit_site_dispatches(db, clock):
    with pytest.raises(ServiceError) as err, db.session() as s:
        transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination=TO, plate="苏A12345",
                         lines=[("grain", 1, "袋")])
    assert err.value.code == "not_transit"


def test_only_handoff_staff_and_supervisors_dispatch(station, clock):
    with pytest.raises(ServiceError) as err, station.session() as s:
        transit.dispatch(s, actor=Actor("li.qiang", "gate"), now=clock.now(), destination=TO, plate="苏A12345",
                         lines=[("grain", 1, "袋")])
    assert err.value.code == "forbidden"


def test_the_dispatch_is_audited_and_verifies(station, clock):
    with station.session() as s:
        sent = transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination=TO, plate="苏A12345",
                                lines=[("grain", 5, "袋")])
    with station.session(write=False) as s:
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "transit.dispatch")).one()
        data = json.loads(ev.data)
        assert data["number"] == sent.number and data["destination"] == TO and data["lines"] == [["grain", 5.0, "袋"]]
        assert {"dispatch", "dispatch_line", "slip", "destination"} <= set(data["row_digests"])
        assert audit.recent(s, limit=1)[0]["action"] == "transit.dispatch"
        report = verify.verify(s, dialect="sqlite")
    assert report.ok, report.lines()


def test_stock_at_a_moment_counts_what_had_happened_by_then(station, clock):
    before = clock.now()
    clock.advance(timedelta(hours=1))
    with station.session() as s:
        transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination=TO, plate="苏A12345",
                         lines=[("grain", 5, "袋")])
        assert transit.stock_at(s, before + timedelta(seconds=1))[("grain", "袋")] == 20
        assert transit.stock_at(s, clock.now() + timedelta(seconds=1))[("grain", "袋")] == 15
        assert transit.dispatched_between(s, before, clock.now() + timedelta(seconds=1)) == {("grain", "袋"): 5}


def test_a_shell_edit_of_a_dispatch_line_is_named_by_verify(station, clock, db_path):
    import sqlite3

    with station.session() as s:
        transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination=TO, plate="苏A12345",
                         lines=[("grain", 5, "袋")])
    con = sqlite3.connect(db_path)
    con.execute("UPDATE dispatch_line SET quantity = 1")  # 5 bags left, 1 written down: 4 "still in stock"
    con.commit()
    con.close()
    with station.session(write=False) as s:
        report = verify.verify(s, dialect="sqlite")
    assert not report.ok
    assert ("dispatch_line", "1") in {(f.table, f.row) for f in report.findings}


def test_a_dispatch_slip_scanned_at_the_handoff_says_it_already_left(station, clock):
    from desktop.services import handoff

    with station.session() as s:
        sent = transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination=TO, plate="苏A12345",
                                lines=[("grain", 5, "袋")])
    with station.session() as s:
        verdict = handoff.scan(s, code=sent.number, actor=HANDOFF, clock=clock, receiver="王", destination="库")
    assert verdict.kind == handoff.VerdictKind.ALREADY
    assert "外发单" in verdict.message and TO in verdict.message and "苏A·12345" in verdict.message
    with station.session(write=False) as s:
        assert on_hand(s)[("grain", "袋")] == 15  # the scan released nothing
