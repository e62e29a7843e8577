"""`gatehouse purge`: --dry-run lists, an administrator purges the database and its backups, and
`gatehouse verify` still passes on both."""

import json
import shutil

from desktop.cli import main


def test_dry_run_then_purge_then_verify(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "g.sqlite3")
    assert main(["demo", "--db", db, "--date", "2026-10-01", "--now", "2026-10-01T09:30"]) == 0
    (tmp_path / "backups").mkdir()
    assert main(["verify", "--db", db]) == 0
    shutil.copy(db, tmp_path / "backups" / "before.sqlite3")  # a checkpointed copy (verify closed the file)
    capsys.readouterr()
    monkeypatch.setenv("GATEHOUSE_PIN", "1357")
    assert main(["purge", "--dry-run", "--operator", "admin", "--db", db, "--json"]) == 0
    planned = json.loads(capsys.readouterr().out)
    assert planned["dry_run"] and planned["database"]["counts"]["approval_occupant"] > 0
    assert planned["database"]["oldest"] == "2026-10-01"
    assert [b["counts"] for b in planned["backups"]] == [planned["database"]["counts"]]
    monkeypatch.setenv("GATEHOUSE_PIN", "2468")
    assert main(["purge", "--operator", "zhou.min", "--db", db]) == 1  # a supervisor is not an administrator
    assert "管理" in capsys.readouterr().err
    monkeypatch.setenv("GATEHOUSE_PIN", "1357")
    assert main(["purge", "--operator", "admin", "--db", db]) == 0
    assert "已清除" in capsys.readouterr().out
    assert main(["purge", "--dry-run", "--operator", "admin", "--db", db, "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert after["database"]["oldest"] is None and all(not sum(b["counts"].values()) for b in after["backups"])
    for f in (db, str(tmp_path / "backups" / "before.sqlite3")):
        assert main(["verify", "--db", f]) == 0, capsys.readouterr()

