import itertools

import pytest

from desktop.domain import codes
from desktop.services import audit, consignments, slips
from desktop.services.context import ServiceError


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
