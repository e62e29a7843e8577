"""Nothing under desktop/ reads the machine's local zone or date: "today" and "now" are the
site's (desktop.domain.localtime) read from a clock that is passed in (desktop.domain.clock).

Found by walking the syntax tree, so an alias (`from datetime import datetime as dt`), a line
break or a comment cannot hide a call, and a string that mentions one is not a hit."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "desktop"
ALLOWED = {"domain/clock.py", "domain/localtime.py"}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return _dotted(node.func) + "()"
    return "?"


def _aliases(tree: ast.Module) -> dict[str, str]:
    """Local names bound to datetime/date/time things: {'dt': 'datetime.datetime', ...}."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name in ("datetime", "time"):
                    names[a.asname or a.name] = a.name
        elif isinstance(node, ast.ImportFrom) and node.module in ("datetime", "time"):
            for a in node.names:
                names[a.asname or a.name] = f"{node.module}.{a.name}"
    return names


def _resolve(dotted: str, names: dict[str, str]) -> str:
    head, _, rest = dotted.partition(".")
    return f"{names[head]}.{rest}" if head in names and rest else names.get(dotted, dotted)


def _has_tz(call: ast.Call) -> bool:
    return bool(call.args) or any(k.arg in ("tz", "tzinfo") for k in call.keywords)


def machine_local_calls(source: str) -> list[tuple[int, str]]:
    """(line, what) for every call that reads the machine's local date, time or zone."""
    tree = ast.parse(source)
    names = _aliases(tree)
    hits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        what = _resolve(_dotted(node.func), names)
        bad = (
            what in ("datetime.date.today", "datetime.datetime.today", "time.localtime", "time.ctime",
                     "time.mktime", "time.asctime")
            or (what == "datetime.datetime.now" and not _has_tz(node))
            or (what == "datetime.datetime.fromtimestamp" and len(node.args) < 2
                and not any(k.arg == "tz" for k in node.keywords))
            or (what == "time.strftime" and len(node.args) < 2)
            # dt.astimezone() with no zone converts to the machine's zone
            or (isinstance(node.func, ast.Attribute) and node.func.attr == "astimezone"
                and not node.args and not node.keywords)
        )
        if bad:
            hits.append((node.lineno, ast.unparse(node)))
    return hits


def test_no_module_reads_the_machines_local_date() -> None:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in ALLOWED:
            continue
        found += [f"desktop/{rel}:{line}: {what}" for line, what in machine_local_calls(path.read_text("utf-8"))]
    assert not found, "read the site's time through a clock and desktop.domain.localtime:\n" + "\n".join(found)


@pytest.mark.parametrize("source", [
    "from datetime import date\ndate.today()",
    "import datetime\ndatetime.date.today()",
    "from datetime import datetime as dt\ndt.now()",
    "from datetime import datetime\ndatetime.now().year",
    "from datetime import datetime\ndatetime.today()",
    "import time\ntime.localtime()",
    "import time\ntime.strftime('%H')",
    "from time import strftime\nstrftime('%H')",
    "from datetime import datetime, UTC\ndatetime.now(UTC).astimezone()",
    "from datetime import datetime\ndatetime.fromtimestamp(0)",
])
def test_the_rule_catches(source: str) -> None:
    assert machine_local_calls(source)


@pytest.mark.parametrize("source", [
    "from datetime import datetime, UTC\ndatetime.now(UTC)",
    "from datetime import datetime, UTC\ndatetime.now(tz=UTC)",
    "import time\ntime.strftime('%H', time.gmtime(0))",
    "from datetime import datetime, UTC\ndatetime.fromtimestamp(0, UTC)",
    "x.astimezone(zone)",
    "'date.today()'",
])
def test_the_rule_lets_pass(source: str) -> None:
    assert not machine_local_calls(source)
