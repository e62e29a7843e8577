"""This machine's own preferences (language, who signed in last), kept in the data folder —
not in the shared database, and never in the real folder during tests."""

from __future__ import annotations

import json
from typing import Any

from desktop.paths import data_dir


def _path():  # type: ignore[no-untyped-def]
    return data_dir() / "local.json"


def load() -> dict[str, Any]:
    try:
        return json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save(**changes: Any) -> None:
    merged = {**load(), **changes}
    tmp = _path().with_suffix(".tmp")
    tmp.write_text(json.dumps(merged, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(_path())
