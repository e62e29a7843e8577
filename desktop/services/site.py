"""The site's own settings that are not about one station: for now its time zone.

The zone decides when the site's day starts and ends — approvals are "for today", reports are
"of a day", the demo writes "today" — so it is chosen once for the site (first start writes
the default, or GATEHOUSE_TZ when set then) and read from the database whenever it is opened
(desktop.store.site_zone). GATEHOUSE_TZ still overrides it for one run.
"""

from __future__ import annotations

import os
from datetime import datetime

from sqlmodel import Session

from desktop.domain import localtime
from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import setup
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError
from desktop.store.site_zone import KEY


def time_zone(session: Session) -> str:
    """The zone stored for the site (the default when none was ever stored)."""
    value = setup.get_setting(session, KEY)
    return value if isinstance(value, str) and value else localtime.DEFAULT_TZ


@requires(Permission.SETTINGS)
def set_time_zone(session: Session, *, actor: Actor, now: datetime, name: str) -> str:
    """Store the site's zone (an IANA name such as Asia/Shanghai) and use it from now on."""
    name = name.strip()
    try:
        localtime.zone(name)
    except ValueError:
        raise ServiceError("bad_time_zone", t("不认识的时区：{z}（应如 Asia/Shanghai）。",
                                              "Unknown time zone: {z} (use a name like Asia/Shanghai).",
                                              z=name)) from None
    setup.set_setting(session, actor=actor, now=now, key=KEY, value=name)
    localtime.configure(name)
    return name


def ensure_time_zone(session: Session, *, now: datetime) -> str:
    """First start: store the zone (GATEHOUSE_TZ when set, else the default) if none is stored."""
    if setup.get_setting(session, KEY) is None:
        chosen = (os.environ.get(localtime.ENV) or "").strip() or localtime.DEFAULT_TZ
        try:
            localtime.zone(chosen)
        except ValueError:
            chosen = localtime.DEFAULT_TZ
        setup.initial_setting(session, now=now, key=KEY, value=chosen)
    stored = time_zone(session)
    localtime.configure(stored)
    return stored
