"""`gatehouse verify`: integrity, foreign keys, the audit chain and every guarded row held to it.

Exit 0 when all is well; exit 1 with the findings (each names its table and row) for anything
wrong, a damaged file included — verify is what a damaged file is checked with, so it opens one
that the other commands refuse (exit 2) and reports what it can read of it.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from desktop.cli import EXIT_FAILED, EXIT_OK, emit
from desktop.cli._common import open_db
from desktop.paths import resolve_db
from desktop.store.errors import Problem, StoreError  # light: no SQLAlchemy


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("verify", parents=[common], help="check the database, the audit chain and the rows it covers")
    p.add_argument("--anchor", action="append", default=[], metavar="LENGTH:HEAD",
                   help="also hold the chain to this anchor, typed or scanned from a handover sheet (repeatable)")
    p.set_defaults(func=run)


def _anchors(args: argparse.Namespace, db: Any) -> list[Any]:
    """The anchors typed on the command line, and every one kept in this database's backup folders."""
    from desktop.cli import UsageError
    from desktop.services import anchors, backups

    typed = []
    for text in args.anchor:
        try:
            typed.append(anchors.parse(text))
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    path = db.path
    if path is None:
        return typed
    found = [a for folder in backups.folders(path, backups.second_folder_of(path)) for a in anchors.read(folder)]
    return typed + anchors.current(found, anchors.db_key(path))


def _open(args: argparse.Namespace) -> tuple[Any, str]:
    """The database, and why it could not be opened the normal way ('' when it could)."""
    from desktop.store.engine import Database, make_engine, sqlite_path, to_url  # the data stack: on use only

    try:
        return open_db(args), ""
    except StoreError as exc:
        path = sqlite_path(to_url(resolve_db(getattr(args, "db", None))))
        if exc.problem is not Problem.CORRUPT or path is None:
            raise
        return Database(make_engine(str(path))), str(exc)


def run(args: argparse.Namespace) -> int:
    from desktop.services import verify

    db, refused = _open(args)
    try:
        held = _anchors(args, db)
        with db.session(write=False) as session:
            report = verify.verify(session, dialect=db.dialect, anchors=held)
    except StoreError as exc:  # not even a read transaction could start
        report = verify.VerifyReport(integrity=str(exc), findings=[verify.Finding("unreadable", "", "", str(exc))])
    finally:
        db.dispose()
    if refused:
        report.put_first([verify.Finding("integrity", "", "", refused)])
    # findings: the first thousand; left_out: the rest, counted by kind and table; finding_counts: all of them
    emit(args, {**asdict(report), "ok": report.ok, "database": db.url, "finding_count": report.finding_count,
                "finding_counts": report.counts()}, report.lines())
    return EXIT_OK if report.ok else EXIT_FAILED
