"""A refusal reason stored in Chinese reads in English for an English reader: every message the
rules write (checks.py, health.py) is recognised and said again, nested ages and symptom lists
included; what people typed is left as typed; Chinese readers see the stored text."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain import checks, health
from desktop.domain.checks import OccupantChecks, PolicyRule
from desktop.domain.stored_words import english
from desktop.i18n import language, set_language

NOW = datetime(2026, 11, 29, 9, 30, tzinfo=UTC)
POLICY = PolicyRule("prevention", "low")
CLEAN = OccupantChecks("周海涛", health_code="green", itinerary_ok=True, identity_ok=True, test_result="negative",
                       test_sampled_at=NOW - timedelta(hours=20), contact_history=False, pledge_signed=True,
                       rules_acknowledged=True)
CASES = [
    OccupantChecks("x"),  # nothing checked: a message from every check
    replace(CLEAN, health_code="yellow", itinerary_ok=False, identity_ok=False, contact_history=True),
    replace(CLEAN, health_code="red", test_result="positive"),
    replace(CLEAN, test_sampled_at=None),
    replace(CLEAN, test_sampled_at=NOW + timedelta(hours=3)),
    replace(CLEAN, test_sampled_at=NOW - timedelta(hours=54)),
    replace(CLEAN, test_sampled_at=NOW - timedelta(hours=48, minutes=30)),
]


@pytest.fixture
def languages():
    before = language()
    yield
    set_language(before)


def _messages(lang: str) -> list[str]:
    set_language(lang)
    out = [f.message for case in CASES for f in checks.evaluate(case, POLICY, NOW).failures]
    rule = health.HealthRule(temperature_limit_c=37.3, symptoms=("发热", "干咳"))
    for temperature, symptoms in ((38.2, ("发热", "干咳")), (45.5, ()), (None, ("腹泻",))):
        out += [f.message for f in health.failures(temperature, symptoms, rule)]
    return out


def test_every_message_the_rules_write_reads_in_english(languages):
    chinese, wanted = _messages("zh"), _messages("en")
    set_language("en")
    assert len(chinese) > 15
    got = [english(zh) for zh in chinese]
    # symptom names are the site's words (data): the sentence around them is what must be English
    assert [g.replace("发热, 干咳", "").replace("腹泻", "") for g in got] == \
           [w.replace("发热、干咳", "").replace("腹泻", "") for w in wanted]


def test_a_refusal_of_several_reasons_and_typed_words(languages):
    set_language("en")
    stored = "采样时间54小时前，超过48小时；未签承诺书；司机拒绝关窗"
    assert english(stored) == "Sampled 54 hours ago, more than 48 hours; Pledge not signed; 司机拒绝关窗"
    set_language("zh")
    assert english(stored) == stored
