"""The startup bench's watch on a real start (desktop.bench.startup): the window started as
`gatehouse --db FILE` starts it, with marks taken at its first paint and when its pages are ready.

This module imports nothing at import time beyond what that start imports itself, so watching
costs the start nothing it would not pay anyway (desktop.gui.measure loads more of Qt).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def start_watcher(t0: float, marks: dict[str, float]) -> Callable[[Any, Any], None]:
    """For desktop.app.START_WATCHER: note in `marks` the seconds from `t0` until the main window
    first painted ("paint") and until the first station page was usable ("ready": the database open,
    the page that shows built; the others follow it), with how many pages were built at each; then quit. The watched start signs in nobody (the last operator from the
    preferences, else admin): a bench has no one at the keyboard."""

    def watch(window: Any, startup: Any) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        def painted() -> None:  # the window's own signal: an event filter would need QEvent's set-up
            if "paint" not in marks:
                marks["paint"] = time.perf_counter() - t0
                marks["paint_cpu"] = time.process_time()  # the process's CPU seconds, its start included
                marks["pages_at_paint"] = len(window.pages)

        def ready(_code: int) -> None:
            marks["ready"] = time.perf_counter() - t0
            pages = startup.window.pages
            marks["pages_at_ready"] = len(pages.built() if hasattr(pages, "built") else pages)
            QTimer.singleShot(0, QApplication.quit)

        window.painted.connect(painted)
        startup.sign_in = False
        startup.finished.connect(ready)

    return watch


def first_paint_probe(db_target: str, t0: float, *, station: str = "gate",
                      marks: dict[str, float] | None = None) -> tuple[float, float]:
    """Seconds from `t0` until the main window first painted, and until its station pages were
    ready, for `gatehouse --db DB_TARGET --station STATION` (all marks also in `marks`)."""
    import desktop.app
    from desktop.cli import main

    marks = {} if marks is None else marks
    desktop.app.START_WATCHER = start_watcher(t0, marks)
    try:
        code = main(["--db", db_target, "--station", station])
    finally:
        desktop.app.START_WATCHER = None
    if code or "ready" not in marks:
        raise RuntimeError(f"the window did not start (exit {code})")
    return marks["paint"], marks["ready"]
