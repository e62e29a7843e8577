"""The people the tests act as, each in the role they would hold on site (as in the demo)."""

from __future__ import annotations

from datetime import datetime

from desktop.services import setup
from desktop.services.context import Actor

DUTY_PIN = "2580"
# The people the tests act as, each in the role they would hold on site (as in the demo).
TEAM = [
    ("duty", "值班督查", "supervisor", DUTY_PIN),
    ("zhou.min", "周敏", "supervisor", "2468"),
    ("wang.fang", "王芳", "review", "1001"),
    ("li.qiang", "李强", "gate", "1111"),
    ("chen.jing", "陈静", "disinfection", "3333"),
    ("liu.yang", "刘洋", "handoff", "5555"),
    ("sun.li", "孙丽", "handoff", "6666"),
    ("zhang.shifu", "张师傅", "handoff", "7777"),
]


def add_team(session, *, now: datetime) -> None:  # type: ignore[no-untyped-def]
    """Add the TEAM to a database that has its site and administrator (`setup.ensure_initial`)."""
    for username, name, role, pin in TEAM:
        setup.add_operator(session, actor=Actor("admin", "admin"), now=now, username=username,
                           display_name=name, role=role, pin=pin)
