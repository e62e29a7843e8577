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
from json.encoder import encode_basestring
from typing import Any

GENESIS = "0" * 64


def canonical(fields: Mapping[str, Any]) -> bytes:
    """A stable byte encoding: sorted keys, no spaces, UTF-8, datetimes as ISO text."""
    return _CANONICAL.encode(fields).encode()


def _default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"not JSON-encodable in an audit event: {type(value).__name__}")


# Made once (json.dumps with these options builds a new encoder every call; verify hashes millions).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default)


def event_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(fields)).hexdigest()


def event_hash_of(prev_hash: str, fields: Mapping[str, Any]) -> str:
    """`event_hash` for an event's own fields as read back (id an int, the others text), with the
    canonical bytes put together directly: the same bytes, a third of the time (verify hashes
    millions). Any other shape goes the general way."""
    if fields.keys() != _EVENT_KEYS or type(fields["id"]) is not int:
        return event_hash(prev_hash, fields)
    try:
        s = _quoted
        body = (f'{{"action":{s(fields["action"])},"at":{s(fields["at"])},"data":{s(fields["data"])},'
                f'"entity":{s(fields["entity"])},"entity_id":{s(fields["entity_id"])},"id":{int.__repr__(fields["id"])},'
                f'"operator":{s(fields["operator"])},"station":{s(fields["station"])}}}')
    except TypeError:  # a value that is not text
        return event_hash(prev_hash, fields)
    return hashlib.sha256(prev_hash.encode() + b"\n" + body.encode()).hexdigest()


_EVENT_KEYS = frozenset({"id", "at", "operator", "station", "action", "entity", "entity_id", "data"})
_quoted = encode_basestring  # what json quotes a str with when ensure_ascii=False


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
