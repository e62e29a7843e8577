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
