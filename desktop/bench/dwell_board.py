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

from desktop.bench import figure

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
    from desktop.domain.clock import ManualClock
    from desktop.gui.measure import board_update_ms

    clock = ManualClock()
    results = {name: board_update_ms(lambda rows=rows: _board(rows, clock), clock, rows)
               for name, rows in (("empty", 0), ("full", TIMERS))}
    full, empty = results["full"], results["empty"]
    return [figure(f"dwell board update, {TIMERS} running timers", full, "ms", "empty board update", empty,
                   f"< {TARGET_MS:g} ms", full < TARGET_MS, key="board.paint.500", timers=TIMERS)]
