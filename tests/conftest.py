"""Shared fixtures. Qt runs offscreen; tests never touch the user's real data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GATEHOUSE_LANG", "zh")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

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
        for username, name, role, pin in TEAM:
            setup.add_operator(session, actor=Actor("admin", "admin"), now=clock.now(), username=username,
                               display_name=name, role=role, pin=pin)
    yield database
    database.dispose()


DUTY_PIN = "2580"
# The people the tests act as, each in the role they would hold on site (as in the demo).
TEAM = [
    ("duty", "值班督查", "supervisor", DUTY_PIN),
    ("zhou.min", "周敏", "supervisor", "2468"),
    ("wang.fang", "王芳", "review", "1001"),
    ("li.qiang", "李强", "gate", "1111"),
    ("chen.jing", "陈静", "disinfection", "3333"),
    ("liu.yang", "刘洋", "handoff", "5555"),
    ("sun.li", "孙丽", "handoff", "6666"),
    ("zhang.shifu", "张师傅", "handoff", "7777"),
]


@pytest.fixture
def actor() -> Actor:
    return Actor(operator="duty", station="gate")
