import json

from desktop.cli import main


def test_show_then_lockdown_by_a_supervisor(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "d.sqlite3")
    assert main(["demo", "--db", db, "--date", "2026-11-30"]) == 0
    capsys.readouterr()
    assert main(["policy", "show", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "当前：防范 · 低风险" in out and "封控/高风险：核酸24小时" in out and "一律不得进入" in out
    monkeypatch.setenv("GATEHOUSE_PIN", "0000")  # the PIN comes from the environment or a prompt, never argv
    assert main(["policy", "set-level", "lockdown", "high", "--operator", "zhou.min", "--reason", "x", "--db", db]) == 1
    assert "密码不正确" in capsys.readouterr().err
    monkeypatch.setenv("GATEHOUSE_PIN", "2468")
    assert main(["policy", "set-level", "lockdown", "high", "--operator", "zhou.min",
                 "--reason", "县指挥部通知", "--db", db, "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["management_level"], payload["risk_level"]) == ("lockdown", "high")
