"""校验审计链 on a long log: a progress bar of the events checked so far, and a way to stop it."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from desktop.bench.audit_fill import fill_audit
from desktop.gui.stations.supervision import SupervisionPage
from desktop.services import verify as verify_service


def _page(qtbot, ctx):
    page = SupervisionPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def test_the_bar_counts_every_event_and_the_report_follows(qtbot, ctx, db_path):
    fill_audit(db_path, 25_000)
    page = _page(qtbot, ctx)
    tab = page.audit
    moves: list[tuple[int, int]] = []
    tab._verify_relay.moved.connect(lambda done, total: moves.append((done, total)))
    qtbot.mouseClick(tab.verify_button, Qt.MouseButton.LeftButton)
    assert not tab.verify_progress.isHidden() and not tab.cancel_verify_button.isHidden()
    assert not tab.verify_button.isEnabled()
    qtbot.waitUntil(lambda: "完好" in tab.result.text(), timeout=60_000)
    total = moves[-1][1]
    assert total > 25_000 and moves[-1] == (total, total)  # the bar reached its end
    assert tab.verify_progress.maximum() == total and tab.verify_progress.value() == total
    assert tab.verify_progress.isHidden() and tab.cancel_verify_button.isHidden()
    assert tab.verify_button.isEnabled()


def test_cancel_stops_the_check_and_says_it_reached_no_conclusion(qtbot, ctx, db_path, monkeypatch):
    fill_audit(db_path, 25_000)
    go_on = threading.Event()
    batches = verify_service.plain_batches

    def held(conn, findings, batch=10_000):  # the first batch, then wait until the person has clicked
        for i, rows in enumerate(batches(conn, findings, batch)):
            if i == 1:
                go_on.wait(30)
            yield rows

    monkeypatch.setattr(verify_service, "plain_batches", held)
    page = _page(qtbot, ctx)
    tab = page.audit
    qtbot.mouseClick(tab.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.verify_progress.value() == 10_000, timeout=30_000)
    assert "10000" in tab.verify_progress.text().replace(",", "")  # "已核对 10000 / N 条审计记录"
    qtbot.mouseClick(tab.cancel_verify_button, Qt.MouseButton.LeftButton)
    assert not tab.cancel_verify_button.isEnabled()
    go_on.set()
    qtbot.waitUntil(lambda: "已取消" in tab.result.text(), timeout=30_000)
    assert "20000" in tab.result.text() and "完好" not in tab.result.text()
    assert tab.verify_progress.isHidden() and tab.verify_button.isEnabled()
