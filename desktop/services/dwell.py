"""Dwell timers: started by a finished disinfection, shown on the board, released by the handoff.

Nothing here counts down. A timer row keeps its start (wall, monotonic, boot, machine, and the
database server's clock where there is one); what remains is derived by `desktop.domain.dwell`
— whose docstring says which clocks are trusted for what — from the clock reading passed in and
the ClockMark table, which `observe` keeps up to date and which is how a wall-clock jump gets
noticed and audited.

ClockMark rows are *segments*: readings of one machine-boot, numbered by a database-wide sequence.
On SQLite (no server clock) a station starts a new segment whenever another machine-boot wrote a
mark since its own last one, and takes that segment's first reading only once it holds the write
lock, so segments are ordered in real time and a timer from another machine can be proved by
monotonic clocks alone. On PostgreSQL the server's clock does that job, so each machine-boot keeps
one row and the table stays small however many stations refresh.

The handoff station calls `release_status` before it lets goods go, `clock_check(...).require()`
(a station whose wall clock is off the server's may not release) and `mark_released` inside its
own release transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, select

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
from desktop.store.prepared import Prepared
from desktop.store.sqlhints import not_by_index

MINUTES_KEY = "disinfection.dwell_minutes"
OVERDUE_KEY = "disinfection.overdue_minutes"
RELEASE_STATES = ("needs_disinfection", "dwelling", "ready", "recalled", "released")


# --- clock marks ----------------------------------------------------------------------------------

_MARKS = "dwell_clock_marks"  # session.info cache: one load per transaction, dropped by observe


def _marks(session: Session) -> list[Any]:
    """Every clock mark, as Core rows (attributes as on ClockMark): read once per transaction on the
    scan path, where loading them as ORM objects cost more than the rest of the dwell check."""
    if _MARKS not in session.info:
        session.info[_MARKS] = _ALL_MARKS.rows(session.connection())
    rows: list[Any] = session.info[_MARKS]
    return rows


def _segmented(session: Session) -> bool:
    """Whether marks are kept as ordered segments: wherever there is no server clock."""
    return session.get_bind().dialect.name != "postgresql"


def _server_clock(session: Session) -> datetime | None:
    if _segmented(session):
        return None
    value = session.connection().exec_driver_sql("SELECT clock_timestamp()").scalar()
    return utc(value) if isinstance(value, datetime) else None


def server_now(session: Session, reading: ClockReading) -> datetime | None:
    """The database server's clock (PostgreSQL), or None where the database has none (SQLite).

    Also None for a reading of no machine (machine_id "": the demo's and tests' simulated clocks):
    their time is made up, so the server's real clock is neither recorded nor compared with it."""
    return _server_clock(session) if reading.machine_id else None


def spans(session: Session, machine_id: str = "") -> dict[str, dwell.BootSpan]:
    """One machine's boots, each with its first and last reading (over all its segments)."""
    out: dict[str, dwell.BootSpan] = {}
    for m in _marks(session):
        if m.machine_id != machine_id:
            continue
        seen = out.get(m.boot_id)
        first = (m.first_wall, m.first_mono) if seen is None or m.first_mono < seen.first_mono \
            else (seen.first_wall, seen.first_mono)
        last = (m.last_wall, m.last_mono) if seen is None or m.last_mono > seen.last_mono \
            else (seen.last_wall, seen.last_mono)
        out[m.boot_id] = dwell.BootSpan(m.boot_id, utc(first[0]), first[1], utc(last[0]), last[1])
    return out


def segments(session: Session) -> list[dwell.Segment]:
    """Every machine's segments, for proofs across machines (none where marks are not segments)."""
    if not _segmented(session):
        return []
    return [dwell.Segment(m.machine_id, m.boot_id, m.first_mono, m.first_seq, m.last_mono, m.last_seq)
            for m in _marks(session)]


@dataclass(frozen=True)
class _Witnesses:
    """What the clocks other than the reading itself say, read *before* the reading is taken (a
    reading taken after the marks were read is later than every reading in them)."""

    spans: dict[str, dwell.BootSpan]
    segments: list[dwell.Segment]
    server_now: datetime | None


def _witnesses(session: Session, reading: ClockReading, server: datetime | None = None) -> _Witnesses:
    server = server if server is not None else server_now(session, reading)
    return _Witnesses(spans(session, reading.machine_id), segments(session), server if reading.machine_id else None)


def _read(session: Session, clock: Clock) -> tuple[ClockReading, _Witnesses]:
    _marks(session)
    server = _server_clock(session)  # before the reading: the server's witness can only come out short
    reading = clock.read()
    return reading, _witnesses(session, reading, server)


@internal("a clock reading taken inside a checked use case")
def observe(session: Session, *, actor: Actor, reading: ClockReading, clock: Clock | None = None) -> float:
    """Remember this reading for its machine and boot; audit a wall-clock jump ("clock.jump").
    Returns the jump in seconds (0.0 when none). Timers are unaffected: within a boot they follow
    the monotonic clock. Given the clock, a new segment's first reading is taken afresh, now that
    this transaction holds the write lock (see the module docstring)."""
    session.info.pop(_MARKS, None)
    conn = session.connection()  # Core statements built once: this runs in every scan
    own = _OWN_MARK.first(conn, {"machine_id": reading.machine_id, "boot_id": reading.boot_id})
    top = (own.top if own is not None else conn.execute(_TOP_SEQ).scalar()) or 0  # one read on the usual path
    before = dwell.BootSpan(own.boot_id, utc(own.first_wall), own.first_mono, utc(own.last_wall),
                            own.last_mono) if own else None
    jump = dwell.wall_jump(before, reading)
    if own is None or (_segmented(session) and own.last_seq != top):
        fresh = clock.read() if clock is not None else reading
        if (fresh.machine_id, fresh.boot_id) != (reading.machine_id, reading.boot_id) or fresh.mono < reading.mono:
            fresh = reading
        conn.execute(_NEW_MARK, {"machine_id": reading.machine_id, "boot_id": reading.boot_id,
                                 "first_wall": fresh.wall, "first_mono": fresh.mono, "first_seq": top + 1,
                                 "last_wall": fresh.wall, "last_mono": fresh.mono, "last_seq": top + 1})
    elif reading.mono >= own.last_mono:  # else a stale reading from another thread: keep the later one
        _MOVE_MARK.run(conn, {"mark_id": own.id, "last_wall": reading.wall, "last_mono": reading.mono,
                                  "last_seq": top + 1})
    session.flush()
    if dwell.is_jump(jump) and before is not None:
        audit.record(session, actor=actor, action="clock.jump", at=reading.wall, entity="clock",
                     entity_id=reading.boot_id,
                     data={"jump_seconds": round(jump, 3), "wall_before": before.last_wall.isoformat(),
                           "wall_after": reading.wall.isoformat(), "machine_id": reading.machine_id,
                           "mono_seconds_between": round(reading.mono - before.last_mono, 3)})
        return jump
    return 0.0


_CM = ClockMark.__table__  # type: ignore[attr-defined]
_TOP_SEQ = sa_select(func.max(_CM.c.last_seq))
_OWN_MARK = Prepared(
    sa_select(_CM.c.id, _CM.c.boot_id, _CM.c.first_wall, _CM.c.first_mono, _CM.c.last_wall, _CM.c.last_mono,
              _CM.c.last_seq, _TOP_SEQ.scalar_subquery().label("top"))
             .where(_CM.c.machine_id == bindparam("machine_id"), _CM.c.boot_id == bindparam("boot_id"))
             .order_by(_CM.c.last_seq.desc(), _CM.c.id.desc()).limit(1))
_ALL_MARKS = Prepared(sa_select(*_CM.c).order_by(_CM.c.id))
_NEW_MARK = insert(_CM)
_MOVE_MARK = Prepared(update(_CM).where(_CM.c.id == bindparam("mark_id")))


@dataclass(frozen=True)
class ClockCheck:
    """This station's wall clock against the database server's."""

    skew_s: float | None  # station minus server, seconds; None where the database has no clock

    @property
    def ok(self) -> bool:
        return not dwell.skewed(self.skew_s)

    @property
    def message(self) -> str:
        """A plain warning for the status bar ("" when the clocks agree)."""
        if self.ok or self.skew_s is None:
            return ""
        m, s = divmod(int(abs(self.skew_s) + 0.5), 60)
        ahead = self.skew_s > 0
        return t("本机时钟比数据库服务器{d}了 {m} 分 {s} 秒（超过 {lim} 秒）：本机不能放行物资。请校准本机时间。",
                 "This station's clock is {m} min {s} s {d} the database server's (more than {lim} s): it cannot "
                 "release goods. Set this computer's clock right.",
                 d=t("快", "ahead of") if ahead else t("慢", "behind"), m=m, s=s, lim=int(dwell.MAX_SKEW_S))

    def require(self) -> None:
        """Refuse a release ("clock_skew") from a station whose clock is off the server's."""
        if not self.ok:
            raise ServiceError("clock_skew", self.message)


@requires(ANY_OPERATOR)
def clock_check(session: Session, *, actor: Actor, clock: Clock) -> ClockCheck:
    """Note this station's clock (a mark that lets timers from other machines be proved later) and
    compare its wall clock with the database server's. For the status bar, and the release path."""
    reading = clock.read()
    observe(session, actor=actor, reading=reading, clock=clock)
    now = clock.read()
    return ClockCheck(dwell.skew(now, server_now(session, now)))


# --- settings -------------------------------------------------------------------------------------


def dwell_minutes(session: Session) -> int:
    """The one dwell time of the site (the setting; policy levels have none of their own)."""
    from desktop.services import settings

    return int(settings.value(session, MINUTES_KEY))


def overdue_minutes(session: Session) -> int:
    from desktop.services import settings

    return int(settings.value(session, OVERDUE_KEY))


# --- timers ---------------------------------------------------------------------------------------


def _start_of(timer: DwellTimer) -> dwell.TimerStart:
    server = utc(timer.started_server) if timer.started_server is not None else None
    return dwell.TimerStart(utc(timer.started_wall), timer.started_mono, timer.boot_id, timer.minutes,
                            timer.machine_id, server)


def _deadline(timer: DwellTimer, reading: ClockReading, w: _Witnesses) -> float:
    if timer.completed_at is not None and timer.early_by:
        return dwell.completed_deadline(utc(timer.completed_at), reading)
    deadline = dwell.deadline_mono(_start_of(timer), reading=reading, spans=w.spans, segments=w.segments,
                                   server_now=w.server_now)
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
                ended_at: datetime, minutes: int | None = None, clock: Clock | None = None) -> DwellTimer:
    """Start the dwell of a finished disinfection. A disinfection that ended a little before it was
    recorded starts its dwell at its end, measured back on the monotonic clock (and the server's)."""
    observe(session, actor=actor, reading=reading, clock=clock)
    minutes = minutes or dwell_minutes(session)
    ago = max(0.0, (reading.wall - ended_at).total_seconds())
    server = server_now(session, reading)
    timer = DwellTimer(disinfection_id=disinfection_id, minutes=minutes, started_wall=reading.wall - timedelta(seconds=ago),
                       started_mono=reading.mono - ago, boot_id=reading.boot_id, machine_id=reading.machine_id,
                       started_server=server - timedelta(seconds=ago) if server else None, state="running")
    session.add(timer)
    session.flush()
    audit.record(session, actor=actor, action="dwell.start", at=reading.wall, entity="dwell_timer",
                 entity_id=timer.id, data={"disinfection_id": disinfection_id, "minutes": minutes,
                                           "started_wall": timer.started_wall.isoformat(),
                                           "started_mono": round(timer.started_mono, 3), "boot_id": reading.boot_id,
                                           "machine_id": reading.machine_id,
                                           "started_server": server.isoformat() if server else None})
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
    witnesses = _witnesses(session, reading)
    done = []
    for timer in session.exec(select(DwellTimer).where(DwellTimer.state == "running")).all():
        deadline = _deadline(timer, reading, witnesses)
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
    observe(session, actor=actor, reading=reading, clock=clock)
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
    observe(session, actor=actor, reading=reading, clock=clock)
    timer = _timer(session, timer_id)
    if timer.state != "running":
        raise ServiceError("not_running", t("该静置已结束或已停止。", "That dwell is no longer running."))
    if _deadline(timer, reading, _witnesses(session, reading)) <= reading.mono:
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
        .order_by(not_by_index(col(Disinfection.ended_at)).desc(), col(Disinfection.id).desc())  # by its items
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
    return timed_status(session, timer, clock)


def timed_status(session: Session, timer: DwellTimer, clock: Clock) -> ReleaseStatus:
    """Ready or still dwelling, for a running or complete timer (read from the ORM or a Core row)."""
    reading, witnesses = _read(session, clock)
    deadline = _deadline(timer, reading, witnesses)
    left = max(0.0, deadline - reading.mono)
    when = utc(timer.completed_at) if timer.completed_at else dwell.ready_at(deadline, reading)
    if timer.state == "complete" or left <= 0:
        return ReleaseStatus("ready", timedelta(0), when, timer.id)
    return ReleaseStatus("dwelling", timedelta(seconds=left), when, timer.id)


@internal("called by handoff.scan, which checks RELEASE")
def mark_released(session: Session, *, consignment_id: int, actor: Actor, now: datetime,
                  clock: Clock | None = None) -> None:
    """The handoff moved these goods on (call inside its release transaction, after
    `release_status` said "ready"). The consignment becomes "released"; its timer is marked released
    once every consignment it covered has gone. Given a clock, a dwell not yet over, or a station
    whose clock is off the server's ("clock_skew"), is refused."""
    latest = latest_disinfection(session, consignment_id)
    if latest is None or latest[1] is None:
        raise ServiceError("not_disinfected", t("该批物资尚未消杀，不能放行。", "These goods have not been disinfected."))
    disinfection, timer = latest
    if disinfection.recalled_at is not None or timer is None or timer.state == "stopped":
        raise ServiceError("recalled", t("该批物资的消杀已被召回，须重新消杀。",
                                         "The disinfection of these goods was recalled; disinfect them again."))
    if clock is not None:
        now_reading = clock.read()
        ClockCheck(dwell.skew(now_reading, server_now(session, now_reading))).require()
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
    return _describe(d, arrival.plate if arrival else None, items)


def _describe(d: Disinfection, plate: str | None, items: list[Consignment]) -> tuple[str, str]:
    label = plate or "、".join(c.description or c.category for c in items[:2]) or "—"
    if plate is None and len(items) > 2:
        label += t(" 等{n}批", " +{n}", n=len(items) - 2)
    place = {"gate": t("卡口", "gate"), "unloading_point": t("卸货点", "unloading point"),
             "handoff_zone": t("接驳区", "handoff zone"), "transit": t("中转站", "transit")}.get(d.location, d.location)
    detail = t("{p} 第{r}次 · {n}批物资", "{p} round {r} · {n} consignments", p=place, r=d.round, n=len(items))
    return label, detail


def _on_board(session: Session) -> list[tuple[DwellTimer, Disinfection, str | None, list[Consignment]]]:
    """Every timer still on the board with its disinfection, plate and goods: three queries
    whatever the number of timers (the board used to ask a few per timer)."""
    found = session.exec(select(DwellTimer, Disinfection, Arrival.plate)
                         .join(Disinfection, col(Disinfection.id) == DwellTimer.disinfection_id)
                         .join(Arrival, col(Arrival.id) == Disinfection.arrival_id, isouter=True)
                         .where(col(DwellTimer.state).in_(("running", "complete")))).all()
    goods: dict[int, list[Consignment]] = {}
    ids = [d.id for _, d, _ in found]
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        for did, item in session.exec(select(DisinfectionItem.disinfection_id, Consignment)
                                      .join(Consignment, col(Consignment.id) == DisinfectionItem.consignment_id)
                                      .where(col(DisinfectionItem.disinfection_id).in_(chunk))
                                      .order_by(col(DisinfectionItem.consignment_id))).all():
            goods.setdefault(did, []).append(item)
    return [(timer, d, plate, goods.get(d.id or 0, [])) for timer, d, plate in found]


@requires(ANY_OPERATOR)
def board(session: Session, *, actor: Actor, clock: Clock) -> Board:
    """The timers still on the board (running or complete, not yet released), soonest first. Notes
    the clock reading (auditing any jump) and records completions that have come due.

    What the board shows is read first, before the clock mark takes the write lock, so a refresh
    holds other stations' writes up for two small writes, not for the whole read. Most refreshes
    need no write at all: `peek` first, in a read-only transaction."""
    on_board = _on_board(session)
    reading = clock.read()
    jump = observe(session, actor=actor, reading=reading, clock=clock)
    sweep(session, actor=actor, reading=reading)
    witnesses = _witnesses(session, reading)
    return Board(reading.boot_id, _rows(on_board, reading, witnesses), overdue_minutes(session) * 60.0, jump)


MARK_EVERY_S = 60.0  # a board refresh notes its clock at least this often (the window's clock check: 30 s)


@requires(ANY_OPERATOR)
def peek(session: Session, *, actor: Actor, clock: Clock) -> Board | None:
    """The board as `board` shows it, read without writing (safe in a read-only transaction), or
    None when this refresh has something to write — a timer whose dwell is over (its completion is
    recorded), a wall-clock jump (audited), or this station's clock mark missing or older than
    MARK_EVERY_S — and `board` must run in a write transaction instead. A fixed number of queries,
    however many timers are on the board."""
    on_board = _on_board(session)
    reading, witnesses = _read(session, clock)
    own = max((m for m in _marks(session) if (m.machine_id, m.boot_id) == (reading.machine_id, reading.boot_id)),
              key=lambda m: (m.last_seq, m.id or 0), default=None)
    if own is None or not 0 <= reading.mono - own.last_mono < MARK_EVERY_S:
        return None
    before = dwell.BootSpan(own.boot_id, utc(own.first_wall), own.first_mono, utc(own.last_wall), own.last_mono)
    if dwell.is_jump(dwell.wall_jump(before, reading)):
        return None
    rows = _rows(on_board, reading, witnesses)
    running = {timer.id for timer, *_ in on_board if timer.state == "running"}
    if any(r.timer_id in running and r.deadline_mono <= reading.mono for r in rows):
        return None  # sweep would record its completion
    return Board(reading.boot_id, rows, overdue_minutes(session) * 60.0, 0.0)


def _rows(on_board: list[tuple[DwellTimer, Disinfection, str | None, list[Consignment]]], reading: ClockReading,
          witnesses: _Witnesses) -> list[BoardRow]:
    rows = []
    for timer, d, plate, items in on_board:
        label, detail = _describe(d, plate, items)
        rows.append(BoardRow(timer.id or 0, d.id or 0, label, detail, d.location, timer.minutes,
                             utc(timer.started_wall), _deadline(timer, reading, witnesses),
                             timer.acknowledged_at is not None, bool(timer.early_by)))
    rows.sort(key=lambda r: (r.deadline_mono, r.timer_id))
    return rows
