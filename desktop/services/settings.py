"""Read and change the site's settings through one catalogue (desktop.domain.settings_catalog).

`value(session, KEY)` is what every service reads: the stored value when it fits the entry, else the
entry's default — never a half-typed or out-of-range value. `change` is the one writer a settings
screen and `gatehouse settings set` use: administrators only, the text parsed and bounded by the
catalogue, and audited with the old and new values (through setup's setting writer).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from desktop.domain import settings_catalog as catalog
from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import setup
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError


def value(session: Session, key: str) -> Any:
    """The setting as its kind (the default when none is stored or the stored one no longer fits)."""
    return catalog.stored_or_default(key, setup.get_setting(session, key))


def values(session: Session) -> dict[str, Any]:
    """Every catalogued setting with its current value, in catalogue order."""
    return {e.key: value(session, e.key) for e in catalog.ENTRIES}


def parse(key: str, raw: Any) -> Any:
    """The typed value for `raw`, or ServiceError("bad_setting") saying what is wrong."""
    try:
        value = catalog.coerce(key, raw)
    except catalog.BadSetting as exc:
        raise ServiceError("bad_setting", t(exc.zh, exc.en)) from None
    if key in TIMES_OF_DAY and not _is_hhmm(str(value)):
        e = catalog.entry(key)
        raise ServiceError("bad_setting", t("{zh}应为 HH:MM，如 09:00", "{en} must be HH:MM, e.g. 09:00",
                                            zh=e.label_zh, en=e.label_en))
    return value


TIMES_OF_DAY = {"households.first_slot"}  # text settings that must read as a time of day


def _is_hhmm(text: str) -> bool:
    hh, sep, mm = text.replace("：", ":").partition(":")
    return bool(sep) and hh.isdigit() and mm.isdigit() and len(mm) == 2 and int(hh) < 24 and int(mm) < 60


@requires(Permission.SETTINGS)
def change(session: Session, *, actor: Actor, now: datetime, key: str, raw: Any) -> Any:
    """Store a new value for a catalogued setting; returns the stored (typed) value."""
    new = parse(key, raw)
    if key == "site.time_zone":
        from desktop.services import site

        return site.set_time_zone(session, actor=actor, now=now, name=str(new))
    if setup.get_setting(session, key) == new:
        return new
    setup.set_setting(session, actor=actor, now=now, key=key, value=new, default=catalog.entry(key).default)
    return new
