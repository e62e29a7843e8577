from datetime import timedelta

from handoff_world import slip_for
from PySide6.QtCore import Qt

from desktop.gui.stations.slips import SlipsPage


def test_a_scan_on_the_slips_page_finds_that_slip(window, ctx, qtbot):
    number = ctx.ops.call_now(lambda s: slip_for(s, ctx.clock.now() - timedelta(minutes=5)), write=True)
    window.show_page(window.page_index("slips"))
    page = window.current_page()
    assert isinstance(page, SlipsPage)
    qtbot.waitUntil(lambda: page.slip_list.table.rowCount() == 1)
    window.deliver_scan(number)
    assert page.slip_list.find.text() == number
    visible = [r for r in range(page.slip_list.table.rowCount()) if not page.slip_list.table.isRowHidden(r)]
    assert len(visible) == 1
    assert page.slip_list.table.item(visible[0], 0).text() == number
    qtbot.keyClick(page.slip_list.find, Qt.Key.Key_Escape)
