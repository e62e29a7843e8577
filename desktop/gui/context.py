"""What every screen gets: the database handle, the clock, who is signed in, and the runner that
does database work off the UI thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.domain.clock import Clock
from desktop.services.context import Actor

if TYPE_CHECKING:  # the data stack is imported after the window has painted
    from desktop.services.setup import SiteInfo


class Session(QObject):
    """Who is signed in where. Signals: changed() after a sign-in or a station change."""

    changed = Signal()

    def __init__(self, actor: Actor, display_name: str, role: str) -> None:
        super().__init__()
        self.actor = actor
        self.display_name = display_name
        self.role = role

    def sign_in(self, actor: Actor, display_name: str, role: str) -> None:
        self.actor, self.display_name, self.role = actor, display_name, role
        self.changed.emit()


class SettingsSignals(QObject):
    """changed(what) after the settings screen saved: a catalogue key, or "site", "policy",
    "unloading_points", "printer". Screens that keep a setting (rather than reading it through a
    service each time) read it again; services always read the stored value."""

    changed = Signal(str)


@dataclass
class AppContext:
    db: Any  # desktop.store.engine.Database, used only through services and ops
    clock: Clock
    site: SiteInfo
    user: Session
    ops: Any  # desktop.gui.ops.Ops
    settings: SettingsSignals = field(default_factory=SettingsSignals)

    @property
    def actor(self) -> Actor:
        return self.user.actor
