"""Community cadence (社区团购节奏): an order round every `households.order_round_days` days (3 by
default), the households of the register that missed a round, and the phone check (电话问询) each
special-needs household is due every round.

A round is a run of N site-local days. The first round starts on the site-local day of the first
order ever imported (or, before any order, of the first household registered); round k covers the
days [first + kN, first + (k+1)N), from the site's midnight to the site's midnight, whatever zone
the laptop is in. A household placed an order in a round when an order for its building, unit and
room was imported during it (`register.key_of`).

A special-needs household's call is done for the round once someone reached it (reached_ok, or
reached_needs_help with a note of what is needed); a call that did not get through leaves it due.
It is overdue when the previous round had no call that reached it either. Every call is a
PhoneCheck row naming who called (the signed-in operator) and an audit event (no note text in the
event: what a household needs may be about health; the note itself expires with `retention.days`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, col, func, select

from desktop.domain import limits
from desktop.domain.localtime import site_today, site_tz
from desktop.domain.masking import mask_phone
from desktop.domain.permissions import Permission
from desktop.domain.text import too_long
from desktop.i18n import t
from desktop.services import audit, register, settings
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError
from desktop.services.households import natural
from desktop.store.models import Household, HouseholdOrder, Operator, PhoneCheck

ROUND_DAYS_KEY = "households.order_round_days"
REACHED_OK, NEEDS_HELP, NOT_REACHED = "reached_ok", "reached_needs_help", "not_reached"
OUTCOMES = (REACHED_OK, NEEDS_HELP, NOT_REACHED)
REACHED = (REACHED_OK, NEEDS_HELP)


def outcome_text(outcome: str) -> str:
    return {REACHED_OK: t("已接通，一切正常", "reached, all well"),
            NEEDS_HELP: t("已接通，需要帮助", "reached, needs help"),
            NOT_REACHED: t("未接通", "not reached")}.get(outcome, outcome)


@dataclass(frozen=True)
class Round:
    index: int  # 0 = the first round
    days: int
    first_day: date  # site-local
    last_day: date  # site-local, inclusive

    @property
    def starts_at(self) -> datetime:
        return _midnight(self.first_day)

    @property
    def ends_at(self) -> datetime:  # exclusive
        return _midnight(self.last_day + timedelta(days=1))

    def previous(self) -> Round:
        first = self.first_day - timedelta(days=self.days)
        return Round(self.index - 1, self.days, first, self.first_day - timedelta(days=1))

    def text(self) -> str:
        return t("第{n}轮 {a:%m月%d日}–{b:%m月%d日}（每{d}天一轮）", "round {n}: {a:%d %b}–{b:%d %b} (every {d} days)",
                 n=self.index + 1, a=self.first_day, b=self.last_day, d=self.days)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=site_tz()).astimezone(UTC)


def _round(day: date, anchor: date, days: int) -> Round:
    k = (day - anchor).days // days
    first = anchor + timedelta(days=k * days)
    return Round(k, days, first, first + timedelta(days=days - 1))


def anchor_day(session: Session, now: datetime) -> date:
    """The first round's first day: the first order's site-local day (else the first household's, else today)."""
    for column in (HouseholdOrder.created_at, Household.created_at):
        first = session.exec(select(func.min(column))).first()
        if first is not None:
            return site_today(first if first.tzinfo else first.replace(tzinfo=UTC))
    return site_today(now)


def current_round(session: Session, now: datetime) -> Round:
    """The round `now` falls in (site-local days)."""
    days = int(settings.value(session, ROUND_DAYS_KEY))
    return _round(site_today(now), anchor_day(session, now), days)


# --- who ordered ------------------------------------------------------------------------------


def _ordered(session: Session, rnd: Round) -> set[str]:
    rows = session.exec(select(HouseholdOrder.building, HouseholdOrder.unit, HouseholdOrder.room)
                        .where(HouseholdOrder.created_at >= rnd.starts_at)
                        .where(HouseholdOrder.created_at < rnd.ends_at)).all()
    return {register.key_of(b, u, r) for b, u, r in rows}


@dataclass(frozen=True)
class MissedRow:
    household_id: int
    community: str
    building: str
    unit: str
    room: str
    contact: str
    phone: str  # masked
    special_needs: bool
    also_previous: bool  # missed the round before too

    @property
    def address(self) -> str:
        return " ".join(x for x in (self.building, self.unit, self.room) if x)


def _sort_key(h: Household) -> tuple[object, ...]:
    return natural(h.building), natural(h.unit), natural(h.room)


def missed(session: Session, rnd: Round) -> list[MissedRow]:
    """Households of the register (registered before the round ended) that placed no order in it,
    in building order; `also_previous` marks those that missed the round before as well."""
    prev = rnd.previous()
    this, before = _ordered(session, rnd), _ordered(session, prev)
    out = []
    for h in sorted(register.households(session), key=_sort_key):
        if h.created_at >= rnd.ends_at or h.key in this:
            continue
        also = h.created_at < prev.ends_at and h.key not in before
        out.append(MissedRow(h.id or 0, h.community, h.building, h.unit, h.room, h.contact_name,
                             mask_phone(h.phone), h.special_needs, also))
    return out


# --- phone checks -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckRow:
    household_id: int
    building: str
    unit: str
    room: str
    contact: str
    phone: str  # masked
    special_note: str
    due: bool  # nobody reached them this round yet
    overdue: bool  # nor in the round before
    attempts: int  # calls this round
    last_at: datetime | None
    last_outcome: str
    last_caller: str
    last_note: str
    last_caller_name: str = ""  # the caller's display name (周敏), for screens

    @property
    def address(self) -> str:
        return " ".join(x for x in (self.building, self.unit, self.room) if x)


def phone_checks(session: Session, now: datetime) -> list[CheckRow]:
    """Every special-needs household of the register with its call state this round: the due
    ones first (overdue first of all), then the ones done, each in building order."""
    rnd = current_round(session, now)
    prev = rnd.previous()
    people = [h for h in register.households(session) if h.special_needs]
    calls: dict[int, list[PhoneCheck]] = {}
    if people:
        query = (select(PhoneCheck).where(col(PhoneCheck.household_id).in_([h.id for h in people]))
                 .where(PhoneCheck.called_at >= prev.starts_at).order_by(col(PhoneCheck.called_at), col(PhoneCheck.id)))
        for c in session.exec(query).all():
            calls.setdefault(c.household_id, []).append(c)
    callers = {c.caller for cs in calls.values() for c in cs}
    names = dict(session.exec(select(Operator.username, Operator.display_name)
                              .where(col(Operator.username).in_(callers))).all()) if callers else {}
    out = []
    for h in people:
        mine = calls.get(h.id or 0, [])
        this = [c for c in mine if c.called_at >= rnd.starts_at]
        earlier = [c for c in mine if c.called_at < rnd.starts_at]
        due = not any(c.outcome in REACHED for c in this)
        overdue = due and h.created_at < rnd.starts_at and not any(c.outcome in REACHED for c in earlier)
        last = mine[-1] if mine else None
        out.append(CheckRow(h.id or 0, h.building, h.unit, h.room, h.contact_name, mask_phone(h.phone),
                            h.special_note, due, overdue, len(this), last.called_at if last else None,
                            last.outcome if last else "", last.caller if last else "", last.note if last else "",
                            names.get(last.caller, last.caller) if last else ""))
    return sorted(out, key=lambda r: (not r.due, not r.overdue, natural(r.building), natural(r.unit),
                                      natural(r.room)))


def due_checks(session: Session, now: datetime) -> list[CheckRow]:
    """The special-needs households still to be reached this round."""
    return [r for r in phone_checks(session, now) if r.due]


@requires(Permission.APPROVALS_EDIT)
def record_check(session: Session, *, actor: Actor, now: datetime, household_id: int, outcome: str,
                 note: str = "") -> PhoneCheck:
    """A call to a special-needs household, made by the signed-in operator now."""
    household = session.get(Household, household_id)
    if household is None or not household.active:
        raise ServiceError("not_found", t("名册中没有这一户。", "That household is not in the register."))
    if outcome not in OUTCOMES:
        raise ServiceError("bad_outcome", t("请选择问询结果。", "Choose how the call went."))
    note = note.strip()
    if (why := too_long(t("备注", "The note"), note, limits.TEXT_MAX)) is not None:
        raise ServiceError("too_long", why)
    if outcome == NEEDS_HELP and not note:
        raise ServiceError("note_required", t("需要帮助时请写明需要什么。", "Say what is needed."))
    check = PhoneCheck(household_id=household_id, called_at=now, caller=actor.operator, outcome=outcome, note=note)
    session.add(check)
    session.flush()
    audit.record(session, actor=actor, action="cadence.phone_check", at=now, entity="phone_check",
                 entity_id=check.id, data={"household_id": household_id, "outcome": outcome,
                                           "phone": mask_phone(household.phone), "noted": bool(note)})
    return check
