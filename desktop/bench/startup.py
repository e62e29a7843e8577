"""Cold start to the first painted main window, against a bare PySide6 window; and the command
line's --help and --version against `python -c pass`.

Each figure is measured in fresh interpreter processes (a warm process would hide import cost),
on the same platform plugin, INTERLEAVED with its reference (bare, app, bare, app, …) so that the
load of a shared machine falls on both alike; the median of each side is compared. A child prints
the seconds from its own start to the first paint event of its window. The app child starts the
window the way `gatehouse --db FILE` does (the command line, preferences, crash log, app, shell,
then the database and pages), in a data folder of its own.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

from desktop.bench import figure, quick

# Each child prints: seconds to the first paint, [seconds to the pages,] CPU seconds at the paint.
_BARE = r"""
import time; t0 = time.perf_counter()
from desktop.gui.bare_window import bare_window_probe
marks = {}
print(bare_window_probe(t0, marks), marks["cpu"], flush=True)
"""

_GATEHOUSE = r"""
import time; t0 = time.perf_counter()
import sys
from desktop.gui.start_probe import first_paint_probe
marks = {}
paint, ready = first_paint_probe(sys.argv[1], t0, marks=marks)
print(paint, ready, marks["paint_cpu"], flush=True)
"""

# The data stack alone: what the first station page cannot be built without (its services read and
# write through SQLModel). Printed: seconds from the child's start to the end of these imports.
_DATA_STACK = r"""
import time; t0 = time.perf_counter()
import desktop.store.migrate, desktop.services.setup, desktop.services.audit_adopt, desktop.store.models
print(time.perf_counter() - t0, time.process_time(), flush=True)
"""

PAINT_TARGET, READY_TARGET, CLI_TARGET = 1.3, 2.0, 12.0


def _env(data_dir: str | None = None) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("GATEHOUSE_DB", None)  # the figures are about the file named on the command line
    env.pop("GATEHOUSE_DATA_DIR", None)
    if data_dir is not None:
        # No preferences or crash logs of the person running it, found the way a person's start
        # finds them (platformdirs, ~14 ms before the paint), not through GATEHOUSE_DATA_DIR.
        for var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            env[var] = os.path.join(data_dir, var.lower())
        env["APPDATA"] = env["LOCALAPPDATA"] = data_dir  # Windows, where platformdirs may read these
    return env


def _child(code: str, *args: str, data_dir: str | None = None) -> list[float]:
    if data_dir is None:
        with tempfile.TemporaryDirectory() as own:
            return _child(code, *args, data_dir=own)
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         env=_env(data_dir), timeout=120, check=True)
    return [float(x) for x in out.stdout.strip().splitlines()[-1].split()]


def _wall(argv: list[str]) -> float:
    """Seconds from starting a fresh process to its exit, as a shell user waits for it."""
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, env=_env(), timeout=120, check=True)
    return time.perf_counter() - start


def _repeats(repeat: int | None) -> int:
    return repeat if repeat is not None else (3 if quick() else 7)


def cli_figures(repeat: int | None = None) -> list[dict[str, Any]]:
    """`gatehouse --help` and `--version` beside `python -c pass`, interleaved: what the command
    line costs beyond Python."""
    n = _repeats(repeat)
    py, cmd = sys.executable, [sys.executable, "-m", "desktop"]
    _wall([*cmd, "--version"])  # warm the file cache: the first start of a day is not the question
    bare, helped, version = [], [], []
    for _ in range(n):
        bare.append(_wall([py, "-c", "pass"]))
        helped.append(_wall([*cmd, "--help"]))
        bare.append(_wall([py, "-c", "pass"]))
        version.append(_wall([*cmd, "--version"]))
    ref = statistics.median(bare)
    out = []
    for key, label, runs in (("cli.help", "--help", helped), ("cli.version", "--version", version)):
        value = statistics.median(runs)
        ratio = value / ref
        out.append(figure(f"gatehouse {label}, wall time", value * 1000, "ms", "python -c pass", ref * 1000,
                          f"≤ {CLI_TARGET:g} × reference", ratio <= CLI_TARGET, key=key, ratio=round(ratio, 2),
                          pairs=n))
    return out


def _prepare(db: str) -> None:
    """Create and migrate the database in this process (the children then time opening it)."""
    from desktop.app import prepare_database

    prepare_database(db).dispose()


def start_figures(repeat: int | None = None) -> list[dict[str, Any]]:
    n = _repeats(repeat)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.sqlite3")
        _prepare(db)  # not timed
        _child(_BARE)  # the file cache warmed alike for both
        bare: list[list[float]] = []
        runs: list[list[float]] = []
        stack: list[list[float]] = []
        for _ in range(n):  # interleaved: bare, app, data stack, bare, app, data stack, …
            bare.append(_child(_BARE))
            runs.append(_child(_GATEHOUSE, db, data_dir=tmp))
            stack.append(_child(_DATA_STACK))
    ref = statistics.median(b[0] for b in bare)
    paint = statistics.median(r[0] for r in runs)
    ready = statistics.median(r[1] for r in runs)
    floor = statistics.median(s[0] for s in stack)
    # CPU seconds at the paint (each process's own start included): what load on a shared machine
    # cannot stretch. Reported beside the wall times, which the targets are about.
    cpu_ref = statistics.median(b[1] for b in bare)
    cpu_paint = statistics.median(r[2] for r in runs)
    cpu = {"cpu_ms": round(cpu_paint * 1000, 1), "cpu_reference_ms": round(cpu_ref * 1000, 1),
           "cpu_ratio": round(cpu_paint / cpu_ref, 2)}
    return [
        figure("cold start to first painted main window", paint * 1000, "ms", "bare PySide6 window",
               ref * 1000, f"≤ {PAINT_TARGET:g} × reference", paint / ref <= PAINT_TARGET, key="start.first_paint",
               ratio=round(paint / ref, 2), pairs=n, reference_key="start.bare_window", **cpu),
        figure("cold start to first usable station page (database open and checked, pages built)",
               ready * 1000, "ms", "bare PySide6 window", ref * 1000, f"≤ {READY_TARGET:g} × reference",
               ready / ref <= READY_TARGET, key="start.pages_ready", ratio=round(ready / ref, 2), pairs=n,
               reference_key="start.bare_window"),
        # Why start.pages_ready cannot reach its target while the pages need the ORM: importing the
        # data stack alone, in a fresh process with no window at all, beside the same bare window.
        figure("importing the data stack alone (SQLAlchemy, SQLModel, our models and the services the "
               "first page opens the database with), no window", floor * 1000, "ms", "bare PySide6 window",
               ref * 1000, "(reported: a floor under start.pages_ready)", None, key="start.data_stack",
               ratio=round(floor / ref, 2), pairs=n, reference_key="start.bare_window"),
    ]


def run(repeat: int | None = None) -> list[dict[str, Any]]:
    if getattr(sys, "frozen", False):
        # A frozen program cannot start `python -c`; measure from a source checkout instead.
        return [figure("cold start to first painted main window (needs a source checkout)", 0, "ms",
                       "bare PySide6 window", 0, f"≤ {PAINT_TARGET:g} × reference", None, key="start.first_paint",
                       skipped=True)]
    return [*cli_figures(repeat), *start_figures(repeat)]
