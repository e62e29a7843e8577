"""Fixtures for the headless commands. Commands act as a named operator whose PIN comes from the
environment (never an argument): the tests act as 周敏, a supervisor, who exists in the `db`
fixture's team and in the demo."""

from pathlib import Path

import pytest

from desktop.store.engine import Database


@pytest.fixture(autouse=True)
def _operator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEHOUSE_OPERATOR", "zhou.min")
    monkeypatch.setenv("GATEHOUSE_PIN", "2468")


@pytest.fixture
def made_db(db: Database, db_path: Path) -> str:
    """The path of a set-up database with its team: commands other than `demo` no longer make one."""
    return str(db_path)
