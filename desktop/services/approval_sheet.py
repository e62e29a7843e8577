"""Reading the approval list suppliers send (.xlsx, or .csv in UTF-8 or GBK) into raw rows.

Headers are Chinese, in any order, with the usual variants (车牌/车牌号/车牌号码...); a title row
above them is skipped. Nothing here validates values: that is `approvals.import_file`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.text import quote
from desktop.i18n import t
from desktop.services.context import ServiceError
from desktop.services.spreadsheets import find_header, header_key, read_grid

# field -> accepted header spellings (after removing spaces, asterisks and bracketed notes)
HEADERS: dict[str, tuple[str, ...]] = {
    "plate": ("车牌号", "车牌", "车牌号码", "车辆号牌", "号牌号码"),
    "supplier": ("供货单位", "供应商", "配送企业", "单位名称", "供货企业", "配送单位", "单位"),
    "driver": ("驾驶员", "司机", "驾驶员姓名", "司机姓名", "姓名"),
    "id_number": ("身份证号", "身份证号码", "驾驶员身份证号", "司机身份证号", "身份证"),
    "phone": ("联系电话", "手机号", "手机号码", "电话", "司机电话", "驾驶员电话"),
    "passengers": ("随车人员", "同乘人员", "乘车人员", "押运人员", "随车人员信息"),
    "cargo": ("物资", "物资类别及数量", "物资明细", "货物", "物资品类", "物资类别", "运送物资"),
    "arrival_date": ("到达日期", "进校日期", "送货日期", "日期", "到达时间", "配送日期"),
    "mode": ("进校或接驳", "进校/接驳", "是否进校", "交接方式", "方式", "进入方式"),
    "unloading_point": ("卸货点", "卸货地点", "目的地"),
    "pass_number": ("通行证号", "通行证编号", "通行证"),
    "pass_validity": ("通行证有效期", "有效期"),
    "pass_valid_from": ("有效期起", "通行证有效期起", "有效期开始"),
    "pass_valid_to": ("有效期止", "通行证有效期止", "有效期至", "有效期截止"),
    "test_sampled_at": ("核酸采样时间", "采样时间", "核酸检测时间", "核酸时间"),
    "note": ("备注",),
}
REQUIRED = ("plate", "supplier", "driver", "id_number", "phone")

_ALIASES = {alias: name for name, aliases in HEADERS.items() for alias in aliases}


def field_label(name: str) -> str:
    return HEADERS[name][0]


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
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as written


def read_sheet(path: Path, *, require_date: bool = True) -> Sheet:
    """The rows of the first sheet that has our headers. Raises ServiceError("unreadable" or
    "missing_columns") with a message naming the file and what is wrong."""
    path = Path(path)
    grid = read_grid(path, _ALIASES)
    return _to_sheet(path.name, grid.title, grid.cells, grid.merges, require_date)


def _find_header(grid: list[list[object]]) -> int | None:
    return find_header(grid, _ALIASES)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _to_sheet(name: str, title: str, grid: list[list[object]], merges: list[tuple[int, int, int, int, str]],
              require_date: bool) -> Sheet:
    header_at = _find_header(grid)
    if header_at is None:
        raise ServiceError("missing_columns", t(
            "{f} 中找不到表头（应有“车牌号、供货单位、驾驶员、身份证号、联系电话”等列）。",
            "{f} has no header row (expected columns such as 车牌号, 供货单位, 驾驶员, 身份证号, 联系电话).", f=quote(name)))
    columns: dict[str, int] = {}
    written: dict[str, str] = {}
    for col, cell in enumerate(grid[header_at]):
        key = _ALIASES.get(header_key(cell))
        if key and key not in columns:
            columns[key], written[key] = col, str(cell).strip()
    needed = list(REQUIRED) + (["arrival_date"] if require_date else [])
    missing = [field_label(f) for f in needed if f not in columns]
    if missing:
        raise ServiceError("missing_columns", t("{f} 缺少这些列：{c}", "{f} lacks these columns: {c}",
                                                f=quote(name), c="、".join(missing)))
    sheet = Sheet(name=title, columns=written)
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
        sheet.blank_rows, blanks = sheet.blank_rows + blanks, 0
        sheet.rows.append(SheetRow(number, values, merged_rows.get(number, "")))
    return sheet
