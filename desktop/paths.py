"""Where Gatehouse keeps its files: the user's data folder, crash logs, bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop.i18n import t

APP_DIR_NAME = "Gatehouse"
DB_ENV = "GATEHOUSE_DB"


def _xdg_home(var: str, default: str) -> Path | None:
    """On Linux, the folder platformdirs (>= 4.0) names for an XDG base directory, in the cases
    where every such version names the same one — the variable set to an absolute path, or unset
    with an absolute $HOME — found without importing platformdirs (~14 ms before the window's first
    paint); None for anything else, which platformdirs then answers."""
    if not sys.platform.startswith("linux") or (
            os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system"):
        return None
    value = os.environ.get(var, "")
    if value and os.path.isabs(value):
        return Path(value) / APP_DIR_NAME
    home = os.environ.get("HOME", "")
    if value.strip() or not os.path.isabs(home):
        return None
    return Path(home) / default / APP_DIR_NAME


def data_dir() -> Path:
    """The per-user data folder (created on demand)."""
    override = os.environ.get("GATEHOUSE_DATA_DIR")
    if override:
        path = Path(override)
    else:
        quick = _xdg_home("XDG_DATA_HOME", ".local/share")
        if quick is not None:
            path = quick
        else:
            from platformdirs import user_data_path  # ~14 ms to import: only when needed

            path = user_data_path(APP_DIR_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    override = os.environ.get("GATEHOUSE_DATA_DIR")
    if override:
        path = Path(override) / "logs"
    else:
        quick = _xdg_home("XDG_STATE_HOME", ".local/state")
        if quick is not None:
            path = quick / "log"
        else:
            from platformdirs import user_log_path

            path = user_log_path(APP_DIR_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "gatehouse.sqlite3"


class BlankDatabaseSetting(ValueError):
    """`--db ""` or an empty $GATEHOUSE_DB: a mistake (an unset shell variable), not a request
    for the default database."""


def resolve_db(arg: str | None) -> str:
    """`--db` wins, then $GATEHOUSE_DB, then the file in the data folder. URLs pass through.
    A given but blank value raises BlankDatabaseSetting rather than quietly meaning the default."""
    for value, name in ((arg, "--db"), (os.environ.get(DB_ENV), DB_ENV)):
        if value is None:
            continue
        if not value.strip():
            raise BlankDatabaseSetting(t("{n} 为空：请给出数据库文件或地址。",
                                         "{n} is empty: give a database file or URL.", n=name))
        return value
    return str(default_db_path())


def resources_dir() -> Path:
    """`resources/` beside the package, or inside a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
