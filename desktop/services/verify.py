"""`gatehouse verify`: the file's integrity, its foreign keys, the audit chain, and every guarded row
held to the newest audit event about it (see `desktop.services.audit_rows`).

Verify reads defensively (`desktop.services.verify_read`): whatever the file holds, it returns a
report — every problem a `Finding` naming the table and row — and never raises for bad data.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, inspect
from sqlmodel import Session

from desktop.i18n import t
from desktop.services import anchors as chain_anchors
from desktop.services import audit_rows
from desktop.services.anchors import Anchor
from desktop.services.verify_read import (
    Event,
    Finding,
    Sink,
    chain_findings,
    count_hint,
    decode_plain,
    describe,
    events,
    head,
    plain_batches,
    plain_json,
    plain_time,
    raw_text,
)

SHOWN = 50  # findings listed in the text report; the JSON has every one kept
KEEP = 1000  # findings kept as objects; the rest are only counted (millions of bad rows, not gigabytes)
EVERY = 10_000  # events between two progress calls

__all__ = ["Cancelled", "Finding", "Progress", "VerifyReport", "verify"]

# progress(events checked so far, about how many there are (0: not known)) -> False to stop
Progress = Callable[[int, int], "bool | None"]


class Cancelled(Exception):
    """The person stopped the check (the progress callback said so): nothing was found or cleared."""

    def __init__(self, checked: int) -> None:
        super().__init__(t("校验已取消：已核对 {n} 条审计记录，未得出结论。",
                           "Verification cancelled after {n} audit events; no conclusion was reached.", n=checked))
        self.checked = checked


@dataclass
class VerifyReport:
    integrity: str = "ok"
    foreign_key_problems: list[str] = field(default_factory=list)
    audit_events: int = 0
    first_broken_event: int | None = None
    broken_reason: str = ""
    head_ok: bool = True
    rows_checked: int = 0
    anchors_checked: int = 0
    findings: list[Finding] = field(default_factory=list)  # the first KEEP found (verify's own order)
    left_out: dict[str, dict[str, int]] = field(default_factory=dict)  # the others, counted: kind -> table -> n

    @property
    def ok(self) -> bool:
        return (not self.findings and not self.left_out and self.integrity == "ok" and not self.foreign_key_problems
                and self.first_broken_event is None and self.head_ok)

    @property
    def left_out_count(self) -> int:
        return sum(n for tables in self.left_out.values() for n in tables.values())

    @property
    def finding_count(self) -> int:
        """Every finding, kept or only counted."""
        return len(self.findings) + self.left_out_count

    def counts(self) -> dict[str, dict[str, int]]:
        """Every finding counted by kind, then table ('' for the file as a whole)."""
        out: dict[str, dict[str, int]] = {}
        for f in self.findings:
            tables = out.setdefault(f.kind, {})
            tables[f.table] = tables.get(f.table, 0) + 1
        for kind, tables in self.left_out.items():
            for table, n in tables.items():
                mine = out.setdefault(kind, {})
                mine[table] = mine.get(table, 0) + n
        return out

    def append(self, finding: Finding) -> None:
        """One finding: kept while fewer than KEEP are, else only counted."""
        if len(self.findings) < KEEP:
            self.findings.append(finding)
        else:
            self.count_only(finding.kind, finding.table)

    def extend(self, found: Iterable[Finding]) -> None:
        for finding in found:
            self.append(finding)

    def count_only(self, kind: str, table: str, n: int = 1) -> None:
        tables = self.left_out.setdefault(kind, {})
        tables[table] = tables.get(table, 0) + n

    def put_first(self, found: list[Finding]) -> None:
        """Findings that come before all others in the report (the integrity check's), still within KEEP."""
        self.findings[0:0] = found
        for finding in self.findings[KEEP:]:
            self.count_only(finding.kind, finding.table)
        del self.findings[KEEP:]

    def lines(self) -> list[str]:
        out = [t("完整性检查：{r}", "integrity_check: {r}", r=self.integrity)]
        out.append(t("外键检查：{n} 个问题", "foreign_key_check: {n} problem(s)", n=len(self.foreign_key_problems)))
        out.extend(f"  {p}" for p in self.foreign_key_problems[:20])
        if self.first_broken_event is None:
            out.append(t("审计链：{n} 条记录，完好", "audit chain: {n} events, intact", n=self.audit_events))
        else:
            out.append(t("审计链：第 {i} 条记录被篡改或缺失：{why}", "audit chain: event {i} is broken: {why}",
                         i=self.first_broken_event, why=self.broken_reason))
        if not self.head_ok:
            out.append(t("审计链：末尾记录被删除（链头与最后一条记录不符）",
                         "audit chain: events were removed from the end (head does not match the last event)"))
        out.append(t("记录核对：{n} 行", "rows held to the audit log: {n}", n=self.rows_checked))
        if self.anchors_checked:
            out.append(t("链锚点：对照 {n} 个", "chain anchors held: {n}", n=self.anchors_checked))
        total = self.finding_count
        if total:
            out.append(t("发现 {n} 个问题：", "{n} finding(s):", n=total))
            out.extend(f"  {f.line()}" for f in self.findings[:SHOWN])
            if len(self.findings) > SHOWN:
                out.append(t("  ……另有 {n} 个（见 --json）", "  … and {n} more (see --json)", n=len(self.findings) - SHOWN))
            out.extend(f"  {line}" for line in self.left_out_lines())
        return out

    def left_out_lines(self) -> list[str]:
        """What was only counted, by kind and table (nothing when every finding was kept)."""
        if not self.left_out:
            return []
        out = [t("另有 {n} 个问题只计数、未逐条保留（--json 的 left_out 按种类和表列出）：",
                 "{n} more finding(s) only counted, not kept one by one (--json: left_out, by kind and table):",
                 n=self.left_out_count)]
        out.extend(f"  [{kind}] {table or '-'}: {n}" for kind, tables in sorted(self.left_out.items())
                   for table, n in sorted(tables.items()))
        return out


# table -> row key -> the newest audit event's word on the row: its digest and the event's id, packed in
# 24 bytes (`audit_chain.row_digest`'s 16, then the id's 8; only the 8 when it says deleted). One entry per guarded row of the file, so it must be small: a
# million-slip station has three million of them (a tuple of strings each took about twice the memory).
Covered = dict[str, dict[str, Any]]


def _cover(covered: Covered, table: str, rows: dict[str, str | None], event_id: int) -> None:
    """What one event says of the rows of one table, packed; anything but a digest in lowercase hex
    (a tampered event's data) is kept as it is, so it is compared, and named, exactly as written."""
    held = covered.get(table)
    if held is None:
        held = covered[table] = {}
    tail = event_id.to_bytes(8, "big", signed=True)
    fromhex = bytes.fromhex
    for key, digest in rows.items():
        if digest is None:
            held[key] = tail
            continue
        if type(digest) is str and (digest.islower() or digest.isdigit()):
            try:
                raw = fromhex(digest)
            except ValueError:
                raw = b""
            if raw and 2 * len(raw) == len(digest):  # no spaces, nothing left out: the digest's own hex again
                held[key] = raw + tail
                continue
        held[key] = (digest, event_id)


def _unpack(packed: Any) -> tuple[Any, int]:
    """(digest or None for deleted, event id) from what `_cover` kept."""
    if type(packed) is tuple:
        return packed
    if len(packed) == 8:
        return None, int.from_bytes(packed, "big", signed=True)
    return packed[:-8].hex(), int.from_bytes(packed[-8:], "big", signed=True)


def verify(session: Session, *, dialect: str, anchors: Sequence[Anchor] = (),
           progress: Progress | None = None) -> VerifyReport:
    """Check everything, the chain against `anchors` (`desktop.services.anchors`) too; bad data
    becomes findings, never an exception.

    `progress(checked, total)` is called every few thousand events and once at the end of the chain
    (total is about how many there are, 0 when not known); when it returns False the check stops
    and `Cancelled` is raised."""
    report = VerifyReport()
    try:
        conn = session.connection()
    except Exception as exc:  # a schema so damaged that not even a transaction can start
        report.integrity = describe(exc)
        report.append(Finding("unreadable", "", "", describe(exc)))
        return report
    with raw_text(conn):
        _verify(conn, dialect, report, progress)
        if anchors:
            report.anchors_checked = len({(a.length, a.head) for a in anchors})
            _step(report, "audit_event", lambda: report.extend(chain_anchors.check(conn, anchors)))
    return report


def _verify(conn: Connection, dialect: str, report: VerifyReport, progress: Progress | None = None) -> None:
    beside = _Integrity.start(conn) if dialect == "sqlite" else None
    try:
        if dialect == "sqlite":
            if beside is None:
                _step(report, "", lambda: _integrity(conn, report))
            _step(report, "", lambda: _foreign_keys(conn, report))
        covered: Covered = {}
        last = _step(report, "audit_event", lambda: _chain(conn, dialect, report, covered, progress))
    except Cancelled:
        if beside is not None:
            beside.stop()
        raise
    if beside is not None:  # its findings first, as when it ran before the rest
        found: list[Finding] = []
        beside.report(report, found)
        report.put_first(found)
    _step(report, "audit_head", lambda: _head(conn, dialect, report, last))
    present = _tables(conn)
    claimed = {table for table, held in covered.items() if held}
    for name, table in audit_rows.guarded_tables().items():
        if name not in present and name not in claimed:
            continue  # a table of a later version this file never had; a dropped table with rows is claimed
        _step(report, name, lambda table=table: _rows(conn, dialect, report, table, covered))  # type: ignore[misc]
    _missing(report, covered)
    if report.audit_events == 0 and report.rows_checked:
        report.append(Finding("no_audit", "", "", t(
            "有 {n} 行业务记录，却没有任何审计记录", "{n} business rows and no audit events at all",
            n=report.rows_checked)))


def _tables(conn: Connection) -> set[str]:
    """The tables this file has (names read raw may come back as bytes)."""
    try:
        names = inspect(conn).get_table_names()
    except Exception:
        return set(audit_rows.guarded_tables())  # then every table is read, and what fails is named
    return {n.decode() if isinstance(n, bytes) else str(n) for n in names}


def _step(report: VerifyReport, table: str, fn):  # type: ignore[no-untyped-def]
    try:
        return fn()
    except Cancelled:
        raise
    except Exception as exc:  # whatever the file does, verify reports it
        report.append(Finding("unreadable", table, "", describe(exc)))
        return None


def _text(value: object) -> str:
    raw = audit_rows.as_bytes(value)
    return "" if raw is None else raw.decode("utf-8", "backslashreplace")


def _integrity(conn: Connection, report: VerifyReport) -> None:
    try:
        rows = [_text(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
    except Exception as exc:  # so damaged the check itself stops: that is its answer
        rows = [describe(exc)]
    _integrity_rows(rows, report, report)


def _integrity_rows(rows: list[str], report: VerifyReport, findings: Sink) -> None:
    report.integrity = "; ".join(rows[:10]) or "ok"
    if rows != ["ok"]:
        findings.extend(Finding("integrity", "", "", r) for r in rows[:100])


class _Integrity:
    """`PRAGMA integrity_check` on a connection of its own, in a thread beside the chain walk: the
    check runs in SQLite's C code without Python's lock, so on a big file the two take the time of
    the longer one, not their sum. Only for a file (an in-memory database has no second door)."""

    def __init__(self, path: Path) -> None:
        self.con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        try:  # opened for real here: a file this door cannot read is checked through verify's own
            self.con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Exception:
            self.con.close()
            raise
        self.con.text_factory = bytes
        self.rows: list[str] = []
        self.thread = threading.Thread(target=self._run, name="verify-integrity", daemon=True)
        self.thread.start()

    @classmethod
    def start(cls, conn: Connection) -> _Integrity | None:
        database = conn.engine.url.database
        if conn.dialect.name != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
            return None
        try:
            return cls(Path(database))
        except Exception:  # cannot open it a second time: the check runs on verify's own connection
            return None

    def _run(self) -> None:
        try:
            self.rows = [_text(r[0]) for r in self.con.execute("PRAGMA integrity_check").fetchall()]
        except Exception as exc:  # so damaged the check itself stops: that is its answer
            self.rows = [describe(exc)]
        finally:
            self.con.close()

    def stop(self) -> None:
        with contextlib.suppress(Exception):  # already closed: it had finished
            self.con.interrupt()
        self.thread.join()

    def report(self, report: VerifyReport, findings: list[Finding]) -> None:
        self.thread.join()
        _integrity_rows(self.rows, report, findings)


def _foreign_keys(conn: Connection, report: VerifyReport) -> None:
    try:
        fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    except Exception as exc:  # the check could not run to its end: say so, as its own finding
        report.append(Finding("foreign_key", "", "", f"foreign_key_check: {describe(exc)}"))
        return
    report.foreign_key_problems = [f"{_text(r[0])} rowid={r[1]} -> {_text(r[2])}" for r in fk]
    report.extend(Finding("foreign_key", _text(r[0]), str(r[1]), f"-> {_text(r[2])}") for r in fk[:200])


def _chain(conn: Connection, dialect: str, report: VerifyReport, covered: Covered,
           progress: Progress | None = None) -> Event | None:
    total = count_hint(conn) if progress is not None else 0
    walk = _Walk(report, covered)
    if dialect == "sqlite" and conn.dialect.name == "sqlite":
        for rows in plain_batches(conn, report):
            walk.plain(conn, rows)
            if progress is not None and progress(report.audit_events, total) is False:
                raise Cancelled(report.audit_events)
    else:
        for ev in events(conn, dialect, report):
            walk.step(ev)
            if progress is not None and report.audit_events % EVERY == 0 and progress(report.audit_events, total) is False:
                raise Cancelled(report.audit_events)
    if progress is not None and progress(report.audit_events, report.audit_events) is False:
        raise Cancelled(report.audit_events)
    return walk.last


class _Walk:
    """The chain from its first event: each event in id order, continuing the one before it."""

    def __init__(self, report: VerifyReport, covered: Covered) -> None:
        self.report, self.covered = report, covered
        self.expected: str | None = "0" * 64
        self.last: Event | None = None

    def step(self, ev: Event) -> None:
        """One event, every check, each problem a finding."""
        report, previous = self.report, self.last
        report.audit_events += 1
        if ev.id != (previous.id + 1 if previous else 1):
            report.append(Finding("out_of_order", "audit_event", str(ev.id), t(
                "应为第 {e} 条（中间有记录缺失或顺序错乱）", "expected event {e} here (events missing or out of order)",
                e=previous.id + 1 if previous else 1)))
        broken = chain_findings(ev, self.expected)
        if broken is not None:
            report.append(broken)
            if report.first_broken_event is None:
                report.first_broken_event, report.broken_reason = ev.id, broken.detail
        self.expected = ev.hash  # the next event is checked against this one, so every break is named
        for table, rows in ev.digests.items():
            _cover(self.covered, table, rows, ev.id)
        self.last = ev

    def plain(self, conn: Connection, rows: list[Any]) -> None:
        """A batch of `plain_batches` rows. The same checks as `step`, done in one loop for the
        common case — the cells of their types, valid UTF-8, a stored time, JSON data, the next id,
        the previous hash, the right hash. Any row that is not all of that goes through `step`
        (read again the careful way), which names what is wrong with it."""
        report, covered, sha256, scan, quote = self.report, self.covered, hashlib.sha256, plain_json, encode_basestring
        expected = self.expected
        last_id = self.last.id if self.last is not None else 0
        seen = 0
        for row in rows:
            eid = row[0]
            if row[1] == 1 and type(eid) is int and eid == last_id + 1:
                try:
                    at, operator, station, action, entity, entity_id, data, prev_hash, hash_ = map(bytes.decode, row[2:])
                    when = plain_time(at)
                    digests = scan(data)
                except (UnicodeDecodeError, ValueError):
                    when = digests = None
                if when is not None and digests is not None and prev_hash == expected:
                    body = (f'{{"action":{quote(action)},"at":"{when}","data":{quote(data)},"entity":{quote(entity)},'
                            f'"entity_id":{quote(entity_id)},"id":{eid},"operator":{quote(operator)},'
                            f'"station":{quote(station)}}}')
                    if sha256(f"{prev_hash}\n{body}".encode()).hexdigest() == hash_:
                        seen += 1
                        for table, keyed in digests.items():
                            _cover(covered, table, keyed, eid)
                        expected, last_id = hash_, eid
                        continue
            # not the common case: the careful way, from where the fast loop got to
            report.audit_events += seen
            seen = 0
            if last_id and (self.last is None or self.last.id != last_id):
                self.last = Event(last_id, None, expected, None, {})
            self.expected = expected
            self.step(decode_plain(conn, row, report))
            expected = self.expected
            last_id = self.last.id if self.last is not None else 0
        report.audit_events += seen
        self.expected = expected
        if last_id and (self.last is None or self.last.id != last_id):
            self.last = Event(last_id, None, expected, None, {})


def _head(conn: Connection, dialect: str, report: VerifyReport, last: Event | None) -> None:
    rows = head(conn, dialect)
    wanted = (1, last.id, last.hash) if last is not None else (1, 0, "0" * 64)
    if last is None and not rows:
        return
    if len(rows) == 1 and rows[0] == wanted:
        return
    report.head_ok = False
    if not rows:
        detail = t("链头缺失", "the head row is missing")
    else:
        detail = t("链头 {h} 与最后一条记录 {e} 不符", "head {h} does not match the last event {e}",
                   h=[(r[0], r[1], (r[2] or "")[:12]) for r in rows], e=(wanted[1], (wanted[2] or "")[:12]))
    report.append(Finding("head", "audit_head", "1", detail))


def _rows(conn: Connection, dialect: str, report: VerifyReport, table, covered: Covered) -> None:  # type: ignore[no-untyped-def]
    key = ""
    held = covered.get(table.name, {})
    fromhex = bytes.fromhex
    try:
        for row in audit_rows.walk(conn, dialect, table):
            key = audit_rows.key_text(row[0])
            report.rows_checked += 1
            digest = audit_rows.digest_of(table, row)
            packed = held.pop(key, None)
            if type(packed) is bytes and len(packed) > 8 and packed[:-8] == fromhex(digest):
                continue  # the common case: as the newest event about it says
            _hold(report, table.name, key, digest, None if packed is None else _unpack(packed))
    except Exception as exc:  # a damaged page is a finding
        where = t("{k} 之后", "after {k}", k=key) if key else ""
        report.append(Finding("unreadable", table.name, where, describe(exc)))


def _hold(report: VerifyReport, table: str, key: str, digest: str, recorded: tuple[str | None, int] | None) -> None:
    if recorded is not None and recorded[0] == digest:
        return
    kind = "no_event" if recorded is None else "changed"
    if len(report.findings) >= KEEP:  # only counted: no message made for a row nobody will read about
        report.count_only(kind, table)
    elif recorded is None:
        report.append(Finding(kind, table, key, t(
            "没有任何审计记录写到这一行（绕过程序写入）", "no audit event covers this row (written outside the app)")))
    elif recorded[0] is None:
        report.append(Finding(kind, table, key, t(
            "审计记录 {e} 说这一行已删除，它却还在", "audit event {e} says this row was deleted, yet it is here",
            e=recorded[1])))
    else:
        report.append(Finding(kind, table, key, t(
            "内容与审计记录 {e} 不符（被改动）", "differs from audit event {e} (changed outside the app)",
            e=recorded[1])))


def _missing(report: VerifyReport, covered: Covered) -> None:
    unread = set(report.counts().get("unreadable", {}))
    guarded = audit_rows.guarded_tables()
    for table in sorted(covered):
        if table in unread or table not in guarded:
            continue
        for key, packed in sorted(covered[table].items()):
            digest, event_id = _unpack(packed)
            if digest is None:
                continue
            report.append(Finding("missing_row", table, key, t(
                "审计记录 {e} 写过这一行，它已不在", "written by audit event {e}, now missing", e=event_id)))
