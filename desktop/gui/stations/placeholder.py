"""Stations whose screens have not landed yet: a plain page that says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from desktop.gui.stations.base import StationPage


class _Placeholder(StationPage):
    def __init__(self, *args, **kw) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kw)
        label = QLabel(self.tr("本岗位的界面正在建设中。"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setObjectName("placeholder")
        QVBoxLayout(self).addWidget(label)


class ReviewPage(_Placeholder):
    key = "review"

    def title(self) -> str:
        return self.tr("审核")


class GatePage(_Placeholder):
    key = "gate"

    def title(self) -> str:
        return self.tr("门岗")


class DisinfectionPage(_Placeholder):
    key = "disinfection"

    def title(self) -> str:
        return self.tr("消杀")


class HandoffPage(_Placeholder):
    key = "handoff"

    def title(self) -> str:
        return self.tr("接驳")
