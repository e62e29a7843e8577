"""Backups: a consistent copy of the live SQLite file, taken while stations keep working."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from desktop.i18n import t
from desktop.services.context import ServiceError


def backup_sqlite(source: Path, target: Path, *, progress: Callable[[int, int], None] | None = None) -> Path:
    """Copy `source` to `target` with SQLite's online backup (WAL content included), page by
    page so a progress bar can follow. Raises ServiceError in plain words on failure."""
    if target.resolve() == source.resolve():
        raise ServiceError("same_file", t("备份文件不能是数据库本身。", "The backup cannot be the database itself."))
    partial = target.with_name(target.name + ".partial")
    try:
        src = sqlite3.connect(source)
        dst = sqlite3.connect(partial)
        try:
            def step(_status: int, remaining: int, total: int) -> None:
                if progress:
                    progress(total - remaining, total)

            src.backup(dst, pages=256, progress=step)
        finally:
            dst.close()
            src.close()
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise ServiceError("backup_failed", t("备份失败：{e}。原数据库未受影响。",
                                              "The backup failed: {e}. The database itself is unaffected.", e=exc)) from exc
    return target
