"""Personal data in the record: masked forms plus a keyed hash, never the full value.

Audit events and custody events keep what a person reading them needs (320***********1234,
138****1234) and, beside it, an HMAC-SHA256 of the full value under a per-site random key, so a
supervisor who has the ID number in hand can still find every event about that person
(`find_events`) while the record itself cannot be turned back into numbers.

The key is made on first use, stored in the settings table under `KEY_SETTING` (not in the
settings catalogue, so no screen or command shows or changes it) and never written into audit data:
the event that notes its creation carries only the row's digest.

A full value is shown on a screen only on request (`reveal`), and that request is audited: who saw
which field of which record.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from desktop.domain.clock import utc
from desktop.domain.masking import mask_id, mask_numbers, mask_phone, mask_text
from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import audit, audit_rows
from desktop.services.authz import internal, requires
from desktop.services.context import Actor, ServiceError
from desktop.store.models import ApprovalOccupant, AuditEvent, HouseholdOrder, OccupantCheck, Setting

KEY_SETTING = "privacy.hash_key"
HASH_CHARS = 16  # 64 bits of the HMAC: enough to tell people apart, too short to be worth storing whole


def _key(session: Session, *, create: bool, at: datetime | None = None) -> bytes | None:
    row = session.get(Setting, KEY_SETTING)
    if row is not None:
        return bytes.fromhex(json.loads(row.value))
    if not create or at is None:
        return None
    key = secrets.token_bytes(32)
    session.add(Setting(key=KEY_SETTING, value=json.dumps(key.hex()), updated_at=at))
    session.flush()
    return key


@internal("creates the site's hashing key inside the caller's audited transaction")
def ensure_key(session: Session, *, now: datetime) -> None:
    """Make the key if there is none yet. The caller's audit event, which always follows, covers
    the new settings row by its digest (never by its value)."""
    if session.get(Setting, KEY_SETTING) is None:
        _key(session, create=True, at=now)


def _normal_id(value: str) -> str:
    return "".join(c for c in value.strip() if c.isalnum()).upper()


def _normal_phone(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


def _hmac(key: bytes, kind: str, value: str) -> str:
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:HASH_CHARS]


def id_hash(session: Session, number: str) -> str | None:
    """The keyed hash of an ID number as events store it (None: no key yet, so no event has one)."""
    key = _key(session, create=False)
    return _hmac(key, "id", _normal_id(number)) if key and _normal_id(number) else None


def phone_hash(session: Session, phone: str) -> str | None:
    key = _key(session, create=False)
    return _hmac(key, "phone", _normal_phone(phone)) if key and _normal_phone(phone) else None


@internal("builds audit data inside a guarded use case; may create the hashing key in its transaction")
def id_ref(session: Session, number: str, *, now: datetime) -> dict[str, str]:
    """{"id_number": masked, "id_hash": keyed hash} for audit data ({} for an empty number)."""
    if not _normal_id(number):
        return {"id_number": ""}
    ensure_key(session, now=now)
    return {"id_number": mask_id(number), "id_hash": id_hash(session, number) or ""}


@internal("builds audit data inside a guarded use case; may create the hashing key in its transaction")
def phone_ref(session: Session, phone: str, *, now: datetime) -> dict[str, str]:
    if not _normal_phone(phone):
        return {"phone": ""}
    ensure_key(session, now=now)
    return {"phone": mask_phone(phone), "phone_hash": phone_hash(session, phone) or ""}


def scrub(text: str) -> str:
    """Mask ID and mobile numbers inside a code or a line of text, leaving other digits (slip
    numbers, dates) as they are."""
    return mask_numbers(text)


def scrub_free_text(text: str) -> str:
    """A name or place typed by hand: any ID number, mobile or long run of digits is masked."""
    return mask_text(text)


def find_events(session: Session, *, id_number: str = "", phone: str = "", limit: int = 500) -> list[dict[str, Any]]:
    """Every audit event about a person, found by the keyed hash of their ID number or phone,
    newest first, as `audit.recent` gives them (for the audit tab's search)."""
    wanted = [h for h in (id_hash(session, id_number) if id_number else None,
                          phone_hash(session, phone) if phone else None) if h]
    if not wanted:
        return []
    query = select(AuditEvent).order_by(col(AuditEvent.id).desc()).limit(limit)
    for h in wanted:
        query = query.where(col(AuditEvent.data).contains(h))
    return [_as_recent(e) for e in session.exec(query).all()]


def _as_recent(e: AuditEvent) -> dict[str, Any]:
    data = json.loads(e.data)
    data.pop(audit_rows.DATA_KEY, None)
    return {"id": e.id, "at": utc(e.at).isoformat(), "operator": e.operator, "station": e.station,
            "action": e.action, "entity": e.entity, "entity_id": e.entity_id, "data": data}


# --- showing a full value ------------------------------------------------------------------

_FIELDS: dict[str, tuple[type, tuple[str, ...]]] = {
    "approval_occupant": (ApprovalOccupant, ("id_number", "phone")),
    "occupant_check": (OccupantCheck, ("id_number", "phone")),
    "household_order": (HouseholdOrder, ("phone",)),
}


@requires(Permission.GATE_CHECK)
def reveal(session: Session, *, actor: Actor, now: datetime, entity: str, entity_id: int,
           fields: tuple[str, ...] = ("id_number", "phone")) -> dict[str, str]:
    """The full values of a person's fields, for the guard checking an identity at the gate; the
    event names who saw which fields of which record (masked, never the values)."""
    model, allowed = _FIELDS.get(entity, (None, ()))
    if model is None or not fields or any(f not in allowed for f in fields):
        raise ServiceError("bad_field", t("不能显示该信息。", "That value cannot be shown."))
    row = session.get(model, entity_id)
    values = {f: str(getattr(row, f, "") or "") for f in fields} if row is not None else {}
    if not any(values.values()):
        raise ServiceError("not_found", t("没有这条信息（可能已按保留期限清除）。",
                                          "There is no such value (it may have been purged after the retention period)."))
    masked = {f: (mask_id(v) if f == "id_number" else mask_phone(v)) for f, v in values.items()}
    audit.record(session, actor=actor, action="privacy.reveal", at=now, entity=entity, entity_id=entity_id,
                 data={"fields": sorted(f for f, v in values.items() if v), "masked": masked})
    return values
