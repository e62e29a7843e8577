"""The `gatehouse` command. No sub-command starts the window; the others run headless.

Exit codes: 0 success, 1 a check failed or a request was refused, 2 bad usage or unreadable input.
Every command takes --db and --json. Commands live one per module in this package and are listed
in COMMANDS; each has `register(subparsers, common)` which returns its parser with `func` set.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from typing import Any

from desktop import __version__
from desktop.i18n import set_language, t
from desktop.services.context import ServiceError
from desktop.store.errors import StoreError  # light: no SQLAlchemy

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# One module per command (or group of commands), in the order `--help` lists them.
COMMANDS = [
    "desktop.cli.demo",
    "desktop.cli.approvals",
    "desktop.cli.passes",
    "desktop.cli.policy",
    "desktop.cli.verify",
    "desktop.cli.screenshots",
    "desktop.cli.bench",
    "desktop.cli.scan",
    "desktop.cli.slips",
    "desktop.cli.timers",
    "desktop.cli.report",
    "desktop.cli.households",
]


class UsageError(Exception):
    """Bad usage or unreadable input: exit 2."""


def common_options(*, suppress: bool) -> argparse.ArgumentParser:
    default = argparse.SUPPRESS if suppress else None
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", default=default, metavar="PATH|URL",
                        help="database file or URL (default: $GATEHOUSE_DB, then the user data folder)")
    parent.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="machine-readable output")
    parent.add_argument("--lang", default=default, choices=["zh", "en"], help="language of messages")
    return parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gatehouse", parents=[common_options(suppress=False)],
                                     description="Gatehouse — 卡口物资交接 / checkpoint and handoff station")
    parser.add_argument("--version", action="version", version=f"Gatehouse {__version__}")
    parser.add_argument("--station", default=None, help="station name to sign in at (window)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = common_options(suppress=True)
    for name in COMMANDS:
        importlib.import_module(name).register(sub, common)
    return parser


def emit(args: argparse.Namespace, payload: dict[str, Any], lines: Sequence[str]) -> None:
    """Print either JSON or plain lines, depending on --json."""
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
    else:
        for line in lines:
            print(line)


def fail(message: str) -> None:
    print(f"gatehouse: {message}", file=sys.stderr)


def _window_requested(argv: list[str]) -> argparse.Namespace | None:
    """Without a sub-command the window starts; decide that before importing the command modules
    (they load the data stack, which the window loads only after it has painted)."""
    quick = argparse.ArgumentParser(add_help=False, parents=[common_options(suppress=False)])
    quick.add_argument("--station", default=None)
    try:
        args, rest = quick.parse_known_args(argv)
    except SystemExit:
        return None
    return args if not rest else None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    window = _window_requested(arguments)
    if window is not None:
        from desktop.app import run_gui

        return run_gui(db_target=window.db, lang=window.lang, station=window.station)
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.lang:
        set_language(args.lang)
    if args.command is None:
        parser.error("a command is needed")
    try:
        return int(args.func(args))
    except StoreError as exc:
        fail(str(exc))
        return EXIT_USAGE
    except UsageError as exc:
        fail(str(exc))
        return EXIT_USAGE
    except ServiceError as exc:
        fail(exc.message)
        return EXIT_FAILED
    except KeyboardInterrupt:
        fail(t("已中断。", "interrupted."))
        return 130
