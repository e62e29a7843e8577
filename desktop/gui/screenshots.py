"""Render every screen with demo data to PNG files, offscreen (`gatehouse screenshots`).

Unattended: a dialog that a screen opens (a supervisor's sign-in, a message box) is saved as a
picture and closed by a timer, so the run never waits for a person."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.clock import Clock, SystemClock
from desktop.gui.application import make_app
from desktop.gui.main_window import MainWindow
from desktop.gui.signin import SignInDialog
from desktop.outfiles import replacing
from desktop.services.context import Actor

Look = Callable[[QWidget, str], None]


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


class DialogCloser:
    """Every modal dialog that opens is photographed into `out` and rejected: nobody is there."""

    def __init__(self, out: Path, written: list[Path], look: Look | None = None) -> None:
        self.out, self.written, self.name, self.look = out, written, "dialog", look
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._close)
        self.timer.start()

    def _close(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        self.written.append(_save(modal, self.out / f"{self.name}-dialog.png"))
        if self.look is not None:
            self.look(modal, f"{self.name}-dialog")
        reject = getattr(modal, "reject", None)
        (reject or modal.close)()

    def stop(self) -> None:
        self.timer.stop()


def render_all(out: Path, *, db, language: str = "zh", operator: str = "zhou.min",  # type: ignore[no-untyped-def]
               clock: Clock | None = None, progress: Callable[[str], None] = lambda _step: None,
               look: Look | None = None) -> list[Path]:
    """Write one PNG per screen state of the app running on `db` (normally a demo database), with
    `clock` (the demo's) as the app's clock; `progress` hears which screen is being drawn; `look`
    (the English render test's) is shown each screen and dialog as it is drawn, with its name."""
    from desktop.app import build_context

    out.mkdir(parents=True, exist_ok=True)
    make_app(language)
    ctx = build_context(db, clock or SystemClock(), operator=operator)
    written: list[Path] = []
    closer = DialogCloser(out, written, look)
    progress("signin")
    signin = SignInDialog(ctx.ops, last={"operator": "li.qiang", "station": "gate"})
    signin.show()
    settle(ctx.ops, 2)
    written.append(_save(signin, out / "signin.png"))
    if look is not None:
        look(signin, "signin")
    signin.close()
    window = MainWindow(ctx)
    window.auto_backup.stop()  # pictures of the screens, not a working session: no backups
    window.resize(1366, 768)
    window.show()
    done: set[int] = set()
    for who in (None, ("admin", "管理员", "admin")):  # the supervisor sees every station; admin, the rest
        if who is not None:
            ctx.user.sign_in(Actor(who[0], who[2]), who[1], who[2])
            settle(ctx.ops)
        for index, page in enumerate(window.pages):
            if index in done or not window.may_open(index):
                continue
            done.add(index)
            window.show_page(index)
            settle(ctx.ops)
            for suffix, enter_state in page.screenshot_states():
                enter_state()
                settle(ctx.ops)
                name = f"{index + 1:02d}-{page.key}{'-' + suffix if suffix else ''}.png"
                closer.name = name.removesuffix(".png")
                progress(name)
                written.append(_save(window, out / name))
                if look is not None:
                    look(window, name.removesuffix(".png"))
    window.close()
    closer.stop()
    ctx.ops.wait_idle()
    app = QApplication.instance()
    if app is not None:
        app.processEvents()
    return written
