"""Importing a list of vehicle passes (通行证) the way the approval list is imported: columns placed
by meaning (desktop.services.columns), chosen by hand where they cannot be, every column not read
named in the report, every row stored in full or refused with a reason that names its column.

A pass new to the register is added; a known pass for the same vehicle whose end the list moves
later is extended; the same pass again is "unchanged".
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlmodel import Session

from desktop.domain import limits
from desktop.domain.dates import site_zone
from desktop.domain.identity import InputError, normalize_plate
from desktop.domain.permissions import Permission
from desktop.domain.text import quote
from desktop.i18n import t
from desktop.services import passes
from desktop.services.approval_sheet import check_columns, read_sheet
from desktop.services.approvals import ImportReport, RowProblem, _text, _validity
from desktop.services.authz import requires
from desktop.services.columns import PASS_FIELDS
from desktop.services.context import Actor, ServiceError

REQUIRED = ("pass_number", "plate", "pass_validity")


@requires(Permission.APPROVALS_EDIT)
def import_file(session: Session, *, actor: Actor, now: datetime, path: Path, chosen: dict[str, str] | None = None,
                constants: dict[str, str] | None = None) -> ImportReport:
    """Import a pass list (.xlsx/.csv). Raises ServiceError("missing_columns") naming every column
    that cannot be placed and every required field no column or constant gives."""
    name = Path(path).name
    constants = {k: v.strip() for k, v in (constants or {}).items() if v and v.strip()}
    sheet = read_sheet(Path(path), require_date=False, chosen=chosen, fields=PASS_FIELDS)
    check_columns(sheet, name, required=REQUIRED, constants=constants)
    if len(sheet.rows) > limits.SHEET_ROWS_MAX:
        raise ServiceError("too_many_rows", t("{f} 有 {n} 行，一次最多导入 {m} 行。", "{f} has {n} rows; at most {m}.",
                                              f=quote(name), n=len(sheet.rows), m=limits.SHEET_ROWS_MAX))
    report = ImportReport(file=name, blank_rows=sheet.blank_rows, total_rows=list(sheet.total_rows),
                          columns=dict(sheet.columns),
                          ignored=sheet.placed.ignored, constants=constants)
    seen: dict[str, int] = {}
    today = now.astimezone(site_zone()).date()
    for row in sheet.rows:
        v = {**constants, **row.values}
        number = passes.normalize_number(_text(v.get("pass_number")))
        try:
            if not number:
                raise InputError("pass_number", t("缺通行证号", "The pass number is missing"))
            if number in seen:
                raise InputError("pass_number", t("与第{n}行重复（同一通行证）", "same pass as row {n}", n=seen[number]))
            seen[number] = row.number
            plate = normalize_plate(_text(v.get("plate")))
            try:
                validity = _validity(v, today)
            except InputError as exc:
                raise InputError("pass_validity", exc.message) from None
            if validity is None or validity[1] == date.min:
                raise InputError("pass_validity", t("缺有效期", "The validity is missing"))
            done = _apply(session, actor=actor, now=now, number=number, plate=plate, validity=validity,
                          holder=_text(v.get("supplier")))
        except (InputError, ServiceError) as exc:
            field = getattr(exc, "field", "pass_number")
            report.rejected.append(RowProblem(row.number, exc.message, _text(row.values.get("plate")),
                                              sheet.columns.get(field, "")))
            continue
        if done == "unchanged":
            report.unchanged += 1
        else:
            report.imported += 1
            if done == "extended":
                report.passes_extended.append(number)
    return report


def _apply(session: Session, *, actor: Actor, now: datetime, number: str, plate: str, validity: tuple[date, date],
           holder: str) -> str:
    known = passes.find(session, number)
    if known is None:
        passes.add(session, actor=actor, now=now, number=number, plate=plate, holder=holder,
                   valid_from=max(validity[0], date(2000, 1, 1)), valid_to=validity[1])
        return "added"
    if known.plate != plate:
        raise InputError("plate", passes.problem(known, plate=plate, on=validity[1], number=number) or "")
    if known.revoked:
        raise InputError("pass_number", t("通行证 {n} 已注销：{r}", "Pass {n} was revoked: {r}", n=quote(number),
                                          r=quote(known.revoke_reason)))
    if validity[1] > known.valid_to:
        passes.extend(session, actor=actor, now=now, number=number, valid_to=validity[1])
        return "extended"
    return "unchanged"
