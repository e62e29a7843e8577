"""The column-mapping step before an import: what the sheet's columns were recognised as, what
the person has to decide (unplaced columns, required fields no column gives), and the choices
remembered per header set in the settings table, offered the next time the same layout comes.
Plain data only, so the review screen can show it without touching the database itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from desktop.domain.permissions import Permission
from desktop.services import setup
from desktop.services.approval_sheet import REQUIRED, read_sheet
from desktop.services.authz import requires
from desktop.services.columns import APPROVAL_FIELDS, IGNORE, PASS_FIELDS, label
from desktop.services.context import Actor, ServiceError

SETTING_PREFIX = "import.columns."


@dataclass(frozen=True)
class ColumnPreview:
    file: str
    key: str  # the header set, as remembered mappings are keyed
    headers: tuple[str, ...]  # as the sheet wrote them ("" for a column with no header)
    fields: tuple[str | None, ...]  # what each column is read as; None: the person must say
    rows: tuple[tuple[str, ...], ...]  # the first data rows, as text
    questions: dict[str, list[str]] = field(default_factory=dict)
    remembered: bool = False  # the fields come from the person's earlier choice for this layout
    required: tuple[str, ...] = (*REQUIRED, "arrival_date")  # fields a column or a value must give
    choices: tuple[str, ...] = ()  # the fields a column may be read as (empty: the approval list's)

    @property
    def unplaced(self) -> list[str]:
        return [h for h, f in zip(self.headers, self.fields, strict=True) if h and f is None]

    def missing(self, fields: list[str | None] | None = None) -> list[str]:
        """Required fields (for an approval list, with the arrival date) that no column gives."""
        given = set(self.fields if fields is None else fields)
        return [f for f in self.required if f not in given]

    @property
    def needs_person(self) -> bool:
        return bool(self.unplaced or self.missing() or self.remembered)


def field_choices(fields: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(field, label) for a column combo: ignore first, then every field the import reads."""
    return [(IGNORE, label(IGNORE)), *((f, label(f)) for f in fields or tuple(APPROVAL_FIELDS) if f != "row_number")]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M").removesuffix(" 00:00")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _setting_key(layout: str) -> str:
    return SETTING_PREFIX + hashlib.sha256(layout.encode()).hexdigest()[:16]


def preview(session: Session, *, path: Path, passes: bool = False) -> ColumnPreview:
    """The sheet's columns as recognised, with a remembered choice for this layout applied
    (`passes`: a pass list, read as `pass_sheet.import_file` reads it)."""
    fields = PASS_FIELDS if passes else tuple(APPROVAL_FIELDS)
    sheet = read_sheet(Path(path), require_date=False, fields=fields)
    key = ("passes:" if passes else "") + sheet.placed.key()
    remembered = setup.get_setting(session, _setting_key(key))
    if isinstance(remembered, dict) and remembered:
        sheet = read_sheet(Path(path), require_date=False, chosen=remembered, fields=fields)
    extra: dict[str, tuple[str, ...]] = {}
    if passes:
        from desktop.services.pass_sheet import REQUIRED as PASS_REQUIRED

        extra = {"required": PASS_REQUIRED, "choices": PASS_FIELDS}
    cols = sheet.placed.columns
    body = sheet.preview[1:]
    return ColumnPreview(
        file=Path(path).name, key=key, headers=tuple(c.header for c in cols),
        fields=tuple(IGNORE if c.field == "row_number" else c.field for c in cols),
        rows=tuple(tuple(_cell_text(r[c.index] if c.index < len(r) else None) for c in cols) for r in body),
        questions=dict(sheet.placed.questions), remembered=bool(remembered), **extra)


@requires(Permission.APPROVALS_EDIT)
def remember(session: Session, *, actor: Actor, now: datetime, key: str, chosen: dict[str, str]) -> None:
    """Keep the person's mapping for this header set (audited, as every setting is)."""
    setup.remember_choice(session, actor=actor, now=now, key=_setting_key(key), value=dict(chosen))


def sheet_key(path: Path, *, passes: bool = False) -> str | None:
    """The key a mapping for this sheet's header set is remembered under (a pass list's apart from
    an approval list's), or None when the sheet cannot be read (its import will say why)."""
    try:
        sheet = read_sheet(Path(path), require_date=False, fields=PASS_FIELDS if passes else tuple(APPROVAL_FIELDS))
    except ServiceError:
        return None
    return ("passes:" if passes else "") + sheet.placed.key()


def recall(session: Session, key: str) -> dict[str, str]:
    """The mapping remembered for this header set ({} when none)."""
    value = setup.get_setting(session, _setting_key(key))
    return {str(h): str(f) for h, f in value.items()} if isinstance(value, dict) else {}
