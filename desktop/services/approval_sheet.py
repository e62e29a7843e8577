"""Reading the approval list suppliers send (.xlsx, or .csv in UTF-8 or GBK) into raw rows.

Headers are Chinese, in any order, spelt as each supplier likes (车牌/车牌号/车辆号牌, 预计到达日期,
数量（公斤）…): `desktop.services.columns` places them by meaning; a title row above them is skipped. Nothing here validates values: that is `approvals.import_file`'s job.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.text import quote
from desktop.i18n import t
from desktop.services.columns import APPROVAL_FIELDS, ColumnMap, recognise, scores
from desktop.services.context import ServiceError
from desktop.services.spreadsheets import find_header, read_grid, total_row

REQUIRED = ("plate", "supplier", "driver", "id_number", "phone")
# kept for callers that list the understood columns; recognition itself is desktop.services.columns
HEADERS: dict[str, tuple[str, ...]] = {name: (zh,) for name, (zh, _en) in APPROVAL_FIELDS.items()}


class _Recognised:
    """Stands in for a list of known header spellings: a header is known when some field claims it."""

    def __contains__(self, key: object) -> bool:
        return bool(scores(key))


def field_label(name: str) -> str:
    return APPROVAL_FIELDS.get(name, (name, name))[0]


@dataclass
class SheetRow:
    number: int  # as the person sees it in the spreadsheet (1-based, header counted)
    values: dict[str, object]
    merged: str = ""  # a merged range touching this row, e.g. "B3:B4"


@dataclass
class Sheet:
    name: str
    rows: list[SheetRow] = field(default_factory=list)
    blank_rows: int = 0
    total_rows: list[int] = field(default_factory=list)  # 合计 / 总计 rows under the data, left out
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as written
    placed: ColumnMap = field(default_factory=ColumnMap)
    unit_hints: dict[str, str] = field(default_factory=dict)  # field -> unit from its header, 重量（公斤）
    preview: list[list[object]] = field(default_factory=list)  # header row and the first rows, as read


def read_sheet(path: Path, *, require_date: bool = True, chosen: Mapping[str, str] | None = None,
               fields: tuple[str, ...] = tuple(APPROVAL_FIELDS)) -> Sheet:
    """The rows of the first sheet that has our headers. `chosen` maps headers to fields (or
    columns.IGNORE) as the person decided. Raises ServiceError("unreadable" or "missing_columns");
    columns that could not be placed are left for `check_columns` to refuse."""
    path = Path(path)
    grid = read_grid(path, _Recognised())
    return _to_sheet(path.name, grid.title, grid.cells, grid.merges, require_date, chosen, fields)


def _find_header(grid: list[list[object]]) -> int | None:
    return find_header(grid, _Recognised())


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _headers(grid: list[list[object]], header_at: int) -> list[object]:
    """The header row, where a column with data but no header is named by its letter (第L列), so
    that it is asked about like any unknown column rather than dropped without a word."""
    from openpyxl.utils import get_column_letter

    headers = list(grid[header_at])
    width = max((len(r) for r in grid[header_at:]), default=0)
    headers += [None] * (width - len(headers))
    for col, cell in enumerate(headers):
        if _blank(cell) and any(col < len(r) and not _blank(r[col]) for r in grid[header_at + 1:]):
            headers[col] = f"第{get_column_letter(col + 1)}列"
    return headers


def check_columns(sheet: Sheet, file: str, *, required: tuple[str, ...], constants: Mapping[str, object]) -> None:
    """Refuse (ServiceError "missing_columns") naming every column that could not be placed and
    every required field neither a column nor a constant gives."""
    lines = []
    for name, headers in sheet.placed.questions.items():
        lines.append(t("列 {h} 都可能是“{f}”，请指定", "columns {h} could each be {f}: choose",
                       h="、".join(quote(h) for h in headers), f=field_label(name)))
    asked = {h for hs in sheet.placed.questions.values() for h in hs}
    unknown = [h for h in sheet.placed.unplaced if h not in asked]
    if unknown:
        lines.append(t("不认识的列：{h}（请指定对应字段或忽略）", "columns not understood: {h} (map or ignore them)",
                       h="、".join(quote(h) for h in unknown)))
    missing = [field_label(f) for f in required if f not in sheet.columns and not constants.get(f)]
    if missing:
        lines.append(t("缺少这些列：{c}", "lacks these columns: {c}", c="、".join(missing)))
    if lines:
        raise ServiceError("missing_columns", t("{f}：", "{f}: ", f=quote(file)) + "；".join(lines),
                           )


def _to_sheet(name: str, title: str, grid: list[list[object]], merges: list[tuple[int, int, int, int, str]],
              require_date: bool, chosen: Mapping[str, str] | None = None,
              fields: tuple[str, ...] = tuple(APPROVAL_FIELDS)) -> Sheet:
    header_at = find_header(grid, _Recognised())
    if header_at is None:
        raise ServiceError("missing_columns", t(
            "{f} 中找不到表头（应有“车牌号、供货单位、驾驶员、身份证号、联系电话”等列）。",
            "{f} has no header row (expected columns such as 车牌号, 供货单位, 驾驶员, 身份证号, 联系电话).", f=quote(name)))
    placed = recognise(_headers(grid, header_at), fields=fields, chosen=chosen, rows=grid[header_at + 1:header_at + 21])
    columns = {f: c.index for f, c in placed.field_columns().items() if f != "row_number"}
    written = {f: c.header for f, c in placed.field_columns().items() if f != "row_number"}
    if require_date:
        check_columns(Sheet(title, columns=written, placed=placed), name, required=(*REQUIRED, "arrival_date"),
                      constants={})
    sheet = Sheet(name=title, columns=written, placed=placed,
                  unit_hints={f: c.unit_hint for f, c in placed.field_columns().items() if c.unit_hint},
                  preview=[list(r) for r in grid[header_at:header_at + 6]])
    merged_rows = {}
    for r1, r2, _c1, _c2, coord in merges:
        if r2 > header_at + 1 and r2 > r1:  # merges across data rows; a merged title is harmless
            for r in range(max(r1, header_at + 2), r2 + 1):
                merged_rows[r] = coord
    blanks = 0  # counted only when data follows: trailing blank rows are just the sheet's end
    for offset, row in enumerate(grid[header_at + 1:]):
        number = header_at + 2 + offset
        values = {f: (row[c] if c < len(row) else None) for f, c in columns.items()}
        if all(_blank(v) for v in values.values()) and number not in merged_rows:
            blanks += 1
            continue
        if total_row(row) and all(_blank(values.get(f)) for f in ("plate", "driver", "id_number", "pass_number")):
            sheet.total_rows.append(number)  # the sheet's sums (合计 40箱), not a vehicle
            continue
        sheet.blank_rows, blanks = sheet.blank_rows + blanks, 0
        sheet.rows.append(SheetRow(number, values, merged_rows.get(number, "")))
    return sheet
