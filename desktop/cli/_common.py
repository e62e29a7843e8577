"""What every command needs: its database, the dates and files it is given, the files it writes.

Light on purpose (no SQLAlchemy, no Qt at import): the command modules import this while
`--help` is being built.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import outfiles
from desktop.cli import UsageError
from desktop.i18n import t
from desktop.paths import BlankDatabaseSetting, resolve_db

if TYPE_CHECKING:
    from desktop.store.engine import Database


def db_target(args: argparse.Namespace) -> str:
    """The database `--db` (then $GATEHOUSE_DB, then the data folder) names; blank is bad usage."""
    try:
        return resolve_db(getattr(args, "db", None))
    except BlankDatabaseSetting as exc:
        raise UsageError(str(exc)) from None


def open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open the command's database. Only commands that set up (`demo`) pass create=True: for
    every other one a database that is not there is a mistyped path (exit 2), not a new one."""
    from desktop.services.audit_adopt import after_upgrade
    from desktop.store.migrate import open_database

    return open_database(db_target(args), create=create, on_upgrade=after_upgrade)


def output_file(args: argparse.Namespace, text: str, kind: str) -> Path:
    """A file `--out` names, checked before any work: never the database, nor an existing file of
    another kind (outfiles.check); refusals are bad usage (exit 2)."""
    outfiles.check(text, kind, protect=outfiles.protected_from(db_target(args)))
    return Path(text)


def write_output(args: argparse.Namespace, path: Path, data: bytes, kind: str) -> Path:
    """Write one output file safely (a temporary file renamed over it; see desktop.outfiles)."""
    return outfiles.write_file(path, data, kind, protect=outfiles.protected_from(db_target(args)))


def parse_day(text: str | None) -> date | None:
    """`--date YYYY-MM-DD`, or None when not given; a malformed date is bad usage (exit 2)."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(t("日期格式应为 YYYY-MM-DD：{d}", "date must be YYYY-MM-DD: {d}", d=text)) from exc


def input_file(text: str) -> Path:
    """A file the command reads; a missing one is bad usage (exit 2)."""
    path = Path(text)
    if not path.is_file():
        raise UsageError(t("找不到文件：{f}", "no such file: {f}", f=path))
    return path


def output_dir(text: str) -> Path:
    """A folder the command writes into, created if missing; one that cannot be is bad usage."""
    path = Path(text)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(t("无法创建输出目录 {p}：{e}", "cannot create the output folder {p}: {e}",
                           p=path, e=exc.strerror or exc)) from exc
    return path


@contextmanager
def unreadable_input_is_usage(*codes: str) -> Iterator[None]:
    """Refusals that mean the input could not be read (a broken sheet, missing columns) exit 2,
    like any other unreadable input; the other refusals keep exit 1."""
    from desktop.services.context import ServiceError

    try:
        yield
    except ServiceError as exc:
        if exc.code in ("unreadable", "missing_columns", *codes):
            raise UsageError(exc.message) from None
        raise
