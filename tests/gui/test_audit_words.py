"""The audit tab speaks people's language; the raw event is one key away."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from desktop.gui.stations.supervision.audit_words import action_words, data_words
from tests.gui.test_supervision_page import page  # noqa: F401


def test_rows_show_names_actions_in_words_and_labelled_data(qtbot, page):  # noqa: F811
    audit = page.audit
    page.tabs.setCurrentWidget(audit)
    audit.refresh()
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0 and bool(audit.model.names))
    model = audit.model
    shown = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
    actions = {row[3] for row in shown}
    assert "门岗决定" in actions or "车辆登记查验" in actions, actions
    assert not any(a.startswith("gate.") for a in actions)  # no raw keys where words exist
    operators = {row[1] for row in shown}
    assert not any("." in o for o in operators), operators  # display names, not liu.yang
    assert not any(row[5].startswith("{") for row in shown)  # fields, not JSON
    audit.table.setFocus()
    audit.table.selectRow(0)
    qtbot.keyClick(audit.table, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: audit.raw_dialog is not None and audit.raw_dialog.isVisible())
    raw = json.loads(audit.raw_dialog.text.toPlainText())
    assert raw["action"] == model.rows[0]["action"]
    qtbot.keyClick(audit.raw_dialog.text, Qt.Key.Key_Escape)
    assert not audit.raw_dialog.isVisible()


def test_words_for_actions_and_fields():
    assert action_words("handoff.scan") == "接驳扫码"
    assert action_words("something.new") == "something.new"  # shown as recorded, never hidden
    text = data_words({"plate": "苏N12345", "supervisor": "zhou.min", "row_digests": {"x": 1}}, {"zhou.min": "周敏"})
    assert text == "车牌：苏N12345 · 督查员：周敏"


def _recorded() -> dict[str, dict[str, str]]:
    """What the code can write into the audit log, found in its source, each with where.

    actions: `action="…"` passed to any call (either branch of an `a if … else b`), a parameter
    `action` defaulting to one, the action handed to authz's `_audit_later`, and the two families
    written from a variable; fields: the keys of a dict literal passed as an event's `data`;
    entities: `entity="…"` passed to any call."""
    import ast
    import re
    from pathlib import Path

    from desktop.services import handoff, register

    dotted = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")
    found: dict[str, str] = {}
    fields: dict[str, str] = {}
    entities: dict[str, str] = {}

    def take(node: ast.AST | None, where: str) -> None:
        if isinstance(node, ast.IfExp):
            take(node.body, where)
            take(node.orelse, where)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and dotted.match(node.value):
            found.setdefault(node.value, where)

    root = Path(__file__).resolve().parents[2]
    for path in sorted((root / "desktop").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            where = f"{path.relative_to(root)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                for kw in node.keywords:
                    if kw.arg == "action":
                        take(kw.value, where)
                    elif kw.arg == "entity" and isinstance(kw.value, ast.Constant) and kw.value.value:
                        entities.setdefault(str(kw.value.value), where)
                    elif kw.arg == "data" and name in ("record", "_audit_later") and isinstance(kw.value, ast.Dict):
                        for key in kw.value.keys:
                            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                                fields.setdefault(key.value, where)
                if name == "_audit_later" and len(node.args) >= 3:
                    take(node.args[2], where)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                args = node.args.args + node.args.kwonlyargs
                defaults = [None] * (len(node.args.args) - len(node.args.defaults)) + list(node.args.defaults)
                defaults += list(node.args.kw_defaults)
                for arg, default in zip(args, defaults, strict=True):
                    if arg.arg == "action":
                        take(default, where)
    for kind in (*handoff.HANDOVER_KINDS, "release"):
        found.setdefault(f"custody.{kind}", "desktop/services/handoff.py (custody.{kind})")
    for outcome in register.OUTCOMES:
        found.setdefault(f"register.{outcome}", "desktop/services/register.py (register.{outcome})")
    return {"actions": found, "fields": fields, "entities": entities}


def _unworded(found: dict[str, str], table: dict[str, tuple[str, str]], what: str) -> str:
    missing = {k: w for k, w in found.items() if k not in table}
    return f"{what} shown as raw keys in the audit tab:\n" + "\n".join(f"  {k}  ({w})" for k, w in sorted(missing.items()))


def test_every_action_field_and_entity_the_code_records_has_words_in_both_languages():
    from desktop.gui.stations.supervision.audit_words import ACTIONS, ENTITIES, FIELDS, HIDDEN

    found = _recorded()
    assert {"gate.check_in", "permission.refused", "staff.add", "custody.receive", "register.added"} <= set(found["actions"])
    assert {"plate", "approval_id", "from", "to"} <= set(found["fields"]) and {"slip", "arrival"} <= set(found["entities"])
    assert set(found["actions"]) <= set(ACTIONS), _unworded(found["actions"], ACTIONS, "actions")
    assert set(found["fields"]) - HIDDEN <= set(FIELDS), _unworded(found["fields"], FIELDS, "fields")
    assert set(found["entities"]) <= set(ENTITIES), _unworded(found["entities"], ENTITIES, "entities")
    for table in (ACTIONS, FIELDS, ENTITIES):
        for key, (zh, en) in table.items():
            assert zh.strip() and en.strip(), key
    for key, (zh, _en) in (*ACTIONS.items(), *ENTITIES.items()):
        assert key != zh and not zh.isascii(), key  # Chinese words, not the key again


def test_the_demo_days_audit_log_reads_in_words(tmp_path):
    """Beyond what the source shows: every event of a whole demo day (reports written whole,
    keys from variables) has its action, entity and each field in words."""
    from desktop.gui.stations.supervision.audit_words import ACTIONS, ENTITIES, FIELDS, HIDDEN
    from desktop.services import audit, demo
    from desktop.store.migrate import open_database
    from tests.services.test_reports import DAY, EVENING

    database = open_database(str(tmp_path / "demo.sqlite3"))
    try:
        demo.build(database, day=DAY, now=EVENING)
        with database.session(write=False) as s:
            events = audit.recent(s, limit=100_000)
    finally:
        database.dispose()
    assert len(events) > 100
    raw = {"actions": {e["action"] for e in events} - set(ACTIONS),
           "entities": {e["entity"] for e in events if e["entity"]} - set(ENTITIES),
           "fields": {k for e in events for k in e["data"]} - set(FIELDS) - HIDDEN}
    assert raw == {"actions": set(), "entities": set(), "fields": set()}, raw


def test_the_content_column_shows_its_whole_sentence_on_hover(qtbot, page):  # noqa: F811
    tab = page.audit
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0 and bool(tab.model.names))
    m = tab.model
    col = m.COLUMNS.index("data")
    rows = [r for r in range(m.rowCount()) if m.rows[r]["data"]]
    assert rows
    for r in rows:
        shown, tip = m.data(m.index(r, col)), m.data(m.index(r, col), Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith(shown[:200]) and len(tip) >= len(shown)
    assert m.data(m.index(rows[0], 0), Qt.ItemDataRole.ToolTipRole) is None  # the time needs none


def test_states_roles_and_levels_read_as_words():
    from desktop.gui.stations.supervision.audit_words import STATES
    from desktop.services.consignments import STATES as RECORDED

    assert set(RECORDED) <= set(STATES)
    assert data_words({"from": "dwelling", "to": "ready", "reason": "静置完成"}) == "原状态：静置中 · 新状态：可放行 · 原因：静置完成"
    assert data_words({"username": "li.qiang", "role": "gate"}, {"li.qiang": "李强"}) == "账号：李强 · 角色：门岗"
    assert data_words({"to": "somewhere_new"}) == "新状态：somewhere_new"  # unknown: as recorded
