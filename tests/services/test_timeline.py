from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.services import audit, timeline
from desktop.services.context import Actor, ServiceError
from tests.supervision_world import SUPERVISOR, journey

LOCAL = ZoneInfo("Asia/Shanghai")


def test_a_vehicle_timeline_runs_from_approval_through_gate_disinfection_slip_and_release(db, clock):
    j = journey(db, clock)
    with db.session(write=False) as s:
        entries = timeline.vehicle_timeline(s, arrival_id=j.arrival_id)
    kinds = [e.kind for e in entries]
    # the vehicle is disinfected at the gate before it enters, its goods again where they are unloaded
    story = ["approval.submitted", "approval.approved", "arrival", "check.pass", "disinfection", "dwell.start",
             "decision.enter", "consignment", "disinfection", "dwell.start", "slip.issue", "slip.print", "scan.not_yet", "dwell.complete", "release",
             "custody.receive", "exit"]
    told = [k for k in kinds if k in story]
    assert [k for i, k in enumerate(told) if i == 0 or k != told[i - 1]] == story  # two cargo lines: two goods
    assert kinds.count("consignment") == 2
    assert [e.at for e in entries] == sorted(e.at for e in entries)
    assert all(e.at.utcoffset() == timedelta(0) for e in entries)
    by_kind = {e.kind: e for e in entries}
    assert by_kind["decision.enter"].operator == "李强" and "①" in by_kind["decision.enter"].detail
    assert by_kind["scan.not_yet"].severity == "warn"
    assert j.slip in by_kind["release"].title and "一食堂" in by_kind["release"].detail
    assert "84消毒液" in by_kind["disinfection"].detail
    assert by_kind["exit"].detail.startswith("在场")


def test_a_refused_vehicle_shows_the_failed_check_and_the_refusal_in_red(db, clock):
    j = journey(db, clock)
    with db.session(write=False) as s:
        entries = timeline.vehicle_timeline(s, arrival_id=j.refused_id)
    bad = [e for e in entries if e.severity == "bad"]
    assert [e.kind for e in bad] == ["check.fail", "decision.refuse"]
    assert "48" in bad[0].detail and bad[1].detail == "核酸采样超过48小时"


def test_the_days_vehicles_in_arrival_order_with_status(db, clock):
    j = journey(db, clock)
    with db.session(write=False) as s:
        rows = timeline.day_arrivals(s, day=date(2026, 11, 30), tz=LOCAL)
        other_day = timeline.day_arrivals(s, day=date(2026, 11, 29), tz=LOCAL)
    assert [(r.arrival_id, r.status, r.severity) for r in rows] == [(j.arrival_id, "exited", "ok"),
                                                                     (j.refused_id, "refused", "bad")]
    assert rows[0].plate == "苏N·12345" and rows[0].supplier == "宿迁市苏果超市配送中心"
    assert other_day == []


def test_recording_a_violation_is_audited_and_shows_on_the_timeline(db, clock):
    j = journey(db, clock)
    with db.session() as s:
        v = timeline.record_violation(s, actor=SUPERVISOR, now=clock.now(), arrival_id=j.arrival_id,
                                      kind="window_open", description="卸货时司机开窗与食堂人员交谈")
    assert v.kind_text == "未关车窗" and v.plate == "苏N·12345"
    with db.session(write=False) as s:
        last = audit.recent(s, limit=1)[0]
        entries = timeline.vehicle_timeline(s, arrival_id=j.arrival_id)
        row = timeline.day_arrivals(s, day=date(2026, 11, 30), tz=LOCAL)[0]
    assert last["action"] == "supervision.violation" and last["data"]["kind"] == "window_open"
    assert entries[-1].kind == "violation" and entries[-1].severity == "bad" and entries[-1].operator == "周敏"
    assert row.violations == 1 and row.severity == "bad"


@pytest.mark.parametrize(("kind", "description", "code"), [("window_open", "  ", "missing_description"),
                                                            ("dancing", "x", "bad_kind")])
def test_a_violation_needs_a_known_kind_and_a_description(db, clock, kind, description, code):
    j = journey(db, clock)
    with db.session() as s, pytest.raises(ServiceError) as err:
        timeline.record_violation(s, actor=Actor("zhou.min", "supervision"), now=clock.now(),
                                  arrival_id=j.arrival_id, kind=kind, description=description)
    assert err.value.code == code


def test_an_unknown_vehicle_is_refused(db):
    with db.session(write=False) as s, pytest.raises(ServiceError) as err:
        timeline.vehicle_timeline(s, arrival_id=999)
    assert err.value.code == "unknown_arrival"


def test_in_english_stations_and_modes_read_as_the_window_names_them(db, clock):
    from desktop.domain.enums import NAMES_EN, StationKind
    from desktop.i18n import set_language

    j = journey(db, clock)
    set_language("en")
    with db.session(write=False) as s:
        entries = timeline.vehicle_timeline(s, arrival_id=j.arrival_id)
    stations = {e.station for e in entries if e.station}
    assert {"Review", "Gate"} <= stations, stations
    assert not stations & ({k.value for k in StationKind} | {"review"}), stations  # no stored keys
    assert timeline.station_name("households") == NAMES_EN["households"]  # every kind, by the window's names
    approval = next(e for e in entries if e.kind == "approval.submitted")
    assert " · Enter · " in approval.detail, approval.detail
