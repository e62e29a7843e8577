"""Chain anchors: the audit chain's length and head hash, kept outside the database.

The chain proves no event was changed in the middle; it cannot prove that the last events were
not cut off and the head rewritten. So at every backup and every shift end the chain's state is
appended to `anchors.jsonl` in the backup folder (one JSON object a line: length, head, time, site
code, a hash of the database path, why), and printed on the shift handover sheet. `verify` holds the
database to every anchor it can find and to one typed from a sheet (`--anchor LENGTH:HEAD`): a
chain shorter than an anchor, or whose event at the anchor's length has another hash, is named.

A restore appends a `restore` line: anchors of that database written before it describe events the
restore gave up on purpose, and are not held against the restored file.

Qt-free, and tolerant: an anchor file with a bad line is read around it (the line is skipped).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, text

from desktop.i18n import t
from desktop.services import audit_rows
from desktop.services.verify_read import Finding, describe

ANCHOR_FILE = "anchors.jsonl"
RESTORE = "restore"


@dataclass(frozen=True)
class Anchor:
    length: int
    head: str
    at: str = ""
    site: str = ""
    db: str = ""  # db_key() of the database it was taken from ("" when typed from a sheet)
    why: str = ""

    def text(self) -> str:
        """What a person types from the sheet: `LENGTH:HEAD`."""
        return f"{self.length}:{self.head}"


def db_key(path: str | os.PathLike[str] | None) -> str:
    """A short fingerprint of where the database lives (not its content): anchors name their file."""
    where = str(Path(path).expanduser().resolve()) if path is not None else ""
    return hashlib.sha256(where.encode()).hexdigest()[:16]


def parse(typed: str) -> Anchor:
    """`LENGTH:HEAD` as typed or scanned from a handover sheet; ValueError in words when not."""
    length, sep, head = typed.strip().partition(":")
    head = head.strip().lower()
    if not sep or not length.strip().isdigit() or len(head) != 64 or any(c not in "0123456789abcdef" for c in head):
        raise ValueError(t("锚点应为 长度:链头（64 位十六进制），如 120:3fa2…：{a}",
                           "an anchor is LENGTH:HEAD (64 hex digits), e.g. 120:3fa2…: {a}", a=typed))
    return Anchor(int(length), head, why="typed")


def chain_state(conn: Connection) -> tuple[int, str]:
    """The chain's length (its last event id) and head hash, read raw from the last event."""
    cast = "CAST(hash AS BLOB)" if conn.dialect.name == "sqlite" else "hash"
    row = conn.execute(text(f"SELECT id, {cast} FROM audit_event ORDER BY id DESC LIMIT 1")).first()
    if row is None:
        return 0, "0" * 64
    return int(row[0]), audit_rows.key_text(row[1])


def make(conn: Connection, *, now: datetime, site: str, db_path: str | os.PathLike[str] | None, why: str) -> Anchor:
    length, head = chain_state(conn)
    return Anchor(length, head, now.isoformat(), site, db_key(db_path), why)


def append(folder: Path, anchor: Anchor) -> Path:
    """Add one line to the folder's anchor file (made with the folder when missing), synced to disk."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ANCHOR_FILE
    line = json.dumps(asdict(anchor), ensure_ascii=False, sort_keys=True) + "\n"
    with path.open("a", encoding="utf-8") as fh:
        fh.write(line)
        fh.flush()
        os.fsync(fh.fileno())
    return path


def read(folder: Path) -> list[Anchor]:
    """Every well-formed line of the folder's anchor file, in order (none when there is no file)."""
    path = folder / ANCHOR_FILE
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        try:
            raw = json.loads(line)
            out.append(Anchor(int(raw["length"]), str(raw["head"]), str(raw.get("at", "")), str(raw.get("site", "")),
                              str(raw.get("db", "")), str(raw.get("why", ""))))
        except (ValueError, KeyError, TypeError):
            continue
    return out


def current(anchors: Iterable[Anchor], key: str) -> list[Anchor]:
    """The anchors of the database `key` that still hold: those after its last restore."""
    mine: list[Anchor] = []
    for anchor in anchors:
        if anchor.db != key:
            continue
        if anchor.why == RESTORE:
            mine = []
        else:
            mine.append(anchor)
    return mine


def check(conn: Connection, anchors: Sequence[Anchor]) -> list[Finding]:
    """Findings for every anchor the chain does not reach or does not match; never raises."""
    findings: list[Finding] = []
    cast = "CAST(hash AS BLOB)" if conn.dialect.name == "sqlite" else "hash"
    try:
        top = conn.execute(text("SELECT MAX(id) FROM audit_event")).scalar()
        length = int(top) if isinstance(top, int) else 0
    except Exception as exc:  # an unreadable log: verify has named it already; say why anchors were not held
        return [Finding("anchor", "audit_event", "", t("无法对照锚点：{e}", "anchors could not be checked: {e}",
                                                       e=describe(exc)))]
    for anchor in {(a.length, a.head): a for a in anchors}.values():
        where = t("锚点 {n}（{at} {why}）", "anchor {n} ({at} {why})", n=anchor.length, at=anchor.at[:19], why=anchor.why)
        if anchor.length > length:
            findings.append(Finding("anchor", "audit_event", str(anchor.length), t(
                "{w}：审计链只有 {m} 条，比锚点短（末尾记录被删除）",
                "{w}: the chain has only {m} events, shorter than the anchor (events removed from the end)",
                w=where, m=length)))
            continue
        if anchor.length == 0:
            continue
        try:
            row = conn.execute(text(f"SELECT {cast} FROM audit_event WHERE id = :i"), {"i": anchor.length}).first()
            stored = audit_rows.key_text(row[0]) if row is not None else None
        except Exception as exc:  # a damaged page: named, and the next anchor is still held
            findings.append(Finding("anchor", "audit_event", str(anchor.length), describe(exc)))
            continue
        if stored is None:
            findings.append(Finding("anchor", "audit_event", str(anchor.length), t(
                "{w}：该条记录缺失", "{w}: that event is missing", w=where)))
        elif stored != anchor.head:
            findings.append(Finding("anchor", "audit_event", str(anchor.length), t(
                "{w}：该条记录的哈希 {h} 与锚点 {a} 不符（链被重写）",
                "{w}: its hash {h} differs from the anchor's {a} (the chain was rewritten)",
                w=where, h=stored[:12], a=anchor.head[:12])))
    return findings
