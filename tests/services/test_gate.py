from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from desktop.services import approvals, audit, gate, passes, policy
from desktop.services.approvals import ApprovalDraft, OccupantDraft
from desktop.services.context import ServiceError
from desktop.store.models import Override
from tests.services.disinfection_helpers import disinfect_at_gate
from tests.services.sheets import DRIVER_IDS

pytestmark = pytest.mark.usefixtures("site_points")

NOW = datetime(2026, 11, 30, 0, 30, tzinfo=UTC)  # 08:30 in Suqian on the arrival day
DAY = date(2026, 11, 30)


def approve(db, actor, plate="苏N12345", sampled_hours_ago=20, mode="enter", pass_number=None, passengers=0):
    people = [OccupantDraft("张建国", DRIVER_IDS[0], "13812345678", test_sampled_at=NOW - timedelta(hours=sampled_hours_ago))]
    people += [OccupantDraft(f"随车{i}", DRIVER_IDS[1 + i], "", "passenger", NOW - timedelta(hours=10))
               for i in range(passengers)]
    with db.session() as s:
        point = next(p for p in approvals._point_names(s))
        made = approvals.add(s, actor=actor, now=NOW - timedelta(days=1), draft=ApprovalDraft(
            plate=plate, arrival_date=DAY, supplier_name="宿迁市苏果超市配送中心", occupants=tuple(people), mode=mode,
            unloading_point_id=point, pass_number=pass_number), approve=True)
    return made


def check_in(db, actor, query="苏N·12345", confirm=True, disinfect=True, **kw):
    """Looked up, checked in, and (unless told not to) disinfected at the gate: ready for F5 / F6."""
    with db.session() as s:
        found = gate.lookup(s, query=query, now=NOW)
        people = [p.confirmed() if confirm else p for p in found.prefill]
        arrival = gate.check_in(s, actor=actor, now=NOW, plate=found.plate, occupants=people,
                                approval_id=found.approval.id if found.approval else None, **kw)
    if disinfect:
        disinfect_at_gate(db, arrival_id=arrival.id, at=NOW)
    return found, arrival


def test_a_compliant_approved_vehicle_goes_from_plate_to_entry(db, actor):
    approve(db, actor, passengers=1)
    found, arrival = check_in(db, actor, query="苏n 12345")
    assert found.approval_problem is None and len(found.prefill) == 2
    assert arrival.cleared and arrival.status == "checking"
    with db.session() as s:
        done = gate.decide(s, actor=actor, now=NOW, arrival_id=arrival.id, decision="enter")
    assert done.status == "admitted" and done.unloading_point.startswith("①") and "东门" in done.route
    with db.session(write=False) as s:
        actions = [e["action"] for e in audit.recent(s, limit=20) if e["action"].startswith("gate.")]
    assert actions[:2] == ["gate.decide", "gate.check_in"]


def test_an_old_sample_is_explained_and_blocks_entry(db, actor):
    approve(db, actor, sampled_hours_ago=52)
    _, arrival = check_in(db, actor)
    assert [f.message for _, f in arrival.open_failures] == ["采样时间52小时前，超过48小时"]
    with db.session() as s, pytest.raises(ServiceError) as err:
        gate.decide(s, actor=actor, now=NOW, arrival_id=arrival.id, decision="enter")
    assert err.value.code == "checks_failed" and "52小时" in err.value.message


def test_supervisor_override_needs_pin_and_reason_then_lets_it_in(db, actor):
    approve(db, actor, sampled_hours_ago=50)
    _, arrival = check_in(db, actor)
    check = arrival.checks[0]
    with db.session() as s, pytest.raises(ServiceError, match="密码"):
        gate.override(s, actor=actor, now=NOW, arrival_id=arrival.id, check_id=check.id, check="test",
                      supervisor="zhou.min", pin="0000", reason="复检报告已出")
    with db.session() as s, pytest.raises(ServiceError, match="不是督查员"):
        gate.override(s, actor=actor, now=NOW, arrival_id=arrival.id, check_id=check.id, check="test",
                      supervisor="li.qiang", pin="1111", reason="x")
    with db.session() as s:
        after = gate.override(s, actor=actor, now=NOW, arrival_id=arrival.id, check_id=check.id, check="test",
                              supervisor="zhou.min", pin="2468", reason="复检报告已出，电话核实")
        assert after.cleared
        gate.decide(s, actor=actor, now=NOW, arrival_id=arrival.id, decision="enter")
    with db.session(write=False) as s:
        assert [o.reason for o in s.exec(select(Override)).all()] == ["复检报告已出，电话核实"]
        assert "gate.override" in [e["action"] for e in audit.recent(s)]


def test_positive_test_cannot_be_overridden(db, actor):
    approve(db, actor)
    with db.session() as s:
        found = gate.lookup(s, query="苏N12345", now=NOW)
        bad = [gate.CheckInput(**{**found.prefill[0].confirmed().__dict__, "test_result": "positive"})]
        arrival = gate.check_in(s, actor=actor, now=NOW, plate=found.plate, occupants=bad,
                                approval_id=found.approval.id)
    with db.session() as s, pytest.raises(ServiceError) as err:
        gate.override(s, actor=actor, now=NOW, arrival_id=arrival.id, check_id=arrival.checks[0].id, check="test",
                      supervisor="zhou.min", pin="2468", reason="x")
    assert err.value.code == "not_overridable"


def test_checked_in_twice_is_refused_until_exit(db, actor):
    approve(db, actor)
    _, arrival = check_in(db, actor)
    with pytest.raises(ServiceError) as err:
        check_in(db, actor)
    assert err.value.code == "already_checked_in" and "08:30" in err.value.message
    with db.session() as s:
        gate.decide(s, actor=actor, now=NOW, arrival_id=arrival.id, decision="enter")
        gate.log_exit(s, actor=actor, now=NOW + timedelta(minutes=50), plate="苏N12345")
        assert gate.get(s, arrival.id).status == "exited"


def test_no_approval_needs_a_supervisor(db, actor):
    with db.session() as s:
        found = gate.lookup(s, query="皖A12345", now=NOW)
    assert found.approval is None and "督查员" in (found.approval_problem or "")
    person = [gate.CheckInput(name="刘某", id_number=DRIVER_IDS[5]).confirmed()]
    with db.session() as s, pytest.raises(ServiceError) as err:
        gate.check_in(s, actor=actor, now=NOW, plate="皖A12345", occupants=person)
    assert err.value.code == "needs_supervisor"
    with db.session() as s:
        arrival = gate.check_in(s, actor=actor, now=NOW, plate="皖A12345", occupants=person, supervisor="zhou.min",
                                supervisor_pin="2468", reason="临时调运防疫物资")
    assert arrival.needs_supervisor and arrival.checks[0].failures[0].check == "test"


def test_lockdown_sends_everything_to_handoff(db, actor):
    approve(db, actor)
    with db.session() as s:
        policy.set_active_level(s, actor=actor, now=NOW, management_level="lockdown", risk_level="high", reason="通知")
    with db.session() as s:
        found = gate.lookup(s, query="苏N12345", now=NOW)
        assert found.level.management_level == "lockdown" and not found.level.rule.vehicles_may_enter
    _, arrival = check_in(db, actor)
    with db.session() as s, pytest.raises(ServiceError) as err:
        gate.decide(s, actor=actor, now=NOW, arrival_id=arrival.id, decision="enter")
    assert err.value.code == "no_entry"
    with db.session() as s:
        assert gate.decide(s, actor=actor, now=NOW, arrival_id=arrival.id, decision="handoff").status == "handoff"
        assert "policy.level" in [e["action"] for e in audit.recent(s)]


def test_refuse_and_cancel_need_reasons(db, actor):
    approve(db, actor)
    _, arrival = check_in(db, actor)
    with db.session() as s, pytest.raises(ServiceError, match="原因"):
        gate.decide(s, actor=actor, now=NOW, arrival_id=arrival.id, decision="refuse")
    with db.session() as s, pytest.raises(ServiceError, match="原因"):
        gate.cancel(s, actor=actor, now=NOW, arrival_id=arrival.id, reason=" ")
    with db.session() as s:
        assert gate.cancel(s, actor=actor, now=NOW, arrival_id=arrival.id, reason="车牌录错").status == "cancelled"
    _, again = check_in(db, actor)  # a cancelled check-in does not block the real one
    with db.session() as s:
        assert gate.decide(s, actor=actor, now=NOW, arrival_id=again.id, decision="refuse",
                           reason="司机拒绝关窗").status == "refused"


def test_pass_number_lookup_and_its_problems(db, actor):
    with db.session() as s:
        passes.add(s, actor=actor, now=NOW, number="bg-0001", plate="苏N12345", valid_from=date(2026, 11, 1),
                   valid_to=date(2026, 12, 31))
    approve(db, actor, pass_number="BG-0001")
    with db.session() as s:
        found = gate.lookup(s, query="bg-0001", now=NOW)
        assert found.plate == "苏N12345" and found.pass_problem is None and found.approval is not None
        passes.revoke(s, actor=actor, now=NOW, number="BG-0001", reason="车辆更换")
        found = gate.lookup(s, query="BG-0001", now=NOW)
    assert "已注销：车辆更换" in (found.pass_problem or "")
    assert "督查员" in (found.approval_problem or "")
    with pytest.raises(ServiceError) as err:  # the approval alone no longer lets it through
        check_in(db, actor, query="苏N12345")
    assert err.value.code == "needs_supervisor"


def test_typed_wrong_plates_and_ids_get_clear_messages(db, actor):
    with db.session() as s:
        with pytest.raises(ServiceError, match="位数不对"):
            gate.lookup(s, query="苏N1234", now=NOW)
        with pytest.raises(ServiceError, match="找不到通行证号"):
            gate.lookup(s, query="XYZ", now=NOW)
        with pytest.raises(ServiceError, match="校验位"):
            gate.check_in(s, actor=actor, now=NOW, plate="苏N12345", supervisor="zhou.min", supervisor_pin="2468",
                          reason="r", occupants=[gate.CheckInput(name="甲", id_number=DRIVER_IDS[0][:-1] + "0")])


def test_vehicles_inside_too_long_are_flagged(db, actor):
    approve(db, actor)
    _, arrival = check_in(db, actor)
    with db.session() as s:
        gate.decide(s, actor=actor, now=NOW, arrival_id=arrival.id, decision="enter")
        assert [i.overdue for i in gate.inside(s, now=NOW + timedelta(minutes=30))] == [False]
        late = gate.inside(s, now=NOW + timedelta(minutes=gate.DEFAULT_INSIDE_LIMIT + 1))
    assert late[0].overdue and late[0].minutes == gate.DEFAULT_INSIDE_LIMIT + 1


def test_recheck_after_correcting_the_sampling_time(db, actor):
    approve(db, actor, sampled_hours_ago=60)
    _, arrival = check_in(db, actor)
    fixed = [gate.CheckInput(**{**c.input.__dict__, "test_sampled_at": NOW - timedelta(hours=5)}) for c in arrival.checks]
    with db.session() as s:
        assert gate.recheck(s, actor=actor, now=NOW, arrival_id=arrival.id, occupants=fixed).cleared


def test_review_reject_needs_reason_and_blocks_gate(db, actor):
    made = approve(db, actor)
    with db.session() as s:
        with pytest.raises(ServiceError):
            approvals.decide(s, actor=actor, now=NOW, approval_id=made.id, approve=False)
        approvals.decide(s, actor=actor, now=NOW, approval_id=made.id, approve=False, reason="材料不全")
        found = gate.lookup(s, query="苏N12345", now=NOW)
    assert "驳回" in (found.approval_problem or "") and "材料不全" in found.approval_problem


def test_lookup_brings_the_reviewed_id_photo_for_comparison(db, actor):
    made = approve(db, actor)
    with db.session() as s:
        approvals.attach(s, actor=actor, now=NOW, occupant_id=made.occupants[0].id, kind="photo", data=b"\x89PNG-face",
                         mime="image/png")
        found = gate.lookup(s, query="苏N12345", now=NOW)
        assert found.photos == {made.occupants[0].id: b"\x89PNG-face"}
        assert approvals.get(s, made.id).occupants[0].photo_id is not None
        assert "approval.material" in [e["action"] for e in audit.recent(s, limit=3)]
