"""Clocks passed in to everything that tells time, so tests move time instead of waiting.

A reading carries three things: UTC wall-clock time (what people read), a monotonic reading
that only moves forward within one boot (what durations are measured with), and the id of that
boot (a monotonic reading means nothing after a reboot).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class ClockReading:
    wall: datetime  # timezone-aware, UTC
    mono: float  # seconds, meaningful only within `boot_id`
    boot_id: str


class Clock(Protocol):
    def now(self) -> datetime: ...

    def read(self) -> ClockReading: ...


def _monotonic() -> float:
    # CLOCK_BOOTTIME keeps counting while a laptop is suspended; plain monotonic does not.
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        return time.clock_gettime(boottime)
    return time.monotonic()


def _boot_id() -> str:
    linux = Path("/proc/sys/kernel/random/boot_id")
    try:
        return linux.read_text().strip()
    except OSError:
        # Elsewhere: the boot instant, rounded so that jitter between calls does not change it.
        booted = time.time() - _monotonic()
        return f"boot-{round(booted / 10) * 10:.0f}"


class SystemClock:
    """The machine's clocks."""

    def __init__(self) -> None:
        self._boot = _boot_id()

    def now(self) -> datetime:
        return datetime.now(UTC)

    def read(self) -> ClockReading:
        return ClockReading(wall=datetime.now(UTC), mono=_monotonic(), boot_id=self._boot)


class ManualClock:
    """A clock that only moves when told to: for tests, demos and screenshots."""

    def __init__(self, start: datetime | None = None, boot_id: str | None = None) -> None:
        self._reading = ClockReading(
            wall=start or datetime(2026, 11, 29, 1, 0, tzinfo=UTC),
            mono=1000.0,
            boot_id=boot_id or _new_id(),
        )

    def now(self) -> datetime:
        return self._reading.wall

    def read(self) -> ClockReading:
        return self._reading

    def advance(self, delta: timedelta | float) -> None:
        """Real time passes: wall and monotonic move together."""
        seconds = delta.total_seconds() if isinstance(delta, timedelta) else float(delta)
        r = self._reading
        self._reading = replace(r, wall=r.wall + timedelta(seconds=seconds), mono=r.mono + seconds)

    def set_wall(self, wall: datetime) -> None:
        """Someone changes the system clock: only the wall clock jumps."""
        self._reading = replace(self._reading, wall=wall)

    def reboot(self, downtime: timedelta = timedelta(0)) -> None:
        """A new boot: monotonic restarts near zero, a new boot id."""
        r = self._reading
        self._reading = ClockReading(wall=r.wall + downtime, mono=5.0, boot_id=_new_id())


def _new_id() -> str:
    import uuid  # only test and demo clocks need it

    return uuid.uuid4().hex


def utc(dt: datetime) -> datetime:
    """Stored datetimes come back naive from SQLite; they are always UTC."""
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)
