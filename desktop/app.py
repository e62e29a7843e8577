"""The one place that wires settings, paths, the database and the windows together."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from desktop.i18n import set_language
from desktop.paths import resolve_db

# The data stack (SQLAlchemy, sqlmodel, Alembic) takes most of a second to import; it is loaded
# after the window has painted, on a worker thread (desktop.gui.startup). Until that paint this
# module imports nothing it does not need for it.
if TYPE_CHECKING:
    from desktop.domain.clock import Clock
    from desktop.gui.main_window import MainWindow
    from desktop.gui.startup import Startup
    from desktop.store.engine import Database


def build_context(db: Database, clock: Clock, *, operator: str | None = None, station: str | None = None):  # type: ignore[no-untyped-def]
    """The AppContext every screen gets, for a database `prepare_database` (or a demo) has set up.
    Signs in `operator` at `station` (default: admin at gate). Only reads: it runs on the UI thread."""
    from desktop.gui.context import AppContext, Session
    from desktop.gui.ops import Ops
    from desktop.services import setup
    from desktop.services.context import Actor

    with db.session(write=False) as session:
        site = setup.require_site(session)
        operators = {o.username: o for o in setup.list_operators(session)}
        stations = [name for name, _kind in setup.list_stations(session)]
    op = operators.get(operator or "") or operators.get("admin") or next(iter(operators.values()))
    where = station if station in stations else ("gate" if "gate" in stations else stations[0])
    user = Session(Actor(operator=op.username, station=where), op.display_name, op.role)
    return AppContext(db=db, clock=clock, site=site, user=user, ops=Ops(db))


def prepare_database(target: str) -> Database:
    """Open (check, copy aside, upgrade) the database and make sure a site exists. Slow on a big
    or old file: run off the UI thread."""
    from desktop.domain.clock import SystemClock
    from desktop.services import setup
    from desktop.services.audit_adopt import after_upgrade
    from desktop.store.migrate import open_database

    db = open_database(target, on_upgrade=after_upgrade)
    with db.session() as session:
        setup.ensure_initial(session, now=SystemClock().now())
    return db


# Qt platforms that draw without a screen: nothing to check for these.
_HEADLESS_QPA = {"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"}


def display_problem(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str | None:
    """Why the window cannot open here, or None. On Linux without a display Qt aborts the
    process (exit 134) from inside the xcb plugin, which the crash log would then report as a
    crash on the next start; saying so first is kinder and records nothing."""
    if not platform.startswith("linux"):
        return None
    qpa = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if qpa in _HEADLESS_QPA:
        return None
    x11, wayland = environ.get("DISPLAY", "").strip(), environ.get("WAYLAND_DISPLAY", "").strip()
    if (qpa == "xcb" and x11) or (qpa.startswith("wayland") and wayland) or (not qpa and (x11 or wayland)):
        return None
    from desktop.i18n import t

    return t("没有显示器（未设置 DISPLAY 或 WAYLAND_DISPLAY），窗口无法打开；在没有屏幕的机器上请用 "
             "bash installer/bootstrap.sh app 启动（它使用 Xvfb），或使用命令行功能（gatehouse --help）。",
             "no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open; on a machine "
             "without a screen start it with: bash installer/bootstrap.sh app (it uses Xvfb), or use the "
             "commands (gatehouse --help).")


# Called with (window, startup) before the window shows: how the startup bench watches the real
# start (desktop.bench.startup). None in normal use.
START_WATCHER: Callable[[MainWindow, Startup], None] | None = None


def run_gui(*, db_target: str | None, lang: str | None, station: str | None = None) -> int:
    """Paint the window's shell first; then, on a worker thread, open the database while the
    shell gets its font, icons and menus; then sign in and build the pages.
    Without a display: one line saying so, exit 2, and no crash recorded."""
    if lang:
        set_language(lang)
    problem = display_problem()
    if problem:
        print(f"gatehouse: {problem}", file=sys.stderr)
        return 2
    from desktop.gui import crash, prefs
    from desktop.gui.application import make_app
    from desktop.gui.main_window import MainWindow
    from desktop.gui.startup import Startup

    local = prefs.load()
    language = lang or local.get("language", "zh")
    set_language(language)
    crash.install()
    app = make_app(language, defer=True)
    window = MainWindow(shell=True)
    state: dict[str, object] = {"code": 0}
    startup = Startup(window, resolve_db(db_target), station=station or local.get("station"),
                      operator=local.get("operator"), language=language)
    startup.finished.connect(lambda code: state.update(code=code))
    if START_WATCHER is not None:
        START_WATCHER(window, startup)
    window.show()
    startup.start()
    code = app.exec()
    startup.shutdown()
    return int(state["code"] or code)
