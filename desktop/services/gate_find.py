"""Finding the vehicle however the guard typed it (read only).

    found = gate_find.lookup_any(session, query="bg20220047", now=now)
    # -> a gate.Lookup, or a list of Choice when several vehicles match (e.g. "0047")

Exact plates and pass numbers go straight to `gate.lookup`. Otherwise the query is folded
(full width, case, dashes, dots, spaces) and compared with today's approvals, the pass register
and the vehicles inside: a pass number without its dashes, a plate without its province
character, or the last digits (three or more) of a plate or a pass number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from desktop.domain.dates import site_zone
from desktop.domain.identity import InputError, display_plate, normalize_plate
from desktop.services import gate, passes
from desktop.store.models import Approval, Arrival, VehiclePass

_NOT_KEY = re.compile(r"[^0-9A-Z\u4e00-\u9fff]+")
MIN_DIGITS = 3


@dataclass(frozen=True)
class Choice:
    query: str  # what gate.lookup finds exactly: a plate or a pass number
    plate: str
    label: str  # for the person choosing: plate, pass, supplier


def key(text: str) -> str:
    """'ｂｇ-2022 0047' -> 'BG20220047'."""
    return _NOT_KEY.sub("", unicodedata.normalize("NFKC", text or "").upper())


def _plate_key(text: str) -> str:
    """A plate's serial as a guard means it: I and O are 1 and 0."""
    return text[:1] + text[1:].replace("O", "0").replace("I", "1") if text else text


def _exact(session: Session, query: str) -> bool:
    if passes.find(session, query) is not None:
        return True
    try:
        normalize_plate(query)
    except InputError:
        return False
    return True


def matches(session: Session, query: str, now: datetime) -> list[Choice]:
    """Every vehicle the folded query can mean today, one Choice per plate."""
    wanted = key(query)
    if not wanted:
        return []
    today = now.astimezone(site_zone()).date()
    # plate -> (pass number, supplier)
    known: dict[str, tuple[str, str]] = {}
    for a in session.exec(select(Approval).where(Approval.arrival_date == today,
                                                 Approval.status.in_(("approved", "pending")))).all():  # type: ignore[attr-defined]
        known.setdefault(a.plate, (a.pass_number or "", a.supplier_name))
    for r in session.exec(select(Arrival).where(Arrival.status.in_(gate.OPEN))).all():  # type: ignore[attr-defined]
        known.setdefault(r.plate, (r.pass_number or "", ""))
    numbers: dict[str, str] = {}  # pass number -> plate
    for p in session.exec(select(VehiclePass).where(VehiclePass.revoked_at.is_(None))).all():  # type: ignore[union-attr]
        numbers[p.number] = p.plate
        if p.plate in known and not known[p.plate][0]:
            known[p.plate] = (p.number, known[p.plate][1])
    serial = _plate_key(wanted)
    found: dict[str, Choice] = {}

    def add(plate: str, query: str) -> None:
        number, supplier = known.get(plate, ("", ""))
        label = " · ".join(x for x in (display_plate(plate), number, supplier) if x)
        found.setdefault(plate, Choice(query, plate, label))

    for number, plate in numbers.items():
        k = key(number)
        if k == wanted or (wanted.isdigit() and len(wanted) >= MIN_DIGITS and k.endswith(wanted)):
            add(plate, number)
    for plate in known:
        if plate[1:] == serial or plate == serial or (
                wanted.isdigit() and len(wanted) >= MIN_DIGITS and plate.endswith(wanted)) or (known[plate][0] and key(known[plate][0]) == wanted):
            add(plate, plate)
    return sorted(found.values(), key=lambda c: c.plate)


def lookup_any(session: Session, *, query: str, now: datetime) -> gate.Lookup | list[Choice]:
    """gate.lookup for the one vehicle meant, or the choices when the query fits several."""
    if query.strip() and not _exact(session, query.strip()):
        choices = matches(session, query, now)
        if len(choices) == 1:
            return gate.lookup(session, query=choices[0].query, now=now)
        if choices:
            return choices
    return gate.lookup(session, query=query, now=now)
