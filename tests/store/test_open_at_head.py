"""A database already at this version's head opens without importing Alembic (a tenth of a second
of every start); any other is left to Alembic, as before."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store import migrate
from desktop.store.errors import StoreError
from desktop.store.migrate import open_database


def test_the_head_read_from_the_files_is_alembics():
    assert migrate._head_from_files() == migrate.head_revision()


def test_a_database_at_the_head_opens_without_alembic(tmp_path: Path):
    path = tmp_path / "head.sqlite3"
    open_database(str(path)).dispose()  # made and upgraded: Alembic
    code = ("import sys\n"
            "from desktop.store.migrate import open_database\n"
            f"open_database({str(path)!r}, create=False).dispose()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ}, cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"


def test_a_database_behind_the_head_is_still_upgraded(tmp_path: Path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    open_database(str(path)).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0001'")  # as if made by the first version
    con.commit()
    con.close()
    upgraded: list[str] = []
    monkeypatch.setattr(migrate, "_upgrade", lambda db, where, then=None: upgraded.append(where))
    open_database(str(path)).dispose()
    assert upgraded == [str(path)]  # not taken for a database at the head: Alembic upgrades it


def test_a_newer_database_is_still_refused(tmp_path: Path):
    path = tmp_path / "newer.sqlite3"
    open_database(str(path)).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as caught:
        open_database(str(path)).dispose()
    assert caught.value.problem == "newer"
