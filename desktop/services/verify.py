"""`gatehouse verify`: the file's integrity, its foreign keys and the audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from desktop.i18n import t
from desktop.services import audit


@dataclass
class VerifyReport:
    integrity: str = "ok"
    foreign_key_problems: list[str] = field(default_factory=list)
    audit_events: int = 0
    first_broken_event: int | None = None
    broken_reason: str = ""
    head_ok: bool = True

    @property
    def ok(self) -> bool:
        return (self.integrity == "ok" and not self.foreign_key_problems and self.first_broken_event is None
                and self.head_ok)

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
        return out


def verify(session: Session, *, dialect: str) -> VerifyReport:
    report = VerifyReport()
    conn = session.connection()
    if dialect == "sqlite":
        rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
        report.integrity = "; ".join(str(r[0]) for r in rows[:10])
        fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        report.foreign_key_problems = [f"{r[0]} rowid={r[1]} -> {r[2]}" for r in fk]
    chain = audit.verify_chain(session)
    report.audit_events = chain.events
    report.head_ok = chain.head_ok
    if chain.broken:
        report.first_broken_event = chain.broken.event_id
        report.broken_reason = chain.broken.reason
    return report
