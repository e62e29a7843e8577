"""Community group buying (团购, plan 2): one bag per household.

`import_file` reads the order sheet the contact person sends (.xlsx, or .csv in UTF-8 / GBK;
headers in any order and told by their words — 楼号/楼栋号, 门牌号, 收货人, 手机号码, 购买商品, 份数,
特殊情况 … — a title row above them skipped; a header none of the words place is named in the
report as not read) into one delivery batch:

* every row is checked first (building and room required, a phone number that is a mobile or a
  landline, no household twice); if any row is bad NOTHING is written and the report names each
  bad row with its number as the spreadsheet shows it and the reason;
* a good sheet becomes one HouseholdOrder per row (source_key = batch + household, so importing
  the same file again changes nothing), one Consignment for the whole delivery (category 团购,
  it goes through disinfection and dwell like any goods), one Bag per household and one bag
  label (Slip kind "bag_label") per bag;
* households that pick up get a staggered slot: buildings in natural order (2 before 10), one
  slot of `slot_minutes` each, a big building split over several slots of at most
  `per_slot` households; special-needs households (老人 / 残疾 / 无智能手机 …) are delivered to the
  door and get no slot.

Scanning a bag label at the handoff (desktop.services.handoff.scan) marks the bag picked up;
`buildings` gives, per building, the bags still waiting, picked up and for the door.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from desktop.documents.views import BagLabelView
from desktop.domain import limits
from desktop.domain.clock import utc
from desktop.domain.localtime import site_tz
from desktop.domain.permissions import Permission
from desktop.domain.text import quote, too_long
from desktop.i18n import t
from desktop.services import audit, consignments, privacy, setup, slips
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError
from desktop.services.spreadsheets import WordRows, Words, WordSheet
from desktop.store.models import AuditEvent, Bag, Consignment, HouseholdOrder, Slip

CATEGORY = "团购"
SLOT_MINUTES_KEY = "households.slot_minutes"
FIRST_SLOT_KEY = "households.first_slot"
PER_SLOT_KEY = "households.per_slot"
DEFAULT_SLOT_MINUTES = 15
DEFAULT_FIRST_SLOT = "09:00"
DEFAULT_PER_SLOT = 20  # households called down at once: room for 2 m apart at the pickup point

# A header about a household's special needs: 特殊人群, 是否独居老人, 孕妇, 残疾人, 慢病 … (also the register's)
SPECIAL_WORDS = ("特殊", "重点人群", "重点", "困难", "弱势", "独居", "老人", "孕", "残疾", "慢病", "行动不便", "special")
# Field → words that say it, tried in order: 收货人电话 is a phone, 特殊情况 special needs, 购买商品
# the items, 份数 how many of them. A header none of these place is named in the report as not read.
WORDS: Words = (
    ("phone", ("电话", "手机", "联系方式", "联系号码", "phone", "tel", "mobile")),
    ("delivery", ("送货", "配送", "取货", "自提", "上门", "delivery", "pickup")),
    ("special", SPECIAL_WORDS),
    ("count", ("份数", "数量", "件数", "份", "qty", "quantity", "count")),
    ("items", ("物品", "商品", "清单", "订购", "品名", "货品", "菜品", "套餐", "订单内容", "items", "goods")),
    ("community", ("小区", "社区", "community")),
    ("unit", ("单元", "unit")),
    ("room", ("房号", "房间", "门牌", "户号", "室号", "室", "room")),
    ("building", ("楼栋", "楼号", "栋", "幢", "楼", "building")),
    ("contact", ("联系人", "姓名", "户主", "名字", "居民", "收货人", "contact", "name")),
)
LABELS: dict[str, tuple[str, str]] = {
    "community": ("小区", "community"), "building": ("楼栋", "building"), "unit": ("单元", "unit"),
    "room": ("房号", "room"), "phone": ("电话", "phone"), "contact": ("联系人", "contact"),
    "items": ("物品", "items"), "count": ("份数", "count"), "special": ("特殊需要", "special needs"),
    "delivery": ("送货方式", "delivery"),
}
SHEET = WordSheet(WORDS, LABELS, required=("building", "room", "phone"))
NOT_SPECIAL = {"", "否", "无", "不是", "没有", "no", "n", "0", "-", "—", "/", "false"}
DOOR_WORDS = ("上门", "送货到家", "送到家", "到户", "door")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{9,11}|\d{7,8}")


# --- results ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    row: int  # as the spreadsheet shows it (header counted)
    reason: str
    household: str = ""


@dataclass
class ImportReport:
    file: str
    batch: str
    rows: int = 0
    imported: int = 0
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    consignment_id: int | None = None
    labels: list[str] = field(default_factory=list)
    door: int = 0
    ignored: list[str] = field(default_factory=list)  # headers of the sheet not read (named, never dropped unsaid)
    totals: list[int] = field(default_factory=list)  # total rows (合计 …) left out, by their row numbers

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        if self.problems:
            out = [t("{f}：{n} 行有问题，未导入任何数据。", "{f}: {n} bad rows; nothing was imported.",
                     f=quote(self.file), n=len(self.problems))]
            out += [t("第{r}行 {h}：{w}", "row {r} {h}: {w}", r=p.row, h=p.household, w=p.reason) for p in self.problems]
            return out
        if self.imported == 0 and self.unchanged:
            out = [t("{f} 已导入过（批次 {b}，{n} 户），没有变化。", "{f} was imported before (batch {b}, {n} households); "
                     "nothing changed.", f=quote(self.file), b=quote(self.batch), n=self.unchanged)]
        else:
            out = [t("{f} → 批次 {b}：导入 {n} 户，{l} 张袋标签，送货上门 {d} 户。",
                     "{f} → batch {b}: {n} households imported, {l} bag labels, {d} for door delivery.",
                     f=quote(self.file), b=quote(self.batch), n=self.imported, l=len(self.labels), d=self.door)]
        if self.ignored:
            out.append(t("未读取的列：{c}", "Columns not read: {c}", c="、".join(quote(h) for h in self.ignored)))
        if self.totals:
            out.append(t("合计行未作为订单：第{r}行", "Total rows not taken as orders: row {r}",
                         r="、".join(str(r) for r in self.totals)))
        return out

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "batch": self.batch, "ok": self.ok, "rows": self.rows, "imported": self.imported,
                "unchanged": self.unchanged, "door": self.door, "consignment_id": self.consignment_id,
                "labels": self.labels, "ignored": self.ignored, "totals": self.totals, "problems": [{"row": p.row, "reason": p.reason, "household": p.household}
                                                    for p in self.problems]}


@dataclass(frozen=True)
class BagRow:
    bag_id: int
    order_id: int
    label: str  # the bag label's number ("" if voided and not reissued)
    community: str
    building: str
    unit: str
    room: str
    phone: str  # full: the service's callers mask it where others can read it
    contact: str
    items: str
    special_needs: bool
    delivery: str  # pickup / door
    slot_start: datetime | None
    state: str  # waiting / picked_up / delivered
    picked_up_at: datetime | None

    @property
    def address(self) -> str:
        return " ".join(x for x in (self.building, self.unit, self.room) if x)


@dataclass(frozen=True)
class BuildingRow:
    building: str
    total: int
    waiting: int  # pickup bags not yet picked up
    picked_up: int
    door: int  # door-delivery bags (any state)
    door_done: int
    slots: tuple[datetime, ...]
    bags: tuple[BagRow, ...]


@dataclass(frozen=True)
class Slot:
    start: datetime
    end: datetime
    building: str
    households: int
    first: str  # first and last household of the slot ("1单元 101")
    last: str


@dataclass(frozen=True)
class BatchInfo:
    name: str
    created_at: datetime
    households: int
    waiting: int
    door: int
    consignment_id: int | None
    goods_state: str  # needs_disinfection / dwelling / ready / released / ...


# --- reading the sheet ------------------------------------------------------------------------------


def read_rows(path: Path) -> WordRows:
    """Every non-blank row under the header as (spreadsheet row number, {field: text}), the
    headers not read, the header each field was read from, and the total rows left out."""
    return answered(SHEET.read(path))


def answered(read: WordRows) -> WordRows:
    """The rows with a 是 under a special-needs header that asks (是否独居老人) read as the need it
    names (独居老人): order sheets and the household register alike."""
    asked = read.headers.get("special", "")
    return replace(read, rows=[(n, {**v, "special": _asked_need(v["special"], asked)} if "special" in v else v)
                               for n, v in read.rows])


# --- checking rows ----------------------------------------------------------------------------------


def normalise_phone(text: str) -> str | None:
    """Digits of a mobile (11, starting 13-19) or a landline (with or without area code); None if neither."""
    digits = re.sub(r"[\s\-()（）+]", "", text)
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not digits.isdigit():
        return None
    if _MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits):
        return digits
    return None


def _special(text: str) -> bool:
    return text.strip().lower() not in NOT_SPECIAL


YES = {"是", "有", "需要", "要", "yes", "y", "1", "√", "✓", "true"}
NO = {"否", "不", "不要", "不需要", "no", "n", "0", "×", "x", "false"}


def _asked_need(value: str, header: str) -> str:
    """是 under 是否独居老人 is the need 独居老人 (the header asks, the cell answers); anything else
    as written."""
    if value.strip().lower() in YES:
        return re.sub(r"^是否|[?？]$", "", header.strip()).strip() or value
    return value


def _door(text: str, header: str = "") -> bool:
    """送货上门 / 自提 as written; or 是/否 under a header that asks (是否送货上门: 是 is the door, 是否自提:
    否 is)."""
    value = text.strip().lower()
    if any(w in value for w in DOOR_WORDS):
        return True
    asks_door = any(w in header for w in DOOR_WORDS)
    asks_pickup = "自提" in header or "自取" in header
    return (asks_door and value in YES) or (asks_pickup and not asks_door and value in NO)


def _household_key(community: str, building: str, unit: str, room: str) -> str:
    norm = [re.sub(r"\s+", "", x).upper() for x in (community, building, unit, room)]
    return "|".join(norm)


def natural(text: str) -> tuple[object, ...]:
    """Sort key putting 2号楼 before 10号楼."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


@dataclass(frozen=True)
class _Draft:
    row: int
    community: str
    building: str
    unit: str
    room: str
    phone: str
    contact: str
    items: str
    special_needs: bool
    special_text: str
    delivery: str


# How long each column may be (desktop.domain.limits); a longer cell refuses its row.
CELL_MAX = {"community": limits.NAME_MAX, "building": limits.NAME_MAX, "unit": limits.NAME_MAX,
            "room": limits.NAME_MAX, "phone": limits.NAME_MAX, "contact": limits.NAME_MAX, "items": limits.TEXT_MAX,
            "special": limits.TEXT_MAX, "delivery": limits.TEXT_MAX, "count": limits.NAME_MAX}


def _too_long(v: dict[str, str]) -> list[str]:
    return [why for f, value in v.items()
            if (why := too_long(LABELS[f][0], value, CELL_MAX.get(f, limits.TEXT_MAX))) is not None]


def _items(items: str, count: str) -> str:
    """The order's items with its count folded in, as the sheet gave them: 蔬菜包 + 2 → 蔬菜包 ×2,
    蔬菜包 + 2份 → 蔬菜包 2份 (one bag per household whatever the count; the count stays on its label)."""
    count = count.strip()
    if not count or count == "1":
        return items
    joined = f"×{count}" if re.fullmatch(r"\d+(\.\d+)?", count) else count
    return f"{items} {joined}".strip()


def _check(rows: list[tuple[int, dict[str, str]]], default_community: str,
           headers: dict[str, str] | None = None) -> tuple[list[_Draft], list[RowProblem]]:
    drafts, problems = [], []
    seen: dict[str, int] = {}
    for number, v in rows:
        community = v.get("community", "") or default_community
        building, unit, room = v.get("building", ""), v.get("unit", ""), v.get("room", "")
        who = quote(" ".join(x for x in (building, unit, room) if x))
        reasons = _too_long(v)
        if reasons:  # nothing else is looked at in a cell past its size
            problems.append(RowProblem(number, "；".join(reasons), who))
            continue
        if not building:
            reasons.append(t("缺少楼栋", "the building is missing"))
        if not room:
            reasons.append(t("缺少房号", "the room is missing"))
        raw_phone = v.get("phone", "")
        phone = normalise_phone(raw_phone)
        if not raw_phone:
            reasons.append(t("缺少电话", "the phone number is missing"))
        elif phone is None:
            reasons.append(t("电话号码不对：{p}（应为11位手机号或固定电话）",
                             "not a phone number: {p} (11-digit mobile or a landline)", p=quote(raw_phone)))
        if building and room:
            key = _household_key(community, building, unit, room)
            if key in seen:
                reasons.append(t("与第{n}行重复（同一户）", "duplicates row {n} (the same household)", n=seen[key]))
            else:
                seen[key] = number
        if reasons:
            problems.append(RowProblem(number, "；".join(reasons), who))
            continue
        special_text = v.get("special", "")
        special = _special(special_text)
        door = special or _door(v.get("delivery", ""), (headers or {}).get("delivery", ""))
        drafts.append(_Draft(number, community, building, unit, room, phone or "", v.get("contact", ""),
                             _items(v.get("items", ""), v.get("count", "")), special, special_text if special else "",
                             "door" if door else "pickup"))
    return drafts, problems


# --- the schedule -----------------------------------------------------------------------------------


def slot_settings(session: Session) -> tuple[int, str, int]:
    """(slot minutes, first slot "HH:MM", households per slot) as set for this site."""
    from desktop.services import settings  # the catalogue's bounds and defaults

    minutes = int(settings.value(session, SLOT_MINUTES_KEY))
    first = str(settings.value(session, FIRST_SLOT_KEY) or DEFAULT_FIRST_SLOT)
    per = int(settings.value(session, PER_SLOT_KEY))
    return minutes, first, per


def _parse_hhmm(text: str) -> time:
    try:
        hh, mm = text.strip().replace("：", ":").split(":")
        return time(int(hh), int(mm))
    except ValueError:
        raise ServiceError("bad_time", t("时间格式应为 HH:MM：{v}", "the time must be HH:MM: {v}",
                                         v=quote(text))) from None


def plan_slots(households: list[tuple[str, str, str]], *, start: datetime, minutes: int,
               per_slot: int) -> list[tuple[datetime, list[int]]]:
    """Staggered slots for (building, unit, room) households that pick up: buildings in natural
    order, one slot each, a building with more than `per_slot` households split over several.
    Returns (slot start, indexes into `households`)."""
    if minutes <= 0:
        raise ServiceError("bad_slot", t("时段长度须大于0分钟。", "A slot must be longer than 0 minutes."))
    per_slot = max(1, per_slot)
    by_building: dict[str, list[int]] = defaultdict(list)
    for i, (b, _u, _r) in enumerate(households):
        by_building[b].append(i)
    out, at = [], start
    for building in sorted(by_building, key=natural):
        members = sorted(by_building[building], key=lambda i: (natural(households[i][1]), natural(households[i][2])))
        for first in range(0, len(members), per_slot):
            out.append((at, members[first:first + per_slot]))
            at += timedelta(minutes=minutes)
    return out


# --- import -----------------------------------------------------------------------------------------


def _batch_key(batch: str, household: str) -> str:
    return "hh:" + hashlib.sha256(f"{batch}\n{household}".encode()).hexdigest()[:40]


def _default_batch(session: Session, path: Path, now: datetime) -> str:
    """The batch this very file was imported into before (found by its SHA-256 in the audit log),
    else "MMDD-file name" of today: a file imported again on another day is still the same batch."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    events = session.exec(select(AuditEvent.entity_id, AuditEvent.data)
                          .where(AuditEvent.action == "household.import")).all()
    for entity_id, data in events:
        if json.loads(data).get("sha256") == digest:
            return entity_id
    return f"{now.astimezone(site_tz()):%m%d}-{path.stem}"[:limits.NAME_MAX]


@requires(Permission.APPROVALS_EDIT)
def import_file(session: Session, *, actor: Actor, now: datetime, path: Path, batch: str | None = None,
                pickup_day: date | None = None, first_slot: str | None = None, slot_minutes: int | None = None,
                per_slot: int | None = None) -> ImportReport:
    """Import an order sheet into one delivery batch (see the module docstring). A report with
    problems means nothing was written; a batch imported before with the same households is left
    as it is; a batch name already used for different households is refused."""
    path = Path(path)
    read = read_rows(path)  # an unreadable file is refused before anything else
    rows, headers = read.rows, read.headers
    name = (batch or _default_batch(session, path, now)).strip()
    if not name:
        raise ServiceError("missing_batch", t("请填写批次名称。", "Enter a batch name."))
    if (why := too_long(t("批次名称", "The batch name"), name, limits.NAME_MAX)) is not None:
        raise ServiceError("too_long_batch", why)
    if len(rows) > limits.SHEET_ROWS_MAX:
        raise ServiceError("too_many_rows", t("{f} 有 {n} 行，一次最多导入 {m} 行。请分成几个文件。",
                                              "{f} has {n} rows; at most {m} can be imported at once. Split the file.",
                                              f=quote(path.name), n=len(rows), m=limits.SHEET_ROWS_MAX))
    site = setup.require_site(session)
    report = ImportReport(file=path.name, batch=name, rows=len(rows), ignored=read.ignored, totals=read.totals)
    if not rows:
        report.problems.append(RowProblem(0, t("表格里没有订单。", "The sheet has no orders.")))
        return report
    drafts, report.problems = _check(rows, default_community="", headers=headers)
    if report.problems:
        return report
    keys = [_batch_key(name, _household_key(d.community, d.building, d.unit, d.room)) for d in drafts]
    existing = session.exec(select(HouseholdOrder).where(HouseholdOrder.batch == name)).all()
    if existing:
        if {o.source_key for o in existing} == set(keys):
            report.unchanged = len(existing)
            bag = session.exec(select(Bag).where(Bag.order_id == existing[0].id)).first()
            report.consignment_id = bag.consignment_id if bag else None
            return report
        raise ServiceError("batch_exists", t(
            "批次 {b} 已导入过另一份名单（{n} 户）。请换一个批次名称。",
            "Batch {b} was imported before with other households ({n}); use another batch name.",
            b=quote(name), n=len(existing)))
    taken = session.exec(select(HouseholdOrder.source_key).where(col(HouseholdOrder.source_key).in_(keys))).first()
    if taken:
        raise ServiceError("batch_exists", t("这些订单已在其他批次中。", "These orders are already in another batch."))

    minutes_set, first_set, per_set = slot_settings(session)
    minutes = slot_minutes or minutes_set
    per = per_slot or per_set
    day = pickup_day or now.astimezone(site_tz()).date()
    start = utc(datetime.combine(day, _parse_hhmm(first_slot or first_set), tzinfo=site_tz()))
    pickers = [i for i, d in enumerate(drafts) if d.delivery == "pickup"]
    slots: dict[int, datetime] = {}
    for at, members in plan_slots([(drafts[i].building, drafts[i].unit, drafts[i].room) for i in pickers],
                                  start=start, minutes=minutes, per_slot=per):
        for m in members:
            slots[pickers[m]] = at

    communities = sorted({d.community for d in drafts if d.community})
    goods = consignments.create(session, actor=actor, now=now, category=CATEGORY,
                                description=t("团购 {b}：{n} 袋", "group buying {b}: {n} bags", b=name, n=len(drafts)),
                                quantity=len(drafts), unit="袋", recipient="、".join(communities),
                                destination="、".join(communities))
    report.consignment_id = goods.id
    order_ids = []
    for i, (d, key) in enumerate(zip(drafts, keys, strict=True)):
        order = HouseholdOrder(site_id=site.id or 0, batch=name, community=d.community, building=d.building,
                               unit=d.unit, room=d.room, phone=d.phone, contact_name=d.contact, items=d.items,
                               special_needs=d.special_needs, delivery=d.delivery, pickup_slot_start=slots.get(i),
                               source_key=key, created_at=now)
        session.add(order)
        session.flush()
        bag = Bag(order_id=order.id or 0, consignment_id=goods.id, seq=1, state="waiting")
        session.add(bag)
        session.flush()
        audit.record(session, actor=actor, action="household.order", at=now, entity="household_order",
                     entity_id=order.id, data={"batch": name, "row": d.row, "community": d.community,
                                               "building": d.building, "unit": d.unit, "room": d.room,
                                               **privacy.phone_ref(session, d.phone, now=now),
                                               "contact": d.contact, "items": d.items,
                                               "special_needs": d.special_text, "delivery": d.delivery,
                                               "pickup_slot_start": slots[i].isoformat() if i in slots else None,
                                               "bag_id": bag.id})
        label = slips.issue_slip(session, actor=actor, now=now, bag_id=bag.id, kind="bag_label")
        report.labels.append(label.number)
        order_ids.append(order.id)
    report.imported = len(drafts)
    report.door = sum(1 for d in drafts if d.delivery == "door")
    audit.record(session, actor=actor, action="household.import", at=now, entity="batch", entity_id=name,
                 data={"file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                       "households": len(drafts), "door": report.door, "consignment_id": goods.id,
                       "first_slot": start.isoformat(), "slot_minutes": minutes, "per_slot": per})
    return report


@requires(Permission.APPROVALS_EDIT)
def reschedule(session: Session, *, actor: Actor, now: datetime, batch: str, pickup_day: date,
               first_slot: str, slot_minutes: int, per_slot: int | None = None) -> list[Slot]:
    """Lay the batch's pickup slots out again (another day or start); audited."""
    orders = _orders(session, batch)
    pickers = [o for o in orders if o.delivery == "pickup"]
    start = utc(datetime.combine(pickup_day, _parse_hhmm(first_slot), tzinfo=site_tz()))
    per = per_slot or slot_settings(session)[2]
    for at, members in plan_slots([(o.building, o.unit, o.room) for o in pickers], start=start,
                                  minutes=slot_minutes, per_slot=per):
        for m in members:
            pickers[m].pickup_slot_start = at
            session.add(pickers[m])
    session.flush()
    audit.record(session, actor=actor, action="household.schedule", at=now, entity="batch", entity_id=batch,
                 data={"first_slot": start.isoformat(), "slot_minutes": slot_minutes, "per_slot": per})
    return schedule(session, batch, slot_minutes=slot_minutes)


# --- reading ----------------------------------------------------------------------------------------


def _orders(session: Session, batch: str) -> list[HouseholdOrder]:
    rows = list(session.exec(select(HouseholdOrder).where(HouseholdOrder.batch == batch)).all())
    if not rows:
        raise ServiceError("unknown_batch", t("没有批次 {b}。", "No batch {b}.", b=quote(batch)))
    return rows


def _batch_infos(session: Session, rows: list[tuple[HouseholdOrder, Bag]]) -> list[BatchInfo]:
    grouped: dict[str, list[tuple[HouseholdOrder, Bag]]] = defaultdict(list)
    for order, bag in rows:
        grouped[order.batch].append((order, bag))
    out = []
    for name, members in grouped.items():
        cid = members[0][1].consignment_id
        goods = session.get(Consignment, cid) if cid else None
        out.append(BatchInfo(name, utc(min(o.created_at for o, _ in members)), len(members),
                             sum(1 for o, b in members if o.delivery == "pickup" and b.state == "waiting"),
                             sum(1 for o, _ in members if o.delivery == "door"), cid, goods.state if goods else ""))
    return sorted(out, key=lambda b: (b.created_at, b.name), reverse=True)


def _with_bags() -> Any:
    return select(HouseholdOrder, Bag).join(Bag, col(Bag.order_id) == col(HouseholdOrder.id))


def batches(session: Session) -> list[BatchInfo]:
    """Every batch, newest first."""
    return _batch_infos(session, list(session.exec(_with_bags()).all()))


def batch_info(session: Session, batch: str) -> BatchInfo | None:
    """One batch (what the page re-reads after every pickup: only that batch's rows)."""
    found = _batch_infos(session, list(session.exec(_with_bags().where(HouseholdOrder.batch == batch)).all()))
    return found[0] if found else None


def bags(session: Session, batch: str) -> list[BagRow]:
    """Every bag of a batch, by building, unit and room."""
    orders = {o.id: o for o in _orders(session, batch)}
    found = session.exec(select(Bag).where(col(Bag.order_id).in_(list(orders)))).all()
    labels = {s.bag_id: s.number for s in session.exec(
        select(Slip).where(col(Slip.bag_id).in_([b.id for b in found]), col(Slip.voided_at).is_(None))).all()}
    out = []
    for bag in found:
        o = orders[bag.order_id]
        out.append(BagRow(bag.id or 0, o.id or 0, labels.get(bag.id, ""), o.community, o.building, o.unit, o.room,
                          o.phone, o.contact_name, o.items, o.special_needs, o.delivery,
                          utc(o.pickup_slot_start) if o.pickup_slot_start else None, bag.state,
                          utc(bag.picked_up_at) if bag.picked_up_at else None))
    return sorted(out, key=lambda r: (natural(r.building), natural(r.unit), natural(r.room)))


def buildings(session: Session, batch: str) -> list[BuildingRow]:
    """Per building: bags still waiting for pickup, picked up, and for the door."""
    grouped: dict[str, list[BagRow]] = defaultdict(list)
    for row in bags(session, batch):
        grouped[row.building].append(row)
    out = []
    for name in sorted(grouped, key=natural):
        members = grouped[name]
        pick = [b for b in members if b.delivery == "pickup"]
        door = [b for b in members if b.delivery == "door"]
        out.append(BuildingRow(name, len(members), sum(1 for b in pick if b.state == "waiting"),
                               sum(1 for b in pick if b.state != "waiting"), len(door),
                               sum(1 for b in door if b.state == "delivered"),
                               tuple(sorted({b.slot_start for b in pick if b.slot_start})), tuple(members)))
    return out


def waiting(session: Session, batch: str | None = None) -> list[BuildingRow]:
    """The per-building list of bags still waiting (pickup not done, door not delivered) of one
    batch, or of every batch."""
    names = [batch] if batch else [b.name for b in batches(session)]
    out = []
    for name in names:
        for row in buildings(session, name):
            left = tuple(b for b in row.bags if (b.state == "waiting" if b.delivery == "pickup" else b.state != "delivered"))
            if left:
                out.append(BuildingRow(row.building, row.total, row.waiting, row.picked_up, row.door, row.door_done,
                                       row.slots, left))
    return out


def door_list(session: Session, batch: str) -> list[BagRow]:
    """Special-needs and other door-delivery households of a batch."""
    return [b for b in bags(session, batch) if b.delivery == "door"]


def schedule(session: Session, batch: str, *, slot_minutes: int | None = None) -> list[Slot]:
    """The pickup slots of a batch in time order, with who is called in each."""
    grouped: dict[tuple[datetime, str], list[BagRow]] = defaultdict(list)
    for b in bags(session, batch):
        if b.delivery == "pickup" and b.slot_start is not None:
            grouped[(b.slot_start, b.building)].append(b)
    starts = sorted({start for start, _ in grouped})
    gaps = [(b - a).total_seconds() // 60 for a, b in pairwise(starts) if b > a]
    minutes = slot_minutes or (int(min(gaps)) if gaps else slot_settings(session)[0])
    out = []
    for (start, building), members in sorted(grouped.items(), key=lambda kv: (kv[0][0], natural(kv[0][1]))):
        names = [" ".join(x for x in (m.unit, m.room) if x) for m in members]
        out.append(Slot(start, start + timedelta(minutes=minutes), building, len(members), names[0], names[-1]))
    return out


def local_hhmm(at: datetime | None) -> str:
    return utc(at).astimezone(site_tz()).strftime("%H:%M") if at else ""


# --- labels -----------------------------------------------------------------------------------------


def label_views(session: Session, batch: str, *, numbers: list[str] | None = None) -> list[BagLabelView]:
    """What each bag label of a batch shows, in building / unit / room order (or only `numbers`)."""
    rows = [b for b in bags(session, batch) if b.label]
    plan = {(s.start, s.building): s.end for s in schedule(session, batch)}
    site = setup.require_site(session)
    wanted = {n.strip().upper() for n in numbers} if numbers else None
    out = []
    for i, b in enumerate(rows, start=1):
        if wanted is not None and b.label not in wanted:
            continue
        out.append(BagLabelView(number=b.label, community=b.community, building=b.building, unit=b.unit, room=b.room,
                                phone=b.phone, items=b.items, slot_start=b.slot_start,
                                slot_end=plan.get((b.slot_start, b.building)) if b.slot_start else None,
                                door=b.delivery == "door", batch=batch, seq=f"{i}/{len(rows)}", site_name=site.name))
    return out


def render_labels(session: Session, batch: str, *, size: str = "60x40", numbers: list[str] | None = None) -> bytes:
    """The PDF of a batch's bag labels (writing a PDF is not a print: nothing is recorded)."""
    views = label_views(session, batch, numbers=numbers)
    if not views:
        raise ServiceError("no_labels", t("批次 {b} 没有可打印的袋标签。", "Batch {b} has no bag labels to print.",
                                          b=quote(batch)))
    from desktop.documents.bag_label import build_labels  # reportlab only when printing (views.py)

    return build_labels(views, size)


@requires(Permission.PRINT)
def record_label_prints(session: Session, *, actor: Actor, now: datetime, numbers: list[str], printer: str,
                        paper: str, ok: bool = True, error: str = "") -> int:
    """Record the bag labels a printer took (or refused) — after the job, never before; each is a
    `slip.print` of its label. Returns how many were recorded."""
    for number in numbers:
        slips.record_print(session, actor=actor, now=now, number=number, printer=printer, paper=paper, ok=ok,
                           error=error)
    return len(numbers)
