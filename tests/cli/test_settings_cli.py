"""`gatehouse settings list|get|set`: anyone reads, an administrator changes (audited old → new)."""

import json

import pytest

from desktop.cli import main
from desktop.services import audit, setup
from desktop.services.context import Actor


@pytest.fixture
def admin_db(db, clock, made_db, monkeypatch):
    with db.session() as s:
        setup.set_pin(s, actor=Actor("admin", "admin"), now=clock.now(), username="admin", pin="9090")
    monkeypatch.setenv("GATEHOUSE_OPERATOR", "admin")
    monkeypatch.setenv("GATEHOUSE_PIN", "9090")
    return made_db


def test_list_shows_key_value_default_and_label(admin_db, capsys):
    assert main(["settings", "list", "--db", admin_db]) == 0
    out = capsys.readouterr().out
    assert "gate.inside_limit_minutes = 90 分钟" in out and "车辆滞留上限" in out and "默认 90" in out
    assert main(["settings", "list", "--db", admin_db, "--json"]) == 0
    rows = {r["key"]: r for r in json.loads(capsys.readouterr().out)["settings"]}
    assert rows["disinfection.dwell_minutes"]["value"] == 30 and rows["disinfection.dwell_minutes"]["default"] == 30


def test_an_administrator_sets_and_it_is_audited_and_read_back(db, admin_db, capsys):
    assert main(["settings", "set", "gate.inside_limit_minutes", "45", "--db", admin_db]) == 0
    assert "原为 90" in capsys.readouterr().out
    assert main(["settings", "get", "gate.inside_limit_minutes", "--db", admin_db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["value"] == 45
    assert main(["settings", "set", "disinfection.parts", "门把手，轮胎", "--db", admin_db]) == 0
    capsys.readouterr()
    assert main(["settings", "get", "disinfection.parts", "--db", admin_db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["value"] == ["门把手", "轮胎"]
    with db.session(write=False) as s:
        events = audit.recent(s, action_prefix="setting.set")
    assert {"old": 90, "new": 45} in [{k: e["data"][k] for k in ("old", "new")} for e in events]
    assert events[0]["operator"] == "admin"


def test_out_of_bounds_unknown_key_and_non_administrator_are_refused(admin_db, capsys, monkeypatch):
    assert main(["settings", "set", "gate.inside_limit_minutes", "2", "--db", admin_db]) == 1
    assert "应在 5–1440 之间" in capsys.readouterr().err
    assert main(["settings", "get", "gate.nope", "--db", admin_db]) == 2
    assert "没有这个设置" in capsys.readouterr().err
    monkeypatch.setenv("GATEHOUSE_OPERATOR", "zhou.min")  # a supervisor
    monkeypatch.setenv("GATEHOUSE_PIN", "2468")
    assert main(["settings", "set", "gate.inside_limit_minutes", "45", "--db", admin_db]) == 1
    assert "管理" in capsys.readouterr().err
    assert main(["settings", "get", "gate.inside_limit_minutes", "--db", admin_db]) == 0
    assert "= 90" in capsys.readouterr().out
