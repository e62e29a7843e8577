"""Cold start to the first painted main window, against a bare PySide6 window.

Both are measured in fresh interpreter processes (a warm process would hide import cost), on the
same platform plugin, several times, taking the median. A child prints the seconds from its own
start to the first paint event of the window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

from desktop.bench import figure

_BARE = r"""
import time; t0 = time.perf_counter()
from desktop.gui.bare_window import bare_window_probe
print(bare_window_probe(t0), flush=True)
"""

_GATEHOUSE = r"""
import time; t0 = time.perf_counter()
import sys
from desktop.gui.measure import first_paint_probe
paint, ready = first_paint_probe(sys.argv[1], t0)
print(paint, ready, flush=True)
"""


def _child(code: str, *args: str) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                         timeout=120, check=True)
    return [float(x) for x in out.stdout.strip().splitlines()[-1].split()]


def _wall(argv: list[str]) -> float:
    """Seconds from starting a fresh process to its exit, as a shell user waits for it."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, env=env, timeout=120, check=True)
    return time.perf_counter() - start


def help_figure(repeat: int = 5) -> dict[str, Any]:
    """`gatehouse --help` beside `python -c pass`: what the command line costs beyond Python."""
    bare = statistics.median(_wall([sys.executable, "-c", "pass"]) for _ in range(repeat))
    helped = statistics.median(_wall([sys.executable, "-m", "desktop", "--help"]) for _ in range(repeat))
    return figure("gatehouse --help, wall time", helped * 1000, "ms", "python -c pass", bare * 1000,
                  "reported; no target", None, key="cli.help", ratio=round(helped / bare, 2))


def run(repeat: int = 5) -> list[dict[str, Any]]:
    if getattr(sys, "frozen", False):
        # A frozen program cannot start `python -c`; measure from a source checkout instead.
        return [figure("cold start to first painted main window (needs a source checkout)", 0, "ms",
                       "bare PySide6 window", 0, "≤ 1.5 × reference", None, key="start.first_paint", skipped=True)]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.sqlite3")
        _child(_GATEHOUSE, db)  # creates and migrates the database; not timed
        bare = statistics.median(_child(_BARE)[0] for _ in range(repeat))
        runs = [_child(_GATEHOUSE, db) for _ in range(repeat)]
    paint = statistics.median(r[0] for r in runs)
    ready = statistics.median(r[1] for r in runs)
    ratio = paint / bare
    return [
        help_figure(repeat),
        figure("cold start to first painted main window", paint * 1000, "ms", "bare PySide6 window",
               bare * 1000, "≤ 1.5 × reference", ratio <= 1.5, key="start.first_paint", ratio=round(ratio, 2)),
        figure("cold start to station pages ready (database open and checked)", ready * 1000, "ms",
               "bare PySide6 window", bare * 1000, "reported; no target", None, key="start.pages_ready", ratio=round(ready / bare, 2)),
    ]
