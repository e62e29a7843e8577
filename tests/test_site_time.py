"""The site's zone: stored at first start, applied whenever a database is opened, overridden by
GATEHOUSE_TZ; and the window says plainly when there is no display to open on."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop.app import display_problem
from desktop.domain import localtime
from desktop.services import setup, site
from desktop.services.context import Actor, ServiceError
from desktop.store.migrate import open_database

ADMIN = Actor("admin", "admin")


def test_first_start_stores_the_default_zone(db) -> None:
    with db.session(write=False) as s:
        assert site.time_zone(s) == "Asia/Shanghai"
    assert localtime.site_tz_name() == "Asia/Shanghai"


def test_a_stored_zone_is_applied_when_the_database_is_opened_again(db, db_path, clock, monkeypatch) -> None:
    monkeypatch.delenv("GATEHOUSE_TZ", raising=False)
    with db.session() as s:
        site.set_time_zone(s, actor=ADMIN, now=clock.now(), name="Asia/Urumqi")
    db.dispose()
    localtime.configure(None)
    again = open_database(str(db_path))
    try:
        assert localtime.site_tz_name() == "Asia/Urumqi"
        # 18:30 UTC is already the next day in Shanghai but not in Urumqi (UTC+6)
        assert localtime.site_today(datetime(2026, 11, 29, 17, 30, tzinfo=UTC)).day == 29
        monkeypatch.setenv("GATEHOUSE_TZ", "America/Los_Angeles")
        assert localtime.site_tz_name() == "America/Los_Angeles"  # the environment wins for one run
    finally:
        again.dispose()


def test_an_unknown_zone_is_refused(db, clock) -> None:
    with db.session() as s, pytest.raises(ServiceError):
        site.set_time_zone(s, actor=ADMIN, now=clock.now(), name="Mars/Olympus")
    with pytest.raises(ValueError):
        localtime.configure("Mars/Olympus")


def test_gatehouse_tz_at_first_start_is_what_is_stored(tmp_path, clock, monkeypatch) -> None:
    monkeypatch.setenv("GATEHOUSE_TZ", "Asia/Hong_Kong")
    db = open_database(str(tmp_path / "hk.sqlite3"))
    try:
        with db.session() as s:
            setup.ensure_initial(s, now=clock.now())
        with db.session(write=False) as s:
            assert site.time_zone(s) == "Asia/Hong_Kong"
    finally:
        db.dispose()


@pytest.mark.parametrize(("env", "problem"), [
    ({}, True),
    ({"DISPLAY": ":0"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, False),
    ({"QT_QPA_PLATFORM": "offscreen"}, False),
    ({"QT_QPA_PLATFORM": "minimal"}, False),
    ({"QT_QPA_PLATFORM": "xcb"}, True),
    ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w"}, True),
])
def test_no_display_is_named_on_linux(env, problem) -> None:
    found = display_problem(env, "linux")
    assert bool(found) is problem
    if problem:
        assert "bootstrap.sh app" in found
    assert display_problem(env, "win32") is None


def test_the_window_without_a_display_exits_2_and_records_no_crash(monkeypatch, capsys) -> None:
    from desktop.cli import main
    from desktop.paths import log_dir

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert main([]) == 2
    assert "bootstrap.sh app" in capsys.readouterr().err
    assert not list(log_dir().glob("crash-*")) and not list(log_dir().glob("faulthandler*"))
