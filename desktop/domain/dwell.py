"""Dwell (静置) maths: how much standing time is left, derived from clock readings, never counted.

The one fault that must never happen is goods released early, so the elapsed dwell is the
*smaller* of what every trustworthy clock says, and a clock is only trusted for an interval it
saw itself. A timer keeps where it started: a wall time, a monotonic reading, the boot and the
machine it was taken on, and — with a database server (PostgreSQL) — the server's clock.

Which clock measures what:

- **Same machine, same boot**: the monotonic clock is the truth (CLOCK_BOOTTIME keeps counting
  through a suspend); moving the wall clock changes nothing.
- **Same machine, a later boot**: the old boot's monotonic reading means nothing any more. What
  is *known* is the time seen passing in the old boot after the start (its last `BootSpan`), the
  time since the new boot began (the new monotonic reading) and, for the gap between the last
  reading of the old boot and the first one of the new, the machine's own wall clock. The gap is
  never taken shorter than the new boot's uptime at its first reading, so a wall clock set back
  during the downtime only makes the dwell longer. Where the boot id is not the kernel's but
  estimated from the wall clock (Windows, macOS), a restart may look like a new boot although the
  monotonic clock just went on; then only the monotonic difference is trusted.
- **Another machine, with a server clock** (PostgreSQL's clock_timestamp(), read at the start and
  now): server_now − server_start. A station whose wall clock is more than `MAX_SKEW_S` off the
  server's may not release (`skew`): that also catches a server clock moved by more than that,
  unless every station's clock moved with it. On the origin machine the smaller of its own
  clocks' answer and the server's counts.
- **Another machine, no server clock** (an SQLite file shared or carried to another laptop):
  only what can be proved without comparing two machines' clocks. The database keeps `Segment`s:
  stretches of readings by one machine-boot during which no other machine-boot wrote one, ordered
  by a database-wide sequence number (writers are serialised, and the first reading of a segment
  is taken after the write lock is held, so segment k's readings all precede segment k+1's). The
  dwell is then the longest chain of disjoint intervals, each measured by one machine-boot's
  monotonic clock: from the start to the origin's last reading, then from a later segment's first
  reading to its machine's last (or current) reading, and so on (`proven_elapsed`). An interval
  only two machines' wall clocks witness — the file on a USB stick, a laptop switched off — never
  counts, so a file that sat unobserved for an hour makes the dwell an hour longer, never shorter.

What the guarantee assumes: each machine's monotonic clock runs at real speed (within the
crystal's ppm) and, within a boot, never jumps; the machine id and kernel boot id are unique;
the server's clock (when there is one) is not moved forward by more than `MAX_SKEW_S` without the
stations following it; and readings written to the database are taken before their write commits.
The one case no clock maths can catch: a machine's wall clock set *forward* while that machine
was switched off (or, without a kernel boot id, between two runs of the app), which the
same-machine reboot reasoning has to take as downtime. (And a supervisor's early completion is,
by design, not a clock question.)

Machine id "" means "no machine": the simulated clocks of the demo and tests (they never meet the
server's real clock) and rows written before machine ids were kept. Such an old timer counts as
this machine's only while the boot is the same; after that, on SQLite, the old boot's mark is the
first segment of the proof; on PostgreSQL (no server time recorded for it) nothing proves it, and
a supervisor completes it early if it must go.

Everything reduces to one number per timer: the *deadline* on the current boot's monotonic
clock. A board computes it once per refresh and then only compares it with the monotonic reading
at each paint, which is why 500 timers cost almost nothing per tick.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.domain.clock import ClockReading

JUMP_THRESHOLD_S = 2.0  # wall clock moving against the monotonic clock by more than this is a jump
DUE_SOON_S = 5 * 60  # "due within 5 minutes"
DEFAULT_MINUTES = 30
DEFAULT_OVERDUE_MINUTES = 30  # complete but not moved on for this long: show it as overdue
MAX_SKEW_S = 60.0  # a station's wall clock this far off the server's may not release goods


@dataclass(frozen=True)
class TimerStart:
    wall: datetime
    mono: float
    boot_id: str
    minutes: int
    machine_id: str = ""
    server: datetime | None = None  # the database server's clock at the start, where there is one

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


@dataclass(frozen=True)
class Segment:
    """Readings of one machine-boot during which no other machine-boot wrote one; `first_seq` and
    `last_seq` order segments across the whole database (the ClockMark table)."""

    machine_id: str
    boot_id: str
    first_mono: float
    first_seq: int
    last_mono: float
    last_seq: int


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


def same_machine(start: TimerStart, reading: ClockReading) -> bool:
    """Whether the reading comes from the machine the timer started on. A timer written before
    machine ids existed ("") is only known to be this machine's while the boot is the same."""
    if start.machine_id == reading.machine_id:
        return True
    return not start.machine_id and start.boot_id == reading.boot_id


def _own_deadline(start: TimerStart, reading: ClockReading, spans: Mapping[str, BootSpan]) -> float:
    if start.boot_id == reading.boot_id:
        return start.mono + start.seconds
    first = spans.get(reading.boot_id) or span_from(reading)
    return start.seconds - elapsed_at_boot_start(start, current_first=first, spans=spans)


def proven_elapsed(start: TimerStart, *, reading: ClockReading, segments: Sequence[Segment]) -> float:
    """Seconds of dwell that monotonic clocks alone prove, across machines, with no server clock.

    The longest chain of intervals, each on one machine-boot's monotonic clock and each after the
    previous one in the database's order: the first from the start to a later reading of the
    origin, the last possibly ending at `reading` (which must be taken after the segments were
    read). Nothing between two intervals counts.
    """
    origin = (start.machine_id, start.boot_id)
    ends: list[tuple[int, float]] = []  # (last_seq, proven up to that segment's last reading)
    opened: dict[tuple[str, str], float] = {}  # per machine-boot: best (proven before it − its mono there)
    for seg in sorted(segments, key=lambda g: (g.first_seq, g.last_seq)):
        key = (seg.machine_id, seg.boot_id)
        if not ends and key not in opened:
            if key != origin or seg.last_mono < start.mono:
                continue  # before the start: nothing to chain from yet
            opened[key] = -start.mono
        before = max((v for seq, v in ends if seq < seg.first_seq), default=None)
        if before is not None:
            opened[key] = max(opened.get(key, before - seg.first_mono), before - seg.first_mono)
        if key in opened:
            ends.append((seg.last_seq, opened[key] + seg.last_mono))
    best = max((v for _, v in ends), default=0.0)
    here = (reading.machine_id, reading.boot_id)
    if here in opened:
        best = max(best, opened[here] + reading.mono)
    return max(0.0, best)


def deadline_mono(start: TimerStart, *, reading: ClockReading, spans: Mapping[str, BootSpan],
                  segments: Sequence[Segment] = (), server_now: datetime | None = None) -> float:
    """The monotonic reading of the current boot at which the dwell is complete.

    `spans` are this machine's boots (by boot id); `segments` every machine's, in the database's
    order (only used for a timer from another machine when there is no server clock); `server_now`
    the server's clock now, when the database has one. The latest deadline any witness gives wins.
    """
    deadlines = []
    if same_machine(start, reading):
        deadlines.append(_own_deadline(start, reading, spans))
    if start.server is not None and server_now is not None:
        deadlines.append(reading.mono + start.seconds - (server_now - start.server).total_seconds())
    if not deadlines:
        deadlines.append(reading.mono + start.seconds - proven_elapsed(start, reading=reading, segments=segments))
    return max(deadlines)


def elapsed(start: TimerStart, *, reading: ClockReading, spans: Mapping[str, BootSpan],
            segments: Sequence[Segment] = (), server_now: datetime | None = None) -> timedelta:
    """How long the goods have stood, as far as can be known (never more)."""
    deadline = deadline_mono(start, reading=reading, spans=spans, segments=segments, server_now=server_now)
    return timedelta(seconds=max(0.0, start.seconds - (deadline - reading.mono)))


def skew(reading: ClockReading, server_now: datetime | None) -> float | None:
    """Seconds this station's wall clock is ahead of the server's (None without a server clock)."""
    return None if server_now is None else (reading.wall - server_now).total_seconds()


def skewed(seconds: float | None) -> bool:
    return seconds is not None and abs(seconds) > MAX_SKEW_S


def remaining(start: TimerStart, *, reading: ClockReading, spans: Mapping[str, BootSpan],
              segments: Sequence[Segment] = (), server_now: datetime | None = None) -> timedelta:
    """Standing time still to go (zero once complete)."""
    left = deadline_mono(start, reading=reading, spans=spans, segments=segments, server_now=server_now) - reading.mono
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
