"""Who may do what, checked for every mutating service function and every role.

The registry (filled by `@requires` / `@internal`) is cross-checked with a scan of the source: a
public function in desktop/services that writes (adds rows, records audit, takes an `actor`) and
declares nothing fails here. Then each guarded function is called as each role: a role without the
permission is refused with `forbidden` and the refusal is in the audit log even though the request
rolled back; a role with it gets past the guard (whatever the body then makes of the empty call).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select

import desktop.services
from desktop.domain.permissions import ROLE_PERMISSIONS, Permission
from desktop.services import audit, authz, setup
from desktop.services.context import SYSTEM, Actor, ServiceError

SERVICES = Path(desktop.services.__file__).parent
WRITES = ("session.add(", "audit.record(", "session.delete(", "insert(", ".pin_hash =")
ROLES = ["review", "gate", "disinfection", "handoff", "supervisor", "admin"]


def _modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages([str(SERVICES)], "desktop.services.")
            if ".demo" not in m.name]


for _name in _modules():
    importlib.import_module(_name)


def _writers() -> list[str]:
    found = []
    for path in SERVICES.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for node in ast.parse(source).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            text = ast.get_source_segment(source, node) or ""
            args = [a.arg for a in node.args.args + node.args.kwonlyargs]
            if "actor" in args or any(w in text for w in WRITES):
                found.append(f"desktop.services.{path.stem}.{node.name}")
    return found


READS_WITH_ACTOR = {"desktop.services.authz.require", "desktop.services.authz.authorise",
                    "desktop.services.authz.check_credentials", "desktop.services.authz.may",
                    "desktop.services.authz.role_of", "desktop.services.setup.verify_supervisor",
                    "desktop.services.setup.check_operator_pin", "desktop.services.handoff.busy_verdict"}


def test_every_public_writer_declares_a_permission():
    missing = [name for name in _writers() if name not in authz.REGISTRY and name not in READS_WITH_ACTOR]
    assert missing == []


def test_the_scan_finds_the_writers_it_should():
    writers = set(_writers())
    assert {"desktop.services.slips.void_slip", "desktop.services.setup.add_operator",
            "desktop.services.gate.override"} <= writers


GUARDED = sorted(name for name, g in authz.REGISTRY.items() if g.permission != authz.INTERNAL)


def _call(fn, session, actor, clock):
    params = inspect.signature(fn).parameters
    kwargs = {"actor": actor}
    for key, value in (("now", clock.now()), ("clock", clock), ("reading", clock.read())):
        if key in params:
            kwargs[key] = value
    return fn(session, **kwargs)


def _expected(permission, role: str) -> bool:
    if permission == authz.ANY_OPERATOR:
        return True
    return Permission(permission) in ROLE_PERMISSIONS[role]


@pytest.fixture
def people(db, clock):
    """One operator per role, each with a PIN."""
    admin = Actor("admin", "admin")
    with db.session() as s:
        for role in ROLES:
            if role != "admin":
                setup.add_operator(s, actor=admin, now=clock.now(), username=f"p.{role}", display_name=role,
                                   role=role, pin="4321")
    return {role: ("admin" if role == "admin" else f"p.{role}") for role in ROLES}


@pytest.mark.parametrize("name", GUARDED)
def test_each_role_is_allowed_or_refused_and_audited(db, clock, people, name):
    for role in ROLES:
        _check_one(db, clock, authz.REGISTRY[name], Actor(people[role], "somewhere"), role, name)


def _check_one(db, clock, guard, actor, role, name):
    allowed = _expected(guard.permission, role)
    with pytest.raises(Exception) as err, db.session() as s:
        _call(guard.function, s, actor, clock)
        raise RuntimeError("got through")  # an empty call that succeeds is still "allowed"
    refused = isinstance(err.value, ServiceError) and err.value.code == "forbidden"
    assert refused is not allowed, (name, role, err.value)
    with db.session(write=False) as s:
        events = audit.recent(s, limit=5, action_prefix="permission.refused")
    if refused:
        assert events and events[0]["operator"] == actor.operator
        assert events[0]["entity_id"] == str(guard.permission)
    else:
        assert not [e for e in events if e["operator"] == actor.operator]


def test_an_unknown_or_disabled_operator_may_do_nothing(db, clock):
    with db.session() as s:
        setup.set_active(s, actor=Actor("admin", "admin"), now=clock.now(), username="li.qiang", active=False)
    for who in ("li.qiang", "nobody"):
        with pytest.raises(ServiceError) as err, db.session() as s:
            from desktop.services import gate
            gate.log_exit(s, actor=Actor(who, "gate"), now=clock.now(), arrival_id=1)
        assert err.value.code == "forbidden"


def test_the_system_actor_only_sets_up_and_sweeps(db, clock):
    with pytest.raises(ServiceError) as err, db.session() as s:
        setup.add_operator(s, actor=SYSTEM, now=clock.now(), username="x.sup", display_name="x", role="supervisor",
                           pin="1111")
    assert err.value.code == "forbidden"


def test_the_issue_10_story_is_refused(db, clock):
    """李强 (gate) adds a supervisor, then uses it to override: both refused."""
    gate_guard = Actor("li.qiang", "gate")
    with pytest.raises(ServiceError) as err, db.session() as s:
        setup.add_operator(s, actor=gate_guard, now=clock.now(), username="x.sup", display_name="x",
                           role="supervisor", pin="1111")
    assert err.value.code == "forbidden" and "管理" in err.value.message
    with pytest.raises(ServiceError) as err, db.session() as s:
        setup.set_pin(s, actor=gate_guard, now=clock.now(), username="zhou.min", pin="9999")
    assert err.value.code == "forbidden"
    with db.session(write=False) as s:
        refused = audit.recent(s, action_prefix="permission.refused")
    assert [e["entity_id"] for e in refused] == ["operators.pins", "operators"]


def test_nobody_changes_their_own_role_and_only_admins_change_roles(db, clock):
    admin = Actor("admin", "admin")
    with pytest.raises(ServiceError) as err, db.session() as s:
        setup.set_role(s, actor=admin, now=clock.now(), username="admin", role="gate")
    assert err.value.code == "own_role"
    with pytest.raises(ServiceError) as err, db.session() as s:
        setup.set_role(s, actor=Actor("zhou.min", "supervision"), now=clock.now(), username="li.qiang",
                       role="supervisor")
    assert err.value.code == "forbidden"
    with db.session() as s:
        assert setup.set_role(s, actor=admin, now=clock.now(), username="li.qiang", role="handoff").role == "handoff"


# --- credentials ----------------------------------------------------------------------------


def _sign_in(db, clock, username, pin):
    with db.session() as s:
        return setup.check_operator_pin(s, username=username, pin=pin, now=clock.now())


def test_pins_are_scrypt_hashes_and_never_in_the_audit_log(db, clock):
    from desktop.store.models import AuditEvent, Operator

    with db.session(write=False) as s:
        pin_hash = s.exec(select(Operator).where(Operator.username == "zhou.min")).one().pin_hash
        data = " ".join(e.data for e in s.exec(select(AuditEvent)).all())
    assert pin_hash.startswith("scrypt$") and "2468" not in pin_hash
    assert "2468" not in data


def test_supervisors_and_admins_must_have_a_pin_and_station_staff_by_default(db, clock):
    admin = Actor("admin", "admin")
    for role in ("supervisor", "admin", "gate"):
        with pytest.raises(ServiceError) as err, db.session() as s:
            setup.add_operator(s, actor=admin, now=clock.now(), username=f"n.{role}", display_name="n", role=role)
        assert err.value.code == "pin_required"
    with db.session() as s:
        setup.set_setting(s, actor=admin, now=clock.now(), key=setup.PIN_SETTING, value=False)
        assert not setup.add_operator(s, actor=admin, now=clock.now(), username="n.gate", display_name="n",
                                      role="gate").has_pin


def test_five_wrong_pins_lock_for_five_minutes_then_ten_and_it_is_all_audited(db, clock):
    for i in range(5):
        with pytest.raises(ServiceError) as err:
            _sign_in(db, clock, "zhou.min", "0000")
        assert err.value.code == "bad_pin", i
    with pytest.raises(ServiceError) as err:
        _sign_in(db, clock, "zhou.min", "2468")  # the right PIN, but locked
    assert err.value.code == "locked"
    db.dispose()  # a restart: the lock is stored
    clock.advance(timedelta(minutes=5, seconds=1))
    assert _sign_in(db, clock, "zhou.min", "2468").username == "zhou.min"
    for _ in range(5):
        with pytest.raises(ServiceError):
            _sign_in(db, clock, "zhou.min", "0000")
    clock.advance(timedelta(minutes=6))
    with pytest.raises(ServiceError) as err:
        _sign_in(db, clock, "zhou.min", "2468")
    assert err.value.code == "locked"  # the second lock is 10 minutes
    with db.session(write=False) as s:
        actions = [e["action"] for e in audit.recent(s, action_prefix="operator.")]
        locks = audit.recent(s, action_prefix="operator.locked")
    assert actions.count("operator.pin_failed") == 10 and actions.count("operator.pin_while_locked") == 2
    assert [e["data"]["minutes"] for e in locks] == [10, 5]
    with db.session() as s:
        setup.unlock(s, actor=Actor("admin", "admin"), now=clock.now(), username="zhou.min")
    assert _sign_in(db, clock, "zhou.min", "2468").username == "zhou.min"


def test_thirty_wrong_pins_then_the_right_one_is_refused(db, clock):
    for _ in range(30):
        with pytest.raises(ServiceError):
            _sign_in(db, clock, "li.qiang", "9999")
    with pytest.raises(ServiceError) as err:
        _sign_in(db, clock, "li.qiang", "1111")
    assert err.value.code == "locked"


def test_a_locked_supervisor_cannot_authorise_an_override(db, clock):
    from desktop.services import dwell

    for _ in range(5):
        with pytest.raises(ServiceError), db.session() as s:
            dwell.complete_early(s, actor=Actor("chen.jing", "disinfection"), clock=clock, timer_id=1,
                                 supervisor="zhou.min", pin="0000", reason="急")
    with pytest.raises(ServiceError) as err, db.session() as s:
        dwell.complete_early(s, actor=Actor("chen.jing", "disinfection"), clock=clock, timer_id=1,
                             supervisor="zhou.min", pin="2468", reason="急")
    assert err.value.code == "locked"


def test_nobody_authorises_their_own_request(db, clock):
    from desktop.services import slips

    with pytest.raises(ServiceError) as err, db.session() as s:
        slips.void_slip(s, actor=Actor("li.qiang", "gate"), now=clock.now(), number="GH-X", reason="r",
                        supervisor="li.qiang", pin="1111")
    assert err.value.code == "self_authorise"
    with pytest.raises(ServiceError) as err, db.session() as s:
        slips.void_slip(s, actor=Actor("li.qiang", "gate"), now=clock.now(), number="GH-X", reason="r",
                        supervisor="chen.jing", pin="3333")
    assert err.value.code == "not_supervisor"
    with db.session(write=False) as s:
        assert audit.recent(s, action_prefix="permission.self_authorise")[0]["data"] == {"authoriser": "li.qiang"}
