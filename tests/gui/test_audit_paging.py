"""The audit tab reads the log a page at a time: scrolling to the end of the table (End, Page Down
or the wheel) fetches the page before the last event shown, back to the first event, each once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.services import audit, setup
from desktop.services.context import Actor
from tests.gui.test_supervision_page import page  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


def _ids(tab) -> list[int]:
    return [int(r["id"]) for r in tab.model.rows]


def test_scrolling_to_the_end_reads_older_events_back_to_the_first(qtbot, page, db, clock, monkeypatch):  # noqa: F811
    with db.session() as s:
        for i in range(60):
            setup.set_setting(s, actor=Actor("admin", "admin"), now=clock.now(), key=f"page.{i}", value=i)
    with db.session(write=False) as s:
        whole = [e["id"] for e in audit.recent(s, limit=100_000)]
    tab = page.audit
    monkeypatch.setattr(tab, "PAGE", 5)
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.tabs.indexOf(tab)).center())
    assert page.tabs.currentWidget() is tab
    tab.refresh()
    # the table fetches pages until its rows fill the view, and no further
    qtbot.waitUntil(lambda: len(_ids(tab)) >= 5 and _ids(tab) == whole[:len(_ids(tab))])
    qtbot.wait(200)
    assert 5 <= len(tab.model.rows) < len(whole) and tab.model.more
    assert "滚动到底部" in tab.shown.text() and f"{len(tab.model.rows):,}" in tab.shown.text()
    tab.table.setFocus()
    for _ in range(len(whole)):
        shown = len(tab.model.rows)
        if not tab.model.more:
            break
        qtbot.keyClick(tab.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda shown=shown: len(tab.model.rows) > shown or not tab.model.more)
    # every event once, newest first, and the label says the end was reached
    assert _ids(tab) == whole
    qtbot.waitUntil(lambda: tab.shown.text() == f"共 {len(whole):,} 条记录")
    # a refresh starts again at the newest page (and fills the view from there)
    tab.refresh()
    qtbot.waitUntil(lambda: 5 <= len(_ids(tab)) < len(whole) and _ids(tab) == whole[:len(_ids(tab))])


def test_a_page_that_comes_after_a_refresh_is_dropped(qtbot, page, monkeypatch):  # noqa: F811
    tab = page.audit
    monkeypatch.setattr(tab, "PAGE", 5)
    tab.refresh()
    qtbot.waitUntil(lambda: len(tab.model.rows) == 5)
    newest = _ids(tab)
    tab.model.fetchMore()  # asked for page 2 …
    tab.refresh()          # … then refreshed before it came
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not tab.model.fetching)
    assert _ids(tab) == newest  # page 2 did not land after the refreshed page 1
