"""For developers: `python -m desktop.store.devtools "what changed" REV_ID` autogenerates a
migration from the difference between the models and the current head."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from desktop.store.engine import make_engine
from desktop.store.migrate import alembic_config


def new_revision(message: str, rev_id: str) -> None:
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


if __name__ == "__main__":
    new_revision(sys.argv[1], sys.argv[2])
