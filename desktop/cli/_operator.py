"""Who a command acts as: `--operator NAME` (or $GATEHOUSE_OPERATOR), checked like a sign-in.

The PIN is never a command-line argument (it would sit in the shell history and in `ps`): it comes
from $GATEHOUSE_PIN or is asked for without echo. Wrong PINs count towards the same lockout as the
sign-in window, and the services then check the operator's role like any other caller's.
"""

from __future__ import annotations

import argparse
import getpass
import os
from datetime import datetime
from typing import Any

from desktop.services.context import Actor

PIN_ENV = "GATEHOUSE_PIN"


def add_operator_argument(parser: argparse.ArgumentParser, *, default: str | None = None) -> None:
    parser.add_argument("--operator", default=os.environ.get("GATEHOUSE_OPERATOR", default),
                        required=default is None and "GATEHOUSE_OPERATOR" not in os.environ,
                        help="who acts (checked like a sign-in; PIN from $GATEHOUSE_PIN or a prompt)")


def read_pin(prompt: str = "PIN: ") -> str:
    return os.environ.get(PIN_ENV) or getpass.getpass(prompt)


def signed_in(session: Any, *, username: str, station: str, now: datetime) -> Actor:
    """The operator as an Actor, after their PIN (when they have one) was checked."""
    from desktop.services import setup

    op = setup.info_of(session, username)
    pin = read_pin(f"{op.username} PIN: ") if op.has_pin or setup.needs_pin(op, session) else ""
    setup.check_operator_pin(session, username=op.username, pin=pin, actor=Actor(op.username, station), now=now)
    return Actor(op.username, station)


def acting_as(session: Any, *, username: str, now: datetime, permission: Any, action: str) -> Actor:
    """An operator signed in and holding `permission` (a refusal is audited). The first
    administrator of a fresh database has no PIN yet: as at the window's first sign-in, they set
    their own now ($GATEHOUSE_PIN or a prompt), and it is audited."""
    from desktop.i18n import t
    from desktop.services import authz, setup

    op = setup.info_of(session, username)
    if not op.has_pin and op.active and setup.needs_pin(op, session):
        who = Actor(op.username, "cli")
        setup.set_first_pin(session, actor=who, now=now, username=op.username, pin=read_pin(
            t("{u} 还没有密码，请设置：", "{u} has no PIN yet; choose one: ", u=op.username)))
    else:
        who = signed_in(session, username=username, station="cli", now=now)
    authz.require(session, who, permission, now=now, action=action)
    return who
