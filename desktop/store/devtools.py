"""For developers: `python -m desktop.store.devtools "what changed" REV_ID` autogenerates a
migration from the difference between the models and the current head."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from desktop.store.engine import make_engine
from desktop.store.migrate import MIGRATIONS, alembic_config


def new_revision(message: str, rev_id: str) -> None:
    """Autogenerate `rev_id`. Until the first release, "0001" rewrites the initial migration
    from the models (run it after changing models.py)."""
    if rev_id == "0001":
        for old in (MIGRATIONS / "versions").glob("0001_*.py"):
            old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(str(Path(tmp) / "head.sqlite3"))
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()
    if rev_id == "0001":
        for made in (MIGRATIONS / "versions").glob("0001_*.py"):
            made.rename(made.with_name("0001_initial.py"))


if __name__ == "__main__":
    new_revision(sys.argv[1], sys.argv[2])
