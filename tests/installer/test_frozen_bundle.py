"""The frozen one-folder bundle: built by installer/build.py, then run the way a site would run it.

Slow (the build takes ~40-60 s): `pytest -m slow tests/installer`. Needs PyInstaller
(`uv sync --group build`); without it the tests skip. The frozen program runs from a folder outside
the source tree, so it can only work with what the bundle carries.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop import __version__
from tests.conftest import test_now

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "installer" / "build.py"
RUN_TIMEOUT = 120
NOW = test_now().isoformat()  # the run's frozen time: the demo and the screens never read the real clock


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build once per module into a temporary folder; return the bundle folder."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (it is in the `build` group: uv sync --group build)")
    out = tmp_path_factory.mktemp("frozen")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(BUILD), "--dist", str(out / "dist"), "--work", str(out / "work"), "--no-smoke"],
        capture_output=True, text=True, timeout=900, cwd=ROOT,
    )
    assert done.returncode == 0, f"build failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}"
    print(f"\nbundle built in {time.monotonic() - started:.0f} s: {done.stdout.strip()}")
    return out / "dist" / "gatehouse"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    return tmp_path


def run(bundle: Path, workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = bundle / ("gatehouse-cli.exe" if sys.platform == "win32" else "gatehouse")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GATEHOUSE_", "PYTHON"))}
    env.update(QT_QPA_PLATFORM="offscreen", GATEHOUSE_DATA_DIR=str(workdir / "data"), GATEHOUSE_LANG="zh")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, cwd=workdir,
                          timeout=RUN_TIMEOUT)


def test_frozen_version(bundle: Path, workdir: Path) -> None:
    done = run(bundle, workdir, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Gatehouse {__version__}"


def test_frozen_demo_then_verify(bundle: Path, workdir: Path) -> None:
    db = workdir / "demo.sqlite3"
    demo = run(bundle, workdir, "demo", "--db", str(db), "--now", NOW)
    assert demo.returncode == 0, demo.stderr
    assert db.stat().st_size > 0

    verify = run(bundle, workdir, "verify", "--db", str(db))
    assert verify.returncode == 0, verify.stdout + verify.stderr

    report = json.loads(run(bundle, workdir, "verify", "--db", str(db), "--json").stdout)
    assert report["ok"] is True
    assert report["audit_events"] > 0


def test_frozen_backup_checks_its_copy_in_a_spawned_child(bundle: Path, workdir: Path) -> None:
    """The window's backups are checked in a child the frozen program starts of itself
    (multiprocessing spawn + freeze_support); `gatehouse backup` takes the same path."""
    db = workdir / "demo.sqlite3"
    assert run(bundle, workdir, "demo", "--db", str(db), "--now", NOW).returncode == 0
    done = run(bundle, workdir, "backup", "--db", str(db), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    verdict = json.loads(Path(json.loads(done.stdout)["path"] + ".json").read_text(encoding="utf-8"))["verdict"]
    assert verdict["ok"] is True and verdict["audit_events"] > 0 and verdict["counts"]["slip"] > 0


def test_frozen_verify_names_a_tampered_event(bundle: Path, workdir: Path) -> None:
    db = workdir / "demo.sqlite3"
    assert run(bundle, workdir, "demo", "--db", str(db), "--now", NOW).returncode == 0
    with sqlite3.connect(db) as conn:
        victim = conn.execute("SELECT id FROM audit_event ORDER BY id LIMIT 1 OFFSET 2").fetchone()[0]
        conn.execute("UPDATE audit_event SET operator = 'mallory' WHERE id = ?", (victim,))
    conn.close()
    done = run(bundle, workdir, "verify", "--db", str(db), "--json")
    assert done.returncode == 1, done.stdout + done.stderr
    assert json.loads(done.stdout)["first_broken_event"] == victim


def test_frozen_bad_database_is_refused_with_exit_2(bundle: Path, workdir: Path) -> None:
    bogus = workdir / "notes.txt"
    bogus.write_text("not a database\n" * 10, encoding="utf-8")
    done = run(bundle, workdir, "verify", "--db", str(bogus))
    assert done.returncode == 2
    assert done.stderr.startswith("gatehouse:")
    assert bogus.read_text(encoding="utf-8") == "not a database\n" * 10


def test_frozen_window_renders_every_screen(bundle: Path, workdir: Path) -> None:
    """The GUI half of the bundle: Qt plugins, the window, the station pages and their icons."""
    done = run(bundle, workdir, "screenshots", "--out", str(workdir / "shots"), "--json", "--now", NOW)
    assert done.returncode == 0, done.stderr
    files = [Path(p) for p in json.loads(done.stdout)["files"]]
    assert len(files) >= 2
    assert all(p.stat().st_size > 5000 for p in files)  # a painted screen, not an empty PNG


def test_bundle_carries_migrations_and_resources_as_files(bundle: Path) -> None:
    internal = bundle / "_internal"
    migrations = internal / "desktop" / "store" / "migrations"
    shipped = sorted(p.name for p in (migrations / "versions").glob("*.py"))
    source = sorted(p.name for p in (ROOT / "desktop" / "store" / "migrations" / "versions").glob("*.py"))
    assert shipped == source
    assert (migrations / "env.py").is_file()
    assert (migrations / "script.py.mako").is_file()
    for path in (ROOT / "resources").rglob("*"):
        if path.is_file() and "screenshots" not in path.parts:  # README pictures, not the app's
            assert (internal / "resources" / path.relative_to(ROOT / "resources")).is_file(), path
    assert not (internal / "resources" / "screenshots").exists()


def test_bundle_leaves_out_unused_qt(bundle: Path) -> None:
    names = {p.name for p in (bundle / "_internal").rglob("*")}
    unwanted = [n for n in names if n.startswith(("libQt6WebEngine", "libQt63D", "libQt6Quick", "libQt6Qml",
                                                  "QtWebEngine", "Qt3D", "QtQuick", "QtQml"))]
    assert unwanted == []
