"""Reading the approval list suppliers send (.xlsx, or .csv in UTF-8 or GBK) into raw rows.

Headers are Chinese, in any order, with the usual variants (车牌/车牌号/车牌号码...); a title row
above them is skipped. Nothing here validates values: that is `approvals.import_file`'s job.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop.i18n import t
from desktop.services.context import ServiceError

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


def _header_key(text: object) -> str:
    s = unicodedata.normalize("NFKC", str(text or ""))
    s = re.sub(r"[(（\[【].*?[)）\]】]", "", s)
    return re.sub(r"[\s*＊:：]", "", s)


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


def _unreadable(name: str, why: str) -> ServiceError:
    return ServiceError("unreadable", t("无法读取 {f}：{w}", "Cannot read {f}: {w}", f=name, w=why))


def read_sheet(path: Path, *, require_date: bool = True) -> Sheet:
    """The rows of the first sheet that has our headers. Raises ServiceError("unreadable" or
    "missing_columns") with a message naming the file and what is wrong."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path.name, exc.strerror or str(exc)) from None
    if not data.strip():
        raise _unreadable(path.name, t("文件是空的", "the file is empty"))
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _unreadable(path.name, t("文件设了密码，或是旧版 .xls 格式。请取消密码并另存为 .xlsx 后再导入",
                                       "the file is password-protected or an old .xls; remove the password "
                                       "and save it as .xlsx"))
    if data[:2] == b"PK":
        grid, merges, title = _xlsx_grid(path.name, data)
    elif path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise _unreadable(path.name, t("不是有效的 Excel 文件（可能已损坏）", "not a valid Excel file (damaged?)"))
    else:
        grid, merges, title = _csv_grid(path.name, data), [], path.name
    return _to_sheet(path.name, title, grid, merges, require_date)


def _xlsx_grid(name: str, data: bytes) -> tuple[list[list[object]], list[tuple[int, int, int, int, str]], str]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _unreadable(name, t("不是有效的 Excel 文件（{e}）", "not a valid Excel file ({e})", e=exc)) from None
    for ws in wb.worksheets:
        grid = [list(r) for r in ws.iter_rows(values_only=True)]
        if _find_header(grid) is not None:
            merges = [(m.min_row, m.max_row, m.min_col, m.max_col, m.coord) for m in ws.merged_cells.ranges]
            return grid, merges, ws.title
    ws = wb.worksheets[0]
    return [list(r) for r in ws.iter_rows(values_only=True)], [], ws.title


def _csv_grid(name: str, data: bytes) -> list[list[object]]:
    # Excel's "Unicode text" is UTF-16 with a byte-order mark; GB18030 reads everything GBK wrote.
    encodings = ("utf-16",) if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _unreadable(name, t("编码既不是 UTF-8 也不是 GBK", "the text is neither UTF-8 nor GBK"))
    if "\x00" in text:
        raise _unreadable(name, t("不是文本表格", "not a text table"))
    # Comma, or tab when Excel saved "Unicode text". Never sniffed from the data: Chinese cells full
    # of commas and semicolons would fool a sniffer.
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _find_header(grid: list[list[object]]) -> int | None:
    for i, row in enumerate(grid[:15]):
        if sum(1 for c in row if _header_key(c) in _ALIASES) >= 3:
            return i
    return None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _to_sheet(name: str, title: str, grid: list[list[object]], merges: list[tuple[int, int, int, int, str]],
              require_date: bool) -> Sheet:
    header_at = _find_header(grid)
    if header_at is None:
        raise ServiceError("missing_columns", t(
            "{f} 中找不到表头（应有“车牌号、供货单位、驾驶员、身份证号、联系电话”等列）。",
            "{f} has no header row (expected columns such as 车牌号, 供货单位, 驾驶员, 身份证号, 联系电话).", f=name))
    columns: dict[str, int] = {}
    written: dict[str, str] = {}
    for col, cell in enumerate(grid[header_at]):
        key = _ALIASES.get(_header_key(cell))
        if key and key not in columns:
            columns[key], written[key] = col, str(cell).strip()
    needed = list(REQUIRED) + (["arrival_date"] if require_date else [])
    missing = [field_label(f) for f in needed if f not in columns]
    if missing:
        raise ServiceError("missing_columns", t("{f} 缺少这些列：{c}", "{f} lacks these columns: {c}",
                                                f=name, c="、".join(missing)))
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
