import json
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.domain.localtime import site_tz
from desktop.services import demo, dwell, reports, timeline
from desktop.services.context import Actor
from desktop.store.migrate import open_database
from tests.supervision_world import SUPERVISOR, journey

DAY = date(2026, 11, 30)
EVENING = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # 20:00 in Suqian


def _necessity(view, key):
    row = next(n for n in view.necessities if n.key == key)
    return {q.unit: q.quantity for q in row.quantities}


def test_one_vehicles_journey_in_the_report(db, clock):
    journey(db, clock)
    with db.session() as s:
        timeline.record_violation(s, actor=SUPERVISOR, now=clock.now(), arrival_id=1, kind="no_mask",
                                  description="司机下车未戴口罩")
    with db.session(write=False) as s:
        view = reports.daily(s, day=DAY, tz=site_tz(), now=clock.now())
    data = reports.as_dict(view)
    assert data["outcomes"] == {"total": 2, "admitted": 1, "handoff": 0, "refused": 1, "cancelled": 0,
                                "checking": 0, "inside": 0}
    # the gate registered the goods: those count, not the approval's cargo; a refused vehicle brings nothing
    assert _necessity(view, "grain") == {"袋": 60}
    # both approved cargo lines became goods at the gate; the refused vehicle's noodles did not arrive
    assert _necessity(view, "oil") == {"桶": 24} and _necessity(view, "instant_noodles") == {}
    counts = data["counts"]
    assert (counts["disinfections"], counts["dwell_started"], counts["slips_issued"], counts["slips_released"],
            counts["scans_refused"], counts["violations"]) == (2, 2, 1, 1, 1, 1)  # at the gate, at the unloading point
    assert [a["kind"] for a in data["anomalies"]] == ["refused", "violation"]
    json.dumps(data, ensure_ascii=False)  # plain data all the way down


def test_a_clock_jump_is_an_anomaly(db, clock):
    journey(db, clock)
    team = Actor("chen.jing", "disinfection")
    with db.session() as s:
        dwell.board(s, actor=team, clock=clock)
    clock.set_wall(clock.now() + timedelta(hours=2))  # someone set the laptop's clock forward
    with db.session() as s:
        dwell.board(s, actor=team, clock=clock)
    with db.session(write=False) as s:
        view = reports.daily(s, day=DAY, tz=site_tz(), now=clock.now())
    jumps = [a for a in view.anomalies if a.kind == "clock_jump"]
    assert len(jumps) == 1 and "7200" in jumps[0].detail
    assert reports.as_dict(view)["counts"]["clock_jumps"] == 1


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    database = open_database(str(tmp_path_factory.mktemp("demo") / "demo.sqlite3"))
    demo.build(database, day=DAY, now=EVENING)
    yield database
    database.dispose()


def test_the_demo_day_in_numbers(demo_db):
    with demo_db.session(write=False) as s:
        view = reports.daily(s, day=DAY, tz=site_tz(), now=EVENING)
        empty = reports.daily(s, day=DAY - timedelta(days=1), tz=site_tz(), now=EVENING)
    data = reports.as_dict(view)
    assert data["outcomes"] == {"total": 8, "admitted": 4, "handoff": 2, "refused": 1, "cancelled": 1,
                                "checking": 0, "inside": 2}
    # 60 bags of rice + 40 of flour on the first vehicle, 60 bags of rice sprayed at the handoff zone
    assert _necessity(view, "grain") == {"袋": 160}
    assert _necessity(view, "oil") == {"桶": 48}
    assert _necessity(view, "pork") == {"公斤": 300, "箱": 12}
    assert _necessity(view, "ham_sausage") == {"箱": 20}
    assert _necessity(view, "instant_noodles") == {}  # refused
    assert _necessity(view, "bottled_water") == {"箱": 10}  # the walk-in's, counted at the gate
    assert "牛奶" in next(n for n in view.necessities if n.key == "other").items
    counts = data["counts"]
    assert counts["slips_voided"] == 1 and counts["dwell_early"] == 1 and counts["recalls"] == 1
    assert counts["violations"] == 2 and counts["overrides"] == 1 and counts["slips_released"] >= 3
    kinds = {a["kind"] for a in data["anomalies"]}
    assert {"refused", "override", "no_approval", "slip_void", "recall", "dwell_early", "violation"} <= kinds
    assert [a.at for a in view.anomalies] == sorted(a.at for a in view.anomalies)
    assert all(a.severity in ("warn", "bad") for a in view.anomalies)
    assert empty.vehicles == () and empty.anomalies == () and all(not n.quantities for n in empty.necessities)


def test_the_report_asks_a_fixed_number_of_questions_not_a_few_per_vehicle(demo_db):
    from sqlalchemy import event

    seen: list[str] = []

    def note(conn, cursor, statement, params, context, executemany):
        seen.append(statement)

    event.listen(demo_db.engine, "before_cursor_execute", note)
    try:
        with demo_db.session(write=False) as s:
            view = reports.daily(s, day=DAY, tz=site_tz(), now=EVENING)
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", note)
    # per-vehicle lookups made it 34 for these 8 vehicles; the day's counts and anomalies take ~20
    assert len(view.vehicles) >= 8
    assert len(seen) <= 24, f"{len(seen)} statements for {len(view.vehicles)} vehicles"
