"""Who is acting, and how a refusal is said."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """The operator at the keyboard and the station they work at."""

    operator: str
    station: str


SYSTEM = Actor(operator="system", station="system")


class ServiceError(ValueError):
    """A request the rules refuse. The message is for the person (already in their language);
    `code` is for programs and tests."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
