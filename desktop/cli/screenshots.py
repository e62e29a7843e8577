"""`gatehouse screenshots --out DIR`: every screen with demo data, as PNG files, offscreen."""

from __future__ import annotations

import argparse
import tempfile
from datetime import date
from pathlib import Path

from desktop.cli import EXIT_OK, emit


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("screenshots", parents=[common], help="render every screen to PNG (demo data unless --db is given)")
    p.add_argument("--out", required=True, type=Path, help="folder for the PNG files")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.gui.screenshots import render_all
    from desktop.services import demo
    from desktop.store.migrate import open_database

    with tempfile.TemporaryDirectory() as tmp:
        target = getattr(args, "db", None)
        db = open_database(target or str(Path(tmp) / "demo.sqlite3"), create=target is None)
        try:
            if target is None:
                demo.build(db, day=date.today())
            written = render_all(args.out, db=db, language=getattr(args, "lang", None) or "zh")
        finally:
            db.dispose()
    emit(args, {"files": [str(p) for p in written]}, [str(p) for p in written])
    return EXIT_OK
