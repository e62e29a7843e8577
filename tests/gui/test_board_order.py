"""The board puts what needs attention first and never hides a new timer below the fold."""

from __future__ import annotations

from datetime import timedelta

from desktop.domain import dwell as maths
from desktop.domain.clock import ManualClock
from desktop.gui.stations.disinfection.board import ROW_HEIGHT, TimerBoard
from desktop.services.dwell import Board, BoardRow


def _row(i: int, clock: ManualClock, left_s: float, label: str) -> BoardRow:
    r = clock.read()
    return BoardRow(i, i, label, "卸货点 第1次 · 1批物资", "unloading_point", 30, r.wall, r.mono + left_s, False, False)


def test_due_soon_then_running_then_complete_and_a_new_timer_in_sight(qtbot):
    clock = ManualClock()
    board = TimerBoard(clock, tick_ms=60_000)
    qtbot.addWidget(board)
    board.resize(900, 5 * ROW_HEIGHT)
    board.show()
    qtbot.waitExposed(board)
    finished = [_row(i, clock, -60 * i, f"苏N1000{i}") for i in range(1, 9)]  # eight 0:00 cards, waiting
    board.set_board(Board(clock.read().boot_id, finished, 1800.0, 0.0))
    board.scroll.verticalScrollBar().setValue(board.scroll.verticalScrollBar().maximum())  # someone scrolled down
    fresh = _row(20, clock, 1800, "苏N20000")
    soon = _row(21, clock, 120, "苏N21000")
    board.set_board(Board(clock.read().boot_id, [*finished, fresh, soon], 1800.0, 0.0))
    states = [s for _, s, _ in board.states()]
    assert states[:2] == [maths.DUE_SOON, maths.RUNNING]
    assert set(states[2:]) == {maths.COMPLETE}
    index = [r.timer_id for r in board.rows].index(20)
    top = board.scroll.verticalScrollBar().value()
    assert top <= index * ROW_HEIGHT and (index + 1) * ROW_HEIGHT <= top + board.scroll.viewport().height()
    # when the due-soon one completes it joins the complete group, at once, not at the next snapshot
    clock.advance(timedelta(seconds=130))
    board.tick(count=False)
    assert board.rows[0].timer_id == 20
