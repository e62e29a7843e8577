"""`gatehouse verify`: the file's integrity, its foreign keys, the audit chain, and every guarded row
held to the newest audit event about it (see `desktop.services.audit_rows`).

Verify reads defensively (`desktop.services.verify_read`): whatever the file holds, it returns a
report — every problem a `Finding` naming the table and row — and never raises for bad data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, inspect
from sqlmodel import Session

from desktop.i18n import t
from desktop.services import anchors as chain_anchors
from desktop.services import audit_rows
from desktop.services.anchors import Anchor
from desktop.services.verify_read import Event, Finding, chain_findings, describe, events, head, raw_text

SHOWN = 50  # findings listed in the text report; the JSON has them all

__all__ = ["Finding", "VerifyReport", "verify"]


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
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (not self.findings and self.integrity == "ok" and not self.foreign_key_problems
                and self.first_broken_event is None and self.head_ok)

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
        if self.findings:
            out.append(t("发现 {n} 个问题：", "{n} finding(s):", n=len(self.findings)))
            out.extend(f"  {f.line()}" for f in self.findings[:SHOWN])
            if len(self.findings) > SHOWN:
                out.append(t("  ……另有 {n} 个（见 --json）", "  … and {n} more (see --json)", n=len(self.findings) - SHOWN))
        return out


Covered = dict[tuple[str, str], tuple[str | None, int]]


def verify(session: Session, *, dialect: str, anchors: Sequence[Anchor] = ()) -> VerifyReport:
    """Check everything, the chain against `anchors` (`desktop.services.anchors`) too; bad data
    becomes findings, never an exception."""
    report = VerifyReport()
    try:
        conn = session.connection()
    except Exception as exc:  # a schema so damaged that not even a transaction can start
        report.integrity = describe(exc)
        report.findings.append(Finding("unreadable", "", "", describe(exc)))
        return report
    with raw_text(conn):
        _verify(conn, dialect, report)
        if anchors:
            report.anchors_checked = len({(a.length, a.head) for a in anchors})
            _step(report, "audit_event", lambda: report.findings.extend(chain_anchors.check(conn, anchors)))
    return report


def _verify(conn: Connection, dialect: str, report: VerifyReport) -> None:
    if dialect == "sqlite":
        _step(report, "", lambda: _integrity(conn, report))
        _step(report, "", lambda: _foreign_keys(conn, report))
    covered: Covered = {}
    last = _step(report, "audit_event", lambda: _chain(conn, dialect, report, covered))
    _step(report, "audit_head", lambda: _head(conn, dialect, report, last))
    present = _tables(conn)
    claimed = {table for table, _key in covered}
    for name, table in audit_rows.guarded_tables().items():
        if name not in present and name not in claimed:
            continue  # a table of a later version this file never had; a dropped table with rows is claimed
        _step(report, name, lambda table=table: _rows(conn, dialect, report, table, covered))  # type: ignore[misc]
    _missing(report, covered)
    if report.audit_events == 0 and report.rows_checked:
        report.findings.append(Finding("no_audit", "", "", t(
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
    except Exception as exc:  # whatever the file does, verify reports it
        report.findings.append(Finding("unreadable", table, "", describe(exc)))
        return None


def _text(value: object) -> str:
    raw = audit_rows.as_bytes(value)
    return "" if raw is None else raw.decode("utf-8", "backslashreplace")


def _integrity(conn: Connection, report: VerifyReport) -> None:
    try:
        rows = [_text(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
    except Exception as exc:  # so damaged the check itself stops: that is its answer
        rows = [describe(exc)]
    report.integrity = "; ".join(rows[:10]) or "ok"
    if rows != ["ok"]:
        report.findings.extend(Finding("integrity", "", "", r) for r in rows[:100])


def _foreign_keys(conn: Connection, report: VerifyReport) -> None:
    try:
        fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    except Exception as exc:  # the check could not run to its end: say so, as its own finding
        report.findings.append(Finding("foreign_key", "", "", f"foreign_key_check: {describe(exc)}"))
        return
    report.foreign_key_problems = [f"{_text(r[0])} rowid={r[1]} -> {_text(r[2])}" for r in fk]
    report.findings.extend(Finding("foreign_key", _text(r[0]), str(r[1]), f"-> {_text(r[2])}") for r in fk[:200])


def _chain(conn: Connection, dialect: str, report: VerifyReport, covered: Covered) -> Event | None:
    expected: str | None = "0" * 64
    previous: Event | None = None
    for ev in events(conn, dialect, report.findings):
        report.audit_events += 1
        if ev.id != (previous.id + 1 if previous else 1):
            report.findings.append(Finding("out_of_order", "audit_event", str(ev.id), t(
                "应为第 {e} 条（中间有记录缺失或顺序错乱）", "expected event {e} here (events missing or out of order)",
                e=previous.id + 1 if previous else 1)))
        broken = chain_findings(ev, expected)
        if broken is not None:
            report.findings.append(broken)
            if report.first_broken_event is None:
                report.first_broken_event, report.broken_reason = ev.id, broken.detail
        expected = ev.hash  # the next event is checked against this one, so every break is named
        for table, rows in ev.digests.items():
            for key, digest in rows.items():
                covered[(table, key)] = (digest, ev.id)
        previous = ev
    return previous


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
    report.findings.append(Finding("head", "audit_head", "1", detail))


def _rows(conn: Connection, dialect: str, report: VerifyReport, table, covered: Covered) -> None:  # type: ignore[no-untyped-def]
    key = ""
    try:
        for row in audit_rows.walk(conn, dialect, table):
            key = audit_rows.key_text(row[0])
            report.rows_checked += 1
            _hold(report, table.name, key, audit_rows.digest_of(table, row), covered.pop((table.name, key), None))
    except Exception as exc:  # a damaged page is a finding
        where = t("{k} 之后", "after {k}", k=key) if key else ""
        report.findings.append(Finding("unreadable", table.name, where, describe(exc)))


def _hold(report: VerifyReport, table: str, key: str, digest: str, recorded: tuple[str | None, int] | None) -> None:
    if recorded is None:
        report.findings.append(Finding("no_event", table, key, t(
            "没有任何审计记录写到这一行（绕过程序写入）", "no audit event covers this row (written outside the app)")))
    elif recorded[0] is None:
        report.findings.append(Finding("changed", table, key, t(
            "审计记录 {e} 说这一行已删除，它却还在", "audit event {e} says this row was deleted, yet it is here",
            e=recorded[1])))
    elif recorded[0] != digest:
        report.findings.append(Finding("changed", table, key, t(
            "内容与审计记录 {e} 不符（被改动）", "differs from audit event {e} (changed outside the app)",
            e=recorded[1])))


def _missing(report: VerifyReport, covered: Covered) -> None:
    unread = {f.table for f in report.findings if f.kind == "unreadable"}
    for (table, key), (digest, event_id) in sorted(covered.items()):
        if digest is not None and table not in unread and table in audit_rows.guarded_tables():
            report.findings.append(Finding("missing_row", table, key, t(
                "审计记录 {e} 写过这一行，它已不在", "written by audit event {e}, now missing", e=event_id)))
