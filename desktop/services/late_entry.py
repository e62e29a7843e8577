"""Times a person types for something that already happened (a disinfection's end) must be now-ish:
never in the future, and no more than `gate.late_entry_grace_minutes` ago — otherwise goods would be
"ready" the moment they are recorded. Later than that it is a late entry (补录): a supervisor
records it with a reason (their own act, or another operator's with the supervisor's account and
PIN), and the record says so wherever it is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from desktop.domain.dates import site_zone
from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import authz, settings
from desktop.services.context import Actor, ServiceError

GRACE_KEY = "gate.late_entry_grace_minutes"
AHEAD = timedelta(minutes=1)  # two laptops' clocks need not agree to the second


@dataclass(frozen=True)
class LateEntry:
    minutes: int  # how long after the event it was recorded
    reason: str
    supervisor: str  # who allowed it


@authz.internal("called inside disinfection.record, which checks DISINFECT; a supervisor is checked here")
def check(session: Session, *, actor: Actor, now: datetime, at: datetime, what: str, reason: str = "",
          supervisor: str = "", pin: str = "") -> LateEntry | None:
    """None when `at` is within the grace period; a LateEntry when a supervisor allows a later one;
    otherwise a ServiceError: `time_in_future`, or `late_entry` saying what is needed."""
    hm = at.astimezone(site_zone()).strftime("%H:%M")
    if at > now + AHEAD:
        raise ServiceError("time_in_future", t("{w}时间 {h} 晚于现在，请核对。", "The {w} time {h} is in the future: check it.",
                                               w=what, h=hm))
    grace = int(settings.value(session, GRACE_KEY))
    minutes = int((now - at).total_seconds() // 60)
    if now - at <= timedelta(minutes=grace):
        return None
    if not reason.strip() or not (supervisor.strip() or authz.may(session, actor, Permission.OVERRIDE)):
        raise ServiceError("late_entry", t(
            "{w}时间 {h} 已过去{m}分钟（超过{g}分钟）：只能由督查员补录并填写原因。",
            "The {w} time {h} was {m} minutes ago (more than {g}): only a supervisor can record it late, with a reason.",
            w=what, h=hm, m=minutes, g=grace))
    if supervisor.strip():
        who = authz.authorise(session, actor=actor, username=supervisor, pin=pin, permission=Permission.OVERRIDE,
                              now=now).username
    else:
        who = actor.operator
    return LateEntry(minutes, reason.strip(), who)
