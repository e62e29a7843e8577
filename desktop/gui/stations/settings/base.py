"""One page of the settings screen (after Picard's option pages): `load()` reads what is stored,
`save()` writes what changed through the services, Revert shows the stored values again. The
service's refusal is shown inline, under the form; nothing is half-saved (one transaction)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.gui.context import AppContext
from desktop.gui.ops import describe_error


class OptionPage(QWidget):
    name = ""  # a short key: screenshots and tests find the page by it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"settings_{self.name}")
        self.body = QVBoxLayout()
        self.message = QLabel("", self)
        self.message.setObjectName("settings_message")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("settings_save")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("还原"), self)
        self.revert_button.setToolTip(self.tr("放弃未保存的修改，显示已保存的设置"))
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def title(self) -> str:
        raise NotImplementedError

    def load(self) -> None:
        """Read the stored values and show them."""

    def save(self) -> None:
        """Write what changed (one transaction), then say so or show the refusal."""

    def revert(self) -> None:
        self.say("", ok=True)
        self.load()

    def say(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet(f"color: {'#1b7f3b' if ok else '#b00020'}; font-weight: bold;")
        self.message.setText(text)

    def write(self, work: Callable[[Any], Any], *, changed: str, done: Callable[[Any], None] | None = None) -> None:
        """Run `work(session)` as one transaction; on success reload, say "saved" and announce
        `changed` on ctx.settings; on a refusal show it inline (nothing was written)."""

        def finished(result: Any) -> None:
            if done is not None:
                done(result)
            self.say(self.tr("已保存。"), ok=True)
            self.load()
            self.ctx.settings.changed.emit(changed)

        self.ctx.ops.run(work, on_done=finished, on_error=lambda exc: self.say(describe_error(exc), ok=False))
