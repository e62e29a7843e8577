"""The audit log's hash chain: each event's hash covers the previous hash and the event itself.

Changing, inserting or deleting one stored event breaks every hash from that event on, so a
verifier walking from the first event names the first one that does not match.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


def canonical(fields: Mapping[str, Any]) -> bytes:
    """A stable byte encoding: sorted keys, no spaces, UTF-8, datetimes as ISO text."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default).encode()


def _default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"not JSON-encodable in an audit event: {type(value).__name__}")


def event_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(fields)).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    reason: str


def first_break(events: Iterable[tuple[int, str, str, Mapping[str, Any]]]) -> ChainBreak | None:
    """Walk `(id, prev_hash, hash, fields)` in id order; return the first event that is wrong."""
    expected_prev = GENESIS
    for event_id, prev_hash, stored_hash, fields in events:
        if prev_hash != expected_prev:
            return ChainBreak(event_id, "prev_hash does not match the event before it (deleted or inserted)")
        if event_hash(prev_hash, fields) != stored_hash:
            return ChainBreak(event_id, "hash does not match the stored fields (changed)")
        expected_prev = stored_hash
    return None


def row_digest(table: str, cells: Iterable[tuple[str, str, bytes | None]]) -> str:
    """A row's fingerprint from its stored cells `(column, type tag, raw bytes or None)`.

    Length-prefixed, so no two different rows encode alike; the type tag is part of it, so an
    integer rewritten as the same digits in text is a change too. 32 hex digits (128 bits).
    """
    parts = [table.encode(), b"\n"]
    for column, tag, raw in cells:
        value = b"" if raw is None else raw
        parts += [f"{column}\x00{tag}\x00{-1 if raw is None else len(value)}\x00".encode(), value]
    return hashlib.sha256(b"".join(parts)).hexdigest()[:32]
