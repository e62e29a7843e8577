"""`gatehouse operators list|add|disable|enable|role|unlock|reset-pin`: station staff without the window.

A fresh database has only its first administrator; these commands let that administrator give the
site its people from a terminal. Every action is the administrator's, signed in like any command
(`--operator NAME`, PIN from $GATEHOUSE_PIN or a prompt); the services check the role and audit the
change (operators are disabled, never deleted). A new PIN is never an argument either: it comes from
$GATEHOUSE_NEW_PIN or is asked for twice without echo.
"""

from __future__ import annotations

import argparse
import getpass
import os
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from desktop.cli import EXIT_OK, UsageError, emit
from desktop.cli._common import open_db
from desktop.cli._operator import acting_as, add_operator_argument
from desktop.domain.enums import Role, display
from desktop.i18n import language, t

if TYPE_CHECKING:
    from desktop.services.setup import OperatorInfo

NEW_PIN_ENV = "GATEHOUSE_NEW_PIN"
ROLES = [r.value for r in Role]


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("operators", parents=[common], help="list, add, disable, enable operators; roles, unlocks, PINs "
                                                           "(administrators)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, help_text: str, *, username: bool = True) -> argparse.ArgumentParser:
        a = actions.add_parser(name, parents=[common], help=help_text)
        if username:
            a.add_argument("username", help="the operator's account name, e.g. li.qiang")
        add_operator_argument(a)  # the administrator who acts; PIN from $GATEHOUSE_PIN or a prompt
        return a

    listing = action("list", "every operator with role, PIN and lock state", username=False)
    listing.add_argument("--all", action="store_true", help="include disabled operators")
    listing.set_defaults(func=run_list)
    add = action("add", "add an operator (PIN from $GATEHOUSE_NEW_PIN or a prompt)")
    add.add_argument("--name", required=True, help="the name shown and printed, e.g. 李强")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--no-pin", action="store_true", help="no PIN (only where the site lets station staff in without)")
    add.set_defaults(func=run_add)
    action("disable", "disable an operator (never deleted: the record keeps their name)").set_defaults(
        func=lambda a: _change(a, "disable"))
    action("enable", "enable a disabled operator again").set_defaults(func=lambda a: _change(a, "enable"))
    role = action("role", "change an operator's role")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(func=lambda a: _change(a, "role"))
    action("unlock", "lift a PIN lockout").set_defaults(func=lambda a: _change(a, "unlock"))
    action("reset-pin", "give an operator a new PIN ($GATEHOUSE_NEW_PIN or a prompt)").set_defaults(
        func=lambda a: _change(a, "reset-pin"))


def _new_pin(username: str) -> str:
    pin = os.environ.get(NEW_PIN_ENV)
    if pin:
        return pin
    first = getpass.getpass(t("{u} 的新密码：", "New PIN for {u}: ", u=username))
    if getpass.getpass(t("再输入一次：", "Once more: ")) != first:
        raise UsageError(t("两次输入的密码不一致。", "The two PINs differ."))
    return first


def _locked(op: OperatorInfo, now: Any) -> bool:
    from desktop.domain.clock import utc

    return op.locked_until is not None and utc(op.locked_until) > utc(now)


def _row(op: OperatorInfo, now: Any) -> dict[str, Any]:
    return {**asdict(op), "locked": _locked(op, now)}


def _line(op: OperatorInfo, now: Any) -> str:
    states = [t("已停用", "disabled")] if not op.active else []
    if _locked(op, now):
        states.append(t("已锁定", "locked"))
    if not op.has_pin:
        states.append(t("无密码", "no PIN"))
    return f"{op.username:<16} {op.display_name:<8} {display(op.role, language()):<8} {' '.join(states)}".rstrip()


def _acting(session: Any, args: argparse.Namespace, now: Any, action: str) -> Any:
    """The administrator, signed in and allowed to manage operators (refusal audited)."""
    from desktop.domain.permissions import Permission

    return acting_as(session, username=args.operator, now=now, permission=Permission.OPERATORS,
                     action=f"operators.{action}")


def run_list(args: argparse.Namespace) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import setup

    db = open_db(args)
    now = SystemClock().now()
    try:
        with db.session() as s:  # a write session: a wrong PIN counts, a refusal is audited
            _acting(s, args, now, "list")
            ops = setup.list_operators(s, include_disabled=args.all)
    finally:
        db.dispose()
    emit(args, {"operators": [_row(op, now) for op in ops]}, [_line(op, now) for op in ops])
    return EXIT_OK


def run_add(args: argparse.Namespace) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import setup

    db = open_db(args)
    now = SystemClock().now()
    try:
        with db.session() as s:
            who = _acting(s, args, now, "add")
            pin = None if args.no_pin else _new_pin(args.username)
            op = setup.add_operator(s, actor=who, now=now, username=args.username, display_name=args.name,
                                    role=args.role, pin=pin)
    finally:
        db.dispose()
    emit(args, _row(op, now), [t("已添加：", "Added: ") + _line(op, now)])
    return EXIT_OK


def _change(args: argparse.Namespace, what: str) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import setup

    db = open_db(args)
    now = SystemClock().now()
    try:
        with db.session() as s:
            who = _acting(s, args, now, what)
            common = {"actor": who, "now": now, "username": args.username}
            if what in ("disable", "enable"):
                op = setup.set_active(s, active=what == "enable", **common)
            elif what == "role":
                op = setup.set_role(s, role=args.role, **common)
            elif what == "unlock":
                op = setup.unlock(s, **common)
            else:
                setup.info_of(s, args.username)  # an unknown name is said before a PIN is asked for
                op = setup.set_pin(s, pin=_new_pin(args.username), **common)
    finally:
        db.dispose()
    done = {"disable": t("已停用：", "Disabled: "), "enable": t("已启用：", "Enabled: "),
            "role": t("角色已改：", "Role changed: "), "unlock": t("已解锁：", "Unlocked: "),
            "reset-pin": t("密码已重设：", "PIN reset: ")}[what]
    emit(args, _row(op, now), [done + _line(op, now)])
    return EXIT_OK
