"""The window's shell paints before the data stack loads and before any station page is built;
the font, icons and menus come after that paint; the pages follow. Order, not time: the speed of
start-up lives in the bench (desktop.bench.startup)."""

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, sys, time
import desktop.app
from desktop.gui.start_probe import start_watcher

marks = {}
seen = []
watch = start_watcher(time.perf_counter(), marks)


def watcher(window, startup):
    def painted():
        from PySide6.QtWidgets import QApplication
        seen.append({"event": "paint", "pages": len(window.pages),
                     "data_stack": sorted(m for m in ("sqlmodel", "sqlalchemy", "alembic") if m in sys.modules),
                     "menus": len(window.menuBar().actions()), "font": QApplication.font().family()})

    def ready(_code):
        seen.append({"event": "ready", "pages": len(startup.window.pages),
                     "menus": len(startup.window.menuBar().actions()),
                     "page": startup.window.current_page().key, "nav": startup.window.nav.isEnabled()})

    window.painted.connect(painted)
    startup.finished.connect(ready)
    watch(window, startup)


desktop.app.START_WATCHER = watcher
from desktop.cli import main

code = main(["--db", sys.argv[1], "--station", "gate"])
print(json.dumps({"code": code, "seen": seen}))
"""


def test_the_shell_paints_before_the_data_stack_and_the_pages(tmp_path: Path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GATEHOUSE_DATA_DIR": str(tmp_path / "data")}
    env.pop("GATEHOUSE_DB", None)
    out = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "start.sqlite3")], capture_output=True,
                         text=True, timeout=300, env=env, cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    paint, ready = result["seen"]
    assert paint["event"] == "paint" and ready["event"] == "ready"  # in this order
    assert paint["pages"] == 0 and paint["data_stack"] == [] and paint["menus"] == 0
    assert ready["pages"] == 9 and ready["menus"] == 3 and ready["nav"] is True
    assert ready["page"]  # a station page is showing (the one admin may open)
