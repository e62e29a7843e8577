"""Fixtures for the headless commands."""

from pathlib import Path

import pytest

from desktop.store.engine import Database


@pytest.fixture
def made_db(db: Database, db_path: Path) -> str:
    """The path of a set-up database: commands other than `demo` no longer make one."""
    return str(db_path)
