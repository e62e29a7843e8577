"""`gatehouse handover --out FILE.pdf [--json]`: end a shift on paper — the audit chain's length and
head are appended to the backup folders' anchor files and printed on the handover sheet (text and
QR), for the outgoing supervisor to sign. Later, `gatehouse verify --anchor LENGTH:HEAD` holds the
database to what the sheet says.
"""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, emit
from desktop.cli._common import open_db, output_file, write_output
from desktop.i18n import t


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("handover", parents=[common], help="record the chain's anchor and print the shift handover sheet")
    p.add_argument("--out", default=None, metavar="FILE.pdf", help="write the handover sheet (A4 PDF) to this file")
    p.add_argument("--operator", default=None, help="the outgoing supervisor's name, printed on the sheet")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.documents.handover_sheet import HandoverView, build_handover_sheet
    from desktop.domain.clock import SystemClock
    from desktop.services import shift_end

    out = output_file(args, args.out, "pdf") if args.out else None  # refused before any work
    now = SystemClock().now()
    db = open_db(args)
    try:
        with db.session(write=False) as s:
            done = shift_end.record(s, db_path=db.path, now=now, why="handover")
    finally:
        db.dispose()
    a = done.anchor
    lines = [t("审计链长度 {n}，链头 {h}", "audit chain length {n}, head {h}", n=a.length, h=a.head),
             t("锚点：{x}", "anchor: {x}", x=a.text())]
    lines += [t("已记入：{p}", "recorded in: {p}", p=p) for p in done.written]
    lines += [t("警告：{w}", "warning: {w}", w=w) for w in done.problems]
    data = {"length": a.length, "head": a.head, "anchor": a.text(), "written": list(done.written),
            "problems": list(done.problems)}
    if out is not None:
        view = HandoverView(done.site_name, a.site, now, a.length, a.head, str(db.path or db.url), args.operator or "")
        write_output(args, out, build_handover_sheet(view), "pdf")
        data["pdf"] = str(out)
        lines.append(str(out))
    emit(args, data, lines)
    return EXIT_OK
