"""Recording a disinfection (消杀) and recalling a faulty one.

A disinfection covers a vehicle (and the goods registered with its arrival), or the goods of
scanned slips / bag labels. Finishing it starts the dwell timer (desktop.services.dwell) and the
goods it covered become "dwelling". A recall sends them back to "needs_disinfection".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from desktop.domain import codes
from desktop.domain.clock import Clock, utc
from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import audit, consignments, dwell, late_entry, roster, setup
from desktop.services.authz import authoriser_of, requires, requires_or_authorised
from desktop.services.context import Actor, ServiceError
from desktop.store.models import Arrival, Bag, Consignment, Disinfection, DisinfectionItem, DwellTimer, Slip

AGENTS_KEY = "disinfection.agents"
PARTS_KEY = "disinfection.parts"
DEFAULT_AGENTS = [
    {"agent": "84消毒液", "dilution": "1:100"},
    {"agent": "75%酒精擦拭", "dilution": "75%"},
]
DEFAULT_PARTS = ["货厢门把手", "后备箱锁", "轮胎", "外包装", "特殊物品(酒精擦拭)"]
LOCATIONS = ("gate", "unloading_point", "handoff_zone", "transit")
GONE = ("refused", "cancelled", "exited")
DONE_GOODS = ("released", "delivered")
VEHICLE_WINDOW = timedelta(hours=24)
ARRIVAL_SLACK = timedelta(minutes=5)  # two laptops' clocks need not agree to the second  # "today" for a night shift that crosses midnight


@dataclass(frozen=True)
class AgentPreset:
    agent: str
    dilution: str


@dataclass(frozen=True)
class Presets:
    agents: list[AgentPreset]
    parts: list[str]
    dwell_minutes: int


def presets(session: Session) -> Presets:
    """Agents with their dilution, and the parts to tick, as set for this site."""
    from desktop.services import settings

    stored = setup.get_setting(session, AGENTS_KEY)
    if isinstance(stored, list) and stored and all(isinstance(a, dict) for a in stored):
        agents = [AgentPreset(str(a["agent"]), str(a.get("dilution", ""))) for a in stored]  # stored before the catalogue
    else:
        agents = [agent_preset(text) for text in settings.value(session, AGENTS_KEY)]
    parts = settings.value(session, PARTS_KEY) or DEFAULT_PARTS  # an empty list means the built-in one
    return Presets(agents or [AgentPreset(a["agent"], a["dilution"]) for a in DEFAULT_AGENTS],
                   [str(p) for p in parts], dwell.dwell_minutes(session))


def agent_preset(text: str) -> AgentPreset:
    """A disinfectant as the settings list holds it, "84消毒液 1:100": the last word after a space is
    its dilution (none without a space)."""
    agent, _, dilution = text.strip().rpartition(" ")
    return AgentPreset(agent.strip(), dilution) if agent.strip() else AgentPreset(dilution, "")


# --- what is being disinfected ---------------------------------------------------------------------


@dataclass(frozen=True)
class VehicleRow:
    arrival_id: int
    plate: str
    status: str
    arrived_at: datetime
    consignments: int


@dataclass(frozen=True)
class SlipTarget:
    number: str
    kind: str  # slip / bag_label
    consignment_id: int
    label: str
    state: str


def _vehicle_row(session: Session, a: Arrival) -> VehicleRow:
    return VehicleRow(a.id or 0, a.plate, a.status, utc(a.arrived_at), len(consignments.for_arrival(session, a.id or 0)))


def vehicles(session: Session, *, now: datetime) -> list[VehicleRow]:
    """The gate's vehicles that may be disinfected now (at the gate before entry, admitted or sent to
    handoff), newest first."""
    rows = session.exec(select(Arrival).where(col(Arrival.status).in_(("checking", "admitted", "handoff")),
                                              col(Arrival.arrived_at) >= now - VEHICLE_WINDOW)
                        .order_by(col(Arrival.arrived_at).desc())).all()
    return [_vehicle_row(session, a) for a in rows]


def normalise_plate(plate: str) -> str:
    return "".join(plate.split()).upper().replace("·", "").replace("-", "")


def _check_arrival(a: Arrival) -> None:
    if a.status == "refused":
        raise ServiceError("vehicle_refused", t("车辆 {p} 已被拒绝进入，不能登记消杀。",
                                                "Vehicle {p} was refused; no disinfection can be recorded.", p=a.plate))
    if a.status == "cancelled":
        raise ServiceError("vehicle_cancelled", t("车辆 {p} 的登记已作废。", "The arrival of vehicle {p} was cancelled.",
                                                  p=a.plate))
    if a.status == "exited":
        raise ServiceError("vehicle_left", t("车辆 {p} 已离开，不能登记消杀。",
                                             "Vehicle {p} has already left; no disinfection can be recorded.", p=a.plate))


def find_vehicle(session: Session, *, plate: str, now: datetime) -> VehicleRow:
    """The latest arrival of a typed plate within the last day; refused or departed vehicles are refused."""
    wanted = normalise_plate(plate)
    if not wanted:
        raise ServiceError("missing_plate", t("请输入车牌号。", "Enter a plate number."))
    rows = session.exec(select(Arrival).where(col(Arrival.arrived_at) >= now - VEHICLE_WINDOW)
                        .order_by(col(Arrival.arrived_at).desc())).all()
    match = next((a for a in rows if normalise_plate(a.plate) == wanted), None)
    if match is None:
        raise ServiceError("unknown_vehicle", t("今天门岗没有登记车牌 {p}。", "The gate has logged no vehicle {p} today.",
                                                p=wanted))
    _check_arrival(match)
    return _vehicle_row(session, match)


def resolve_slip(session: Session, *, code: str) -> SlipTarget:
    """A scanned or typed slip / bag-label number, or a refusal saying what is wrong with it."""
    try:
        number = codes.parse(code).text
    except codes.CodeError as exc:
        raise ServiceError("invalid_slip", t("无法识别的单号：{c}（请重新扫描）", "Not a slip number: {c} (scan again)",
                                             c=code.strip() or "—")) from exc
    slip = session.exec(select(Slip).where(Slip.number == number)).first()
    if slip is None:
        raise ServiceError("unknown_slip", t("没有找到交接单 {c}。", "No slip {c} is on record.", c=number))
    if slip.voided_at is not None:
        raise ServiceError("voided_slip", t("交接单 {c} 已作废。", "Slip {c} has been voided.", c=number))
    cid = slip.consignment_id
    if cid is None and slip.bag_id is not None:
        bag = session.get(Bag, slip.bag_id)
        cid = bag.consignment_id if bag else None
    goods = session.get(Consignment, cid) if cid else None
    if goods is None:
        raise ServiceError("unknown_slip", t("交接单 {c} 没有对应的物资。", "Slip {c} has no goods attached.", c=number))
    return SlipTarget(number, slip.kind, goods.id or 0, goods.description or goods.category, goods.state)


# --- recording ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DisinfectionForm:
    """What the disinfection team filled in. Give a vehicle (arrival_id or plate) and/or slips."""

    location: str
    agent: str
    dilution: str
    parts: tuple[str, ...]
    operators: tuple[str, ...]
    ppe_mask: bool
    ppe_gloves: bool
    ppe_gown: bool
    started_at: datetime
    ended_at: datetime
    arrival_id: int | None = None
    plate: str = ""
    slips: tuple[str, ...] = ()
    consignment_ids: tuple[int, ...] = ()  # goods picked from a list rather than scanned
    round: int = 1
    unloading_point_id: int | None = None
    # recorded after gate.late_entry_grace_minutes: a supervisor's reason (and account/PIN if someone else records it)
    late_reason: str = ""
    late_supervisor: str = ""
    late_pin: str = ""
    # an operator on the staff roster whose test is stale: a supervisor's reason (and account/PIN if someone else records it)
    stale_reason: str = ""
    stale_supervisor: str = ""
    stale_pin: str = ""


@dataclass(frozen=True)
class Recorded:
    disinfection_id: int
    timer_id: int
    consignment_ids: list[int]
    minutes: int
    ready_at: datetime
    label: str


def _check_form(form: DisinfectionForm, now: datetime) -> None:
    if form.location not in LOCATIONS:
        raise ServiceError("bad_location", t("请选择消杀地点。", "Choose where the disinfection took place."))
    if not form.agent.strip():
        raise ServiceError("missing_agent", t("请选择消毒剂。", "Choose the disinfectant."))
    if not [p for p in form.parts if p.strip()]:
        raise ServiceError("missing_parts", t("请勾选已消杀的部位。", "Tick the parts that were disinfected."))
    if not [o for o in form.operators if o.strip()]:
        raise ServiceError("missing_operators", t("请填写消杀人员。", "Enter who disinfected."))
    if not (form.ppe_mask and form.ppe_gloves and form.ppe_gown):
        raise ServiceError("ppe", t("消杀人员须戴口罩、手套并穿隔离衣，请逐项确认。",
                                    "Confirm mask, gloves and gown for the disinfection team."))
    if form.ended_at < form.started_at:
        raise ServiceError("end_before_start", t("结束时间早于开始时间。", "The end time is before the start time."))
    if form.ended_at > now + timedelta(minutes=1):
        raise ServiceError("end_in_future", t("结束时间晚于现在。", "The end time is in the future."))
    if form.round < 1:
        raise ServiceError("bad_round", t("消杀轮次须从1开始。", "The round starts at 1."))


def _targets(session: Session, form: DisinfectionForm, now: datetime) -> tuple[Arrival | None, list[int], str]:
    arrival = None
    if form.arrival_id is not None:
        arrival = session.get(Arrival, form.arrival_id)
        if arrival is None:
            raise ServiceError("unknown_vehicle", t("找不到该车辆登记。", "No such vehicle arrival."))
        _check_arrival(arrival)
    elif form.plate.strip():
        arrival = session.get(Arrival, find_vehicle(session, plate=form.plate, now=now).arrival_id)
    if arrival is not None and form.started_at < utc(arrival.arrived_at) - ARRIVAL_SLACK:
        raise ServiceError("before_arrival", t("开始时间早于车辆 {p} 到达卡口的时间。",
                                               "The start is before vehicle {p} reached the gate.", p=arrival.plate))
    goods: list[int] = []
    kinds = set()
    for code in form.slips:
        target = resolve_slip(session, code=code)
        if target.state in DONE_GOODS:
            raise ServiceError("already_released", t("交接单 {c} 的物资已放行。", "The goods of slip {c} were already released.",
                                                     c=target.number))
        kinds.add(target.kind)
        goods.append(target.consignment_id)
    for cid in form.consignment_ids:
        info = consignments.get(session, cid)
        if info is None:
            raise ServiceError("unknown_consignment", t("找不到该批物资。", "No such consignment."))
        if info.state in DONE_GOODS:
            raise ServiceError("already_released", t("该批物资已放行。", "These goods were already released."))
        goods.append(cid)
    if arrival is not None:
        goods += [c.id for c in consignments.for_arrival(session, arrival.id or 0) if c.state not in DONE_GOODS]
    if arrival is None and not goods:
        raise ServiceError("no_target", t("请先扫描交接单、选择车辆或输入车牌。",
                                          "Scan a slip, choose a vehicle or type a plate first."))
    target = "vehicle" if arrival is not None else ("bags" if kinds == {"bag_label"} else "consignment")
    return arrival, list(dict.fromkeys(goods)), target


def _supersede(session: Session, *, actor: Actor, now: datetime, new: Disinfection, goods: list[int]) -> None:
    """An earlier running timer whose goods were all disinfected again gives way to the new one."""
    earlier = session.exec(select(DwellTimer, Disinfection)
                           .join(Disinfection, col(Disinfection.id) == col(DwellTimer.disinfection_id))
                           .where(col(DwellTimer.state).in_(("running", "complete")), Disinfection.id != new.id)).all()
    for timer, d in earlier:
        mine = set(dwell.covered(session, d.id or 0))
        same_vehicle = d.arrival_id is not None and d.arrival_id == new.arrival_id
        if (mine and mine <= set(goods)) or (not mine and same_vehicle):
            dwell.stop(session, actor=actor, now=now, timer=timer, reason="superseded")


@requires(Permission.DISINFECT)
def record(session: Session, *, actor: Actor, clock: Clock, form: DisinfectionForm) -> Recorded:
    """Store a finished disinfection and start its dwell timer; nothing is stored on a refusal."""
    reading = clock.read()
    _check_form(form, reading.wall)
    late = late_entry.check(session, actor=actor, now=reading.wall, at=form.ended_at, what=t("消杀结束", "disinfection end"),
                            reason=form.late_reason, supervisor=form.late_supervisor, pin=form.late_pin)
    arrival, goods, target = _targets(session, form, reading.wall)
    staff_override = roster.check_operators(session, actor=actor, now=reading.wall, names=form.operators,
                                            reason=form.stale_reason, supervisor=form.stale_supervisor,
                                            pin=form.stale_pin)
    site = setup.require_site(session)
    row = Disinfection(site_id=site.id, target=target, arrival_id=arrival.id if arrival else None,
                       location=form.location, unloading_point_id=form.unloading_point_id, round=form.round,
                       agent=form.agent.strip(), dilution=form.dilution.strip(),
                       parts=json.dumps([p.strip() for p in form.parts if p.strip()], ensure_ascii=False),
                       operators="、".join(o.strip() for o in form.operators if o.strip()),
                       ppe_mask=form.ppe_mask, ppe_gloves=form.ppe_gloves, ppe_gown=form.ppe_gown,
                       started_at=form.started_at, ended_at=form.ended_at, station=actor.station,
                       recorded_by=actor.operator, late_reason=late.reason if late else "",
                       late_by=late.supervisor if late else None)
    session.add(row)
    session.flush()
    for cid in goods:
        session.add(DisinfectionItem(disinfection_id=row.id or 0, consignment_id=cid))
    session.flush()
    audit.record(session, actor=actor, action="disinfection.record", at=reading.wall, entity="disinfection",
                 entity_id=row.id, data={"target": target, "arrival_id": row.arrival_id, "consignments": goods,
                                         "slips": list(form.slips), "location": row.location, "round": row.round,
                                         "agent": row.agent, "dilution": row.dilution, "parts": json.loads(row.parts),
                                         "operators": row.operators, "ppe": [True, True, True],
                                         "started_at": form.started_at.isoformat(),
                                         "ended_at": form.ended_at.isoformat(),
                                         "late": {"minutes": late.minutes, "reason": late.reason,
                                                  "supervisor": late.supervisor} if late else None,
                                         "stale_test": {"names": list(staff_override.names),
                                                        "reason": staff_override.reason,
                                                        "supervisor": staff_override.supervisor}
                                         if staff_override else None})
    _supersede(session, actor=actor, now=reading.wall, new=row, goods=goods)
    for cid in goods:
        consignments.set_state(session, actor=actor, now=reading.wall, consignment_id=cid, state="dwelling",
                               reason=f"disinfection {row.id}")
    timer = dwell.start_timer(session, actor=actor, reading=reading, disinfection_id=row.id or 0,
                              ended_at=form.ended_at, clock=clock)
    label = arrival.plate if arrival else "、".join(form.slips)
    return Recorded(row.id or 0, timer.id or 0, goods, timer.minutes,
                    utc(timer.started_wall) + timedelta(minutes=timer.minutes), label)


# --- recall ------------------------------------------------------------------------------------------


@requires_or_authorised(Permission.RECALL)
def recall(session: Session, *, actor: Actor, now: datetime, disinfection_id: int, reason: str,
           supervisor: str = "", pin: str = "") -> list[int]:
    """A disinfection found faulty: its timer stops and the goods it covered need disinfecting again
    (unless a later disinfection already covered them). Returns the consignments sent back.
    A supervisor recalls; anyone else needs a supervisor's account and PIN (`supervisor`, `pin`)."""
    if not reason.strip():
        raise ServiceError("missing_reason", t("请填写召回原因（如稀释比例错误、漏消部位）。",
                                               "Give the reason (wrong dilution, parts skipped...)."))
    row = session.get(Disinfection, disinfection_id)
    if row is None:
        raise ServiceError("unknown_disinfection", t("找不到该消杀记录。", "No such disinfection record."))
    if row.recalled_at is not None:
        raise ServiceError("already_recalled", t("该消杀记录已被召回。", "This disinfection was already recalled."))
    row.recalled_at, row.recall_reason, row.recalled_by = now, reason.strip(), actor.operator
    session.add(row)
    timer = session.exec(select(DwellTimer).where(DwellTimer.disinfection_id == disinfection_id)).first()
    if timer is not None and timer.state in ("running", "complete"):
        dwell.stop(session, actor=actor, now=now, timer=timer, reason="recalled")
    back, gone = [], []
    for cid in dwell.covered(session, disinfection_id):
        goods = session.get(Consignment, cid)
        if goods is None:
            continue
        if goods.state in DONE_GOODS:
            gone.append(cid)
            continue
        latest = dwell.latest_disinfection(session, cid)
        if latest is not None and latest[0].id == disinfection_id:
            consignments.set_state(session, actor=actor, now=now, consignment_id=cid, state="needs_disinfection",
                                   reason=f"disinfection {disinfection_id} recalled")
            back.append(cid)
    audit.record(session, actor=actor, action="disinfection.recall", at=now, entity="disinfection",
                 entity_id=disinfection_id, data={"reason": row.recall_reason, "consignments": back,
                                                  "already_released": gone, "authoriser": authoriser_of(session)})
    return back


@dataclass(frozen=True)
class DisinfectionRow:
    id: int
    label: str
    location: str
    round: int
    agent: str
    dilution: str
    ended_at: datetime
    recalled: bool


def recent(session: Session, *, limit: int = 50) -> list[DisinfectionRow]:
    """The latest disinfections, newest first (to pick one to recall)."""
    rows = session.exec(select(Disinfection).order_by(col(Disinfection.id).desc()).limit(limit)).all()
    out = []
    for d in rows:
        label, _ = dwell.describe(session, d, dwell.covered(session, d.id or 0))
        out.append(DisinfectionRow(d.id or 0, label, d.location, d.round, d.agent, d.dilution, utc(d.ended_at),
                                   d.recalled_at is not None))
    return out
