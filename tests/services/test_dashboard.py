"""The dashboard's figures (desktop.services.dashboard) for the supervision world's day."""

from datetime import timedelta

from desktop.domain.localtime import site_tz
from desktop.services import dashboard
from tests.supervision_world import journey


def test_the_days_figures(db, clock):
    j = journey(db, clock)
    with db.session(write=False) as s:
        f = dashboard.figures(s, now=clock.now(), tz=site_tz())
    assert f.day == clock.now().astimezone(site_tz()).date()
    assert sum(f.arrivals_per_hour) == 2 and len(f.arrivals_per_hour) == 24
    assert f.refusals == 1 and f.overrides >= 0
    assert f.lines_today["grain"] >= 1 and set(f.lines_average) >= set(f.lines_today)
    assert all(minutes >= 0 for _plate, minutes, _over in f.inside)
    assert set(f.dwell) == set(dashboard.DWELL_STATES)
    with db.session(write=False) as s:  # the next day: today's goods are part of the 7-day average
        tomorrow = dashboard.figures(s, now=clock.now() + timedelta(days=1), tz=site_tz())
    assert sum(tomorrow.arrivals_per_hour) == 0
    assert tomorrow.lines_average["grain"] == f.lines_today["grain"] / 7
    assert j is not None
