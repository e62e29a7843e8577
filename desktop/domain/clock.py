"""Clocks passed in to everything that tells time, so tests move time instead of waiting.

A reading carries four things: UTC wall-clock time (what people read), a monotonic reading
that only moves forward within one boot (what durations are measured with), the id of that
boot (a monotonic reading means nothing after a reboot) and the id of the machine (two stations
sharing a database have two unrelated monotonic clocks, and a database file can move to another
laptop: a reading is only ever compared with one from the same machine and boot).
"""

from __future__ import annotations

import hashlib
import sys
import time
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class ClockReading:
    wall: datetime  # timezone-aware, UTC
    mono: float  # seconds, meaningful only within `boot_id` of `machine_id`
    boot_id: str
    machine_id: str = ""  # "" only for test clocks and rows written before machine ids existed


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


_MACHINE_FILES = ("/etc/machine-id", "/var/lib/dbus/machine-id")
MACHINE_ID_FILE = "machine-id"  # in desktop.paths.data_dir(), where the OS gives no id


def _os_machine_id() -> str | None:
    for name in _MACHINE_FILES:
        try:
            text = Path(name).read_text().strip()
        except OSError:
            continue
        if text:
            return text
    if sys.platform == "win32":
        try:
            import winreg

            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography", 0,
                                winreg.KEY_READ | winreg.KEY_WOW64_64KEY) as key:
                return str(winreg.QueryValueEx(key, "MachineGuid")[0]) or None
        except OSError:
            return None
    return None


def machine_id() -> str:
    """This machine's id: the OS's (/etc/machine-id, the registry's MachineGuid), else a uuid kept
    in the data folder. The OS id is hashed with the app's name, as systemd asks of applications,
    so the database never holds the raw one."""
    raw = _os_machine_id()
    if raw:
        return hashlib.sha256(f"gatehouse:{raw}".encode()).hexdigest()[:32]
    from desktop.paths import data_dir  # only where the OS has no id

    path = data_dir() / MACHINE_ID_FILE
    try:
        kept = path.read_text().strip()
    except OSError:
        kept = ""
    if not kept:
        kept = uuid.uuid4().hex
        path.write_text(kept + "\n")
    return kept


class SystemClock:
    """The machine's clocks."""

    def __init__(self, machine: str | None = None) -> None:
        self._boot = _boot_id()
        self._machine = machine or machine_id()

    def now(self) -> datetime:
        return datetime.now(UTC)

    def read(self) -> ClockReading:
        return ClockReading(wall=datetime.now(UTC), mono=_monotonic(), boot_id=self._boot, machine_id=self._machine)


class ManualClock:
    """A clock that only moves when told to: for tests, demos and screenshots. Several with
    different `machine_id`s are several stations; `mono` is the uptime at the start."""

    def __init__(self, start: datetime | None = None, boot_id: str | None = None, *, machine_id: str = "",
                 mono: float = 1000.0) -> None:
        self._reading = ClockReading(
            wall=start or datetime(2026, 11, 29, 1, 0, tzinfo=UTC),
            mono=mono,
            boot_id=boot_id or _new_id(),
            machine_id=machine_id,
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

    def stand_at(self, reading: ClockReading) -> None:
        """Take another manual clock's place: its wall, monotonic time and boot (tests that copy a
        database another clock built stand where that clock stood after building it)."""
        self._reading = reading

    def set_wall(self, wall: datetime) -> None:
        """Someone changes the system clock: only the wall clock jumps."""
        self._reading = replace(self._reading, wall=wall)

    def reboot(self, downtime: timedelta = timedelta(0)) -> None:
        """A new boot of the same machine: monotonic restarts near zero, a new boot id."""
        r = self._reading
        self._reading = ClockReading(wall=r.wall + downtime, mono=5.0, boot_id=_new_id(), machine_id=r.machine_id)


def _new_id() -> str:
    return uuid.uuid4().hex


def utc(dt: datetime) -> datetime:
    """Stored datetimes come back naive from SQLite; they are always UTC."""
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)
