"""The one time zone people read times in: the site's (China Standard Time unless
GATEHOUSE_TZ says otherwise). Times are stored in UTC; screens, slips and reports all show them
through `local()`, so a laptop with a wrong zone setting cannot make a slip and the screen disagree.
"""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Asia/Shanghai"


@cache
def site_tz() -> tzinfo:
    return ZoneInfo(os.environ.get("GATEHOUSE_TZ") or DEFAULT_TZ)


def local(dt: datetime) -> datetime:
    """`dt` (aware, any zone) in the site's zone."""
    return dt.astimezone(site_tz())


def hhmm(dt: datetime) -> str:
    return local(dt).strftime("%H:%M")


def hhmmss(dt: datetime) -> str:
    return local(dt).strftime("%H:%M:%S")


def stamp(dt: datetime) -> str:
    return local(dt).strftime("%Y-%m-%d %H:%M:%S")
