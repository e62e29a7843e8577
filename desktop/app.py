"""The one place that wires settings, paths, the database and the windows together."""

from __future__ import annotations

import sys
import time

from desktop.domain.clock import Clock, SystemClock
from desktop.i18n import set_language, t
from desktop.paths import resolve_db
from desktop.services import setup
from desktop.services.context import Actor
from desktop.store.engine import Database
from desktop.store.errors import StoreError
from desktop.store.migrate import open_database


def build_context(db: Database, clock: Clock, *, operator: str | None = None, station: str | None = None):  # type: ignore[no-untyped-def]
    """The AppContext every screen gets. Signs in `operator` at `station` (default: admin at gate)."""
    from desktop.gui.context import AppContext, Session
    from desktop.gui.ops import Ops

    with db.session() as session:
        site = setup.ensure_initial(session, now=clock.now())
        operators = {o.username: o for o in setup.list_operators(session)}
        stations = [name for name, _kind in setup.list_stations(session)]
    op = operators.get(operator or "") or operators.get("admin") or next(iter(operators.values()))
    where = station if station in stations else ("gate" if "gate" in stations else stations[0])
    user = Session(Actor(operator=op.username, station=where), op.display_name, op.role)
    return AppContext(db=db, clock=clock, site=site, user=user, ops=Ops(db))


def _open_or_explain(target: str) -> Database | None:
    from PySide6.QtWidgets import QMessageBox

    try:
        return open_database(target)
    except StoreError as exc:
        print(f"gatehouse: {exc}", file=sys.stderr)
        QMessageBox.critical(None, t("无法打开数据库", "Cannot open the database"), str(exc))
        return None


def run_gui(*, db_target: str | None, lang: str | None, station: str | None = None) -> int:
    from PySide6.QtWidgets import QDialog

    from desktop.gui import crash, prefs
    from desktop.gui.application import install_translator, make_app
    from desktop.gui.main_window import MainWindow
    from desktop.gui.scan_input import ScanInput
    from desktop.gui.signin import SignInDialog

    local = prefs.load()
    language = lang or local.get("language", "zh")
    set_language(language)
    crash.install()
    app = make_app(language)
    db = _open_or_explain(resolve_db(db_target))
    if db is None:
        return 2
    ctx = build_context(db, SystemClock(), operator=local.get("operator"), station=station or local.get("station"))
    crash.offer_previous_crash(None)
    dialog = SignInDialog(ctx.ops, last={"operator": ctx.actor.operator, "station": station or ctx.actor.station})
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_actor is None:
        db.dispose()
        return 0
    ctx.user.sign_in(dialog.result_actor, dialog.result_name, dialog.result_role)
    prefs.save(operator=dialog.result_actor.operator, station=dialog.result_actor.station)
    holder: dict[str, MainWindow] = {}
    scans = ScanInput.install(app)  # barcode scans caught wherever the focus is

    def show_window() -> None:
        window = MainWindow(ctx)
        window.language_requested.connect(switch_language)
        scans.scanned.connect(window.deliver_scan)
        old = holder.get("window")
        if old is not None:
            scans.scanned.disconnect(old.deliver_scan)
            window.setGeometry(old.geometry())
            old.hide()
            old.deleteLater()
        holder["window"] = window
        window.show()

    def switch_language(code: str) -> None:
        prefs.save(language=code)
        install_translator(app, code)
        show_window()  # rebuilt in the new language

    show_window()
    code = app.exec()
    ctx.ops.wait_idle()
    db.dispose()
    return code


def first_paint_probe(db_target: str, t0: float) -> float:
    """For the startup bench: seconds from `t0` until the main window has painted once."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from desktop.gui.application import make_app
    from desktop.gui.main_window import MainWindow

    app = make_app("zh", [sys.argv[0]])
    db = open_database(db_target)
    ctx = build_context(db, SystemClock())
    window = MainWindow(ctx)
    painted: list[float] = []

    class Probe(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter() - t0)
                QTimer.singleShot(0, app.quit)
            return False

    probe = Probe()
    window.installEventFilter(probe)
    window.show()
    app.exec()
    ctx.ops.wait_idle()
    db.dispose()
    return painted[0]
