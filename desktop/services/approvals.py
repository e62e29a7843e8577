"""Day-ahead approvals: the list suppliers send, checked row by row, and the review group's
manual add / edit / approve / reject, with the materials (photos) attached to each person.

Import rule: every good row is stored, every bad row is reported (row number + reason) and
nothing of it is stored; a row already imported (same content, same `source_key`) is
"unchanged", so importing the same file twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from sqlmodel import Session, select

from desktop.domain import limits
from desktop.domain.dates import parse_date, parse_datetime, site_zone
from desktop.domain.identity import (
    InputError,
    display_plate,
    normalize_id_number,
    normalize_phone,
    normalize_plate,
)
from desktop.domain.permissions import Permission
from desktop.domain.text import quote, too_long
from desktop.i18n import t
from desktop.services import audit, import_staging, passes, privacy
from desktop.services.approval_sheet import REQUIRED, SheetRow, check_columns, field_label, read_sheet
from desktop.services.approval_template import EXAMPLE_MARK
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError
from desktop.services.setup import require_site
from desktop.services.spreadsheets import cell_text
from desktop.store.models import (
    Approval,
    ApprovalCargo,
    ApprovalOccupant,
    Attachment,
    Supplier,
    UnloadingPoint,
)

OPEN_STATUSES = ("pending", "approved")


# --- plain data for screens and the CLI -----------------------------------------------------


@dataclass(frozen=True)
class OccupantDraft:
    name: str
    id_number: str
    phone: str = ""
    role: str = "driver"
    test_sampled_at: datetime | None = None


@dataclass(frozen=True)
class CargoLine:
    category: str
    quantity: float = 0
    unit: str = ""


@dataclass(frozen=True)
class ApprovalDraft:
    plate: str
    arrival_date: date
    supplier_name: str
    occupants: tuple[OccupantDraft, ...]
    mode: str = "enter"  # enter / handoff
    unloading_point_id: int | None = None
    pass_number: str | None = None
    cargo: tuple[CargoLine, ...] = ()
    cargo_summary: str = ""
    note: str = ""


@dataclass(frozen=True)
class OccupantInfo:
    id: int
    role: str
    name: str
    id_number: str
    phone: str
    photo_id: int | None
    pledge_id: int | None
    test_sampled_at: datetime | None


@dataclass(frozen=True)
class ApprovalInfo:
    id: int
    arrival_date: date
    plate: str
    supplier_name: str
    pass_number: str | None
    mode: str
    unloading_point_id: int | None
    unloading_point: str
    route: str
    cargo_summary: str
    status: str
    review_reason: str
    reviewed_by: str | None
    source: str
    note: str
    occupants: tuple[OccupantInfo, ...]
    cargo: tuple[CargoLine, ...]

    @property
    def plate_display(self) -> str:
        return display_plate(self.plate)


@dataclass(frozen=True)
class RowProblem:
    row: int
    reason: str
    plate: str = ""
    column: str = ""  # the column at fault, as the sheet wrote its header


@dataclass
class ImportReport:
    file: str
    imported: int = 0
    unchanged: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    blank_rows: int = 0
    total_rows: list[int] = field(default_factory=list)  # 合计 / 总计 rows, not taken as vehicles
    approval_ids: list[int] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as written
    ignored: list[str] = field(default_factory=list)  # headers not read, by choice
    constants: dict[str, str] = field(default_factory=dict)  # field -> value given for a missing column
    default_day: str | None = None  # the arrival date the person chose for rows without one
    defaulted_rows: list[int] = field(default_factory=list)  # rows that took it
    passes_extended: list[str] = field(default_factory=list)
    example_rows: list[int] = field(default_factory=list)  # the template's example, skipped

    @property
    def ok(self) -> bool:
        return not self.rejected

    def lines(self) -> list[str]:
        out = [t("{f}：导入 {i} 条，未变 {u} 条（已导入过），拒绝 {r} 条。",
                 "{f}: {i} imported, {u} unchanged (already imported), {r} rejected.",
                 f=quote(self.file), i=self.imported, u=self.unchanged, r=len(self.rejected))]
        out += [t("  第{n}行{p}{c}：{w}", "  row {n}{p}{c}: {w}", n=p.row,
                  p=t("（{x}）", " ({x})", x=_shown(p.plate)) if p.plate else "",
                  c=t("【{h}】", " [{h}]", h=p.column) if p.column else "", w=p.reason) for p in self.rejected]
        out += self.column_lines()
        if self.blank_rows:
            out.append(t("  已跳过空行 {b} 行。", "  {b} blank rows skipped.", b=self.blank_rows))
        if self.total_rows:
            out.append(t("  合计行未作为车辆：第{n}行", "  total rows not taken as vehicles: row {n}",
                         n="、".join(map(str, self.total_rows))))
        return out

    def column_lines(self) -> list[str]:
        out = []
        if self.ignored:
            out.append(t("  未导入的列（已忽略）：{h}", "  columns not imported (ignored): {h}",
                         h="、".join(quote(h) for h in self.ignored)))
        for name, value in self.constants.items():
            out.append(t("  表中没有“{f}”列，所有行按所填的 {v}", "  no {f} column: every row took {v} as given",
                         f=field_label(name), v=quote(value)))
        if self.default_day and self.defaulted_rows:
            out.append(t("  {n} 行没有到达日期，按所选日期 {d} 导入", "  {n} rows give no arrival date: the chosen {d} was used",
                         n=len(self.defaulted_rows), d=self.default_day))
        if self.example_rows:
            out.append(t("  已跳过模板示例行：第{n}行", "  template example skipped: row {n}",
                         n="、".join(map(str, self.example_rows))))
        if self.passes_extended:
            out.append(t("  通行证有效期已按表延长：{p}", "  passes extended as the sheet says: {p}",
                         p="、".join(self.passes_extended)))
        return out

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "ok": self.ok}


def _shown(plate: str) -> str:
    try:
        return display_plate(normalize_plate(plate))
    except InputError:
        return quote(plate)


# --- reading ----------------------------------------------------------------------------------


def _point_names(session: Session) -> dict[int, tuple[str, str]]:
    rows = session.exec(select(UnloadingPoint)).all()
    return {p.id or 0: (f"{p.code} {p.name}", p.route) for p in rows}


def _info(session: Session, a: Approval, points: dict[int, tuple[str, str]] | None = None) -> ApprovalInfo:
    points = points if points is not None else _point_names(session)
    occ = session.exec(select(ApprovalOccupant).where(ApprovalOccupant.approval_id == a.id)
                       .order_by(ApprovalOccupant.id)).all()  # type: ignore[arg-type]
    cargo = session.exec(select(ApprovalCargo).where(ApprovalCargo.approval_id == a.id)
                         .order_by(ApprovalCargo.id)).all()  # type: ignore[arg-type]
    point, route = points.get(a.unloading_point_id or -1, ("", ""))
    return ApprovalInfo(
        a.id or 0, a.arrival_date, a.plate, a.supplier_name, a.pass_number, a.mode, a.unloading_point_id,
        point, route, a.cargo_summary, a.status, a.review_reason, a.reviewed_by, a.source, a.note,
        tuple(OccupantInfo(o.id or 0, o.role, o.name, o.id_number, o.phone, o.photo_id, o.pledge_id,
                           o.test_sampled_at) for o in occ),
        tuple(CargoLine(c.category, c.quantity, c.unit) for c in cargo))


def get(session: Session, approval_id: int) -> ApprovalInfo | None:
    row = session.get(Approval, approval_id)
    return _info(session, row) if row else None


def list_for_date(session: Session, day: date, *, status: str | None = None) -> list[ApprovalInfo]:
    query = select(Approval).where(Approval.arrival_date == day, Approval.status != import_staging.STAGING)
    if status:
        query = query.where(Approval.status == status)
    points = _point_names(session)
    return [_info(session, a, points) for a in session.exec(query.order_by(Approval.id)).all()]  # type: ignore[arg-type]


def for_plate(session: Session, plate: str, day: date) -> list[ApprovalInfo]:
    rows = session.exec(select(Approval).where(Approval.plate == plate, Approval.arrival_date == day,
                                               Approval.status != import_staging.STAGING)
                        .order_by(Approval.id)).all()  # type: ignore[arg-type]
    return [_info(session, a) for a in rows]


# --- validation shared by the import and the review screen -----------------------------------


def _point_id(session: Session, text: str) -> int:
    wanted = unicodedata.normalize("NFKC", text).strip()
    circled = {"1": "①", "2": "②", "3": "③", "4": "④", "5": "⑤", "6": "⑥"}
    points = session.exec(select(UnloadingPoint).where(UnloadingPoint.active)).all()  # type: ignore[arg-type]
    for p in points:
        code = unicodedata.normalize("NFKC", p.code)
        if wanted in (p.code, code, circled.get(code, "?")) or wanted.startswith(p.code) or (
                len(wanted) >= 2 and (wanted in p.name or p.name in wanted)):
            return p.id or 0
    for p in points:
        if circled.get(wanted[:1]) == p.code:
            return p.id or 0
    known = "、".join(f"{p.code}{p.name}" for p in points) or t("本站点还没有设置卸货点", "none set up at this site")
    raise InputError("unloading_point", t("卸货点“{v}”不存在（可选：{k}）", "No unloading point “{v}” (known: {k})",
                                          v=quote(text), k=known))


def _bounded(field: str, what: str, value: str, limit: int) -> str:
    if (why := too_long(what, value, limit)) is not None:
        raise InputError(field, why)
    return value


def _check_sizes(draft: ApprovalDraft) -> None:
    """Refuse what no vehicle carries and no cell should hold (desktop.domain.limits)."""
    if len(draft.occupants) > limits.OCCUPANTS_MAX:
        raise InputError("passengers", t("车上人数 {n} 超过上限 {m}（驾驶员和随车人员）",
                                         "{n} people in one vehicle: at most {m} (driver and passengers)",
                                         n=len(draft.occupants), m=limits.OCCUPANTS_MAX))
    if len(draft.cargo) > limits.CARGO_LINES_MAX:
        raise InputError("cargo", t("物资有 {n} 项，超过上限 {m}", "{n} kinds of goods: at most {m}",
                                    n=len(draft.cargo), m=limits.CARGO_LINES_MAX))
    _bounded("supplier", t("供货单位", "The supplier"), draft.supplier_name.strip(), limits.NAME_MAX)
    _bounded("pass_number", t("通行证号", "The pass number"), (draft.pass_number or "").strip(),
             limits.PASS_NUMBER_MAX)
    _bounded("cargo", t("物资", "The cargo"), draft.cargo_summary.strip(), limits.TEXT_MAX)
    _bounded("note", t("备注", "The remark"), draft.note.strip(), limits.TEXT_MAX)
    for o in draft.occupants:
        _bounded("driver", t("姓名", "A name"), o.name.strip(), limits.NAME_MAX)
    for c in draft.cargo:
        _bounded("cargo", t("物资类别", "A kind of goods"), c.category, limits.NAME_MAX)
        _bounded("cargo", t("单位", "A unit"), c.unit, limits.UNIT_MAX)
        # 0 is "no quantity given" (a line such as 蔬菜); anything stated must be a real amount
        if (c.quantity != 0 or not math.isfinite(c.quantity)) and not limits.quantity_ok(c.quantity):
            raise InputError("cargo", t("{c} 的数量 {q} 不对（应大于0、不超过{m}）",
                                        "{c}: the quantity {q} is not valid (more than 0, at most {m})",
                                        c=quote(c.category), q=quote(f"{c.quantity:g}"), m=limits.QUANTITY_MAX))


def validate(session: Session, draft: ApprovalDraft, *, today: date) -> ApprovalDraft:
    """The draft in canonical form, or InputError saying the first thing wrong."""
    _check_sizes(draft)
    plate = normalize_plate(draft.plate)
    if not draft.supplier_name.strip():
        raise InputError("supplier", t("缺供货单位", "The supplier is missing"))
    if draft.arrival_date < today:
        raise InputError("arrival_date", t("到达日期 {d} 已过", "The arrival date {d} has passed",
                                           d=draft.arrival_date.isoformat()))
    if not draft.occupants:
        raise InputError("driver", t("缺驾驶员", "The driver is missing"))
    people = []
    seen: set[str] = set()
    for i, o in enumerate(draft.occupants):
        who = t("驾驶员", "driver") if i == 0 else t("随车人员第{n}人", "passenger {n}", n=i)
        if not o.name.strip():
            raise InputError("driver", t("{w}缺姓名", "{w}: name missing", w=who))
        try:
            id_number = normalize_id_number(o.id_number)
            phone = normalize_phone(o.phone) if (o.phone.strip() or i == 0) else ""
        except InputError as exc:
            raise InputError(exc.field, t("{w}{n}：{m}", "{w} {n}: {m}", w=who, n=quote(o.name.strip()),
                                          m=exc.message)) from None
        if id_number in seen:
            raise InputError("id_number", t("身份证号 {v} 在本车出现两次", "ID number {v} appears twice in this vehicle",
                                            v=quote(id_number)))
        seen.add(id_number)
        people.append(replace(o, name=o.name.strip(), id_number=id_number, phone=phone,
                              role="driver" if i == 0 else "passenger"))
    mode = draft.mode if draft.mode in ("enter", "handoff") else "enter"
    return replace(draft, plate=plate, supplier_name=draft.supplier_name.strip(), occupants=tuple(people), mode=mode,
                   pass_number=passes.normalize_number(draft.pass_number or "") or None,
                   cargo_summary=draft.cargo_summary.strip(), note=draft.note.strip())


def _check_pass(session: Session, draft: ApprovalDraft, file_validity: tuple[date, date] | None,
                pending: dict[str, passes.PassInfo] | None = None) -> bool:
    """Raise InputError if the pass does not cover the arrival; True when the file's pass is new
    to the register (and should be registered with the row). `pending`: passes an import will
    register or extend when it finishes, as they will then be."""
    if not draft.pass_number:
        return False
    known = _find_pass(session, draft.pass_number, pending)
    if known is None and file_validity is None:
        raise InputError("pass_number", t("通行证 {n} 未登记，表中也没有有效期",
                                          "Pass {n} is not registered and the sheet gives no validity",
                                          n=draft.pass_number))
    if known is None:
        assert file_validity is not None
        known = passes.PassInfo(0, draft.pass_number, draft.plate, "", "supply", file_validity[0], file_validity[1],
                                False, "")
    why = passes.problem(known, plate=draft.plate, on=draft.arrival_date, number=draft.pass_number)
    if why:
        raise InputError("pass_number", why)
    return known.id == 0


# --- writing ----------------------------------------------------------------------------------


def _supplier_id(session: Session, name: str, now: datetime) -> int:
    row = session.exec(select(Supplier).where(Supplier.name == name)).first()
    if row is None:
        row = Supplier(name=name, created_at=now)
        session.add(row)
        session.flush()
    return row.id or 0


def _store(session: Session, draft: ApprovalDraft, *, actor: Actor, now: datetime, source: str,
           source_key: str | None, status: str = "pending", import_batch: str | None = None) -> Approval:
    site = require_site(session)
    row = Approval(site_id=site.id, arrival_date=draft.arrival_date, plate=draft.plate,
                   supplier_id=_supplier_id(session, draft.supplier_name, now), supplier_name=draft.supplier_name,
                   pass_number=draft.pass_number, mode=draft.mode, unloading_point_id=draft.unloading_point_id,
                   cargo_summary=draft.cargo_summary or _cargo_words(draft.cargo), status=status, source=source,
                   source_key=source_key, note=draft.note, created_at=now, created_by=actor.operator,
                   import_batch=import_batch)
    session.add(row)
    session.flush()
    _write_children(session, row.id or 0, draft)
    return row


def _write_children(session: Session, approval_id: int, draft: ApprovalDraft) -> None:
    for o in draft.occupants:
        session.add(ApprovalOccupant(approval_id=approval_id, role=o.role, name=o.name, id_number=o.id_number,
                                     phone=o.phone, test_sampled_at=o.test_sampled_at))
    for c in draft.cargo:
        session.add(ApprovalCargo(approval_id=approval_id, category=c.category, quantity=c.quantity, unit=c.unit))
    session.flush()


def _cargo_words(cargo: tuple[CargoLine, ...]) -> str:
    return "；".join(f"{c.category}{c.quantity:g}{c.unit}" if c.quantity else c.category for c in cargo)


def _audit_data(draft: ApprovalDraft) -> dict[str, object]:
    return {"plate": draft.plate, "arrival_date": draft.arrival_date.isoformat(), "supplier": draft.supplier_name,
            "mode": draft.mode, "pass_number": draft.pass_number, "unloading_point_id": draft.unloading_point_id,
            "occupants": [[o.role, o.name, o.id_number] for o in draft.occupants],
            "cargo": _cargo_words(draft.cargo) or draft.cargo_summary}


def _for_audit(session: Session, data: dict[str, object], *, actor: Actor, now: datetime) -> dict[str, object]:
    """What the audit log keeps of `_audit_data`: each ID number masked, with its keyed hash."""
    people = []
    for role, name, number in data.get("occupants") or []:  # type: ignore[attr-defined]
        ref = privacy.id_ref(session, number, now=now)
        people.append([role, name, ref["id_number"], ref.get("id_hash", "")])
    return {**data, "occupants": people}


def _conflict(session: Session, draft: ApprovalDraft, ignore_id: int | None = None) -> Approval | None:
    query = select(Approval).where(Approval.plate == draft.plate, Approval.arrival_date == draft.arrival_date,
                                   Approval.status.in_(OPEN_STATUSES))  # type: ignore[attr-defined]
    return next((a for a in session.exec(query).all() if a.id != ignore_id), None)


@requires(Permission.APPROVALS_EDIT)
def add(session: Session, *, actor: Actor, now: datetime, draft: ApprovalDraft, approve: bool = False) -> ApprovalInfo:
    """The review group enters an approval by hand (audited)."""
    draft = _validated(session, draft, now)
    try:
        _check_pass(session, draft, None)
    except InputError as exc:
        raise ServiceError("bad_pass", exc.message) from None
    if (other := _conflict(session, draft)) is not None:
        raise _conflict_error(other)
    row = _store(session, draft, actor=actor, now=now, source="manual", source_key=None)
    audit.record(session, actor=actor, action="approval.add", at=now, entity="approval", entity_id=row.id,
                 data=_for_audit(session, _audit_data(draft), actor=actor, now=now))
    if approve:
        return decide(session, actor=actor, now=now, approval_id=row.id or 0, approve=True)
    return _info(session, row)


def _validated(session: Session, draft: ApprovalDraft, now: datetime) -> ApprovalDraft:
    try:
        return validate(session, draft, today=now.astimezone(site_zone()).date())
    except InputError as exc:
        raise ServiceError(f"bad_{exc.field}", exc.message) from None


def _conflict_error(other: Approval) -> ServiceError:
    return ServiceError("duplicate", t("{p} 在 {d} 已有审批（编号 {i}）。", "{p} already has an approval on {d} (no. {i}).",
                                       p=display_plate(other.plate), d=other.arrival_date.isoformat(), i=other.id))


@requires(Permission.APPROVALS_EDIT)
def edit(session: Session, *, actor: Actor, now: datetime, approval_id: int, draft: ApprovalDraft) -> ApprovalInfo:
    """Change an approval; a changed approval goes back to pending until approved again."""
    row = _open_row(session, approval_id)
    draft = _validated(session, draft, now)
    if (other := _conflict(session, draft, ignore_id=row.id)) is not None:
        raise _conflict_error(other)
    old = _audit_data(_as_draft(_info(session, row)))
    for child in (ApprovalOccupant, ApprovalCargo):
        for c in session.exec(select(child).where(child.approval_id == row.id)).all():  # type: ignore[attr-defined]
            session.delete(c)
    session.flush()
    row.plate, row.arrival_date, row.supplier_name = draft.plate, draft.arrival_date, draft.supplier_name
    row.supplier_id = _supplier_id(session, draft.supplier_name, now)
    row.mode, row.unloading_point_id, row.pass_number = draft.mode, draft.unloading_point_id, draft.pass_number
    row.cargo_summary = draft.cargo_summary or _cargo_words(draft.cargo)
    row.note, row.status, row.source_key = draft.note, "pending", None
    session.add(row)
    _write_children(session, row.id or 0, draft)
    audit.record(session, actor=actor, action="approval.edit", at=now, entity="approval", entity_id=row.id,
                 data={"old": _for_audit(session, old, actor=actor, now=now),
                       "new": _for_audit(session, _audit_data(draft), actor=actor, now=now)})
    return _info(session, row)


def _as_draft(a: ApprovalInfo) -> ApprovalDraft:
    return ApprovalDraft(a.plate, a.arrival_date, a.supplier_name,
                         tuple(OccupantDraft(o.name, o.id_number, o.phone, o.role, o.test_sampled_at)
                               for o in a.occupants),
                         a.mode, a.unloading_point_id, a.pass_number, a.cargo, a.cargo_summary, a.note)


def _open_row(session: Session, approval_id: int) -> Approval:
    row = session.get(Approval, approval_id)
    if row is None:
        raise ServiceError("unknown_approval", t("找不到该审批。", "No such approval."))
    return row


@requires(Permission.APPROVALS_DECIDE)
def decide(session: Session, *, actor: Actor, now: datetime, approval_id: int, approve: bool,
           reason: str = "") -> ApprovalInfo:
    """Approve, or reject with a reason (audited)."""
    row = _open_row(session, approval_id)
    if not approve and not reason.strip():
        raise ServiceError("missing_reason", t("驳回须填写原因。", "Give a reason for rejecting."))
    if row.status == "cancelled":
        raise ServiceError("cancelled", t("该审批已作废。", "This approval has been cancelled."))
    old, row.status = row.status, "approved" if approve else "rejected"
    row.review_reason, row.reviewed_by, row.reviewed_at = reason.strip(), actor.operator, now
    session.add(row)
    audit.record(session, actor=actor, action="approval.approve" if approve else "approval.reject", at=now,
                 entity="approval", entity_id=row.id, data={"from": old, "reason": row.review_reason,
                                                           "plate": row.plate})
    return _info(session, row)


@requires(Permission.APPROVALS_EDIT)
def attach(session: Session, *, actor: Actor, now: datetime, occupant_id: int, kind: str, data: bytes,
           mime: str = "image/jpeg", name: str = "") -> int:
    """Keep a person's material (kind "photo" or "pledge") in the database; returns its id."""
    occ = session.get(ApprovalOccupant, occupant_id)
    if occ is None:
        raise ServiceError("unknown_occupant", t("找不到该人员。", "No such person."))
    if not data:
        raise ServiceError("empty_file", t("文件是空的。", "The file is empty."))
    sha = hashlib.sha256(data).hexdigest()
    att = Attachment(sha256=sha, mime=mime, name=name, data=data, created_at=now)
    session.add(att)
    session.flush()
    if kind == "pledge":
        occ.pledge_id = att.id
    else:
        occ.photo_id = att.id
    session.add(occ)
    audit.record(session, actor=actor, action="approval.material", at=now, entity="approval_occupant",
                 entity_id=occ.id, data={"kind": kind, "sha256": sha, "attachment_id": att.id, "name": name})
    return att.id or 0


def attachment(session: Session, attachment_id: int) -> tuple[str, bytes] | None:
    """(mime, bytes) of a stored photo."""
    att = session.get(Attachment, attachment_id)
    return (att.mime, bytes(att.data)) if att else None


# --- import -----------------------------------------------------------------------------------

_MODES = {"进校": "enter", "进入": "enter", "入校": "enter", "进": "enter", "是": "enter", "进场": "enter",
          "接驳": "handoff", "不进校": "handoff", "不进入": "handoff", "否": "handoff", "交接": "handoff",
          "接驳区": "handoff", "卸货接驳": "handoff"}
# A quantity as written, sign, exponent, "nan" and "inf" included: read whole, so that "-1" or
# "1e41" is refused by the bounds rather than read as "1" or "41" of a category ending in "-".
_CARGO_ITEM = re.compile(r"^(.*?)\s*([-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|(?i:nan|inf(?:inity)?)))"
                         r"\s*([^\d\s.+-]*)$")


_text = cell_text  # a cell as text: Excel's 12.0 is 12, full-width folded, trimmed


# A unit as people write one after a count: 袋, 公斤, kg, L, 箱装 — letters or Chinese, short, no
# brackets or slashes (so "口罩（N95）" and "大米(25kg/袋)" are not 95 "）" or 25 "kg/袋)").
_UNIT = re.compile(r"^[A-Za-z\u4e00-\u9fff㎏㎖㎘]{0,4}$")
_OPEN, _CLOSE = "(（[【", ")）]】"
_PACK_X = re.compile(r"\d\s*[A-Za-z]*\s*[xX]$")  # 250mlx24, 24X: a pack, where a bare "MAX 20" is not


def _is_spec(name: str, unit: str) -> bool:
    """The number after `name` belongs to the goods' description, not their count: inside brackets
    (口罩（N95）), after a pack sign or a ratio (牛奶 250ml×24, 消毒液 1:100), or followed by what no
    unit looks like."""
    depth = sum(name.count(c) for c in _OPEN) - sum(name.count(c) for c in _CLOSE)
    name = name.rstrip()
    packed = name.endswith(("×", "*", "/", "-", ":", "：", "~", "～")) or bool(_PACK_X.search(name))
    return depth > 0 or packed or not _UNIT.match(unit)


def parse_cargo(text: str) -> tuple[CargoLine, ...]:
    """'大米 50袋；食用油20桶、蔬菜' -> lines with category, quantity and unit. A number that is part of
    the description (口罩（N95）, 大米(25kg/袋), 纯牛奶 250ml×24) is left in the name, with no count."""
    out = []
    for item in re.split(r"[;；,，、\n]+", text):
        item = item.strip()
        if not item:
            continue
        m = _CARGO_ITEM.match(item)
        if m and m[1].strip() and not _is_spec(m[1], m[3]):
            out.append(CargoLine(m[1].strip(), float(m[2]), m[3]))
        else:
            out.append(CargoLine(item))
    return tuple(out)


_SAMPLED = re.compile(r"(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}[:：时]\d{2}分?)")


def parse_passengers(text: str, *, year: int | None = None) -> tuple[OccupantDraft, ...]:
    """'李四 320102199001011234 13800000000 2026-11-29 08:00；王五 ...' (name, ID, phone and an
    optional sampling time; any of space , / between the parts)."""
    out = []
    for item in re.split(r"[;；\n]+", text):
        sampled = None
        if m := _SAMPLED.search(item):
            sampled = parse_datetime(m[1], tz=site_zone(), default_year=year)
            item = item.replace(m[1], " ")
        tokens = [x for x in re.split(r"[\s,，/、:：]+", item.strip()) if x]
        if not tokens:
            continue
        id_number = next((x for x in tokens if len(x) == 18 or (len(x) == 15 and x.isdigit())), "")
        phone = next((x for x in tokens if x != id_number and re.fullmatch(r"\+?\d[\d-]{6,}", x)), "")
        name = "".join(x for x in tokens if x not in (id_number, phone))
        out.append(OccupantDraft(name=name, id_number=id_number, phone=phone, role="passenger",
                                 test_sampled_at=sampled))
    return tuple(out)


def _validity(values: dict[str, object], today: date) -> tuple[date, date] | None:
    """(from, to) of a pass; a date written without its year is the one nearest `today`."""
    if _text(values.get("pass_valid_from")) or _text(values.get("pass_valid_to")):
        # 有效期起 + 有效期至: the columns recognise as pass_valid_from + pass_validity (the end)
        start = values.get("pass_valid_from")
        end = parse_date(values.get("pass_valid_to") or values.get("pass_validity"), near=today)
        return (parse_date(start, near=today) if _text(start) else date.min, end)
    text = _text(values.get("pass_validity"))
    if not text:
        return None
    parts = [p for p in re.split(r"\s*(?:至|到|~|～|—|–|--)\s*", text) if p]
    if len(parts) == 1:
        # 2026.12.01-2026.12.31: one hyphen between two whole dates (inside a date it is the date's own)
        dates = _WHOLE_DATE.findall(text)
        if len(dates) != 2 or _WHOLE_DATE.sub("", text).strip(" -/"):
            return (date.min, parse_date(parts[0], near=today))
        parts = [re.sub(r"\s+", "", d) for d in dates]
    return (parse_date(parts[0], near=today), parse_date(parts[-1], near=today))


# a date whose own parts cannot be taken for a range's hyphen: with its year, or 12月1日
_WHOLE_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\s*月\s*\d{1,2}\s*日")


def _cell(name: str, parse):
    """Run a cell parser; its InputError names the field the cell came from."""
    try:
        return parse()
    except InputError as exc:
        raise InputError(name, exc.message) from None


def _mode(text: str) -> str | None:
    if text in _MODES:
        return _MODES[text]
    if re.search(r"接驳|不进|交接|卸货区", text):
        return "handoff"
    if re.search(r"进校|入校|进入|进场|进园|进厂", text):
        return "enter"
    return None


def _split_people(v: dict[str, object]) -> str:
    """Passengers given in separate name / ID / phone columns, as one passengers text."""
    parts = [re.split(r"[;；,，、\n\s]+", _text(v.get(f))) for f in ("passenger_names", "passenger_ids",
                                                                     "passenger_phones")]
    names, ids, phones = ([x for x in p if x] for p in parts)
    if len(ids) > len(names) or (phones and len(phones) != len(names)):
        raise InputError("passenger_ids", t("随车人员姓名 {a} 个、身份证号 {b} 个、电话 {c} 个，对不上",
                                            "passenger names ({a}), ID numbers ({b}) and phones ({c}) do not match",
                                            a=len(names), b=len(ids), c=len(phones)))
    return "；".join(" ".join(x for x in (n, ids[i] if i < len(ids) else "", phones[i] if phones else "") if x)
                    for i, n in enumerate(names))


_QUANTITY = re.compile(r"^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*([^\d\s.+-]*)\s*$")


def _cargo_with_quantity(v: dict[str, object], unit_hint: str) -> tuple[CargoLine, ...]:
    """The goods cell, with the quantity and unit columns folded in: 大米 + 300 + 公斤 → 大米 300公斤."""
    cargo_text = _text(v.get("cargo"))
    lines = parse_cargo(cargo_text)
    q_text, unit = _text(v.get("quantity")), _text(v.get("unit"))
    if not q_text:
        if unit and not (len(lines) == 1 and lines[0].quantity and not lines[0].unit):
            raise InputError("unit", t("填了单位 {u} 却没有数量", "a unit {u} but no quantity", u=quote(unit)))
        if unit:
            return (replace(lines[0], unit=unit),)
        return lines
    m = _QUANTITY.match(q_text)
    if not m:
        raise InputError("quantity", t("数量“{q}”不是数字", "the quantity “{q}” is not a number", q=quote(q_text)))
    counted_in = unit or m[2] or unit_hint
    if len(lines) == 1 and lines[0].quantity and lines[0].unit and counted_in and lines[0].unit != counted_in:
        # 食用油5L + 20 + 桶: the goods cell names the goods with their size (5 L a drum), the
        # quantity column counts them in another unit: 20 drums of 食用油5L, not 5 L of 食用油
        lines = (CargoLine(cargo_text),)
    elif len(lines) == 1 and lines[0].quantity == float(m[1]) and lines[0].unit in ("", counted_in):
        lines = (CargoLine(lines[0].category),)  # 大米 40袋 + 40 + 袋: the same count written twice
    if len(lines) != 1 or lines[0].quantity:
        raise InputError("quantity", t("物资“{c}”已写了数量或不止一种，数量列又填了 {q}；请只写一处",
                                       "the goods “{c}” already give a quantity or several kinds, and the quantity "
                                       "column says {q}: write it in one place",
                                       c=quote(cargo_text), q=quote(q_text)) if lines else
                         t("填了数量 {q} 却没有物资", "a quantity {q} but no goods", q=quote(q_text)))
    if unit and m[2] and unit != m[2]:
        raise InputError("unit", t("数量写的是 {a}，单位列是 {b}", "the quantity says {a}, the unit column {b}",
                                   a=quote(q_text), b=quote(unit)))
    return (CargoLine(lines[0].category, float(m[1]), unit or m[2] or unit_hint),)


def _draft_from_row(session: Session, row: SheetRow, *, default_day: date | None, today: date,
                    constants: dict[str, str] | None = None, unit_hint: str = "") -> tuple[
        ApprovalDraft, tuple[date, date] | None]:
    v = {**(constants or {}), **row.values}
    _check_cells(v)
    zone = site_zone()
    raw_day = v.get("arrival_date")
    if _text(raw_day):
        day = _cell("arrival_date", lambda: parse_date(_weekday_free(raw_day), near=today))
    elif default_day:
        day = default_day
    else:
        raise InputError("arrival_date", t("缺到达日期", "The arrival date is missing"))
    sampled = None
    if _text(v.get("test_sampled_at")):
        sampled = _cell("test_sampled_at", lambda: parse_datetime(v.get("test_sampled_at"), tz=zone, near=today))
    driver = OccupantDraft(name=_text(v.get("driver")), id_number=_text(v.get("id_number")),
                           phone=_text(v.get("phone")), test_sampled_at=sampled)
    pass_number = _text(v.get("pass_number")) or None
    mode_text = re.sub(r"\s+", "", _text(v.get("mode")))
    mode = _mode(mode_text) if mode_text else None
    if mode_text and mode is None:
        raise InputError("mode", t("“{v}”应填“进校”或“接驳”", "“{v}”: write 进校 (enter) or 接驳 (handoff)",
                                   v=quote(mode_text)))
    mode = mode or ("enter" if pass_number else "handoff")
    point_text = _text(v.get("unloading_point"))
    cargo_text = _text(v.get("cargo"))
    cargo = _cargo_with_quantity(v, unit_hint)
    people = "；".join(x for x in (_text(v.get("passengers")), _split_people(v)) if x)
    draft = ApprovalDraft(
        plate=_text(v.get("plate")), arrival_date=day, supplier_name=_text(v.get("supplier")),
        occupants=(driver, *parse_passengers(people, year=today.year)), mode=mode,
        unloading_point_id=_point_id(session, point_text) if point_text else None, pass_number=pass_number,
        cargo=cargo, cargo_summary=cargo_text if cargo == parse_cargo(cargo_text) else _cargo_words(cargo),
        note=_text(v.get("note")))
    validity = _cell("pass_validity", lambda: _validity(v, today))
    return validate(session, draft, today=today), validity


_WEEKDAY = re.compile(r"\s*[(（]?\s*(?:周|星期|礼拜)[一二三四五六日天]\s*[)）]?\s*$")
# the part of the day after a date, in an arrival-date cell: 早上, 下午3点, 06:30前, 上午9:00左右 …
_DAYTIME = re.compile(r"\s*(?:早上|早晨|上午|中午|下午|傍晚|晚上|夜间|夜里|凌晨|白天|全天)?\s*"
                      r"(?:\d{1,2}\s*[:：点时]\s*(?:\d{1,2}\s*分?|半)?)?\s*(?:前|后|以前|之前|左右|到达|送达)?\s*$")


def _weekday_free(value: object) -> object:
    """12月2日(周三) / 2026-12-02 星期三 / 12月3日早上 / 12月3日 06:30前 → the date alone (the arrival
    is a day; the time of day is not kept)."""
    if not isinstance(value, str):
        return value
    text = value
    for strip in (_WEEKDAY, _DAYTIME, _WEEKDAY):  # either may come last: 12月3日(周四)上午, 12月3日上午(周四)
        text = strip.sub("", text)
    return text or value


PASSENGERS_CELL_MAX = limits.OCCUPANTS_MAX * 80  # name, ID number, phone and sampling time of each
# How many characters each cell may hold before it is even read; the rest hold TEXT_MAX.
CELL_MAX = {"plate": limits.NAME_MAX, "supplier": limits.NAME_MAX, "driver": limits.NAME_MAX,
            "id_number": limits.NAME_MAX, "phone": limits.NAME_MAX, "pass_number": limits.PASS_NUMBER_MAX,
            "passengers": PASSENGERS_CELL_MAX}


def _check_cells(values: dict[str, object]) -> None:
    """A cell past its size is refused before it is parsed (and before it could be stored)."""
    people = [x for x in re.split(r"[;；\n]+", _text(values.get("passengers"))) if x.strip()]
    if len(people) + 1 > limits.OCCUPANTS_MAX:
        raise InputError("passengers", t("车上人数 {n} 超过上限 {m}（驾驶员和随车人员）",
                                         "{n} people in one vehicle: at most {m} (driver and passengers)",
                                         n=len(people) + 1, m=limits.OCCUPANTS_MAX))
    for name, value in values.items():
        _bounded(name, field_label(name), _text(value), CELL_MAX.get(name, limits.TEXT_MAX))


def _source_key(draft: ApprovalDraft) -> str:
    content = {**_audit_data(draft), "phones": [o.phone for o in draft.occupants],
               "sampled": [o.test_sampled_at.isoformat() if o.test_sampled_at else None for o in draft.occupants],
               "note": draft.note}
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    return f"import:{digest[:40]}"


@requires(Permission.APPROVALS_EDIT)
def import_file(session: Session, *, actor: Actor, now: datetime, path: Path, default_day: date | None = None,
                approve: bool = False, chosen: dict[str, str] | None = None,
                constants: dict[str, str] | None = None, progress: import_staging.Progress | None = None,
                cancelled: import_staging.CancelCheck | None = None) -> ImportReport:
    """Import a supplier's list. `chosen` places columns by hand (header -> field or "ignore");
    `constants` give a field for every row when the sheet has no such column (supplier); the
    arrival date of a row that gives none is `default_day`, used only when the person chose it.
    A column that cannot be placed, or a required field neither a column nor a constant gives,
    refuses the whole file (ServiceError "missing_columns"). Rows are validated one by one; see
    module docstring.

    Rows are written in short transactions, invisible until the last one shows them all
    (`desktop.services.import_staging`): this commits `session` as it goes. `progress(done, total)`
    is called after each row; when `cancelled()` turns true the import stops, deletes what it
    wrote and raises ServiceError("cancelled")."""
    session.commit()  # the permission check's transaction ends before the file is read (seconds for 10,000 rows)
    today = now.astimezone(site_zone()).date()
    constants = {k: v.strip() for k, v in (constants or {}).items() if v and v.strip()}
    sheet = read_sheet(path, require_date=False, chosen=chosen)
    name = Path(path).name
    for f in constants:
        if f in sheet.columns:
            raise ServiceError("missing_columns", t("{f} 已有“{c}”列，不能再给所有行指定 {v}",
                                                     "{f} has a column {c}; a value for every row is not needed",
                                                     f=quote(name), c=sheet.columns[f], v=quote(constants[f])))
    required = (*REQUIRED, *(() if default_day else ("arrival_date",)))
    check_columns(sheet, name, required=required, constants=constants)
    if len(sheet.rows) > limits.SHEET_ROWS_MAX:
        raise ServiceError("too_many_rows", t("{f} 有 {n} 行，一次最多导入 {m} 行。请分成几个文件。",
                                              "{f} has {n} rows; at most {m} can be imported at once. Split the file.",
                                              f=quote(name), n=len(sheet.rows), m=limits.SHEET_ROWS_MAX))
    report = ImportReport(file=name, blank_rows=sheet.blank_rows, total_rows=list(sheet.total_rows),
                          columns=dict(sheet.columns),
                          ignored=sheet.placed.ignored, constants=constants,
                          default_day=default_day.isoformat() if default_day else None)
    import_staging.discard_abandoned(session, actor=actor, now=now)
    stager = import_staging.Stager(session, actor=actor, now=now, batch=import_staging.new_batch(actor.station),
                                   file=name, total=len(sheet.rows), approve=approve, progress=progress,
                                   cancelled=cancelled)
    try:
        pass_actions = _import_rows(session, sheet.rows, report, stager, today=today, default_day=default_day,
                                    constants=constants, unit_hint=sheet.unit_hints.get("quantity", ""))
        stager.commit_chunk()  # the last rows staged: the transaction that shows them is short
        for draft, validity, action in pass_actions:  # in the last transaction, with the rows they serve
            _apply_pass(session, actor=actor, now=now, draft=draft, validity=validity, action=action, report=report)
        for staged_id, number, other in import_staging.overtaken(session, stager):
            import_staging.drop(session, stager, staged_id)
            report.imported -= 1
            report.approval_ids.remove(staged_id)
            report.rejected.append(RowProblem(number, _conflict_error(other).message, other.plate,
                                              report.columns.get("plate", "")))
        stager.show(extra={"rejected": len(report.rejected), "unchanged": report.unchanged})
    except BaseException as exc:
        stager.discard("cancelled" if isinstance(exc, ServiceError) and exc.code == "cancelled" else "failed")
        raise
    return report


PassAction = tuple[ApprovalDraft, "tuple[date, date] | None", str]


def _import_rows(session: Session, rows: list[SheetRow], report: ImportReport, stager: import_staging.Stager, *,
                 today: date, default_day: date | None, constants: dict[str, str],
                 unit_hint: str) -> list[PassAction]:
    """Validate and stage each row; the pass registrations and extensions the rows ask for, which
    are made when the import finishes (later rows already see them as made)."""
    seen: dict[tuple[str, date], int] = {}
    same: dict[tuple[str, ...], int] = {}
    pending: dict[str, passes.PassInfo] = {}
    actions: list[PassAction] = []
    for done, row in enumerate(rows):
        stager.step(done)
        content = tuple(_text(row.values.get(f)) for f in sorted(row.values))
        if row.merged:
            report.rejected.append(RowProblem(row.number, t(
                "单元格 {m} 是合并单元格，请取消合并并把每行填写完整", "cells {m} are merged; unmerge them and fill every row",
                m=row.merged), quote(_text(row.values.get("plate")))))
            continue
        if _text(row.values.get("note")).startswith(EXAMPLE_MARK):
            report.example_rows.append(row.number)
            continue
        if content in same:
            report.rejected.append(RowProblem(row.number, t("与第{n}行重复（内容完全相同）", "same as row {n}",
                                                            n=same[content]), _plate_or_raw(row)))
            continue
        same[content] = row.number
        try:
            draft, validity = _draft_from_row(session, row, default_day=default_day, today=today,
                                              constants=constants, unit_hint=unit_hint)
            if (draft.plate, draft.arrival_date) in seen:
                raise InputError("plate", t("与第{n}行重复（同一车辆同一天）", "duplicates row {n} (same vehicle, same day)",
                                            n=seen[(draft.plate, draft.arrival_date)]))
            seen[(draft.plate, draft.arrival_date)] = row.number
            key = _source_key(draft)
            existing = session.exec(select(Approval).where(Approval.source_key == key,
                                                           Approval.status != import_staging.STAGING)).first()
            if existing is not None:
                report.unchanged += 1
                report.approval_ids.append(existing.id or 0)
                continue
            if (other := _conflict(session, draft)) is not None:
                raise InputError("plate", _conflict_error(other).message)
            pass_action = _sheet_pass(session, draft, validity, pending)
        except InputError as exc:
            report.rejected.append(RowProblem(row.number, exc.message, _plate_or_raw(row),
                                              _column_of(report.columns, exc.field, exc.message)))
            continue
        if not _text(row.values.get("arrival_date")):
            report.defaulted_rows.append(row.number)
        number = draft.pass_number or ""
        if pass_action and validity and not (pass_action == "register" and number in pending):
            actions.append((draft, validity, pass_action))
            known = _find_pass(session, number, pending)
            pending[number] = replace(known, valid_to=validity[1]) if known else passes.PassInfo(
                0, number, draft.plate, draft.supplier_name, "supply", validity[0], validity[1], False, "")
        stored = _store(session, draft, actor=stager.actor, now=stager.now, source="import", source_key=key,
                        status=import_staging.STAGING, import_batch=stager.batch)
        if stager.status == "approved":  # shown approved by whoever imported it, when the import is shown
            stored.reviewed_by, stored.reviewed_at = stager.actor.operator, stager.now
            session.add(stored)
        stager.staged(stored.id or 0, row.number,
                      _for_audit(session, _audit_data(draft), actor=stager.actor, now=stager.now))
        report.imported += 1
        report.approval_ids.append(stored.id or 0)
    stager.step(len(rows))
    return actions


def _column_of(columns: dict[str, str], name: str, message: str = "") -> str:
    """The header at fault for an InputError's field, as the sheet wrote it (a passenger's ID or
    phone is in the passenger columns, not the driver's)."""
    if message.startswith(("随车人员第", "passenger ")):
        split = {"id_number": "passenger_ids", "phone": "passenger_phones", "driver": "passenger_names"}
        return columns.get(split.get(name, ""), "") or columns.get("passengers", "")
    for f in (name, "arrival_date" if name == "date" else "", "passenger_ids" if name == "passengers" else ""):
        if f and f in columns:
            return columns[f]
    return ""


def _find_pass(session: Session, number: str, pending: dict[str, passes.PassInfo] | None) -> passes.PassInfo | None:
    return (pending or {}).get(number) or passes.find(session, number)


def _sheet_pass(session: Session, draft: ApprovalDraft, validity: tuple[date, date] | None,
                pending: dict[str, passes.PassInfo] | None = None) -> str:
    """What the sheet's pass columns do: "register" a new pass, "extend" a known one whose end the
    sheet moves later, or "" (nothing). Raises InputError when the pass does not cover the arrival
    even as the sheet states it."""
    if not draft.pass_number:
        return ""
    known = _find_pass(session, draft.pass_number, pending)
    if known is not None and validity is not None and validity[1] > known.valid_to and not known.revoked \
            and known.plate == draft.plate:
        known = replace(known, valid_to=validity[1])
        if (why := passes.problem(known, plate=draft.plate, on=draft.arrival_date, number=draft.pass_number)):
            raise InputError("pass_validity" if "过期" in why or "expired" in why else "pass_number", why)
        return "extend"
    if known is None and validity is not None:
        why = passes.problem(passes.PassInfo(0, draft.pass_number, draft.plate, "", "supply", validity[0],
                                             validity[1], False, ""), plate=draft.plate, on=draft.arrival_date,
                             number=draft.pass_number)
        if why:
            raise InputError("pass_validity", why)
        return "register"
    return "register" if _check_pass(session, draft, validity, pending) else ""


def _apply_pass(session: Session, *, actor: Actor, now: datetime, draft: ApprovalDraft,
                validity: tuple[date, date] | None, action: str, report: ImportReport) -> None:
    if action == "register" and validity:
        passes.add(session, actor=actor, now=now, number=draft.pass_number or "", plate=draft.plate,
                   valid_from=max(validity[0], date(2000, 1, 1)), valid_to=validity[1],
                   holder=draft.supplier_name)
    elif action == "extend" and validity:
        passes.extend(session, actor=actor, now=now, number=draft.pass_number or "", valid_to=validity[1])
        report.passes_extended.append(draft.pass_number or "")


def _plate_or_raw(row: SheetRow) -> str:
    """The plate as stored when it is valid, else as written (so the report can still name it)."""
    raw = _text(row.values.get("plate"))
    try:
        return normalize_plate(raw)
    except InputError:
        return quote(raw)
