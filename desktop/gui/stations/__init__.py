"""The station screens, in the order the main window lists them (Ctrl+1, Ctrl+2, ...).

Each entry is (key, title, "module:Class"). The title shows in the navigation before the page
module is imported: page modules pull in the data stack, which is loaded only after the window
has painted.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from desktop.gui.stations.base import StationPage

PAGES = [
    ("review", QT_TRANSLATE_NOOP("Stations", "审核"), "desktop.gui.stations.review:ReviewPage"),
    ("gate", QT_TRANSLATE_NOOP("Stations", "门岗"), "desktop.gui.stations.gate:GatePage"),
    ("disinfection", QT_TRANSLATE_NOOP("Stations", "消杀"), "desktop.gui.stations.disinfection:DisinfectionPage"),
    ("handoff", QT_TRANSLATE_NOOP("Stations", "接驳"), "desktop.gui.stations.handoff:HandoffPage"),
    ("slips", QT_TRANSLATE_NOOP("Stations", "交接单"), "desktop.gui.stations.slips:SlipsPage"),
    ("households", QT_TRANSLATE_NOOP("Stations", "团购"), "desktop.gui.stations.households:HouseholdsPage"),
    ("supervision", QT_TRANSLATE_NOOP("Stations", "督查"), "desktop.gui.stations.supervision:SupervisionPage"),
    ("admin", QT_TRANSLATE_NOOP("Stations", "管理"), "desktop.gui.stations.admin:AdminPage"),
    ("settings", QT_TRANSLATE_NOOP("Stations", "设置"), "desktop.gui.stations.settings:SettingsPage"),
]


def keys() -> list[str]:
    return [key for key, _title, _spec in PAGES]


def titles() -> list[str]:
    return [QCoreApplication.translate("Stations", title) for _key, title, _spec in PAGES]


def page_class(index: int) -> type[StationPage]:
    """The class of the page at `index`, importing its module (and what that module needs)."""
    module, name = PAGES[index][2].split(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def page_classes() -> list[type[StationPage]]:
    return [page_class(i) for i in range(len(PAGES))]
