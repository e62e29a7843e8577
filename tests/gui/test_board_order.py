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


def test_a_long_goods_name_keeps_its_room_beside_an_english_state(qtbot, qapp):
    """In English "35 min overdue" is twice as wide as 超时未转运 35分: the state yields to its short
    form and the goods' name is drawn whole, where it was once cut to "group b…"."""
    from desktop.gui.application import install_translator

    install_translator(qapp, "en")
    try:
        clock = ManualClock()
        board = TimerBoard(clock, tick_ms=60_000)
        qtbot.addWidget(board)
        row = _row(1, clock, -35 * 60 - 5, "group buying bags")
        state = maths.OVERDUE
        assert board.state_text(state, -35 * 60 - 5) == "35 min overdue"  # the long form, translated
        head = board.canvas.head(row, state, -35 * 60 - 5, 330)
        assert head.label == "group buying bags"
        assert head.state == "+35 min"
        assert head.label_width + head.state_width <= 330
        roomy = board.canvas.head(row, state, -35 * 60 - 5, 600)  # room for both: the long form stays
        assert (roomy.label, roomy.state) == ("group buying bags", "35 min overdue")
        crowded = board.canvas.head(_row(2, clock, -60, "group buying bags for building 3, unit 2 and 4"),
                                    state, -60, 360)  # too long even at 14 pt: the name is cut, not lost
        assert crowded.label.startswith("group buying bags") and crowded.label.endswith("…")
        assert crowded.state_width < crowded.label_width
    finally:
        install_translator(qapp, "zh")
