"""Render every screen with demo data to PNG files, offscreen (`gatehouse screenshots`)."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.clock import SystemClock
from desktop.gui.application import make_app
from desktop.gui.main_window import MainWindow
from desktop.gui.signin import SignInDialog
from desktop.outfiles import replacing


def settle(ops, rounds: int = 6) -> None:  # type: ignore[no-untyped-def]
    """Let background reads finish and their results paint."""
    for _ in range(rounds):
        ops.wait_idle(10_000)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        loop = QEventLoop()
        QTimer.singleShot(30, loop.quit)
        loop.exec()


def _save(widget: QWidget, path: Path) -> Path:
    with replacing(path, "png") as tmp:  # never over the database or a file of another kind
        widget.grab().save(str(tmp), "PNG")
    return path


def render_all(out: Path, *, db, language: str = "zh", operator: str = "admin") -> list[Path]:  # type: ignore[no-untyped-def]
    """Write one PNG per screen state of the app running on `db` (normally a demo database)."""
    from desktop.app import build_context

    out.mkdir(parents=True, exist_ok=True)
    make_app(language)
    ctx = build_context(db, SystemClock(), operator=operator)
    written = []
    signin = SignInDialog(ctx.ops, last={"operator": "li.qiang", "station": "gate"})
    signin.show()
    settle(ctx.ops, 2)
    written.append(_save(signin, out / "signin.png"))
    signin.close()
    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    for index, page in enumerate(window.pages):
        window.show_page(index)
        settle(ctx.ops)
        for suffix, enter_state in page.screenshot_states():
            enter_state()
            settle(ctx.ops)
            name = f"{index + 1:02d}-{page.key}{'-' + suffix if suffix else ''}.png"
            written.append(_save(window, out / name))
    window.close()
    ctx.ops.wait_idle()
    app = QApplication.instance()
    if app is not None:
        app.processEvents()
    return written
