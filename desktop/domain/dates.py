"""Dates and times as they come out of spreadsheets: text in several styles, or Excel serials."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta, tzinfo

from desktop.domain.identity import InputError
from desktop.i18n import t

_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01, counting Excel's phantom 1900-02-29
_YMD = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$")  # 12月3号 is said as often as 12月3日
_MD = re.compile(r"^(\d{1,2})[-/.月](\d{1,2})[日号]?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME = re.compile(r"^(\d{1,2})[:：时点](\d{1,2})?分?(?:[:：](\d{1,2})秒?)?$")


def from_excel_serial(serial: float) -> datetime:
    if not 1 <= serial < 2958466:
        raise ValueError(serial)
    # Excel keeps times as fractions of a day: round away the float noise to whole seconds.
    return datetime.combine(_EXCEL_EPOCH, time()) + timedelta(seconds=round(float(serial) * 86400))


def _clean(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().replace(" ", " ")


def parse_date(value: object, *, default_year: int | None = None, near: date | None = None,
               latest: date | None = None) -> date:
    """A date from a cell: date/datetime, Excel serial number, or text such as 2026-11-30,
    2026/11/30, 2026.11.30, 2026年11月30日, 20261130, or 11月30日 (with `default_year`, or `near`:
    the year that puts it nearest that day, so 1月2日 read on 12-30 is the coming 2 January; with
    `latest` too, never more than a day after it: a test taken is never ahead)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return from_excel_serial(value).date()
        except ValueError:
            raise _bad_date(value) from None
    text = _clean(str(value or ""))
    if not text:
        raise InputError("date", t("日期为空。", "The date is empty."))
    text = text.split(" ")[0] if re.match(r"^\d{4}\D\d{1,2}\D\d{1,2}", text) else text
    try:
        if m := _YMD.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _COMPACT.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if (m := _MD.match(text)) and near is not None:
            return _nearest(int(m[1]), int(m[2]), near, latest)
        if (m := _MD.match(text)) and default_year:
            return date(default_year, int(m[1]), int(m[2]))
        if re.fullmatch(r"\d{5}(\.\d+)?", text):
            return from_excel_serial(float(text)).date()
    except ValueError:
        pass
    raise _bad_date(value)


def _nearest(month: int, day: int, near: date, latest: date | None = None) -> date:
    """month/day in the year (this one, the one before or after `near`'s) nearest to `near`, and
    not more than a day after `latest` when given."""
    candidates = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # 2月30日, or 2月29日 in a year without one
            continue
        if latest is None or candidate <= latest + timedelta(days=1):
            candidates.append(candidate)
    if not candidates:
        raise ValueError((month, day))
    return min(candidates, key=lambda d: abs((d - near).days))


def _bad_date(value: object) -> InputError:
    return InputError("date", t("日期 {v} 看不懂（应如 2026-11-30）。",
                                "Cannot read the date {v} (write it like 2026-11-30).", v=value))


def parse_datetime(value: object, *, tz: tzinfo, default_year: int | None = None,
                   near: date | None = None, latest: date | None = None) -> datetime:
    """A moment from a cell or a field, read in local time `tz`; returned aware (in `tz`).
    Accepts datetimes (naive = local), Excel serials with a fraction, or 'date time' text."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return from_excel_serial(value).replace(tzinfo=tz)
        except ValueError:
            raise _bad_time(value) from None
    text = _clean(str(value or ""))
    text = re.sub(r"(\d)([日号])(\d)", r"\1\2 \3", text)
    parts = text.split()
    if len(parts) == 2:
        day = parse_date(parts[0], default_year=default_year, near=near, latest=latest)
        if m := _TIME.match(parts[1]):
            hh, mm, ss = int(m[1]), int(m[2] or 0), int(m[3] or 0)
            if hh < 24 and mm < 60 and ss < 60:
                return datetime.combine(day, time(hh, mm, ss), tzinfo=tz)
    if "T" in text:
        try:
            parsed = datetime.fromisoformat(text)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
        except ValueError:
            pass
    raise _bad_time(value)


def _bad_time(value: object) -> InputError:
    return InputError("time", t("时间 {v} 看不懂（应如 2026-11-28 09:30）。",
                                "Cannot read the time {v} (write it like 2026-11-28 09:30).", v=value))


def site_zone() -> tzinfo:
    """The zone the site reads its clocks in: the one of desktop.domain.localtime."""
    from desktop.domain.localtime import site_tz

    return site_tz()
