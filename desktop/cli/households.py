"""`gatehouse households import|labels|waiting`: group buying (团购), one bag per household.

`import FILE` turns an order sheet into one delivery batch (exit 1 with every bad row listed when
any row is bad: nothing is imported then); `labels` writes the batch's bag labels as one PDF;
`waiting` lists, building by building, the bags not yet picked up or delivered.
"""

from __future__ import annotations

import argparse
import re

from desktop.cli import EXIT_FAILED, EXIT_OK, emit
from desktop.cli._common import (
    input_file,
    open_db,
    output_dir,
    parse_day,
    unreadable_input_is_usage,
    write_output,
)
from desktop.cli._operator import add_operator_argument, signed_in
from desktop.i18n import t

SIZES = ("58mm", "80mm", "60x40", "a4")  # desktop.documents.bag_label.SIZES, without loading reportlab


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("households", parents=[common], help="group buying: order sheets, bag labels, waiting bags")
    actions = p.add_subparsers(dest="households_command", metavar="ACTION", required=True)
    imp = actions.add_parser("import", parents=[common], help="import an order sheet (.xlsx or .csv) as one batch")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--batch", default=None, help="batch name (default: MMDD-file name)")
    imp.add_argument("--date", dest="day", default=None, help="pickup day YYYY-MM-DD (default: today)")
    imp.add_argument("--start", default=None, help="first pickup slot HH:MM (default: setting, 09:00)")
    imp.add_argument("--slot-minutes", type=int, default=None, help="slot length (default: setting, 15)")
    imp.add_argument("--per-slot", type=int, default=None, help="households per slot at most (default: 20)")
    add_operator_argument(imp)  # who imports: checked like a sign-in, PIN never an argument
    imp.set_defaults(func=run_import)
    lab = actions.add_parser("labels", parents=[common], help="write a batch's bag labels as one PDF")
    lab.add_argument("--batch", required=True)
    lab.add_argument("--out", required=True, help="folder to write into (created if missing)")
    lab.add_argument("--size", default="60x40", choices=SIZES, help="58mm, 80mm, 60x40 or a4 (21 a sheet)")
    lab.set_defaults(func=run_labels)
    wait = actions.add_parser("waiting", parents=[common], help="bags still waiting, building by building")
    wait.add_argument("--batch", default=None, help="one batch (default: every batch)")
    wait.set_defaults(func=run_waiting)


def run_import(args: argparse.Namespace) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import households, setup

    day = parse_day(args.day)
    path = input_file(args.file)
    db = open_db(args)
    try:
        now = SystemClock().now()
        with unreadable_input_is_usage("bad_time", "bad_slot"), db.session() as session:
            setup.ensure_initial(session, now=now)
            report = households.import_file(session, actor=signed_in(session, username=args.operator, station="cli", now=now), now=now, path=path,
                                            batch=args.batch, pickup_day=day, first_slot=args.start,
                                            slot_minutes=args.slot_minutes, per_slot=args.per_slot)
    finally:
        db.dispose()
    emit(args, report.as_dict(), report.lines())
    return EXIT_OK if report.ok else EXIT_FAILED


def run_labels(args: argparse.Namespace) -> int:
    from desktop.services import households

    out = output_dir(args.out)
    db = open_db(args)
    try:
        with db.session(write=False) as s:
            pdf = households.render_labels(s, args.batch, size=args.size)
            count = len(households.label_views(s, args.batch))
    finally:
        db.dispose()
    safe = re.sub(r"[^\w.-]+", "_", args.batch).strip("_") or "batch"
    path = out / f"bag-labels-{safe}-{args.size}.pdf"
    write_output(args, path, pdf, "pdf")
    emit(args, {"batch": args.batch, "size": args.size, "file": str(path), "labels": count},
         [t("{n} 张袋标签 → {p}", "{n} bag labels → {p}", n=count, p=path)])
    return EXIT_OK


def run_waiting(args: argparse.Namespace) -> int:
    from desktop.domain.masking import mask_phone
    from desktop.services import households

    db = open_db(args)
    try:
        with db.session(write=False) as s:
            rows = households.waiting(s, args.batch)
    finally:
        db.dispose()
    payload = {"batch": args.batch, "buildings": [
        {"building": r.building, "total": r.total, "waiting": r.waiting, "picked_up": r.picked_up, "door": r.door,
         "door_done": r.door_done, "slots": [x.isoformat() for x in r.slots],
         "bags": [{"label": b.label, "unit": b.unit, "room": b.room, "phone": mask_phone(b.phone),
                   "delivery": b.delivery, "state": b.state, "special_needs": b.special_needs,
                   "slot_start": b.slot_start.isoformat() if b.slot_start else None} for b in r.bags]}
        for r in rows]}
    lines = []
    for r in rows:
        slots = "、".join(households.local_hhmm(x) for x in r.slots)
        lines.append(t("{b}：待取 {w} 袋，已取 {p} 袋，送货上门 {d} 户{s}", "{b}: {w} waiting, {p} picked up, "
                       "{d} for the door{s}", b=r.building, w=r.waiting, p=r.picked_up, d=r.door,
                       s=f"（{slots}）" if slots else ""))
        for b in r.bags:
            how = t("送货上门", "door") if b.delivery == "door" else households.local_hhmm(b.slot_start)
            lines.append(f"  {b.label}  {' '.join(x for x in (b.unit, b.room) if x)}  {mask_phone(b.phone)}  {how}")
    if not rows:
        lines.append(t("没有待取的袋子。", "No bags waiting."))
    emit(args, payload, lines)
    return EXIT_OK
