"""Issue #11 item 7: a long import shows its progress in the window, and Cancel leaves nothing of
the sheet behind."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func
from sqlmodel import select

from desktop.gui.stations.review import ReviewPage
from desktop.services import import_staging
from desktop.store.models import Approval
from tests.services.sheets import DRIVER_IDS, write_xlsx

DAY = "2026-11-30"


def _rows(n: int) -> list[list[object]]:
    return [[f"苏N{i:05d}", "宿迁市苏果超市配送中心", f"司机{i}", DRIVER_IDS[i % len(DRIVER_IDS)], f"138{i:08d}", "",
             "大米 5袋", DAY, "接驳", "", "", "", ""] for i in range(n)]


def _page(window) -> ReviewPage:
    window.show_page(window.page_index("review"))
    page = window.current_page()
    assert isinstance(page, ReviewPage)
    page.day.setDate(QDate(2026, 11, 30))
    return page


def _approvals(db) -> int:
    with db.session(write=False) as s:
        return s.exec(select(func.count()).select_from(Approval)).one()


def _slow_rows(monkeypatch) -> None:
    """Each row takes a while, so that a person can press Cancel half-way."""
    step = import_staging.Stager.step
    monkeypatch.setattr(import_staging, "CHUNK_ROWS", 20)

    def slow(self, done):  # type: ignore[no-untyped-def]
        time.sleep(0.01)
        step(self, done)

    monkeypatch.setattr(import_staging.Stager, "step", slow)


def test_cancel_in_the_progress_window_imports_nothing(window, qtbot, db, tmp_path, monkeypatch):
    page = _page(window)
    _slow_rows(monkeypatch)
    path = write_xlsx(tmp_path / "名单.xlsx", _rows(400))
    monkeypatch.setattr("desktop.gui.stations.review.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "import_progress", None) is not None
                    and page.import_progress.dialog.value() >= 100, timeout=30_000)
    dialog = page.import_progress.dialog
    assert dialog.isVisible() and dialog.maximum() == 400
    assert "100" in dialog.labelText() or "/ 400" in dialog.labelText()
    shot = os.environ.get("GATEHOUSE_SCREENSHOT_DIR")
    if shot:
        dialog.grab().save(str(Path(shot) / "review-import-progress.png"))
    cancel = dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已取消" in page.message.text(), timeout=30_000)
    assert not dialog.isVisible()
    assert _approvals(db) == 0
    assert page.model.rowCount() == 0


def test_a_finished_import_closes_its_progress_window(window, qtbot, db, tmp_path, monkeypatch):
    from desktop.gui.stations.review.progress import ImportProgress

    page = _page(window)
    shown: list[ImportProgress] = []
    finish = ImportProgress.finish
    monkeypatch.setattr(ImportProgress, "finish", lambda self: (shown.append(self), finish(self)))
    path = write_xlsx(tmp_path / "名单.xlsx", _rows(30))
    monkeypatch.setattr("desktop.gui.stations.review.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "report_dialog", None) is not None and page.report_dialog.isVisible(),
                    timeout=30_000)
    assert len(shown) == 1 and not shown[0].dialog.isVisible() and page.import_progress is None
    assert "导入 30 条" in page.report_dialog.summary.text()
    assert _approvals(db) == 30
    assert page.selected_day() == date(2026, 11, 30)
