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


@pytest.mark.parametrize(("text", "near", "want"), [
    ("1月2日", date(2026, 12, 30), date(2027, 1, 2)),       # a supplier's sheet for the coming 2 January
    ("12月31日", date(2027, 1, 1), date(2026, 12, 31)),     # a test sampled on new year's eve, typed the day after
    ("12-01", date(2026, 12, 2), date(2026, 12, 1)),
    ("6月30日", date(2026, 1, 1), date(2026, 6, 30)),        # half a year either way: this year
    ("2月29日", date(2027, 12, 1), date(2028, 2, 29)),       # only in a leap year: the nearest that has one
])
def test_a_month_and_day_are_read_in_the_year_nearest_the_day(text, near, want):
    assert parse_date(text, near=near) == want


def test_a_time_without_its_year_is_the_nearest_one():
    assert parse_datetime("12-31 22:00", tz=SH, near=date(2027, 1, 1)) == datetime(2026, 12, 31, 22, 0, tzinfo=SH)
    with pytest.raises(InputError):
        parse_date("2月30日", near=date(2026, 12, 1))


def test_the_day_may_be_written_with_hao():
    assert parse_date("2026年12月3号") == date(2026, 12, 3) == parse_date("12月3号", near=date(2026, 12, 1))
    assert parse_datetime("12月3号8:30", tz=SH, near=date(2026, 12, 1)) == datetime(2026, 12, 3, 8, 30, tzinfo=SH)
