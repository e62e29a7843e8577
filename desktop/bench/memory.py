"""`memory.rss.1m`: the window's resident memory with a 1,000,000-slip database open (20,000 with
--quick) and every station page visited — each tab of each page too — against a bare PySide6
window's, both measured in fresh child processes on the same platform plugin (offscreen unless one
is chosen), interleaved (bare, app, bare, app, …).

The slips are made by `desktop.bench.scan.fill` (slips, releases and custody events straight in
SQL) after a site with the bench's supervisor, who may open every page. A child prints its VmRSS
(what is resident now) and its peak (ru_maxrss), in MB.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from desktop.bench import figure, quick

SLIPS = 1_000_000
QUICK_SLIPS = 20_000
TARGET_MB = 250.0

_BARE = r"""
from desktop.bench.memory import bare_child
bare_child()
"""

_APP = r"""
import sys
from desktop.bench.memory import app_child
app_child(sys.argv[1])
"""


def rss_mb() -> tuple[float, float]:
    """This process's resident memory now and at its peak, in MB (Linux; 0 where unknown)."""
    now = 0.0
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                now = int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except (ImportError, OSError):
        peak = 0.0
    return round(now, 1), round(peak, 1)


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
    _settle(app, window.ctx, 500)
    now, peak = rss_mb()
    print(now, peak, visited, flush=True)
    window.ctx.ops.wait_idle(10_000)
    app.processEvents()
    startup.shutdown()


def _trace(where: str) -> None:
    """GATEHOUSE_BENCH_TRACE=1: each step's resident memory on stderr (to see which page costs what)."""
    if os.environ.get("GATEHOUSE_BENCH_TRACE"):
        now, peak = rss_mb()
        print(f"{where}: {now} MB (peak {peak} MB)", file=sys.stderr, flush=True)


def _child(code: str, *args: str) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                         timeout=600, check=True)
    return [float(x) for x in out.stdout.strip().splitlines()[-1].split()]


def build(path: Path, slips: int) -> float:
    from desktop.bench.scan import fill, new_site
    from desktop.domain.clock import ManualClock
    from desktop.store.migrate import open_database

    db = open_database(str(path))
    try:
        new_site(db, ManualClock())
    finally:
        db.dispose()
    start = time.perf_counter()
    fill(path, slips)
    return time.perf_counter() - start


def run(slips: int | None = None, rounds: int | None = None) -> list[dict[str, Any]]:
    slips = slips or (QUICK_SLIPS if quick() else SLIPS)
    rounds = rounds or (1 if quick() else 2)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "memory.sqlite3"
        fill_s = build(path, slips)
        bare, app = [], []
        for _ in range(rounds):  # interleaved: bare, app, bare, app
            bare.append(_child(_BARE))
            app.append(_child(_APP, str(path)))
    now = statistics.median(a[0] for a in app)
    peak = statistics.median(a[1] for a in app)
    ref = statistics.median(b[0] for b in bare)
    return [figure(f"window resident memory, {slips:,} slips, every page visited", now, "MB",
                   "a bare PySide6 window's resident memory", ref, f"≤ {TARGET_MB:g} MB at 1,000,000 slips",
                   now <= TARGET_MB, key="memory.rss.1m", slips=slips, peak_mb=peak,
                   pages_visited=int(app[0][2]), fill_seconds=round(fill_s, 1), rounds=rounds,
                   load_average=round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None)]
