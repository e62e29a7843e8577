"""`gatehouse settings list`, `settings get KEY` and `settings set KEY VALUE --operator ADMIN`: the
site's settings from the one catalogue (desktop.domain.settings_catalog) — what each is, its value
and its default. Reading needs nobody; changing needs an administrator (checked like a sign-in, the
PIN from $GATEHOUSE_PIN or a prompt) and is audited with the old and new values by the service.
A list is given as one argument, its items separated by commas (`"84消毒液 1:100, 75%酒精擦拭 75%"`);
an empty argument stores the empty list (for the disinfection lists: the built-in list)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import EXIT_OK, UsageError, emit
from desktop.cli._common import open_db
from desktop.cli._operator import add_operator_argument
from desktop.i18n import language, t


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("settings", parents=[common], help="the site's settings: list, get, set (administrators)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="every setting: key, value, default, what it is")
    listing.set_defaults(func=run_list)
    get = actions.add_parser("get", parents=[common], help="one setting's value")
    get.add_argument("key")
    get.set_defaults(func=run_get)
    put = actions.add_parser("set", parents=[common], help="change one setting (an administrator; audited)")
    put.add_argument("key")
    put.add_argument("value")
    add_operator_argument(put)
    put.set_defaults(func=run_set)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return t("是", "yes") if value else t("否", "no")
    if isinstance(value, list):
        return t("、", ", ").join(str(v) for v in value) or t("（空）", "(empty)")
    return str(value) if value != "" else t("（空）", "(empty)")


def _row(key: str, value: Any) -> dict[str, Any]:
    from desktop.domain import settings_catalog as catalog

    e = catalog.entry(key)
    zh = language() == "zh"
    return {"key": key, "value": value, "default": e.default, "kind": e.kind, "section": e.section,
            "label": e.label_zh if zh else e.label_en, "unit": e.unit_zh if zh else e.unit_en,
            "minimum": e.minimum, "maximum": e.maximum}


def _line(row: dict[str, Any]) -> str:
    unit = f" {row['unit']}" if row["unit"] else ""
    changed = "" if row["value"] == row["default"] else " *"
    return (f"{row['key']} = {_shown(row['value'])}{unit}{changed}  "
            + t("（默认 {d}；{l}）", "(default {d}; {l})", d=_shown(row["default"]), l=row["label"]))


def _known(key: str) -> None:
    from desktop.domain import settings_catalog as catalog

    try:
        catalog.entry(key)
    except catalog.BadSetting as exc:
        raise UsageError(t(exc.zh, exc.en) + t("（gatehouse settings list 列出全部设置）",
                                                " (gatehouse settings list names them all)")) from None


def run_list(args: argparse.Namespace) -> int:
    from desktop.services import settings

    db = open_db(args)
    try:
        with db.session(write=False) as s:
            rows = [_row(k, v) for k, v in settings.values(s).items()]
    finally:
        db.dispose()
    emit(args, {"settings": rows}, [_line(r) for r in rows])
    return EXIT_OK


def run_get(args: argparse.Namespace) -> int:
    from desktop.services import settings

    _known(args.key)
    db = open_db(args)
    try:
        with db.session(write=False) as s:
            row = _row(args.key, settings.value(s, args.key))
    finally:
        db.dispose()
    emit(args, row, [_line(row)])
    return EXIT_OK


def run_set(args: argparse.Namespace) -> int:
    from desktop.cli._operator import signed_in
    from desktop.domain.clock import SystemClock
    from desktop.services import settings

    _known(args.key)
    db = open_db(args)
    now = SystemClock().now()
    try:
        with db.session() as s:
            who = signed_in(s, username=args.operator, station="cli", now=now)
            old = settings.value(s, args.key)
            settings.change(s, actor=who, now=now, key=args.key, raw=args.value)
            row = _row(args.key, settings.value(s, args.key))
    finally:
        db.dispose()
    emit(args, {**row, "old": old}, [t("已修改：", "Changed: ") + _line(row)
                                     + t("（原为 {o}）", " (was {o})", o=_shown(old))])
    return EXIT_OK
