"""`gatehouse round show|register`: the community cadence without a screen.

`show` prints this order round's dates, the special-needs phone checks still due and the register
households that have not ordered this round (phones masked); `register FILE` imports the household
register sheet (exit 1 with every bad row listed when any row is bad: nothing is imported then).
"""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_FAILED, EXIT_OK, emit
from desktop.cli._common import input_file, open_db
from desktop.cli._operator import add_operator_argument, signed_in
from desktop.i18n import t


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("round", parents=[common],
                       help="community cadence: this order round, missed households, phone checks due")
    actions = p.add_subparsers(dest="round_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", parents=[common], help="this round, phone checks due, households not ordered")
    show.set_defaults(func=run_show)
    reg = actions.add_parser("register", parents=[common], help="import the household register (.xlsx or .csv)")
    reg.add_argument("file", metavar="FILE")
    add_operator_argument(reg)
    reg.set_defaults(func=run_register)


def run_show(args: argparse.Namespace) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import cadence

    db = open_db(args)
    try:
        now = SystemClock().now()
        with db.session(write=False) as s:
            rnd = cadence.current_round(s, now)
            checks = cadence.due_checks(s, now)
            missed = cadence.missed(s, rnd)
    finally:
        db.dispose()
    payload = {"round": {"index": rnd.index + 1, "days": rnd.days, "first_day": rnd.first_day.isoformat(),
                         "last_day": rnd.last_day.isoformat()},
               "phone_checks_due": [{"household_id": c.household_id, "address": c.address, "phone": c.phone,
                                     "needs": c.special_note, "overdue": c.overdue, "attempts": c.attempts}
                                    for c in checks],
               "missed": [{"household_id": m.household_id, "address": m.address, "phone": m.phone,
                           "special_needs": m.special_needs, "also_previous": m.also_previous} for m in missed]}
    lines = [rnd.text(), t("待电话问询 {n} 户：", "Phone checks due: {n}", n=len(checks))]
    lines += [f"  {c.address}  {c.phone}  {c.special_note}" + (t("  逾期", "  overdue") if c.overdue else "")
              for c in checks]
    lines.append(t("本轮未下单 {n} 户：", "No order this round: {n}", n=len(missed)))
    lines += [f"  {m.address}  {m.phone}" + (t("  上轮也未下单", "  missed the last round too") if m.also_previous
                                             else "") for m in missed]
    emit(args, payload, lines)
    return EXIT_OK


def run_register(args: argparse.Namespace) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import register, setup

    path = input_file(args.file)
    db = open_db(args)
    try:
        now = SystemClock().now()
        with db.session() as session:
            setup.ensure_initial(session, now=now)
            actor = signed_in(session, username=args.operator, station="cli", now=now)
            report = register.import_sheet(session, actor=actor, now=now, path=path)
    finally:
        db.dispose()
    emit(args, {"file": report.file, "ok": report.ok, "rows": report.rows, "added": report.added,
                "updated": report.updated, "unchanged": report.unchanged, "special": report.special,
                "ignored": report.ignored,
                "problems": [{"row": p.row, "reason": p.reason, "household": p.household} for p in report.problems]},
         report.lines())
    return EXIT_OK if report.ok else EXIT_FAILED
