"""The site's own staff roster (issue #15, item 5): the people who work at the checkpoint — staff and
volunteers — with their post, phone, latest test and its result, training and protective gear.

A test is *stale* when it is older than the active policy's test window (the same hours the gate
applies to drivers' samples, `policy.active(...).rule.test_valid_hours`), missing, or positive.
A stale person is warned at sign-in and on the dashboard, and cannot be recorded as a disinfection
operator (`check_operators`) unless a supervisor overrides it with a reason (audited).

Every write is audited; phone numbers go into the audit record masked with a keyed hash
(`privacy.phone_ref`), never in full. The sheet import is in `desktop.services.roster_sheet`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from desktop.domain.clock import utc
from desktop.domain.masking import mask_phone
from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import audit, authz, privacy
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError
from desktop.store.models import Operator, StaffMember

RESULTS = ("negative", "positive")
OK, OLD, MISSING, POSITIVE = "ok", "old", "missing", "positive"


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    post: str
    phone: str  # in full: screens show `masked_phone` to everyone but administrators
    operator: str
    last_test_at: datetime | None
    last_test_result: str
    training_done: bool
    training_on: date | None
    ppe_issued: str
    ppe_issued_on: date | None
    active: bool
    test_state: str  # ok / old / missing / positive (against the policy's hours when listed)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    @property
    def stale(self) -> bool:
        return self.test_state != OK


def test_hours(session: Session) -> int:
    """The active policy's test window in hours (the gate's window for drivers' samples)."""
    from desktop.services import policy

    return int(policy.active(session).rule.test_valid_hours)


def test_state(row: StaffMember, *, now: datetime, hours: int) -> str:
    if row.last_test_at is None:
        return MISSING
    if row.last_test_result == "positive":
        return POSITIVE
    if utc(now) - utc(row.last_test_at) > timedelta(hours=hours):
        return OLD
    return OK


def _info(row: StaffMember, *, now: datetime, hours: int) -> StaffInfo:
    return StaffInfo(row.id or 0, row.name, row.post, row.phone, row.operator or "",
                     utc(row.last_test_at) if row.last_test_at else None, row.last_test_result, row.training_done,
                     row.training_on, row.ppe_issued, row.ppe_issued_on, row.active,
                     test_state(row, now=now, hours=hours))


def state_words(info: StaffInfo, hours: int) -> str:
    """Why a person's test does not count, for warnings (empty when it does)."""
    if info.test_state == MISSING:
        return t("{n} 没有核酸检测记录", "{n} has no test on record", n=info.name)
    if info.test_state == POSITIVE:
        return t("{n} 最近一次核酸结果为阳性", "{n}'s latest test was positive", n=info.name)
    if info.test_state == OLD:
        return t("{n} 的核酸已超过 {h} 小时", "{n}'s test is older than {h} hours", n=info.name, h=hours)
    return ""


def list_staff(session: Session, *, now: datetime, include_inactive: bool = False) -> list[StaffInfo]:
    hours = test_hours(session)
    query = select(StaffMember).order_by(col(StaffMember.name), col(StaffMember.id))
    if not include_inactive:
        query = query.where(StaffMember.active == True)  # noqa: E712
    return [_info(r, now=now, hours=hours) for r in session.exec(query).all()]


def stale(session: Session, now: datetime) -> list[StaffInfo]:
    """Active staff whose test is older than the policy's hours, missing or positive."""
    return [s for s in list_staff(session, now=now) if s.stale]


def for_operator(session: Session, username: str, *, now: datetime) -> StaffInfo | None:
    """The active roster row linked to an operator account (to warn at sign-in)."""
    row = session.exec(select(StaffMember).where(StaffMember.operator == username.strip().lower(),
                                                 StaffMember.active == True)).first()  # noqa: E712
    return _info(row, now=now, hours=test_hours(session)) if row else None


def _by_name(session: Session, name: str) -> list[StaffMember]:
    """Active rows called `name`, or linked to an operator whose display name is `name`."""
    name = name.strip()
    rows = list(session.exec(select(StaffMember).where(StaffMember.name == name,
                                                       StaffMember.active == True)).all())  # noqa: E712
    accounts = [o.username for o in session.exec(select(Operator).where(Operator.display_name == name)).all()]
    if accounts:
        rows += [r for r in session.exec(select(StaffMember).where(col(StaffMember.operator).in_(accounts),
                                                                    StaffMember.active == True)).all()  # noqa: E712
                 if r not in rows]
    return rows


# --- writing --------------------------------------------------------------------------------------


def _clean(name: str, post: str, phone: str, operator: str, result: str) -> tuple[str, str, str, str | None]:
    if not name.strip():
        raise ServiceError("missing_name", t("请填写姓名。", "Enter the name."))
    digits = "".join(c for c in phone if c.isdigit() or c in "+-")
    if phone.strip() and len([c for c in digits if c.isdigit()]) < 5:
        raise ServiceError("bad_phone", t("电话 {p} 不像电话号码。", "{p} is not a phone number.", p=mask_phone(phone)))
    if result not in ("", *RESULTS):
        raise ServiceError("bad_result", t("核酸结果只能是阴性或阳性。", "A test result is negative or positive."))
    return name.strip(), post.strip(), phone.strip(), operator.strip().lower() or None


def _check_account(session: Session, username: str | None, staff_id: int | None) -> None:
    if username is None:
        return
    if session.exec(select(Operator).where(Operator.username == username)).first() is None:
        raise ServiceError("unknown_operator", t("没有账号 {u}。", "There is no account {u}.", u=username))
    other = session.exec(select(StaffMember).where(StaffMember.operator == username,
                                                   StaffMember.active == True)).first()  # noqa: E712
    if other is not None and other.id != staff_id:
        raise ServiceError("account_taken", t("账号 {u} 已对应名册中的 {n}。", "Account {u} already belongs to {n} on the "
                                              "roster.", u=username, n=other.name))


def _check_test(tested_at: datetime | None, now: datetime) -> None:
    if tested_at is not None and utc(tested_at) > utc(now) + timedelta(minutes=5):
        raise ServiceError("test_in_future", t("检测时间晚于现在，请核对。", "The test time is in the future: check it."))


def _audit_data(session: Session, row: StaffMember, now: datetime) -> dict[str, object]:
    return {"name": row.name, "post": row.post, **privacy.phone_ref(session, row.phone, now=now),
            "operator": row.operator, "last_test_at": row.last_test_at.isoformat() if row.last_test_at else None,
            "last_test_result": row.last_test_result, "training_done": row.training_done,
            "training_on": row.training_on.isoformat() if row.training_on else None, "ppe_issued": row.ppe_issued,
            "ppe_issued_on": row.ppe_issued_on.isoformat() if row.ppe_issued_on else None, "active": row.active}


@authz.internal("the body of add and of the sheet import, both of which check STAFF")
def put(session: Session, *, actor: Actor, now: datetime, staff_id: int | None = None, name: str, post: str = "",
        phone: str = "", operator: str = "", last_test_at: datetime | None = None, last_test_result: str = "",
        training_done: bool = False, training_on: date | None = None, ppe_issued: str = "",
        ppe_issued_on: date | None = None, action: str = "staff.add") -> StaffInfo:
    name, post, phone, account = _clean(name, post, phone, operator, last_test_result)
    _check_account(session, account, staff_id)
    _check_test(last_test_at, now)
    if last_test_at is not None and not last_test_result:
        raise ServiceError("missing_result", t("请填写核酸结果（阴性/阳性）。", "Give the test's result (negative/positive)."))
    row = session.get(StaffMember, staff_id) if staff_id is not None else StaffMember(name=name, created_at=now)
    if row is None:
        raise ServiceError("unknown_staff", t("名册中没有这个人。", "No such person on the roster."))
    row.name, row.post, row.phone, row.operator = name, post, phone, account
    row.last_test_at, row.last_test_result = last_test_at, last_test_result if last_test_at else ""
    row.training_done, row.training_on = training_done or training_on is not None, training_on
    row.ppe_issued, row.ppe_issued_on = ppe_issued.strip(), ppe_issued_on
    row.updated_at = now
    session.add(row)
    session.flush()
    audit.record(session, actor=actor, action=action, at=now, entity="staff_member", entity_id=row.id,
                 data=_audit_data(session, row, now))
    return _info(row, now=now, hours=test_hours(session))


@requires(Permission.STAFF)
def add(session: Session, *, actor: Actor, now: datetime, name: str, post: str = "", phone: str = "",
        operator: str = "", last_test_at: datetime | None = None, last_test_result: str = "",
        training_done: bool = False, training_on: date | None = None, ppe_issued: str = "",
        ppe_issued_on: date | None = None) -> StaffInfo:
    """A new person on the roster."""
    return put(session, actor=actor, now=now, name=name, post=post, phone=phone, operator=operator,
               last_test_at=last_test_at, last_test_result=last_test_result, training_done=training_done,
               training_on=training_on, ppe_issued=ppe_issued, ppe_issued_on=ppe_issued_on)


@requires(Permission.STAFF)
def update(session: Session, *, actor: Actor, now: datetime, staff_id: int, name: str, post: str = "",
           phone: str = "", operator: str = "", last_test_at: datetime | None = None, last_test_result: str = "",
           training_done: bool = False, training_on: date | None = None, ppe_issued: str = "",
           ppe_issued_on: date | None = None) -> StaffInfo:
    """Change every field of a person (the edit dialog sends them all)."""
    return put(session, actor=actor, now=now, staff_id=staff_id, name=name, post=post, phone=phone,
               operator=operator, last_test_at=last_test_at, last_test_result=last_test_result,
               training_done=training_done, training_on=training_on, ppe_issued=ppe_issued,
               ppe_issued_on=ppe_issued_on, action="staff.update")


@requires(Permission.STAFF)
def record_test(session: Session, *, actor: Actor, now: datetime, staff_id: int, tested_at: datetime,
                result: str) -> StaffInfo:
    """A new test for a person: its time (sampling) and result."""
    row = session.get(StaffMember, staff_id)
    if row is None:
        raise ServiceError("unknown_staff", t("名册中没有这个人。", "No such person on the roster."))
    if result not in RESULTS:
        raise ServiceError("bad_result", t("核酸结果只能是阴性或阳性。", "A test result is negative or positive."))
    _check_test(tested_at, now)
    before = row.last_test_at.isoformat() if row.last_test_at else None
    row.last_test_at, row.last_test_result, row.updated_at = tested_at, result, now
    session.add(row)
    audit.record(session, actor=actor, action="staff.test", at=now, entity="staff_member", entity_id=row.id,
                 data={"name": row.name, "tested_at": tested_at.isoformat(), "result": result, "before": before})
    return _info(row, now=now, hours=test_hours(session))


@requires(Permission.STAFF)
def set_active(session: Session, *, actor: Actor, now: datetime, staff_id: int, active: bool) -> StaffInfo:
    """Take a person off the roster (kept, since records name them), or back on."""
    row = session.get(StaffMember, staff_id)
    if row is None:
        raise ServiceError("unknown_staff", t("名册中没有这个人。", "No such person on the roster."))
    if active and row.operator:
        _check_account(session, row.operator, row.id)
    row.active, row.updated_at = bool(active), now
    session.add(row)
    audit.record(session, actor=actor, action="staff.activate" if active else "staff.deactivate", at=now,
                 entity="staff_member", entity_id=row.id, data={"name": row.name})
    return _info(row, now=now, hours=test_hours(session))


# --- the disinfection operator check ------------------------------------------------------------


@dataclass(frozen=True)
class StaffOverride:
    names: tuple[str, ...]  # the stale people recorded anyway
    reason: str
    supervisor: str


@authz.internal("called inside disinfection.record, which checks DISINFECT; a supervisor is checked here")
def check_operators(session: Session, *, actor: Actor, now: datetime, names: tuple[str, ...], reason: str = "",
                    supervisor: str = "", pin: str = "") -> StaffOverride | None:
    """None when no named operator is a roster person with a stale test. Otherwise a supervisor must
    override with a reason (the actor themself if a supervisor, else `supervisor` + `pin`): a
    StaffOverride to record, or a ServiceError `staff_test_stale` naming who and why."""
    hours = test_hours(session)
    problems: list[str] = []
    stale_names: list[str] = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        rows = _by_name(session, name)
        bad = [r for r in rows if test_state(r, now=now, hours=hours) != OK]
        if rows and len(bad) == len(rows):
            problems.append(state_words(_info(bad[0], now=now, hours=hours), hours))
            stale_names.append(name)
    if not problems:
        return None
    if not reason.strip() or not (supervisor.strip() or authz.may(session, actor, Permission.OVERRIDE)):
        raise ServiceError("staff_test_stale", t(
            "{p}：须先更新核酸记录，才能登记为消杀人员（或由督查员填写原因后放行）。",
            "{p}: update the test before recording them as the disinfection operator (or a supervisor allows it "
            "with a reason).", p="；".join(problems)))
    if supervisor.strip():
        who = authz.authorise(session, actor=actor, username=supervisor, pin=pin, permission=Permission.OVERRIDE,
                              now=now).username
    else:
        who = actor.operator
    audit.record(session, actor=actor, action="staff.test_override", at=now, entity="staff_member", entity_id="",
                 data={"names": list(stale_names), "reason": reason.strip(), "supervisor": who})
    return StaffOverride(tuple(stale_names), reason.strip(), who)
