"""`board.refresh.500`: the dwell board's data read from a database with 500 timers on the board
(100 with --quick: filling them through the services takes a while), beside a bare SELECT of the
same rows. See `desktop.bench.dwell_board.refresh_figure`."""

from __future__ import annotations

from typing import Any

from desktop.bench import quick
from desktop.bench.dwell_board import TIMERS, refresh_figure

QUICK_TIMERS = 100


def run() -> list[dict[str, Any]]:
    return [refresh_figure(QUICK_TIMERS if quick() else TIMERS, repeat=6 if quick() else 15)]
