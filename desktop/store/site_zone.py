"""Apply the site's stored time zone when a database is opened, before anything reads a time.

The setting lives in the `setting` table under KEY (written by desktop.services.site); this
module only reads it, so every way in — the window, each command, the demo, the tests — gets
the same zone without each caller remembering to ask.
"""

from __future__ import annotations

import json

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from desktop.domain import localtime
from desktop.store.engine import Database

KEY = "site.time_zone"


def stored_zone(db: Database) -> str | None:
    """The zone name the site chose, or None (no setting yet, no settings table yet)."""
    try:
        with db.engine.connect() as conn:
            raw = conn.execute(text("SELECT value FROM setting WHERE key = :k"), {"k": KEY}).scalar()
    except DatabaseError:
        return None
    try:
        value = json.loads(raw) if raw else None
    except ValueError:
        return None
    return value if isinstance(value, str) and value.strip() else None


def apply(db: Database) -> str:
    """Make the site's stored zone the one `localtime.site_tz()` answers; returns the zone in force.
    A name this machine does not know falls back to the default rather than stopping the app."""
    name = stored_zone(db)
    try:
        localtime.configure(name)
    except ValueError:
        localtime.configure(None)
    return localtime.site_tz_name()
