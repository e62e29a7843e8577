"""Core statements compiled once and run on the driver's own cursor: the scan path's statements.

A release or a refused scan sends about a dozen small statements; run through `Connection.execute`
each paid more in SQLAlchemy's per-execution machinery (cache key, execution context, result
metadata) than SQLite took to answer it — about a third of a refused scan's CPU. `Prepared` keeps
the statement written in Core (one text for every dialect), compiles it once per dialect and set
of parameter names, and on SQLite runs the compiled SQL on the DBAPI connection of the caller's
transaction, binding and reading values with the same type processors SQLAlchemy would use.

It steps aside — plain `conn.execute`, same SQL — where that would not be the same thing:
another dialect (PostgreSQL), a statement needing Python-side column defaults or expanding
parameters, or an engine with `before_cursor_execute`/`after_cursor_execute` listeners (the tests
that catch the scan path's SQL to check its query plans and count its statements still see every
statement). Driver errors are raised as SQLAlchemy's, so busy and damaged-file handling is the same.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import configure_mappers


class _Plan:
    __slots__ = ("binds", "compiled", "names", "procs", "row", "sql")

    def __init__(self, statement: Any, dialect: Any, keys: tuple[str, ...]) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=list(keys) if keys else None)
        self.compiled = compiled
        fast = (dialect.name == "sqlite" and compiled.positional and "POSTCOMPILE" not in compiled.string
                and not getattr(compiled, "insert_prefetch", None) and not getattr(compiled, "update_prefetch", None)
                and not getattr(compiled, "literal_execute_params", None))
        self.sql = compiled.string if fast else None
        self.names = tuple(compiled.positiontup or ())
        self.binds = dict(compiled._bind_processors)
        columns = list(compiled._result_columns)
        self.row = namedtuple("Row", [c.keyname for c in columns], rename=True) if columns else None  # type: ignore[misc]
        self.procs = [c.type._cached_result_processor(dialect, None) for c in columns]


class Prepared:
    """One Core statement, compiled once per dialect and parameter names (see the module docstring)."""

    __slots__ = ("_plans", "statement")

    def __init__(self, statement: Any) -> None:
        self.statement = statement
        self._plans: dict[tuple[Any, ...], _Plan] = {}

    def _plan(self, conn: Connection, keys: tuple[str, ...]) -> _Plan:
        dialect = conn.dialect
        key = (dialect.name, id(dialect), keys)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = _Plan(self.statement, dialect, keys)
        return plan

    def rows(self, conn: Connection, params: Mapping[str, Any] | None = None) -> list[Any]:
        """Every row (attribute and index access, like SQLAlchemy's Row); [] for a statement that
        returns none."""
        params = params or {}
        plan = None
        if conn.dialect.name == "sqlite":  # another dialect is never planned: its result types differ
            plan = self._plan(conn, tuple(params))
        if plan is None or plan.sql is None or conn.dispatch.before_cursor_execute or conn.dispatch.after_cursor_execute:
            result = conn.execute(self.statement, dict(params))
            return list(result.all()) if result.returns_rows else []
        values = plan.compiled.construct_params(dict(params))
        binds = plan.binds
        args = [binds[n](values[n]) if n in binds else values[n] for n in plan.names]
        raw = conn.connection.driver_connection
        try:
            cursor = raw.execute(plan.sql, args)  # type: ignore[union-attr]
            fetched = cursor.fetchall() if plan.row is not None else []
        except sqlite3.Error as err:
            raise sa_exc.DBAPIError.instance(plan.sql, args, err, sqlite3.Error) from err
        if plan.row is None:
            return []
        procs, make = plan.procs, plan.row._make
        return [make([p(v) if p is not None else v for p, v in zip(procs, r, strict=True)]) for r in fetched]

    def first(self, conn: Connection, params: Mapping[str, Any] | None = None) -> Any:
        rows = self.rows(conn, params)
        return rows[0] if rows else None

    def scalar(self, conn: Connection, params: Mapping[str, Any] | None = None) -> Any:
        row = self.first(conn, params)
        return None if row is None else row[0]

    def run(self, conn: Connection, params: Mapping[str, Any] | None = None) -> None:
        self.rows(conn, params)


def transient(model: type, values: Mapping[str, Any]) -> Any:
    """A transient, read-only row of `model` from values the database gave (or is given): made as
    the ORM makes a loaded row — no __init__, no validation, a tenth of the cost — for the scan
    path's rows that are only read. Never add one to a session: its values carry no history."""
    mapper = model.__mapper__  # type: ignore[attr-defined]
    if not mapper.configured:
        configure_mappers()
    obj = mapper.class_manager.new_instance()
    obj.__dict__.update(values)
    return obj
