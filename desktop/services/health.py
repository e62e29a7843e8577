"""The site's health rule (temperature limit, symptom list) as the gate evaluates it now."""

from __future__ import annotations

from sqlmodel import Session

from desktop.domain.health import HealthRule
from desktop.services import settings


def rule(session: Session) -> HealthRule:
    return HealthRule(float(settings.value(session, "health.temperature_limit_c")),
                      tuple(str(s) for s in settings.value(session, "health.symptoms")))
