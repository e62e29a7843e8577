"""设置: every rule of the site on a screen, for administrators (the services refuse anyone else).

A list of pages on the left — the site, each section of the settings catalogue, the rules per
level, unloading points, printers — and the chosen page on the right with its own Save and Revert.
Changes take effect without a restart: services read the stored settings each time, and the
window re-reads what it keeps (the site's name) on ctx.settings.changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget

from desktop.domain import settings_catalog as catalog
from desktop.gui.stations.base import StationPage
from desktop.gui.stations.settings.base import OptionPage
from desktop.gui.stations.settings.catalog_page import CatalogPage
from desktop.gui.stations.settings.points_page import PointsPage
from desktop.gui.stations.settings.policy_page import PolicyPage
from desktop.gui.stations.settings.printer_page import PrinterPage
from desktop.gui.stations.settings.site_page import SitePage


class SettingsPage(StationPage):
    key = "settings"

    def __init__(self, *args, **kw) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kw)
        self.pages: list[OptionPage] = [SitePage(self.ctx, self)]
        for section in catalog.SECTIONS:
            if section == "site":
                continue
            self.pages.append(CatalogPage(self.ctx, section, self))
            if section == "gate":
                self.pages.append(PolicyPage(self.ctx, self))
            if section == "disinfection":
                self.pages.append(PointsPage(self.ctx, self))
        self.pages.append(PrinterPage(self.ctx, self))
        self.sections = QListWidget(self)
        self.sections.setObjectName("settings_sections")
        self.sections.setFixedWidth(170)
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.sections.addItem(page.title())
            self.stack.addWidget(page)
        self.sections.setCurrentRow(0)  # read when the page is shown (activated), not before
        self.sections.currentRowChanged.connect(self._go)
        row = QHBoxLayout(self)
        row.addWidget(self.sections)
        row.addWidget(self.stack, 1)

    def title(self) -> str:
        return self.tr("设置")

    def page(self, name: str) -> OptionPage:
        return next(p for p in self.pages if p.name == name)

    def show_section(self, name: str) -> OptionPage:
        page = self.page(name)
        self.sections.setCurrentRow(self.pages.index(page))
        return page

    def _go(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.pages[row].say("", ok=True)
        self.pages[row].load()

    def activated(self) -> None:
        self.stack.currentWidget().load()  # type: ignore[union-attr]

    def screenshot_states(self) -> list[tuple[str, Callable[[], None]]]:
        return [(p.name, lambda p=p: self.show_section(p.name) and None) for p in self.pages]
