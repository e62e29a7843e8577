"""The gate's check policy and the evaluation of one occupant's checks against it.

A `PolicyRule` says, for one management level (防范/管控/封控) and risk level, which checks are
required, how old a nucleic-acid sample may be, how many days of itinerary count, and whether
vehicles may enter at all. `evaluate` turns what the guard saw into failures worded so a guard
can act on them ("采样时间52小时前，超过48小时").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from desktop.domain.enums import ManagementLevel, RiskLevel
from desktop.i18n import t

# A sample stamped a few minutes "in the future" is a clock difference between phones, not fraud.
CLOCK_SKEW = timedelta(minutes=10)


class Check(StrEnum):
    HEALTH_CODE = "health_code"
    ITINERARY = "itinerary"
    IDENTITY = "identity"
    TEST = "test"
    CONTACT = "contact"
    PLEDGE = "pledge"
    RULES = "rules"


ALL_CHECKS: tuple[str, ...] = tuple(c.value for c in Check)


def check_name(check: str) -> str:
    return {
        "health_code": t("健康码", "Health code"),
        "itinerary": t("行程", "Itinerary"),
        "identity": t("人证核验", "Identity"),
        "test": t("核酸检测", "Nucleic-acid test"),
        "contact": t("接触史", "Contact history"),
        "pledge": t("承诺书", "Pledge"),
        "rules": t("遵守规定", "Rules acknowledged"),
        "temperature": t("体温", "Temperature"),  # desktop.domain.health
        "symptoms": t("症状", "Symptoms"),
    }.get(check, check)


@dataclass(frozen=True)
class PolicyRule:
    management_level: str
    risk_level: str
    required_checks: tuple[str, ...] = ALL_CHECKS
    test_valid_hours: int = 48
    itinerary_days: int = 14
    vehicles_may_enter: bool = True
    dwell_minutes: int = 30

    def requires(self, check: str) -> bool:
        return check in self.required_checks


def default_policies() -> list[PolicyRule]:
    """The starting rules: every check everywhere; tighter test windows as risk rises;
    under lockdown (封控) no vehicle enters and everything goes to the handoff zone."""
    hours = {RiskLevel.LOW: 48, RiskLevel.MEDIUM: 48, RiskLevel.HIGH: 24}
    out = []
    for level in ManagementLevel:
        for risk in RiskLevel:
            out.append(PolicyRule(
                management_level=level.value, risk_level=risk.value,
                test_valid_hours=24 if level is ManagementLevel.LOCKDOWN else hours[risk],
                vehicles_may_enter=level is not ManagementLevel.LOCKDOWN,
            ))
    return out


@dataclass(frozen=True)
class OccupantChecks:
    """What the guard saw for one person. None means "not checked"."""

    name: str
    role: str = "driver"
    health_code: str = "unknown"  # green / yellow / red / unknown
    itinerary_ok: bool | None = None
    identity_ok: bool | None = None
    test_result: str = "none"  # negative / positive / none
    test_sampled_at: datetime | None = None  # aware
    contact_history: bool | None = None  # True: has been in contact with an epidemic area
    pledge_signed: bool = False
    rules_acknowledged: bool = False


@dataclass(frozen=True)
class Failure:
    check: str
    message: str


@dataclass(frozen=True)
class Verdict:
    failures: tuple[Failure, ...] = field(default_factory=tuple)

    @property
    def passed(self) -> bool:
        return not self.failures

    def failed(self, check: str) -> bool:
        return any(f.check == check for f in self.failures)


def sample_age(sampled_at: datetime, now: datetime) -> timedelta:
    return now - sampled_at


def sample_is_valid(sampled_at: datetime, now: datetime, hours: int) -> bool:
    """Valid while the sample is at most `hours` old (the boundary itself still counts)."""
    age = sample_age(sampled_at, now)
    return -CLOCK_SKEW <= age <= timedelta(hours=hours)


def _age_words(age: timedelta, limit_hours: int) -> str:
    minutes = int(age.total_seconds() // 60)
    h, m = divmod(minutes, 60)
    if h <= limit_hours and m:  # "48小时前，超过48小时" would read as no problem at all
        return t("{h}小时{m}分钟", "{h} h {m} min", h=h, m=m)
    return t("{h}小时", "{h} hours", h=h)


def _test_failure(o: OccupantChecks, policy: PolicyRule, now: datetime) -> str | None:
    if o.test_result == "positive":
        return t("核酸检测阳性：不得放行，立即报告督查", "Nucleic-acid test POSITIVE: do not admit, report at once")
    if o.test_result != "negative":
        return t("没有核酸检测阴性结果", "No negative nucleic-acid result")
    if o.test_sampled_at is None:
        return t("未填写核酸采样时间", "The sampling time has not been entered")
    age = sample_age(o.test_sampled_at, now)
    if age < -CLOCK_SKEW:
        return t("采样时间晚于现在，请核对", "The sampling time is in the future: check it")
    if age > timedelta(hours=policy.test_valid_hours):
        return t("采样时间{a}前，超过{h}小时", "Sampled {a} ago, more than {h} hours",
                 a=_age_words(age, policy.test_valid_hours), h=policy.test_valid_hours)
    return None


def _failure_message(check: str, o: OccupantChecks, policy: PolicyRule, now: datetime) -> str | None:
    days = policy.itinerary_days
    if check == Check.HEALTH_CODE:
        return {
            "green": None,
            "yellow": t("健康码为黄码，不得放行", "Health code is YELLOW: do not admit"),
            "red": t("健康码为红码：不得放行，立即报告督查", "Health code is RED: do not admit, report at once"),
        }.get(o.health_code, t("未查验健康码", "Health code not checked"))
    if check == Check.ITINERARY:
        if o.itinerary_ok is None:
            return t("未核查近{d}天行程", "Itinerary of the last {d} days not checked", d=days)
        return None if o.itinerary_ok else t("近{d}天内离开过本市", "Left the city in the last {d} days", d=days)
    if check == Check.IDENTITY:
        if o.identity_ok is None:
            return t("未做人证核验（对照照片）", "Identity not checked against the photo")
        return None if o.identity_ok else t("本人与证件照片不符", "Does not match the ID photo")
    if check == Check.TEST:
        return _test_failure(o, policy, now)
    if check == Check.CONTACT:
        if o.contact_history is None:
            return t("未询问疫区接触史", "Not asked about contact with epidemic areas")
        return t("有疫区接触史", "Has been in contact with an epidemic area") if o.contact_history else None
    if check == Check.PLEDGE:
        return None if o.pledge_signed else t("未签承诺书", "Pledge not signed")
    if check == Check.RULES:
        return None if o.rules_acknowledged else t(
            "未确认遵守规定（按路线、戴口罩、关车窗、不下车）",
            "Rules not acknowledged (route, mask, windows closed, stay in the cab)")
    return None


def evaluate(occupant: OccupantChecks, policy: PolicyRule, now: datetime) -> Verdict:
    """The failures of one occupant's checks under `policy` at `now`, in the policy's order.
    A positive test or a red code fails even where the policy does not list that check."""
    failures = []
    for check in ALL_CHECKS:
        message = _failure_message(check, occupant, policy, now)
        always = (check == Check.TEST and occupant.test_result == "positive") or (
            check == Check.HEALTH_CODE and occupant.health_code == "red")
        if message and (policy.requires(check) or always):
            failures.append(Failure(check, message))
    return Verdict(tuple(failures))
