"""`gatehouse bench [--json] [--only NAME ...]`: performance figures beside same-run references."""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, emit


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("bench", parents=[common], help="print performance figures")
    p.add_argument("--only", nargs="*", default=None, help="bench module names, e.g. startup")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.bench import run_all

    figures = run_all(args.only)
    lines = []
    for f in figures:
        verdict = "" if f["ok"] is None else ("  ✓" if f["ok"] else "  ✗")
        lines.append(f"{f['name']}: {f['value']} {f['unit']}  (reference {f['reference_name']}: "
                     f"{f['reference_value']} {f['unit']}; target {f['target']}){verdict}")
    emit(args, {"figures": figures}, lines)
    return EXIT_OK
