"""`gatehouse bench [--json] [--only NAME ...]`: performance figures beside same-run references."""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, emit
from desktop.cli.watchdog import watchdog

TIME_LIMIT_S = 1800  # the whole bench; one that hangs is named and ends with exit 1


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("bench", parents=[common], help="print performance figures")
    p.add_argument("--only", nargs="*", default=None, help="bench module names, e.g. startup")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.bench import BENCHES, run_all

    with watchdog("bench", TIME_LIMIT_S) as dog:
        figures = []
        for name in BENCHES:
            short = name.rsplit(".", 1)[-1]
            if not args.only or short in args.only:
                dog.at(short)
                figures += run_all([short])
    lines = []
    for f in figures:
        verdict = "" if f["ok"] is None else ("  ✓" if f["ok"] else "  ✗ missed")
        ratio = f" = {f['ratio']} ×" if f.get("ratio") else ""
        lines.append(f"{f['key']}  {f['name']}: {f['value']} {f['unit']}  (reference {f['reference_name']}: "
                     f"{f['reference_value']} {f['unit']}{ratio}; target {f['target']}){verdict}")
    emit(args, {"figures": figures}, lines)
    return EXIT_OK
