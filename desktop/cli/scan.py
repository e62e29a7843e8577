"""`gatehouse scan CODE [--station NAME] [--json]`: the handoff scan without a screen.

The same verdict and the same custody and audit events as the handoff screen. Exit 0 when the
goods may go (OK), 1 for any refusal (not yet, already, voided, recalled, unknown, invalid, busy),
2 for bad usage.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from desktop.cli import EXIT_FAILED, EXIT_OK, UsageError, emit
from desktop.cli._common import open_db
from desktop.cli._operator import add_operator_argument, signed_in
from desktop.i18n import t


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("scan", parents=[common], help="scan a handoff slip: release the goods or say why not")
    p.add_argument("code", help="the slip number as scanned or typed")
    p.add_argument("--station", default="handoff", help="the scanning point's station name (default: handoff)")
    add_operator_argument(p)  # who scans: checked like a sign-in, PIN never an argument
    p.add_argument("--receiver", default="", help="who receives the goods")
    p.add_argument("--destination", default="", help="where the goods go")
    p.add_argument("--vehicle", default="", help="the transfer vehicle")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import handoff

    if not args.code.strip():
        raise UsageError(t("请给出要扫描的单号。", "Give the slip number to scan."))
    if not args.station.strip():
        raise UsageError(t("岗位名称不能为空。", "The station name cannot be empty."))
    db = open_db(args)
    try:
        with db.session() as session:
            actor = signed_in(session, username=args.operator, station=args.station.strip(), now=SystemClock().now())
        verdict = handoff.scan_in(db, code=args.code, actor=actor,
                                  clock=SystemClock(), receiver=args.receiver, destination=args.destination,
                                  transfer_vehicle=args.vehicle)
    finally:
        db.dispose()
    payload = {**asdict(verdict), "ok": verdict.ok, "remaining": verdict.remaining_text}
    lines = [f"{verdict.headline}  {verdict.slip_number or verdict.code}", verdict.message]
    emit(args, payload, lines)
    return EXIT_OK if verdict.ok else EXIT_FAILED
