"""The Qt halves of `gatehouse bench`: what a screen costs, measured on real widgets.

The bench modules in desktop/bench set up data and report figures; the parts that touch Qt live
here, so nothing outside desktop/gui imports PySide6.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from desktop.bench import median_ms


def board_update_ms(make_board: Callable[[], Any], clock: Any, rows: int) -> float:
    """Median ms of one board tick that paints the visible rows, as the board's QTimer does."""
    from desktop.gui.stations.disinfection.board import TimerBoard

    app = QApplication.instance() or QApplication([])
    board = TimerBoard(clock, sound=None)
    board.resize(560, 640)
    board.set_board(make_board())
    board.canvas.resize(540, max(1, rows) * 84)
    image = QImage(540, 600, QImage.Format.Format_ARGB32_Premultiplied)

    def update() -> None:
        clock.advance(0.25)
        board.tick()
        painter = QPainter(image)
        board.canvas.render(painter, QPoint(0, 0), QRect(0, 0, 540, 600))
        painter.end()

    result = median_ms(update, repeat=60, warmup=5)
    board.deleteLater()
    app.processEvents()
    return result


def handoff_screen_times(db: Any, clock: Any, site: Any, actor: Any, numbers: list[str]) -> dict[str, list[float]]:
    """Type each number as a scanner burst into the handoff page; ms from Enter to the painted
    verdict, and for repainting the panel alone."""
    from PySide6.QtTest import QTest  # not in the frozen bundle: this bench runs from source

    from desktop.gui.context import AppContext, Session
    from desktop.gui.ops import Ops
    from desktop.gui.scan_input import ScanInput
    from desktop.gui.stations.handoff import HandoffPage

    app = QApplication.instance() or QApplication([])
    ops = Ops(db)
    ctx = AppContext(db=db, clock=clock, site=site, user=Session(actor, "bench", "handoff"), ops=ops)
    page = HandoffPage(ctx)
    page.receiver.setText("王师傅")  # a release names its receiver and destination (handoff.require_*)
    page.destination.setEditText("一食堂")
    page.resize(1366, 700)
    page.show()
    ScanInput.install(app).scanned.connect(page.scanned)
    page.activateWindow()
    page.entry.setFocus()
    ops.wait_idle()
    app.processEvents()

    def until_painted(action: Any) -> float:
        loop = QEventLoop()
        page.panel.painted.connect(loop.quit)
        QTimer.singleShot(5000, loop.quit)
        t0 = time.perf_counter()
        action()
        loop.exec()
        page.panel.painted.disconnect(loop.quit)
        return (time.perf_counter() - t0) * 1000

    scan_ms, paint_ms = [], []
    for number in numbers:
        clock.advance(0.05)
        QTest.keyClicks(page.entry, number)  # microseconds apart: a burst
        scan_ms.append(until_painted(lambda: QTest.keyClick(page.entry, Qt.Key.Key_Return)))
        last = page.panel.headline.text()
        paint_ms.append(until_painted(lambda last=last: page.panel.show_idle(last + " ", "")))
    ops.wait_idle()
    return {"scan": scan_ms, "paint": paint_ms}
