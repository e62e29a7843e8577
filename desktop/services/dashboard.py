"""The supervisors' dashboard (看板) in figures: arrivals and releases per hour of the site's day,
vehicles inside and for how long, dwell timers by state, refusals and overrides, and the day's
necessities against the 7 days before. Reads only, a handful of queries: the dashboard page asks for
it on a worker thread every half minute without slowing the stations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from sqlmodel import Session, col, select

from desktop.documents.views import CountyView
from desktop.domain import necessities
from desktop.domain.clock import utc
from desktop.domain.identity import display_plate
from desktop.services import county_report, gate, merge, reports, roster
from desktop.services.timeline import day_bounds
from desktop.store.models import Arrival, DwellTimer, Override, Release

DWELL_STATES = ("running", "complete", "released", "stopped")
HISTORY_DAYS = 7


@dataclass(frozen=True)
class Figures:
    day: date
    at: datetime
    arrivals_per_hour: tuple[int, ...]  # 24 local hours
    releases_per_hour: tuple[int, ...]
    inside: tuple[tuple[str, int, bool], ...]  # plate, minutes inside, over the limit; longest first
    dwell: dict[str, int]  # timers by state: on the board (running, complete) and finished today
    refusals: int
    overrides: int
    lines_today: dict[str, int]  # necessity → lines of goods that arrived today
    lines_average: dict[str, float]  # necessity → lines per day over the 7 days before
    stale_staff: tuple[str, ...] = ()  # the site's own staff whose test is stale, missing or positive (roster)


def _per_hour(times: list[datetime], tz: tzinfo) -> tuple[int, ...]:
    hours = Counter(utc(t).astimezone(tz).hour for t in times)
    return tuple(hours.get(h, 0) for h in range(24))


def _lines(session: Session, day: date, tz: tzinfo, now: datetime) -> dict[str, int]:
    view = reports.daily(session, day=day, tz=tz, now=now)
    return {n.key: n.lines for n in view.necessities}


def figures(session: Session, *, now: datetime, tz: tzinfo, day: date | None = None,
            history: bool = True) -> Figures:
    """The dashboard of `day` (the site's today by default); `history=False` leaves the 7-day
    average out (zeros) for a quick refresh."""
    day = day or utc(now).astimezone(tz).date()
    lo, hi = day_bounds(day, tz)
    arrivals = list(session.exec(select(Arrival).where(Arrival.arrived_at >= lo, Arrival.arrived_at < hi)).all())
    releases = list(session.exec(select(Release.released_at).where(Release.released_at >= lo,
                                                                   Release.released_at < hi)).all())
    timers = session.exec(select(DwellTimer.state).where(
        col(DwellTimer.state).in_(("running", "complete")) | ((DwellTimer.started_wall >= lo)
                                                              & (DwellTimer.started_wall < hi)))).all()
    inside = sorted(((display_plate(i.arrival.plate), i.minutes, i.overdue) for i in gate.inside(session, now=now)),
                    key=lambda x: -x[1])
    overrides = len(session.exec(select(Override.id).where(Override.at >= lo, Override.at < hi)).all())
    today = _lines(session, day, tz, now)
    staff, hours = roster.stale(session, now), roster.test_hours(session)
    average = {k: 0.0 for k in necessities.KEYS}
    if history:
        for back in range(1, HISTORY_DAYS + 1):
            for key, n in _lines(session, day - timedelta(days=back), tz, now).items():
                average[key] += n / HISTORY_DAYS
    return Figures(day, utc(now), _per_hour([a.arrived_at for a in arrivals], tz), _per_hour(list(releases), tz),
                   tuple(inside), {s: sum(1 for x in timers if x == s) for s in DWELL_STATES},
                   sum(1 for a in arrivals if a.decision == "refuse" and a.status != "cancelled"), overrides,
                   today, average, stale_staff=tuple(roster.state_words(p, hours) for p in staff))


def current(session: Session, *, now: datetime, tz: tzinfo, day: date | None = None,
            history: bool = True) -> Figures | CountyView:
    """What the dashboard shows: the site's figures, or at a command centre the county's day (every
    site that reported and the total, and those that have not)."""
    if merge.is_centre(session):
        return county_report.county(session, day=day or utc(now).astimezone(tz).date(), now=now)
    return figures(session, now=now, tz=tz, day=day, history=history)


def main_unit(view: CountyView, key: str) -> str:
    """The unit most of a necessity's county total is counted in (charts show that one)."""
    units = view.total.goods.get(key, {})
    return max(units, key=lambda u: units[u][0]) if units else ""
