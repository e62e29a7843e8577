"""`gatehouse report county [--day YYYY-MM-DD] [--out FILE.pdf|FILE.xlsx] [--json]`: the command
centre's county daily report — per site and in total, the necessities received and handed on,
vehicles, refusals, violations and overrides, and the registered sites that have not reported."""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, emit
from desktop.cli._common import open_db, output_file, parse_day, write_output
from desktop.i18n import t


def register_county(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    county = actions.add_parser("county", parents=[common], help="command centre: every site's day and the total")
    county.add_argument("--day", "--date", dest="day", default=None, help="YYYY-MM-DD, local day (default: today)")
    county.add_argument("--out", default=None, metavar="FILE.pdf|FILE.xlsx", help="write the report to this file")
    county.set_defaults(func=run_county)


def run_county(args: argparse.Namespace) -> int:
    from desktop.domain import necessities
    from desktop.domain.clock import SystemClock
    from desktop.domain.localtime import site_tz
    from desktop.services import county_report

    now = SystemClock().now()
    kind = "xlsx" if args.out and args.out.lower().endswith(".xlsx") else "pdf"
    out = output_file(args, args.out, kind) if args.out else None
    db = open_db(args)
    try:
        day = parse_day(args.day) or now.astimezone(site_tz()).date()
        with db.session(write=False) as s:
            view = county_report.county(s, day=day, now=now)
    finally:
        db.dispose()
    lines = [t("{c} 县级日报 {d}：已上报 {n} 个站点，未上报 {m} 个", "{c} county report {d}: {n} sites reported, {m} not",
               c=view.centre_name, d=day.isoformat(), n=len(view.sites), m=len(view.missing))]
    for f in (*view.sites, view.total):
        lines.append(t("  {s}：车辆 {v}，劝返 {r}，违规 {x}，督查放行 {o}", "  {s}: vehicles {v}, refused {r}, "
                       "violations {x}, overrides {o}", s=f"{f.code} {f.name}".strip(), v=f.vehicles, r=f.refused,
                       x=f.violations, o=f.overrides))
    for key in necessities.KEYS:
        if key in view.total.goods:
            lines.append(f"  {necessities.name(key)}: {view.total.quantity(key, 0)} / {view.total.quantity(key, 1)}")
    for code, name in view.missing:
        lines.append(t("  未上报：{c} {n}", "  not reported: {c} {n}", c=code, n=name))
    data: dict[str, object] = {
        "day": day.isoformat(), "centre": view.centre_name, "missing": [list(m) for m in view.missing],
        "sites": [{"code": f.code, "name": f.name, "vehicles": f.vehicles, "admitted": f.admitted,
                   "handoff": f.handoff, "refused": f.refused, "violations": f.violations, "overrides": f.overrides,
                   "goods": {k: {u: {"received": q[0], "handed_on": q[1]} for u, q in units.items()}
                             for k, units in f.goods.items()}} for f in (*view.sites, view.total)]}
    if out is not None:
        body = county_report.county_xlsx(view) if kind == "xlsx" else county_report.county_pdf(view)
        write_output(args, out, body, kind)
        data[kind] = str(out)
        lines.append(str(out))
    emit(args, data, lines)
    return EXIT_OK
