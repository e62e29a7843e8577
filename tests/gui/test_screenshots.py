"""`gatehouse screenshots` draws each station as someone who may use it: the supervisor for the
stations, the administrator for 管理 (an administrator does no station work, so drawing every page as
the administrator gave eight pictures of the admin page)."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from desktop.gui.screenshots import render_all
from desktop.services import demo
from desktop.store.migrate import open_database


# the screenshot run opens the real multimedia stack (camera states); this machine has no devices
@pytest.mark.qt_log_ignore("Couldn't (load|resolve)", "PulseAudioService", "propagateSizeHints")
def test_every_station_is_drawn_as_its_own_page(tmp_path: Path, clock, qapp):
    db = open_database(str(tmp_path / "demo.sqlite3"))
    try:
        demo.build(db, day=date(2026, 11, 29), clock=clock)
        written = render_all(tmp_path / "shots", db=db, clock=clock)
    finally:
        db.dispose()
    first = {p.name.split("-")[1].removesuffix(".png"): p for p in sorted(written) if p.name[:2].isdigit()}
    assert {"review", "gate", "disinfection", "handoff", "slips", "households", "supervision", "admin"} <= set(first)
    digests = {key: hashlib.sha256(p.read_bytes()).hexdigest() for key, p in first.items()}
    assert len(set(digests.values())) == len(digests)  # no two stations drew the same picture
