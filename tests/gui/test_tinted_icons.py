"""Station icons tinted per icon mode, so they show on the dark navigation bar."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QIcon, QPixmap

from desktop.gui.icons import tinted_icon
from desktop.paths import resource

pytestmark = pytest.mark.gui

STATIONS = ["review", "gate", "disinfection", "handoff", "households", "supervision", "admin"]


def _opaque_colours(pixmap: QPixmap) -> set[str]:
    image = pixmap.toImage()
    return {image.pixelColor(x, y).name() for y in range(image.height()) for x in range(image.width())
            if image.pixelColor(x, y).alpha() == 255}


@pytest.mark.parametrize("name", STATIONS)
def test_station_icon_is_light_on_the_nav_bar_and_dark_when_selected(qapp, name: str) -> None:
    icon = tinted_icon(resource("icons", f"{name}.svg"), normal="#ffffff", selected="#10263b")
    assert _opaque_colours(icon.pixmap(40, 40, QIcon.Mode.Normal)) == {"#ffffff"}
    assert _opaque_colours(icon.pixmap(40, 40, QIcon.Mode.Selected)) == {"#10263b"}
