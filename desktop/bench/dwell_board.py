"""One update of the dwell timer board with 500 running timers, against the same update of an
empty board, in the same process.

"One update" is what the board's single QTimer does each second: read the clock, look for new
completions, then paint the rows that are visible (a 1366x768 screen shows about eight) into an
image the size of the viewport. Qt is run offscreen unless a platform is already chosen.
"""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

from desktop.bench import figure, median_ms

TIMERS = 500
TARGET_MS = 4.0


def _board(rows: int, clock):  # type: ignore[no-untyped-def]
    from desktop.services.dwell import Board, BoardRow

    r = clock.read()
    made = [BoardRow(i + 1, i + 1, f"苏N{10000 + i}", "卸货点 第2次 · 3批物资", "unloading_point", 30,
                     r.wall - timedelta(seconds=i * 3), r.mono + 60 + i * 3, False, False) for i in range(rows)]
    return Board(r.boot_id, made, 1800.0, 0.0)


def run() -> list[dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from desktop.domain.clock import ManualClock
    from desktop.gui.stations.disinfection.board import TimerBoard

    app = QApplication.instance() or QApplication([])
    clock = ManualClock()
    results = {}
    for name, rows in (("empty", 0), ("full", TIMERS)):
        board = TimerBoard(clock, sound=None)
        board.resize(560, 640)
        board.set_board(_board(rows, clock))
        board.canvas.resize(540, max(1, rows) * 84)
        image = QImage(540, 600, QImage.Format.Format_ARGB32_Premultiplied)

        def update(board=board, image=image) -> None:  # type: ignore[no-untyped-def]
            clock.advance(0.25)
            board.tick()
            painter = QPainter(image)
            board.canvas.render(painter, QPoint(0, 0), QRect(0, 0, 540, 600))
            painter.end()

        results[name] = median_ms(update, repeat=60, warmup=5)
        board.deleteLater()
    app.processEvents()
    full, empty = results["full"], results["empty"]
    return [figure(f"dwell board update, {TIMERS} running timers", full, "ms", "empty board update", empty,
                   f"< {TARGET_MS:g} ms", full < TARGET_MS, timers=TIMERS)]
