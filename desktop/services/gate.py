"""The gate: look a vehicle up, check every occupant, decide, override, cancel, log the exit.

Flow: `lookup` (plate or pass number) -> `check_in` (creates the Arrival and one OccupantCheck
per person, each evaluated against the policy in force) -> optionally `recheck` after the guard
corrects something, or `override` by a supervisor -> `decide` (enter / handoff / refuse) ->
`log_exit`. `cancel` undoes a wrong check-in. Every step is an audit event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlmodel import Session, select

from desktop.domain.checks import Check, Failure, OccupantChecks, check_name, evaluate
from desktop.domain.clock import utc
from desktop.domain.dates import site_zone
from desktop.domain.health import HealthRule
from desktop.domain.health import failures as health_failures
from desktop.domain.identity import InputError, display_plate, normalize_id_number, normalize_plate
from desktop.domain.permissions import Permission
from desktop.domain.stored_words import english
from desktop.i18n import t
from desktop.services import (
    approvals,
    audit,
    cancellation,
    consignments,
    gate_order,
    health,
    passes,
    policy,
    privacy,
    setup,
)
from desktop.services.approvals import ApprovalInfo
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError
from desktop.services.passes import PassInfo
from desktop.services.setup import require_site
from desktop.store.models import Approval, Arrival, OccupantCheck, Override, UnloadingPoint

INSIDE_LIMIT_KEY = "gate.inside_limit_minutes"
DEFAULT_INSIDE_LIMIT = 90
OPEN = ("checking", "admitted", "handoff")
# Never let a supervisor wave these through: they are reported, not overridden.
NOT_OVERRIDABLE = {"test": "positive", "health_code": "red"}


@dataclass(frozen=True)
class CheckInput:
    """What the guard saw for one person (see desktop.domain.checks.OccupantChecks)."""

    name: str
    role: str = "driver"
    id_number: str = ""
    phone: str = ""
    approval_occupant_id: int | None = None
    health_code: str = "unknown"
    itinerary_ok: bool | None = None
    identity_ok: bool | None = None
    test_result: str = "none"
    test_sampled_at: datetime | None = None
    contact_history: bool | None = None
    pledge_signed: bool = False
    rules_acknowledged: bool = False
    identity_photo_id: int | None = None
    temperature_c: float | None = None  # measured at the gate (desktop.domain.health)
    symptoms: tuple[str, ...] = ()  # the symptoms the person reported

    def domain(self) -> OccupantChecks:
        return OccupantChecks(self.name, self.role, self.health_code, self.itinerary_ok, self.identity_ok,
                              self.test_result, self.test_sampled_at, self.contact_history, self.pledge_signed,
                              self.rules_acknowledged)

    def confirmed(self) -> CheckInput:
        """Everything a guard confirms with one key after looking: the sampling time stays as it is."""
        return replace(self, health_code="green", itinerary_ok=True, identity_ok=True, test_result="negative",
                       contact_history=False, pledge_signed=True, rules_acknowledged=True)


@dataclass(frozen=True)
class CheckInfo:
    id: int
    input: CheckInput
    outcome: str  # pass / fail
    failures: tuple[Failure, ...]
    overridden: tuple[str, ...]  # checks a supervisor let pass

    @property
    def open_failures(self) -> tuple[Failure, ...]:
        return tuple(f for f in self.failures if f.check not in self.overridden)


@dataclass(frozen=True)
class ArrivalInfo:
    id: int
    plate: str
    approval_id: int | None
    pass_number: str | None
    arrived_at: datetime
    status: str
    needs_supervisor: bool
    management_level: str
    risk_level: str
    decision: str | None
    decision_reason: str
    decided_by: str | None
    unloading_point: str
    route: str
    exited_at: datetime | None
    cancel_reason: str
    checks: tuple[CheckInfo, ...]

    @property
    def plate_display(self) -> str:
        return display_plate(self.plate)

    @property
    def open_failures(self) -> list[tuple[str, Failure]]:
        return [(c.input.name, f) for c in self.checks for f in c.open_failures]

    @property
    def cleared(self) -> bool:
        return bool(self.checks) and not self.open_failures


@dataclass(frozen=True)
class Lookup:
    plate: str
    pass_info: PassInfo | None
    pass_problem: str | None
    approval: ApprovalInfo | None
    approval_problem: str | None  # why this vehicle needs a supervisor, or None
    open_arrival: ArrivalInfo | None
    level: policy.ActiveLevel
    prefill: tuple[CheckInput, ...] = field(default_factory=tuple)
    # approval_occupant_id -> the ID photo the reviewers accepted, to compare with the face at the gate
    photos: dict[int, bytes] = field(default_factory=dict)

    @property
    def plate_display(self) -> str:
        return display_plate(self.plate)


def _today(now: datetime) -> object:
    return now.astimezone(site_zone()).date()


def _error(exc: InputError) -> ServiceError:
    return ServiceError(f"bad_{exc.field}", exc.message)


# --- reading ----------------------------------------------------------------------------------


def _arrival_info(session: Session, a: Arrival) -> ArrivalInfo:
    rows = session.exec(select(OccupantCheck).where(OccupantCheck.arrival_id == a.id).order_by(OccupantCheck.id)).all()  # type: ignore[arg-type]
    overrides = session.exec(select(Override).where(Override.arrival_id == a.id)).all()
    checks = []
    for r in rows:
        inp = CheckInput(r.name, r.role, r.id_number, r.phone, r.approval_occupant_id, r.health_code, r.itinerary_ok,
                         r.identity_ok, r.test_result, utc(r.test_sampled_at) if r.test_sampled_at else None,
                         r.contact_history, r.pledge_signed, r.rules_acknowledged, r.identity_photo_id,
                         r.temperature_c, tuple(json.loads(r.symptoms or "[]")))
        # stored as the gate said it; read in the reader's language (desktop.domain.stored_words)
        failures = tuple(Failure(f["check"], english(f["message"])) for f in json.loads(r.failures))
        done = tuple(o.check_name for o in overrides if o.occupant_check_id == r.id)
        checks.append(CheckInfo(r.id or 0, inp, r.outcome, failures, done))
    point = session.get(UnloadingPoint, a.unloading_point_id) if a.unloading_point_id else None
    return ArrivalInfo(a.id or 0, a.plate, a.approval_id, a.pass_number, utc(a.arrived_at), a.status,
                       a.needs_supervisor, a.management_level, a.risk_level, a.decision, a.decision_reason,
                       a.decided_by, f"{point.code} {point.name}" if point else "", a.route,
                       utc(a.exited_at) if a.exited_at else None, a.cancel_reason, tuple(checks))


def get(session: Session, arrival_id: int) -> ArrivalInfo:
    row = session.get(Arrival, arrival_id)
    if row is None:
        raise ServiceError("unknown_arrival", t("找不到该车辆登记。", "No such vehicle check-in."))
    return _arrival_info(session, row)


def _open_arrival(session: Session, plate: str, now: datetime) -> Arrival | None:
    rows = session.exec(select(Arrival).where(Arrival.plate == plate, Arrival.status.in_(OPEN))  # type: ignore[attr-defined]
                        .order_by(Arrival.id.desc())).all()  # type: ignore[union-attr]
    for a in rows:
        if a.exited_at is None and (a.status != "handoff" or utc(a.arrived_at).astimezone(site_zone()).date()
                                    == _today(now)):
            return a
    return None


def _resolve(session: Session, query: str) -> tuple[str, PassInfo | None]:
    text = query.strip()
    if not text:
        raise ServiceError("empty", t("请输入车牌号或通行证号。", "Type the plate or the pass number."))
    found = passes.find(session, text)
    if found is not None:
        return found.plate, found
    try:
        return normalize_plate(text), None
    except InputError as exc:
        number = passes.normalize_number(text)
        if session.exec(select(Approval).where(Approval.pass_number == number)).first() is not None:
            row = session.exec(select(Approval).where(Approval.pass_number == number).order_by(Approval.id.desc())).first()  # type: ignore[union-attr]
            return (row.plate if row else ""), None
        if text[:1].isascii():
            raise ServiceError("not_found", t("找不到通行证号 {n}；车牌号请以省份简称开头（如“苏”）。",
                                              "No pass {n}; a plate starts with a province character (e.g. 苏).",
                                              n=number)) from None
        raise _error(exc) from None


def lookup(session: Session, *, query: str, now: datetime) -> Lookup:
    """What the gate needs to know about a plate or pass number right now."""
    plate, pass_info = _resolve(session, query)
    level = policy.active(session)
    today = _today(now)
    candidates = approvals.for_plate(session, plate, today)  # type: ignore[arg-type]
    approval = next((a for a in candidates if a.status == "approved"), None)
    problem = None
    if approval is None:
        other = next((a for a in candidates if a.status in ("pending", "rejected")), None)
        if other is None:
            problem = t("今天没有该车的审批，须督查员批准才能登记", "No approval for this vehicle today: a supervisor must allow it")
        elif other.status == "pending":
            problem, approval = t("审批尚未通过（待审核），须督查员批准", "The approval is still pending: a supervisor must allow it"), other
        else:
            problem, approval = t("审批已被驳回：{r}", "The approval was rejected: {r}", r=other.review_reason), other
    number = (pass_info.number if pass_info else None) or (approval.pass_number if approval else None)
    if pass_info is None and number:
        pass_info = passes.find(session, number)
    pass_problem = passes.problem(pass_info, plate=plate, on=today, number=number) if number else None  # type: ignore[arg-type]
    if pass_problem and pass_info is not None and problem is None:
        problem = t("{p}，须督查员批准", "{p}: a supervisor must allow it", p=pass_problem)
    open_row = _open_arrival(session, plate, now)
    # Only what the materials support is offered as confirmed: a pledge on file, a photo to compare.
    prefill = tuple(CheckInput(name=o.name, role=o.role, id_number=o.id_number, phone=o.phone,
                               approval_occupant_id=o.id, test_sampled_at=o.test_sampled_at,
                               pledge_signed=o.pledge_id is not None,
                               identity_ok=True if o.photo_id is not None else None)
                    for o in (approval.occupants if approval else ()))
    return Lookup(plate, pass_info, pass_problem, approval, problem, _arrival_info(session, open_row) if open_row else None,
                  level, prefill, _photos(session, approval))


def _photos(session: Session, approval: ApprovalInfo | None) -> dict[int, bytes]:
    out = {}
    for o in approval.occupants if approval else ():
        shot = approvals.attachment(session, o.photo_id) if o.photo_id else None
        if shot:
            out[o.id] = shot[1]
    return out


# --- writing ----------------------------------------------------------------------------------


def _evaluate(inp: CheckInput, rule: policy.PolicyRule, now: datetime,
              health_rule: HealthRule | None = None) -> tuple[str, tuple[Failure, ...]]:
    found = evaluate(inp.domain(), rule, now).failures
    found += health_failures(inp.temperature_c, inp.symptoms, health_rule or HealthRule())
    return ("pass" if not found else "fail"), found


def _clean_inputs(occupants: list[CheckInput]) -> list[CheckInput]:
    if not occupants:
        raise ServiceError("no_occupants", t("至少要登记驾驶员一人。", "Record at least the driver."))
    out = []
    for o in occupants:
        if not o.name.strip():
            raise ServiceError("bad_name", t("请填写每个人的姓名。", "Enter every person's name."))
        try:
            id_number = normalize_id_number(o.id_number) if o.id_number.strip() else ""
        except InputError as exc:
            raise ServiceError("bad_id_number", f"{o.name}：{exc.message}") from None
        out.append(replace(o, name=o.name.strip(), id_number=id_number))
    return out


def _write_checks(session: Session, arrival: Arrival, occupants: list[CheckInput], rule: policy.PolicyRule,
                  actor: Actor, now: datetime) -> list[dict[str, object]]:
    summary = []
    health_rule = health.rule(session)
    for o in occupants:
        outcome, failures = _evaluate(o, rule, now, health_rule)
        session.add(OccupantCheck(
            arrival_id=arrival.id or 0, approval_occupant_id=o.approval_occupant_id, role=o.role, name=o.name,
            id_number=o.id_number, phone=o.phone, health_code=o.health_code, itinerary_ok=o.itinerary_ok,
            identity_ok=o.identity_ok, identity_photo_id=o.identity_photo_id, test_result=o.test_result,
            test_sampled_at=o.test_sampled_at, contact_history=o.contact_history, pledge_signed=o.pledge_signed,
            rules_acknowledged=o.rules_acknowledged, outcome=outcome,
            failures=json.dumps([{"check": f.check, "message": f.message} for f in failures], ensure_ascii=False),
            checked_at=now, checked_by=actor.operator, temperature_c=o.temperature_c,
            symptoms=json.dumps(list(o.symptoms), ensure_ascii=False)))
        summary.append({"name": o.name, **privacy.id_ref(session, o.id_number, now=now), "outcome": outcome,
                        "failures": [f.check for f in failures]})
    session.flush()
    return summary


@requires(Permission.GATE_CHECK)
def check_in(session: Session, *, actor: Actor, now: datetime, plate: str, occupants: list[CheckInput],
             approval_id: int | None = None, pass_number: str | None = None, supervisor: str = "",
             supervisor_pin: str = "", reason: str = "") -> ArrivalInfo:
    """Register an arriving vehicle and evaluate every occupant's checks. Without an approved
    approval for today, a supervisor (name + PIN) and a reason are needed."""
    try:
        plate = normalize_plate(plate)
    except InputError as exc:
        raise _error(exc) from None
    if (open_row := _open_arrival(session, plate, now)) is not None:
        raise _twice(open_row)
    approval = session.get(Approval, approval_id) if approval_id else None
    if approval is not None and approval.plate != plate:
        raise ServiceError("wrong_approval", t("该审批属于 {p}，不是本车。", "That approval belongs to {p}.",
                                               p=display_plate(approval.plate)))
    needs_supervisor = approval is None or approval.status != "approved" or approval.arrival_date != _today(now)
    if approval is not None and approval.pass_number and not needs_supervisor:
        # a pass revoked or expired since the approval: the approval alone no longer lets it through
        held = passes.find(session, approval.pass_number)
        needs_supervisor = held is not None and passes.problem(held, plate=plate, on=_today(now)) is not None  # type: ignore[arg-type]
    if needs_supervisor:
        if not supervisor:
            raise ServiceError("needs_supervisor", t("该车没有今天的有效审批，须督查员输入账号和密码批准。",
                                                     "No valid approval for today: a supervisor must sign in to allow it."))
        setup.verify_supervisor(session, username=supervisor, pin=supervisor_pin, actor=actor, now=now,
                                permission=Permission.WALK_IN)
        if not reason.strip():
            raise ServiceError("missing_reason", t("请填写无审批放行登记的原因。", "Give the reason for checking in "
                                                   "without an approval."))
    occupants = _clean_inputs(occupants)
    level = policy.active(session)
    site = require_site(session)
    arrival = Arrival(site_id=site.id, approval_id=approval.id if approval else None, plate=plate,
                      pass_number=passes.normalize_number(pass_number or "") or (approval.pass_number if approval else None),
                      station=actor.station, arrived_at=now, management_level=level.management_level,
                      risk_level=level.risk_level, needs_supervisor=needs_supervisor, created_by=actor.operator)
    session.add(arrival)
    session.flush()
    summary = _write_checks(session, arrival, occupants, level.rule, actor, now)
    audit.record(session, actor=actor, action="gate.check_in", at=now, entity="arrival", entity_id=arrival.id,
                 data={"plate": plate, "approval_id": arrival.approval_id, "pass_number": arrival.pass_number,
                       "level": [level.management_level, level.risk_level], "occupants": summary,
                       "supervisor": supervisor.strip().lower() if needs_supervisor else None,
                       "reason": reason.strip()})
    return _arrival_info(session, arrival)


def _twice(row: Arrival) -> ServiceError:
    local = utc(row.arrived_at).astimezone(site_zone()).strftime("%H:%M")
    state = {"checking": t("查验中", "being checked"), "admitted": t("已进入", "inside"),
             "handoff": t("在接驳区", "at the handoff zone")}.get(row.status, row.status)
    return ServiceError("already_checked_in", t(
        "{p} 已于 {h} 登记（{s}），不能重复登记。如登记有误请先撤销，离开请登记出门。",
        "{p} was checked in at {h} ({s}); it cannot be checked in twice. Cancel a wrong check-in, or log its exit.",
        p=display_plate(row.plate), h=local, s=state))


def _arrival(session: Session, arrival_id: int, *, status: tuple[str, ...] | None = ("checking",)) -> Arrival:
    row = session.get(Arrival, arrival_id)
    if row is None:
        raise ServiceError("unknown_arrival", t("找不到该车辆登记。", "No such vehicle check-in."))
    if status and row.status not in status:
        raise ServiceError("wrong_state", t("{p} 当前状态为“{s}”，不能这样操作。", "{p} is “{s}”; that cannot be done now.",
                                            p=display_plate(row.plate), s=status_words(row.status)))
    return row


def status_words(status: str) -> str:
    return {"checking": t("查验中", "checking"), "admitted": t("已进入", "admitted"), "handoff": t("转接驳", "handoff"),
            "refused": t("已劝返", "refused"), "cancelled": t("已撤销", "cancelled"),
            "exited": t("已离开", "exited")}.get(status, status)


@requires(Permission.GATE_CHECK)
def recheck(session: Session, *, actor: Actor, now: datetime, arrival_id: int,
            occupants: list[CheckInput]) -> ArrivalInfo:
    """The guard corrected what was recorded: the checks are evaluated again (audited)."""
    arrival = _arrival(session, arrival_id)
    occupants = _clean_inputs(occupants)
    for old in session.exec(select(OccupantCheck).where(OccupantCheck.arrival_id == arrival.id)).all():
        for ov in session.exec(select(Override).where(Override.occupant_check_id == old.id)).all():
            ov.occupant_check_id = None  # the override stays on record, for the old check
            session.add(ov)
        session.flush()
        session.delete(old)
    session.flush()
    rule = policy.get_rule(session, arrival.management_level, arrival.risk_level)
    summary = _write_checks(session, arrival, occupants, rule, actor, now)
    audit.record(session, actor=actor, action="gate.recheck", at=now, entity="arrival", entity_id=arrival.id,
                 data={"plate": arrival.plate, "occupants": summary})
    return _arrival_info(session, arrival)


@requires(Permission.GATE_CHECK)
def override(session: Session, *, actor: Actor, now: datetime, arrival_id: int, check_id: int, check: str,
             supervisor: str, pin: str, reason: str) -> ArrivalInfo:
    """A supervisor lets one failed check pass, with a reason (audited)."""
    arrival = _arrival(session, arrival_id)
    row = session.get(OccupantCheck, check_id)
    if row is None or row.arrival_id != arrival.id:
        raise ServiceError("unknown_check", t("找不到该人员的查验记录。", "No such occupant check."))
    if check not in [f["check"] for f in json.loads(row.failures)]:
        raise ServiceError("not_failed", t("{n} 的“{c}”没有不合格，无需放行。", "{n}'s {c} did not fail.",
                                           n=row.name, c=check_name(check)))
    bad = NOT_OVERRIDABLE.get(check)
    if bad and (row.test_result if check == Check.TEST else row.health_code) == bad:
        raise ServiceError("not_overridable", t("红码或核酸阳性不能放行，请按规定上报。",
                                                "A red code or a positive test cannot be overridden: report it."))
    if not reason.strip():
        raise ServiceError("missing_reason", t("督查员放行须填写原因。", "The supervisor must give a reason."))
    who = setup.verify_supervisor(session, username=supervisor, pin=pin, actor=actor, now=now,
                                 permission=Permission.OVERRIDE)
    session.add(Override(arrival_id=arrival.id or 0, occupant_check_id=row.id, check_name=check,
                         supervisor=who.username, reason=reason.strip(), at=now, requested_by=actor.operator))
    session.flush()
    audit.record(session, actor=actor, action="gate.override", at=now, entity="arrival", entity_id=arrival.id,
                 data={"plate": arrival.plate, "occupant": row.name, "check": check, "supervisor": who.username,
                       "reason": reason.strip()})
    return _arrival_info(session, arrival)


@requires(Permission.GATE_CHECK)
def decide(session: Session, *, actor: Actor, now: datetime, arrival_id: int, decision: str,
           unloading_point_id: int | None = None, route: str = "", reason: str = "") -> ArrivalInfo:
    """Admit to enter (to an unloading point by a route), send to the handoff zone, or refuse."""
    arrival = _arrival(session, arrival_id)
    info = _arrival_info(session, arrival)
    if decision not in ("enter", "handoff", "refuse"):
        raise ValueError(decision)
    if decision == "refuse" and not reason.strip():
        raise ServiceError("missing_reason", t("劝返须填写原因。", "Give the reason for refusing."))
    if decision != "refuse" and info.open_failures:
        listed = "；".join(f"{n}：{f.message}" for n, f in info.open_failures)
        raise ServiceError("checks_failed", t("还有检查未通过（{l}）。只能劝返，或请督查员放行。",
                                              "Checks still fail ({l}). Refuse, or ask a supervisor to override.", l=listed))
    gate_order.let_in(session, actor=actor, now=now, arrival=arrival, decision=decision)  # gate disinfection first
    if decision == "enter":
        rule = policy.get_rule(session, arrival.management_level, arrival.risk_level)
        if not policy.active(session).rule.vehicles_may_enter or not rule.vehicles_may_enter:
            raise ServiceError("no_entry", t("当前管理级别下车辆一律不得进入，请转接驳区。",
                                             "Under the current level no vehicle may enter: send it to the handoff zone."))
        approval = session.get(Approval, arrival.approval_id) if arrival.approval_id else None
        if approval is not None and approval.mode == "handoff":
            raise ServiceError("approved_for_handoff", t("该车审批为接驳（不进入），请转接驳区。",
                                                         "This vehicle was approved for handoff only."))
        unloading_point_id = unloading_point_id or (approval.unloading_point_id if approval else None)
        point = session.get(UnloadingPoint, unloading_point_id) if unloading_point_id else None
        if point is None:
            raise ServiceError("missing_point", t("请选择卸货点。", "Choose the unloading point."))
        arrival.unloading_point_id, arrival.route = point.id, (route.strip() or point.route)
    arrival.status = {"enter": "admitted", "handoff": "handoff", "refuse": "refused"}[decision]
    arrival.decision, arrival.decision_reason = decision, reason.strip()
    arrival.decided_by, arrival.decided_at = actor.operator, now
    session.add(arrival)
    session.flush()
    audit.record(session, actor=actor, action="gate.decide", at=now, entity="arrival", entity_id=arrival.id,
                 data={"plate": arrival.plate, "decision": decision, "reason": arrival.decision_reason,
                       "unloading_point_id": arrival.unloading_point_id, "route": arrival.route,
                       "overrides": [c.overridden for c in info.checks if c.overridden]})
    if decision != "refuse":  # its goods now need disinfection, a dwell and a slip
        consignments.from_arrival(session, actor=actor, now=now, arrival_id=arrival.id or 0)
    return _arrival_info(session, arrival)


@requires(Permission.GATE_CHECK)
def cancel(session: Session, *, actor: Actor, now: datetime, arrival_id: int, reason: str) -> ArrivalInfo:
    """Undo a wrong check-in (the record stays, marked cancelled, with the reason)."""
    arrival = _arrival(session, arrival_id, status=("checking", "admitted", "handoff", "refused"))
    if not reason.strip():
        raise ServiceError("missing_reason", t("撤销须填写原因。", "Give the reason for cancelling."))
    old = arrival.status
    arrival.status, arrival.cancelled_at, arrival.cancel_reason = "cancelled", now, reason.strip()
    session.add(arrival)
    gone = cancellation.withdraw(session, actor=actor, now=now, arrival_id=arrival.id or 0, reason=reason.strip())
    audit.record(session, actor=actor, action="gate.cancel", at=now, entity="arrival", entity_id=arrival.id,
                 data={"plate": arrival.plate, "from": old, "reason": arrival.cancel_reason,
                       "slips_voided": list(gone.voided), "goods_withdrawn": list(gone.withdrawn),
                       "timers_stopped": gone.timers_stopped, "already_released": list(gone.released)})
    return _arrival_info(session, arrival)


@requires(Permission.GATE_CHECK)
def log_exit(session: Session, *, actor: Actor, now: datetime, arrival_id: int | None = None,
             plate: str = "") -> ArrivalInfo:
    """A vehicle that entered (or unloaded at the handoff zone) leaves."""
    if arrival_id is None:
        try:
            plate = normalize_plate(plate)
        except InputError as exc:
            raise _error(exc) from None
        row = _open_arrival(session, plate, now)
        if row is None or row.status == "checking":
            raise ServiceError("not_inside", t("{p} 没有在场记录。", "{p} is not inside.", p=display_plate(plate)))
        arrival_id = row.id or 0
    arrival = _arrival(session, arrival_id, status=("admitted", "handoff"))
    arrival.status, arrival.exited_at = "exited", now
    session.add(arrival)
    minutes = int((now - utc(arrival.arrived_at)).total_seconds() // 60)
    audit.record(session, actor=actor, action="gate.exit", at=now, entity="arrival", entity_id=arrival.id,
                 data={"plate": arrival.plate, "minutes_inside": minutes})
    return _arrival_info(session, arrival)


@dataclass(frozen=True)
class Inside:
    arrival: ArrivalInfo
    minutes: int
    overdue: bool


def inside_limit(session: Session) -> int:
    from desktop.services import settings  # the catalogue's bounds and default (DEFAULT_INSIDE_LIMIT)

    return int(settings.value(session, INSIDE_LIMIT_KEY))


def inside(session: Session, *, now: datetime) -> list[Inside]:
    """Vehicles admitted and not yet out, longest first; `overdue` past the set limit."""
    limit = inside_limit(session)
    rows = session.exec(select(Arrival).where(Arrival.status == "admitted").order_by(Arrival.arrived_at)).all()  # type: ignore[arg-type]
    out = []
    for a in rows:
        minutes = int((now - utc(a.decided_at or a.arrived_at)).total_seconds() // 60)
        out.append(Inside(_arrival_info(session, a), minutes, minutes > limit))
    return out


def today(session: Session, *, now: datetime) -> list[ArrivalInfo]:
    """Today's check-ins (local day), newest first."""
    zone = site_zone()
    start = datetime.combine(_today(now), datetime.min.time(), tzinfo=zone)  # type: ignore[arg-type]
    rows = session.exec(select(Arrival).where(Arrival.arrived_at >= start, Arrival.arrived_at < start + timedelta(days=1))
                        .order_by(Arrival.id.desc())).all()  # type: ignore[arg-type, operator, union-attr]
    return [_arrival_info(session, a) for a in rows]


@requires(Permission.GATE_CHECK)
def attach_identity_photo(session: Session, *, actor: Actor, now: datetime, check_id: int, data: bytes,
                          mime: str = "image/jpeg") -> int:
    """Keep the photo taken at the gate (webcam or file) with the person's check."""
    import hashlib

    from desktop.store.models import Attachment

    row = session.get(OccupantCheck, check_id)
    if row is None:
        raise ServiceError("unknown_check", t("找不到该人员的查验记录。", "No such occupant check."))
    if not data:
        raise ServiceError("empty_file", t("照片是空的。", "The photo is empty."))
    sha = hashlib.sha256(data).hexdigest()
    att = Attachment(sha256=sha, mime=mime, name=f"gate-{row.arrival_id}-{row.id}", data=data, created_at=now)
    session.add(att)
    session.flush()
    row.identity_photo_id = att.id
    session.add(row)
    audit.record(session, actor=actor, action="gate.photo", at=now, entity="occupant_check", entity_id=row.id,
                 data={"sha256": sha, "attachment_id": att.id})
    return att.id or 0
