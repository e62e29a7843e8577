from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.dates import parse_date, parse_datetime
from desktop.domain.identity import InputError

SH = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(("value", "want"), [
    ("2026-11-30", date(2026, 11, 30)), ("2026/11/30", date(2026, 11, 30)), ("2026.11.30", date(2026, 11, 30)),
    ("2026年11月30日", date(2026, 11, 30)), ("20261130", date(2026, 11, 30)), ("２０２６－１１－３０", date(2026, 11, 30)),
    (46356, date(2026, 11, 30)), (46356.0, date(2026, 11, 30)), ("46356", date(2026, 11, 30)),
    (datetime(2026, 11, 30, 8, 0), date(2026, 11, 30)), ("2026-11-30 00:00:00", date(2026, 11, 30)),
    (44197, date(2021, 1, 1)),
])
def test_dates(value, want):
    assert parse_date(value) == want


def test_month_day_needs_a_year():
    assert parse_date("11月30日", default_year=2026) == date(2026, 11, 30)
    with pytest.raises(InputError):
        parse_date("11月30日")


@pytest.mark.parametrize("value", ["2026-02-30", "明天", "", -3, "30/11/2026"])
def test_bad_dates(value):
    with pytest.raises(InputError):
        parse_date(value)


def test_datetimes():
    assert parse_datetime("2026-11-28 09:30", tz=SH) == datetime(2026, 11, 28, 9, 30, tzinfo=SH)
    assert parse_datetime("2026年11月28日 9时30分", tz=SH) == datetime(2026, 11, 28, 9, 30, tzinfo=SH)
    assert parse_datetime(46354.396, tz=SH).replace(second=0, microsecond=0) == datetime(2026, 11, 28, 9, 30, tzinfo=SH)
    with pytest.raises(InputError):
        parse_datetime("2026-11-28 25:00", tz=SH)


@given(st.dates(date(1950, 1, 1), date(2099, 12, 31)))
def test_excel_serials_and_text_agree(day):
    serial = (day - date(1899, 12, 30)).days
    assert parse_date(serial) == parse_date(str(serial)) == parse_date(day.strftime("%Y年%m月%d日")) == day
