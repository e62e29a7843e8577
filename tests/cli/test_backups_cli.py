"""`gatehouse backup`, `restore`, `handover` and `verify --anchor`, run as a person would, on real files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.slipcheck import decode, rasterize


def gatehouse(db: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", "--db", db, "--lang", "en", *args], capture_output=True,
                          text=True, timeout=180, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_backup_prints_where_and_its_verdict(made_db: str):
    out = gatehouse(made_db, "backup", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    copy = Path(data["path"])
    assert copy.is_file() and copy.parent == Path(made_db).parent / "backups"
    assert data["ok"] is True and data["verdict"]["integrity"] == "ok"
    plain = gatehouse(made_db, "backup")
    assert plain.returncode == 0 and "backed up to: " in plain.stdout and "verified: " in plain.stdout


def test_the_handover_sheet_carries_the_anchor_and_a_cut_chain_is_named(made_db: str, tmp_path: Path):
    pdf = tmp_path / "handover.pdf"
    out = gatehouse(made_db, "handover", "--out", str(pdf), "--json")
    assert out.returncode == 0, out.stderr
    anchor = json.loads(out.stdout)["anchor"]
    length = int(anchor.split(":")[0])
    assert ("QRCode", anchor) in decode(rasterize(pdf, 150))
    assert gatehouse(made_db, "verify", "--anchor", anchor).returncode == 0
    con = sqlite3.connect(made_db)
    con.execute(f"DELETE FROM audit_event WHERE id > {length - 3}")
    con.execute(f"UPDATE audit_head SET last_id = {length - 3}, "
                f"last_hash = (SELECT hash FROM audit_event WHERE id = {length - 3})")
    con.commit()
    con.close()
    cut = gatehouse(made_db, "verify")  # the anchor the handover wrote to the backup folder
    assert cut.returncode == 1 and "Traceback" not in cut.stderr
    assert f"[anchor] audit_event {length}:" in cut.stdout and "shorter than the anchor" in cut.stdout
    typed = gatehouse(made_db, "verify", "--anchor", f"{length - 3}:{'0' * 64}")
    assert typed.returncode == 1 and "the chain was rewritten" in typed.stdout
    assert gatehouse(made_db, "verify", "--anchor", "nonsense").returncode == 2


def test_restore_latest_brings_back_the_verified_copy_and_says_what_was_lost(made_db: str, db):  # type: ignore[no-untyped-def]
    db.dispose()  # the fixture's connection goes: the file alone is the database (no -wal to keep pages)
    assert gatehouse(made_db, "backup").returncode == 0
    con = sqlite3.connect(made_db)
    last = con.execute("SELECT MAX(id) FROM audit_event").fetchone()[0]
    con.close()
    gatehouse(made_db, "handover")  # reads only: nothing lost by it
    with open(made_db, "r+b") as fh:  # damage the file: the other commands refuse it and name the way back
        for page in range(2, os.path.getsize(made_db) // 4096):
            fh.seek(page * 4096)
            fh.write(b"\xde\xad\xbe\xef" * 4)
    refused = gatehouse(made_db, "report", "daily")
    assert refused.returncode == 2 and "gatehouse restore --latest" in refused.stderr, refused.stderr
    listed = gatehouse(made_db, "restore", "--list")
    assert listed.returncode == 0 and " OK " in listed.stdout
    done = gatehouse(made_db, "restore", "--latest", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert Path(data["kept_aside"]).is_file() and "before-restore-" in data["kept_aside"]
    assert data["verdict"]["audit_events"] == last and data["ok"] is True
    assert "lost_events" in data  # 0, or None when the damaged file could not be read to count
    assert gatehouse(made_db, "verify").returncode == 0
    assert gatehouse(made_db, "restore").returncode == 2  # neither a file nor --latest


def test_restoring_over_a_working_database_takes_an_administrator(made_db: str, db, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A guard cannot roll the record back to before his own mistakes: over a database that opens,
    only an administrator restores; the refusal leaves the file as it was."""
    db.dispose()
    assert gatehouse(made_db, "backup").returncode == 0
    before = Path(made_db).read_bytes()
    as_supervisor = gatehouse(made_db, "restore", "--latest")  # the tests act as 周敏, a supervisor
    assert as_supervisor.returncode == 1 and "Traceback" not in as_supervisor.stderr
    assert "needs the role Admin" in as_supervisor.stderr, as_supervisor.stderr
    env_less = subprocess.run([sys.executable, "-m", "desktop", "--db", made_db, "--lang", "en", "restore", "--latest"],
                              capture_output=True, text=True, timeout=180,
                              env={k: v for k, v in os.environ.items() if k != "GATEHOUSE_OPERATOR"})
    assert env_less.returncode == 2 and "needs an administrator" in env_less.stderr
    assert Path(made_db).read_bytes()[:100] == before[:100]
    admin = subprocess.run([sys.executable, "-m", "desktop", "--db", made_db, "--lang", "en", "restore", "--latest",
                            "--operator", "admin"], capture_output=True, text=True, timeout=180,
                           env={**os.environ, "GATEHOUSE_PIN": "1357"})
    assert admin.returncode == 0, admin.stderr
    assert "restored by: admin" in admin.stdout
