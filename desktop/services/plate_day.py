"""What already happened today to a plate at the gate, for the guard to read as soon as the plate is
looked up: "08:53 劝返：采样时间52小时前…", "09:20 起在场（① 食堂…）", "09:20 进入，10:05 离开"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from desktop.domain.clock import utc
from desktop.domain.dates import site_zone
from desktop.domain.identity import InputError, normalize_plate
from desktop.domain.stored_words import english
from desktop.i18n import t
from desktop.store.models import Arrival, UnloadingPoint

LOOKBACK = timedelta(hours=12)


@dataclass(frozen=True)
class Happened:
    arrival_id: int
    at: datetime
    status: str  # the arrival's status: checking / admitted / handoff / refused / cancelled / exited
    words: str


@dataclass(frozen=True)
class PlateDay:
    plate: str
    events: tuple[Happened, ...]  # oldest first

    @property
    def last(self) -> Happened | None:
        return self.events[-1] if self.events else None

    @property
    def refused(self) -> Happened | None:
        """Today's latest visit, when it ended in a refusal (the gate must not look green again)."""
        return self.last if self.last is not None and self.last.status == "refused" else None

    def text(self) -> str:
        return "；".join(e.words for e in self.events)


def _hm(at: datetime | None) -> str:
    return utc(at).astimezone(site_zone()).strftime("%H:%M") if at else "—"


def _words(session: Session, a: Arrival) -> str:
    came = _hm(a.arrived_at)
    if a.status == "refused":
        return t("{h} 劝返：{r}", "{h} refused: {r}", h=_hm(a.decided_at or a.arrived_at), r=english(a.decision_reason) or "—")
    if a.status == "cancelled":
        return t("{h} 登记，{c} 撤销：{r}", "{h} checked in, {c} cancelled: {r}", h=came, c=_hm(a.cancelled_at),
                 r=a.cancel_reason or "—")
    if a.status == "checking":
        return t("{h} 登记，查验中", "{h} checked in, being checked", h=came)
    point = session.get(UnloadingPoint, a.unloading_point_id) if a.unloading_point_id else None
    where = f"{point.code} {point.name}" if point else ""
    if a.status == "admitted":
        return t("{h} 起在场（{u}）", "inside since {h} ({u})", h=_hm(a.decided_at or a.arrived_at), u=where or "—")
    if a.status == "handoff":
        return t("{h} 转接驳区", "{h} sent to the handoff zone", h=_hm(a.decided_at or a.arrived_at))
    went = t("进入", "entered") if a.decision == "enter" else t("接驳", "handoff")
    return t("{h} {w}，{x} 离开", "{h} {w}, left at {x}", h=_hm(a.decided_at or a.arrived_at), w=went,
             x=_hm(a.exited_at))


def for_plate(session: Session, *, plate: str, now: datetime) -> PlateDay:
    """The visits of `plate` since the start of the site's day, oldest first — and never fewer than
    the last `LOOKBACK` hours, so a van refused at 23:50 is still shown refused when it comes back at
    00:20. An unreadable plate has none."""
    try:
        plate = normalize_plate(plate)
    except InputError:
        return PlateDay(plate, ())
    day = now.astimezone(site_zone()).date()
    midnight = datetime.combine(day, datetime.min.time(), tzinfo=site_zone())
    start = min(midnight, now - LOOKBACK)
    rows = session.exec(select(Arrival).where(Arrival.plate == plate, col(Arrival.arrived_at) >= start,
                                              col(Arrival.arrived_at) < midnight + timedelta(days=1))
                        .order_by(col(Arrival.arrived_at), col(Arrival.id))).all()
    return PlateDay(plate, tuple(Happened(a.id or 0, utc(a.arrived_at), a.status, _dated(session, a, midnight))
                                 for a in rows))


def _dated(session: Session, a: Arrival, midnight: datetime) -> str:
    """The words of a visit, marked "yesterday" when it began before the site's midnight."""
    words = _words(session, a)
    return t("昨日 {w}", "yesterday {w}", w=words) if utc(a.arrived_at) < midnight else words
