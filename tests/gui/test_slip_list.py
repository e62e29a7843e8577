"""The day's slips list: find by typing a number, open the preview, issue for goods without a slip."""

from PySide6.QtCore import Qt

from desktop.gui.slip_list import SlipListWidget
from desktop.services import consignments, slips


def test_find_open_and_issue_missing(qtbot, ctx, db, clock, tmp_path):
    with db.session() as s:
        a = consignments.create(s, actor=ctx.actor, now=clock.now(), category="大米", quantity=20, unit="袋",
                                destination="一食堂 13812341234")
        consignments.create(s, actor=ctx.actor, now=clock.now(), category="面粉", quantity=10, unit="袋")
        slip = slips.issue_slip(s, actor=ctx.actor, now=clock.now(), consignment_id=a.id)
    w = SlipListWidget(ctx)
    qtbot.addWidget(w)
    w.show()
    w.refresh()
    qtbot.waitUntil(lambda: w.table.rowCount() == 1)
    assert w.table.item(0, 0).text() == slip.number
    assert w.table.item(0, 4).text() == "一食堂 138****1234"
    assert "未开单物资 1 批" in w.summary.text()

    qtbot.keyClicks(w.find, slip.number[3:7].lower())  # part of the number, as typed
    assert w.selected() == slip
    qtbot.keyClick(w.find, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(w.dialog, "slip", None) is not None)
    assert w.dialog.slip.number == slip.number
    w.dialog.close()

    qtbot.mouseClick(w.issue_button, Qt.MouseButton.LeftButton)
    issue = w.dialog
    qtbot.waitUntil(lambda: issue.table.rowCount() == 1)
    qtbot.mouseClick(issue.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.table.rowCount() == 2 and not w.issue_button.isEnabled(), timeout=10_000)
    issue.preview.close()
    issue.close()
