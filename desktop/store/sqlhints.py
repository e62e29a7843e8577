"""`not_by_index(column)`: the column's value, in a form SQLite's planner may not answer from an index.

Where a statement orders by a column to pick one row among a few found another way (the latest
disinfection of a consignment, found through its disinfection items), an index on that column
invites SQLite to walk the whole index in that order instead, probing each row until one matches:
quick when the answer is among the newest rows, a walk over the table when it is not, and chosen
or not depending on the statistics (ANALYZE) of the file. SQLite's unary `+` is a no-op on the
value that takes the column out of the index's reach; other dialects get the bare column.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal


class not_by_index(ColumnElement[Any]):  # lower case: used like a SQL function
    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: Any) -> None:
        self.column = column
        self.type = column.type


@compiles(not_by_index)
def _bare(element: not_by_index, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.column, **kw))


@compiles(not_by_index, "sqlite")
def _unary_plus(element: not_by_index, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.column, **kw))
