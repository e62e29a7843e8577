"""A realistic demo day written through the service functions (never straight into tables).

Each station adds a step module here and lists it in STEPS; a step takes the DemoDay and
returns counts for the summary. Steps run in order, each in its own transaction.
"""

from __future__ import annotations

import importlib
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from desktop.domain.clock import ClockReading, ManualClock, SystemClock
from desktop.domain.localtime import site_tz
from desktop.store.engine import Database

LOCAL = site_tz()  # the site's zone: desktop.domain.localtime

STEPS = [
    "desktop.services.demo.site",
    "desktop.services.demo.gate",
    "desktop.services.demo.disinfection",
    "desktop.services.demo.slips",
    "desktop.services.demo.handoff",
    "desktop.services.demo.supervision",
    "desktop.services.demo.households",
]


@dataclass
class DemoDay:
    db: Database
    day: date
    rng: random.Random
    clock: ManualClock  # moves through the day as the steps write
    real_now: datetime  # the demo never writes events later than this
    ids: dict[str, list[int]] = field(default_factory=dict)

    def at(self, hh: int, mm: int = 0) -> datetime:
        """A local time of the demo day, in UTC, capped at the real now."""
        local = datetime.combine(self.day, time(hh, mm), tzinfo=LOCAL).astimezone(UTC)
        return min(local, self.real_now)

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
    real, system = demo.real_now, SystemClock().read()
    if real <= system.wall + timedelta(minutes=1):
        return AlignedClock(ClockReading(real, system.mono - (system.wall - real).total_seconds(), system.boot_id))
    return AlignedClock(ClockReading(real, 86_400.0, f"demo-{demo.day.isoformat()}"))


def build(db: Database, *, day: date, seed: int = 2022, now: datetime | None = None) -> dict[str, int]:
    real_now = now or SystemClock().now()
    start = datetime.combine(day, time(6, 0), tzinfo=LOCAL).astimezone(UTC)
    if start > real_now:  # a future day: write it as if it had already run to the evening
        real_now = datetime.combine(day, time(20, 0), tzinfo=LOCAL).astimezone(UTC)
    demo = DemoDay(db=db, day=day, rng=random.Random(seed), clock=ManualClock(start=start - timedelta(hours=12)),
                   real_now=real_now)
    summary: dict[str, int] = {}
    for name in STEPS:
        summary.update(importlib.import_module(name).run(demo))
    return summary
