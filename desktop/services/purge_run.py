"""A purge everywhere at once, for the window: the database in one audited transaction, then the
file rewritten (secure_delete, VACUUM, WAL emptied), then every backup copy that still holds
something due. Run off the UI thread: the rewrite takes as long as the file is big.

`purge_everywhere` is the administrator's button (the purge inside is `purge.purge`, which checks
the permission); `purge_due` is the daily automatic one, done as the system when the retention
setting says rows are due, and nothing at all when none are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.services import purge, settings
from desktop.services.authz import internal
from desktop.services.context import SYSTEM, Actor


@dataclass
class PurgeRun:
    database: purge.PurgePlan
    copies: list[tuple[str, purge.PurgePlan]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # copies that could not be purged (a stick pulled out)

    @property
    def total(self) -> int:
        return self.database.total


def _afterwards(db_path: Path | None, second: str, *, actor: Actor, now: datetime, only_due: bool) -> PurgeRun:
    run = PurgeRun(purge.PurgePlan(before=now.date(), retention_days=0))
    if db_path is None:  # a server database: nothing to rewrite here, its backups are the server's
        return run
    purge.compact(db_path)
    for copy in purge.backup_files(db_path, second):
        try:
            if only_due and not purge.purge_file(copy, actor=actor, now=now, dry_run=True).total:
                continue
            run.copies.append((str(copy), purge.purge_file(copy, actor=actor, now=now)))
        except Exception as exc:  # one unreadable copy does not stop the others; said in the result
            run.problems.append(f"{copy}: {getattr(exc, 'message', exc)}")
    return run


@internal("opens its own transaction for purge.purge, which checks the administrator's permission")
def purge_everywhere(db: Any, *, actor: Actor, now: datetime) -> PurgeRun:
    with db.session() as s:
        found = purge.purge(s, actor=actor, now=now)
        second = str(settings.value(s, "backup.second_folder") or "")
    run = _afterwards(db.path, second, actor=actor, now=now, only_due=False)
    run.database = found
    return run


@internal("the daily automatic purge: the site's retention setting decides, audited as the system")
def purge_due(db: Any, *, now: datetime) -> PurgeRun | None:
    """Purge when rows are due (None when nothing is: no write, no rewrite)."""
    with db.session(write=False) as s:  # the daily check reads only: the stations keep writing meanwhile
        if not purge.plan(s, now=now).total:
            return None
    with db.session() as s:
        found = purge.purge_rows(s, actor=SYSTEM, now=now)
        second = str(settings.value(s, "backup.second_folder") or "")
    run = _afterwards(db.path, second, actor=SYSTEM, now=now, only_due=True)
    run.database = found
    return run
