"""Rules as data: one Policy row per management level x risk level, and the level in force.

The level in force is a Setting; changing it (or a policy) is an audit event of its own so the
supervisors' timeline says when the gate tightened and who did it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session, select

from desktop.domain.checks import ALL_CHECKS, PolicyRule, default_policies
from desktop.domain.enums import ManagementLevel, RiskLevel
from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import audit, authz
from desktop.services.authz import ANY_OPERATOR, internal, requires
from desktop.services.context import Actor, ServiceError
from desktop.store.models import Policy, Setting

ACTIVE_KEY = "gate.active_level"


@dataclass(frozen=True)
class ActiveLevel:
    management_level: str
    risk_level: str
    rule: PolicyRule


def _rule(row: Policy) -> PolicyRule:
    return PolicyRule(row.management_level, row.risk_level, tuple(json.loads(row.required_checks)),
                      row.test_valid_hours, row.itinerary_days, row.vehicles_may_enter, row.dwell_minutes)


@internal("writes the built-in rules once; idempotent")
def ensure_defaults(session: Session, *, actor: Actor, now: datetime) -> int:
    """Write the default policy for every level that has none; returns how many were added."""
    have = {(p.management_level, p.risk_level) for p in session.exec(select(Policy)).all()}
    added = 0
    for rule in default_policies():
        if (rule.management_level, rule.risk_level) not in have:
            _save(session, rule)
            audit.record(session, actor=actor, action="policy.add", at=now, entity="policy",
                         entity_id=f"{rule.management_level}/{rule.risk_level}", data=_as_data(rule))
            added += 1
    return added


def _as_data(rule: PolicyRule) -> dict[str, object]:
    return {"required_checks": list(rule.required_checks), "test_valid_hours": rule.test_valid_hours,
            "itinerary_days": rule.itinerary_days, "vehicles_may_enter": rule.vehicles_may_enter,
            "dwell_minutes": rule.dwell_minutes}


def _row(session: Session, management_level: str, risk_level: str) -> Policy | None:
    return session.exec(select(Policy).where(Policy.management_level == management_level,
                                             Policy.risk_level == risk_level)).first()


def _save(session: Session, rule: PolicyRule) -> None:
    row = _row(session, rule.management_level, rule.risk_level) or Policy(
        management_level=rule.management_level, risk_level=rule.risk_level)
    row.required_checks = json.dumps(list(rule.required_checks))
    row.test_valid_hours, row.itinerary_days = rule.test_valid_hours, rule.itinerary_days
    row.vehicles_may_enter, row.dwell_minutes = rule.vehicles_may_enter, rule.dwell_minutes
    session.add(row)
    session.flush()


def _check_level(management_level: str, risk_level: str) -> None:
    if management_level not in {m.value for m in ManagementLevel} or risk_level not in {r.value for r in RiskLevel}:
        raise ServiceError("bad_level", t("未知的管理级别或风险等级：{m}/{r}", "Unknown management or risk level: {m}/{r}",
                                          m=management_level, r=risk_level))


def get_rule(session: Session, management_level: str, risk_level: str) -> PolicyRule:
    """The stored rule, or the built-in default where none is stored yet. Its dwell minutes are the
    site's one dwell time (the `disinfection.dwell_minutes` setting the timers use), whatever the
    policy row's old column says."""
    from desktop.services.dwell import dwell_minutes

    row = _row(session, management_level, risk_level)
    if row is not None:
        return replace(_rule(row), dwell_minutes=dwell_minutes(session))
    for rule in default_policies():
        if (rule.management_level, rule.risk_level) == (management_level, risk_level):
            return replace(rule, dwell_minutes=dwell_minutes(session))
    _check_level(management_level, risk_level)
    raise AssertionError("unreachable")


def list_rules(session: Session) -> list[PolicyRule]:
    return [get_rule(session, r.management_level, r.risk_level) for r in default_policies()]


def active(session: Session) -> ActiveLevel:
    row = session.get(Setting, ACTIVE_KEY)
    value = json.loads(row.value) if row else {}
    m = value.get("management_level", ManagementLevel.PREVENTION.value)
    r = value.get("risk_level", RiskLevel.LOW.value)
    return ActiveLevel(m, r, get_rule(session, m, r))


@requires(ANY_OPERATOR)
def set_active_level(session: Session, *, actor: Actor, now: datetime, management_level: str, risk_level: str,
                     reason: str = "", supervisor: str = "", pin: str = "") -> ActiveLevel:
    """Put a management/risk level in force at this site (audited as policy.level): a supervisor
    at the keyboard, or another person's request authorised by a supervisor's account and PIN."""
    authoriser = None
    if supervisor:
        authoriser = authz.authorise(session, actor=actor, username=supervisor, pin=pin,
                                     permission=Permission.POLICY, now=now).username
    else:
        authz.require(session, actor, Permission.POLICY, now=now, action="set_active_level")
    _check_level(management_level, risk_level)
    ensure_defaults(session, actor=actor, now=now)  # the rules become rows the first time anyone sets a level
    old = active(session)
    value = json.dumps({"management_level": management_level, "risk_level": risk_level})
    row = session.get(Setting, ACTIVE_KEY) or Setting(key=ACTIVE_KEY, value=value, updated_at=now)
    row.value, row.updated_at = value, now
    session.add(row)
    session.flush()
    audit.record(session, actor=actor, action="policy.level", at=now, entity="setting", entity_id=ACTIVE_KEY,
                 data={"from": [old.management_level, old.risk_level], "to": [management_level, risk_level],
                       "reason": reason.strip(), "authoriser": authoriser})
    return active(session)


@requires(Permission.SETTINGS)
def update_rule(session: Session, *, actor: Actor, now: datetime, management_level: str, risk_level: str,
                required_checks: list[str] | None = None, test_valid_hours: int | None = None,
                itinerary_days: int | None = None, vehicles_may_enter: bool | None = None) -> PolicyRule:
    """Change one level's rule (audited with the old and new values). The rules are the site's
    settings (administrators, on the settings screen); putting a level in force is a supervisor's
    (`set_active_level`). The dwell time is not per level: it is `disinfection.dwell_minutes`."""
    _check_level(management_level, risk_level)
    old = get_rule(session, management_level, risk_level)
    new = old
    if required_checks is not None:
        unknown = set(required_checks) - set(ALL_CHECKS)
        if unknown:
            raise ServiceError("bad_check", t("未知检查项：{c}", "Unknown check: {c}", c=", ".join(sorted(unknown))))
        new = replace(new, required_checks=tuple(c for c in ALL_CHECKS if c in required_checks))
    if test_valid_hours is not None:
        if not 1 <= test_valid_hours <= 24 * 14:
            raise ServiceError("bad_hours", t("核酸有效时间应在1到336小时之间。", "Test validity must be 1-336 hours."))
        new = replace(new, test_valid_hours=test_valid_hours)
    if itinerary_days is not None:
        if not 1 <= itinerary_days <= 60:
            raise ServiceError("bad_days", t("行程天数应在1到60天之间。", "Itinerary days must be 1-60."))
        new = replace(new, itinerary_days=itinerary_days)
    if vehicles_may_enter is not None:
        new = replace(new, vehicles_may_enter=vehicles_may_enter)
    _save(session, new)
    audit.record(session, actor=actor, action="policy.update", at=now, entity="policy",
                 entity_id=f"{management_level}/{risk_level}", data={"old": _as_data(old), "new": _as_data(new)})
    return new
