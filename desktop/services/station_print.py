"""Each station's receipt printer and slip size, set for any station from the settings screen.

A station's own people remember their printer when they print (`slips.save_print_settings`, for
their own station); an administrator sets it for every station here. Audited as station.settings.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import setup, slips
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError


def for_stations(session: Session) -> dict[str, slips.PrintSettings]:
    """Every station's printer, paper and auto-print, in the order the stations were set up."""
    return {name: slips.print_settings(session, name) for name, _kind in setup.list_stations(session)}


@requires(Permission.SETTINGS)
def set_for_station(session: Session, *, actor: Actor, now: datetime, station: str, printer: str, paper: str,
                    auto_print: bool) -> slips.PrintSettings:
    if station not in dict(setup.list_stations(session)):
        raise ServiceError("unknown_station", t("未知岗位：{n}", "Unknown station: {n}", n=station))
    if paper not in slips.PAPERS:
        raise ServiceError("bad_paper", t("未知纸张：{p}", "Unknown paper: {p}", p=paper))
    current = slips.print_settings(session, station)
    changes: dict[str, object] = {}
    if printer.strip() != current.printer:
        changes["slip_printer"] = printer.strip()
    if paper != current.paper:
        changes["slip_paper"] = paper
    if auto_print != current.auto_print:
        changes["slip_auto_print"] = auto_print
    if changes:
        setup.update_station_settings(session, actor=actor, now=now, name=station, **changes)
    return slips.print_settings(session, station)
