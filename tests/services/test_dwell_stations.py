"""Never early on any machine: several stations (ManualClocks with their own machine ids, boots,
uptimes and wrong wall clocks) share one database — a real SQLite file, and a real PostgreSQL
server when GATEHOUSE_TEST_PG is set — or a database file is carried to another laptop."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from handoff_world import slip_for
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlmodel import select
from team import add_team

from desktop.domain.clock import ManualClock
from desktop.services import dwell, handoff, setup, slips
from desktop.services.context import Actor, ServiceError
from desktop.services.handoff import VerdictKind as V
from desktop.store.migrate import open_database
from desktop.store.models import ClockMark, DwellTimer

T0 = datetime(2026, 11, 29, 1, 0, tzinfo=UTC)
DAY = 24 * 3600.0
GATE = Actor("chen.jing", "disinfection")
HANDOFF = Actor("liu.yang", "handoff")
PG = os.environ.get("GATEHOUSE_TEST_PG")
needs_pg = pytest.mark.skipif(not PG, reason="no PostgreSQL server: export GATEHOUSE_TEST_PG=$(bash .ci/postgres.sh)")


class World:
    """Real time, and every station's clock moving with it."""

    def __init__(self, *clocks: ManualClock) -> None:
        self.clocks = list(clocks)
        self.minutes = 0.0

    def pass_(self, minutes: float) -> None:
        self.minutes += minutes
        for c in self.clocks:
            c.advance(timedelta(minutes=minutes))


def station(name: str, *, uptime: float, wall_off: timedelta, start: datetime = T0) -> ManualClock:
    return ManualClock(start=start + wall_off, machine_id=f"machine-{name}", mono=uptime)


def disinfected_slip(db, clock: ManualClock) -> str:
    with db.session() as s:
        return slip_for(s, clock.now(), disinfected_reading=clock.read())


def scan(db, clock, number):
    with db.session() as s:
        return handoff.scan(s, code=number, actor=HANDOFF, clock=clock, receiver="王师傅", destination="一食堂")


def look(db, clock):
    """A station notes its clock, as the status bar (and the board) do every refresh."""
    with db.session() as s:
        return dwell.clock_check(s, actor=HANDOFF, clock=clock)


def board(db, clock):
    with db.session() as s:
        return dwell.board(s, actor=GATE, clock=clock)


# --- one SQLite file, several stations ----------------------------------------------------------


def test_station_up_for_three_days_never_counts_its_uptime_as_dwell(db):
    """The fault of issue #17: B's first reading of its 3-day-old boot was taken for A's reboot."""
    a = station("A", uptime=1000.0, wall_off=timedelta(minutes=20))
    b = station("B", uptime=3 * DAY, wall_off=timedelta(minutes=-20))
    world = World(a, b)
    number = disinfected_slip(db, a)
    world.pass_(1)
    v = scan(db, b, number)
    assert v.kind is V.NOT_YET and v.remaining_s >= 29 * 60


def test_two_stations_refreshing_release_at_thirty_real_minutes_not_before(db):
    a = station("A", uptime=1000.0, wall_off=timedelta(minutes=20))  # fast by 20 min
    b = station("B", uptime=3 * DAY, wall_off=timedelta(minutes=-20))  # slow by 20 min, up 3 days
    world = World(a, b)
    number = disinfected_slip(db, a)
    while world.minutes < 29:
        world.pass_(1)
        board(db, a)
        look(db, b)
        assert scan(db, b, number).kind is V.NOT_YET, world.minutes
    world.pass_(0.5)
    board(db, a)
    v = scan(db, b, number)
    assert v.kind is V.NOT_YET and 0 < v.remaining_s <= 31
    world.pass_(0.5)
    board(db, a)
    assert scan(db, b, number).kind is V.OK


def test_when_the_origin_station_goes_quiet_only_what_the_other_saw_counts(db):
    """A records and is switched off; B starts watching 10 minutes later. The 10 minutes nobody
    watched cannot be proved, so B waits its own full 30 — late, never early."""
    a = station("A", uptime=500.0, wall_off=timedelta(0))
    b = station("B", uptime=3 * DAY, wall_off=timedelta(minutes=-20))
    world = World(a, b)
    number = disinfected_slip(db, a)
    world.pass_(10)
    look(db, b)
    world.pass_(29)
    assert scan(db, b, number).kind is V.NOT_YET
    world.pass_(1)
    assert scan(db, b, number).kind is V.OK


def test_the_origin_seeing_the_whole_dwell_lets_the_other_station_release(db):
    """A keeps its board open through the dwell and completes the timer; B, which never refreshed
    in between, may release at once: A's own monotonic clock saw the 30 minutes."""
    a = station("A", uptime=500.0, wall_off=timedelta(minutes=7))
    b = station("B", uptime=40 * DAY, wall_off=timedelta(minutes=20))
    world = World(a, b)
    number = disinfected_slip(db, a)
    world.pass_(29)
    board(db, a)
    assert scan(db, b, number).kind is V.NOT_YET
    world.pass_(1)
    board(db, a)
    assert scan(db, b, number).kind is V.OK


def test_a_database_file_moved_to_another_laptop_releases_nothing_early(tmp_path):
    """Recorded on laptop A (watched for 5 minutes), then the file goes to laptop C: another
    machine id, up for 50 days, clock an hour ahead, opened 55 minutes later. C proves 5 minutes
    from A plus what its own clock sees afterwards."""
    path = tmp_path / "carried.sqlite3"
    a = station("A", uptime=2000.0, wall_off=timedelta(0))
    db = open_database(str(path))
    with db.session() as s:
        setup.ensure_initial(s, now=a.now())
        add_team(s, now=a.now())
    number = disinfected_slip(db, a)
    a.advance(timedelta(minutes=5))
    board(db, a)
    db.dispose()

    c = station("C", uptime=50 * DAY, wall_off=timedelta(hours=1), start=T0 + timedelta(minutes=60))
    db = open_database(str(path))
    try:
        v = scan(db, c, number)
        assert v.kind is V.NOT_YET and v.remaining_s == 25 * 60
        c.advance(timedelta(minutes=24, seconds=59))
        assert scan(db, c, number).kind is V.NOT_YET
        c.advance(timedelta(seconds=1))
        assert scan(db, c, number).kind is V.OK
    finally:
        db.dispose()


def test_a_carried_file_coming_back_is_the_same_machine_again(tmp_path):
    """A → C → A (A rebooted meanwhile): A's own reboot reasoning applies to its own timer, and
    C's uptime is never taken for A's downtime."""
    a = station("A", uptime=2000.0, wall_off=timedelta(0))
    db = open_database(str(tmp_path / "carried.sqlite3"))
    with db.session() as s:
        setup.ensure_initial(s, now=a.now())
        add_team(s, now=a.now())
    number = disinfected_slip(db, a)
    a.advance(timedelta(minutes=5))
    board(db, a)
    c = station("C", uptime=50 * DAY, wall_off=timedelta(hours=1), start=a.now())
    look(db, c)
    c.advance(timedelta(minutes=2))
    look(db, c)
    a.reboot(downtime=timedelta(minutes=3))  # A comes back up 3 minutes after its last mark
    v = scan(db, a, number)
    assert v.kind is V.NOT_YET and v.remaining_s >= 22 * 60 - 5
    db.dispose()


def test_marks_are_segments_in_the_database_order(db):
    a = station("A", uptime=100.0, wall_off=timedelta(0))
    b = station("B", uptime=9 * DAY, wall_off=timedelta(0))
    world = World(a, b)
    for _ in range(2):
        look(db, a)
        world.pass_(1)
        look(db, a)  # extends A's segment: nobody else wrote since
        look(db, b)
    with db.session(write=False) as s:
        rows = [(r.machine_id[-1], r.first_seq, r.last_seq)
                for r in s.exec(select(ClockMark).order_by(ClockMark.first_seq)).all()]
    assert [m for m, _, _ in rows] == ["A", "B", "A", "B"]
    assert all(f <= last < nxt[1] for (_, f, last), nxt in pairwise(rows))


def test_a_timer_remembers_its_machine(db):
    a = station("A", uptime=100.0, wall_off=timedelta(0))
    disinfected_slip(db, a)
    with db.session(write=False) as s:
        timer = s.exec(select(DwellTimer)).one()
        assert timer.machine_id == "machine-A" and timer.started_server is None  # SQLite keeps no clock


def test_sqlite_has_no_server_clock_so_nobody_is_refused_for_skew(db):
    b = station("B", uptime=3 * DAY, wall_off=timedelta(hours=5))
    check = look(db, b)
    assert check.ok and check.skew_s is None and check.message == ""


# --- one PostgreSQL server, several stations ------------------------------------------------------


@pytest.fixture
def pg_db():
    base = make_url(PG)
    name = f"gh_dwell_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    db = open_database(base.set(database=name).render_as_string(hide_password=False))
    with db.session() as s:
        setup.ensure_initial(s, now=datetime.now(UTC))
        add_team(s, now=datetime.now(UTC))
    yield db
    db.dispose()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def server_has_seen(db, minutes: float) -> None:
    """Real time cannot be waited for: move every timer's server start back instead."""
    with db.session() as s:
        for timer in s.exec(select(DwellTimer)).all():
            timer.started_server = timer.started_server - timedelta(minutes=minutes)
            s.add(timer)


@needs_pg
def test_pg_another_station_follows_the_server_clock_not_its_own(pg_db):
    now = datetime.now(UTC)
    a = station("A", uptime=1000.0, wall_off=timedelta(seconds=30), start=now)
    b = station("B", uptime=3 * DAY, wall_off=timedelta(seconds=-40), start=now)
    number = disinfected_slip(pg_db, a)
    with pg_db.session(write=False) as s:
        timer = s.exec(select(DwellTimer)).one()
        assert timer.machine_id == "machine-A" and abs((timer.started_server - now).total_seconds()) < 60
    b.advance(timedelta(hours=2))  # B's own clocks say hours went by: they are not asked
    b.set_wall(datetime.now(UTC))
    v = scan(pg_db, b, number)
    assert v.kind is V.NOT_YET and v.remaining_s > 29 * 60
    server_has_seen(pg_db, 29)
    assert scan(pg_db, b, number).kind is V.NOT_YET
    server_has_seen(pg_db, 1.1)
    assert scan(pg_db, b, number).kind is V.OK


@needs_pg
def test_pg_the_origin_station_takes_the_smaller_of_its_clock_and_the_servers(pg_db):
    now = datetime.now(UTC)
    a = station("A", uptime=1000.0, wall_off=timedelta(0), start=now)
    number = disinfected_slip(pg_db, a)
    a.advance(timedelta(minutes=31))  # A's monotonic clock says 31 minutes...
    a.set_wall(datetime.now(UTC))
    v = scan(pg_db, a, number)  # ...the server says seconds: not yet
    assert v.kind is V.NOT_YET
    server_has_seen(pg_db, 31)
    assert scan(pg_db, a, number).kind is V.OK


@needs_pg
@pytest.mark.parametrize("off", [timedelta(minutes=5), timedelta(minutes=-5)])
def test_pg_a_station_five_minutes_off_the_server_is_refused_with_clock_skew(pg_db, off):
    now = datetime.now(UTC)
    a = station("A", uptime=1000.0, wall_off=timedelta(0), start=now)
    number = disinfected_slip(pg_db, a)
    server_has_seen(pg_db, 31)
    a.advance(timedelta(minutes=31))
    skewed = station("B", uptime=3 * DAY, wall_off=off, start=datetime.now(UTC))
    check = look(pg_db, skewed)
    assert not check.ok and abs(check.skew_s - off.total_seconds()) < 30
    assert "5 分" in check.message and ("快" if off > timedelta(0) else "慢") in check.message
    with pytest.raises(ServiceError) as err:
        scan(pg_db, skewed, number)
    assert err.value.code == "clock_skew" and "5 分" in err.value.message
    with pg_db.session() as s:
        cid = slips.get_slip(s, number).consignment_id
        with pytest.raises(ServiceError) as err:
            dwell.mark_released(s, consignment_id=cid, actor=HANDOFF, now=skewed.now(), clock=skewed)
        assert err.value.code == "clock_skew"
    right = station("C", uptime=10.0, wall_off=timedelta(seconds=20), start=datetime.now(UTC))
    assert look(pg_db, right).ok
    assert scan(pg_db, right, number).kind is V.OK


@needs_pg
def test_pg_keeps_one_mark_per_machine_boot_however_often_stations_refresh(pg_db):
    now = datetime.now(UTC)
    a = station("A", uptime=100.0, wall_off=timedelta(0), start=now)
    b = station("B", uptime=9 * DAY, wall_off=timedelta(0), start=now)
    for _ in range(3):
        look(pg_db, a)
        look(pg_db, b)
    with pg_db.session(write=False) as s:
        assert len(s.exec(select(ClockMark)).all()) == 2

