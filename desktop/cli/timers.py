"""`gatehouse timers [--json]`: the dwell timer board, headless — what remains of each dwell by
this machine's clocks right now (also records the clock reading, auditing a wall-clock jump)."""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, emit
from desktop.cli._common import open_db
from desktop.i18n import t


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("timers", parents=[common], help="list the dwell timers still on the board")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.domain import dwell as maths
    from desktop.domain.clock import SystemClock
    from desktop.services import dwell
    from desktop.services.context import SYSTEM

    clock = SystemClock()
    db = open_db(args)
    try:
        with db.session() as s:
            board = dwell.board(s, actor=SYSTEM, clock=clock)  # a view; its sweep is the system's task
    finally:
        db.dispose()
    reading = clock.read()
    rows = []
    for r in board.rows:
        left = r.deadline_mono - reading.mono
        rows.append({"timer_id": r.timer_id, "disinfection_id": r.disinfection_id, "label": r.label,
                     "detail": r.detail, "state": maths.board_state(r.deadline_mono, reading.mono,
                                                                     overdue_s=board.overdue_s),
                     "remaining_seconds": round(max(0.0, left), 1),
                     "ready_at": maths.ready_at(r.deadline_mono, reading).isoformat(),
                     "acknowledged": r.acknowledged, "early": r.early})
    lines = [f"{x['state']:<9} {maths.format_remaining(x['remaining_seconds']):>8}  {x['label']}  ({x['detail']})"
             for x in rows] or [t("没有正在静置的物资。", "No goods are dwelling.")]
    if board.jump_seconds:
        lines.append(t("系统时间被调整了 {s:+.0f} 秒（已记入审计）。", "The wall clock moved by {s:+.0f} s (audited).",
                       s=board.jump_seconds))
    emit(args, {"timers": rows, "jump_seconds": board.jump_seconds}, lines)
    return EXIT_OK
