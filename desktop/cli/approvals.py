"""`gatehouse approvals import FILE [--map HEADER=field]... [--set field=VALUE]... [--ignore HEADER]...
[--date YYYY-MM-DD] [--approve] [--json]`: the supplier list, checked row by row, with the same
summary the review screen shows. `gatehouse approvals template --out FILE.xlsx`: the list to hand
to suppliers.

Exit 0 every row imported or unchanged; 1 some rows rejected (the others are imported);
2 the file cannot be read, has a column that cannot be placed, or lacks a required field
(nothing imported; every such column and field is named).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from desktop.cli import EXIT_FAILED, EXIT_OK, emit
from desktop.cli._common import input_file, open_db, output_file, parse_day, unreadable_input_is_usage
from desktop.cli._operator import add_operator_argument, signed_in


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("approvals", parents=[common], help="day-ahead vehicle approvals")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = actions.add_parser("import", parents=[common], help="import a supplier list (.xlsx or .csv)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--date", dest="day", default=None,
                     help="arrival date for rows that give none (YYYY-MM-DD); without it such rows are refused")
    add_mapping_arguments(imp, example="货到日=arrival_date or 货到日=到达日期")
    imp.add_argument("--approve", action="store_true", help="approve the imported rows at once")
    add_operator_argument(imp)  # who imports: checked like a sign-in, PIN never an argument
    imp.set_defaults(func=run_import)
    tpl = actions.add_parser("template", parents=[common], help="write the approval list template (.xlsx)")
    tpl.add_argument("--out", required=True, metavar="FILE.xlsx", help="where to write the template")
    tpl.set_defaults(func=run_template)


def add_mapping_arguments(parser: argparse.ArgumentParser, *, example: str) -> None:
    """--map, --set and --ignore: the answers the window's mapping step takes, for a sheet's import."""
    parser.add_argument("--map", dest="maps", action="append", default=[], metavar="HEADER=FIELD",
                        help=f"read the column HEADER as FIELD (e.g. {example}); repeatable")
    parser.add_argument("--set", dest="sets", action="append", default=[], metavar="FIELD=VALUE",
                        help="a value for every row when the sheet has no such column (e.g. supplier=某公司)")
    parser.add_argument("--ignore", dest="ignores", action="append", default=[], metavar="HEADER",
                        help="do not read the column HEADER (it is listed as ignored in the report); repeatable")


def _pairs(items: list[str], what: str) -> list[tuple[str, str]]:
    from desktop.cli import UsageError
    from desktop.i18n import t

    out = []
    for item in items:
        left, sep, right = item.partition("=")
        if not sep or not left.strip() or not right.strip():
            raise UsageError(t("{w} 应写成 A=B：{i}", "{w} must be A=B: {i}", w=what, i=item))
        out.append((left.strip(), right.strip()))
    return out


def _field(text: str) -> str:
    from desktop.cli import UsageError
    from desktop.i18n import t
    from desktop.services.columns import APPROVAL_FIELDS, field_names

    name = field_names(text)
    if name is None:
        raise UsageError(t("不认识的字段：{f}（可用：{k}）", "unknown field: {f} (known: {k})", f=text,
                           k=", ".join(APPROVAL_FIELDS)))
    return name


@contextmanager
def placing_hint() -> Iterator[None]:
    """A refusal over columns says which options settle it."""
    from desktop.i18n import t
    from desktop.services.context import ServiceError

    try:
        yield
    except ServiceError as exc:
        if exc.code == "missing_columns" and "：" in exc.message:
            raise ServiceError(exc.code, exc.message + t(
                "。可用 --map 表头=字段、--ignore 表头、--set supplier=单位、--date YYYY-MM-DD",
                ". Use --map HEADER=field, --ignore HEADER, --set supplier=NAME, --date YYYY-MM-DD")) from None
        raise


def choices(args: argparse.Namespace) -> tuple[dict[str, str], dict[str, str]]:
    """(header -> field or ignore, field -> constant) from --map, --ignore and --set."""
    from desktop.services.columns import IGNORE

    chosen = {header: _field(name) for header, name in _pairs(args.maps, "--map")}
    chosen.update({header: IGNORE for header in args.ignores})
    constants = {_field(name): value for name, value in _pairs(args.sets, "--set")}
    return chosen, constants


def run_sheet_import(args: argparse.Namespace, importer: Callable[..., Any], *, passes: bool = False) -> int:
    """Import `args.file` as `args.operator` with the --map/--set/--ignore answers:
    `importer(session, actor=, now=, path=, chosen=, constants=)` returns the report to print.

    Answers given for a header set are remembered (as the window remembers them) and used the next
    time a sheet with the same headers comes, the output saying so; answers given then win."""
    from desktop.domain.clock import SystemClock
    from desktop.i18n import t
    from desktop.services import approval_columns, setup

    path = input_file(args.file)
    given, constants = choices(args)
    key = approval_columns.sheet_key(path, passes=passes)
    db = open_db(args)
    try:
        now = SystemClock().now()
        with unreadable_input_is_usage(), placing_hint(), db.session() as session:
            setup.ensure_initial(session, now=now)  # a fresh database still needs its site
            actor = signed_in(session, username=args.operator, station="cli", now=now)
            remembered = approval_columns.recall(session, key) if key else {}
            chosen = {**remembered, **given}
            report = importer(session, actor=actor, now=now, path=path, chosen=chosen, constants=constants)
            if key and given and chosen != remembered:
                approval_columns.remember(session, actor=actor, now=now, key=key, chosen=chosen)
    finally:
        db.dispose()
    lines = report.lines()
    used = {h: f for h, f in remembered.items() if h not in given}
    if used:
        from desktop.services.columns import label

        lines.insert(1, t("  已按上次为同样表头记住的列对应导入：{m}", "  the mapping remembered for these headers was used: {m}",
                          m="、".join(f"{h}→{label(f)}" for h, f in used.items())))
    emit(args, {**report.as_dict(), "remembered_mapping": used}, lines)
    return EXIT_OK if report.ok else EXIT_FAILED


def run_import(args: argparse.Namespace) -> int:
    from functools import partial

    from desktop.services import approvals

    day = parse_day(args.day)
    return run_sheet_import(args, partial(approvals.import_file, default_day=day, approve=args.approve))


def run_template(args: argparse.Namespace) -> int:
    from desktop import outfiles
    from desktop.cli import UsageError
    from desktop.cli._common import db_target
    from desktop.domain.clock import SystemClock
    from desktop.services import setup
    from desktop.services.approval_template import write_template
    from desktop.services.context import ServiceError

    out = output_file(args, args.out, "xlsx")  # never over the database or a file of another kind
    db = open_db(args)
    try:
        now = SystemClock().now()
        with db.session() as session:
            setup.ensure_initial(session, now=now)
            try:
                with outfiles.replacing(out, "xlsx", protect=outfiles.protected_from(db_target(args))) as tmp:
                    write_template(session, now=now, path=tmp)
            except ServiceError as exc:
                raise UsageError(exc.message) from None
    finally:
        db.dispose()
    emit(args, {"file": str(out)}, [str(out)])
    return EXIT_OK
