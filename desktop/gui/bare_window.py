"""The startup bench's reference: a bare PySide6 main window and nothing else (this module imports
only QtWidgets, so the reference costs what any PySide6 program costs)."""

from __future__ import annotations

import sys
import time
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def bare_window_probe(t0: float, marks: dict[str, float] | None = None) -> float:
    """Seconds from `t0` to the first paint of a bare QMainWindow (and in `marks["cpu"]` the
    process's CPU seconds at that paint)."""
    app = QApplication.instance() or QApplication([sys.argv[0]])
    painted: list[float] = []

    class Window(QMainWindow):
        def paintEvent(self, event: Any) -> None:
            super().paintEvent(event)
            if not painted:
                painted.append(time.perf_counter() - t0)
                if marks is not None:
                    marks["cpu"] = time.process_time()
                QTimer.singleShot(0, app.quit)

    window = Window()
    window.resize(1366, 768)
    window.show()
    app.exec()
    return painted[0]
