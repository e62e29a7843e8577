"""A settings page made from the catalogue: one row per entry of a section, its editor chosen by
the entry's kind, its help under it. Save changes every edited key through settings.change (one
transaction: administrators only, bounded, audited old → new)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop.domain import settings_catalog as catalog
from desktop.gui.context import AppContext
from desktop.gui.stations.settings.base import OptionPage
from desktop.gui.stations.settings.editors import Editor, editor_for
from desktop.i18n import language
from desktop.services import settings


class CatalogPage(OptionPage):
    def __init__(self, ctx: AppContext, section: str, parent: QWidget | None = None) -> None:
        self.name = section
        super().__init__(ctx, parent)
        self.section = section
        self.editors: dict[str, Editor] = {}
        self.stored: dict[str, Any] = {}
        self.form = QFormLayout()
        self.body.addLayout(self.form)
        self.body.addStretch(1)
        zh = language() == "zh"
        for entry in catalog.ENTRIES:
            if entry.section != section:
                continue
            editor = editor_for(entry, self)
            self.editors[entry.key] = editor
            self.form.addRow(entry.label_zh if zh else entry.label_en, editor)
            help_text = entry.help_zh if zh else entry.help_en
            if help_text:
                note = QLabel(help_text, self)
                note.setWordWrap(True)
                note.setStyleSheet("color: #5f6b7a;")
                self.form.addRow("", note)

    def title(self) -> str:
        zh, en = catalog.SECTIONS[self.section]
        return zh if language() == "zh" else en

    def load(self) -> None:
        keys = list(self.editors)
        self.ctx.ops.read(lambda s: {k: settings.value(s, k) for k in keys}, on_done=self._show)

    def _show(self, values: dict[str, Any]) -> None:
        self.stored = values
        for key, value in values.items():
            self.editors[key].set_value(value)

    def edited(self) -> dict[str, Any]:
        """The keys whose editor no longer shows the stored value."""
        return {k: e.value() for k, e in self.editors.items() if e.value() != self.stored.get(k)}

    def save(self) -> None:
        changes = self.edited()
        if not changes:
            self.say(self.tr("没有修改。"), ok=True)
            return
        actor, now = self.ctx.actor, self.ctx.clock.now()

        def work(s):  # type: ignore[no-untyped-def]
            for key, raw in changes.items():
                settings.change(s, actor=actor, now=now, key=key, raw=raw)

        self.write(work, changed=",".join(changes))
