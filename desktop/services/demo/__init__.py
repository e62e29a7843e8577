"""A realistic demo day written through the service functions (never straight into tables).

Each station adds a step module here and lists it in STEPS; a step takes the DemoDay and
returns counts for the summary. Steps run in order, each in its own transaction.
"""

from __future__ import annotations

import importlib
import random
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta

from desktop.domain.clock import Clock, ClockReading, ManualClock, SystemClock
from desktop.domain.localtime import site_today, site_tz
from desktop.store.engine import Database

DEMO_SITE_NAME = "宿迁学院东门卡口"
PLAN_START, PLAN_END = time(6, 0), time(12, 0)  # the local times the steps' timetable spans

STEPS = [
    "desktop.services.demo.site",
    "desktop.services.demo.roster",
    "desktop.services.demo.gate",
    "desktop.services.demo.disinfection",
    "desktop.services.demo.slips",
    "desktop.services.demo.handoff",
    "desktop.services.demo.supervision",
    "desktop.services.demo.households",
    "desktop.services.demo.cadence",
]


@dataclass
class DemoDay:
    db: Database
    day: date
    rng: random.Random
    clock: ManualClock  # moves through the day as the steps write
    real_now: datetime  # the demo never writes events later than this
    machine: Clock = field(default_factory=SystemClock)  # whose boot the demo's timers run on
    ids: dict[str, list[int]] = field(default_factory=dict)

    origin: datetime | None = None  # where the plan's 06:00 lands (UTC); None: at 06:00
    scale: float = 1.0  # how much of the plan's time passes per real minute (1: none squeezed)

    def at(self, hh: int, mm: int = 0) -> datetime:
        """The plan's local time hh:mm of the demo day, in UTC, never later than the real now.
        Early in the site's day the plan is moved (and if need be squeezed) to fit between
        midnight and now, so the demo day stays the site's today and has no future events."""
        planned = datetime.combine(self.day, time(hh, mm), tzinfo=site_tz()).astimezone(UTC)
        if self.origin is not None:
            planned = self.origin + (planned - _local(self.day, PLAN_START)) * self.scale
        return min(planned, self.real_now)

    def move_to(self, hh: int, mm: int = 0) -> datetime:
        target = self.at(hh, mm)
        if target > self.clock.now():
            self.clock.advance(target - self.clock.now())
        return self.clock.now()


class AlignedClock:
    """A chosen wall time read as this machine's clocks would have read it then, so timers the
    demo starts run on the real boot's monotonic clock (a future day gets a boot of its own)."""

    def __init__(self, base: ClockReading) -> None:
        self.base, self.wall = base, base.wall

    def now(self) -> datetime:
        return self.wall

    def read(self) -> ClockReading:
        back = (self.base.wall - self.wall).total_seconds()
        return ClockReading(self.wall, self.base.mono - back, self.base.boot_id)


def aligned_clock(demo: DemoDay) -> AlignedClock:
    real, system = demo.real_now, demo.machine.read()
    if real <= system.wall + timedelta(minutes=1):
        return AlignedClock(ClockReading(real, system.mono - (system.wall - real).total_seconds(), system.boot_id))
    return AlignedClock(ClockReading(real, 86_400.0, f"demo-{demo.day.isoformat()}"))


def today(clock: Clock) -> date:
    """The demo's default day: the site's today on `clock`, never the machine's date."""
    return site_today(clock.now())


def build(db: Database, *, day: date, seed: int = 2022, clock: Clock | None = None,
          now: datetime | None = None) -> dict[str, int]:
    """Write the demo `day` as of `clock` (the machine's by default): no event is later than its
    now, and timers run on its monotonic clock. A day after the site's today is written as if it
    had already run to the evening, on a boot of its own. `now` (tests) stands in for clock.now()."""
    machine = clock or SystemClock()
    real_now = now or machine.now()
    start = datetime.combine(day, time(6, 0), tzinfo=site_tz()).astimezone(UTC)
    if day > site_today(real_now):
        real_now = datetime.combine(day, time(20, 0), tzinfo=site_tz()).astimezone(UTC)
    origin, scale = _fit(day, real_now)
    demo = DemoDay(db=db, day=day, rng=random.Random(seed), clock=ManualClock(start=min(start, origin or start)
                                                                              - timedelta(hours=12)),
                   real_now=real_now, machine=_At(machine, real_now) if now else machine, origin=origin, scale=scale)
    summary: dict[str, int] = {}
    for name in STEPS:
        summary.update(importlib.import_module(name).run(demo))
    _remember(db, day, demo.clock.now())
    return summary


def _local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=site_tz()).astimezone(UTC)


def _fit(day: date, now: datetime) -> tuple[datetime | None, float]:
    """Where the timetable starts and how much it is squeezed so that it ends before `now`
    without leaving `day`: (None, 1.0) when the day is far enough on to run it as planned."""
    start, end = _local(day, PLAN_START), _local(day, PLAN_END)
    if now >= end + timedelta(minutes=5):
        return None, 1.0
    midnight = _local(day, time(0, 0))
    new_end = max(now - timedelta(minutes=5), midnight + timedelta(minutes=2))
    new_start = max(midnight + timedelta(minutes=1), new_end - (end - start))
    return new_start, (new_end - new_start) / (end - start)


class _At:
    """`clock` read as if its wall time were `wall` (a test's chosen now on the real machine)."""

    def __init__(self, clock: Clock, wall: datetime) -> None:
        self.clock, self.wall = clock, wall

    def now(self) -> datetime:
        return self.wall

    def read(self) -> ClockReading:
        return replace(self.clock.read(), wall=self.wall)


DAYS_KEY = "demo.days"  # the days a demo was written for, so a second run does not double them


def written_days(db: Database) -> list[str]:
    """ISO days a demo was already written for in `db` ("?" for a demo site of an older version)."""
    from sqlmodel import select

    from desktop.services import setup
    from desktop.store.models import Site

    with db.session(write=False) as s:
        days = setup.get_setting(s, DAYS_KEY) or []
        if not days and s.exec(select(Site).where(Site.name == DEMO_SITE_NAME)).first() is not None:
            days = ["?"]
    return list(days)


def _remember(db: Database, day: date, now: datetime) -> None:
    from desktop.services import setup
    from desktop.services.context import Actor

    with db.session() as s:  # the demo site's administrator keeps the list of its demo days
        days = setup.get_setting(s, DAYS_KEY) or []
        setup.set_setting(s, actor=Actor("admin", "admin"), now=now, key=DAYS_KEY, value=[*days, day.isoformat()])
