"""Commands act as a named operator whose PIN comes from the environment (never an argument):
the tests act as 周敏, a supervisor, who exists in the `db` fixture's team and in the demo."""

import pytest


@pytest.fixture(autouse=True)
def _operator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEHOUSE_OPERATOR", "zhou.min")
    monkeypatch.setenv("GATEHOUSE_PIN", "2468")
