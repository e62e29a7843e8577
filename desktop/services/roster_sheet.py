"""Importing the staff roster from a sheet (.xlsx or .csv), with headers spelt however people like:
姓名/人员姓名/名字, 岗位/职务/分工, 联系电话/手机号, 核酸采样时间/最近检测日期, 检测结果/核酸结果, 是否培训/培训日期,
防护用品/防护物资发放 … (recognised by `desktop.services.columns` with the roster's own rules).

All or nothing: every row is checked first; if any row has an error, the errors are listed (row and
column as the sheet wrote them) and nothing is imported. A row whose name is already on the roster
updates that person (cells left empty keep what is on record); other rows add people. One audit
event per person, one for the import. A sheet with a test time column but no result column at all
reads the tests as negative (people at work); with a result column, an empty result is an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from desktop.domain.dates import parse_date, parse_datetime, site_zone
from desktop.domain.identity import InputError
from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import audit, columns, roster, spreadsheets
from desktop.services.authz import requires
from desktop.services.columns import RULES, Rule
from desktop.services.context import Actor, ServiceError
from desktop.store.models import StaffMember

_PHONE = ("电话", "手机", "联系方式", "tel", "phone", "mobile", "联系号码")
_TEST = ("核酸", "检测", "采样", "test")
_DAY = ("日期", "时间", "date", "time", "on")

ROSTER_RULES: dict[str, Rule] = {
    "name": Rule(("姓名", "名字", "人员", "员工", "志愿者", "name"),
                 {"姓名": 10, "名字": 9, "人员": 3, "员工": 3, "志愿者": 3, "name": 9, "工作人员": 8, "值班人员": 8},
                 none_of=(*_PHONE, *_TEST, "岗位", "职务", "培训", "防护", "账号", "用户", "身份", "证件", "结果")),
    "post": Rule(("岗位", "职务", "角色", "职责", "分工", "工作", "组别", "所在组", "post", "role", "position", "duty"),
                 {"岗位": 10, "职务": 9, "角色": 8, "职责": 8, "分工": 8, "工作": 4, "组别": 7, "所在组": 7, "post": 9,
                  "role": 9, "position": 9, "duty": 7},
                 none_of=(*_PHONE, "培训", "账号", "日期", "时间")),
    "phone": Rule(_PHONE, {"电话": 10, "手机": 10, "联系方式": 9, "tel": 8, "phone": 9, "mobile": 9, "联系号码": 9}),
    "operator": Rule(("账号", "帐号", "用户名", "登录", "account", "username", "login"),
                     {"账号": 10, "帐号": 10, "用户名": 10, "登录": 6, "account": 9, "username": 10, "login": 7}),
    "test_at": Rule(_TEST, {"核酸": 6, "检测": 5, "采样": 8, "test": 6, "时间": 3, "日期": 3, "date": 3, "最近": 2},
                    none_of=("结果", "result", "阴性", "阳性"), also=(*_DAY, "最近", "上次", "末次")),
    "test_result": Rule(("结果", "result", "阴阳性", "阴性", "阳性"),
                        {"结果": 8, "result": 8, "核酸": 3, "检测": 3, "阴阳性": 9, "阴性": 6, "阳性": 6},
                        none_of=("培训", "training")),
    "training": Rule(("培训", "training", "岗前"), {"培训": 10, "training": 10, "岗前": 4, "日期": 1, "是否": 1}),
    "ppe": Rule(("防护", "护具", "口罩", "防护服", "ppe", "gear", "装备"),
                {"防护": 9, "护具": 8, "口罩": 6, "防护服": 9, "ppe": 10, "gear": 8, "装备": 6, "发放": 2}),
    "note": RULES["note"],
    "row_number": RULES["row_number"],
}
FIELDS: tuple[str, ...] = tuple(ROSTER_RULES)
YES = ("是", "已", "已培训", "已完成", "完成", "√", "✓", "y", "yes", "true", "1", "有", "done")
NO = ("否", "未", "未培训", "无", "没有", "x", "×", "n", "no", "false", "0", "")
NEGATIVE = ("阴性", "阴", "-", "negative", "neg")
POSITIVE = ("阳性", "阳", "+", "positive", "pos")


@dataclass
class Imported:
    added: int = 0
    updated: int = 0
    ignored: list[str] = field(default_factory=list)  # headers not read (row numbers, "ignore")
    totals: list[int] = field(default_factory=list)  # total rows (合计 …) not taken for people


@dataclass(frozen=True)
class _Row:
    number: int  # as the sheet counts rows (1 = the first row of the sheet)
    values: dict[str, Any]


def _header_row(cells: list[list[object]]) -> tuple[int, columns.ColumnMap]:
    for i, row in enumerate(cells[:15]):
        m = columns.recognise(list(row), fields=FIELDS, rules=ROSTER_RULES)
        placed = m.field_columns()
        if "name" in placed and len(placed) >= 2:
            return i, m
    raise ServiceError("no_header", t("表中找不到表头（至少要有“姓名”一列和另一列，如“岗位”“联系电话”）。",
                                      "No header row found (it needs a name column and one more, such as post or "
                                      "phone)."))


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def _today(now: datetime) -> date:
    """The site's day: a date written without its year (12月2日) is read nearest it and never
    ahead of it (a test or a training is never in the future)."""
    return now.astimezone(site_zone()).date()


def _yes(cell: object, header: str, now: datetime) -> tuple[bool, date | None]:
    """A training cell: 是/否, or the date it was done."""
    text = _text(cell).lower()
    if text in YES:
        return True, None
    if text in NO:
        return False, None
    try:
        return True, parse_date(cell, near=_today(now), latest=_today(now))
    except InputError:
        raise InputError("training", t("“{h}”应填 是/否 或培训日期，不是 {v}", "“{h}” should be yes/no or the training "
                                       "date, not {v}", h=header, v=_text(cell))) from None


def _test_time(cell: object, header: str, now: datetime) -> datetime | None:
    if _text(cell) == "":
        return None
    tz, today = site_zone(), _today(now)
    try:
        return parse_datetime(cell, tz=tz, near=today, latest=today)
    except InputError:
        pass
    try:
        day = parse_date(cell, near=today, latest=today)
        return datetime.combine(day, time(0, 0), tzinfo=tz)  # a day only: the day's start, the worst case
    except InputError:
        raise InputError("test_at", t("“{h}”的时间 {v} 看不懂（应如 2026-12-01 08:30）", "Cannot read “{h}”: {v} "
                                      "(write it like 2026-12-01 08:30)", h=header, v=_text(cell))) from None


def _result(cell: object, header: str) -> str:
    text = _text(cell).lower()
    if text in NEGATIVE:
        return "negative"
    if text in POSITIVE:
        return "positive"
    if text == "":
        return ""
    raise InputError("test_result", t("“{h}”应填 阴性 或 阳性，不是 {v}", "“{h}” should be negative or positive, not {v}",
                                      h=header, v=_text(cell)))


def _read(cells: list[list[object]], at: int, m: columns.ColumnMap,
          now: datetime) -> tuple[list[_Row], list[str], list[int]]:
    placed = m.field_columns()
    rows, errors, totals = [], [], []
    seen: dict[str, int] = {}
    for i, raw in enumerate(cells[at + 1:], start=at + 2):
        if not any(_text(c) for c in raw):
            continue

        def cell(name: str, raw: list[object] = raw) -> object:
            c = placed.get(name)
            return raw[c.index] if c is not None and c.index < len(raw) else None

        def header(name: str) -> str:
            c = placed.get(name)
            return c.header if c else name

        values: dict[str, Any] = {"name": _text(cell("name")), "post": _text(cell("post")),
                                  "phone": _text(cell("phone")), "operator": _text(cell("operator")),
                                  "ppe_issued": _text(cell("ppe"))}
        if spreadsheets.total_row(raw) and not (values["phone"] or values["operator"] or _text(cell("test_at"))):
            totals.append(i)  # 合计 4人: the sheet's count, not a person named 合计
            continue
        problems = []
        if not values["name"]:
            problems.append(t("“{h}”为空", "“{h}” is empty", h=header("name")))
        elif values["name"] in seen:
            problems.append(t("与第{n}行重复", "repeats row {n}", n=seen[values["name"]]))
        else:
            seen[values["name"]] = i
        for key, read in (("last_test_at", lambda: _test_time(cell("test_at"), header("test_at"), now)),
                          ("last_test_result", lambda: _result(cell("test_result"), header("test_result"))),
                          ("training", lambda: _yes(cell("training"), header("training"), now))):
            try:
                values[key] = read()
            except InputError as exc:
                problems.append(str(exc))
        if values.get("last_test_at") is not None and not values.get("last_test_result"):
            values["last_test_result"] = "negative" if "test_result" not in placed else ""
            if not values["last_test_result"]:
                problems.append(t("有检测时间但“{h}”为空", "a test time but “{h}” is empty", h=header("test_result")))
        if problems:
            errors.append(t("第{n}行：{p}", "Row {n}: {p}", n=i, p="；".join(problems)))
        else:
            rows.append(_Row(i, values))
    return rows, errors, totals


@requires(Permission.STAFF)
def import_sheet(session: Session, *, actor: Actor, now: datetime, path: Path) -> Imported:
    """Add or update the roster from a sheet, all rows or none (a ServiceError `rows_invalid` lists
    every row's errors; `columns_unknown` names headers that could not be placed)."""
    known = {spreadsheets.header_key(w) for r in ROSTER_RULES.values() for w in r.any_of}
    grid = spreadsheets.read_grid(Path(path), known)
    at, m = _header_row(grid.cells)
    if m.questions:
        raise ServiceError("columns_unclear", t("这些列无法确定是哪一项：{c}。请改表头后再导入。",
                                                "Cannot tell what these columns are: {c}. Rename them and import "
                                                "again.", c="、".join(h for hs in m.questions.values() for h in hs)))
    rows, errors, totals = _read(grid.cells, at, m, now)
    if errors:
        raise ServiceError("rows_invalid", t("有{n}行有错，未导入任何人：\n{e}", "{n} rows have errors; nobody was imported:\n{e}",
                                             n=len(errors), e="\n".join(errors)))
    if not rows:
        raise ServiceError("no_rows", t("表中没有人员。", "The sheet lists nobody."))
    result = Imported(ignored=m.ignored + m.unknown, totals=totals)
    for row in rows:
        v = row.values
        existing = session.exec(select(StaffMember).where(StaffMember.name == v["name"],
                                                          StaffMember.active == True)).first()  # noqa: E712
        done, on = v["training"]
        kept = existing
        try:
            roster.put(session, actor=actor, now=now, staff_id=existing.id if existing else None, name=v["name"],
                       post=v["post"] or (kept.post if kept else ""), phone=v["phone"] or (kept.phone if kept else ""),
                       operator=v["operator"] or (kept.operator or "" if kept else ""),
                       last_test_at=v["last_test_at"] or (kept.last_test_at if kept else None),
                       last_test_result=v["last_test_result"] or (kept.last_test_result if kept else ""),
                       training_done=done or bool(kept and kept.training_done),
                       training_on=on or (kept.training_on if kept else None),
                       ppe_issued=v["ppe_issued"] or (kept.ppe_issued if kept else ""),
                       ppe_issued_on=kept.ppe_issued_on if kept else None,
                       action="staff.update" if existing else "staff.add")
        except ServiceError as exc:
            raise ServiceError(exc.code, t("第{n}行：{m}（未导入任何人）", "Row {n}: {m} (nobody was imported)",
                                           n=row.number, m=exc.message)) from None
        if existing:
            result.updated += 1
        else:
            result.added += 1
    audit.record(session, actor=actor, action="staff.import", at=now, entity="staff_member", entity_id="",
                 data={"file": Path(path).name, "added": result.added, "updated": result.updated,
                       "ignored": result.ignored})
    return result
