"""`gatehouse merge FILE... --operator NAME`: take the sites' day packages into this command
centre's database (desktop.services.merge). Each file is reported on one line (what it was, the
site's key fingerprint when the site was registered by it, what a corrected package changed); a
refused file says why. Exit 1 when any file was refused, 0 when all were taken (or already there)."""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_FAILED, EXIT_OK, UsageError, emit
from desktop.cli._common import input_file, open_db
from desktop.cli._operator import add_operator_argument, signed_in
from desktop.i18n import t


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("merge", parents=[common], help="command centre: merge the sites' day packages")
    p.add_argument("files", nargs="+", metavar="FILE", help="day packages (gatehouse-day-*.zip)")
    p.add_argument("--new-key", default=None, metavar="FINGERPRINT",
                   help="a site's new key: accept the key that signed FILE when its fingerprint is this one "
                        "(as the site read it out by phone)")
    add_operator_argument(p)
    p.set_defaults(func=run)


def _said(m: object) -> list[str]:
    from desktop.services.merge import Merged

    assert isinstance(m, Merged)
    head = {"merged": t("已合并", "merged"), "same": t("已有此包，未改动", "already merged, nothing changed"),
            "replaced": t("更正包，已替换先前的", "corrected package, replaces the earlier one")}[m.outcome]
    lines = [f"{m.site_code} {m.site_name} {m.day.isoformat()}: {head}"]
    if m.registered:
        lines.append(t("  新站点已登记，密钥指纹 {f} —— 请电话与站点核对。",
                       "  new site registered, key fingerprint {f} — compare it with the site by phone.",
                       f=m.fingerprint))
    if m.outcome == "replaced":
        lines += [f"  {c}" for c in m.changes] or [t("  数字没有变化。", "  no figure changed.")]
    return lines


def run(args: argparse.Namespace) -> int:
    from desktop.documents.day_package import MAX_BYTES
    from desktop.domain.clock import SystemClock
    from desktop.services import merge
    from desktop.services.context import ServiceError

    paths = [input_file(f) for f in args.files]
    for path in paths:
        if path.stat().st_size > MAX_BYTES:
            raise UsageError(t("{f} 过大，不是日数据包。", "{f} is too big to be a day package.", f=path))
    now = SystemClock().now()
    db = open_db(args)
    results: list[dict[str, object]] = []
    lines: list[str] = []
    refused = 0
    try:
        with db.session() as s:
            actor = signed_in(s, username=args.operator, station="cli", now=now)
        for path in paths:
            try:
                with db.session() as s:
                    if args.new_key:
                        m = merge.accept_new_key(s, actor=actor, now=now, data=path.read_bytes(),
                                                 fingerprint=args.new_key)
                    else:
                        m = merge.merge_package(s, actor=actor, now=now, data=path.read_bytes())
            except ServiceError as exc:
                if exc.code in ("forbidden", "not_centre"):
                    raise
                refused += 1
                results.append({"file": str(path), "outcome": "refused", "code": exc.code, "reason": exc.message})
                lines.append(t("{f}：拒收 —— {r}", "{f}: refused — {r}", f=path.name, r=exc.message))
                continue
            results.append({"file": str(path), "outcome": m.outcome, "site": m.site_code, "day": m.day.isoformat(),
                            "fingerprint": m.fingerprint, "registered": m.registered, "changes": m.changes})
            lines += [f"{path.name}: " + _said(m)[0], *_said(m)[1:]]
    finally:
        db.dispose()
    emit(args, {"files": results, "refused": refused}, lines)
    return EXIT_FAILED if refused else EXIT_OK
