"""The window's shell paints before the data stack loads and before any station page is built;
the font, icons and menus come after that paint; the page that shows is built first and start-up
is done with it; the other pages follow. Order, not time: the speed of start-up lives in the bench
(desktop.bench.startup)."""

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, sys
import desktop.app

seen = []


def built(window):
    return [window.pages.is_built(i) for i in range(len(window.pages))]


def watcher(window, startup):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def painted():
        seen.append({"event": "paint", "pages": len(window.pages),
                     "data_stack": sorted(m for m in ("sqlmodel", "sqlalchemy", "alembic") if m in sys.modules),
                     "menus": len(window.menuBar().actions())})

    def ready(_code):
        w = startup.window
        seen.append({"event": "ready", "built": built(w), "showing": w.stack.currentIndex(),
                     "page": w.current_page().key, "menus": len(w.menuBar().actions()), "nav": w.nav.isEnabled()})
        timer = QTimer(w, interval=20)

        def all_built():
            if all(built(w)):
                timer.stop()
                seen.append({"event": "rest", "built": built(w), "page": w.current_page().key,
                             "in_stack": [w.stack.widget(i) is w.pages[i] for i in range(len(w.pages))]})
                QApplication.quit()

        timer.timeout.connect(all_built)
        timer.start()

    startup.sign_in = False  # nobody at the keyboard: the last operator (or admin) signs in
    window.painted.connect(painted)
    startup.finished.connect(ready)


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
    paint, ready, rest = result["seen"]
    assert [paint["event"], ready["event"], rest["event"]] == ["paint", "ready", "rest"]  # in this order
    assert paint["pages"] == 0 and paint["data_stack"] == [] and paint["menus"] == 0
    assert ready["menus"] == 3 and ready["nav"] is True and ready["page"]
    assert ready["built"][ready["showing"]] is True  # the page that shows is there when start-up is done
    assert ready["built"].count(True) < 9  # … before the others
    assert rest["built"] == [True] * 9 and rest["in_stack"] == [True] * 9  # then every page, each in its place
    assert rest["page"] == ready["page"]  # building the others did not move the person
