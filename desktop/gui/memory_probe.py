"""The Qt halves of the memory bench (desktop/bench/memory.py): a bare window, and the Gatehouse
window with every station page and tab visited and its start-up backup done, each printing its
resident memory now and at its peak. They run in child processes the bench starts."""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from desktop.bench.memory import rss_mb


def _settle(app: Any, ctx: Any = None, ms: int = 300) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        if ctx is not None:
            ctx.ops.wait_idle(50)
        time.sleep(0.01)
    app.processEvents()


def bare_child() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()
    _settle(app)
    print(*rss_mb(), flush=True)


def app_child(db_target: str) -> None:
    from PySide6.QtWidgets import QTabWidget

    from desktop.gui.application import make_app
    from desktop.gui.main_window import MainWindow
    from desktop.gui.startup import Startup

    app = make_app("zh", [sys.argv[0]])
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    startup = Startup(window, db_target, station="gate", operator="bench", language="zh", sign_in=False)
    done: list[int] = []
    startup.finished.connect(done.append)
    startup.start()
    deadline = time.monotonic() + 120
    while not done and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    visited = 0
    _trace("ready")
    for i in range(len(window.pages)):
        if not window.may_open(i):
            continue
        window.show_page(i)
        _settle(app, window.ctx)
        visited += 1
        _trace(window.pages[i].key)
        for tabs in window.pages[i].findChildren(QTabWidget):
            for t in range(tabs.count()):
                tabs.setCurrentIndex(t)
                _settle(app, window.ctx, 150)
                _trace(f"{window.pages[i].key}/{tabs.tabText(t)}")
    backup = window.auto_backup  # the start-up backup (a copy and its full check) and the purge check after it
    # are part of the window's cost
    deadline = time.monotonic() + 900
    while backup.enabled and (backup.running or (backup.last_result is None and not backup.alarm.text())) \
            and time.monotonic() < deadline:  # until it has a result, or its failure is on the status bar
        _settle(app, window.ctx, 200)
    while backup.purge.running and time.monotonic() < deadline:  # and the day's purge check that follows it
        _settle(app, window.ctx, 200)
    _trace("start-up backup and purge check done")
    _settle(app, window.ctx, 500)
    now, peak = rss_mb()
    print(now, peak, visited, int(backup.last_result is not None and backup.last_result.backup.ok), flush=True)
    window.ctx.ops.wait_idle(10_000)
    app.processEvents()
    startup.shutdown()


def _trace(where: str) -> None:
    """GATEHOUSE_BENCH_TRACE=1: each step's resident memory on stderr (to see which page costs what)."""
    if os.environ.get("GATEHOUSE_BENCH_TRACE"):
        now, peak = rss_mb()
        print(f"{where}: {now} MB (peak {peak} MB)", file=sys.stderr, flush=True)


