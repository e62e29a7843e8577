"""`gatehouse export [--day YYYY-MM-DD] --out DIR --operator NAME`: the day package (日数据包) of
this site for the command centre — one signed zip per site and day (README: "Command centre").

The file is written into DIR (a USB stick, a shared folder) and read back from it; a difference is
an error (exit 1). The first export makes the site's signing key and prints its fingerprint, to be
read to the command centre by phone.
"""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, emit
from desktop.cli._common import db_target, open_db, output_dir, parse_day
from desktop.cli._operator import add_operator_argument, signed_in
from desktop.i18n import t


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="write this site's signed day package for the command centre")
    p.add_argument("--day", "--date", dest="day", default=None, help="YYYY-MM-DD, local day (default: today)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write into (created if missing)")
    add_operator_argument(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop import outfiles
    from desktop.domain.clock import SystemClock
    from desktop.domain.localtime import site_tz
    from desktop.services import daypackage

    now = SystemClock().now()
    folder = output_dir(args.out)
    db = open_db(args)
    try:
        day = parse_day(args.day) or now.astimezone(site_tz()).date()
        with db.session() as s:
            actor = signed_in(s, username=args.operator, station="cli", now=now)
            package = daypackage.export_day(s, actor=actor, now=now, day=day, tz=site_tz())
    finally:
        db.dispose()
    path = daypackage.write_verified(folder, package, protect=outfiles.protected_from(db_target(args)))
    lines = [t("已写入并读回核对：{p}", "Written and read back: {p}", p=path),
             f"  SHA-256 {package.sha256}",
             t("  站点签名密钥指纹 {f}", "  site key fingerprint {f}", f=package.fingerprint)]
    if package.new_key:
        lines.append(t("首次导出：已生成本站点签名密钥。请把上面的指纹电话告知指挥部核对。",
                       "First export: this site's signing key was made. Read the fingerprint above to the "
                       "command centre by phone."))
    emit(args, {"file": str(path), "sha256": package.sha256, "site": package.site_code, "day": day.isoformat(),
                "fingerprint": package.fingerprint, "new_key": package.new_key, "summary": package.summary}, lines)
    return EXIT_OK
