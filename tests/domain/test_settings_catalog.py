"""The settings catalogue parses what people type and refuses what does not fit."""

import pytest

from desktop.domain import settings_catalog as catalog


def test_every_default_fits_its_own_entry() -> None:
    for e in catalog.ENTRIES:
        assert catalog.coerce(e.key, e.default) == e.default, e.key
        assert e.section in catalog.SECTIONS, e.key


@pytest.mark.parametrize(("key", "raw", "expected"), [
    ("handoff.require_receiver", "否", False),
    ("handoff.require_receiver", "yes", True),
    ("gate.inside_limit_minutes", " 120 ", 120),
    ("health.temperature_limit_c", "37.5", 37.5),
    ("health.symptoms", "发热，干咳、 乏力", ["发热", "干咳", "乏力"]),
])
def test_typed_text_becomes_the_kind(key: str, raw: str, expected: object) -> None:
    assert catalog.coerce(key, raw) == expected


@pytest.mark.parametrize(("key", "raw"), [
    ("gate.inside_limit_minutes", "0"),
    ("gate.inside_limit_minutes", "1.5"),
    ("health.temperature_limit_c", "abc"),
    ("handoff.require_receiver", "maybe"),
    ("no.such.key", "1"),
])
def test_what_does_not_fit_is_refused(key: str, raw: str) -> None:
    with pytest.raises(catalog.BadSetting):
        catalog.coerce(key, raw)


def test_a_stored_value_that_no_longer_fits_reads_as_the_default() -> None:
    assert catalog.stored_or_default("gate.inside_limit_minutes", -3) == 90
    assert catalog.stored_or_default("gate.inside_limit_minutes", None) == 90
