"""What every command needs: its database, and the dates and files it is given."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from desktop.cli import UsageError
from desktop.i18n import t
from desktop.paths import resolve_db
from desktop.services.context import ServiceError
from desktop.store.engine import Database
from desktop.store.migrate import open_database


def open_db(args: argparse.Namespace) -> Database:
    return open_database(resolve_db(getattr(args, "db", None)))


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
                           p=path, e=exc)) from exc
    return path


@contextmanager
def unreadable_input_is_usage(*codes: str) -> Iterator[None]:
    """Refusals that mean the input could not be read (a broken sheet, missing columns) exit 2,
    like any other unreadable input; the other refusals keep exit 1."""
    try:
        yield
    except ServiceError as exc:
        if exc.code in ("unreadable", "missing_columns", *codes):
            raise UsageError(exc.message) from None
        raise
