"""The one time zone people read times in, and so the one notion of "today": the site's.

Times are stored in UTC; screens, slips, reports, the demo and the tests all show them and cut
them into days through `site_tz()`, so a laptop whose own zone or date setting is wrong (a UTC
server, a machine still on summer time) cannot make a slip, a screen and a report disagree.

Where the zone comes from, strongest first:
1. `GATEHOUSE_TZ` in the environment (an IANA name such as Asia/Shanghai), for one run;
2. the site's setting, stored in the database at first start (desktop.services.site) and
   applied here by `configure()` whenever a database is opened;
3. DEFAULT_TZ, China Standard Time.

Nothing else in desktop/ may read the machine's local zone or date (tests/test_localtime_rule.py).
"""

from __future__ import annotations

import os
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TZ = "Asia/Shanghai"
ENV = "GATEHOUSE_TZ"

_configured: str | None = None  # the site setting, once a database has been opened


def zone(name: str) -> ZoneInfo:
    """The zone called `name`; ValueError naming it when there is no such zone."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(f"unknown time zone: {name!r} (use a name such as Asia/Shanghai)") from exc


def configure(name: str | None) -> None:
    """Use the site's stored zone `name` from now on (None: back to the default). Called when a
    database is opened; GATEHOUSE_TZ still wins over it."""
    global _configured
    if name is not None:
        zone(name)  # refuse a name that would fail later, on every screen
    _configured = name


def site_tz_name() -> str:
    env = (os.environ.get(ENV) or "").strip()
    if env:
        zone(env)
        return env
    return _configured or DEFAULT_TZ


def site_tz() -> tzinfo:
    return zone(site_tz_name())


def local(dt: datetime) -> datetime:
    """`dt` (aware, any zone) in the site's zone."""
    return dt.astimezone(site_tz())


def site_today(now: datetime) -> date:
    """The site's date at the moment `now` (aware) — never the machine's date."""
    return local(now).date()


def hhmm(dt: datetime) -> str:
    return local(dt).strftime("%H:%M")


def hhmmss(dt: datetime) -> str:
    return local(dt).strftime("%H:%M:%S")


def stamp(dt: datetime) -> str:
    return local(dt).strftime("%Y-%m-%d %H:%M:%S")
