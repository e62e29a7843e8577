"""`gatehouse report daily [--date YYYY-MM-DD] [--out FILE.pdf|FILE.xlsx] [--json]`: the daily report
(日报) of necessities — what arrived, vehicles by outcome, the day's work in numbers and its anomalies.
`gatehouse report county` (desktop.cli.county) is the command centre's report of every site.

Without --out the summary is printed; with it the A4 PDF is written too (never over the database,
its -wal/-shm, or an existing file that is not a PDF: desktop.outfiles). --json prints the whole
report as data (and the PDF's path when one was written).
"""

from __future__ import annotations

import argparse
from datetime import date, datetime

from desktop.cli import EXIT_OK, emit
from desktop.cli._common import open_db, output_file, parse_day, write_output
from desktop.domain.localtime import site_tz
from desktop.i18n import t


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("report", parents=[common], help="the daily report of necessities (PDF or JSON)")
    actions = p.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    daily = actions.add_parser("daily", parents=[common], help="one local day's report")
    daily.add_argument("--date", dest="day", default=None, help="YYYY-MM-DD, local day (default: today)")
    daily.add_argument("--out", default=None, metavar="FILE.pdf|FILE.xlsx",
                       help="write the A4 PDF (or, for a .xlsx name, the workbook) to this file")
    daily.set_defaults(func=run_daily)
    from desktop.cli.county import register_county

    register_county(actions, common)


def _day(text: str | None, now: datetime) -> date:
    return parse_day(text) or now.astimezone(site_tz()).date()


def _lines(data: dict[str, object]) -> list[str]:
    lines = [t("{s} 日报 {d}", "{s} daily report {d}", s=data["site_name"], d=data["day"])]
    outcomes = data["outcomes"]
    assert isinstance(outcomes, dict)
    lines.append(t("车辆 {n}：进入 {a}，接驳 {h}，劝返 {r}，撤销 {c}，在场 {i}",
                   "Vehicles {n}: admitted {a}, handoff {h}, refused {r}, cancelled {c}, inside {i}",
                   n=outcomes["total"], a=outcomes["admitted"], h=outcomes["handoff"], r=outcomes["refused"],
                   c=outcomes["cancelled"], i=outcomes["inside"]))
    for row in data["necessities"]:  # type: ignore[attr-defined]
        qty = "；".join(f"{q['quantity']:g}{q['unit']}" for q in row["quantities"]) or "0"
        lines.append(f"  {row['name']}: {qty}")
    anomalies = data["anomalies"]
    assert isinstance(anomalies, list)
    lines.append(t("异常 {n} 项", "{n} anomalies", n=len(anomalies)))
    for a in anomalies:
        at = datetime.fromisoformat(a["at"]).astimezone(site_tz()).strftime("%H:%M")
        lines.append(f"  {at} {a['title']} — {a['detail']}")
    return lines


def run_daily(args: argparse.Namespace) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import reports

    now = SystemClock().now()
    kind = "xlsx" if args.out and args.out.lower().endswith(".xlsx") else "pdf"
    out = output_file(args, args.out, kind) if args.out else None  # refused before any work
    db = open_db(args)  # sets the site's zone from the database: "today" is worked out after it
    try:
        day = _day(args.day, now)
        with db.session(write=False) as s:
            view = reports.daily(s, day=day, tz=site_tz(), now=now)
    finally:
        db.dispose()
    data = reports.as_dict(view)
    lines = _lines(data)
    if out is not None:
        from desktop.documents.daily_report import build_daily_report
        from desktop.documents.daily_xlsx import build_daily_xlsx

        write_output(args, out, build_daily_xlsx(view) if kind == "xlsx" else build_daily_report(view), kind)
        data[kind] = str(out)
        lines.append(str(out))
    emit(args, data, lines)
    return EXIT_OK
