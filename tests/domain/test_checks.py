from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.checks import (
    ALL_CHECKS,
    Check,
    OccupantChecks,
    PolicyRule,
    default_policies,
    evaluate,
)

NOW = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)
POLICY = PolicyRule("prevention", "low")


def compliant(sampled_hours_ago: float = 20) -> OccupantChecks:
    return OccupantChecks(
        name="张三", health_code="green", itinerary_ok=True, identity_ok=True, test_result="negative",
        test_sampled_at=NOW - timedelta(hours=sampled_hours_ago), contact_history=False,
        pledge_signed=True, rules_acknowledged=True)


def test_a_compliant_occupant_passes():
    assert evaluate(compliant(), POLICY, NOW).passed


def test_the_guard_reads_how_old_the_sample_is():
    verdict = evaluate(compliant(52), POLICY, NOW)
    assert [f.message for f in verdict.failures] == ["采样时间52小时前，超过48小时"]


def test_just_over_the_limit_does_not_read_as_the_limit():
    verdict = evaluate(compliant(48 + 10 / 60), POLICY, NOW)
    assert verdict.failures[0].message == "采样时间48小时10分钟前，超过48小时"


def test_every_unchecked_item_is_named():
    verdict = evaluate(OccupantChecks(name="李四"), POLICY, NOW)
    assert [f.check for f in verdict.failures] == list(ALL_CHECKS)


def test_checks_the_policy_does_not_require_are_skipped():
    light = replace(POLICY, required_checks=(Check.HEALTH_CODE.value,))
    assert evaluate(replace(compliant(), pledge_signed=False), light, NOW).passed


def test_red_code_and_positive_test_always_fail():
    light = replace(POLICY, required_checks=())
    assert evaluate(replace(compliant(), health_code="red"), light, NOW).failed("health_code")
    assert evaluate(replace(compliant(), test_result="positive"), light, NOW).failed("test")


def test_lockdown_lets_no_vehicle_in():
    lockdown = [p for p in default_policies() if p.management_level == "lockdown"]
    assert lockdown and not any(p.vehicles_may_enter for p in lockdown)
    assert len(default_policies()) == 9


@given(hours=st.integers(1, 96), minutes=st.integers(0, 96 * 60))
def test_the_sample_is_valid_exactly_up_to_the_limit(hours, minutes):
    policy = replace(POLICY, test_valid_hours=hours)
    verdict = evaluate(compliant(minutes / 60), policy, NOW)
    assert verdict.passed == (minutes <= hours * 60)
    if not verdict.passed:
        assert f"超过{hours}小时" in verdict.failures[0].message


@given(age=st.floats(0, 200), extra=st.floats(0, 100))
def test_older_samples_never_do_better(age, extra):
    young = evaluate(compliant(age), POLICY, NOW).passed
    old = evaluate(compliant(age + extra), POLICY, NOW).passed
    assert young or not old


@given(minutes_ahead=st.integers(11, 10_000))
def test_samples_from_the_future_are_questioned(minutes_ahead):
    verdict = evaluate(compliant(-minutes_ahead / 60), POLICY, NOW)
    assert "晚于现在" in verdict.failures[0].message
