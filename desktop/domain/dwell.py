"""Dwell (静置) maths: how much standing time is left, derived from clock readings, never counted.

A timer keeps where it started as a wall time, a monotonic reading and the boot it was taken in.

- Within that boot the monotonic clock is the truth (CLOCK_BOOTTIME keeps counting through a
  suspend); moving the wall clock changes nothing.
- After a reboot the monotonic reading of the old boot means nothing. What is *known* is then:
  the time seen passing in the old boot after the start (its last `BootSpan`), the time since the
  new boot began (the new monotonic reading) and, for the gap between the last reading of the old
  boot and the first reading of the new one, the wall clock. The gap is never taken shorter than
  the new boot's uptime at its first reading, so a wall clock set back during the downtime only
  makes the dwell longer. (A wall clock set *forward* while the machine was off cannot be seen by
  anything on the machine; that is the one case no clock maths can catch.)
- Where the boot id is not the kernel's but estimated from the wall clock (Windows, macOS), a
  restart may look like a new boot although the monotonic clock just went on; then only the
  monotonic difference is trusted.

Everything reduces to one number per timer: the *deadline* on the current boot's monotonic
clock. A board computes it once per refresh and then only compares it with the monotonic reading
at each paint, which is why 500 timers cost almost nothing per tick.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.domain.clock import ClockReading

JUMP_THRESHOLD_S = 2.0  # wall clock moving against the monotonic clock by more than this is a jump
DUE_SOON_S = 5 * 60  # "due within 5 minutes"
DEFAULT_MINUTES = 30
DEFAULT_OVERDUE_MINUTES = 30  # complete but not moved on for this long: show it as overdue


@dataclass(frozen=True)
class TimerStart:
    wall: datetime
    mono: float
    boot_id: str
    minutes: int

    @property
    def seconds(self) -> float:
        return self.minutes * 60.0


@dataclass(frozen=True)
class BootSpan:
    """The first and last clock readings seen during one boot (the ClockMark table)."""

    boot_id: str
    first_wall: datetime
    first_mono: float
    last_wall: datetime
    last_mono: float


def span_from(reading: ClockReading) -> BootSpan:
    return BootSpan(reading.boot_id, reading.wall, reading.mono, reading.wall, reading.mono)


def extend(span: BootSpan | None, reading: ClockReading) -> BootSpan:
    """The span after seeing `reading` (a new one if this boot had none)."""
    if span is None or span.boot_id != reading.boot_id:
        return span_from(reading)
    if reading.mono < span.last_mono:  # a stale reading from another thread: keep the later one
        return span
    return BootSpan(span.boot_id, span.first_wall, span.first_mono, reading.wall, reading.mono)


def wall_jump(span: BootSpan | None, reading: ClockReading) -> float:
    """Seconds the wall clock moved against the monotonic clock since the span's last reading
    (positive: set forward). Zero when there is nothing to compare with (another boot)."""
    if span is None or span.boot_id != reading.boot_id:
        return 0.0
    wall_delta = (reading.wall - span.last_wall).total_seconds()
    mono_delta = reading.mono - span.last_mono
    return wall_delta - mono_delta


def is_jump(seconds: float) -> bool:
    return abs(seconds) > JUMP_THRESHOLD_S


def elapsed_at_boot_start(start: TimerStart, *, current_first: ClockReading | BootSpan,
                          spans: Mapping[str, BootSpan]) -> float:
    """Seconds of dwell that had passed when the current boot's monotonic clock read zero-ish.

    More exactly: elapsed(now) = this + now.mono, for a timer started in an earlier boot.
    """
    first_wall, first_mono, boot = (
        (current_first.first_wall, current_first.first_mono, current_first.boot_id)
        if isinstance(current_first, BootSpan)
        else (current_first.wall, current_first.mono, current_first.boot_id)
    )
    old = spans.get(start.boot_id)
    if old is None or old.last_mono < start.mono:
        last_wall, last_mono = start.wall, start.mono
    else:
        last_wall, last_mono = old.last_wall, old.last_mono
    seen_in_old_boot = last_mono - start.mono
    gap = max((first_wall - last_wall).total_seconds(), first_mono)
    if first_mono >= last_mono and not (kernel_boot_id(start.boot_id) and kernel_boot_id(boot)):
        # Without a kernel boot id, a "new boot" may be the same boot under another id (it is
        # derived from the wall clock). Then the monotonic clock simply went on, and only that
        # difference is certain: take it, never the wall clock or the whole uptime.
        gap = min(gap, first_mono - last_mono)
    # elapsed(now) = seen_in_old_boot + gap + (now.mono - first_mono)
    return seen_in_old_boot + gap - first_mono


def kernel_boot_id(boot_id: str) -> bool:
    """Whether the id came from the kernel (Linux /proc/sys/kernel/random/boot_id), not from the
    wall-clock estimate `desktop.domain.clock` falls back to elsewhere ("boot-<seconds>")."""
    return not boot_id.startswith("boot-")


def deadline_mono(start: TimerStart, *, reading: ClockReading, spans: Mapping[str, BootSpan]) -> float:
    """The monotonic reading of the current boot at which the dwell is complete."""
    if start.boot_id == reading.boot_id:
        return start.mono + start.seconds
    first = spans.get(reading.boot_id) or span_from(reading)
    return start.seconds - elapsed_at_boot_start(start, current_first=first, spans=spans)


def elapsed(start: TimerStart, *, reading: ClockReading, spans: Mapping[str, BootSpan]) -> timedelta:
    """How long the goods have stood, as far as can be known (never more)."""
    seconds = start.seconds - (deadline_mono(start, reading=reading, spans=spans) - reading.mono)
    return timedelta(seconds=max(0.0, seconds))


def remaining(start: TimerStart, *, reading: ClockReading, spans: Mapping[str, BootSpan]) -> timedelta:
    """Standing time still to go (zero once complete)."""
    left = deadline_mono(start, reading=reading, spans=spans) - reading.mono
    return timedelta(seconds=max(0.0, left))


def ready_at(deadline: float, reading: ClockReading) -> datetime:
    """The wall-clock moment the deadline falls on, as the wall clock reads now."""
    return reading.wall + timedelta(seconds=deadline - reading.mono)


def completed_deadline(completed_at: datetime, reading: ClockReading) -> float:
    """A completion recorded as wall time (an early completion), on the current monotonic clock."""
    return reading.mono - (reading.wall - completed_at).total_seconds()


# --- the board's four colours -------------------------------------------------------------------

RUNNING = "running"
DUE_SOON = "due_soon"
COMPLETE = "complete"  # complete, waiting to be moved on
OVERDUE = "overdue"  # complete, and not moved on for too long

BOARD_STATES = (RUNNING, DUE_SOON, COMPLETE, OVERDUE)


def board_state(deadline: float, mono: float, *, overdue_s: float = DEFAULT_OVERDUE_MINUTES * 60) -> str:
    """Which colour a timer shows at monotonic reading `mono`."""
    left = deadline - mono
    if left > DUE_SOON_S:
        return RUNNING
    if left > 0:
        return DUE_SOON
    return OVERDUE if -left >= overdue_s else COMPLETE


def format_remaining(seconds: float) -> str:
    """mm:ss (or h:mm:ss) of what is left; '0:00' once complete. Rounds up so 0:00 means done."""
    whole = max(0, int(-(-seconds // 1)))
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
