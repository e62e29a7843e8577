"""Dwell timers: started by a finished disinfection, shown on the board, released by the handoff.

Nothing here counts down. A timer row keeps its start (wall, monotonic, boot); what remains is
derived by `desktop.domain.dwell` from the clock reading passed in and the ClockMark table (the
first and last reading seen in each boot), which `observe` keeps up to date and which is how a
wall-clock jump gets noticed and audited.

The handoff station calls `release_status` before it lets goods go, and `mark_released` inside its
own release transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from desktop.domain import dwell
from desktop.domain.clock import Clock, ClockReading, utc
from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import audit, consignments, setup
from desktop.services.authz import ANY_OPERATOR, internal, requires
from desktop.services.context import Actor, ServiceError
from desktop.store.models import (
    Arrival,
    ClockMark,
    Consignment,
    Disinfection,
    DisinfectionItem,
    DwellTimer,
)

MINUTES_KEY = "disinfection.dwell_minutes"
OVERDUE_KEY = "disinfection.overdue_minutes"
RELEASE_STATES = ("needs_disinfection", "dwelling", "ready", "recalled", "released")


# --- clock marks ----------------------------------------------------------------------------------


def spans(session: Session) -> dict[str, dwell.BootSpan]:
    """Every boot's first and last reading (one small row per boot the station has seen)."""
    return {
        m.boot_id: dwell.BootSpan(m.boot_id, utc(m.first_wall), m.first_mono, utc(m.last_wall), m.last_mono)
        for m in session.exec(select(ClockMark)).all()
    }


@internal("a clock reading taken inside a checked use case")
def observe(session: Session, *, actor: Actor, reading: ClockReading) -> float:
    """Remember this reading for its boot; audit a wall-clock jump ("clock.jump"). Returns the jump
    in seconds (0.0 when none). Timers are unaffected: within a boot they follow the monotonic
    clock."""
    row = session.get(ClockMark, reading.boot_id)
    before = dwell.BootSpan(row.boot_id, utc(row.first_wall), row.first_mono, utc(row.last_wall),
                            row.last_mono) if row else None
    jump = dwell.wall_jump(before, reading)
    after = dwell.extend(before, reading)
    if row is None:
        row = ClockMark(boot_id=reading.boot_id, first_wall=after.first_wall, first_mono=after.first_mono,
                        last_wall=after.last_wall, last_mono=after.last_mono)
    else:
        row.last_wall, row.last_mono = after.last_wall, after.last_mono
    session.add(row)
    if dwell.is_jump(jump) and before is not None:
        audit.record(session, actor=actor, action="clock.jump", at=reading.wall, entity="clock",
                     entity_id=reading.boot_id,
                     data={"jump_seconds": round(jump, 3), "wall_before": before.last_wall.isoformat(),
                           "wall_after": reading.wall.isoformat(),
                           "mono_seconds_between": round(reading.mono - before.last_mono, 3)})
        return jump
    return 0.0


# --- settings -------------------------------------------------------------------------------------


def dwell_minutes(session: Session) -> int:
    value = setup.get_setting(session, MINUTES_KEY, dwell.DEFAULT_MINUTES)
    return int(value) if isinstance(value, int | float) and value > 0 else dwell.DEFAULT_MINUTES


def overdue_minutes(session: Session) -> int:
    value = setup.get_setting(session, OVERDUE_KEY, dwell.DEFAULT_OVERDUE_MINUTES)
    return int(value) if isinstance(value, int | float) and value > 0 else dwell.DEFAULT_OVERDUE_MINUTES


# --- timers ---------------------------------------------------------------------------------------


def _start_of(timer: DwellTimer) -> dwell.TimerStart:
    return dwell.TimerStart(utc(timer.started_wall), timer.started_mono, timer.boot_id, timer.minutes)


def _deadline(timer: DwellTimer, reading: ClockReading, marks: dict[str, dwell.BootSpan]) -> float:
    if timer.completed_at is not None and timer.early_by:
        return dwell.completed_deadline(utc(timer.completed_at), reading)
    deadline = dwell.deadline_mono(_start_of(timer), reading=reading, spans=marks)
    if timer.completed_at is not None:
        # once seen complete it stays complete, whatever a later reboot lets us prove
        deadline = min(deadline, dwell.completed_deadline(utc(timer.completed_at), reading), reading.mono)
    return deadline


def covered(session: Session, disinfection_id: int) -> list[int]:
    rows = session.exec(select(DisinfectionItem.consignment_id)
                        .where(DisinfectionItem.disinfection_id == disinfection_id)
                        .order_by(col(DisinfectionItem.consignment_id))).all()
    return list(rows)


@internal("started by disinfection.record")
def start_timer(session: Session, *, actor: Actor, reading: ClockReading, disinfection_id: int,
                ended_at: datetime, minutes: int | None = None) -> DwellTimer:
    """Start the dwell of a finished disinfection. A disinfection that ended a little before it was
    recorded starts its dwell at its end, measured back on the monotonic clock."""
    observe(session, actor=actor, reading=reading)
    minutes = minutes or dwell_minutes(session)
    ago = max(0.0, (reading.wall - ended_at).total_seconds())
    timer = DwellTimer(disinfection_id=disinfection_id, minutes=minutes, started_wall=reading.wall - timedelta(seconds=ago),
                       started_mono=reading.mono - ago, boot_id=reading.boot_id, state="running")
    session.add(timer)
    session.flush()
    audit.record(session, actor=actor, action="dwell.start", at=reading.wall, entity="dwell_timer",
                 entity_id=timer.id, data={"disinfection_id": disinfection_id, "minutes": minutes,
                                           "started_wall": timer.started_wall.isoformat(),
                                           "started_mono": round(timer.started_mono, 3), "boot_id": reading.boot_id})
    return timer


def _complete(session: Session, timer: DwellTimer, *, actor: Actor, at: datetime, early_by: str | None = None,
              reason: str = "") -> None:
    timer.state, timer.completed_at = "complete", at
    if early_by:
        timer.early_by, timer.early_reason = early_by, reason
    session.add(timer)
    audit.record(session, actor=actor, action="dwell.complete_early" if early_by else "dwell.complete", at=at,
                 entity="dwell_timer", entity_id=timer.id,
                 data={"early_by": early_by, "reason": reason} if early_by else {})
    for cid in covered(session, timer.disinfection_id):
        row = session.get(Consignment, cid)
        if row is not None and row.state == "dwelling":
            consignments.set_state(session, actor=actor, now=at, consignment_id=cid, state="ready",
                                   reason="dwell complete")


@requires(ANY_OPERATOR)
def sweep(session: Session, *, actor: Actor, reading: ClockReading) -> list[int]:
    """Record the completion of every running timer whose dwell is over; their goods become ready."""
    marks = spans(session)
    done = []
    for timer in session.exec(select(DwellTimer).where(DwellTimer.state == "running")).all():
        deadline = _deadline(timer, reading, marks)
        if deadline <= reading.mono:
            _complete(session, timer, actor=actor, at=dwell.ready_at(deadline, reading))
            done.append(timer.id or 0)
    return done


@internal("stopped by disinfection.recall")
def stop(session: Session, *, actor: Actor, now: datetime, timer: DwellTimer, reason: str) -> None:
    """A timer that no longer counts (its disinfection recalled, or superseded by a newer one)."""
    timer.state, timer.stopped_reason = "stopped", reason
    session.add(timer)
    audit.record(session, actor=actor, action="dwell.stop", at=now, entity="dwell_timer", entity_id=timer.id,
                 data={"reason": reason})


def _timer(session: Session, timer_id: int) -> DwellTimer:
    timer = session.get(DwellTimer, timer_id)
    if timer is None:
        raise ServiceError("unknown_timer", t("找不到该静置计时。", "No such dwell timer."))
    return timer


@requires(Permission.DWELL_ACK)
def acknowledge(session: Session, *, actor: Actor, clock: Clock, timer_ids: list[int]) -> int:
    """The team has seen that these timers completed: the alarm for them stops. Returns how many."""
    reading = clock.read()
    observe(session, actor=actor, reading=reading)
    sweep(session, actor=actor, reading=reading)
    count = 0
    for timer_id in timer_ids:
        timer = _timer(session, timer_id)
        if timer.state == "running":
            raise ServiceError("not_complete", t("静置尚未完成，不能确认。", "The dwell is not complete yet."))
        if timer.acknowledged_at is None:
            timer.acknowledged_at, timer.acknowledged_by = reading.wall, actor.operator
            session.add(timer)
            audit.record(session, actor=actor, action="dwell.acknowledge", at=reading.wall, entity="dwell_timer",
                         entity_id=timer_id)
            count += 1
    return count


@requires(Permission.DISINFECT)
def complete_early(session: Session, *, actor: Actor, clock: Clock, timer_id: int, supervisor: str, pin: str,
                   reason: str) -> None:
    """End a dwell before its time: only a supervisor, only with a reason."""
    if not reason.strip():
        raise ServiceError("missing_reason", t("提前结束静置必须填写原因。", "Give a reason for ending the dwell early."))
    boss = setup.verify_supervisor(session, username=supervisor, pin=pin, actor=actor, now=clock.now(),
                                  permission=Permission.DWELL_END_EARLY)
    reading = clock.read()
    observe(session, actor=actor, reading=reading)
    timer = _timer(session, timer_id)
    if timer.state != "running":
        raise ServiceError("not_running", t("该静置已结束或已停止。", "That dwell is no longer running."))
    if _deadline(timer, reading, spans(session)) <= reading.mono:
        _complete(session, timer, actor=actor, at=reading.wall)
        return
    # decided at the station, so nobody needs alarming about it
    timer.acknowledged_at, timer.acknowledged_by = reading.wall, actor.operator
    _complete(session, timer, actor=actor, at=reading.wall, early_by=boss.username, reason=reason.strip())


# --- the handoff's questions ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReleaseStatus:
    state: str  # needs_disinfection / dwelling / ready / recalled / released
    remaining: timedelta | None
    ready_at: datetime | None  # UTC
    timer_id: int | None


def latest_disinfection(session: Session, consignment_id: int) -> tuple[Disinfection, DwellTimer | None] | None:
    row = session.exec(
        select(Disinfection).join(DisinfectionItem, col(DisinfectionItem.disinfection_id) == col(Disinfection.id))
        .where(DisinfectionItem.consignment_id == consignment_id)
        .order_by(col(Disinfection.ended_at).desc(), col(Disinfection.id).desc())
    ).first()
    if row is None:
        return None
    timer = session.exec(select(DwellTimer).where(DwellTimer.disinfection_id == row.id)).first()
    return row, timer


def release_status(session: Session, *, consignment_id: int, clock: Clock) -> ReleaseStatus:
    """May these goods be moved on? Reads only; safe in a read-only session."""
    goods = session.get(Consignment, consignment_id)
    if goods is None:
        raise ServiceError("unknown_consignment", t("找不到该批物资。", "No such consignment."))
    latest = latest_disinfection(session, consignment_id)
    timer_id = latest[1].id if latest and latest[1] else None
    if goods.state in ("released", "delivered"):
        return ReleaseStatus("released", None, None, timer_id)
    if latest is None:
        return ReleaseStatus("needs_disinfection", None, None, None)
    disinfection, timer = latest
    if disinfection.recalled_at is not None:
        return ReleaseStatus("recalled", None, None, timer_id)
    if timer is None or timer.state == "stopped":
        return ReleaseStatus("needs_disinfection", None, None, timer_id)
    if timer.state == "released":
        return ReleaseStatus("released", None, None, timer_id)
    reading = clock.read()
    deadline = _deadline(timer, reading, spans(session))
    left = max(0.0, deadline - reading.mono)
    when = utc(timer.completed_at) if timer.completed_at else dwell.ready_at(deadline, reading)
    if timer.state == "complete" or left <= 0:
        return ReleaseStatus("ready", timedelta(0), when, timer_id)
    return ReleaseStatus("dwelling", timedelta(seconds=left), when, timer_id)


@internal("called by handoff.scan, which checks RELEASE")
def mark_released(session: Session, *, consignment_id: int, actor: Actor, now: datetime,
                  clock: Clock | None = None) -> None:
    """The handoff moved these goods on (call inside its release transaction, after
    `release_status` said "ready"). The consignment becomes "released"; its timer is marked released
    once every consignment it covered has gone. Given a clock, a dwell not yet over is refused."""
    latest = latest_disinfection(session, consignment_id)
    if latest is None or latest[1] is None:
        raise ServiceError("not_disinfected", t("该批物资尚未消杀，不能放行。", "These goods have not been disinfected."))
    disinfection, timer = latest
    if disinfection.recalled_at is not None or timer is None or timer.state == "stopped":
        raise ServiceError("recalled", t("该批物资的消杀已被召回，须重新消杀。",
                                         "The disinfection of these goods was recalled; disinfect them again."))
    if clock is not None:
        status = release_status(session, consignment_id=consignment_id, clock=clock)
        if status.state == "dwelling":
            raise ServiceError("not_ready", t("静置尚未完成，还需 {m} 分钟。", "The dwell is not over: {m} min to go.",
                                              m=int((status.remaining or timedelta(0)).total_seconds() // 60) + 1))
    consignments.set_state(session, actor=actor, now=now, consignment_id=consignment_id, state="released",
                           reason="handoff release")
    if timer.state == "running":  # complete by time but not yet swept
        timer.state, timer.completed_at = "complete", timer.completed_at or now
    pending = [cid for cid in covered(session, disinfection.id or 0)
               if (c := session.get(Consignment, cid)) is not None and c.state not in ("released", "delivered")]
    if not pending:
        timer.state, timer.released_at, timer.released_by = "released", now, actor.operator
    session.add(timer)
    audit.record(session, actor=actor, action="dwell.release", at=now, entity="dwell_timer", entity_id=timer.id,
                 data={"consignment_id": consignment_id, "timer_released": not pending})


# --- the board --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BoardRow:
    timer_id: int
    disinfection_id: int
    label: str  # plate, or what the goods are
    detail: str  # where, which round, how many consignments
    location: str
    minutes: int
    started_wall: datetime
    deadline_mono: float  # on the board's boot (Board.boot_id) monotonic clock
    acknowledged: bool
    early: bool


@dataclass(frozen=True)
class Board:
    """A snapshot for the board widget: it derives each row's time left from `deadline_mono` and
    the clock's monotonic reading at every paint, while `boot_id` still matches."""

    boot_id: str
    rows: list[BoardRow]  # soonest first
    overdue_s: float
    jump_seconds: float


def describe(session: Session, d: Disinfection, goods: list[int]) -> tuple[str, str]:
    arrival = session.get(Arrival, d.arrival_id) if d.arrival_id else None
    items = [c for cid in goods if (c := session.get(Consignment, cid)) is not None]
    label = arrival.plate if arrival else "、".join(c.description or c.category for c in items[:2]) or "—"
    if arrival is None and len(items) > 2:
        label += t(" 等{n}批", " +{n}", n=len(items) - 2)
    place = {"gate": t("卡口", "gate"), "unloading_point": t("卸货点", "unloading point"),
             "handoff_zone": t("接驳区", "handoff zone"), "transit": t("中转站", "transit")}.get(d.location, d.location)
    detail = t("{p} 第{r}次 · {n}批物资", "{p} round {r} · {n} consignments", p=place, r=d.round, n=len(items))
    return label, detail


@requires(ANY_OPERATOR)
def board(session: Session, *, actor: Actor, clock: Clock) -> Board:
    """The timers still on the board (running or complete, not yet released), soonest first. Notes
    the clock reading (auditing any jump) and records completions that have come due."""
    reading = clock.read()
    jump = observe(session, actor=actor, reading=reading)
    sweep(session, actor=actor, reading=reading)
    marks = spans(session)
    rows = []
    timers = session.exec(select(DwellTimer).where(col(DwellTimer.state).in_(("running", "complete")))).all()
    for timer in timers:
        d = session.get(Disinfection, timer.disinfection_id)
        if d is None:
            continue
        label, detail = describe(session, d, covered(session, d.id or 0))
        rows.append(BoardRow(timer.id or 0, d.id or 0, label, detail, d.location, timer.minutes,
                             utc(timer.started_wall), _deadline(timer, reading, marks),
                             timer.acknowledged_at is not None, bool(timer.early_by)))
    rows.sort(key=lambda r: (r.deadline_mono, r.timer_id))
    return Board(reading.boot_id, rows, overdue_minutes(session) * 60.0, jump)
