"""The site, its operators, stations and settings: what every other station stands on."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from desktop.domain import codes
from desktop.domain.enums import Role, StationKind
from desktop.domain.permissions import PIN_ALWAYS, Permission
from desktop.domain.pins import hash_pin
from desktop.i18n import t
from desktop.services import audit, authz
from desktop.services.authz import internal, requires
from desktop.services.context import SYSTEM, Actor, ServiceError
from desktop.store.models import Operator, Setting, Site, Station

DEFAULT_SITE_CODE = "GH"


@dataclass(frozen=True)
class SiteInfo:
    id: int
    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class OperatorInfo:
    id: int
    username: str
    display_name: str
    role: str
    has_pin: bool
    active: bool = True
    locked_until: datetime | None = None


def _info(op: Operator) -> OperatorInfo:
    return OperatorInfo(op.id or 0, op.username, op.display_name, op.role, bool(op.pin_hash), op.active,
                        op.locked_until)


def _site_info(site: Site) -> SiteInfo:
    return SiteInfo(id=site.id or 0, code=site.code, name=site.name, kind=site.kind)


def current_site(session: Session) -> SiteInfo | None:
    site = session.exec(select(Site).order_by(Site.id)).first()  # type: ignore[arg-type]
    return _site_info(site) if site else None


def require_site(session: Session) -> SiteInfo:
    site = current_site(session)
    if site is None:
        raise ServiceError("no_site", t("尚未设置站点。", "No site has been set up yet."))
    return site


@requires(Permission.SITE_SETUP)
def create_site(session: Session, *, actor: Actor, now: datetime, code: str, name: str, kind: str = "campus") -> SiteInfo:
    code = code.strip().upper()
    if not codes.valid_site_code(code):
        raise ServiceError("bad_site_code", t("站点代码须为2-4个英文字母。", "The site code must be 2-4 letters A-Z."))
    if session.exec(select(Site).where(Site.code == code)).first():
        raise ServiceError("duplicate", t("站点代码 {c} 已存在。", "Site code {c} already exists.", c=code))
    site = Site(code=code, name=name.strip(), kind=kind, created_at=now)
    session.add(site)
    session.flush()
    audit.record(session, actor=actor, action="site.create", at=now, entity="site", entity_id=site.id,
                 data={"code": code, "name": site.name, "kind": kind})
    return _site_info(site)


@internal("start-up: the system actor creates the first site, administrator and stations")
def ensure_initial(session: Session, *, now: datetime) -> SiteInfo:
    """First start on an empty database: a site, an administrator and one station of each kind."""
    site = current_site(session)
    if site is not None:
        return site
    site = create_site(session, actor=SYSTEM, now=now, code=DEFAULT_SITE_CODE, name="本站点")
    add_operator(session, actor=SYSTEM, now=now, username="admin", display_name="管理员", role=Role.ADMIN)
    for kind in StationKind:
        if kind is not StationKind.TRANSIT:
            ensure_station(session, actor=SYSTEM, now=now, name=kind.value, kind=kind.value)
    from desktop.services.site import ensure_time_zone  # it builds on this module's settings

    ensure_time_zone(session, now=now)
    return site


@requires(Permission.OPERATORS)
def add_operator(session: Session, *, actor: Actor, now: datetime, username: str, display_name: str,
                 role: str, pin: str | None = None) -> OperatorInfo:
    """Only administrators add operators (the system adds the very first administrator). Supervisors
    and administrators always get a PIN; station staff do when the site requires it (the default)."""
    username = username.strip().lower()
    if not username or not username.isascii() or not username.replace("_", "").replace(".", "").isalnum():
        raise ServiceError("bad_username", t("用户名只能用英文字母、数字、点和下划线。",
                                             "A username may use only letters, digits, dots and underscores."))
    if role not in {r.value for r in Role}:
        raise ServiceError("bad_role", t("未知角色：{r}", "Unknown role: {r}", r=role))
    if session.exec(select(Operator).where(Operator.username == username)).first():
        raise ServiceError("duplicate", t("用户名 {u} 已存在。", "Username {u} already exists.", u=username))
    if pin:
        _check_pin_shape(pin)
    elif actor != SYSTEM and pin_required(session, role):
        raise ServiceError("pin_required", t("{r} 必须设置密码。", "A {r} must have a PIN.", r=_role_name(role)))
    op = Operator(username=username, display_name=display_name.strip() or username, role=role,
                  pin_hash=hash_pin(pin) if pin else None, created_at=now)
    session.add(op)
    session.flush()
    audit.record(session, actor=actor, action="operator.add", at=now, entity="operator", entity_id=op.id,
                 data={"username": username, "display_name": op.display_name, "role": role, "pin": bool(pin)})
    return _info(op)


def _role_name(role: str) -> str:
    from desktop.domain.enums import display
    from desktop.i18n import language

    return display(role, language())


PIN_SETTING = "pins.station_staff_required"


def pin_required(session: Session, role: str) -> bool:
    """Supervisors and administrators always; station staff unless the site switched it off."""
    from desktop.services import settings  # it builds on this module

    return role in PIN_ALWAYS or bool(settings.value(session, PIN_SETTING))


def list_operators(session: Session, *, include_disabled: bool = False) -> list[OperatorInfo]:
    query = select(Operator).order_by(Operator.username)  # type: ignore[arg-type]
    if not include_disabled:
        query = query.where(Operator.active)  # type: ignore[arg-type]
    return [_info(o) for o in session.exec(query).all()]


def verify_supervisor(session: Session, *, username: str, pin: str, actor: Actor = SYSTEM,
                      now: datetime | None = None, permission: Permission = Permission.OVERRIDE) -> OperatorInfo:
    """Someone who may grant `permission`, with the right PIN and not the requester; otherwise a
    ServiceError saying what is wrong (wrong PINs count towards the lockout)."""
    from datetime import UTC

    who = authz.authorise(session, actor=actor, username=username, pin=pin, permission=permission,
                          now=now or datetime.now(UTC))
    return info_of(session, who.username)


def info_of(session: Session, username: str) -> OperatorInfo:
    op = session.exec(select(Operator).where(Operator.username == username.strip().lower())).first()
    if op is None:
        raise ServiceError("unknown_operator", t("没有这个操作员。", "No such operator."))
    return _info(op)


def _operator_row(session: Session, username: str) -> Operator:
    op = session.exec(select(Operator).where(Operator.username == username.strip().lower())).first()
    if op is None:
        raise ServiceError("unknown_operator", t("没有这个操作员。", "No such operator."))
    return op


@requires(Permission.OPERATORS)
def set_role(session: Session, *, actor: Actor, now: datetime, username: str, role: str) -> OperatorInfo:
    """Change an operator's role (administrators only; nobody changes their own)."""
    op = _operator_row(session, username)
    if op.username == actor.operator:
        raise ServiceError("own_role", t("不能修改自己的角色。", "You cannot change your own role."))
    if role not in {r.value for r in Role}:
        raise ServiceError("bad_role", t("未知角色：{r}", "Unknown role: {r}", r=role))
    if role in PIN_ALWAYS and not op.pin_hash:
        raise ServiceError("pin_required", t("{r} 必须设置密码：请先设置密码。", "A {r} must have a PIN: set one first.",
                                             r=_role_name(role)))
    old, op.role = op.role, role
    session.add(op)
    session.info.pop("authz.roles", None)
    audit.record(session, actor=actor, action="operator.role", at=now, entity="operator", entity_id=op.id,
                 data={"username": op.username, "old": old, "new": role})
    return _info(op)


@requires(Permission.OPERATORS)
def set_active(session: Session, *, actor: Actor, now: datetime, username: str, active: bool) -> OperatorInfo:
    """Disable (or enable again) an operator. Operators are never deleted: the record names them."""
    op = _operator_row(session, username)
    if op.username == actor.operator and not active:
        raise ServiceError("own_account", t("不能停用自己的账号。", "You cannot disable your own account."))
    op.active = active
    session.add(op)
    session.info.pop("authz.roles", None)
    audit.record(session, actor=actor, action="operator.enable" if active else "operator.disable", at=now,
                 entity="operator", entity_id=op.id, data={"username": op.username})
    return _info(op)


@requires(Permission.OPERATORS)
def unlock(session: Session, *, actor: Actor, now: datetime, username: str) -> OperatorInfo:
    """Lift a PIN lockout before it runs out (the next lock is still longer)."""
    op = _operator_row(session, username)
    op.locked_until, op.failed_pins = None, 0
    session.add(op)
    audit.record(session, actor=actor, action="operator.unlock", at=now, entity="operator", entity_id=op.id,
                 data={"username": op.username})
    return _info(op)


@requires(Permission.SITE_SETUP)
def ensure_station(session: Session, *, actor: Actor, now: datetime, name: str, kind: str) -> None:
    if session.exec(select(Station).where(Station.name == name)).first():
        return
    site = require_site(session)
    session.add(Station(name=name, kind=kind, site_id=site.id))
    session.flush()
    audit.record(session, actor=actor, action="station.add", at=now, entity="station", entity_id=name,
                 data={"kind": kind})


def station_settings(session: Session, name: str) -> dict[str, Any]:
    station = session.exec(select(Station).where(Station.name == name)).first()
    return json.loads(station.settings) if station else {}


@requires(Permission.PRINT)
def update_station_settings(session: Session, *, actor: Actor, now: datetime, name: str, **changes: Any) -> dict[str, Any]:
    station = session.exec(select(Station).where(Station.name == name)).first()
    if station is None:
        raise ServiceError("unknown_station", t("未知岗位：{n}", "Unknown station: {n}", n=name))
    merged = {**json.loads(station.settings), **changes}
    station.settings = json.dumps(merged, ensure_ascii=False, sort_keys=True)
    session.add(station)
    audit.record(session, actor=actor, action="station.settings", at=now, entity="station", entity_id=name, data=changes)
    return merged


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return json.loads(row.value) if row else default


@requires(Permission.SETTINGS)
def set_setting(session: Session, *, actor: Actor, now: datetime, key: str, value: Any,
                default: Any = None) -> None:
    """Store `value` under `key`; the audit's "old" is the stored value, else `default` (what a
    reader got until now: the catalogue's default)."""
    _write_setting(session, actor=actor, now=now, key=key, value=value, default=default)


@internal("the first start writes the site's defaults (ensure_initial), as the system")
def initial_setting(session: Session, *, now: datetime, key: str, value: Any) -> None:
    """A default the first start stores, written by the system actor and audited like any setting."""
    _write_setting(session, actor=SYSTEM, now=now, key=key, value=value)


@internal("a use case remembers a choice of its own (e.g. an import's column mapping); the use case is checked")
def remember_choice(session: Session, *, actor: Actor, now: datetime, key: str, value: Any) -> None:
    """Store a remembered choice under `key`, audited like any setting, without the settings right."""
    _write_setting(session, actor=actor, now=now, key=key, value=value)


def _write_setting(session: Session, *, actor: Actor, now: datetime, key: str, value: Any,
                   default: Any = None) -> None:
    row = session.get(Setting, key)
    old = json.loads(row.value) if row else default
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if row is None:
        row = Setting(key=key, value=encoded, updated_at=now)
    else:
        row.value, row.updated_at = encoded, now
    session.add(row)
    audit.record(session, actor=actor, action="setting.set", at=now, entity="setting", entity_id=key,
                 data={"old": old, "new": value})


@dataclass(frozen=True)
class UnloadingPointInfo:
    id: int
    code: str
    name: str
    route: str


@requires(Permission.SETTINGS)
def add_unloading_point(session: Session, *, actor: Actor, now: datetime, code: str, name: str,
                        route: str = "") -> UnloadingPointInfo:
    from desktop.store.models import UnloadingPoint

    site = require_site(session)
    point = UnloadingPoint(site_id=site.id, code=code.strip(), name=name.strip(), route=route.strip())
    session.add(point)
    session.flush()
    audit.record(session, actor=actor, action="unloading_point.add", at=now, entity="unloading_point",
                 entity_id=point.id, data={"code": point.code, "name": point.name, "route": point.route})
    return UnloadingPointInfo(point.id or 0, point.code, point.name, point.route)


def list_unloading_points(session: Session) -> list[UnloadingPointInfo]:
    from desktop.store.models import UnloadingPoint

    rows = session.exec(select(UnloadingPoint).where(UnloadingPoint.active)  # type: ignore[arg-type]
                        .order_by(UnloadingPoint.position, UnloadingPoint.code)).all()  # type: ignore[arg-type]
    return [UnloadingPointInfo(p.id or 0, p.code, p.name, p.route) for p in rows]


def list_stations(session: Session) -> list[tuple[str, str]]:
    """(name, kind) of every station, in the order they were set up."""
    return [(s.name, s.kind) for s in session.exec(select(Station).order_by(Station.id)).all()]  # type: ignore[arg-type]


def check_operator_pin(session: Session, *, username: str, pin: str, actor: Actor | None = None,
                       now: datetime | None = None) -> OperatorInfo:
    """Sign-in: the operator, if their PIN is right (or they have none and the site lets them in
    without). Wrong PINs count towards the stored lockout and are audited."""
    from datetime import UTC

    op = session.exec(select(Operator).where(Operator.username == username.strip().lower())).first()
    if op is None or not op.active:
        raise ServiceError("unknown_operator", t("没有这个操作员。", "No such operator."))
    if op.pin_hash or pin:
        authz.check_credentials(session, actor=actor or Actor(op.username, "sign-in"), username=op.username,
                                pin=pin, now=now or datetime.now(UTC))
    return _info(op)


MIN_PIN_LENGTH = 4


def _check_pin_shape(pin: str) -> None:
    if len(pin.strip()) < MIN_PIN_LENGTH or not pin.strip().isdigit():
        raise ServiceError("weak_pin", t("密码须为至少{n}位数字。", "The PIN must be at least {n} digits.",
                                         n=MIN_PIN_LENGTH))


@requires(Permission.PINS)
def set_pin(session: Session, *, actor: Actor, now: datetime, username: str, pin: str) -> OperatorInfo:
    """An administrator gives an operator a new PIN (audited; the PIN itself is never written
    anywhere but its hash). Also lifts a lockout."""
    return _store_pin(session, actor=actor, now=now, username=username, pin=pin)


@internal("first sign-in: the person sets their own missing PIN after the sign-in service checked them")
def set_first_pin(session: Session, *, actor: Actor, now: datetime, username: str, pin: str) -> OperatorInfo:
    """Someone whose account has no PIN yet sets one at sign-in; refused once a PIN exists."""
    op = _operator_row(session, username)
    if op.pin_hash:
        raise ServiceError("has_pin", t("该账号已有密码。", "This account already has a PIN."))
    return _store_pin(session, actor=actor, now=now, username=username, pin=pin)


def _store_pin(session: Session, *, actor: Actor, now: datetime, username: str, pin: str) -> OperatorInfo:
    op = _operator_row(session, username)
    _check_pin_shape(pin)
    op.pin_hash, op.failed_pins, op.locked_until = hash_pin(pin.strip()), 0, None
    session.add(op)
    audit.record(session, actor=actor, action="operator.pin", at=now, entity="operator", entity_id=op.id,
                 data={"username": op.username})
    return _info(op)


def needs_pin(op: OperatorInfo, session: Session | None = None) -> bool:
    """Supervisors and administrators always sign in with a PIN; station staff when the site says so."""
    if session is None:
        return op.role in PIN_ALWAYS
    return pin_required(session, op.role)
