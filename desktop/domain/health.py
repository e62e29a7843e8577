"""Health checks per person at the gate: body temperature against the site's limit
(`health.temperature_limit_c`) and the symptom question (`health.symptoms`: 发热、干咳、乏力…).

They fail like any other check (desktop.domain.checks): a fever or a reported symptom refuses entry
unless a supervisor overrides it, whatever the management level. A temperature not taken is not
(yet) a failure: the guard's card asks for it, and the result shows it as not measured.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.checks import Failure
from desktop.i18n import t

TEMPERATURE, SYMPTOMS = "temperature", "symptoms"
LOWEST, HIGHEST = 34.0, 43.0  # a reading outside these is a misread thermometer, not a person


@dataclass(frozen=True)
class HealthRule:
    temperature_limit_c: float = 37.3
    symptoms: tuple[str, ...] = ()


def failures(temperature_c: float | None, symptoms: tuple[str, ...], rule: HealthRule) -> tuple[Failure, ...]:
    out = []
    if temperature_c is not None:
        if not LOWEST <= temperature_c <= HIGHEST:
            out.append(Failure(TEMPERATURE, t("体温 {c}℃ 不可能，请重新测量", "A temperature of {c} °C is impossible: "
                                                "measure again", c=f"{temperature_c:.1f}")))
        elif temperature_c > rule.temperature_limit_c:
            out.append(Failure(TEMPERATURE, t("体温 {c}℃，超过 {l}℃：不得放行", "Temperature {c} °C, above {l} °C: "
                                                "do not admit", c=f"{temperature_c:.1f}", l=f"{rule.temperature_limit_c:.1f}")))
    if symptoms:
        out.append(Failure(SYMPTOMS, t("有症状：{s}，不得放行", "Has symptoms: {s}; do not admit", s="、".join(symptoms))))
    return tuple(out)
