"""`gatehouse backup` and `gatehouse restore`: verified copies of the database, and putting one back.

`backup [--json]` makes one now (beside the database in backups/, and in the second folder when the
`backup.second_folder` setting names one), checks it and prints where it is and its verdict; exit 1
when the copy fails its check. On a PostgreSQL database it runs `pg_dump` when that is on PATH.

`restore BACKUP` or `restore --latest` (the newest verified copy) keeps the current file aside
(renamed with a time stamp), puts the backup in place, checks it and prints what was lost: the audit
events written after the backup. It works on a damaged database too (that is when it is needed), so
it signs nobody in: whoever may replace the file may restore it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from dataclasses import asdict
from pathlib import Path

from desktop.cli import EXIT_FAILED, EXIT_OK, UsageError, emit
from desktop.cli._common import db_target, input_file, open_db
from desktop.i18n import t


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="make a verified backup now and print where it is")
    p.set_defaults(func=run_backup)
    r = sub.add_parser("restore", parents=[common], help="put a backup in place of the database (the current file is kept aside)")
    r.add_argument("backup", nargs="?", default=None, metavar="BACKUP", help="the backup file to restore")
    r.add_argument("--latest", action="store_true", help="the newest verified backup of this database")
    r.add_argument("--list", action="store_true", help="only list the backups with their verdicts")
    r.add_argument("--operator", default=os.environ.get("GATEHOUSE_OPERATOR"),
                   help="the administrator who restores over a working database (PIN from $GATEHOUSE_PIN or a prompt)")
    r.set_defaults(func=run_restore)


def _sqlite_path(args: argparse.Namespace) -> Path | None:
    from desktop.store.engine import sqlite_path, to_url

    return sqlite_path(to_url(db_target(args)))


def run_backup(args: argparse.Namespace) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import backups, settings

    path = _sqlite_path(args)
    if path is None:
        return _pg_dump(args)
    db = open_db(args)
    try:
        with db.session(write=False) as s:
            second = settings.value(s, "backup.second_folder")
    finally:
        db.dispose()
    # the copy checked as the window checks it: in a child process (a spawned interpreter, or the
    # frozen program started again), so the command proves the path the window depends on
    result = backups.make(path, now=SystemClock().now(), second_folder=second, why="manual", apart=True)
    info = result.backup
    lines = [t("已备份到：{p}", "backed up to: {p}", p=info.path)]
    lines += [t("  另存：{p}", "  also: {p}", p=c) for c in result.copies[1:]]
    lines.append(_verdict_line(info))
    lines += [f"  {f}" for f in info.verdict.findings[:10]]
    lines += [t("警告：{w}", "warning: {w}", w=w) for w in result.problems]
    emit(args, {"path": info.path, "copies": result.copies, "ok": info.ok, "verdict": asdict(info.verdict),
                "problems": result.problems, "removed": result.removed}, lines)
    return EXIT_OK if info.ok and not result.problems else EXIT_FAILED


def _verdict_line(info: object) -> str:
    v = info.verdict  # type: ignore[attr-defined]
    size = info.size  # type: ignore[attr-defined]
    if v.ok:
        return t("核验通过：{n} 条审计记录，{k} KB", "verified: {n} audit events, {k} KB", n=v.audit_events, k=size // 1024)
    return t("核验未通过（{n} 个问题）", "FAILED its check ({n} finding(s))", n=len(v.findings))


def _pg_dump(args: argparse.Namespace) -> int:
    """A server database: `pg_dump -Fc` into the data folder's backups/, then `pg_restore --list`
    reads it back (a dump it cannot read is a failure, not a backup). The password goes to pg_dump
    through its environment, never on its command line (where `ps` shows it)."""
    from sqlalchemy.engine import URL, make_url

    from desktop.domain.clock import SystemClock
    from desktop.paths import data_dir

    tool = shutil.which("pg_dump")
    if tool is None:
        raise UsageError(t("这是 PostgreSQL 数据库，本机 PATH 上没有 pg_dump：请安装 PostgreSQL 客户端工具，"
                           "或在服务器上用 pg_dump -Fc（或 pg_basebackup）备份。",
                           "this is a PostgreSQL database and pg_dump is not on this machine's PATH: install the "
                           "PostgreSQL client tools, or back it up on the server with pg_dump -Fc (or pg_basebackup)."))
    url = make_url(db_target(args))
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = URL.create("postgresql", username=url.username, host=url.host, port=url.port, database=url.database,
                       query=url.query).render_as_string(hide_password=False)  # no password: it is in env
    folder = data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"gatehouse-pg-{SystemClock().now().strftime('%Y%m%dT%H%M%SZ')}.dump"
    done = subprocess.run([tool, "-Fc", f"--file={target}", plain], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        raise UsageError(t("pg_dump 失败：{e}", "pg_dump failed: {e}",
                           e=(done.stderr.strip().splitlines() or [str(done.returncode)])[-1]))
    entries = None
    lister = shutil.which("pg_restore")
    if lister is not None:
        listed = subprocess.run([lister, "--list", str(target)], capture_output=True, text=True)
        if listed.returncode != 0:
            raise UsageError(t("pg_dump 写出的文件无法读取：{p}", "the dump pg_dump wrote cannot be read: {p}", p=target))
        entries = sum(1 for line in listed.stdout.splitlines() if line and not line.startswith(";"))
    size = target.stat().st_size
    lines = [t("已备份到：{p}", "backed up to: {p}", p=target)]
    lines.append(t("pg_restore 可读取：{n} 项，{k} KB", "readable by pg_restore: {n} entries, {k} KB", n=entries, k=size // 1024)
                 if entries is not None else t("（本机没有 pg_restore，未读回核对）", "(no pg_restore here: not read back)"))
    emit(args, {"path": str(target), "ok": True, "tool": "pg_dump", "format": "custom", "size": size,
                "entries": entries}, lines)
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from desktop.domain.clock import SystemClock
    from desktop.services import backups

    path = _sqlite_path(args)
    if path is None:
        raise UsageError(t("PostgreSQL 数据库请在服务器上用 pg_restore 恢复。",
                           "restore a PostgreSQL database on the server with pg_restore."))
    second = backups.second_folder_of(path) if path.exists() else ""
    if args.list:
        found = [b for f in backups.folders(path, second) for b in backups.list_backups(f, db=_key(path))]
        emit(args, {"backups": [asdict(b) | {"ok": b.ok} for b in found]},
             [f"{b.at[:19]}  {'OK ' if b.ok else 'BAD'}  {b.size // 1024:>8} KB  {b.verdict.audit_events:>7}  {b.path}"
              for b in found] or [t("没有备份。", "no backups.")])
        return EXIT_OK
    if args.latest == (args.backup is not None):
        raise UsageError(t("请给出备份文件或 --latest（二选一）。", "give a BACKUP file or --latest (one of them)."))
    if args.latest:
        chosen = backups.latest_verified(path, second)
        if chosen is None:
            raise UsageError(t("找不到 {p} 的已核验备份（在 {f}）。", "no verified backup of {p} (in {f}).",
                               p=path, f=", ".join(str(f) for f in backups.folders(path, second))))
        source = Path(chosen.path)
    else:
        source = input_file(args.backup)
    who = _restorer(args, path, SystemClock().now())
    result = backups.restore(path, source, now=SystemClock().now())
    lines = [t("已从 {b} 恢复 {p}", "restored {p} from {b}", b=result.restored_from, p=result.database),
             t("操作人：{w}", "restored by: {w}", w=who) if who else
             t("原数据库无法打开，未核对操作人。", "the database could not be opened, so nobody was signed in.")]
    if result.kept_aside:
        lines.append(t("原文件保留为：{a}", "the previous file is kept as: {a}", a=result.kept_aside))
    if result.lost_events is None:
        lines.append(t("原文件无法读取，无法统计丢失的记录。", "the previous file could not be read to count what was lost."))
    elif result.lost_events:
        lines.append(t("丢失：备份之后的 {n} 条审计记录（最后一条在 {at}）",
                       "lost: {n} audit event(s) written after the backup (the last at {at})",
                       n=result.lost_events, at=result.last_lost_at[:19]))
    else:
        lines.append(t("没有丢失任何审计记录。", "no audit events were lost."))
    lines.append(t("恢复后核验：通过", "check after restoring: passed") if result.verdict.ok
                 else t("恢复后核验：未通过", "check after restoring: FAILED"))
    emit(args, {**asdict(result), "ok": result.verdict.ok}, lines)
    return EXIT_OK if result.verdict.ok else EXIT_FAILED


def _restorer(args: argparse.Namespace, path: Path, now: object) -> str:
    """Restoring over a database that still opens throws away what was written since the backup,
    so an administrator does it (PIN checked, a refusal audited). A database that does not open —
    the usual reason for restoring — cannot say who its administrators are: then nobody is asked,
    and the current file is kept aside as always."""
    from desktop.cli._operator import acting_as
    from desktop.domain.permissions import Permission

    try:
        db = open_db(args)
    except Exception:  # any reason it does not open is a reason to restore
        return ""
    try:
        if not args.operator:
            raise UsageError(t("数据库可以正常打开：覆盖它须由管理员进行（--operator 账号）。",
                               "the database opens fine: restoring over it needs an administrator (--operator USER)."))
        with db.session() as s:
            return acting_as(s, username=args.operator, now=now, permission=Permission.BACKUP,
                             action="backup.restore").operator
    finally:
        db.dispose()


def _key(path: Path) -> str:
    from desktop.services.anchors import db_key

    return db_key(path)
