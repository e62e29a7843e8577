"""`gatehouse backup` on a PostgreSQL database runs `pg_dump -Fc` into the backups folder and reads
the dump back with `pg_restore --list`; without pg_dump it says plainly what to do. The real
round-trip runs only against a server (`export GATEHOUSE_TEST_PG=$(bash .ci/postgres.sh)`)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url

from desktop.cli import main

PG = os.environ.get("GATEHOUSE_TEST_PG")
FAKE_URL = "postgresql+psycopg://gate:s3cret@127.0.0.1:1/gatehouse"


def test_without_pg_dump_it_says_so_plainly(monkeypatch, capsys):
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    assert main(["backup", "--db", FAKE_URL]) == 2
    err = capsys.readouterr().err
    assert "pg_dump" in err and "PATH" in err and len(err.strip().splitlines()) == 1


def _tool(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def test_pg_dump_gets_the_password_through_its_environment_not_its_arguments(tmp_path, monkeypatch, capsys):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    seen = tmp_path / "seen.txt"
    _tool(bin_dir, "pg_dump", f'echo "$@" > {seen}; echo "$PGPASSWORD" >> {seen}\n'
                              'for a in "$@"; do case "$a" in --file=*) echo dump > "${a#--file=}";; esac; done\n')
    _tool(bin_dir, "pg_restore", 'echo "; archive"; echo "1; 0 0 TABLE public site postgres"\n')
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    assert main(["backup", "--db", FAKE_URL, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    args, password = seen.read_text().splitlines()
    assert "-Fc" in args.split() and "s3cret" not in args and password == "s3cret"
    assert Path(out["path"]).is_file() and out["entries"] == 1 and out["format"] == "custom"
    assert Path(out["path"]).parent.name == "backups"


@pytest.mark.skipif(not PG, reason="no PostgreSQL server: export GATEHOUSE_TEST_PG=$(bash .ci/postgres.sh)")
@pytest.mark.skipif(shutil.which("pg_dump") is None or shutil.which("pg_restore") is None, reason="no pg_dump")
def test_a_server_database_is_dumped_and_the_dump_restores(capsys):
    from desktop.domain.clock import SystemClock
    from desktop.services import setup
    from desktop.store.migrate import open_database

    base = make_url(PG)
    name, copy = f"gh_{uuid.uuid4().hex[:12]}", f"gh_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        conn.exec_driver_sql(f'CREATE DATABASE "{copy}"')
    url = base.set(database=name).render_as_string(hide_password=False)
    try:
        db = open_database(url)
        with db.session() as s:
            setup.ensure_initial(s, now=SystemClock().now())
        db.dispose()
        assert main(["backup", "--db", url, "--json"]) == 0
        out = json.loads(capsys.readouterr().out)
        dump = Path(out["path"])
        assert dump.read_bytes()[:5] == b"PGDMP" and out["entries"] > 10  # the custom format, every table
        target = URL.create("postgresql", username=base.username, host=base.host, port=base.port,
                            database=copy).render_as_string(hide_password=False)
        env = {**os.environ, **({"PGPASSWORD": str(base.password)} if base.password else {})}
        done = subprocess.run(["pg_restore", "--no-owner", f"--dbname={target}", str(dump)], capture_output=True,
                              text=True, env=env)
        assert done.returncode == 0, done.stderr
        assert main(["verify", "--db", base.set(database=copy).render_as_string(hide_password=False)]) == 0
    finally:
        with admin.connect() as conn:
            for db_name in (name, copy):
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
        admin.dispose()
