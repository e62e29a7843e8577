"""`gatehouse operators …`: an administrator gives a fresh site its people without the window; nobody
else can, and every change is the administrator's, audited."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from desktop.cli import main
from desktop.domain.pins import check_pin
from desktop.services import audit, setup
from desktop.services.context import Actor
from desktop.store.models import Operator

ADMIN_PIN = "9753"


@pytest.fixture
def as_admin(monkeypatch, db):
    monkeypatch.setenv("GATEHOUSE_OPERATOR", "admin")
    monkeypatch.setenv("GATEHOUSE_PIN", ADMIN_PIN)
    monkeypatch.setenv("GATEHOUSE_NEW_PIN", "4321")


def row(db, username):
    with db.session(write=False) as s:
        return s.exec(select(Operator).where(Operator.username == username)).one().model_copy()


def test_the_first_administrator_adds_station_staff_from_a_terminal(db, db_path, as_admin, capsys):
    # The database has only its first administrator's account, still without a PIN: the first
    # command sets it (as the window's first sign-in does), then acts.
    assert main(["operators", "add", "wu.gang", "--name", "吴刚", "--role", "gate", "--db", str(db_path)]) == 0
    assert "wu.gang" in capsys.readouterr().out
    assert check_pin(ADMIN_PIN, row(db, "admin").pin_hash)
    op = row(db, "wu.gang")
    assert (op.display_name, op.role, op.active) == ("吴刚", "gate", True) and check_pin("4321", op.pin_hash)
    assert main(["operators", "list", "--db", str(db_path), "--json"]) == 0
    listed = {o["username"]: o for o in json.loads(capsys.readouterr().out)["operators"]}
    assert listed["wu.gang"]["role"] == "gate" and listed["wu.gang"]["has_pin"]
    assert "4321" not in json.dumps(listed) and "pin_hash" not in json.dumps(listed)
    with db.session(write=False) as s:
        actions = [e["action"] for e in audit.recent(s, action_prefix="operator.")]
    assert "operator.add" in actions and "operator.pin" in actions


def test_role_disable_enable_unlock_and_reset_pin(db, db_path, as_admin, monkeypatch, capsys):
    base = ["--db", str(db_path)]
    assert main(["operators", "role", "li.qiang", "disinfection", *base]) == 0
    assert row(db, "li.qiang").role == "disinfection"
    assert main(["operators", "disable", "li.qiang", *base]) == 0
    assert not row(db, "li.qiang").active
    capsys.readouterr()
    assert main(["operators", "list", *base]) == 0
    assert "li.qiang" not in capsys.readouterr().out  # disabled: only with --all, and never deleted
    assert main(["operators", "list", "--all", *base]) == 0
    assert "已停用" in capsys.readouterr().out
    assert main(["operators", "enable", "li.qiang", *base]) == 0
    assert row(db, "li.qiang").active
    with db.session() as s:  # a locked account
        op = s.exec(select(Operator).where(Operator.username == "li.qiang")).one()
        op.failed_pins, op.locked_until = 5, op.created_at.replace(year=2999)
        s.add(op)
    assert main(["operators", "unlock", "li.qiang", *base]) == 0
    assert row(db, "li.qiang").locked_until is None and row(db, "li.qiang").failed_pins == 0
    monkeypatch.setenv("GATEHOUSE_NEW_PIN", "8642")
    assert main(["operators", "reset-pin", "li.qiang", *base]) == 0
    assert check_pin("8642", row(db, "li.qiang").pin_hash)


def test_nobody_but_an_administrator_manages_operators(db, db_path, capsys):
    # the autouse fixture acts as 周敏, a supervisor
    assert main(["operators", "add", "x.sup", "--name", "X", "--role", "supervisor", "--db", str(db_path)]) == 1
    assert "需要 管理" in capsys.readouterr().err
    assert main(["operators", "list", "--db", str(db_path)]) == 1
    assert main(["operators", "role", "li.qiang", "admin", "--db", str(db_path)]) == 1
    assert row(db, "li.qiang").role == "gate"
    with db.session(write=False) as s:
        assert s.exec(select(Operator).where(Operator.username == "x.sup")).first() is None
        refused = audit.recent(s, action_prefix="permission.refused")
    assert refused and refused[0]["operator"] == "zhou.min"


def test_an_administrator_cannot_change_their_own_role_or_disable_themselves(db, db_path, as_admin, capsys):
    with db.session() as s:
        setup.set_first_pin(s, actor=Actor("admin", "admin"), now=row(db, "admin").created_at, username="admin",
                            pin=ADMIN_PIN)
    assert main(["operators", "role", "admin", "gate", "--db", str(db_path)]) == 1
    assert main(["operators", "disable", "admin", "--db", str(db_path)]) == 1
    assert row(db, "admin").role == "admin" and row(db, "admin").active
    assert main(["operators", "unlock", "nobody", "--db", str(db_path)]) == 1


def test_a_weak_new_pin_is_refused_and_nothing_is_added(db, db_path, as_admin, monkeypatch, capsys):
    monkeypatch.setenv("GATEHOUSE_NEW_PIN", "12")
    assert main(["operators", "add", "wu.gang", "--name", "吴刚", "--role", "gate", "--db", str(db_path)]) == 1
    assert "4" in capsys.readouterr().err
    with db.session(write=False) as s:
        assert s.exec(select(Operator).where(Operator.username == "wu.gang")).first() is None
