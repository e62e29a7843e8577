"""Shared fixtures. Qt runs offscreen; tests never touch the user's real data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GATEHOUSE_LANG", "zh")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from team import DUTY_PIN, TEAM, add_team  # noqa: F401  (re-exported for tests)

from desktop.domain.clock import ManualClock
from desktop.i18n import set_language
from desktop.services import setup
from desktop.services.context import Actor
from desktop.store.engine import Database
from desktop.store.migrate import open_database


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEHOUSE_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("GATEHOUSE_DB", raising=False)
    set_language("zh")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(start=datetime(2026, 11, 29, 1, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "gatehouse.sqlite3"


@pytest.fixture
def db(db_path: Path, clock: ManualClock) -> Iterator[Database]:
    """A real SQLite file at head, with the initial site, admin and stations, and the `TEAM`:
    `duty` is a supervisor, who may do the work of every station (the default `actor`)."""
    database = open_database(str(db_path))
    with database.session() as session:
        setup.ensure_initial(session, now=clock.now())
        add_team(session, now=clock.now())
    yield database
    database.dispose()




@pytest.fixture
def actor() -> Actor:
    return Actor(operator="duty", station="gate")
