"""A shift's end: the chain's anchor written to the backup folders and put on the handover sheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from desktop.services import anchors, backups, settings, setup
from desktop.services.authz import internal


@dataclass(frozen=True)
class ShiftAnchor:
    anchor: anchors.Anchor
    site_name: str
    written: tuple[str, ...]  # anchor files appended to
    problems: tuple[str, ...]  # folders that could not be written (a USB stick pulled out)


@internal("appends the chain's anchor to files outside the database; reads the database only")
def record(session: Session, *, db_path: Path | None, now: datetime, why: str = "shift_end") -> ShiftAnchor:
    """Read the chain's length and head and append them to every backup folder of this database
    (none for a server database: the sheet is then the only copy)."""
    site = setup.require_site(session)
    anchor = anchors.make(session.connection(), now=now, site=site.code, db_path=db_path, why=why)
    written, problems = [], []
    if db_path is not None:
        for folder in backups.folders(db_path, settings.value(session, "backup.second_folder")):
            try:
                written.append(str(anchors.append(folder, anchor)))
            except OSError as exc:
                problems.append(f"{folder}: {exc.strerror or exc}")
    return ShiftAnchor(anchor, site.name, tuple(written), tuple(problems))
