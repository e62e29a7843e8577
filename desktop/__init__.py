"""Gatehouse: offline checkpoint and handoff-zone station for supplies entering a closed area."""

__version__ = "0.1.0"
APP_NAME = "Gatehouse"
