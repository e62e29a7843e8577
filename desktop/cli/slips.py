"""`gatehouse slips list|pdf`: the day's handoff slips, and their PDFs for printing elsewhere.

`slips pdf` writes one file per slip named by its number (A4: one file of sheets of six). Writing
a PDF is not a print: nothing is recorded, and a slip already printed shows its next reprint mark.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli import EXIT_OK, UsageError, emit
from desktop.cli._common import open_db, output_dir, parse_day
from desktop.documents.slip import SIZES
from desktop.domain.localtime import site_tz
from desktop.i18n import t
from desktop.services import consignments, slips


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("slips", parents=[common], help="list handoff slips or write their PDFs")
    actions = p.add_subparsers(dest="slips_command", metavar="ACTION", required=True)
    ls = actions.add_parser("list", parents=[common], help="list slips (of one day)")
    ls.add_argument("--date", dest="day", default=None, help="YYYY-MM-DD, local day of issue (default: all)")
    ls.set_defaults(func=run_list)
    pdf = actions.add_parser("pdf", parents=[common], help="write slip PDFs, one file per slip")
    pdf.add_argument("--out", required=True, help="folder to write into (created if missing)")
    pdf.add_argument("--date", dest="day", default=None, help="YYYY-MM-DD, local day of issue (default: all)")
    pdf.add_argument("--size", default="80mm", choices=SIZES, help="paper: 58mm, 80mm, a6 or a4 (sheets of six)")
    pdf.add_argument("--number", action="append", default=[], help="only this slip (repeatable)")
    pdf.set_defaults(func=run_pdf)


def _row(slip: slips.SlipInfo, goods: consignments.ConsignmentInfo | None) -> dict[str, object]:
    return {
        "number": slip.number, "kind": slip.kind, "issued_at": slip.issued_at.isoformat(),
        "issued_by": slip.issued_by, "station": slip.station, "print_count": slip.print_count,
        "voided": slip.voided, "void_reason": slip.void_reason, "consignment_id": slip.consignment_id,
        "category": goods.category if goods else "", "description": goods.description if goods else "",
        "quantity": goods.quantity if goods else None, "unit": goods.unit if goods else "",
    }


def run_list(args: argparse.Namespace) -> int:
    day = parse_day(args.day)
    db = open_db(args)
    try:
        with db.session(write=False) as s:
            rows = [_row(x, consignments.get(s, x.consignment_id) if x.consignment_id else None)
                    for x in slips.list_slips(s, day=day)]
    finally:
        db.dispose()
    lines = []
    for r in rows:
        state = t("作废", "VOIDED") if r["voided"] else t("打印{n}次", "printed {n}x", n=r["print_count"])
        qty = f"{r['quantity']:g}{r['unit']}" if r["quantity"] else ""
        lines.append(f"{r['number']}  {_local(str(r['issued_at']))}  {r['category']} {r['description']} {qty}  [{state}]")
    if not rows:
        lines.append(t("没有交接单。", "No slips."))
    emit(args, {"date": day.isoformat() if day else None, "count": len(rows), "slips": rows}, lines)
    return EXIT_OK


def _local(iso: str) -> str:
    from datetime import datetime

    return datetime.fromisoformat(iso).astimezone(site_tz()).strftime("%Y-%m-%d %H:%M")


def run_pdf(args: argparse.Namespace) -> int:
    day = parse_day(args.day)
    out = output_dir(args.out)
    db = open_db(args)
    try:
        with db.session(write=False) as s:
            if args.number:
                found = [slips.get_slip(s, n) for n in args.number]
                missing = [n for n, f in zip(args.number, found, strict=True) if f is None]
                if missing:
                    raise UsageError(t("找不到交接单：{n}", "no such slip: {n}", n=", ".join(missing)))
                numbers = [f.number for f in found if f]
            else:
                numbers = [x.number for x in slips.list_slips(s, day=day)]
            written = _write(s, numbers, args.size, out, day)
    finally:
        db.dispose()
    lines = [str(p) for p in written] or [t("没有交接单，未写入文件。", "No slips; no files written.")]
    emit(args, {"size": args.size, "out": str(out), "files": [str(p) for p in written], "slips": numbers}, lines)
    return EXIT_OK


def _write(session: object, numbers: list[str], size: str, out: Path, day: date | None) -> list[Path]:
    if not numbers:
        return []
    if size == "a4":
        path = out / f"slips-{day.isoformat() if day else 'all'}-a4.pdf"
        path.write_bytes(slips.render_pdf(session, numbers, size=size))  # type: ignore[arg-type]
        return [path]
    written = []
    for number in numbers:
        path = out / f"{number}.pdf"
        path.write_bytes(slips.render_pdf(session, [number], size=size))  # type: ignore[arg-type]
        written.append(path)
    return written
