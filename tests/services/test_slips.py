import itertools

import pytest

from desktop.domain import codes
from desktop.domain.clock import ManualClock
from desktop.services import audit, consignments, slips
from desktop.services.context import Actor, ServiceError
from tests.conftest import DEFAULT_NOW


@pytest.fixture
def clock() -> ManualClock:
    """This scenario writes its times out (samples at 08:00, lists by day): it runs at the default
    time, 09:00 on 2026-11-29 at the site, whatever GATEHOUSE_TEST_NOW says."""
    return ManualClock(start=DEFAULT_NOW)


def _consignment(s, actor, now, **kw):
    return consignments.create(s, actor=actor, now=now, category=kw.pop("category", "大米"), **kw)


def test_issue_gives_a_parseable_number_and_audits(db, clock, actor):
    with db.session() as s:
        c = _consignment(s, actor, clock.now(), quantity=20, unit="袋")
        slip = slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=c.id)
    assert codes.parse(slip.number).site == "GH"
    assert slip.consignment_id == c.id and slip.print_count == 0 and not slip.voided
    with db.session(write=False) as s:
        assert slips.get_slip(s, slip.number) == slip
        assert slips.get_slip(s, slip.number.replace("-", "").lower()) == slip
        assert slips.get_slip(s, "GH-22222222X") is None
        events = audit.recent(s, action_prefix="slip.")
    assert events[0]["action"] == "slip.issue" and events[0]["data"]["number"] == slip.number


def test_second_live_slip_for_a_consignment_is_refused_until_voided(db, clock, actor):
    with db.session() as s:
        c = _consignment(s, actor, clock.now())
        first = slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=c.id)
        with pytest.raises(ServiceError) as err:
            slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=c.id)
        assert err.value.code == "slip_exists" and first.number in err.value.message
        slips.void_slip(s, actor=actor, now=clock.now(), number=first.number, reason="打印错误")
        second = slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=c.id)
    assert second.number != first.number


def test_collision_draws_again(db, clock, actor):
    # the same random stream twice: the second slip's first draw collides with the first slip
    stream = itertools.chain([0] * 8, [0] * 8, itertools.cycle([5, 7, 3]))
    with db.session() as s:
        a = _consignment(s, actor, clock.now())
        b = _consignment(s, actor, clock.now())
        one = slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=a.id, randbelow=lambda n: next(stream))
        two = slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=b.id, randbelow=lambda n: next(stream))
    assert one.number == "GH-22222222" + codes.check_symbol("GH", "22222222")
    assert two.number != one.number


def test_void_needs_a_reason_and_happens_once(db, clock, actor):
    with db.session() as s:
        c = _consignment(s, actor, clock.now())
        slip = slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=c.id)
        with pytest.raises(ServiceError) as err:
            slips.void_slip(s, actor=actor, now=clock.now(), number=slip.number, reason="  ")
        assert err.value.code == "missing_reason"
        voided = slips.void_slip(s, actor=actor, now=clock.now(), number=slip.number, reason="货物退回")
        assert voided.voided and voided.void_reason == "货物退回" and voided.voided_by == actor.operator
        with pytest.raises(ServiceError) as err:
            slips.void_slip(s, actor=actor, now=clock.now(), number=slip.number, reason="again")
        assert err.value.code == "already_voided"
        assert slips.slip_for_consignment(s, c.id) is None


def test_prints_count_only_when_ok(db, clock, actor):
    with db.session() as s:
        c = _consignment(s, actor, clock.now())
        slip = slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=c.id)
        slips.record_print(s, actor=actor, now=clock.now(), number=slip.number, printer="P1", paper="80mm")
        failed = slips.record_print(s, actor=actor, now=clock.now(), number=slip.number, printer="P1",
                                    ok=False, error="paper out")
        assert failed.print_count == 1 and failed.next_reprint_no == 1
        again = slips.record_print(s, actor=actor, now=clock.now(), number=slip.number, printer="P1")
        history = slips.prints(s, slip.number)
    assert again.print_count == 2
    assert [(p.reprint_no, p.ok) for p in history] == [(0, True), (1, False), (1, True)]


def test_unknown_consignment_and_empty_request_are_refused(db, clock, actor):
    with db.session() as s:
        for kw, code in (({"consignment_id": 999}, "unknown_consignment"), ({}, "nothing_to_slip")):
            with pytest.raises(ServiceError) as err:
                slips.issue_slip(s, actor=actor, now=clock.now(), **kw)
            assert err.value.code == code


def test_list_by_local_day(db, clock, actor):
    from datetime import date, timedelta
    with db.session() as s:
        c1 = _consignment(s, actor, clock.now())
        slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=c1.id)  # 09:00 Shanghai, 29 Nov
        clock.advance(timedelta(hours=16))  # 01:00 Shanghai, 30 Nov
        c2 = _consignment(s, actor, clock.now())
        late = slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=c2.id)
        assert len(slips.list_slips(s)) == 2
        assert [x.number for x in slips.list_slips(s, day=date(2026, 11, 30))] == [late.number]


def _arrival_with_history(s, clock):
    """Rows other stations' services write (gate, disinfection); inserted directly here."""
    from datetime import date, timedelta

    from sqlmodel import select

    from desktop.store.models import Approval, Arrival, Disinfection, DwellTimer, Site
    site = s.exec(select(Site)).first()
    approval = Approval(site_id=site.id, arrival_date=date(2026, 11, 29), plate="苏N·A1234", supplier_name="苏果配送",
                        created_at=clock.now())
    s.add(approval)
    s.flush()
    arrival = Arrival(site_id=site.id, approval_id=approval.id, plate="苏N·A1234", arrived_at=clock.now())
    s.add(arrival)
    s.flush()
    t0 = clock.now()
    vehicle = Disinfection(site_id=site.id, target="vehicle", arrival_id=arrival.id, agent="84消毒液", dilution="1:100",
                           started_at=t0, ended_at=t0 + timedelta(minutes=5))
    recalled = Disinfection(site_id=site.id, target="vehicle", arrival_id=arrival.id, agent="错误记录",
                            started_at=t0, ended_at=t0, recalled_at=t0)
    s.add_all([vehicle, recalled])
    s.flush()
    s.add(DwellTimer(disinfection_id=vehicle.id, minutes=30, started_wall=t0 + timedelta(minutes=5),
                     started_mono=0.0, boot_id="b"))
    return arrival


def test_slip_view_reads_plate_supplier_disinfection_and_dwell_end(db, clock, actor):
    from datetime import timedelta
    with db.session() as s:
        arrival = _arrival_with_history(s, clock)
        c = _consignment(s, actor, clock.now(), description="东北大米", quantity=20, unit="袋", arrival_id=arrival.id,
                         recipient="一食堂")
        slip = slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=c.id)
        view = slips.slip_view(s, slip.number)
    assert (view.plate, view.supplier, view.category, view.quantity, view.unit) == ("苏N·A1234", "苏果配送", "大米", 20, "袋")
    assert [d.agent for d in view.disinfections] == ["84消毒液"]
    assert view.dwell_end == clock.now() + timedelta(minutes=35)
    assert view.issued_by == "值班督查" and view.reprint_no == 0 and not view.voided


def test_slip_view_without_arrival_leaves_fields_blank_and_pdf_renders(db, clock, actor):
    with db.session() as s:
        c = _consignment(s, actor, clock.now())
        slip = slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=c.id)
        slips.record_print(s, actor=actor, now=clock.now(), number=slip.number)
        view = slips.slip_view(s, slip.number)
        pdf = slips.render_pdf(s, [slip.number], size="58mm")
    assert view.plate == "" and view.disinfections == () and view.dwell_end is None
    assert view.reprint_no == 1
    assert pdf.startswith(b"%PDF")


def test_goods_with_slips_and_print_settings_per_station(db, clock, actor):
    with db.session() as s:
        arrival = _arrival_with_history(s, clock)
        a = _consignment(s, actor, clock.now(), arrival_id=arrival.id)
        b = _consignment(s, actor, clock.now(), arrival_id=arrival.id, category="面粉")
        slip = slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=a.id)
        rows = slips.goods_with_slips(s, arrival_id=arrival.id)
        assert [(r.consignment.id, r.slip.number if r.slip else None) for r in rows] == [(a.id, slip.number), (b.id, None)]
        assert slips.print_settings(s, "gate") == slips.PrintSettings()
        saved = slips.save_print_settings(s, actor=actor, now=clock.now(), printer="XP-58", paper="58mm", auto_print=True)
        assert saved == slips.PrintSettings("XP-58", "58mm", True)
        assert slips.print_settings(s, "handoff") == slips.PrintSettings()  # per station
        with pytest.raises(ServiceError):
            slips.save_print_settings(s, actor=actor, now=clock.now(), paper="b5")


def test_rows_for_day_and_unslipped(db, clock, actor):
    from datetime import date
    with db.session() as s:
        a = _consignment(s, actor, clock.now(), description="东北大米", quantity=20, unit="袋", destination="一食堂")
        b = _consignment(s, actor, clock.now())
        slip = slips.issue_slip(s, actor=actor, now=clock.now(), consignment_id=a.id)
        rows = slips.rows_for_day(s, date(2026, 11, 29))
        assert [(r.slip.number, r.goods, r.quantity, r.destination) for r in rows] == [
            (slip.number, "大米 · 东北大米", "20袋", "一食堂")]
        assert slips.unslipped_on(s, date(2026, 11, 29)) == [b.id]
        assert slips.unslipped_on(s, date(2026, 11, 28)) == []


def test_the_slips_list_leaves_bag_labels_and_bagged_goods_to_the_group_buying_page(db, clock):
    from datetime import timedelta

    from handoff_world import bag_labels, slip_for

    from desktop.domain.localtime import local

    with db.session() as s:
        handoff_slip = slip_for(s, clock.now())
        bagged, labels = bag_labels(s, clock.read(), n=2)
        loose = consignments.create(s, actor=Actor("li.qiang", "gate"), now=clock.now(), category="蔬菜")
    day = local(clock.now()).date()
    lo, hi = slips.day_bounds(day)
    with db.session(write=False) as s:
        listed = [r.slip.number for r in slips.rows_for_day(s, day)]
        everything = [r.slip.number for r in slips.rows_for_day(s, day, kind=None)]
        unslipped = [cid for cid, _ in slips.unslipped_consignments(s, since=lo - timedelta(hours=1), until=hi)]
    assert listed == [handoff_slip]
    assert set(everything) == {handoff_slip, *labels}
    assert unslipped == [loose.id] and bagged not in unslipped
