"""The disinfection station: record a disinfection, watch the dwell timers."""

from desktop.gui.stations.disinfection.page import DisinfectionPage

__all__ = ["DisinfectionPage"]
