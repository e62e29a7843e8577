"""`gatehouse centre init --code ZH --name 县指挥部 [--db FILE]`: make a new, empty database a command
centre (指挥部) — its site of the kind command_centre and an administrator whose PIN comes from
$GATEHOUSE_PIN or is asked for. Packages are then taken in with `gatehouse merge`."""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, emit
from desktop.cli._common import open_db
from desktop.cli._operator import read_pin
from desktop.i18n import t


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("centre", parents=[common], help="command centre: set up a centre database")
    actions = p.add_subparsers(dest="centre_command", metavar="ACTION", required=True)
    init = actions.add_parser("init", parents=[common], help="make a new database a command centre")
    init.add_argument("--code", required=True, help="2-4 letters")
    init.add_argument("--name", required=True, help="e.g. 县疫情防控指挥部")
    init.set_defaults(func=run_init)


def run_init(args: argparse.Namespace) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import merge
    from desktop.services.context import SYSTEM

    now = SystemClock().now()
    pin = read_pin(t("新管理员 PIN：", "New administrator PIN: "))
    db = open_db(args, create=True)
    try:
        with db.session() as s:
            merge.set_up_centre(s, actor=SYSTEM, now=now, code=args.code, name=args.name, admin_pin=pin)
    finally:
        db.dispose()
    emit(args, {"database": db.url, "code": args.code.upper(), "name": args.name},
         [t("{db} 已设为指挥部 {n}；管理员账号 admin。", "{db} is now the command centre {n}; administrator: admin.",
            db=db.url, n=args.name)])
    return EXIT_OK
