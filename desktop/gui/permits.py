"""What the signed-in operator may do, for the screens: hide what their role does not hold.

Only a help (the services are the guard and refuse anyway): a button someone may not use is better
not shown than refused after the click. `may(ctx, permission)` asks desktop.domain.permissions about
the signed-in operator's role; `follow(ctx, [(widget, permission), ...])` hides each widget whose
permission the role lacks, now and again after every sign-in or quick switch (Ctrl+L, idle lock).

Actions another person may authorise with their own account and PIN at that moment (a void, a
recall, an early dwell end) stay visible: their dialog asks for the authoriser.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from desktop.domain.permissions import Permission, allowed
from desktop.gui.context import AppContext


def may(ctx: AppContext, permission: Permission) -> bool:
    """Whether the signed-in operator's role holds `permission`."""
    return allowed(ctx.user.role, permission)


def follow(ctx: AppContext, pairs: Iterable[tuple[QWidget, Permission]]) -> None:
    """Hide each widget whose permission the signed-in role lacks; re-done after an operator switch."""
    pairs = list(pairs)

    def apply() -> None:
        for widget, permission in pairs:
            if isValid(widget):  # a page rebuilt (language switch) leaves its old widgets behind
                widget.setHidden(not may(ctx, permission))

    apply()
    ctx.user.changed.connect(apply)
