"""The guard: every service function that changes something declares the permission it needs.

`@requires(Permission.X)` checks the acting operator's role (from the operator table, not from
what a screen believes) before the function body runs. A refusal is a `ServiceError("forbidden")`
naming the roles that may, and an audit event. The request's own transaction is rolled back, so
the event is written by `Database.session` in a fresh transaction after the rollback (the
exception's `after_rollback`): a refused attempt is never lost with the work it tried to do.

`authorise` is the second person: an override, walk-in or early dwell end is granted by someone
typing their own account and PIN at that moment. Wrong PINs count towards a stored lockout
(5 failures → 5 minutes, doubling on each further lock), written the same way after the rollback.

`REGISTRY` lists every guarded function; `tests/services/test_permissions.py` calls each as every
role and scans this package for writers that declare nothing.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import bindparam
from sqlalchemy import select as sa_select
from sqlmodel import Session, select

from desktop.domain import permissions as perms
from desktop.domain.clock import utc
from desktop.domain.enums import display
from desktop.domain.permissions import Permission
from desktop.domain.pins import check_pin
from desktop.i18n import language, t
from desktop.services.context import Actor, ServiceError
from desktop.store.models import Operator
from desktop.store.prepared import Prepared

F = TypeVar("F", bound=Callable[..., Any])

ANY_OPERATOR = "any_operator"  # any known, active operator (a view that also tidies up)
INTERNAL = "internal"  # called only from inside a guarded use case


@dataclass(frozen=True)
class Guard:
    function: Callable[..., Any]
    permission: Permission | str
    reason: str = ""


REGISTRY: dict[str, Guard] = {}


def _register(fn: Callable[..., Any], permission: Permission | str, reason: str = "") -> None:
    REGISTRY[f"{fn.__module__}.{fn.__qualname__}"] = Guard(fn, permission, reason)


def _now_from(kwargs: dict[str, Any]) -> datetime:
    if kwargs.get("now") is not None:
        return kwargs["now"]  # type: ignore[no-any-return]
    if kwargs.get("clock") is not None:
        return kwargs["clock"].now()  # type: ignore[no-any-return]
    if kwargs.get("reading") is not None:
        return kwargs["reading"].wall  # type: ignore[no-any-return]
    return datetime.now(UTC)


def requires(permission: Permission | str) -> Callable[[F], F]:
    """Declare (and enforce) what the `actor` keyword argument must be allowed to do."""

    def wrap(fn: F) -> F:
        params = inspect.signature(fn).parameters

        @functools.wraps(fn)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            session = args[0] if args else kwargs.get("session")
            if not isinstance(session, Session):
                session = kwargs.get("session")
            actor = kwargs.get("actor")
            if session is None or not isinstance(actor, Actor):
                raise TypeError(f"{fn.__qualname__} needs session and actor= to check {permission}")
            require(session, actor, permission, now=_now_from(kwargs), action=fn.__qualname__)
            return fn(*args, **kwargs)

        guarded.__signature__ = inspect.Signature(list(params.values()))  # type: ignore[attr-defined]
        _register(guarded, permission)
        return guarded  # type: ignore[return-value]

    return wrap


def requires_or_authorised(permission: Permission) -> Callable[[F], F]:
    """The actor does it with their own `permission`, or asks for it: then `supervisor=` and `pin=`
    name someone else who holds it, typing their own PIN now (recorded as `authoriser`)."""

    def wrap(fn: F) -> F:
        params = inspect.signature(fn).parameters

        @functools.wraps(fn)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            session = args[0] if args else kwargs["session"]
            actor, now = kwargs.get("actor"), _now_from(kwargs)
            if not isinstance(actor, Actor):
                raise TypeError(f"{fn.__qualname__} needs actor= to check {permission}")
            if kwargs.get("supervisor"):
                who = authorise(session, actor=actor, username=kwargs["supervisor"], pin=kwargs.get("pin", ""),
                                permission=permission, now=now)
                require(session, actor, ANY_OPERATOR, now=now, action=fn.__qualname__)
                session.info["authz.authoriser"] = who.username
            else:
                require(session, actor, permission, now=now, action=fn.__qualname__)
                session.info["authz.authoriser"] = None
            return fn(*args, **kwargs)

        guarded.__signature__ = inspect.Signature(list(params.values()))  # type: ignore[attr-defined]
        _register(guarded, permission, "or authorised by supervisor= / pin=")
        return guarded  # type: ignore[return-value]

    return wrap


def authoriser_of(session: Session) -> str | None:
    """Who authorised the request a `requires_or_authorised` function is running (None: the actor)."""
    return session.info.get("authz.authoriser")  # type: ignore[no-any-return]


def internal(reason: str) -> Callable[[F], F]:
    """A writer called only from a guarded use case (it never checks anything itself)."""

    def wrap(fn: F) -> F:
        _register(fn, INTERNAL, reason)
        return fn

    return wrap


# --- roles --------------------------------------------------------------------------------


def _operator(session: Session, username: str) -> Operator | None:
    return session.exec(select(Operator).where(Operator.username == username.strip().lower())).first()


NAMES = "operator_names"  # session.info: username -> display name, for verdicts that name who did it


def role_of(session: Session, actor: Actor) -> str | None:
    """The acting operator's role as stored, or None for an unknown or disabled operator.
    Cached for the session: the scan path checks on every scan. One Core read (an ORM load of the
    operator cost a third of a refused scan's CPU), which also notes the display name (`NAMES`)."""
    if actor.operator == perms.SYSTEM_OPERATOR:
        return perms.SYSTEM_OPERATOR
    cache = session.info.setdefault("authz.roles", {})
    if actor.operator not in cache:
        username = actor.operator.strip().lower()
        row = _ROLE.first(session.connection(), {"username": username})
        cache[actor.operator] = row.role if row is not None and row.active else None
        if row is not None:
            session.info.setdefault(NAMES, {})[actor.operator] = row.display_name or actor.operator
    return cache[actor.operator]  # type: ignore[no-any-return]


_OP = Operator.__table__  # type: ignore[attr-defined]
_ROLE = Prepared(sa_select(_OP.c.role, _OP.c.active, _OP.c.display_name)
                 .where(_OP.c.username == bindparam("username")).limit(1))


def may(session: Session, actor: Actor, permission: Permission | str) -> bool:
    role = role_of(session, actor)
    if role is None:
        return False
    if permission == ANY_OPERATOR:
        return True
    if role == perms.SYSTEM_OPERATOR:
        return permission in perms.SYSTEM_PERMISSIONS or _bootstrapping(session, permission)
    return perms.allowed(role, Permission(permission))


def _bootstrapping(session: Session, permission: Permission | str) -> bool:
    """Start-up creates the first administrator; once one exists, only administrators add operators."""
    if permission != Permission.OPERATORS:
        return False
    return session.exec(select(Operator).where(Operator.role == "admin", Operator.active)).first() is None  # type: ignore[arg-type]


def role_names(permission: Permission | str) -> str:
    lang = language()
    try:
        roles = perms.roles_with(Permission(permission))
    except ValueError:
        roles = []
    return "、".join(display("supervision" if r == "supervisor" else r, lang) for r in roles) or "—"


def _audit_later(exc: ServiceError, actor: Actor, action: str, at: datetime, entity: str = "",
                 entity_id: object = "", data: dict[str, Any] | None = None,
                 then: Callable[[Session], None] | None = None) -> ServiceError:
    def hook(session: Session) -> None:
        from desktop.services import audit  # not at import: audit imports `internal` from here

        audit.record(session, actor=actor, action=action, at=at, entity=entity, entity_id=entity_id, data=data)
        if then is not None:  # e.g. the failure count and the lock it may trigger, after the failure itself
            then(session)

    exc.after_rollback = hook  # type: ignore[attr-defined]
    return exc


def require(session: Session, actor: Actor, permission: Permission | str, *, now: datetime | None = None,
            action: str = "") -> None:
    """Refuse (and audit the refusal) unless `actor` may do `permission`."""
    if may(session, actor, permission):
        return
    role = role_of(session, actor)
    if role is None:
        message = t("操作员 {u} 不存在或已停用，不能操作。", "Operator {u} is unknown or disabled.", u=actor.operator)
    else:
        message = t("{u}（{r}）无权执行此操作：需要 {need} 角色。",
                    "{u} ({r}) may not do this: it needs the role {need}.",
                    u=actor.operator, r=display(role, language()), need=role_names(permission))
    raise _audit_later(ServiceError("forbidden", message), actor, "permission.refused", now or datetime.now(UTC),
                       entity="permission", entity_id=str(permission),
                       data={"function": action, "role": role})


# --- credentials and lockout -----------------------------------------------------------------


@dataclass(frozen=True)
class Authoriser:
    username: str
    display_name: str
    role: str


def locked_until(op: Operator, now: datetime) -> datetime | None:
    if op.locked_until is not None and utc(op.locked_until) > utc(now):
        return utc(op.locked_until)
    return None


def _count_failure(username: str, now: datetime) -> Callable[[Session], None]:
    def hook(session: Session) -> None:
        op = _operator(session, username)
        if op is None:
            return
        op.failed_pins += 1
        if op.failed_pins >= perms.MAX_FAILURES:
            minutes = perms.lock_minutes(op.lock_count)
            op.locked_until, op.lock_count, op.failed_pins = now + timedelta(minutes=minutes), op.lock_count + 1, 0
            session.add(op)
            from desktop.services import audit  # not at import: audit imports `internal` from here

            audit.record(session, actor=Actor(op.username, "-"), action="operator.locked", at=now,
                         entity="operator", entity_id=op.id, data={"username": op.username, "minutes": minutes})
        session.add(op)

    return hook


def check_credentials(session: Session, *, actor: Actor, username: str, pin: str, now: datetime,
                      purpose: str = "sign_in") -> Operator:
    """The operator `username` if `pin` is theirs and they are not locked; otherwise a refusal that
    is audited (and counted towards the lock) after the request rolls back."""
    op = _operator(session, username)
    if op is None or not op.active:
        raise _audit_later(ServiceError("bad_pin", t("账号或密码不正确。", "Wrong account or PIN.")), actor,
                           "operator.pin_failed", now, entity="operator", entity_id=username.strip().lower(),
                           data={"username": username.strip().lower(), "purpose": purpose, "known": False})
    until = locked_until(op, now)
    if until is not None:
        raise _audit_later(ServiceError("locked", t(
            "{u} 因多次输错密码已锁定，{m} 分钟后再试，或请管理员解锁。",
            "{u} is locked after too many wrong PINs: try again in {m} min, or ask an administrator to unlock.",
            u=op.username, m=max(1, int((until - utc(now)).total_seconds() // 60) + 1))),
            actor, "operator.pin_while_locked", now, entity="operator", entity_id=op.id,
            data={"username": op.username, "purpose": purpose})
    if not check_pin(pin, op.pin_hash):
        left = perms.MAX_FAILURES - op.failed_pins - 1
        raise _audit_later(ServiceError("bad_pin", t(
            "账号或密码不正确（再错 {n} 次将锁定）。", "Wrong account or PIN ({n} more tries before the account locks).",
            n=max(left, 0))), actor, "operator.pin_failed", now, entity="operator", entity_id=op.id,
            data={"username": op.username, "purpose": purpose, "failures": op.failed_pins + 1},
            then=_count_failure(op.username, now))
    if op.failed_pins:
        op.failed_pins = 0
        session.add(op)
    return op


def authorise(session: Session, *, actor: Actor, username: str, pin: str, permission: Permission,
              now: datetime) -> Authoriser:
    """A second person grants `permission` for `actor`'s request with their own account and PIN.
    Nobody authorises their own request."""
    who = username.strip().lower()
    if who == actor.operator.strip().lower():
        raise _audit_later(ServiceError("self_authorise", t(
            "不能批准自己的请求：须由另一位督查员输入自己的账号和密码。",
            "You cannot authorise your own request: another supervisor must enter their own account and PIN.")),
            actor, "permission.self_authorise", now, entity="permission", entity_id=str(permission),
            data={"authoriser": who})
    op = check_credentials(session, actor=actor, username=who, pin=pin, now=now, purpose=str(permission))
    if not perms.allowed(op.role, permission):
        raise _audit_later(ServiceError("not_supervisor", t(
            "{u} 不是督查员，不能批准（需要 {need}）。", "{u} may not authorise this (it needs {need}).",
            u=op.username, need=role_names(permission))),
            actor, "permission.refused", now, entity="permission", entity_id=str(permission),
            data={"authoriser": op.username, "role": op.role})
    return Authoriser(op.username, op.display_name, op.role)
