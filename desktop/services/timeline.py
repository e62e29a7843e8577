"""Supervision (督查): a vehicle's whole timeline, the day's vehicles, and recorded violations.

The timeline is read from the tables every station writes (approval, arrival, checks, overrides,
disinfections and their dwell timers, goods, slips, releases and custody scans, violations), plus
the few moments only the audit log keeps (a re-check, a timer stopped). Nothing here changes those
modules' data; `record_violation` is the one writer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlmodel import Session, col, select

from desktop.domain.checks import check_name
from desktop.domain.clock import utc
from desktop.domain.enums import display
from desktop.domain.identity import display_plate
from desktop.domain.permissions import Permission
from desktop.domain.stored_words import english
from desktop.i18n import language, t
from desktop.services import audit
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError
from desktop.services.setup import require_site
from desktop.store.models import (
    Approval,
    ApprovalCargo,
    Arrival,
    AuditEvent,
    Consignment,
    CustodyEvent,
    Disinfection,
    DisinfectionItem,
    DwellTimer,
    OccupantCheck,
    Operator,
    Override,
    Release,
    Slip,
    SlipPrint,
    UnloadingPoint,
    Violation,
)

OK, WARN, BAD = "ok", "warn", "bad"
VIOLATION_KINDS = ("window_open", "left_route", "no_mask", "contact", "no_ppe", "left_cab", "no_disinfection",
                   "other")


def violation_kind_name(kind: str) -> str:
    """The kind of a violation in the user's language."""
    names = {
        "window_open": t("未关车窗", "Windows open"),
        "left_route": t("偏离规定路线", "Left the prescribed route"),
        "no_mask": t("未戴口罩", "No mask"),
        "contact": t("与校内人员接触", "Contact with staff"),
        "no_ppe": t("接收人员未穿防护", "Receivers without PPE"),
        "left_cab": t("司机下车", "Driver left the cab"),
        "no_disinfection": t("未按规定消杀", "Disinfection not done as required"),
        "other": t("其他", "Other"),
    }
    return names.get(kind, kind)


@dataclass(frozen=True)
class TimelineEntry:
    """One moment in a vehicle's story. `at` is UTC; `severity` is ok / warn / bad."""

    at: datetime
    kind: str
    title: str
    detail: str = ""
    operator: str = ""
    station: str = ""
    severity: str = OK


@dataclass(frozen=True)
class DayArrival:
    """A row of the day's vehicle list."""

    arrival_id: int
    plate: str  # as displayed (苏N·12345)
    arrived_at: datetime
    status: str  # checking / admitted / handoff / refused / cancelled / exited
    status_text: str
    decision: str | None
    supplier: str
    unloading_point: str
    exited_at: datetime | None
    overrides: int
    violations: int
    severity: str


@dataclass(frozen=True)
class ViolationInfo:
    id: int
    arrival_id: int | None
    plate: str
    kind: str
    kind_text: str
    description: str
    at: datetime
    recorded_by: str


def station_name(station: str) -> str:
    """A station's name as people say it (stations named after their kind are translated)."""
    names = {"review": t("审核", "Review"), "gate": t("门岗", "Gate"), "disinfection": t("消杀", "Disinfection"),
             "handoff": t("接驳", "Handoff"), "supervision": t("督查", "Supervision"), "admin": t("管理", "Admin")}
    return names.get(station) or display(station, language())


def status_text(status: str, decision: str | None = None) -> str:
    if status == "exited":
        return t("已离开（接驳）", "Left (handoff)") if decision == "handoff" else t("已离开", "Left")
    return {
        "checking": t("查验中", "Being checked"),
        "admitted": t("已进入（在场）", "Inside"),
        "handoff": t("接驳区（在场）", "At the handoff zone"),
        "refused": t("已劝返", "Refused"),
        "cancelled": t("登记已撤销", "Cancelled"),
    }.get(status, status)


# --- helpers ----------------------------------------------------------------------------------


class OperatorNames:
    """Operators' display names, looked up once each."""

    def __init__(self, session: Session) -> None:
        self.session, self.cache = session, {}  # type: dict[str, str]

    def __call__(self, username: str | None) -> str:
        if not username:
            return ""
        if username not in self.cache:
            op = self.session.exec(select(Operator).where(Operator.username == username)).first()
            self.cache[username] = op.display_name if op else username
        return self.cache[username]


def _arrival(session: Session, arrival_id: int) -> Arrival:
    row = session.get(Arrival, arrival_id)
    if row is None:
        raise ServiceError("unknown_arrival", t("找不到该车辆登记。", "No such vehicle check-in."))
    return row


def _point(session: Session, point_id: int | None) -> str:
    point = session.get(UnloadingPoint, point_id) if point_id else None
    return f"{point.code} {point.name}" if point else ""


def _audit_rows(session: Session, entity: str, entity_ids: list[int], actions: tuple[str, ...]) -> list[AuditEvent]:
    if not entity_ids:
        return []
    return list(session.exec(select(AuditEvent).where(
        AuditEvent.entity == entity, col(AuditEvent.entity_id).in_([str(i) for i in entity_ids]),
        col(AuditEvent.action).in_(actions))).all())


_PLACES = {"gate": ("卡口", "gate"), "unloading_point": ("卸货点", "unloading point"),
           "handoff_zone": ("接驳区", "handoff zone"), "transit": ("中转站", "transit station")}


def _place(location: str) -> str:
    zh, en = _PLACES.get(location, (location, location))
    return t(zh, en)


def _qty(quantity: float | None, unit: str) -> str:
    return f"{quantity:g}{unit}" if quantity else ""


# --- the timeline -----------------------------------------------------------------------------


class _Builder:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.name = OperatorNames(session)
        self.entries: list[tuple[datetime, int, TimelineEntry]] = []

    def add(self, at: datetime | None, kind: str, title: str, detail: str = "", operator: str | None = "",
            station: str = "", severity: str = OK) -> None:
        if at is None:
            return
        entry = TimelineEntry(utc(at), kind, title, detail, self.name(operator), station_name(station), severity)
        self.entries.append((entry.at, len(self.entries), entry))

    def sorted(self) -> list[TimelineEntry]:
        return [e for _at, _n, e in sorted(self.entries, key=lambda x: (x[0], x[1]))]


def _approval_entries(b: _Builder, approval: Approval) -> None:
    cargo = b.session.exec(select(ApprovalCargo).where(ApprovalCargo.approval_id == approval.id)).all()
    goods = "；".join(f"{c.category}{_qty(c.quantity, c.unit)}" for c in cargo) or approval.cargo_summary
    mode = t("进校", "Enter") if approval.mode == "enter" else t("接驳", "Handoff")
    b.add(approval.created_at, "approval.submitted", t("提前一天报备", "Day-ahead request"),
          t("{s} · {m} · {g}", "{s} · {m} · {g}", s=approval.supplier_name or "—", m=mode, g=goods or "—"),
          approval.created_by, "review")
    if approval.reviewed_at is None:
        return
    if approval.status == "rejected":
        b.add(approval.reviewed_at, "approval.rejected", t("审核驳回", "Request rejected"), approval.review_reason,
              approval.reviewed_by, "review", BAD)
    else:
        b.add(approval.reviewed_at, "approval.approved", t("审核通过", "Request approved"),
              t("到达日期 {d}", "for {d}", d=approval.arrival_date.isoformat()), approval.reviewed_by, "review")


def _check_entries(b: _Builder, arrival: Arrival) -> None:
    checks = b.session.exec(select(OccupantCheck).where(OccupantCheck.arrival_id == arrival.id)
                            .order_by(col(OccupantCheck.id))).all()
    for c in checks:
        role = t("驾驶员", "driver") if c.role == "driver" else t("随车人员", "passenger")
        failures = json.loads(c.failures)
        if c.outcome == "fail" and failures:
            text = "；".join(f"{check_name(f['check'])}：{f['message']}" for f in failures)
            b.add(c.checked_at, "check.fail", t("{n}（{r}）查验不合格", "{n} ({r}) failed the checks", n=c.name, r=role),
                  text, c.checked_by, arrival.station, BAD)
        else:
            b.add(c.checked_at, "check.pass", t("{n}（{r}）查验合格", "{n} ({r}) passed the checks", n=c.name, r=role),
                  t("健康码、行程、身份、核酸、承诺书", "health code, itinerary, identity, test, pledge"),
                  c.checked_by, arrival.station)
    for ev in _audit_rows(b.session, "arrival", [arrival.id or 0], ("gate.recheck",)):
        b.add(ev.at, "check.recheck", t("更正后重新查验", "Checks evaluated again"), "", ev.operator, ev.station, WARN)
    for o in b.session.exec(select(Override).where(Override.arrival_id == arrival.id)).all():
        b.add(o.at, "override", t("督查员放行：{c}", "Supervisor override: {c}", c=check_name(o.check_name)),
              o.reason, o.supervisor, arrival.station, WARN)


def _arrival_entries(b: _Builder, arrival: Arrival) -> None:
    detail = t("通行证 {p}", "pass {p}", p=arrival.pass_number) if arrival.pass_number else ""
    if arrival.needs_supervisor:
        event = next(iter(_audit_rows(b.session, "arrival", [arrival.id or 0], ("gate.check_in",))), None)
        data = json.loads(event.data) if event else {}
        detail = t("无有效审批，督查员 {s} 批准登记：{r}", "No valid approval; supervisor {s} allowed it: {r}",
                   s=b.name(data.get("supervisor")) or "—", r=data.get("reason") or "—")
    b.add(arrival.arrived_at, "arrival", t("到达卡口", "Arrived at the gate"), detail, arrival.created_by,
          arrival.station, WARN if arrival.needs_supervisor else OK)
    _check_entries(b, arrival)
    if arrival.decision == "enter":
        b.add(arrival.decided_at, "decision.enter", t("准许进入", "Admitted"),
              t("卸货点 {p} · 路线 {r}", "to {p} · route {r}", p=_point(b.session, arrival.unloading_point_id) or "—",
                r=arrival.route or "—"), arrival.decided_by, arrival.station)
    elif arrival.decision == "handoff":
        b.add(arrival.decided_at, "decision.handoff", t("转接驳区（不进入）", "Sent to the handoff zone"),
              arrival.decision_reason, arrival.decided_by, arrival.station)
    elif arrival.decision == "refuse":
        b.add(arrival.decided_at, "decision.refuse", t("劝返", "Refused"), english(arrival.decision_reason),
              arrival.decided_by, arrival.station, BAD)
    if arrival.cancelled_at is not None:
        event = next(iter(_audit_rows(b.session, "arrival", [arrival.id or 0], ("gate.cancel",))), None)
        b.add(arrival.cancelled_at, "cancel", t("登记撤销", "Check-in cancelled"), arrival.cancel_reason,
              event.operator if event else "", arrival.station, WARN)
    if arrival.exited_at is not None:
        minutes = int((utc(arrival.exited_at) - utc(arrival.arrived_at)).total_seconds() // 60)
        event = next(iter(_audit_rows(b.session, "arrival", [arrival.id or 0], ("gate.exit",))), None)
        b.add(arrival.exited_at, "exit", t("离开", "Left"), t("在场 {m} 分钟", "{m} min on site", m=minutes),
              event.operator if event else "", event.station if event else "")


def _disinfection_entries(b: _Builder, arrival: Arrival, goods_ids: list[int]) -> None:
    covering = select(DisinfectionItem.disinfection_id).where(col(DisinfectionItem.consignment_id).in_(goods_ids or [-1]))
    rows = b.session.exec(select(Disinfection).where((Disinfection.arrival_id == arrival.id)
                                                     | col(Disinfection.id).in_(covering))
                          .order_by(col(Disinfection.ended_at))).all()
    for d in rows:
        parts = "、".join(json.loads(d.parts))
        late = t("补录（{w} 批准：{r}）", "late entry (allowed by {w}: {r})", w=b.name(d.late_by), r=d.late_reason) \
            if d.late_by else ""
        b.add(d.ended_at, "disinfection", t("消杀（{p} 第{r}次）", "Disinfected ({p}, round {r})", p=_place(d.location),
                                            r=d.round) + (t("·补录", " · late") if late else ""),
              " · ".join(x for x in (f"{d.agent} {d.dilution}", parts, d.operators, late) if x), d.recorded_by,
              d.station, WARN if late else OK)
        if d.recalled_at is not None:
            b.add(d.recalled_at, "disinfection.recall", t("消杀召回", "Disinfection recalled"), d.recall_reason,
                  d.recalled_by, "", BAD)
        timer = b.session.exec(select(DwellTimer).where(DwellTimer.disinfection_id == d.id)).first()
        if timer is not None:
            _timer_entries(b, timer)


def _timer_entries(b: _Builder, timer: DwellTimer) -> None:
    b.add(timer.started_wall, "dwell.start", t("静置开始（{m}分钟）", "Dwell started ({m} min)", m=timer.minutes))
    if timer.completed_at is not None and timer.early_by:
        b.add(timer.completed_at, "dwell.early", t("静置提前结束", "Dwell ended early"),
              t("督查员 {s}：{r}", "supervisor {s}: {r}", s=b.name(timer.early_by), r=timer.early_reason),
              timer.early_by, "", WARN)
    elif timer.completed_at is not None:
        b.add(timer.completed_at, "dwell.complete", t("静置完成", "Dwell complete"))
    for ev in _audit_rows(b.session, "dwell_timer", [timer.id or 0], ("dwell.stop",)):
        reason = json.loads(ev.data).get("reason", "")
        words = {"recalled": t("消杀被召回", "disinfection recalled"),
                 "superseded": t("已重新消杀，由新计时取代", "disinfected again; a new timer replaced it"),
                 "let_in": t("车辆已放行，卡口消杀完成", "vehicle let through after its gate disinfection"),
                 "vehicle cancelled": t("车辆登记已撤销", "vehicle check-in cancelled")}
        b.add(ev.at, "dwell.stop", t("静置计时停止", "Dwell timer stopped"), words.get(reason, reason), ev.operator,
              ev.station, OK if reason == "let_in" else WARN)


def _goods_entries(b: _Builder, goods: list[Consignment]) -> None:
    for c in goods:
        b.add(c.created_at, "consignment", t("登记物资：{g}", "Goods registered: {g}", g=c.description or c.category),
              " ".join(x for x in (_qty(c.quantity, c.unit), c.destination) if x), c.created_by)
    slips = b.session.exec(select(Slip).where(col(Slip.consignment_id).in_([c.id for c in goods] or [-1]))
                           .order_by(col(Slip.issued_at))).all()
    for s in slips:
        _slip_entries(b, s)


def _slip_entries(b: _Builder, s: Slip) -> None:
    b.add(s.issued_at, "slip.issue", t("开具交接单 {n}", "Slip {n} issued", n=s.number), "", s.issued_by, s.station)
    for p in b.session.exec(select(SlipPrint).where(SlipPrint.slip_id == s.id).order_by(col(SlipPrint.id))).all():
        if not p.ok:
            b.add(p.printed_at, "slip.print_failed", t("打印失败 {n}", "Print failed {n}", n=s.number), p.error,
                  p.printed_by, p.station, WARN)
        elif p.reprint_no:
            b.add(p.printed_at, "slip.reprint", t("补打交接单 {n}（第{k}次）", "Slip {n} reprinted ({k})", n=s.number,
                                                  k=p.reprint_no), p.printer, p.printed_by, p.station, WARN)
        else:
            b.add(p.printed_at, "slip.print", t("打印交接单 {n}", "Slip {n} printed", n=s.number), p.printer,
                  p.printed_by, p.station)
    if s.voided_at is not None:
        b.add(s.voided_at, "slip.void", t("交接单作废 {n}", "Slip {n} voided", n=s.number), s.void_reason,
              s.voided_by, "", WARN)
    release = b.session.exec(select(Release).where(Release.slip_id == s.id)).first()
    if release is not None:
        b.add(release.released_at, "release", t("扫码放行 {n}", "Released {n}", n=s.number),
              t("接收：{r} · 去向：{d} · 接驳车：{v}", "to {r} · {d} · vehicle {v}", r=release.receiver or "—",
                d=release.destination or "—", v=release.transfer_vehicle or "—"), release.released_by, release.station)
    for ev in b.session.exec(select(CustodyEvent).where(CustodyEvent.slip_id == s.id).order_by(col(CustodyEvent.id))).all():
        _custody_entry(b, s, ev)


def _custody_entry(b: _Builder, s: Slip, ev: CustodyEvent) -> None:
    if ev.kind == "release" and ev.verdict == "ok":
        return  # the Release row above tells it
    if ev.kind == "scan":
        words = {"not_yet": t("静置未完成，拒绝放行", "dwell not over: refused"),
                 "already": t("重复扫码：已放行过", "scanned again: already released"),
                 "voided": t("扫到作废单", "a voided slip was scanned"),
                 "recalled": t("消杀已召回，拒绝放行", "disinfection recalled: refused"),
                 "withdrawn": t("车辆已撤销或劝返，拒绝放行", "vehicle cancelled or refused: refused")}
        severity = BAD if ev.verdict in ("voided", "recalled", "withdrawn") else WARN
        b.add(ev.at, f"scan.{ev.verdict}", t("扫码 {n}", "Scan {n}", n=s.number), words.get(ev.verdict, ev.verdict),
              ev.operator, ev.station, severity)
        return
    titles = {"transfer": t("装上接驳车", "Onto the transfer vehicle"), "receive": t("签收", "Signed for"),
              "partial": t("部分签收", "Received in part"), "damage": t("破损", "Damaged")}
    detail = " · ".join(x for x in (ev.holder, ev.location, ev.vehicle, ev.reason) if x)
    b.add(ev.at, f"custody.{ev.kind}", f"{titles.get(ev.kind, ev.kind)} {s.number}", detail, ev.operator, ev.station,
          WARN if ev.kind in ("partial", "damage") else OK)


def vehicle_timeline(session: Session, *, arrival_id: int) -> list[TimelineEntry]:
    """Everything that happened to one vehicle and its goods, oldest first."""
    arrival = _arrival(session, arrival_id)
    b = _Builder(session)
    approval = session.get(Approval, arrival.approval_id) if arrival.approval_id else None
    if approval is not None:
        _approval_entries(b, approval)
    _arrival_entries(b, arrival)
    goods = list(session.exec(select(Consignment).where(Consignment.arrival_id == arrival.id)
                              .order_by(col(Consignment.id))).all())
    _disinfection_entries(b, arrival, [c.id or 0 for c in goods])
    _goods_entries(b, goods)
    for v in session.exec(select(Violation).where(Violation.arrival_id == arrival.id)).all():
        b.add(v.at, "violation", t("违规：{k}", "Violation: {k}", k=violation_kind_name(v.kind)), v.description,
              v.recorded_by, "supervision", BAD)
    return b.sorted()


# --- the day's vehicles ----------------------------------------------------------------------


def day_bounds(day: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """A local day as a UTC half-open interval."""
    start = datetime.combine(day, time(0, 0), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def _severity(a: Arrival, overrides: int, violations: int) -> str:
    if violations or a.status == "refused":
        return BAD
    if overrides or a.needs_supervisor or a.status == "cancelled":
        return WARN
    return OK


def day_arrivals(session: Session, *, day: date, tz: tzinfo) -> list[DayArrival]:
    """The vehicles that reached the gate on a local day, in arrival order, with their status."""
    lo, hi = day_bounds(day, tz)
    rows = session.exec(select(Arrival).where(Arrival.arrived_at >= lo, Arrival.arrived_at < hi)
                        .order_by(col(Arrival.arrived_at), col(Arrival.id))).all()
    out = []
    for a in rows:
        approval = session.get(Approval, a.approval_id) if a.approval_id else None
        overrides = len(session.exec(select(Override.id).where(Override.arrival_id == a.id)).all())
        violations = len(session.exec(select(Violation.id).where(Violation.arrival_id == a.id)).all())
        out.append(DayArrival(a.id or 0, display_plate(a.plate), utc(a.arrived_at), a.status,
                              status_text(a.status, a.decision), a.decision,
                              approval.supplier_name if approval else "", _point(session, a.unloading_point_id),
                              utc(a.exited_at) if a.exited_at else None, overrides, violations,
                              _severity(a, overrides, violations)))
    return out


# --- violations ------------------------------------------------------------------------------


def _violation_info(session: Session, v: Violation) -> ViolationInfo:
    arrival = session.get(Arrival, v.arrival_id) if v.arrival_id else None
    return ViolationInfo(v.id or 0, v.arrival_id, display_plate(arrival.plate) if arrival else "", v.kind,
                         violation_kind_name(v.kind), v.description, utc(v.at), v.recorded_by)


@requires(Permission.VIOLATION)
def record_violation(session: Session, *, actor: Actor, now: datetime, arrival_id: int | None, kind: str,
                     description: str) -> ViolationInfo:
    """A supervisor records a rule broken by a vehicle (windows open, route left, no mask...)."""
    if kind not in VIOLATION_KINDS:
        raise ServiceError("bad_kind", t("请选择违规类型。", "Choose the kind of violation."))
    if not description.strip():
        raise ServiceError("missing_description", t("请填写违规情况。", "Describe what happened."))
    arrival = _arrival(session, arrival_id) if arrival_id is not None else None
    site = require_site(session)
    row = Violation(site_id=site.id or 0, arrival_id=arrival.id if arrival else None, kind=kind,
                    description=description.strip(), at=now, recorded_by=actor.operator)
    session.add(row)
    session.flush()
    audit.record(session, actor=actor, action="supervision.violation", at=now, entity="violation", entity_id=row.id,
                 data={"arrival_id": row.arrival_id, "plate": arrival.plate if arrival else None, "kind": kind,
                       "description": row.description})
    return _violation_info(session, row)


def violations(session: Session, *, day: date, tz: tzinfo) -> list[ViolationInfo]:
    """Violations recorded on a local day, in time order."""
    lo, hi = day_bounds(day, tz)
    rows = session.exec(select(Violation).where(Violation.at >= lo, Violation.at < hi)
                        .order_by(col(Violation.at), col(Violation.id))).all()
    return [_violation_info(session, v) for v in rows]
