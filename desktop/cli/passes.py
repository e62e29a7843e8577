"""`gatehouse passes import FILE [--map HEADER=field]... [--set field=VALUE]... [--ignore HEADER]...
[--json]`: a list of vehicle passes, columns placed as for the approval list.

Exit 0 every row imported or unchanged; 1 some rows rejected (the others are imported);
2 the file cannot be read, has a column that cannot be placed, or lacks a required column.
"""

from __future__ import annotations

import argparse

from desktop.cli._operator import add_operator_argument
from desktop.cli.approvals import add_mapping_arguments


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("passes", parents=[common], help="vehicle passes (通行证)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = actions.add_parser("import", parents=[common], help="import a pass list (.xlsx or .csv)")
    imp.add_argument("file", metavar="FILE")
    add_mapping_arguments(imp, example="证号=pass_number")
    add_operator_argument(imp)  # who imports: checked like a sign-in, PIN never an argument
    imp.set_defaults(func=run_import)


def run_import(args: argparse.Namespace) -> int:
    from desktop.cli.approvals import run_sheet_import
    from desktop.services import pass_sheet

    return run_sheet_import(args, pass_sheet.import_file, passes=True)
