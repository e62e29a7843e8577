from datetime import date

from desktop.services import consignments, setup
from desktop.services.context import Actor
from desktop.store.models import Approval, ApprovalCargo, Arrival

GATE = Actor("li.qiang", "gate")


def admitted_vehicle(s, now, *, point_id=None):
    site = setup.require_site(s)
    approval = Approval(site_id=site.id, arrival_date=date(2026, 11, 29), plate="苏N12345", status="approved",
                        mode="enter" if point_id else "handoff", unloading_point_id=point_id, created_at=now)
    s.add(approval)
    s.flush()
    s.add_all([ApprovalCargo(approval_id=approval.id, category="大米", description="东北大米25kg", quantity=60, unit="袋"),
               ApprovalCargo(approval_id=approval.id, category="食用油", quantity=24, unit="桶"),
               ApprovalCargo(approval_id=approval.id, category="  ")])
    arrival = Arrival(site_id=site.id, approval_id=approval.id, plate="苏N12345", arrived_at=now,
                      status="admitted" if point_id else "handoff", unloading_point_id=point_id)
    s.add(arrival)
    s.flush()
    return arrival.id


def test_an_admitted_vehicle_brings_one_consignment_per_cargo_line_to_its_unloading_point(db, clock):
    with db.session() as s:
        point = setup.add_unloading_point(s, actor=Actor("admin", "admin"), now=clock.now(), code="②", name="7食堂北门")
        arrival_id = admitted_vehicle(s, clock.now(), point_id=point.id)
        made = consignments.from_arrival(s, actor=GATE, now=clock.now(), arrival_id=arrival_id)
    assert [(c.category, c.quantity, c.unit) for c in made] == [("大米", 60, "袋"), ("食用油", 24, "桶")]
    assert {c.destination for c in made} == {"② 7食堂北门"}
    assert {c.state for c in made} == {"needs_disinfection"}


def test_goods_of_a_handed_off_vehicle_go_to_the_handoff_zone_and_are_made_once(db, clock):
    with db.session() as s:
        arrival_id = admitted_vehicle(s, clock.now())
        first = consignments.from_arrival(s, actor=GATE, now=clock.now(), arrival_id=arrival_id)
        again = consignments.from_arrival(s, actor=GATE, now=clock.now(), arrival_id=arrival_id)
    assert {c.destination for c in first} == {"接驳区"}
    assert [c.id for c in again] == [c.id for c in first]
