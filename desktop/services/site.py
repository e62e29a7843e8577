"""The site's own settings that are not about one station: its time zone, name, code and kind.

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
from desktop.services import audit, setup
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


# --- name, code and kind ---------------------------------------------------------------------------

SITE_KINDS: dict[str, tuple[str, str]] = {
    "campus": ("校园", "Campus"),
    "community": ("社区", "Community"),
    "transit": ("中转站", "Transit station"),
}


@requires(Permission.SETTINGS)
def update_site(session: Session, *, actor: Actor, now: datetime, name: str, code: str,
                kind: str) -> setup.SiteInfo:
    """Rename the site, change its kind, or its code — the prefix of every slip and bag label
    number, which the handoff checks — only until the first slip or label is issued (afterwards
    the issued ones would no longer scan). Audited with the old and new values."""
    from sqlmodel import select

    from desktop.domain import codes
    from desktop.store.models import Bag, Site, Slip

    current = setup.require_site(session)
    name, code, kind = name.strip(), code.strip().upper(), kind.strip()
    if not name:
        raise ServiceError("missing", t("请填写站点名称。", "Give the site a name."))
    if not codes.valid_site_code(code):
        raise ServiceError("bad_site_code", t("站点代码须为2-4个英文字母。", "The site code must be 2-4 letters A-Z."))
    if kind not in SITE_KINDS:
        raise ServiceError("bad_site_kind", t("站点类型应为：校园、社区、中转站", "The site kind must be campus, community "
                                              "or transit"))
    if session.exec(select(Site).where(Site.code == code, Site.id != current.id)).first():
        raise ServiceError("duplicate", t("站点代码 {c} 已存在。", "Site code {c} already exists.", c=code))
    if code != current.code and (session.exec(select(Slip.id)).first() or session.exec(select(Bag.id)).first()):
        raise ServiceError("code_in_use", t("已开具交接单或袋签，站点代码 {c} 不能再改（单号以它开头）。",
                                            "Slips or bag labels were issued: the site code {c} (their numbers' "
                                            "prefix) can no longer change.", c=current.code))
    row = session.get(Site, current.id)
    assert row is not None
    old = {"name": row.name, "code": row.code, "kind": row.kind}
    new = {"name": name, "code": code, "kind": kind}
    if old != new:
        row.name, row.code, row.kind = name, code, kind
        session.add(row)
        audit.record(session, actor=actor, action="site.edit", at=now, entity="site", entity_id=row.id,
                     data={"old": old, "new": new})
    return setup.SiteInfo(id=row.id or 0, code=row.code, name=row.name, kind=row.kind)
