"""Opening the database for a command."""

from __future__ import annotations

import argparse

from desktop.paths import resolve_db
from desktop.store.engine import Database
from desktop.store.migrate import open_database


def open_db(args: argparse.Namespace) -> Database:
    return open_database(resolve_db(getattr(args, "db", None)))
