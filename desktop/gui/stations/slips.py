"""Handoff slips (交接单): the day's slips, issuing slips for goods that have none, preview,
print, reprint and void. A scan on this page finds the slip."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from desktop.gui.slip_list import SlipListWidget
from desktop.gui.stations.base import StationPage


class SlipsPage(StationPage):
    key = "slips"

    def __init__(self, *args, **kw) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kw)
        heading = QLabel(self.tr("交接单：开单、预览、打印、补打、作废"), self)
        heading.setObjectName("heading")
        self.slip_list = SlipListWidget(self.ctx, self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.slip_list, 1)

    def title(self) -> str:
        return self.tr("交接单")

    def activated(self) -> None:
        self.slip_list.refresh()
        self.slip_list.find.setFocus()

    def scanned(self, code: str) -> bool:
        self.slip_list.find.setText(code)
        self.slip_list.find.setFocus()
        return True
