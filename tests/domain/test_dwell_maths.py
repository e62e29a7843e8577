"""Dwell maths with a ManualClock: restarts, reboots, wall clock moved, suspend."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain import dwell
from desktop.domain.clock import ManualClock

T0 = datetime(2026, 11, 29, 1, 0, tzinfo=UTC)


def start_now(clock: ManualClock, minutes: int = 30) -> dwell.TimerStart:
    r = clock.read()
    return dwell.TimerStart(r.wall, r.mono, r.boot_id, minutes)


def left(start: dwell.TimerStart, clock: ManualClock, spans: dict[str, dwell.BootSpan] | None = None) -> float:
    return dwell.remaining(start, reading=clock.read(), spans=spans or {}).total_seconds()


def note(spans: dict[str, dwell.BootSpan], clock: ManualClock) -> None:
    r = clock.read()
    spans[r.boot_id] = dwell.extend(spans.get(r.boot_id), r)


def test_real_time_passing_counts_down():
    clock = ManualClock(start=T0)
    start = start_now(clock)
    clock.advance(timedelta(minutes=12))
    assert left(start, clock) == 18 * 60
    clock.advance(timedelta(minutes=18))
    assert left(start, clock) == 0


@pytest.mark.parametrize("shift", [timedelta(hours=1), timedelta(hours=-1)])
def test_moving_the_wall_clock_changes_nothing_within_a_boot(shift):
    clock = ManualClock(start=T0)
    start = start_now(clock)
    clock.advance(timedelta(minutes=10))
    clock.set_wall(clock.now() + shift)
    assert left(start, clock) == 20 * 60


def test_a_wall_jump_is_seen_and_small_drift_is_not():
    clock = ManualClock(start=T0)
    span = dwell.span_from(clock.read())
    clock.advance(60)
    assert not dwell.is_jump(dwell.wall_jump(span, clock.read()))
    clock.set_wall(clock.now() + timedelta(seconds=1.5))
    assert not dwell.is_jump(dwell.wall_jump(span, clock.read()))
    clock.set_wall(clock.now() + timedelta(hours=1))
    assert dwell.wall_jump(span, clock.read()) == pytest.approx(3601.5)
    assert dwell.is_jump(dwell.wall_jump(span, clock.read()))


def test_suspend_counts_because_boottime_keeps_counting():
    clock = ManualClock(start=T0)
    start = start_now(clock)
    clock.advance(timedelta(minutes=25))  # lid closed for 25 minutes: CLOCK_BOOTTIME and wall both move
    assert left(start, clock) == 5 * 60


def test_a_monotonic_clock_that_stops_in_suspend_only_makes_the_dwell_longer():
    clock = ManualClock(start=T0)
    start = start_now(clock)
    clock.set_wall(clock.now() + timedelta(minutes=25))  # wall moved, monotonic did not
    assert left(start, clock) == 30 * 60


def test_reboot_accounts_for_time_in_the_old_boot_and_the_downtime():
    clock = ManualClock(start=T0)
    spans: dict[str, dwell.BootSpan] = {}
    start = start_now(clock)
    note(spans, clock)
    clock.advance(timedelta(minutes=10))
    note(spans, clock)
    clock.reboot(downtime=timedelta(minutes=5))
    assert left(start, clock, spans) == 15 * 60
    note(spans, clock)
    clock.advance(timedelta(minutes=15))
    assert left(start, clock, spans) == 0


def test_reboot_with_wall_clock_set_back_never_shortens_the_dwell():
    clock = ManualClock(start=T0)
    spans: dict[str, dwell.BootSpan] = {}
    start = start_now(clock)
    clock.advance(timedelta(minutes=10))
    note(spans, clock)
    clock.reboot(downtime=timedelta(minutes=5))
    clock.set_wall(clock.now() - timedelta(hours=1))
    # only what is known counts: 10 min in the old boot + the new boot's 5 s uptime
    assert left(start, clock, spans) == pytest.approx(20 * 60 - 5)


def test_reboot_with_wall_clock_set_forward_after_boot_is_caught_by_the_first_mark():
    clock = ManualClock(start=T0)
    spans: dict[str, dwell.BootSpan] = {}
    start = start_now(clock)
    clock.advance(timedelta(minutes=10))
    note(spans, clock)
    clock.reboot(downtime=timedelta(minutes=2))
    note(spans, clock)  # the app saw the new boot before anyone touched the clock
    clock.advance(timedelta(minutes=1))
    clock.set_wall(clock.now() + timedelta(hours=1))
    assert left(start, clock, spans) == 17 * 60


def test_reboot_without_any_mark_of_the_old_boot_uses_the_start_itself():
    clock = ManualClock(start=T0)
    start = start_now(clock)
    clock.advance(timedelta(minutes=10))  # crashed without a mark
    clock.reboot(downtime=timedelta(minutes=1))
    assert left(start, clock) == 19 * 60


def test_restart_within_one_boot_is_plain_monotonic():
    clock = ManualClock(start=T0)
    start = start_now(clock)
    clock.advance(timedelta(minutes=29, seconds=59))
    assert left(start, clock) == 1
    assert dwell.format_remaining(left(start, clock)) == "0:01"


@pytest.mark.parametrize(("left_s", "state"), [(301, "running"), (300, "due_soon"), (1, "due_soon"),
                                               (0, "complete"), (-1799, "complete"), (-1800, "overdue")])
def test_board_states(left_s, state):
    assert dwell.board_state(1000.0 + left_s, 1000.0, overdue_s=1800) == state


def test_format_remaining():
    assert dwell.format_remaining(0) == "0:00"
    assert dwell.format_remaining(0.2) == "0:01"
    assert dwell.format_remaining(30 * 60) == "30:00"
    assert dwell.format_remaining(3725) == "1:02:05"
    assert dwell.format_remaining(-50) == "0:00"


def test_ready_at_follows_the_wall_clock_people_read():
    clock = ManualClock(start=T0)
    start = start_now(clock)
    deadline = dwell.deadline_mono(start, reading=clock.read(), spans={})
    assert dwell.ready_at(deadline, clock.read()) == T0 + timedelta(minutes=30)


def test_without_a_kernel_boot_id_a_restart_after_a_wall_jump_is_never_early():
    """Windows: the boot id is estimated from wall - monotonic, so moving the wall clock and
    restarting the app gives a 'new boot' whose monotonic clock simply went on."""
    clock = ManualClock(start=T0, boot_id="boot-1700000000")
    clock._reading = dwell_reading(clock, mono=50_000.0)  # up for ~14 hours
    spans: dict[str, dwell.BootSpan] = {}
    start = start_now(clock)
    clock.advance(timedelta(minutes=5))
    note(spans, clock)
    clock.advance(timedelta(minutes=1))
    clock.set_wall(clock.now() + timedelta(hours=1))
    clock._reading = dwell_reading(clock, boot_id="boot-1700003600")  # the app restarts: another id
    assert left(start, clock, spans) == 24 * 60


def test_without_a_kernel_boot_id_a_real_reboot_is_still_never_early():
    clock = ManualClock(start=T0, boot_id="boot-1700000000")
    spans: dict[str, dwell.BootSpan] = {}
    start = start_now(clock)
    clock.advance(timedelta(minutes=5))
    note(spans, clock)
    clock.reboot(downtime=timedelta(minutes=3))
    clock._reading = dwell_reading(clock, boot_id="boot-1700000500")
    assert left(start, clock, spans) == 22 * 60  # wall gap counted: the new uptime (5 s) < old (1300 s)


def dwell_reading(clock: ManualClock, **changes):
    from dataclasses import replace

    return replace(clock.read(), **changes)
