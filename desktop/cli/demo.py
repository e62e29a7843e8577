"""`gatehouse demo [--date YYYY-MM-DD]`: a realistic day, written through the service functions."""

from __future__ import annotations

import argparse
from datetime import date

from desktop.cli import EXIT_OK, emit
from desktop.cli._common import open_db, parse_day
from desktop.i18n import t


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[common], help="fill the database with a realistic demo day")
    p.add_argument("--date", dest="day", default=None, help="YYYY-MM-DD (default: today)")
    p.add_argument("--seed", type=int, default=2022, help="random seed (same seed, same day)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services import demo

    day = parse_day(args.day) or date.today()
    db = open_db(args, create=True)  # demo sets a database up: the one command besides the window
    try:
        summary = demo.build(db, day=day, seed=args.seed)
    finally:
        db.dispose()
    emit(args, {"date": day.isoformat(), "database": db.url, "counts": summary},
         [t("演示数据已写入 {db}（{d}）：", "Demo day written to {db} ({d}):", db=db.url, d=day.isoformat())]
         + [f"  {k}: {v}" for k, v in summary.items()])
    return EXIT_OK
