"""Reading the audit log for `verify` without trusting it: raw bytes in, findings out.

A damaged or hand-edited file is exactly what verify is for, so nothing here decodes a value the
driver's way: SQLite cells are read as their storage type plus CAST AS BLOB, and every step that
could fail (bad UTF-8, a wrong type, a time that is not a time, a page that cannot be read) becomes
a `Finding` naming the row, never an exception.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple, Protocol

from sqlalchemy import Connection, text

from desktop.domain import audit_chain
from desktop.i18n import t
from desktop.services import audit_rows

# How SQLAlchemy keeps a DateTime in SQLite (and what to_char gives on PostgreSQL below).
_STORED_AT = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}", re.ASCII)
_TEXT = ("operator", "station", "action", "entity", "entity_id", "data", "prev_hash", "hash")


@dataclass(frozen=True)
class Finding:
    """One thing wrong: `kind` for programs, `table`/`row` to find it, `detail` for people."""

    kind: str  # integrity foreign_key unreadable wrong_type bad_timestamp out_of_order chain head
    # no_audit no_event changed missing_row
    table: str
    row: str
    detail: str

    def line(self) -> str:
        where = f"{self.table} {self.row}".strip()
        return f"[{self.kind}] {where}: {self.detail}" if where else f"[{self.kind}] {self.detail}"


class Sink(Protocol):
    """Where findings go: a list, or a `VerifyReport` (which keeps the first thousand and counts the rest)."""

    def append(self, finding: Finding, /) -> None: ...

    def extend(self, found: Iterable[Finding], /) -> None: ...


class Event(NamedTuple):
    """One event as stored, decoded strictly; `fields` is None when it could not be read.
    (A tuple, not a dataclass: verify makes millions of them.)"""

    id: int
    prev_hash: str | None
    hash: str | None
    fields: dict[str, Any] | None
    digests: dict[str, dict[str, str | None]]


@contextmanager
def raw_text(conn: Connection) -> Iterator[None]:
    """On SQLite, TEXT comes back as bytes while verify reads (a bad byte is data, not a crash)."""
    driver = getattr(conn.connection, "driver_connection", None)
    if conn.dialect.name != "sqlite" or driver is None:
        yield
        return
    before = driver.text_factory
    driver.text_factory = bytes
    try:
        yield
    finally:
        driver.text_factory = before


def _event_sql(dialect: str, where: str = "id > :last ORDER BY id LIMIT :n") -> str:
    if dialect == "sqlite":
        cells = ", ".join(f'typeof("{c}"), CAST("{c}" AS BLOB)' for c in ("at", *_TEXT))
        head = 'SELECT typeof(id), id, '
    else:
        at = "'text', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
        cells = ", ".join([at, *(f"'text', \"{c}\"" for c in _TEXT)])
        head = "SELECT 'integer', id, "
    return head + cells + " FROM audit_event WHERE " + where


# SQLite, the common case: one flag says every cell has its type, then the cells' bytes (half the
# columns of the careful query); a row whose flag is not 1 is read again the careful way.
_PLAIN_SQL = ("SELECT id, typeof(id) = 'integer' AND " + " AND ".join(f"typeof(\"{c}\") = 'text'" for c in ("at", *_TEXT))
              + ", " + ", ".join(f'CAST("{c}" AS BLOB)' for c in ("at", *_TEXT))
              + " FROM audit_event WHERE id > ? ORDER BY id LIMIT ?")
_ONE_SQL = _event_sql("sqlite", "id = ?")


def events(conn: Connection, dialect: str, findings: Sink, batch: int = 20_000) -> Iterator[Event]:
    """Every event in id order, as far as the file can be read; problems go to `findings`.

    Read in large batches of plain driver rows (no ORM object, no SQLAlchemy Row per event): on a
    site's log of millions of events the walk is bound by hashing, not by reading."""
    last = -(2**63)
    sqlite = dialect == "sqlite" and conn.dialect.name == "sqlite"
    sql = text(_event_sql(dialect))
    while True:
        try:
            if sqlite:
                cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
                try:  # the driver's own cursor: tuples, in the transaction verify holds
                    rows = cursor.execute(_PLAIN_SQL, (last, batch)).fetchall()
                finally:
                    cursor.close()
            else:
                rows = conn.execute(sql, {"last": last, "n": batch}).fetchall()
        except Exception as exc:  # a damaged page is a finding
            findings.append(Finding("unreadable", "audit_event", t("{i} 之后", "after {i}", i=max(last, 0)),
                                    describe(exc)))
            return
        if not rows:
            return
        for row in rows:
            event = decode_plain(conn, row, findings) if sqlite else _decode_careful(row, findings)
            last = event.id
            yield event


def plain_batches(conn: Connection, findings: Sink, batch: int = 10_000) -> Iterator[list[Any]]:
    """SQLite: every event as a `_PLAIN_SQL` row (id, all-cells-typed flag, the cells' bytes), in
    batches in id order, as far as the file can be read; for `decode_plain` or a loop doing its work."""
    last = -(2**63)
    while True:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            rows = cursor.execute(_PLAIN_SQL, (last, batch)).fetchall()
        except Exception as exc:  # a damaged page is a finding
            findings.append(Finding("unreadable", "audit_event", t("{i} 之后", "after {i}", i=max(last, 0)),
                                    describe(exc)))
            return
        finally:
            cursor.close()
        if not rows:
            return
        yield rows
        if type(rows[-1][0]) is not int:  # not a rowid table: cannot page on; read the careful way
            return
        last = rows[-1][0]


def plain_time(value: str) -> str | None:
    """What `_decode_careful` makes of a stored time, or None for anything it would name."""
    return _iso_utc(value)


def plain_json(data: str) -> dict[str, dict[str, str | None]] | None:
    """The row digests of data as `audit.record` writes it (a JSON object, no padding), or None for
    anything else (`_digests` then says what is wrong, if anything)."""
    try:
        parsed, end = _scan(data, 0)
    except StopIteration:
        return None
    if end != len(data) or type(parsed) is not dict:
        return None
    found = parsed.get(audit_rows.DATA_KEY)
    if found is None:
        return {}
    if type(found) is not dict or not all(type(v) is dict for v in found.values()):
        return None
    return found


def count_hint(conn: Connection) -> int:
    """About how many events there are (the last id: no scan of the table), for a progress bar."""
    try:
        top = conn.execute(text("SELECT MAX(id) FROM audit_event")).scalar()
    except Exception:  # verify names an unreadable log itself; a progress bar just goes without a total
        return 0
    return int(top) if isinstance(top, int) else 0


def decode_plain(conn: Connection, row: Any, findings: Sink) -> Event:
    """An event from a `_PLAIN_SQL` row: the common case (every cell of its type, valid UTF-8, a
    stored time) at once; anything else read again and decoded the careful way, which names it."""
    if row[1] == 1 and type(row[0]) is int:
        try:
            at, operator, station, action, entity, entity_id, data, prev_hash, hash_ = map(bytes.decode, row[2:])
        except UnicodeDecodeError:
            pass
        else:
            when = _iso_utc(at)
            if when is not None:
                fields = {"id": row[0], "at": when, "operator": operator, "station": station, "action": action,
                          "entity": entity, "entity_id": entity_id, "data": data}
                return Event(row[0], prev_hash, hash_, fields, _digests(data, row[0], findings))
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        careful = cursor.execute(_ONE_SQL, (row[0],)).fetchone()
    finally:
        cursor.close()
    if careful is None:  # cannot happen within one transaction; named rather than assumed
        findings.append(Finding("unreadable", "audit_event", str(row[0]), t("无法读取", "unreadable")))
        return Event(row[0] if type(row[0]) is int else -1, None, None, None, {})
    return _decode_careful(careful, findings)


def _iso_utc(value: str) -> str | None:
    """The stored time as `datetime.isoformat()` of it in UTC gives it, or None when it is not one."""
    if not _STORED_AT.fullmatch(value):
        return None
    try:
        datetime.fromisoformat(value)  # a real time (no month 13, no 25 o'clock)
    except ValueError:
        return None
    if value.endswith(".000000"):  # isoformat leaves out a zero fraction
        return f"{value[:10]}T{value[11:19]}+00:00"
    return f"{value[:10]}T{value[11:]}+00:00"


def _decode_careful(row: Any, findings: Sink) -> Event:
    event_id = int(row[1]) if isinstance(row[1], int) else -1
    where = str(event_id)
    values: dict[str, str] = {}
    problems: list[Finding] = []
    for i, name in enumerate(("at", *_TEXT)):
        tag, raw = audit_rows.key_text(row[2 + 2 * i]), audit_rows.as_bytes(row[3 + 2 * i])
        if tag != "text" or raw is None:
            problems.append(Finding("wrong_type", "audit_event", where,
                                    t("{c} 的类型是 {k}，应为 text", "{c} is {k}, not text", c=name, k=tag)))
            continue
        try:
            values[name] = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Finding("unreadable", "audit_event", where,
                                    t("{c} 不是有效的 UTF-8（{e}）", "{c} is not valid UTF-8 ({e})", c=name, e=exc.reason)))
    if row[0] not in ("integer", b"integer"):
        problems.append(Finding("wrong_type", "audit_event", where, t("id 不是整数", "id is not an integer")))
    at = _time(values.get("at"), where, problems)
    findings.extend(problems)
    if problems or at is None:
        return Event(event_id, values.get("prev_hash"), values.get("hash"), None, {})
    fields = {"id": event_id, "at": at, **{k: values[k] for k in ("operator", "station", "action", "entity",
                                                                  "entity_id", "data")}}
    return Event(event_id, values["prev_hash"], values["hash"], fields, _digests(values["data"], where, findings))


def _time(value: str | None, where: str, problems: list[Finding]) -> str | None:
    if value is None:
        return None
    try:
        if _STORED_AT.fullmatch(value):  # exactly the stored shape, then the C parser
            return datetime.fromisoformat(value).replace(tzinfo=UTC).isoformat()
    except ValueError:  # the right shape, but no such time (month 13, 25 o'clock)
        pass
    problems.append(Finding("bad_timestamp", "audit_event", where,
                            t("at 不是时间：{v!r}", "at is not a time: {v!r}", v=value[:60])))
    return None


def _digests(data: str, where: object, findings: Sink) -> dict[str, dict[str, str | None]]:
    try:
        try:
            parsed, end = _scan(data, 0)  # json.loads without its wrappers: data as written has no padding
        except StopIteration:
            end = -1
        if end != len(data):
            parsed = json.loads(data)  # whitespace around it is still JSON; anything else raises
    except ValueError:
        findings.append(Finding("unreadable", "audit_event", str(where), t("data 不是 JSON", "data is not JSON")))
        return {}
    if type(parsed) is dict and audit_rows.DATA_KEY not in parsed:
        return {}
    found = parsed.get(audit_rows.DATA_KEY, {}) if isinstance(parsed, dict) else {}
    if not isinstance(found, dict) or not all(isinstance(v, dict) for v in found.values()):
        findings.append(Finding("wrong_type", "audit_event", str(where),
                                t("row_digests 格式不对", "row_digests is malformed")))
        return {}
    return found


_scan = json.JSONDecoder().scan_once


def chain_findings(event: Event, expected_prev: str | None) -> Finding | None:
    """Whether `event` continues the chain from `expected_prev` (None: nothing to compare with)."""
    if event.fields is None or event.prev_hash is None or event.hash is None:
        return Finding("chain", "audit_event", str(event.id), t("无法读取，链在此中断", "unreadable, the chain breaks here"))
    if expected_prev is not None and event.prev_hash != expected_prev:
        return Finding("chain", "audit_event", str(event.id),
                       "prev_hash does not match the event before it (deleted or inserted)")
    if audit_chain.event_hash_of(event.prev_hash, event.fields) != event.hash:
        return Finding("chain", "audit_event", str(event.id), "hash does not match the stored fields (changed)")
    return None


def head(conn: Connection, dialect: str) -> list[tuple[int | None, int | None, str | None]]:
    """The head rows as `(id, last_id, last_hash)`; a value that is not what it should be is None."""
    cast = "CAST(last_hash AS BLOB)" if dialect == "sqlite" else "last_hash"
    out = []
    for row in conn.execute(text(f"SELECT id, last_id, {cast} FROM audit_head ORDER BY id")).fetchall():
        raw = audit_rows.as_bytes(row[2])
        try:
            last_hash = raw.decode("ascii") if raw is not None else None
        except UnicodeDecodeError:
            last_hash = None
        out.append((row[0] if isinstance(row[0], int) else None, row[1] if isinstance(row[1], int) else None,
                    last_hash))
    return out


def describe(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text_ = orig.args[0] if getattr(orig, "args", None) else str(orig)
    if isinstance(text_, bytes):
        text_ = text_.decode("utf-8", "backslashreplace")
    return str(text_)[:200]
