"""Issuing slips for consignments from the reusable dialog other screens open."""

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.gui import printing
from desktop.gui.slip_actions import IssueSlipsDialog
from desktop.services import consignments, slips


def _goods(db, ctx, clock, n):
    with db.session() as s:
        return [consignments.create(s, actor=ctx.actor, now=clock.now(), category=f"cat{i}", quantity=i + 1, unit="箱",
                                    recipient=f"R{i} 1381234123{i}").id
                for i in range(n)]


def _open(qtbot, ctx, ids, tmp_path):
    dlg = IssueSlipsDialog(ctx, consignment_ids=ids, pdf_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.table.rowCount() == len(ids))
    return dlg


def test_issue_all_then_one_more_is_refused_and_preview_opens_for_a_single_slip(qtbot, ctx, db, clock, tmp_path):
    ids = _goods(db, ctx, clock, 2)
    dlg = _open(qtbot, ctx, ids, tmp_path)
    assert dlg.table.item(0, 3).text() == "未开单"
    assert dlg.table.item(1, 2).text() == "R1 138****1231"  # phones never in full on screen either
    qtbot.mouseClick(dlg.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(r.slip for r in dlg.rows) and not dlg.busy)
    numbers = [dlg.table.item(r, 3).text() for r in range(2)]
    assert all(n.startswith("GH-") for n in numbers)
    assert not dlg.issue_button.isEnabled()  # every consignment has its slip
    dlg.table.selectRow(1)
    qtbot.mouseClick(dlg.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.preview.slip is not None)
    assert dlg.preview.slip.number == numbers[1]
    dlg.preview.close()
    dlg.grab().save(str(tmp_path / "issue.png"))


def test_auto_print_sends_new_slips_to_the_station_printer(qtbot, ctx, db, clock, tmp_path):
    ids = _goods(db, ctx, clock, 2)
    with db.session() as s:
        slips.save_print_settings(s, actor=ctx.actor, now=clock.now(), printer=printing.PDF_PRINTER, paper="80mm",
                                  auto_print=True)
    dlg = _open(qtbot, ctx, ids, tmp_path)
    assert dlg.auto_print.isChecked()
    qtbot.mouseClick(dlg.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(list(Path(tmp_path).glob("GH-*.pdf"))) == 2, timeout=20_000)

    def counts():
        with db.session(write=False) as s:
            return [slips.slip_for_consignment(s, cid).print_count for cid in ids]

    qtbot.waitUntil(lambda: counts() == [1, 1], timeout=20_000)
    qtbot.waitUntil(lambda: "已打印" in dlg.message.text())
