"""`gatehouse bench [--json] [--quick] [--only NAME ...] [--out FILE.json] [--slips N] [--growth N ...]`:
performance figures beside same-run references; `--markdown FILE.json` prints a saved run as the
README's tables."""

from __future__ import annotations

import argparse
import os

from desktop.cli import EXIT_OK, emit
from desktop.cli.watchdog import watchdog

TIME_LIMIT_S = 1800  # the whole bench; one that hangs is named and ends with exit 1
GROWTH_LIMIT_S = 7200  # growth at 1M slips builds and scans a large file per size


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("bench", parents=[common], help="print performance figures")
    p.add_argument("--only", nargs="*", default=None, help="bench module names, e.g. startup")
    p.add_argument("--out", default=None, metavar="FILE.json",
                   help="also write the run (figures, machine, load before and after) to this JSON file")
    p.add_argument("--slips", type=int, default=None, metavar="N",
                   help="slips in the large database of the scan and restore figures (default 1,000,000)")
    p.add_argument("--quick", action="store_true",
                   help="every figure at a smaller size and with fewer repeats: the whole run within ~2 minutes")
    p.add_argument("--growth", nargs="+", type=int, default=None, metavar="N",
                   help="instead of the figures: scan, start, report and timeline at each database size, "
                        "e.g. --growth 10000 100000 1000000 (10000000 works too; allow an hour and ~5 GB)")
    p.add_argument("--markdown", default=None, metavar="FILE.json",
                   help="print a saved run (--out) as the README's Markdown tables; runs nothing")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.markdown:
        return _markdown(args.markdown)
    from desktop.bench import BENCHES, run_all
    from desktop.bench.machine import describe, finish
    from desktop.cli._common import output_file, write_output

    out = output_file(args, args.out, "json") if args.out else None
    if args.quick:
        os.environ["GATEHOUSE_BENCH_QUICK"] = "1"
    if args.slips:
        os.environ["GATEHOUSE_BENCH_SLIPS"] = str(max(1, args.slips))
    machine = describe()
    payload: dict[str, object] = {}
    if args.growth:
        from desktop.bench.growth import run as growth

        with watchdog("bench", GROWTH_LIMIT_S) as dog:
            rows = []
            for n in args.growth:
                dog.at(f"growth {n}")
                rows.append(growth(max(1, n)))
        payload["growth"] = rows
        lines = [" ".join(f"{k}={v}" for k, v in row.items()) for row in rows]
    else:
        with watchdog("bench", TIME_LIMIT_S) as dog:
            figures = []
            for name in BENCHES:
                short = name.rsplit(".", 1)[-1]
                if not args.only or short in args.only:
                    dog.at(short)
                    figures += run_all([short])
        payload["figures"] = figures
        lines = [_line(f) for f in figures]
    payload = {"machine": finish(machine), "quick": bool(args.quick), **payload}
    if out is not None:
        import json

        write_output(args, out, json.dumps(payload, ensure_ascii=False, indent=2, default=str).encode(), "json")
    emit(args, payload, lines)
    return EXIT_OK


def _line(f: dict) -> str:  # type: ignore[type-arg]
    verdict = "" if f["ok"] is None else ("  ✓" if f["ok"] else "  ✗ missed")
    ratio = f" = {f['ratio']} ×" if f.get("ratio") else ""
    return (f"{f['key']}  {f['name']}: {f['value']} {f['unit']}  (reference {f['reference_name']}: "
            f"{f['reference_value']} {f['unit']}{ratio}; target {f['target']}){verdict}")


def _markdown(path: str) -> int:
    import json
    from pathlib import Path

    from desktop.bench.markdown import render
    from desktop.cli import UsageError
    from desktop.i18n import t

    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(t("无法读取基准结果 {p}：{e}", "cannot read the bench run {p}: {e}", p=path, e=exc)) from None
    print(render(payload), end="")
    return EXIT_OK
