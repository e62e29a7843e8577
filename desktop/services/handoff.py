"""The handoff (接驳): scanning slips to move goods on — never early, never twice — and the custody
chain that follows them to the canteen, supermarket or building.

`scan` gives a `Verdict` for whatever the scanner (or a person) typed and writes one custody event
and one audit event for it. A release is decided by the database: the `Release` row's slip_id is
UNIQUE, and it is inserted under a SAVEPOINT inside the scan's own transaction, so when two
stations release the same slip at the same moment one insert wins and the other becomes ALREADY.

The same slip scanned again within `REPEAT_WINDOW` at the same station is one scan (a scanner that
reads twice, a hand that shakes): the first verdict is given again and nothing new is written.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy import select as sa_select
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from desktop.domain import limits, scanner
from desktop.domain.clock import Clock, utc
from desktop.domain.enums import display
from desktop.domain.identity import display_plate
from desktop.domain.localtime import site_tz
from desktop.domain.permissions import Permission
from desktop.domain.text import quote, too_long
from desktop.i18n import language, t
from desktop.services import audit, authz, cancellation, dwell, privacy, release_path, settings
from desktop.services.authz import internal, requires
from desktop.services.context import Actor, ServiceError
from desktop.services.setup import require_site
from desktop.store.engine import Database
from desktop.store.models import Bag, Consignment, CustodyEvent, HouseholdOrder, Operator, Release, Slip
from desktop.store.prepared import Prepared

REPEAT_WINDOW = timedelta(seconds=2)
HANDOVER_KINDS = ("transfer", "receive", "partial", "damage")
_NEEDS_REASON = ("partial", "damage")


class VerdictKind(StrEnum):
    OK = "ok"
    NOT_YET = "not_yet"
    ALREADY = "already"
    VOIDED = "voided"
    RECALLED = "recalled"
    UNKNOWN = "unknown"
    INVALID = "invalid"
    BUSY = "busy"  # the database could not be reached in time: nothing was recorded
    WITHDRAWN = "withdrawn"  # the vehicle it came with was cancelled or refused (desktop.services.cancellation)


@dataclass(frozen=True)
class Verdict:
    """What to show, big, for one scan. `headline` is the few words in huge type, `message` the
    sentence under them; the rest is there for screens, the CLI's --json and tests."""

    kind: VerdictKind
    code: str  # the slip number as read, or the cleaned raw text
    headline: str
    message: str
    at: datetime
    slip_number: str | None = None
    slip_kind: str | None = None
    remaining_s: int | None = None  # NOT_YET while dwelling
    released_at: datetime | None = None  # OK / ALREADY
    released_by: str | None = None
    released_station: str | None = None
    receiver: str = ""
    destination: str = ""
    transfer_vehicle: str = ""
    custody_kind: str = "scan"  # scan / release / transfer / receive / partial / damage
    repeat: bool = False  # the same scan again within REPEAT_WINDOW: nothing new recorded
    event_id: int | None = None
    goods: str | None = None  # what the slip's goods are ("大米 · 东北米 60袋"), from the scan's read; None: not read

    @property
    def ok(self) -> bool:
        return self.kind is VerdictKind.OK

    @property
    def remaining_text(self) -> str:
        return mmss(self.remaining_s) if self.remaining_s is not None else ""


@dataclass(frozen=True)
class CustodyInfo:
    id: int
    slip_number: str | None
    kind: str
    verdict: str
    station: str
    operator: str
    at: datetime
    holder: str
    location: str
    vehicle: str
    quantity: float | None
    reason: str
    code: str


def goods_words(category: str, description: str, quantity: float | None, unit: str) -> str:
    """'大米 · 东北米 60袋': the goods as a verdict names them ('' when nothing is known)."""
    what = " · ".join(x for x in (category, description) if x)
    if quantity:
        what += f" {int(quantity) if float(quantity).is_integer() else f'{quantity:g}'}{unit}"
    return what.strip()


def _goods_of(slip: Slip | None, st: release_path.SlipState | None) -> str | None:
    """The goods of the slip's own consignment, from the joined read (as its printed slip names them);
    None where that read does not say (no slip, an onward dispatch's slip)."""
    if slip is None or st is None or slip.kind == "dispatch":
        return None
    return goods_words(*st.goods) if slip.consignment_id is not None else ""


def mmss(seconds: int) -> str:
    """Time left as mm:ss (minutes may pass 99 for very long dwells)."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def local_time(at: datetime) -> str:
    return utc(at).astimezone(site_tz()).strftime("%H:%M:%S")


# --- reading the slip -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Judgement:
    """What the rules say before anything is written: a refusal, or READY to release."""

    kind: VerdictKind | None  # None: ready to release
    headline: str = ""
    message: str = ""
    remaining_s: int | None = None
    release: Release | None = None
    consignment_id: int | None = None
    bag: Bag | None = None
    state: release_path.SlipState | None = None  # the joined read it was judged from


def _printable(raw: str) -> str:
    return "".join(c for c in raw if c.isprintable()).strip()[:64]


def _who(session: Session, username: str | None) -> str:
    if not username:
        return ""
    names: dict[str, str] = session.info.setdefault(authz.NAMES, {})  # the actor's is noted by its role check
    if username not in names:
        shown = _DISPLAY_NAME.scalar(session.connection(), {"username": username})
        names[username] = shown or username
    return names[username]


_OPS = Operator.__table__  # type: ignore[attr-defined]
_DISPLAY_NAME = Prepared(sa_select(_OPS.c.display_name).where(_OPS.c.username == bindparam("username")).limit(1))


def _headlines() -> dict[VerdictKind, str]:
    return {
        VerdictKind.OK: t("放行", "OK"),
        VerdictKind.NOT_YET: t("未到时间", "NOT YET"),
        VerdictKind.ALREADY: t("已交接", "ALREADY HANDED OFF"),
        VerdictKind.VOIDED: t("已作废", "VOIDED"),
        VerdictKind.RECALLED: t("已召回", "RECALLED"),
        VerdictKind.UNKNOWN: t("未知单号", "UNKNOWN"),
        VerdictKind.INVALID: t("条码无效", "INVALID"),
        VerdictKind.BUSY: t("系统忙", "BUSY"),
        VerdictKind.WITHDRAWN: t("车辆已撤销", "VEHICLE WITHDRAWN"),
    }


def headline(kind: VerdictKind) -> str:
    return _headlines()[kind]


def _already(session: Session, release: Release | None) -> _Judgement:
    if release is None:
        return _Judgement(VerdictKind.ALREADY, message=t("这批物资已经放行。", "These goods have already been moved on."))
    return _Judgement(VerdictKind.ALREADY, release=release, message=t(
        "已于 {at} 由 {who} 在 {st} 交接（接收：{r}，去向：{d}）。不要重复发放。",
        "Handed off at {at} by {who} at {st} (received by {r}, to {d}). Do not hand it out again.",
        at=local_time(release.released_at), who=_who(session, release.released_by),
        st=display(release.station, language()) if release.station else "—",
        r=quote(release.receiver or "—"), d=quote(release.destination or "—")))


def _voided(session: Session, slip: Slip) -> _Judgement:
    return _Judgement(VerdictKind.VOIDED, message=t(
        "该单已于 {at} 由 {who} 作废：{why}。请找开单人核对。",
        "Voided at {at} by {who}: {why}. Check with whoever issued it.",
        at=local_time(slip.voided_at or datetime.min), who=_who(session, slip.voided_by), why=quote(slip.void_reason or "—")))


def _withdrawn(st: release_path.SlipState) -> _Judgement | None:
    """`withdrawn`, from the joined read."""
    if st.arrival_status not in cancellation.WITHDRAWN_STATUSES or st.release is not None:
        return None
    cancelled = st.arrival_status == "cancelled"
    what = t("已撤销登记", "had its check-in cancelled") if cancelled else t("已被劝返", "was refused")
    return _Judgement(VerdictKind.WITHDRAWN, message=t(
        "该单物资所属车辆 {p} {w}（{r}）：物资不得放行，请交督查员处理。",
        "The vehicle {p} these goods came with {w} ({r}): do not release them; call a supervisor.",
        p=display_plate(st.plate), w=what, r=quote((st.cancel_reason if cancelled else st.decision_reason) or "—")))


def _status(session: Session, st: release_path.SlipState, clock: Clock) -> dwell.ReleaseStatus:
    """`dwell.release_status`, from the joined read (the clocks are read only for a running timer)."""
    timer = st.timer
    timer_id = timer.id if timer is not None else None
    if not st.goods_found:
        raise ServiceError("unknown_consignment", t("找不到该批物资。", "No such consignment."))
    if st.goods_state in ("released", "delivered"):
        return dwell.ReleaseStatus("released", None, None, timer_id)
    if st.disinfection_id is None:
        return dwell.ReleaseStatus("needs_disinfection", None, None, None)
    if st.recalled_at is not None:
        return dwell.ReleaseStatus("recalled", None, None, timer_id)
    if timer is None or timer.state == "stopped":
        return dwell.ReleaseStatus("needs_disinfection", None, None, timer_id)
    if timer.state == "released":
        return dwell.ReleaseStatus("released", None, None, timer_id)
    return dwell.timed_status(session, timer, clock)


_READ = "handoff.joined_read"  # session.info: (slip id, SlipState) that `scan` read for `_judge`, used once


def _judge(session: Session, slip: Slip, clock: Clock) -> _Judgement:
    read = session.info.pop(_READ, None)
    st = read[1] if read is not None and read[0] == slip.id else release_path.state(session, slip.id or 0)
    if (gone := _withdrawn(st)) is not None:
        return gone
    if slip.voided_at is not None:
        return _voided(session, slip)
    if st.release is not None:
        return _already(session, st.release)
    if slip.kind == "dispatch":  # a transit station's onward dispatch: its goods left stock when it was issued
        from desktop.services.transit import dispatched_message

        return _Judgement(VerdictKind.ALREADY, message=dispatched_message(session, slip))
    consignment_id, bag = st.consignment_id, st.bag
    if consignment_id is None:
        return _Judgement(VerdictKind.NOT_YET, message=t(
            "该单没有登记消杀，不能放行。", "No disinfection is recorded for this slip; it cannot be released."))
    status = _status(session, st, clock)
    if status.state == "recalled":
        return _Judgement(VerdictKind.RECALLED, consignment_id=consignment_id, message=t(
            "消杀记录已被召回：须重新消杀并静置后才能放行。",
            "The disinfection was recalled: disinfect again and let it stand before release."))
    if status.state == "needs_disinfection":
        return _Judgement(VerdictKind.NOT_YET, consignment_id=consignment_id, message=t(
            "尚未消杀，不能放行。", "Not disinfected yet; it cannot be released."))
    if status.state == "dwelling":
        left = int((status.remaining or timedelta(0)).total_seconds() + 0.999)
        return _Judgement(VerdictKind.NOT_YET, consignment_id=consignment_id, remaining_s=left, message=t(
            "静置未满，还需 {left}（{at} 后可放行）。", "Still standing: {left} to go (ready at {at}).",
            left=mmss(left), at=local_time(status.ready_at) if status.ready_at else "—"))
    if status.state == "released" and not (bag is not None and bag.state == "waiting"):
        other = session.exec(select(Release).join(Slip, col(Slip.id) == col(Release.slip_id))
                             .where(Slip.consignment_id == consignment_id)).first()
        return _already(session, other)
    return _Judgement(None, consignment_id=consignment_id, bag=bag, state=st)


# --- recording ------------------------------------------------------------------------------------


def _event(session: Session, *, actor: Actor, now: datetime, slip: Slip | None, code: str, verdict: str,
           kind: str, holder: str = "", location: str = "", vehicle: str = "", quantity: float | None = None,
           reason: str = "") -> CustodyEvent:
    # custody events keep no ID or phone number in full (a receiver typed as "张三 138…", an ID card scanned)
    row = CustodyEvent(slip_id=slip.id if slip else None, code_raw=privacy.scrub(code), verdict=verdict, kind=kind,
                       station=actor.station, operator=actor.operator, at=now, holder=privacy.scrub_free_text(holder),
                       location=privacy.scrub_free_text(location), vehicle=vehicle, quantity=quantity,
                       reason=privacy.scrub_free_text(reason))
    session.add(row)  # flushed (and given its id) by the audit record that always follows
    return row


def _recent_scan(session: Session, *, slip: Slip | None, code: str, actor: Actor, now: datetime) -> Any:
    """The same scan at this station within REPEAT_WINDOW (a row with .id and .verdict), or None."""
    return release_path.recent_scan(session, slip_id=slip.id if slip else None, code=code, station=actor.station,
                                    since=now - REPEAT_WINDOW, now=now)


def _verdict(session: Session, j: _Judgement, *, code: str, now: datetime, slip: Slip | None) -> Verdict:
    rel = j.release
    kind = j.kind or VerdictKind.OK
    title = j.headline or headline(kind)
    if kind is VerdictKind.NOT_YET and j.remaining_s is not None:
        title = f"{title} {mmss(j.remaining_s)}"
    return Verdict(
        kind=kind, code=code, headline=title, message=j.message, at=now,
        slip_number=slip.number if slip else None, slip_kind=slip.kind if slip else None,
        remaining_s=j.remaining_s, released_at=utc(rel.released_at) if rel else None,
        released_by=_who(session, rel.released_by) if rel else None, released_station=rel.station if rel else None,
        receiver=rel.receiver if rel else "", destination=rel.destination if rel else "",
        transfer_vehicle=rel.transfer_vehicle if rel else "")


def _refuse(session: Session, j: _Judgement, *, actor: Actor, now: datetime, slip: Slip | None, code: str,
            raw: str) -> Verdict:
    verdict = _verdict(session, j, code=code, now=now, slip=slip)
    event_id = release_path.custody(session, actor=actor, now=now, slip_id=slip.id if slip else None, code=code,
                                    verdict=verdict.kind.value, kind="scan")
    audit.record(session, actor=actor, action="handoff.scan", at=now, entity="slip",
                 entity_id=slip.id if slip else "", data={"code": privacy.scrub(code), "raw": privacy.scrub(_printable(raw)),
                                                          "verdict": verdict.kind.value, "message": verdict.message})
    return replace(verdict, event_id=event_id)


def _released_message(rel: Release) -> str:
    return t("已放行 · 接收：{r} · 去向：{d} · 接驳车：{v}", "Released · received by {r} · to {d} · transfer vehicle {v}",
             r=quote(rel.receiver or "—"), d=quote(rel.destination or "—"), v=quote(rel.transfer_vehicle or "—"))


def _release(session: Session, j: _Judgement, *, actor: Actor, now: datetime, slip: Slip, code: str,
             raw: str, receiver: str, destination: str, transfer_vehicle: str) -> Verdict:
    """Core statements, one audit event, no flush (`release_path`): the UNIQUE slip_id decides, not
    the read above — a lost race is refused as ALREADY in the same transaction."""
    st = j.state or release_path.state(session, slip.id or 0)
    written = release_path.write_release(session, st, actor=actor, now=now, slip_id=slip.id or 0, number=slip.number,
                                         code=code, receiver=receiver, destination=destination,
                                         transfer_vehicle=transfer_vehicle)
    if written is None:
        winner = session.exec(select(Release).where(Release.slip_id == slip.id)).first()
        if winner is None:  # some other constraint: not a race we understand, so no verdict
            raise RuntimeError(f"release of slip {slip.id} was neither inserted nor found")
        return _refuse(session, _already(session, winner), actor=actor, now=now, slip=slip, code=code, raw=raw)
    rel = written.release
    verdict = _verdict(session, _Judgement(None, message=_released_message(rel), release=rel), code=code, now=now,
                       slip=slip)
    return replace(verdict, custody_kind="release", event_id=written.event_id)


def _too_long_scan(raw: str, now: datetime) -> Verdict | None:
    """A "scan" longer than any code (a key held down, a paste, a scanner gone wrong) is refused
    before it is read, and not recorded: there is nothing in it worth keeping."""
    text = raw.strip()
    if len(text) <= limits.CODE_MAX:
        return None
    return Verdict(kind=VerdictKind.UNKNOWN, code=quote(scanner.clean(text)), headline=headline(VerdictKind.UNKNOWN),
                   at=now, message=t("条码太长（{n}个字符，单号最多{m}个）：{v}。未记录。",
                                     "Too long for a slip number ({n} characters, at most {m}): {v}. Not recorded.",
                                     n=len(text), m=limits.CODE_MAX, v=quote(text)))


def _check_fields(**fields: tuple[str, str, int]) -> None:
    """Typed fields past their size are refused before anything is written."""
    for name, (what, value, limit) in fields.items():
        if (why := too_long(what, value.strip(), limit)) is not None:
            raise ServiceError(f"too_long_{name}", why)


def _lookup(session: Session, raw: str) -> tuple[Slip | None, str, _Judgement | None]:
    """The slip a scan names, the code to record, or why there is none."""
    code = release_path.site_code(session) or require_site(session).code  # (no site: require_site says so)
    read = scanner.read_scan(raw, site=code)
    if read.kind is scanner.ScanKind.INVALID:
        return None, scanner.clean(raw)[:64], _Judgement(VerdictKind.INVALID, message=t(
            "校验位不符：标签损坏或输入有误。请重新扫描，或核对后重新输入。",
            "The check character is wrong: a damaged label or a typo. Scan again, or check and retype."))
    if read.kind is scanner.ScanKind.GARBAGE or read.code is None:
        return None, scanner.clean(raw)[:64] or _printable(raw), _Judgement(VerdictKind.UNKNOWN, message=t(
            "无法识别的条码，不是交接单。", "Not a slip: the barcode could not be read as a slip number."))
    if read.site != code:
        return None, read.code, _Judgement(VerdictKind.UNKNOWN, message=t(
            "{c} 不是本站点（{s}）的单号。", "{c} is not a slip of this site ({s}).", c=quote(read.code), s=code))
    slip = release_path.slip(session, read.code)
    if slip is None:
        return None, read.code, _Judgement(VerdictKind.UNKNOWN, message=t(
            "找不到单号 {c}：未在本站开具。", "No slip numbered {c} was issued here.", c=quote(read.code)))
    return slip, read.code, None


def _bag_defaults(session: Session, bag: Bag | None, receiver: str, destination: str) -> tuple[str, str]:
    """A household's bag goes to the household: its label names who receives it and where, so a
    bag pickup left blank takes the order's contact and address."""
    if bag is None or (receiver and destination):
        return receiver, destination
    order = session.get(HouseholdOrder, bag.order_id)
    if order is None:
        return receiver, destination
    address = " ".join(p for p in (order.building, order.unit, order.room) if p)
    return receiver or order.contact_name or order.phone, destination or address


def _require_release_fields(session: Session, *, receiver: str, destination: str) -> None:
    """Where the site says so (`handoff.require_receiver` / `handoff.require_destination`, both on
    by default), goods are not released to nobody or to nowhere: the record must say who took them
    and where they went. Checked only when the goods are ready, so a refusal still reads as one."""
    if receiver and destination:
        return  # the usual scan: nothing to look up
    if not receiver and settings.value(session, "handoff.require_receiver"):
        raise ServiceError("missing_receiver", t("放行须填写接收人：谁接收这批物资？",
                                                 "A release needs the receiver: who takes these goods?"))
    if not destination and settings.value(session, "handoff.require_destination"):
        raise ServiceError("missing_destination", t("放行须填写去向：物资送往哪里？",
                                                    "A release needs the destination: where do the goods go?"))


# --- the use cases --------------------------------------------------------------------------------


@requires(Permission.RELEASE)
def scan(session: Session, *, code: str, actor: Actor, clock: Clock, receiver: str = "", destination: str = "",
         transfer_vehicle: str = "") -> Verdict:
    """Judge one scan and record it: release the goods when their dwell is over, or say why not."""
    now = clock.now()
    if (too_long_scan := _too_long_scan(code, now)) is not None:
        return too_long_scan
    _check_fields(receiver=(t("接收人", "The receiver"), receiver, limits.NAME_MAX),
                  destination=(t("去向", "The destination"), destination, limits.TEXT_MAX),
                  transfer_vehicle=(t("接驳车", "The transfer vehicle"), transfer_vehicle, limits.NAME_MAX))
    clocks = dwell.clock_check(session, actor=actor, clock=clock)  # a mark of this station's clock, and its skew
    slip, key, refusal = _lookup(session, code)
    st = None  # the one joined read: the slip's state and its latest scan here within the repeat window
    if slip is not None:
        st = release_path.state(session, slip.id or 0, station=actor.station, since=now - REPEAT_WINDOW, now=now)
        session.info[_READ] = (slip.id, st)
    verdict = _scan(session, slip, key, st, refusal, clocks, actor=actor, clock=clock, now=now, code=code,
                    receiver=receiver, destination=destination, transfer_vehicle=transfer_vehicle)
    goods = _goods_of(slip, st)
    return verdict if goods is None else replace(verdict, goods=goods)


def _scan(session: Session, slip: Slip | None, key: str, st: release_path.SlipState | None,
          refusal: _Judgement | None, clocks: dwell.ClockCheck, *, actor: Actor, clock: Clock, now: datetime,
          code: str, receiver: str, destination: str, transfer_vehicle: str) -> Verdict:
    judgement = refusal or _judge(session, slip, clock)  # type: ignore[arg-type]
    session.info.pop(_READ, None)
    previous = st.recent if st is not None else _recent_scan(session, slip=None, code=key, actor=actor, now=now)
    if previous is not None:
        if previous.verdict == VerdictKind.OK and slip is not None:
            rel = st.release if st is not None else None  # read with the slip, in this transaction
            if rel is not None:
                again = _Judgement(None, message=_released_message(rel), release=rel)
                return replace(_verdict(session, again, code=key, now=now, slip=slip), repeat=True,
                               custody_kind="release", event_id=previous.id)
        if judgement.kind is not None:
            return replace(_verdict(session, judgement, code=key, now=now, slip=slip), repeat=True,
                           event_id=previous.id)
    if judgement.kind is None and slip is not None:
        clocks.require()  # "clock_skew": a station whose clock is off the server's releases nothing
        receiver, destination = _bag_defaults(session, judgement.bag, receiver.strip(), destination.strip())
        _require_release_fields(session, receiver=receiver, destination=destination)
        return _release(session, judgement, actor=actor, now=now, slip=slip, code=key, raw=code,
                        receiver=receiver, destination=destination, transfer_vehicle=transfer_vehicle.strip())
    return _refuse(session, judgement, actor=actor, now=now, slip=slip, code=key, raw=code)


@requires(Permission.RELEASE)
def hand_over(session: Session, *, code: str, actor: Actor, now: datetime, kind: str, holder: str = "",
              location: str = "", vehicle: str = "", quantity: float | None = None, reason: str = "") -> Verdict:
    """A link of the custody chain after the release: onto the transfer vehicle (transfer), signed
    for at the canteen/supermarket/building (receive), or received short or damaged (partial,
    damage — with a reason). Only a released slip can change hands."""
    if kind not in HANDOVER_KINDS:
        raise ValueError(kind)
    if kind in _NEEDS_REASON and not reason.strip():
        raise ServiceError("missing_reason", t("部分签收或破损必须填写原因。",
                                               "A partial receipt or damage needs a reason."))
    if quantity is not None and not limits.quantity_ok(quantity):
        raise ServiceError("bad_quantity", t("数量 {q} 不对（应大于0、不超过{m}）。",
                                             "The quantity {q} is not valid (more than 0, at most {m}).",
                                             q=quote(f"{quantity:g}"), m=limits.QUANTITY_MAX))
    if (too_long_scan := _too_long_scan(code, now)) is not None:
        return too_long_scan
    _check_fields(holder=(t("经手人", "The holder"), holder, limits.NAME_MAX),
                  location=(t("地点", "The place"), location, limits.TEXT_MAX),
                  vehicle=(t("接驳车", "The transfer vehicle"), vehicle, limits.NAME_MAX),
                  reason=(t("原因", "The reason"), reason, limits.TEXT_MAX))
    slip, key, refusal = _lookup(session, code)
    if refusal is None and slip is not None and slip.voided_at is not None:
        refusal = _voided(session, slip)
    released = slip is not None and session.exec(select(Release.id).where(Release.slip_id == slip.id)).first()
    if refusal is None and not released:
        refusal = _Judgement(VerdictKind.NOT_YET, message=t(
            "该单尚未放行，不能转交。请先在接驳岗扫码放行。",
            "This slip has not been released yet; release it at the handoff first."))
    if refusal is not None:
        return _refuse(session, refusal, actor=actor, now=now, slip=slip, code=key, raw=code)
    assert slip is not None
    again = _recent_hand_over(session, slip=slip, kind=kind, actor=actor, now=now)
    if again is not None:  # the scanner read it twice: one hand-over
        return Verdict(kind=VerdictKind.OK, code=key, headline=custody_title(kind), message=_hand_over_message(again),
                       at=now, slip_number=slip.number, slip_kind=slip.kind, custody_kind=kind, repeat=True,
                       event_id=again.id, receiver=again.holder, destination=again.location,
                       transfer_vehicle=again.vehicle)
    ev = _event(session, actor=actor, now=now, slip=slip, code=key, verdict="ok", kind=kind, holder=holder.strip(),
                location=location.strip(), vehicle=vehicle.strip(), quantity=quantity, reason=reason.strip())
    if kind == "receive" and slip.bag_id is not None:
        bag = session.get(Bag, slip.bag_id)
        if bag is not None:
            bag.state = "delivered"
            session.add(bag)
    audit.record(session, actor=actor, action=f"custody.{kind}", at=now, entity="slip", entity_id=slip.id,
                 data={"number": slip.number, "holder": ev.holder, "location": ev.location, "vehicle": ev.vehicle,
                       "quantity": quantity, "reason": ev.reason})
    return Verdict(kind=VerdictKind.OK, code=key, headline=custody_title(kind), message=_hand_over_message(ev), at=now, slip_number=slip.number,
                   slip_kind=slip.kind, custody_kind=kind, event_id=ev.id, receiver=ev.holder,
                   destination=ev.location, transfer_vehicle=ev.vehicle)


@dataclass(frozen=True)
class Waiting:
    number: str
    state: str  # needs_disinfection / dwelling / ready / recalled
    remaining_s: int | None
    description: str
    destination: str


def waiting(session: Session, *, clock: Clock, limit: int = 200) -> list[Waiting]:
    """Live slips whose goods have not gone yet, ready ones first: what the handoff team has to move."""
    rows = session.exec(
        select(Slip, Consignment).join(Consignment, col(Consignment.id) == col(Slip.consignment_id))
        .where(col(Slip.voided_at).is_(None), col(Slip.bag_id).is_(None),
               col(Consignment.state).not_in(("released", "delivered")))
        .order_by(col(Slip.issued_at)).limit(limit)).all()
    out = []
    for slip, goods in rows:
        status = dwell.release_status(session, consignment_id=goods.id or 0, clock=clock)
        left = int(status.remaining.total_seconds() + 0.999) if status.remaining and status.state == "dwelling" else None
        out.append(Waiting(slip.number, status.state, left, goods.description or goods.category,
                           goods.destination))
    order = {"ready": 0, "dwelling": 1, "recalled": 2, "needs_disinfection": 3}
    return sorted(out, key=lambda w: (order.get(w.state, 9), w.remaining_s or 0))


def _recent_hand_over(session: Session, *, slip: Slip, kind: str, actor: Actor, now: datetime) -> CustodyEvent | None:
    return session.exec(select(CustodyEvent).where(
        CustodyEvent.slip_id == slip.id, CustodyEvent.kind == kind, CustodyEvent.station == actor.station,
        CustodyEvent.at >= now - REPEAT_WINDOW, CustodyEvent.at <= now).order_by(col(CustodyEvent.id).desc())).first()


def _hand_over_message(ev: CustodyEvent) -> str:
    return {
        "transfer": t("已装上接驳车 {v}（{h}）。", "Loaded onto transfer vehicle {v} ({h}).",
                      v=quote(ev.vehicle or "—"), h=quote(ev.holder or "—")),
        "receive": t("{l} 已签收（{h}）。", "Received at {l} ({h}).", l=quote(ev.location or "—"),
                     h=quote(ev.holder or "—")),
        "partial": t("部分签收：{q}。原因：{r}", "Partly received: {q}. Reason: {r}",
                     q="—" if ev.quantity is None else f"{ev.quantity:g}", r=quote(ev.reason)),
        "damage": t("破损登记。原因：{r}", "Damage recorded. Reason: {r}", r=quote(ev.reason)),
    }.get(ev.kind, "")


def custody_title(kind: str) -> str:
    """The headline of a hand-over after the release."""
    return {"transfer": t("已转运", "TRANSFERRED"), "receive": t("已签收", "RECEIVED"),
            "partial": t("部分签收", "PARTIAL"), "damage": t("破损", "DAMAGED")}.get(kind, kind)


def custody_chain(session: Session, number: str) -> list[CustodyInfo]:
    """Every scan and hand-over of one slip, oldest first."""
    slip, _key, _refusal = _lookup(session, number)
    if slip is None:
        return []
    rows = session.exec(select(CustodyEvent).where(CustodyEvent.slip_id == slip.id)
                        .order_by(col(CustodyEvent.at), col(CustodyEvent.id))).all()
    return [_custody(r, slip.number) for r in rows]


def last_release_fields(session: Session, *, station: str) -> tuple[str, str]:
    """The receiver and destination of the latest release at `station` (empty when none): the
    handoff screen starts from them, since one station mostly hands to the same people and place."""
    rel = session.exec(select(Release).where(Release.station == station)
                       .order_by(col(Release.id).desc()).limit(1)).first()
    return (rel.receiver, rel.destination) if rel is not None else ("", "")


def recent_scans(session: Session, *, station: str | None = None, limit: int = 30) -> list[CustodyInfo]:
    """The latest custody events (newest first), for the handoff screen's list."""
    query = select(CustodyEvent, Slip.number).join(Slip, col(Slip.id) == col(CustodyEvent.slip_id), isouter=True)
    if station:
        query = query.where(CustodyEvent.station == station)
    rows = session.exec(query.order_by(col(CustodyEvent.id).desc()).limit(limit)).all()
    return [_custody(ev, number) for ev, number in rows]


def _custody(ev: CustodyEvent, number: str | None) -> CustodyInfo:
    return CustodyInfo(ev.id or 0, number, ev.kind, ev.verdict, ev.station, ev.operator, utc(ev.at), ev.holder,
                       ev.location, ev.vehicle, ev.quantity, ev.reason, ev.code_raw)


# --- when the database is busy --------------------------------------------------------------------


def is_busy(exc: BaseException) -> bool:
    """The database stayed locked by another station past the busy timeout."""
    text = str(exc).lower()
    return any(w in text for w in ("database is locked", "database is busy", "could not obtain lock",
                                   "lock timeout"))


def busy_verdict(code: str, now: datetime) -> Verdict:
    """Nothing was recorded and nothing released: say so, and ask for the scan again."""
    return Verdict(kind=VerdictKind.BUSY, code=scanner.clean(code)[:64], headline=headline(VerdictKind.BUSY),
                   message=t("数据库正忙（其他岗位正在写入），本次扫码未记录、未放行。请稍后重扫。",
                             "The database is busy (another station is writing): this scan was not recorded and "
                             "nothing was released. Scan again in a moment."), at=now)


@internal("opens a session and calls scan, which checks RELEASE")
def scan_in(db: Database, *, code: str, actor: Actor, clock: Clock, **fields: str) -> Verdict:
    """`scan` in its own transaction; a database that stays busy gives the BUSY verdict."""
    try:
        with db.session() as session:
            return scan(session, code=code, actor=actor, clock=clock, **fields)
    except OperationalError as exc:
        if is_busy(exc):
            return busy_verdict(code, clock.now())
        raise
