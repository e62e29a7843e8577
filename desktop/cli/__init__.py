"""The `gatehouse` command. No sub-command starts the window; the others run headless.

Exit codes:
  0  success.
  1  a check failed, a request was refused, or the work could not be finished and trying again
     may help: the disk is full, a disk error, the database stayed locked too long.
  2  bad usage, or something given cannot be used as it is: a database that is missing, empty,
     another program's, damaged, newer, read-only or on a server that cannot be reached; an input
     file that cannot be read; an output that would write over the database or over a file of
     another kind; permission denied.
Every error is one line on stderr, never a traceback (a traceback is a bug: please report it).
A closed pipe (`gatehouse … | head -1`) ends the command quietly.

Every command takes --db and --json. Commands live one per module in this package and are listed
in COMMANDS; each has `register(subparsers, common)` which returns its parser with `func` set.
Registering must stay light (argparse only): `--help` and `--version` load no database stack,
and no headless command loads Qt. Starting the window (no sub-command) imports none of the command
modules, nor argparse for the usual options: the window's first paint waits for all it imports.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from desktop import __version__
from desktop.i18n import language, set_language, t
from desktop.paths import BlankDatabaseSetting, resolve_db

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# One module per command (or group of commands), in the order `--help` lists them.
COMMANDS = [
    "desktop.cli.demo",
    "desktop.cli.approvals",
    "desktop.cli.passes",
    "desktop.cli.policy",
    "desktop.cli.settings",
    "desktop.cli.verify",
    "desktop.cli.backups",
    "desktop.cli.handover",
    "desktop.cli.screenshots",
    "desktop.cli.bench",
    "desktop.cli.scan",
    "desktop.cli.slips",
    "desktop.cli.timers",
    "desktop.cli.report",
    "desktop.cli.households",
    "desktop.cli.cadence",
    "desktop.cli.operators",
    "desktop.cli.purge",
    "desktop.cli.export",
    "desktop.cli.merge",
    "desktop.cli.centre",
]


class UsageError(Exception):
    """Bad usage or unreadable input: exit 2."""


def common_options(*, suppress: bool) -> argparse.ArgumentParser:
    import argparse

    default = argparse.SUPPRESS if suppress else None
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", default=default, metavar="PATH|URL",
                        help="database file or URL (default: $GATEHOUSE_DB, then the user data folder)")
    parent.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="machine-readable output")
    parent.add_argument("--lang", default=default, choices=["zh", "en"], help="language of messages")
    return parent


def build_parser() -> argparse.ArgumentParser:
    import argparse
    import importlib

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
        import json

        print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
    else:
        for line in lines:
            print(line)


def fail(message: str) -> None:
    print(f"gatehouse: {message}", file=sys.stderr)


_WINDOW_OPTIONS = {"--db": "db", "--lang": "lang", "--station": "station"}


def _window_options(argv: list[str]) -> SimpleNamespace | None:
    """The window's usual command lines (--db X, --db=X, --lang zh|en, --station X, --json) read
    without argparse; None for anything else, which argparse then reads (or refuses) as before."""
    found: dict[str, Any] = {"db": None, "lang": None, "station": None, "json": False}
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--json":
            found["json"] = True
            continue
        name, eq, value = arg.partition("=")
        if name not in _WINDOW_OPTIONS:
            return None
        if not eq:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        if name == "--lang" and value not in ("zh", "en"):
            return None
        found[_WINDOW_OPTIONS[name]] = value
    return SimpleNamespace(**found)


def _window_requested(argv: list[str]) -> argparse.Namespace | SimpleNamespace | None:
    """Without a sub-command the window starts; decide that before importing the command modules
    (they load the data stack, which the window loads only after it has painted)."""
    usual = _window_options(argv)
    if usual is not None:
        return usual
    import argparse

    quick = argparse.ArgumentParser(add_help=False, parents=[common_options(suppress=False)])
    quick.add_argument("--station", default=None)
    try:
        args, rest = quick.parse_known_args(argv)
    except SystemExit:
        return None
    return args if not rest else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every expected failure becomes one line on stderr and an exit code."""
    try:
        code = _main(list(sys.argv[1:] if argv is None else argv))
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except SystemExit:  # argparse: --help, --version, bad usage
        _flush_stdout()
        raise
    except BrokenPipeError:
        _stdout_to_devnull()
        return EXIT_FAILED


def _main(arguments: list[str]) -> int:
    if "--version" in arguments and not {a.rpartition(".")[2] for a in COMMANDS} & set(arguments):
        print(f"Gatehouse {__version__}")  # without registering every command first
        return EXIT_OK
    window = _window_requested(arguments)
    if window is not None:
        try:
            resolve_db(window.db)
        except BlankDatabaseSetting as exc:
            fail(str(exc))
            return EXIT_USAGE
        from desktop.app import run_gui

        return run_gui(db_target=window.db, lang=window.lang, station=window.station)
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except BrokenPipeError:  # --help or --version into a closed pipe: said all it had to (usage goes to stderr)
        _stdout_to_devnull()
        return EXIT_OK
    if args.lang:
        set_language(args.lang)
    if args.command is None:
        parser.error("a command is needed")
    from desktop.outfiles import OutputRefused
    from desktop.services.context import ServiceError  # not before: --help stays light
    from desktop.store.errors import TRANSIENT, StoreError  # light: no SQLAlchemy

    try:
        return int(args.func(args))
    except StoreError as exc:
        fail(str(exc))
        return EXIT_FAILED if exc.problem in TRANSIENT else EXIT_USAGE
    except (UsageError, OutputRefused, BlankDatabaseSetting) as exc:
        fail(str(exc))
        return EXIT_USAGE
    except ServiceError as exc:
        fail(exc.message)
        return EXIT_FAILED
    except KeyboardInterrupt:
        fail(t("已中断。", "interrupted."))
        return 130
    except BrokenPipeError:
        raise
    except Exception as exc:
        said = _in_words(exc, _where(args))
        if said is None:
            raise  # not an expected failure: a bug, and its traceback is what a report needs
        code, message = said
        fail(message)
        return code


def _in_words(exc: BaseException, where: str) -> tuple[int, str] | None:
    """(exit code, one line) for an error of the disk, the file system or the database server,
    looking through the chain of causes; None for anything else."""
    from desktop.store.errors import TRANSIENT, describe

    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return None
        if isinstance(seen, OSError) and not isinstance(seen, BrokenPipeError):
            return _os_error(seen, where)
        store = describe(seen, where)
        if store is not None:
            return (EXIT_FAILED if store.problem in TRANSIENT else EXIT_USAGE), str(store)
        seen = seen.__cause__ or seen.__context__
    return None


_OS_WORDS = {errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.EROFS: "磁盘只读", errno.ENOENT: "不存在",
             errno.ENOTDIR: "路径中有一段不是文件夹", errno.EISDIR: "是文件夹", errno.ENOSPC: "磁盘已满"}


def _os_error(exc: OSError, where: str) -> tuple[int, str]:
    """Disk full and disk errors exit 1 (try again); a place we may not or cannot use exits 2.
    Without a file name (a failed write() names none) the message names no file rather than
    guess: the database is only a guess for the other errors."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        if exc.filename is None:
            return EXIT_FAILED, t("磁盘已满。请腾出空间后重试。", "The disk is full. Free some space and try again.")
        return EXIT_FAILED, t("磁盘已满，无法写入 {p}。请腾出空间后重试。",
                              "The disk is full: cannot write {p}. Free some space and try again.", p=exc.filename)
    name = exc.filename or where
    if exc.errno == errno.EIO:
        return EXIT_FAILED, t("读写 {p} 时磁盘出错。请检查磁盘是否仍已连接。",
                              "A disk error while using {p}. Check that the disk is still connected.", p=name)
    reason = exc.strerror or type(exc).__name__
    return EXIT_USAGE, t("无法使用 {p}：{e}", "cannot use {p}: {e}", p=name,
                         e=_OS_WORDS.get(exc.errno or 0, reason) if language() == "zh" else reason)


def _where(args: argparse.Namespace) -> str:
    """The database, for messages: a path, or a URL without its password."""
    import re

    try:
        target = resolve_db(getattr(args, "db", None))
    except (BlankDatabaseSetting, OSError):
        return "?"
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", target)


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_to_devnull()


def _stdout_to_devnull() -> None:
    """What the Python docs advise for SIGPIPE: the reader is gone, so send what is left of our
    output (Python flushes it again at exit) nowhere instead of raising a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        pass
