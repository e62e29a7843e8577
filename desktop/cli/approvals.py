"""`gatehouse approvals import FILE [--date YYYY-MM-DD] [--approve] [--json]`: the supplier list,
checked row by row, with the same summary the review screen shows.

Exit 0 every row imported or unchanged; 1 some rows rejected (the others are imported);
2 the file cannot be read or lacks columns (nothing imported).
"""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_FAILED, EXIT_OK, emit
from desktop.cli._common import input_file, open_db, parse_day, unreadable_input_is_usage
from desktop.cli._operator import add_operator_argument, signed_in


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("approvals", parents=[common], help="day-ahead vehicle approvals")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = actions.add_parser("import", parents=[common], help="import a supplier list (.xlsx or .csv)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--date", dest="day", default=None,
                     help="arrival date for rows that give none (YYYY-MM-DD; default: tomorrow)")
    imp.add_argument("--approve", action="store_true", help="approve the imported rows at once")
    add_operator_argument(imp)  # who imports: checked like a sign-in, PIN never an argument
    imp.set_defaults(func=run_import)


def run_import(args: argparse.Namespace) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import approvals, setup

    day = parse_day(args.day)
    path = input_file(args.file)
    db = open_db(args)
    try:
        now = SystemClock().now()
        with unreadable_input_is_usage(), db.session() as session:
            setup.ensure_initial(session, now=now)  # a fresh database still needs its site
            report = approvals.import_file(session, actor=signed_in(session, username=args.operator, station="cli", now=now), now=now,
                                           path=path, default_day=day, approve=args.approve)
    finally:
        db.dispose()
    emit(args, report.as_dict(), report.lines())
    return EXIT_OK if report.ok else EXIT_FAILED
