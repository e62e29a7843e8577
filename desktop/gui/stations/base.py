"""The base of every station screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.gui.context import AppContext


class StationPage(QWidget):
    """One station's screen in the main window.

    Subclasses set `key` (gate, disinfection, handoff, supervision, admin, review...) and
    implement `title()`. `activated()` is called each time the page is shown; `scanned(code)`
    receives a barcode scan caught anywhere in the window while this page is showing (return
    True when the page used it).
    """

    key = ""
    icon = ""  # file name in resources/icons

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"page_{self.key}")

    def title(self) -> str:
        raise NotImplementedError

    def activated(self) -> None:
        """The page became visible: refresh what it shows."""

    def scanned(self, code: str) -> bool:
        return False

    def settings_changed(self, what: str) -> None:
        """The settings page saved `what` (comma-separated keys, or site / policy / unloading_points
        / printer): a page that keeps a setting on screen reads it again. Services read settings
        each time, so most pages need nothing."""

    def screenshot_states(self) -> list[tuple[str, Callable[[], None]]]:
        """For `gatehouse screenshots`: (suffix, put-the-page-in-that-state) pairs, run in order on
        demo data after `activated()`. Override to show a page at work (a vehicle looked up, a
        verdict shown); the default is the page as it opens."""
        return [("", lambda: None)]
