"""`gatehouse screenshots --out DIR`: every screen with demo data, as PNG files, offscreen.

Nobody is there to answer a dialog: any dialog a screen opens is saved as a picture of its own
and closed, and a watchdog ends the run with exit 1, naming the screen, if it still hangs."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from desktop.cli import EXIT_OK, emit
from desktop.cli.demo import clock_from
from desktop.cli.watchdog import watchdog
from desktop.i18n import t

TIME_LIMIT_S = 600


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("screenshots", parents=[common], help="render every screen to PNG (demo data unless --db is given)")
    p.add_argument("--out", required=True, type=Path, help="folder for the PNG files")
    p.add_argument("--now", default=None, metavar="ISO",
                   help="pretend the site's time is this (e.g. 2026-11-29T09:30; the site's zone unless it has an offset)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services import demo
    from desktop.store.migrate import open_database

    with watchdog("screenshots", TIME_LIMIT_S) as dog, tempfile.TemporaryDirectory() as tmp:
        target = getattr(args, "db", None)
        dog.at(t("打开数据库", "opening the database"))
        db = open_database(target or str(Path(tmp) / "demo.sqlite3"), create=target is None)
        try:
            clock = clock_from(args.now)
            if target is None:
                dog.at(t("写入演示日", "writing the demo day"))
                demo.build(db, day=demo.today(clock), clock=clock)
            dog.at(t("加载界面", "loading the screens"))
            from desktop.gui.screenshots import render_all

            written = render_all(args.out, db=db, language=getattr(args, "lang", None) or "zh", clock=clock,
                                 progress=dog.at)
        finally:
            db.dispose()
    emit(args, {"files": [str(p) for p in written]}, [str(p) for p in written])
    return EXIT_OK
