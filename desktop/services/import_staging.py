"""Imports at scale: rows written in short transactions, shown all at once by one short commit.

A 10,000-row approval list validated and written in one transaction holds the database for tens of
seconds, longer than the 15 s other stations wait for it. So `approvals.import_file` writes its rows
as status "staging" under one batch id, committing every fraction of a second (`Stager.step`); the
gate, the review list and the conflict checks never see a staging row. When every row is in, one
short transaction flips the batch to pending (or approved) and records one "approval.import" event.
A cancel or a failure deletes the batch (`discard`); a batch left behind by a crash is deleted
before this station's next import (`discard_abandoned`). To the person it is all or nothing.

Each chunk's audit event ("approval.import.staged") holds the digests of the rows it wrote; the
discard notes the rows it deletes. The flip changes one cell of every row, and computing 10,000
digests would take seconds, so each chunk also computes its rows' digests as they will be once
shown (the status cell read as the literal it will hold) and the flip's event carries those: `verify`
holds every row to its newest event all the same.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, text, update
from sqlmodel import Session, col, select

from desktop.i18n import t
from desktop.services import audit, audit_rows
from desktop.services.authz import internal
from desktop.services.context import Actor, ServiceError
from desktop.store.models import Approval, ApprovalCargo, ApprovalOccupant

STAGING = "staging"
CHUNK_SECONDS = 0.25  # a chunk's write transaction ends after this long (well under 1 s)…
CHUNK_ROWS = 500  # …or after this many rows
DELETE_CHUNK = 1000

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


def cancelled_error() -> ServiceError:
    return ServiceError("cancelled", t("导入已取消，未导入任何内容。", "Import cancelled: nothing was imported."))


def new_batch(station: str) -> str:
    """A batch id: the station first, so that a station can find the batches it left unfinished."""
    return f"{station or 'station'}:{uuid.uuid4().hex[:16]}"


class Stager:
    """Commits an import's staged rows in short transactions and reports progress.

    `step(done)` after each row: calls `progress(done, total)`, raises ServiceError("cancelled")
    when `cancelled()` says so, and commits the chunk when it has run long enough."""

    def __init__(self, session: Session, *, actor: Actor, now: datetime, batch: str, file: str, total: int,
                 approve: bool = False, progress: Progress | None = None, cancelled: CancelCheck | None = None) -> None:
        self.session, self.actor, self.now, self.batch, self.file = session, actor, now, batch, file
        self.total, self.progress, self.cancelled = total, progress, cancelled
        self.status = "approved" if approve else "pending"  # what the rows become when shown
        self.ids: list[int] = []
        self.rows: dict[int, int] = {}  # approval id -> the sheet's row number
        self._chunk: dict[str, Any] = {}
        self._shown_digests: dict[str, str] = {}
        self._started = time.monotonic()

    def staged(self, approval_id: int, row: int, data: dict[str, Any]) -> None:
        self.ids.append(approval_id)
        self.rows[approval_id] = row
        self._chunk[str(row)] = {"id": approval_id, **data}

    def step(self, done: int) -> None:
        if self.progress is not None:
            self.progress(done, self.total)
        if self.cancelled is not None and self.cancelled():
            raise cancelled_error()
        if len(self._chunk) >= CHUNK_ROWS or time.monotonic() - self._started >= CHUNK_SECONDS:
            self.commit_chunk()

    def _record_chunk(self) -> None:
        if not self._chunk:
            return
        audit.record(self.session, actor=self.actor, action="approval.import.staged", at=self.now,
                     entity="import_batch", entity_id=self.batch, data={"file": self.file, "rows": self._chunk})
        ids = [row["id"] for row in self._chunk.values()]
        self._shown_digests.update(_digests_when_shown(self.session, ids, self.status))
        self._chunk = {}

    def commit_chunk(self) -> None:
        self._record_chunk()
        self.session.commit()
        self._started = time.monotonic()

    def show(self, *, extra: dict[str, Any]) -> None:
        """The last, short transaction (left for the caller to commit): every staged row becomes
        pending (or approved) at once, with one event naming them and holding their digests. A file
        that staged nothing (imported before, or every row refused) changes nothing and says nothing."""
        if not self.ids:
            return
        self._record_chunk()
        self.session.exec(update(Approval).where(col(Approval.import_batch) == self.batch,  # type: ignore[call-overload]
                                                 col(Approval.status) == STAGING).values(status=self.status))
        audit.record(self.session, actor=self.actor, action="approval.import", at=self.now, entity="import_batch",
                     entity_id=self.batch, data={"file": self.file, "count": len(self.ids), "status": self.status,
                                                 **extra,  # the rows: the keys of their digests
                                                 audit_rows.DATA_KEY: {"approval": self._shown_digests}})

    def discard(self, why: str) -> int:
        """Roll back what is open and delete every row this import staged (short transactions)."""
        self.session.rollback()
        return _discard(self.session, actor=self.actor, now=self.now, batches=[self.batch], why=why)


def overtaken(session: Session, stager: Stager) -> list[tuple[int, int, Approval]]:
    """(staged id, row, the other approval) for each staged row whose vehicle and day another
    station gave an open approval while this import ran (the row checks could not see it yet)."""
    from sqlalchemy.orm import aliased

    staged, other = Approval, aliased(Approval)
    found = session.exec(select(staged.id, other)  # type: ignore[call-overload]
                         .join(other, (other.plate == staged.plate) & (other.arrival_date == staged.arrival_date))
                         .where(col(staged.import_batch) == stager.batch, col(staged.status) == STAGING,
                                other.status.in_(("pending", "approved")))).all()  # type: ignore[attr-defined]
    return [(i, stager.rows.get(i, 0), a) for i, a in found]


@internal("part of approvals.import_file, which is guarded; no use of its own")
def drop(session: Session, stager: Stager, approval_id: int) -> None:
    """Take one staged row out of the import (in the showing transaction; its event notes it)."""
    for child in (ApprovalOccupant, ApprovalCargo):
        for row in session.exec(select(child).where(child.approval_id == approval_id)).all():  # type: ignore[attr-defined]
            session.delete(row)
    session.flush()
    row = session.get(Approval, approval_id)
    if row is not None:
        session.delete(row)
        session.flush()
    stager.ids.remove(approval_id)
    stager._shown_digests.pop(str(approval_id), None)


def _digests_when_shown(session: Session, ids: list[int], status: str) -> dict[str, str]:
    """The digests these approval rows will have once their status is `status` (a fixed word)."""
    assert status in ("pending", "approved")
    conn = session.connection()
    table = audit_rows.guarded_tables()["approval"]
    sql = text(audit_rows.select_sql(table, conn.dialect.name, where='WHERE "id" IN :ids',
                                     instead={"status": f"'{status}'"})).bindparams(bindparam("ids", expanding=True))
    return {audit_rows.key_text(row[0]): audit_rows.digest_of(table, row) for row in conn.execute(sql, {"ids": ids})}


def _discard(session: Session, *, actor: Actor, now: datetime, batches: list[str], why: str) -> int:
    removed = 0
    while True:
        ids = list(session.exec(select(Approval.id).where(col(Approval.import_batch).in_(batches),
                                                          col(Approval.status) == STAGING)
                                .limit(DELETE_CHUNK)).all())
        if not ids:
            break
        for child in (ApprovalOccupant, ApprovalCargo):
            child_ids = session.exec(select(child.id).where(col(child.approval_id).in_(ids))).all()
            session.exec(delete(child).where(col(child.id).in_(child_ids)))  # type: ignore[call-overload]
            audit_rows.note(session, child.__tablename__, child_ids, deleted=True)  # type: ignore[arg-type]
        session.exec(delete(Approval).where(col(Approval.id).in_(ids)))  # type: ignore[call-overload]
        audit_rows.note(session, "approval", ids, deleted=True)
        audit.record(session, actor=actor, action="approval.import.discarded", at=now, entity="import_batch",
                     entity_id=",".join(batches), data={"why": why, "ids": ids})
        session.commit()
        removed += len(ids)
    return removed


def abandoned(session: Session, station: str) -> list[str]:
    """Batches this station staged and never finished (a crash, a killed process)."""
    return list(session.exec(select(Approval.import_batch).distinct()
                             .where(col(Approval.status) == STAGING,
                                    col(Approval.import_batch).startswith(f"{station}:"))).all())


@internal("cleans up this station's own unfinished import; runs before its next import")
def discard_abandoned(session: Session, *, actor: Actor, now: datetime) -> int:
    """Delete the staged rows of imports this station left unfinished; the number deleted.
    Only this station's: another station's batch may be importing right now."""
    batches = abandoned(session, actor.station or "station")
    if not batches:
        return 0
    return _discard(session, actor=actor, now=now, batches=batches, why="abandoned")
