"""The community's household register (住户名册): every household, ordering or not.

Group buying had only orders, so a household that did not order was invisible. The register is
the list the community cadence (`desktop.services.cadence`) holds the orders against, and it names
the special-needs households (独居老人, 孕妇, 慢病 …) that get a phone call every round.

`import_sheet` reads a register sheet (.xlsx, or .csv in UTF-8 / GBK; a title row above the header
skipped). Headers are recognised by the words that matter (楼栋号（必填）, 户主姓名, 手机号码, 特殊人群类别 …,
normalised as `desktop.services.columns` normalises supplier sheets). Every row is checked first: if
any row is bad NOTHING is written and each bad row is named with its number and the reason. A good
sheet adds the new households and updates the known ones (matched by building, unit and room);
households the sheet does not name are kept. `add` types one household in; `add_from_orders` takes
the households of an imported order batch into the register.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, select

from desktop.domain import limits
from desktop.domain.masking import mask_phone
from desktop.domain.permissions import Permission
from desktop.domain.text import quote, too_long
from desktop.i18n import t
from desktop.services import audit, setup
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError
from desktop.services.households import NOT_SPECIAL, SPECIAL_WORDS, YES, answered, normalise_phone
from desktop.services.spreadsheets import WordSheet
from desktop.store.models import Household, HouseholdOrder

# Field → words that say it, in the order they are tried (电话 before 联系人: 户主电话 is a phone).
WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("phone", ("电话", "手机", "联系方式", "联系号码", "phone", "tel", "mobile")),
    ("special", SPECIAL_WORDS),
    ("community", ("小区", "社区", "community")),
    ("unit", ("单元", "unit")),
    ("room", ("房号", "房间", "门牌", "户号", "室号", "室", "room")),
    ("building", ("楼栋", "楼号", "栋", "幢", "楼", "building")),
    ("contact", ("联系人", "姓名", "户主", "名字", "居民", "收货人", "contact", "name")),
    ("note", ("备注", "说明", "情况", "note", "remark")),
)
LABELS = {"community": ("小区", "community"), "building": ("楼栋", "building"), "unit": ("单元", "unit"),
          "room": ("房号", "room"), "contact": ("联系人", "contact"), "phone": ("电话", "phone"),
          "special": ("特殊人群", "special needs"), "note": ("备注", "note")}
CELL_MAX = {"note": limits.TEXT_MAX, "special": limits.TEXT_MAX}


SHEET = WordSheet(WORDS, LABELS, required=("building", "room"))


def key_of(building: str, unit: str, room: str) -> str:
    """How a household is matched (to the register, to its orders): building, unit and room,
    full-width folded, spaces dropped, upper case."""
    return "|".join(re.sub(r"\s+", "", unicodedata.normalize("NFKC", x)).upper() for x in (building, unit, room))


@dataclass(frozen=True)
class RowProblem:
    row: int
    reason: str
    household: str = ""


@dataclass
class RegisterReport:
    file: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    special: int = 0
    ignored: list[str] = field(default_factory=list)  # headers not read
    totals: list[int] = field(default_factory=list)  # total rows (合计 …) left out
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        if self.problems:
            out = [t("{f}：{n} 行有问题，未导入任何数据。", "{f}: {n} bad rows; nothing was imported.",
                     f=quote(self.file), n=len(self.problems))]
            return out + [t("第{r}行 {h}：{w}", "row {r} {h}: {w}", r=p.row, h=p.household, w=p.reason)
                          for p in self.problems]
        out = [t("{f}：新增 {a} 户，更新 {u} 户，未变 {s} 户；特殊人群 {n} 户。",
                 "{f}: {a} households added, {u} updated, {s} unchanged; {n} with special needs.",
                 f=quote(self.file), a=self.added, u=self.updated, s=self.unchanged, n=self.special)]
        if self.ignored:
            out.append(t("未读取的列：{c}", "Columns not read: {c}", c="、".join(quote(h) for h in self.ignored)))
        if self.totals:
            out.append(t("合计行未作为住户：第{r}行", "Total rows not taken as households: row {r}",
                         r="、".join(str(r) for r in self.totals)))
        return out


@dataclass(frozen=True)
class Draft:
    row: int
    community: str
    building: str
    unit: str
    room: str
    contact: str
    phone: str
    special_needs: bool
    special_note: str

    @property
    def key(self) -> str:
        return key_of(self.building, self.unit, self.room)

    @property
    def address(self) -> str:
        return " ".join(x for x in (self.building, self.unit, self.room) if x)


def read_rows(path: Path) -> tuple[list[tuple[int, dict[str, str]]], list[str], list[int]]:
    """(spreadsheet row number, {field: text}) of every non-blank row, the headers not read and
    the total rows left out; a 是 under a header that asks (是否独居老人) is the need it names."""
    read = answered(SHEET.read(path))
    return read.rows, read.ignored, read.totals


def _special(text: str, note: str) -> tuple[bool, str]:
    flag = text.strip().lower()
    if flag in NOT_SPECIAL:
        return False, ""
    return True, (note if flag in YES else "；".join(x for x in (text.strip(), note) if x))


def check(number: int, v: dict[str, str]) -> tuple[Draft | None, list[str]]:
    """One row as a draft, or the reasons it is refused."""
    reasons = [why for f, value in v.items()
               if (why := too_long(t(*LABELS[f]), value, CELL_MAX.get(f, limits.NAME_MAX))) is not None]
    if reasons:
        return None, reasons
    building, unit, room = v.get("building", ""), v.get("unit", ""), v.get("room", "")
    if not building:
        reasons.append(t("缺少楼栋", "the building is missing"))
    if not room:
        reasons.append(t("缺少房号", "the room is missing"))
    raw = v.get("phone", "")
    phone = normalise_phone(raw) if raw else ""
    if phone is None:
        reasons.append(t("电话号码不对：{p}", "not a phone number: {p}", p=quote(raw)))
    special, note = _special(v.get("special", ""), v.get("note", ""))
    if special and not raw and "phone" in v:
        reasons.append(t("特殊人群须有电话（每轮电话问询）", "a special-needs household needs a phone (called every round)"))
    if reasons:
        return None, reasons
    return Draft(number, v.get("community", ""), building, unit, room, v.get("contact", ""), phone or "", special,
                 note[:limits.TEXT_MAX]), []


_COLUMNS = {"contact_name": ("contact",), "phone": ("phone",), "special_needs": ("special",),
            "special_note": ("special", "note")}


OUTCOMES = ("added", "updated", "unchanged")  # what _apply says of a household (the audit action register.{outcome})


def _apply(session: Session, *, actor: Actor, now: datetime, d: Draft, site_id: int,
           columns: frozenset[str] | None = None) -> str:
    """added / updated / unchanged. A known household keeps what the sheet has no column for."""
    row = session.exec(select(Household).where(Household.site_id == site_id, Household.key == d.key)).first()
    values = {"community": d.community or (row.community if row else ""), "building": d.building, "unit": d.unit,
              "room": d.room, "contact_name": d.contact, "phone": d.phone, "special_needs": d.special_needs,
              "special_note": d.special_note, "active": True}
    if row is not None and columns is not None:
        values = {k: v for k, v in values.items() if not set(_COLUMNS.get(k, ())).isdisjoint(columns)
                  or k not in _COLUMNS}
    if row is None:
        session.add(Household(site_id=site_id, key=d.key, created_at=now, updated_at=now, created_by=actor.operator,
                              **values))
        return "added"
    if all(getattr(row, k) == v for k, v in values.items()):
        return "unchanged"
    for k, v in values.items():
        setattr(row, k, v)
    row.updated_at = now
    session.add(row)
    return "updated"


@requires(Permission.APPROVALS_EDIT)
def import_sheet(session: Session, *, actor: Actor, now: datetime, path: Path) -> RegisterReport:
    """A register sheet into the register, all rows or none (the report names every bad row)."""
    path = Path(path)
    rows, ignored, totals = read_rows(path)
    report = RegisterReport(file=path.name, rows=len(rows), ignored=ignored, totals=totals)
    seen: dict[str, int] = {}
    drafts: list[Draft] = []
    site_id = setup.require_site(session).id
    phones = dict(session.exec(select(Household.key, Household.phone).where(Household.site_id == site_id)).all())
    for number, v in rows:
        draft, reasons = check(number, v)
        who = quote(" ".join(x for x in (v.get("building", ""), v.get("unit", ""), v.get("room", "")) if x))
        if draft is not None and draft.key in seen:
            reasons = [t("与第{r}行重复", "repeats row {r}", r=seen[draft.key])]
        elif draft is not None and draft.special_needs and not draft.phone and not phones.get(draft.key):
            reasons = [t("特殊人群须有电话（每轮电话问询）", "a special-needs household needs a phone (called every round)")]
        if reasons:
            report.problems.append(RowProblem(number, "；".join(reasons), who))
            continue
        assert draft is not None
        seen[draft.key] = number
        drafts.append(draft)
    if report.problems:
        return report
    columns = frozenset(rows[0][1]) if rows else frozenset()
    for d in drafts:
        outcome = _apply(session, actor=actor, now=now, d=d, site_id=site_id, columns=columns)
        setattr(report, outcome, getattr(report, outcome) + 1)
    report.special = sum(d.special_needs for d in drafts)
    session.flush()
    audit.record(session, actor=actor, action="register.import", at=now, entity="household", entity_id=path.name,
                 data={"rows": report.rows, "added": report.added, "updated": report.updated,
                       "unchanged": report.unchanged, "special": report.special})
    return report


@requires(Permission.APPROVALS_EDIT)
def add(session: Session, *, actor: Actor, now: datetime, building: str, room: str, unit: str = "",
        community: str = "", contact: str = "", phone: str = "", special: str = "", note: str = "") -> Household:
    """One household typed in (or corrected: the same building, unit and room update it)."""
    values = {"community": community.strip(), "building": building.strip(), "unit": unit.strip(),
              "room": room.strip(), "contact": contact.strip(), "phone": phone.strip(), "special": special.strip(),
              "note": note.strip()}
    draft, reasons = check(0, values)
    if draft is None:
        raise ServiceError("bad_household", "；".join(reasons))
    site_id = setup.require_site(session).id
    outcome = _apply(session, actor=actor, now=now, d=draft, site_id=site_id)
    session.flush()
    row = session.exec(select(Household).where(Household.site_id == site_id, Household.key == draft.key)).one()
    audit.record(session, actor=actor, action=f"register.{outcome}", at=now, entity="household", entity_id=row.id,
                 data={"address": draft.address, "phone": mask_phone(draft.phone), "special": draft.special_needs})
    return row


@requires(Permission.APPROVALS_EDIT)
def add_from_orders(session: Session, *, actor: Actor, now: datetime, batch: str) -> int:
    """Take the households of an order batch into the register (those not in it yet); how many."""
    site_id = setup.require_site(session).id
    known = set(session.exec(select(Household.key).where(Household.site_id == site_id)).all())
    added = 0
    for o in session.exec(select(HouseholdOrder).where(HouseholdOrder.batch == batch)).all():
        key = key_of(o.building, o.unit, o.room)
        if key in known:
            continue
        known.add(key)
        session.add(Household(site_id=site_id, key=key, community=o.community, building=o.building, unit=o.unit,
                              room=o.room, contact_name=o.contact_name, phone=o.phone, special_needs=o.special_needs,
                              created_at=now, updated_at=now, created_by=actor.operator))
        added += 1
    session.flush()
    audit.record(session, actor=actor, action="register.from_orders", at=now, entity="household", entity_id=batch,
                 data={"added": added})
    return added


def households(session: Session, *, active_only: bool = True) -> list[Household]:
    query = select(Household)
    if active_only:
        query = query.where(Household.active == True)  # noqa: E712
    return list(session.exec(query).all())
