"""`memory.rss.1m`: the window's resident memory with a 1,000,000-slip database open (20,000 with
--quick) and every station page visited — each tab of each page too — against a bare PySide6
window's, both measured in fresh child processes on the same platform plugin (offscreen unless one
is chosen), interleaved (bare, app, bare, app, …).

The slips are made by `desktop.bench.scan.fill` (slips, releases and custody events straight in
SQL) after a site with the bench's supervisor, who may open every page, then held to the audit log
as an upgrade holds rows it finds (`audit_adopt.hold_existing_rows`, as `desktop.bench.restore`
does): a real station's rows are all audited, so the window's start-up backup passes its check, as
it would there. A child visits every page, then waits for that start-up backup (copy and full check)
and the day's purge check after it to end, and prints its VmRSS (what is resident now) and its peak
(ru_maxrss), in MB: the peak includes them, whenever they ran.
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

# The children's Qt halves live in desktop/gui/memory_probe.py: nothing outside desktop/gui imports Qt.
_BARE = r"""
from desktop.gui.memory_probe import bare_child
bare_child()
"""

_APP = r"""
import sys
from desktop.gui.memory_probe import app_child
app_child(sys.argv[1])
"""


def rss_mb() -> tuple[float, float]:
    """This process's resident memory now (VmRSS) and at its peak (VmHWM), in MB (Linux; 0 where
    unknown).

    The peak is VmHWM, the high-water mark of this process's own memory map, not getrusage's
    ru_maxrss: Linux carries ru_maxrss over an exec from the image it replaced, and a child the
    bench starts (vfork + exec) inherits the bench process's own peak — 800 MB and more after the
    scan and verify benches, reported as the window's peak.
    """
    now = peak = 0.0
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                now = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    except OSError:
        pass
    if not peak:
        try:
            import resource

            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # elsewhere: the best there is
        except (ImportError, OSError):
            peak = 0.0
    return round(now, 1), round(peak, 1)


def _child(code: str, *args: str) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                         timeout=600, check=True)
    return [float(x) for x in out.stdout.strip().splitlines()[-1].split()]


def build(path: Path, slips: int) -> float:
    from desktop.bench.scan import fill_held, new_site
    from desktop.domain.clock import ManualClock
    from desktop.store.migrate import open_database

    db = open_database(str(path))
    try:
        new_site(db, ManualClock())
    finally:
        db.dispose()
    start = time.perf_counter()
    fill_held(path, slips)
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
                   pages_visited=int(app[0][2]), start_backup_ok=all(a[3] == 1 for a in app),
                   fill_seconds=round(fill_s, 1), rounds=rounds,
                   load_average=round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None)]
