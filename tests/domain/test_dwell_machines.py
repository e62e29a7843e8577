"""Dwell maths across machines: another station's uptime, segments in the database's order, the
server's clock — and, for random stations, that the computed dwell never exceeds the true one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import dwell
from desktop.domain.clock import ClockReading, ManualClock

T0 = datetime(2026, 11, 29, 1, 0, tzinfo=UTC)
DAY = 24 * 3600.0


def start_on(clock: ManualClock, server: datetime | None = None) -> dwell.TimerStart:
    r = clock.read()
    return dwell.TimerStart(r.wall, r.mono, r.boot_id, 30, r.machine_id, server)


def seg(r: ClockReading, first_mono: float, seq: tuple[int, int]) -> dwell.Segment:
    return dwell.Segment(r.machine_id, r.boot_id, first_mono, seq[0], r.mono, seq[1])


def test_another_machines_uptime_is_not_dwell():
    a = ManualClock(start=T0, machine_id="A", mono=100.0)
    b = ManualClock(start=T0 - timedelta(minutes=20), machine_id="B", mono=3 * DAY)
    start = start_on(a)
    a.advance(60)
    b.advance(60)
    assert dwell.elapsed(start, reading=b.read(), spans={}) == timedelta(0)


def test_segments_chain_only_intervals_one_clock_saw():
    a = ManualClock(start=T0, machine_id="A", mono=100.0)
    b = ManualClock(start=T0 + timedelta(hours=1), machine_id="B", mono=3 * DAY)
    start = start_on(a)
    a.advance(300)
    origin = seg(a.read(), start.mono, (1, 1))  # A watched 5 minutes, then went quiet
    b.advance(900)  # 10 unwatched minutes later B opens the file
    b_first = b.read().mono
    b.advance(600)
    watched = seg(b.read(), b_first, (2, 2))
    b.advance(60)
    proven = dwell.proven_elapsed(start, reading=b.read(), segments=[watched, origin])
    assert proven == 300 + 600 + 60  # the 10 minutes nobody watched are not counted


def test_segments_out_of_order_prove_nothing_from_the_later_one():
    a = ManualClock(start=T0, machine_id="A", mono=100.0)
    b = ManualClock(start=T0, machine_id="B", mono=3 * DAY)
    start = start_on(a)
    before = seg(b.read(), b.read().mono - 3600, (1, 1))  # B's segment ended before the start was written
    origin = seg(a.read(), start.mono, (2, 2))
    b.advance(60)
    assert dwell.proven_elapsed(start, reading=b.read(), segments=[before, origin]) == 0


def test_the_server_clock_witnesses_another_station():
    a = ManualClock(start=T0, machine_id="A")
    b = ManualClock(start=T0 + timedelta(minutes=20), machine_id="B", mono=3 * DAY)
    server = T0 + timedelta(seconds=3)
    start = start_on(a, server)
    b.advance(timedelta(minutes=12))
    left = dwell.remaining(start, reading=b.read(), spans={}, server_now=server + timedelta(minutes=12))
    assert left == timedelta(minutes=18)


def test_on_the_origin_the_smaller_of_its_clock_and_the_servers_counts():
    a = ManualClock(start=T0, machine_id="A")
    start = start_on(a, T0)
    a.advance(timedelta(minutes=20))
    server_behind = T0 + timedelta(minutes=5)  # the server clock was set back: it says less
    assert dwell.elapsed(start, reading=a.read(), spans={}, server_now=server_behind) == timedelta(minutes=5)
    server_ahead = T0 + timedelta(minutes=50)  # set forward: the monotonic clock says less
    assert dwell.elapsed(start, reading=a.read(), spans={}, server_now=server_ahead) == timedelta(minutes=20)


def test_a_timer_from_before_machine_ids_is_this_machines_only_in_its_boot():
    clock = ManualClock(start=T0, boot_id="k-1", machine_id="A")
    legacy = dwell.TimerStart(T0, clock.read().mono, "k-1", 30)  # machine ""
    clock.advance(600)
    assert dwell.elapsed(legacy, reading=clock.read(), spans={}) == timedelta(minutes=10)
    other = ManualClock(start=T0, boot_id="k-2", machine_id="B", mono=5 * DAY)
    assert dwell.elapsed(legacy, reading=other.read(), spans={}) == timedelta(0)


def test_skew_is_wall_minus_server_and_over_a_minute_is_refused():
    clock = ManualClock(start=T0 + timedelta(minutes=5), machine_id="A")
    assert dwell.skew(clock.read(), T0) == 300
    assert dwell.skewed(300.0) and dwell.skewed(-61.0)
    assert not dwell.skewed(59.0) and not dwell.skewed(None)


# --- the property ---------------------------------------------------------------------------------


@dataclass
class Station:
    machine: str
    uptime: float  # monotonic reading at true time 0
    skew: float  # wall − true
    boot: str = "b0"
    boot_at: float | None = None  # true time the current boot began (None: before time 0)

    def read(self, tau: float) -> ClockReading:
        mono = self.uptime + tau if self.boot_at is None else tau - self.boot_at
        return ClockReading(T0 + timedelta(seconds=tau + self.skew), mono, self.boot, self.machine)


@dataclass
class Db:
    """The ClockMark table as `desktop.services.dwell.observe` keeps it on SQLite."""

    rows: list[dict] = field(default_factory=list)

    def observe(self, r: ClockReading) -> None:
        key = (r.machine_id, r.boot_id)
        top = max((x["last_seq"] for x in self.rows), default=0)
        own = [x for x in self.rows if x["key"] == key]
        latest = max(own, key=lambda x: x["last_seq"]) if own else None
        if latest is None or latest["last_seq"] != top:
            self.rows.append({"key": key, "first": r, "last": r, "first_seq": top + 1, "last_seq": top + 1})
        else:
            latest["last"], latest["last_seq"] = r, top + 1

    def segments(self) -> list[dwell.Segment]:
        return [dwell.Segment(*x["key"], x["first"].mono, x["first_seq"], x["last"].mono, x["last_seq"])
                for x in self.rows]

    def spans(self, machine: str) -> dict[str, dwell.BootSpan]:
        out: dict[str, dwell.BootSpan] = {}
        for x in self.rows:
            if x["key"][0] != machine:
                continue
            boot = x["key"][1]
            firsts = [y["first"] for y in self.rows if y["key"] == x["key"]]
            lasts = [y["last"] for y in self.rows if y["key"] == x["key"]]
            f, last = min(firsts, key=lambda r: r.mono), max(lasts, key=lambda r: r.mono)
            out[boot] = dwell.BootSpan(boot, f.wall, f.mono, last.wall, last.mono)
        return out


stations_st = st.lists(st.tuples(st.floats(0, 60 * DAY), st.floats(-7200, 7200)), min_size=2, max_size=4)
events_st = st.lists(st.tuples(st.floats(0, 900), st.integers(0, 3), st.sampled_from(["observe", "observe", "reboot"])),
                     max_size=25)


ROUNDING_S = 1e-3  # datetime's microsecond rounding, summed over a few readings


@settings(max_examples=300, deadline=None)
@given(stations_st, events_st, st.integers(0, 3), st.floats(0, 3600), st.booleans())
def test_computed_dwell_never_exceeds_the_true_dwell(clocks, events, who, last_wait, server):
    """For random stations (uptimes, wall clocks hours off, reboots) sharing a database, whoever
    asks, whenever: elapsed ≤ true elapsed."""
    stations = [Station(f"m{i}", up, skew) for i, (up, skew) in enumerate(clocks)]
    db = Db()
    origin = stations[0]
    first = origin.read(0.0)
    db.observe(first)
    start = dwell.TimerStart(first.wall, first.mono, first.boot_id, 30, first.machine_id,
                             T0 if server else None)
    tau = 0.0
    for n, (gap, i, what) in enumerate(events):
        tau += gap
        s = stations[i % len(stations)]
        if what == "reboot":
            s.boot, s.boot_at = f"b{n + 1}", tau
        else:
            db.observe(s.read(tau))
    tau += last_wait
    asker = stations[who % len(stations)]
    reading = asker.read(tau)
    got = dwell.elapsed(start, reading=reading, spans=db.spans(asker.machine), segments=db.segments(),
                        server_now=T0 + timedelta(seconds=tau) if server else None)
    # datetimes carry whole microseconds, so a wall or server reading is rounded by up to 0.5 µs each;
    # a millisecond covers every rounding and is nothing against a 30-minute dwell
    assert got.total_seconds() <= tau + ROUNDING_S


@settings(max_examples=100, deadline=None)
@given(stations_st, st.lists(st.floats(1, 120), min_size=1, max_size=40))
def test_stations_that_keep_watching_lose_no_time(clocks, gaps):
    """Liveness: when the origin keeps refreshing, any other station knows the whole dwell."""
    stations = [Station(f"m{i}", up, skew) for i, (up, skew) in enumerate(clocks)]
    db = Db()
    first = stations[0].read(0.0)
    db.observe(first)
    start = dwell.TimerStart(first.wall, first.mono, first.boot_id, 30, first.machine_id)
    tau = 0.0
    for gap in gaps:
        tau += gap
        for s in stations:
            db.observe(s.read(tau))
    got = dwell.elapsed(start, reading=stations[-1].read(tau), spans={}, segments=db.segments())
    assert abs(got.total_seconds() - tau) < ROUNDING_S
