"""`gatehouse demo [--date YYYY-MM-DD] [--again]`: a realistic day, written through the service
functions. The day is the site's today (its zone, not this machine's date); a database that
already has that demo day is left alone unless --again says to add a second batch."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from desktop.cli import EXIT_OK, EXIT_USAGE, UsageError, emit, fail
from desktop.cli._common import open_db, parse_day
from desktop.cli.watchdog import watchdog
from desktop.domain.clock import Clock, ManualClock, SystemClock
from desktop.domain.localtime import site_tz
from desktop.i18n import t

TIME_LIMIT_S = 600


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[common], help="fill the database with a realistic demo day")
    p.add_argument("--date", dest="day", default=None, help="YYYY-MM-DD (default: the site's today)")
    p.add_argument("--again", action="store_true", help="add another demo batch to a database that has one")
    p.add_argument("--now", default=None, metavar="ISO",
                   help="pretend the site's time is this (e.g. 2026-11-29T09:30; the site's zone unless it has an offset)")
    p.add_argument("--seed", type=int, default=2022, help="random seed (same seed, same day)")
    p.set_defaults(func=run)


def clock_from(text: str | None) -> Clock:
    """The machine's clock, or a stopped one at `--now` (read in the site's zone without an offset)."""
    if text is None:
        return SystemClock()
    try:
        at = datetime.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(t("--now 应如 2026-11-29T09:30：{v}", "--now must look like 2026-11-29T09:30: {v}",
                           v=text)) from exc
    return ManualClock(start=(at if at.tzinfo else at.replace(tzinfo=site_tz())).astimezone(UTC))


def run(args: argparse.Namespace) -> int:
    from desktop.services import demo

    with watchdog("demo", TIME_LIMIT_S) as dog:
        dog.at(t("打开数据库", "opening the database"))
        db = open_db(args, create=True)  # demo sets a database up (the one command besides the window); applies the site's zone
        try:
            clock = clock_from(args.now)
            day = parse_day(args.day) or demo.today(clock)
            done = demo.written_days(db)
            if done and not args.again and (args.day is None or day.isoformat() in done):
                fail(t("{db} 已有演示数据（{d}）；再加一批用 --again，换一天用 --date YYYY-MM-DD。",
                       "{db} already has a demo day ({d}); add another batch with --again, or another day with --date YYYY-MM-DD.",
                       db=db.url, d=", ".join(done)))
                return EXIT_USAGE
            dog.at(t("写入演示日 {d}", "writing the demo day {d}", d=day.isoformat()))
            summary = demo.build(db, day=day, seed=args.seed, clock=clock)
        finally:
            db.dispose()
    emit(args, {"date": day.isoformat(), "database": db.url, "counts": summary},
         [t("演示数据已写入 {db}（{d}）：", "Demo day written to {db} ({d}):", db=db.url, d=day.isoformat())]
         + [f"  {k}: {v}" for k, v in summary.items()])
    return EXIT_OK
