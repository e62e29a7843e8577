"""Shared fixtures. Qt runs offscreen; tests never touch the user's real data folder, and never
read the real clock: "now" is the `clock` fixture's.

GATEHOUSE_TEST_NOW freezes the site's time for a whole run — an ISO time, read in the site's zone
when it has no offset (e.g. 2026-11-29T23:59) — so CI can run the suite just before and after
the site's midnight and the machine's (.ci/run). Without it, 2026-11-29 09:00 at the site.
"""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GATEHOUSE_LANG", "zh")

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from team import DUTY_PIN, TEAM, add_team  # noqa: F401  (re-exported for tests)

from desktop.domain import localtime
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


TEST_NOW_ENV = "GATEHOUSE_TEST_NOW"
DEFAULT_NOW = datetime(2026, 11, 29, 1, 0, tzinfo=UTC)  # 09:00 at the site


def test_now() -> datetime:
    """The frozen "now" of this run (aware, UTC)."""
    text = os.environ.get(TEST_NOW_ENV, "").strip()
    if not text:
        return DEFAULT_NOW
    at = datetime.fromisoformat(text)
    return (at if at.tzinfo else at.replace(tzinfo=localtime.site_tz())).astimezone(UTC)


test_now.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


@pytest.fixture(autouse=True)
def _site_zone_reset() -> Iterator[None]:
    """A test that opens a database with another site zone does not leave it to the next test."""
    localtime.configure(None)
    yield
    localtime.configure(None)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(start=test_now())


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "gatehouse.sqlite3"


class Templates:
    """Databases built once per run and copied for each test that asks for one.

    Migrating a new file, making the site and hashing the team's eight PINs (scrypt, ~35 ms each)
    cost about a second a test; copying a file built the same way at the same "now" gives the test
    the same bytes in a few milliseconds. Each copy is a real SQLite file, opened the way the app
    opens it (`open_database`: the migration check, the site's zone, the integrity mark)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.built: dict[tuple[str, datetime], tuple[Path, Any]] = {}

    def open(self, kind: str, now: datetime, db_path: Path, build: Callable[[Database], Any]) -> tuple[Database, Any]:
        """A copy at `db_path` of the database `build` made at `now`, and what `build` returned."""
        key = (kind, now)
        if key not in self.built:
            path = self.folder / f"{kind}-{len(self.built)}.sqlite3"
            database = open_database(str(path))
            try:
                made = build(database)
            finally:
                database.dispose()
            left = sorted(p.name for p in self.folder.glob(path.name + "-*"))
            assert not left, f"the template was not closed cleanly: {left}"
            self.built[key] = (path, made)
            localtime.configure(None)
        path, made = self.built[key]
        shutil.copyfile(path, db_path)
        return open_database(str(db_path)), made


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"))


def _site_and_team(database: Database, now: datetime) -> None:
    with database.session() as session:
        setup.ensure_initial(session, now=now)
        add_team(session, now=now)


@pytest.fixture
def db(db_path: Path, clock: ManualClock, templates: Templates) -> Iterator[Database]:
    """A real SQLite file at head, with the initial site, admin and stations, and the `TEAM`:
    `duty` is a supervisor, who may do the work of every station (the default `actor`).
    Built once per run for each "now" and copied (`Templates`)."""
    now = clock.now()
    database, _ = templates.open("site-and-team", now, db_path, lambda d: _site_and_team(d, now))
    yield database
    database.dispose()




@pytest.fixture
def actor() -> Actor:
    return Actor(operator="duty", station="gate")


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without the interpreter's final garbage collection. On some Python builds (Debian 12's
    3.11.2) PySide's wrappers that outlive the QApplication make that last collection abort with
    "Fatal Python error: none_dealloc" after every test has passed, turning a green run into exit 134.
    Everything pytest reports has been written by now; the exit status is the session's."""
    import sys

    status = getattr(config, "_gatehouse_exit", None)
    if status is None:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(int(status))


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config._gatehouse_exit = exitstatus  # type: ignore[attr-defined]
