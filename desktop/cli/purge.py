"""`gatehouse purge [--dry-run] --operator ADMIN`: personal data past the retention period goes.

Names, ID numbers, phones and photos of approvals, gate checks and household orders older than
`retention.days` after their day are emptied (counts and the audit chain stay), the file is
rewritten with secure_delete and its WAL emptied, then every backup copy found is purged the same
way. `--dry-run` only says what would go: rows per table and the oldest and newest day.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli import EXIT_OK, emit
from desktop.cli._common import open_db
from desktop.cli._operator import add_operator_argument, signed_in
from desktop.domain.retention import TABLES as _TABLES
from desktop.i18n import t

if TYPE_CHECKING:
    from desktop.services.purge import PurgePlan


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("purge", parents=[common],
                       help="remove personal data older than the retention period (administrators)")
    p.add_argument("--dry-run", action="store_true", help="only list what would be purged")
    add_operator_argument(p)
    p.set_defaults(func=run)


def _line(label: str, found: PurgePlan) -> str:
    counts = t("，", ", ").join(f"{t(*_TABLES[k])} {n}" for k, n in found.counts.items())
    span = (t("，日期 {a} 至 {b}", ", days {a} to {b}", a=found.oldest, b=found.newest)
            if found.oldest else t("，无到期数据", ", nothing due"))
    return f"{label}: {counts}{span}"


def run(args: argparse.Namespace) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import purge, settings

    db = open_db(args)
    now = SystemClock().now()
    path = db.path
    try:
        with db.session(write=not args.dry_run) as s:
            who = signed_in(s, username=args.operator, station="cli", now=now)
            found = purge.plan(s, now=now) if args.dry_run else purge.purge(s, actor=who, now=now)
            second = str(settings.value(s, "backup.second_folder") or "")
    finally:
        db.dispose()
    if path is not None and not args.dry_run:
        purge.compact(path)
    copies: list[tuple[Path, Any]] = []
    if path is not None:
        for copy in purge.backup_files(path, second):
            copies.append((copy, purge.purge_file(copy, actor=who, now=now, dry_run=args.dry_run)))
    head = t("将清除（{d} 之前，保留 {n} 天）", "Would purge (before {d}, kept {n} days)", d=found.before,
             n=found.retention_days) if args.dry_run else \
        t("已清除（{d} 之前，保留 {n} 天）", "Purged (before {d}, kept {n} days)", d=found.before, n=found.retention_days)
    lines = [head, _line(t("数据库", "database"), found)]
    lines += [_line(str(p), c) for p, c in copies]
    emit(args, {"dry_run": args.dry_run, "database": found.as_dict(),
                "backups": [{"path": str(p), **c.as_dict()} for p, c in copies]}, lines)
    return EXIT_OK
