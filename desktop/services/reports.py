"""The daily report (日报): the day's vehicles by outcome, necessities that arrived, the work of the
disinfection and handoff teams in numbers, and every anomaly — as data (`daily`, `as_dict`) and as
an A4 PDF (`daily_pdf`). Reads only.

What arrived: for each vehicle admitted or sent to the handoff zone, its registered goods
(Consignment rows) when the gate registered any, otherwise the cargo of its day-ahead approval;
plus goods registered on the day without a vehicle (small deliveries, goods at the handoff zone).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict
from datetime import date, datetime, tzinfo
from typing import Any

from sqlmodel import Session, col, func, select

from desktop.documents.views import (
    Anomaly,
    Count,
    DailyReportView,
    NecessityRow,
    Quantity,
    TransitRow,
    VehicleLine,
)
from desktop.domain import necessities
from desktop.domain.checks import check_name
from desktop.domain.clock import utc
from desktop.domain.identity import display_plate
from desktop.domain.stored_words import english
from desktop.i18n import t
from desktop.services.setup import require_site
from desktop.services.timeline import OperatorNames, day_bounds, violation_kind_name
from desktop.store.models import (
    Approval,
    ApprovalCargo,
    Arrival,
    AuditEvent,
    Consignment,
    CustodyEvent,
    Disinfection,
    DwellTimer,
    Override,
    Release,
    Slip,
    Violation,
)

OUTCOMES = ("admitted", "handoff", "refused", "cancelled", "checking", "inside")


def _outcome(a: Any) -> str:
    if a.status == "cancelled":
        return "cancelled"
    return {"enter": "admitted", "handoff": "handoff", "refuse": "refused"}.get(a.decision or "", "checking")


def outcome_text(key: str) -> str:
    return {
        "admitted": t("准许进入", "Admitted"),
        "handoff": t("接驳（不进入）", "Handoff (not entering)"),
        "refused": t("劝返", "Refused"),
        "cancelled": t("登记撤销", "Cancelled"),
        "checking": t("查验中（未决定）", "Still being checked"),
        "inside": t("仍在场内", "Still inside"),
    }[key]


def _between(column: Any, lo: datetime, hi: datetime) -> Any:
    return (column >= lo) & (column < hi)


class _Tally:
    """Quantities per necessity and unit, and what the goods were."""

    def __init__(self) -> None:
        self.qty: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.lines: dict[str, int] = defaultdict(int)
        self.items: dict[str, list[str]] = defaultdict(list)
        self.kinds: dict[tuple[str, str], str] = {}  # a busy day repeats the same few goods

    def add(self, category: str, description: str, quantity: float, unit: str) -> None:
        key = self.kinds.get((category, description))
        if key is None:
            key = self.kinds[(category, description)] = necessities.classify(category, description)
        self.qty[key][unit.strip()] += quantity or 0
        self.lines[key] += 1
        item = (description or category).strip()
        if item and item not in self.items[key]:
            self.items[key].append(item)

    def rows(self) -> tuple[NecessityRow, ...]:
        out = []
        for key in necessities.KEYS:
            units = sorted(self.qty.get(key, {}).items(), key=lambda kv: -kv[1])
            out.append(NecessityRow(key, necessities.name(key), tuple(Quantity(q, u) for u, q in units if q),
                                    self.lines.get(key, 0), "、".join(self.items.get(key, [])[:8])))
        return tuple(out)


_ARRIVAL_COLUMNS = (Arrival.id, Arrival.approval_id, Arrival.plate, Arrival.arrived_at, Arrival.status,
                    Arrival.decision, Arrival.decision_reason, Arrival.decided_at, Arrival.needs_supervisor,
                    Arrival.exited_at)
Goods = tuple[str, str, float, str]  # category, description, quantity, unit


def _day_arrivals(session: Session, lo: datetime, hi: datetime) -> list[Any]:
    """The day's arrivals as plain rows (the columns the report prints, and the supplier named on
    the approval), one statement: no ORM objects to build for a busy day's 2,000 vehicles."""
    query = (select(*_ARRIVAL_COLUMNS, Approval.supplier_name)
             .outerjoin(Approval, col(Approval.id) == col(Arrival.approval_id))
             .where(_between(Arrival.arrived_at, lo, hi)).order_by(col(Arrival.arrived_at), col(Arrival.id)))
    return list(session.exec(query).all())  # type: ignore[call-overload]


def _cargo(session: Session, lo: datetime, hi: datetime, arrivals: list[Any]) -> dict[int, list[Goods]]:
    """Each arrival's goods: what the gate recorded, else what its approval announced. Two
    statements for the whole day, whatever its number of vehicles."""
    day = select(Arrival.id).where(_between(Arrival.arrived_at, lo, hi))
    out: dict[int, list[Goods]] = defaultdict(list)
    registered = (select(Consignment.arrival_id, Consignment.category, Consignment.description, Consignment.quantity,
                         Consignment.unit).where(col(Consignment.arrival_id).in_(day)).order_by(col(Consignment.id)))
    for arrival_id, *goods in session.exec(registered).all():  # type: ignore[call-overload]
        out[arrival_id].append(tuple(goods))
    # the approvals of the day's vehicles the gate registered no goods for
    unregistered = (select(Arrival.approval_id).where(_between(Arrival.arrived_at, lo, hi),
                                                      col(Arrival.approval_id).is_not(None),
                                                      ~select(Consignment.id).where(
                                                          col(Consignment.arrival_id) == col(Arrival.id)).exists()))
    announced = (select(ApprovalCargo.approval_id, ApprovalCargo.category, ApprovalCargo.description,
                        ApprovalCargo.quantity, ApprovalCargo.unit)
                 .where(col(ApprovalCargo.approval_id).in_(unregistered)).order_by(col(ApprovalCargo.id)))
    by_approval: dict[int, list[Goods]] = defaultdict(list)
    for approval_id, *goods in session.exec(announced).all():  # type: ignore[call-overload]
        by_approval[approval_id].append(tuple(goods))
    for a in arrivals:
        if a.id not in out and a.approval_id in by_approval:
            out[a.id] = by_approval[a.approval_id]
    return out


def _words(lines: list[Goods]) -> str:
    return "；".join(f"{d or c}{q:g}{u}" if q else (d or c) for c, d, q, u in lines)


def _vehicles(session: Session, lo: datetime, hi: datetime, arrivals: list[Any], tally: _Tally) -> list[VehicleLine]:
    out = []
    cargo_of = _cargo(session, lo, hi, arrivals)
    texts = {key: outcome_text(key) for key in OUTCOMES}
    for a in arrivals:
        outcome = _outcome(a)
        cargo = cargo_of.get(a.id, [])
        if outcome in ("admitted", "handoff"):
            for line in cargo:
                tally.add(*line)
        out.append(VehicleLine(a.id or 0, display_plate(a.plate), (a.supplier_name or "") if a.approval_id else "",
                               utc(a.arrived_at), outcome, texts[outcome], a.status in ("admitted", "handoff"),
                               utc(a.exited_at) if a.exited_at else None, _words(cargo)))
    return out


def _anomalies(session: Session, arrivals: list[Any], lo: datetime, hi: datetime) -> list[Anomaly]:
    out: list[Anomaly] = []
    name = OperatorNames(session)
    plates = {a.id: display_plate(a.plate) for a in arrivals}
    for a in arrivals:
        if a.decision == "refuse" and a.status != "cancelled":
            out.append(Anomaly(utc(a.decided_at or a.arrived_at), "refused", t("劝返 {p}", "Refused {p}",
                                                                              p=plates[a.id]), english(a.decision_reason), "bad"))
        if a.needs_supervisor and a.status != "cancelled":
            out.append(Anomaly(utc(a.arrived_at), "no_approval", t("无审批登记 {p}", "No approval: {p}", p=plates[a.id]),
                               t("经督查员批准登记", "checked in with a supervisor's consent"), "warn"))
    for o in session.exec(select(Override).where(_between(Override.at, lo, hi))).all():
        plate = plates.get(o.arrival_id) or _plate(session, o.arrival_id)
        out.append(Anomaly(utc(o.at), "override", t("督查员放行 {p}：{c}", "Override {p}: {c}", p=plate,
                                                     c=check_name(o.check_name)),
                           t("{s}：{r}", "{s}: {r}", s=name(o.supervisor), r=o.reason), "warn"))
    for timer in session.exec(select(DwellTimer).where(col(DwellTimer.early_by).is_not(None),
                                                       _between(DwellTimer.completed_at, lo, hi))).all():
        out.append(Anomaly(utc(timer.completed_at), "dwell_early",  # type: ignore[arg-type]
                           t("静置提前结束（{m}分钟计时）", "Dwell ended early ({m}-min timer)", m=timer.minutes),
                           t("督查员 {s}：{r}", "supervisor {s}: {r}", s=name(timer.early_by), r=timer.early_reason), "warn"))
    for d in session.exec(select(Disinfection).where(_between(Disinfection.recalled_at, lo, hi))).all():
        out.append(Anomaly(utc(d.recalled_at), "recall", t("消杀召回", "Disinfection recalled"),  # type: ignore[arg-type]
                           f"{d.agent} {d.dilution} · {d.recall_reason}", "bad"))
    for ev in session.exec(select(AuditEvent).where(AuditEvent.action == "clock.jump",
                                                    _between(AuditEvent.at, lo, hi))).all():
        seconds = json.loads(ev.data).get("jump_seconds", 0)
        out.append(Anomaly(utc(ev.at), "clock_jump", t("系统时钟跳变", "System clock jumped"),
                           t("{s} 岗位的时钟跳变 {n} 秒", "the clock at {s} jumped {n} s", s=ev.station,
                             n=round(float(seconds))), "warn"))
    for s in session.exec(select(Slip).where(_between(Slip.voided_at, lo, hi))).all():
        out.append(Anomaly(utc(s.voided_at), "slip_void", t("交接单作废 {n}", "Slip {n} voided", n=s.number),  # type: ignore[arg-type]
                           s.void_reason, "warn"))
    for ev in session.exec(select(CustodyEvent).where(col(CustodyEvent.kind).in_(("partial", "damage")),
                                                      _between(CustodyEvent.at, lo, hi))).all():
        title = t("部分签收", "Received in part") if ev.kind == "partial" else t("破损", "Damaged")
        out.append(Anomaly(utc(ev.at), f"custody_{ev.kind}", f"{title} {ev.code_raw}", ev.reason, "warn"))
    for v in session.exec(select(Violation).where(_between(Violation.at, lo, hi))).all():
        plate = plates.get(v.arrival_id) or _plate(session, v.arrival_id)
        out.append(Anomaly(utc(v.at), "violation", t("违规 {p}：{k}", "Violation {p}: {k}", p=plate or "—",
                                                     k=violation_kind_name(v.kind)), v.description, "bad"))
    return sorted(out, key=lambda x: x.at)


def _plate(session: Session, arrival_id: int | None) -> str:
    a = session.get(Arrival, arrival_id) if arrival_id else None
    return display_plate(a.plate) if a else ""


def _count(session: Session, query: Any) -> int:
    return int(session.exec(select(func.count()).select_from(query.subquery())).one())


def _counts(session: Session, lo: datetime, hi: datetime, anomalies: list[Anomaly]) -> tuple[Count, ...]:
    def c(key: str, label: str, value: int) -> Count:
        return Count(key, label, value)

    refused_scans = select(CustodyEvent.id).where(CustodyEvent.kind == "scan", CustodyEvent.verdict != "ok",
                                                  _between(CustodyEvent.at, lo, hi))
    return (
        c("disinfections", t("消杀次数", "Disinfections"),
          _count(session, select(Disinfection.id).where(_between(Disinfection.ended_at, lo, hi)))),
        c("recalls", t("消杀召回", "Disinfections recalled"),
          _count(session, select(Disinfection.id).where(_between(Disinfection.recalled_at, lo, hi)))),
        c("dwell_started", t("静置计时开始", "Dwell timers started"),
          _count(session, select(DwellTimer.id).where(_between(DwellTimer.started_wall, lo, hi)))),
        c("dwell_early", t("静置提前结束", "Dwell timers ended early"),
          sum(1 for a in anomalies if a.kind == "dwell_early")),
        c("slips_issued", t("开具交接单", "Slips issued"),
          _count(session, select(Slip.id).where(_between(Slip.issued_at, lo, hi)))),
        c("slips_voided", t("作废交接单", "Slips voided"),
          _count(session, select(Slip.id).where(_between(Slip.voided_at, lo, hi)))),
        c("slips_released", t("扫码放行", "Slips released"),
          _count(session, select(Release.id).where(_between(Release.released_at, lo, hi)))),
        c("scans_refused", t("扫码被拒（未到时、重复、作废等）", "Scans refused (early, twice, voided...)"),
          _count(session, refused_scans)),
        c("overrides", t("督查员放行", "Supervisor overrides"), sum(1 for a in anomalies if a.kind == "override")),
        c("violations", t("违规记录", "Violations"), sum(1 for a in anomalies if a.kind == "violation")),
        c("clock_jumps", t("时钟跳变", "Clock jumps"), sum(1 for a in anomalies if a.kind == "clock_jump")),
    )


def daily(session: Session, *, day: date, tz: tzinfo, now: datetime) -> DailyReportView:
    """The report of a local day, as plain data."""
    lo, hi = day_bounds(day, tz)
    arrivals = _day_arrivals(session, lo, hi)
    tally = _Tally()
    vehicles = _vehicles(session, lo, hi, arrivals, tally)
    loose = session.exec(select(Consignment).where(col(Consignment.arrival_id).is_(None),
                                                   _between(Consignment.created_at, lo, hi))).all()
    for goods in loose:
        tally.add(goods.category, goods.description, goods.quantity, goods.unit)
    counted = {key: sum(1 for v in vehicles if v.outcome == key) for key in OUTCOMES if key != "inside"}
    counted["inside"] = sum(1 for v in vehicles if v.inside)
    outcomes = (Count("total", t("到达车辆", "Vehicles arrived"), len(vehicles)),
                *(Count(k, outcome_text(k), counted[k]) for k in OUTCOMES))
    anomalies = _anomalies(session, arrivals, lo, hi)
    site = require_site(session)
    zone = getattr(tz, "key", "Asia/Shanghai")
    return DailyReportView(site.name, day, utc(now), outcomes, tally.rows(), _counts(session, lo, hi, anomalies),
                           tuple(vehicles), tuple(anomalies), tz=zone,
                           transit=_transit(session, lo, hi) if site.kind == "transit" else ())


def _transit(session: Session, lo: datetime, hi: datetime) -> tuple[TransitRow, ...]:
    """A transit station's day: dispatched per necessity, and stock on hand at the day's end."""
    from desktop.services import transit

    sent, held = transit.dispatched_between(session, lo, hi), transit.stock_at(session, hi)

    def of(figures: dict[tuple[str, str], float], key: str) -> tuple[Quantity, ...]:
        return tuple(Quantity(q, u) for (k, u), q in sorted(figures.items(), key=lambda kv: -kv[1]) if k == key and q)

    return tuple(TransitRow(key, necessities.name(key), of(sent, key), of(held, key)) for key in necessities.KEYS)


def as_dict(view: DailyReportView) -> dict[str, Any]:
    """The report as JSON-ready data (times ISO 8601 in UTC, the day as YYYY-MM-DD)."""

    def plain(value: Any) -> Any:
        if isinstance(value, datetime):
            return utc(value).isoformat()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    data = plain(asdict(view))
    data["outcomes"] = {c["key"]: c["value"] for c in data["outcomes"]}
    data["counts"] = {c["key"]: c["value"] for c in data["counts"]}
    return data


def daily_pdf(session: Session, *, day: date, tz: tzinfo, now: datetime) -> bytes:
    """The report of a local day as an A4 PDF."""
    from desktop.documents.daily_report import build_daily_report  # reportlab only when printing (views.py)

    return build_daily_report(daily(session, day=day, tz=tz, now=now))


def render(view: DailyReportView) -> bytes:
    """The PDF of a report already read (what a screen shows is what is written)."""
    from desktop.documents.daily_report import build_daily_report  # reportlab only when printing (views.py)

    return build_daily_report(view)
