"""Verified, rotated backups of an SQLite database, and restoring one.

`make` copies the live file with SQLite's online backup (`desktop.services.backup.backup_sqlite`)
into `<database folder>/backups` as `<name>-<UTC time>.sqlite3` — and into the
`backup.second_folder` setting (a USB stick) when set — then checks the copy right away
(integrity_check, foreign_key_check, the audit chain through `verify`, row counts) and writes the
verdict to a sidecar `<copy>.json`. Each backup also appends a chain anchor
(`desktop.services.anchors`) to the folder's `anchors.jsonl`. `rotate` keeps every copy for 24
hours, then the newest of each day for 30 days.

`restore` puts a backup in place of the database: the current file is renamed aside with a time
stamp (never deleted), the backup copied in and checked, and what the restore gave up (audit events
after the backup) is counted. A backup whose bytes still have the SHA-256 recorded when it passed its
full check is copied byte for byte (hashed on the way) and not checked in full a second time: that
is what brings a million-slip restore under a minute (`gatehouse bench --only restore`).

These work on files, not through a signed-in session: a damaged database, which nobody can sign in
to, is exactly when a restore is needed. Nothing here writes to the database being backed up.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.domain.localtime import local
from desktop.i18n import t
from desktop.services import anchors, audit  # noqa: F401  (audit first: authz imports it back)
from desktop.services.authz import internal
from desktop.services.backup import backup_sqlite
from desktop.services.context import ServiceError

FOLDER = "backups"
KEEP_ALL = timedelta(hours=24)
KEEP_DAILY = timedelta(days=30)
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)(?:-\d+)?\.sqlite3$")


@dataclass
class Verdict:
    """What the check of one copy found: `ok` only when everything held."""

    ok: bool = False
    integrity: str = ""
    foreign_keys: int = 0
    findings: list[str] = field(default_factory=list)
    audit_events: int = 0
    head: str = ""
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class BackupInfo:
    path: str
    at: str  # UTC, ISO
    size: int
    verdict: Verdict
    why: str = ""
    db: str = ""  # anchors.db_key of the database it copies
    site: str = ""
    sha256: str = ""  # of the file as it was when checked: the same bytes need no second full check

    @property
    def ok(self) -> bool:
        return self.verdict.ok


@dataclass
class BackupResult:
    backup: BackupInfo
    copies: list[str] = field(default_factory=list)  # every place it was written, the second folder included
    problems: list[str] = field(default_factory=list)  # failures of the second folder: an alarm, not a stop
    removed: list[str] = field(default_factory=list)  # rotated away


@dataclass
class RestoreResult:
    database: str
    restored_from: str
    kept_aside: str
    verdict: Verdict
    lost_events: int | None  # None: the old file could not be read to count them
    last_lost_at: str


def folder_for(db_path: Path) -> Path:
    return db_path.expanduser().resolve().parent / FOLDER


def folders(db_path: Path, second: str = "") -> list[Path]:
    """Where backups of this database go: beside it, and the second folder when one is set."""
    out = [folder_for(db_path)]
    if second.strip():
        out.append(Path(second.strip()).expanduser())
    return out


# --- checking a copy --------------------------------------------------------------------------


def check_copy(path: Path) -> Verdict:
    """Integrity, foreign keys, the audit chain (full `verify`) and row counts of a file nobody
    writes to; never raises — what cannot be read is the verdict."""
    from sqlalchemy import create_engine
    from sqlmodel import Session

    from desktop.services import verify

    verdict = Verdict()
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
        try:
            tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            verdict.counts = {name: int(con.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]) for name in tables}
        finally:
            con.close()
    except sqlite3.Error as exc:
        verdict.integrity = str(exc)
        verdict.findings.append(str(exc))
        return verdict
    engine = create_engine(f"sqlite:///file:{path.resolve()}?immutable=1&uri=true")
    try:
        with Session(engine) as session:
            report = verify.verify(session, dialect="sqlite")
    except Exception as exc:  # verify itself reports; this is a file SQLAlchemy cannot even open
        verdict.integrity = str(exc)
        verdict.findings.append(str(exc))
        return verdict
    finally:
        engine.dispose()
    verdict.integrity = report.integrity
    verdict.foreign_keys = len(report.foreign_key_problems)
    verdict.findings = [f.line() for f in report.findings] + report.left_out_lines()  # bounded: verify keeps 1,000
    verdict.audit_events = report.audit_events
    verdict.ok = report.ok
    verdict.head = _head(path)
    return verdict


def _head(path: Path) -> str:
    found = _scalar(path, "SELECT CAST(hash AS TEXT) FROM audit_event ORDER BY id DESC LIMIT 1")
    return "" if found is _UNREADABLE else str(found) if found is not None else "0" * 64


_UNREADABLE = object()


def _scalar(path: Path, sql: str) -> object:
    """The first column of the first row (None when there is none), or _UNREADABLE."""
    try:
        con = _read_only(path)
        try:
            row = con.execute(sql).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return _UNREADABLE
    return row[0] if row else None


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that changes nothing: through the log when a -wal is beside the file (someone
    may have it open), else immutable (even a read-only connection to a WAL file leaves -shm)."""
    mode = "mode=ro" if Path(f"{path}-wal").exists() else "immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)


def second_folder_of(db_path: Path) -> str:
    """The `backup.second_folder` setting read straight from the file ("" when unset or unreadable):
    a restore must find the USB stick's copies even when the database cannot be opened."""
    raw = _scalar(db_path, "SELECT value FROM setting WHERE key = 'backup.second_folder'")
    try:
        value = json.loads(raw) if isinstance(raw, str | bytes) else ""
    except ValueError:
        return ""
    return value if isinstance(value, str) else ""


def _site(path: Path) -> str:
    found = _scalar(path, "SELECT code FROM site ORDER BY id LIMIT 1")
    return "" if found is _UNREADABLE or found is None else str(found)


# --- making one -------------------------------------------------------------------------------


def _target(folder: Path, stem: str, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target, n = folder / f"{stem}-{stamp}.sqlite3", 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{stamp}-{n}.sqlite3"
    return target


def _sidecar(copy: Path) -> Path:
    return copy.with_name(copy.name + ".json")


def _write_sidecar(info: BackupInfo) -> None:
    path = _sidecar(Path(info.path))
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(asdict(info), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(partial, path)


@internal("copies the database file to backup folders; writes nothing to the database")
def check_copy_apart(path: Path) -> Verdict:
    """`check_copy` in a child process of its own (spawned: a fresh interpreter, also when frozen).

    For the window: checking a copy with millions of audited rows takes hundreds of MB for a minute
    (verify's map of every row) and holds the interpreter; in a child that memory goes back to the
    system when the child ends, and the window's interpreter stays free to answer. A child that dies
    is a failed check, never an exception; where no child can be started at all, the check runs in
    this process, as before."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
            return pool.submit(check_copy, path).result()
    except (OSError, ImportError, NotImplementedError):
        # No child can be started here (no working sem_open without /dev/shm, no process to spare):
        # the check still runs, in this process, as it did before.
        return check_copy(path)
    except Exception as exc:  # BrokenProcessPool: the child was killed or ran out of memory
        verdict = Verdict()
        verdict.integrity = t("检查进程失败：{e}", "the check's process failed: {e}", e=str(exc) or type(exc).__name__)
        verdict.findings.append(verdict.integrity)
        return verdict


def make(db_path: Path, *, now: datetime, second_folder: str = "", why: str = "manual",
         apart: bool = False) -> BackupResult:
    """Back up `db_path` now, check the copy, record the verdict and an anchor, rotate.
    With `apart`, the copy is checked in a child process (`check_copy_apart`: the window's way).

    Raises ServiceError when the copy in the first folder cannot be written. A copy that is written
    but fails its check is kept (with its verdict) and returned with `ok` False: the caller raises
    the alarm. A second folder that cannot be written is a `problem`, not a failure."""
    folder = folder_for(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ServiceError("backup_failed", t("无法创建备份文件夹 {p}：{e}", "cannot make the backup folder {p}: {e}",
                                              p=folder, e=exc.strerror or exc)) from exc
    target = backup_sqlite(db_path, _target(folder, db_path.stem, now))
    _self_contained(target)
    digest = _file_hash(target)  # before the check, which opens it immutable: the bytes that were checked
    verdict = check_copy_apart(target) if apart else check_copy(target)
    info = BackupInfo(str(target), now.astimezone(UTC).isoformat(), target.stat().st_size, verdict, why,
                      anchors.db_key(db_path), _site(target), digest if verdict.ok else "")
    _write_sidecar(info)
    anchor = anchors.Anchor(verdict.audit_events, verdict.head or "0" * 64, info.at, info.site, info.db, why)
    result = BackupResult(info, [str(target)])
    try:
        anchors.append(folder, anchor)
    except OSError as exc:
        result.problems.append(t("无法写入链锚点：{e}", "cannot write the chain anchor: {e}", e=exc))
    result.removed += rotate(folder, now=now, stem=db_path.stem)
    for extra in folders(db_path, second_folder)[1:]:
        try:
            extra.mkdir(parents=True, exist_ok=True)
            copy = backup_sqlite(target, _target(extra, db_path.stem, now))
            same = info.sha256 if info.sha256 and _file_hash(copy) == info.sha256 else ""  # else: checked in full
            _write_sidecar(BackupInfo(str(copy), info.at, info.size, verdict, why, info.db, info.site, same))
            anchors.append(extra, anchor)
            result.copies.append(str(copy))
            result.removed += rotate(extra, now=now, stem=db_path.stem)
        except (OSError, ServiceError) as exc:
            result.problems.append(t("第二备份目录 {p} 写入失败：{e}", "the second backup folder {p} failed: {e}",
                                     p=extra, e=getattr(exc, "message", None) or exc))
    return result


def _self_contained(path: Path) -> None:
    """A backup is one file: rollback-journal mode, so opening it read-only needs no -wal or -shm."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = DELETE")
    finally:
        con.close()


# --- listing and rotating ---------------------------------------------------------------------


def _stamp_of(path: Path) -> datetime | None:
    m = _NAME.match(path.name)
    if m is None:
        return None
    return datetime.strptime(m.group("stamp"), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def list_backups(folder: Path, *, db: str | None = None) -> list[BackupInfo]:
    """The backups in `folder`, newest first, each with its recorded verdict (a copy without a
    readable sidecar is listed as unverified). With `db`, only copies of that database."""
    out = []
    for path in folder.glob("*.sqlite3"):
        at = _stamp_of(path)
        if at is None:
            continue
        info = _read_sidecar(path, at)
        if db is None or info.db in (db, ""):
            out.append(info)
    return sorted(out, key=lambda i: (i.at, i.path), reverse=True)


def _read_sidecar(path: Path, at: datetime) -> BackupInfo:
    size = path.stat().st_size
    try:
        raw = json.loads(_sidecar(path).read_text(encoding="utf-8"))
        verdict = Verdict(**raw["verdict"])
        return BackupInfo(str(path), str(raw["at"]), size, verdict, str(raw.get("why", "")), str(raw.get("db", "")),
                          str(raw.get("site", "")), str(raw.get("sha256", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return BackupInfo(str(path), at.isoformat(), size, Verdict(findings=[t("没有核验记录", "no verdict recorded")]))


def latest_verified(db_path: Path, second: str = "") -> BackupInfo | None:
    """The newest backup of this database whose check passed, in any of its folders."""
    key = anchors.db_key(db_path)
    found = [b for folder in folders(db_path, second) for b in list_backups(folder, db=key) if b.ok]
    return max(found, key=lambda b: b.at, default=None)


@internal("removes old backup copies by the rotation rule; writes nothing to the database")
def rotate(folder: Path, *, now: datetime, stem: str | None = None) -> list[str]:
    """Keep every copy younger than 24 h, the newest of each (site-local) day up to 30 days, none
    older; returns what was removed. Only files named as `make` names them are touched."""
    kept_days: set[object] = set()
    removed = []
    dated = [(at, p) for p in folder.glob("*.sqlite3") if (at := _stamp_of(p)) is not None
             and (stem is None or _NAME.match(p.name).group("stem") == stem)]  # type: ignore[union-attr]
    for at, path in sorted(dated, reverse=True):
        age = now - at
        if age <= KEEP_ALL:
            continue
        day = local(at).date()
        if age <= KEEP_DAILY and day not in kept_days:
            kept_days.add(day)
            continue
        try:
            path.unlink()
            _sidecar(path).unlink(missing_ok=True)
            removed.append(str(path))
        except OSError:
            continue
    return removed


# --- restoring --------------------------------------------------------------------------------


def _lost(db_path: Path, after: int) -> tuple[int | None, str]:
    """Audit events of the current file after event `after`: how many, and the last one's time."""
    try:
        con = _read_only(db_path)
        try:
            row = con.execute("SELECT COUNT(*), MAX(CAST(at AS TEXT)) FROM audit_event WHERE id > ?", (after,)).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None, ""
    return int(row[0]), str(row[1] or "")


def preview(db_path: Path, backup: BackupInfo) -> tuple[int | None, str]:
    """What restoring `backup` would lose: (audit events after it, the last one's time)."""
    return _lost(db_path, backup.verdict.audit_events)


def _file_hash(path: Path, copy_to: Path | None = None) -> str:
    """SHA-256 of a file's bytes, read once; written to `copy_to` on the way when given."""
    digest = hashlib.sha256()
    with open(path, "rb") as src, (open(copy_to, "wb") if copy_to is not None else contextlib.nullcontext()) as dst:
        while chunk := src.read(1 << 20):
            digest.update(chunk)
            if dst is not None:
                dst.write(chunk)
        if dst is not None:
            dst.flush()
            os.fsync(dst.fileno())
    return digest.hexdigest()


def _precheck(path: Path) -> tuple[Verdict, str]:
    """A backup's fitness to restore, and the hash its bytes must have when copied ("" when none).

    Verified when made and still the same bytes (its recorded SHA-256): the recorded verdict holds
    as it is — the full check is not run again, and the restored file is an exact copy. Verified
    when made but with no hash (an older backup) or other bytes: SQLite's quick_check here, and the
    full check runs once, on the restored file. Never verified: the full check now."""
    at = _stamp_of(path)
    info = _read_sidecar(path, at) if at is not None else None
    recorded = info.verdict if info is not None else None
    if recorded is None or not recorded.ok:
        return check_copy(path), ""
    if info is not None and info.sha256 and _file_hash(path) == info.sha256:
        return recorded, info.sha256
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
        try:
            result = "; ".join(str(r[0]) for r in con.execute("PRAGMA quick_check").fetchall()[:5])
        finally:
            con.close()
    except sqlite3.Error as exc:
        result = str(exc)
    if result != "ok":
        return Verdict(integrity=result, findings=[result]), ""
    return recorded, ""


@internal("replaces the database file with a backup, keeping the current file aside; file-level")
def restore(db_path: Path, backup_path: Path, *, now: datetime) -> RestoreResult:
    """Put `backup_path` in place of `db_path`. The backup is checked first (a bad one is refused),
    the current file (with its -wal) is renamed aside, never deleted, and the restored file checked."""
    if not backup_path.is_file():
        raise ServiceError("no_backup", t("找不到备份：{p}", "no such backup: {p}", p=backup_path))
    verdict, exact = _precheck(backup_path)
    if not verdict.ok:
        raise ServiceError("bad_backup", t("备份 {p} 未通过核验，不能用于恢复：{w}",
                                           "the backup {p} fails its check and cannot be restored: {w}",
                                           p=backup_path, w="; ".join(verdict.findings[:3]) or verdict.integrity))
    lost, last_at = _lost(db_path, verdict.audit_events) if db_path.exists() else (0, "")
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
    incoming = db_path.with_name(db_path.name + ".restoring")
    if exact:  # the very bytes that were checked: copied as they are, and checked to be them on the way
        try:
            if _file_hash(backup_path, copy_to=incoming) != exact:
                exact = ""  # changed since: the full check below decides
        except OSError as exc:
            incoming.unlink(missing_ok=True)
            raise ServiceError("restore_failed", t("无法复制备份 {p}：{e}", "cannot copy the backup {p}: {e}",
                                                   p=backup_path, e=exc.strerror or exc)) from exc
    else:
        backup_sqlite(backup_path, incoming)
        _self_contained(incoming)
    if db_path.exists():
        os.replace(db_path, aside)
        for side in ("-wal", "-shm", "-journal"):
            old = Path(f"{db_path}{side}")
            if old.exists():
                os.replace(old, Path(f"{aside}{side}"))
    os.replace(incoming, db_path)
    after = verdict if exact else check_copy(db_path)
    if not after.ok:  # changed since its check: put the previous file back, keep the rejected copy
        os.replace(db_path, db_path.with_name(f"{db_path.stem}.rejected-restore-{stamp}{db_path.suffix}"))
        if aside.exists():
            for side in ("-wal", "-shm", "-journal"):
                if Path(f"{aside}{side}").exists():
                    os.replace(Path(f"{aside}{side}"), Path(f"{db_path}{side}"))
            os.replace(aside, db_path)
        raise ServiceError("bad_backup", t("备份 {p} 恢复后未通过核验，已放回原文件：{w}",
                                           "the backup {p} failed its check once restored; the previous file is back: {w}",
                                           p=backup_path, w="; ".join(after.findings[:3]) or after.integrity))
    try:
        length = after.audit_events
        anchors.append(folder_for(db_path), anchors.Anchor(length, after.head or "0" * 64, now.astimezone(UTC).isoformat(),
                                                           _site(db_path), anchors.db_key(db_path), anchors.RESTORE))
    except OSError:
        pass  # the restore stands; verify may then hold old anchors against it and say so
    return RestoreResult(str(db_path), str(backup_path), str(aside) if aside.exists() else "", after, lost, last_at)
