"""`gatehouse verify`: integrity, foreign keys, the audit chain. Exit 1 names the first broken event."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from desktop.cli import EXIT_FAILED, EXIT_OK, emit
from desktop.cli._common import open_db


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("verify", parents=[common], help="check the database and the audit chain")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services import verify

    db = open_db(args)
    try:
        with db.session(write=False) as session:
            report = verify.verify(session, dialect=db.dialect)
    finally:
        db.dispose()
    emit(args, {**asdict(report), "ok": report.ok, "database": db.url}, report.lines())
    return EXIT_OK if report.ok else EXIT_FAILED
