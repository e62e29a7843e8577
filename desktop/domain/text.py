"""Repeating what someone typed back to them, safely, and saying it was too long."""

from __future__ import annotations

from desktop.domain.limits import QUOTE_MAX
from desktop.i18n import t

ELLIPSIS = "…"


def quote(value: object, limit: int = QUOTE_MAX) -> str:
    """`value` as a message may show it: control characters as spaces, at most `limit` characters
    (a longer value is cut and ends with "…"), so a 100,000-character cell cannot fill a report."""
    text = str(value if value is not None else "")
    cut = len(text) > limit
    text = "".join(c if c.isprintable() else " " for c in text[: max(0, limit - 1) if cut else limit])
    return text + ELLIPSIS if cut else text


def too_long(what: str, value: str, limit: int) -> str | None:
    """The message refusing `value` for `what` when it has more than `limit` characters, else None."""
    if len(value) <= limit:
        return None
    return t("{w}太长（{n}个字符，最多{m}个）：{v}", "{w} is too long ({n} characters, at most {m}): {v}",
             w=what, n=len(value), m=limit, v=quote(value))
