"""The site: its name, code (the prefix of slip numbers) and kind, with the catalogue's site
settings (the time zone) under them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.gui.context import AppContext
from desktop.gui.stations.settings.catalog_page import CatalogPage
from desktop.i18n import language
from desktop.services import settings, setup, site


class SitePage(CatalogPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "site", parent)
        self.name = "site"
        self.site_name = QLineEdit(self)
        self.site_name.setObjectName("site_name")
        self.site_code = QLineEdit(self)
        self.site_code.setObjectName("site_code")
        self.site_code.setMaxLength(4)
        self.site_code.setMaximumWidth(90)
        self.site_code.setToolTip(self.tr("2–4个英文字母，交接单号以它开头；开具第一张单后不能再改。"))
        self.site_kind = QComboBox(self)
        self.site_kind.setObjectName("site_kind")
        for kind, (zh, en) in site.SITE_KINDS.items():
            self.site_kind.addItem(zh if language() == "zh" else en, kind)
        self.form.insertRow(0, self.tr("站点名称"), self.site_name)
        self.form.insertRow(1, self.tr("站点代码"), self.site_code)
        self.form.insertRow(2, self.tr("站点类型"), self.site_kind)
        self.stored_site: setup.SiteInfo | None = None

    def title(self) -> str:
        return self.tr("站点")

    def load(self) -> None:
        keys = list(self.editors)

        def read(s):  # type: ignore[no-untyped-def]
            return setup.require_site(s), {k: settings.value(s, k) for k in keys}

        self.ctx.ops.read(read, on_done=self._show_site)

    def _show_site(self, loaded: tuple[setup.SiteInfo, dict[str, Any]]) -> None:
        info, values = loaded
        self.stored_site = info
        self.site_name.setText(info.name)
        self.site_code.setText(info.code)
        index = self.site_kind.findData(info.kind)
        if index < 0:  # a kind from before the three (e.g. county): shown as it is until changed
            self.site_kind.addItem(info.kind, info.kind)
            index = self.site_kind.count() - 1
        self.site_kind.setCurrentIndex(index)
        self._show(values)

    def save(self) -> None:
        changes = self.edited()
        name, code, kind = self.site_name.text(), self.site_code.text(), self.site_kind.currentData()
        stored = self.stored_site
        site_changed = stored is None or (name.strip(), code.strip().upper(), kind) != (stored.name, stored.code, stored.kind)
        if not changes and not site_changed:
            self.say(self.tr("没有修改。"), ok=True)
            return
        actor, now = self.ctx.actor, self.ctx.clock.now()

        def work(s):  # type: ignore[no-untyped-def]
            info = site.update_site(s, actor=actor, now=now, name=name, code=code, kind=kind) if site_changed else None
            for key, raw in changes.items():
                settings.change(s, actor=actor, now=now, key=key, raw=raw)
            return info

        def done(info: setup.SiteInfo | None) -> None:
            if info is not None:
                self.ctx.site = info  # the window's title and status bar read it on settings.changed

        self.write(work, changed=",".join(["site", *changes]), done=done)
