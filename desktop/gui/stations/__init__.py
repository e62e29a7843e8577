"""The station screens, in the order the main window lists them (Ctrl+1, Ctrl+2, ...).

Each entry is "module:Class"; a station issue replaces its placeholder with its own page.
"""

from __future__ import annotations

import importlib

from desktop.gui.stations.base import StationPage

PAGES = [
    "desktop.gui.stations.review:ReviewPage",
    "desktop.gui.stations.gate:GatePage",
    "desktop.gui.stations.placeholder:DisinfectionPage",
    "desktop.gui.stations.placeholder:HandoffPage",
    "desktop.gui.stations.supervision:SupervisionPage",
    "desktop.gui.stations.admin:AdminPage",
]


def page_classes() -> list[type[StationPage]]:
    out = []
    for spec in PAGES:
        module, name = spec.split(":")
        out.append(getattr(importlib.import_module(module), name))
    return out
