"""Reading the spreadsheets people send (.xlsx, or .csv in UTF-8, GBK or Excel's UTF-16 "Unicode
text") into a grid of cells, with errors that name the file and say what to do. Shared by the
approval list and the household order sheet; each knows its own headers.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.text import quote
from desktop.i18n import t
from desktop.services.context import ServiceError

Merge = tuple[int, int, int, int, str]  # min_row, max_row, min_col, max_col, "B3:B4"


@dataclass
class Grid:
    title: str
    cells: list[list[object]]
    merges: list[Merge] = field(default_factory=list)


def unreadable(name: str, why: str) -> ServiceError:
    return ServiceError("unreadable", t("无法读取 {f}：{w}", "Cannot read {f}: {w}", f=quote(name), w=why))


def header_key(text: object) -> str:
    """A header as compared: full-width folded, bracketed notes, spaces, asterisks and colons removed."""
    s = unicodedata.normalize("NFKC", str(text or ""))
    s = re.sub(r"[(（\[【].*?[)）\]】]", "", s)
    return re.sub(r"[\s*＊:：_]", "", s).lower()


def find_header(cells: list[list[object]], known: Container[str], *, at_least: int = 3) -> int | None:
    """The first of the top 15 rows with `at_least` known headers (a title row above is allowed)."""
    for i, row in enumerate(cells[:15]):
        if sum(1 for c in row if header_key(c) in known) >= at_least:
            return i
    return None


def read_grid(path: Path, known: Container[str]) -> Grid:
    """The first sheet whose header row has known headers (else the first sheet)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise unreadable(path.name, exc.strerror or str(exc)) from None
    if not data.strip():
        raise unreadable(path.name, t("文件是空的", "the file is empty"))
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise unreadable(path.name, t("文件设了密码，或是旧版 .xls 格式。请取消密码并另存为 .xlsx 后再导入",
                                      "the file is password-protected or an old .xls; remove the password "
                                      "and save it as .xlsx"))
    if data[:2] == b"PK":
        return _xlsx(path.name, data, known)
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise unreadable(path.name, t("不是有效的 Excel 文件（可能已损坏）", "not a valid Excel file (damaged?)"))
    return Grid(path.name, _csv(path.name, data))


def _xlsx(name: str, data: bytes, known: Container[str]) -> Grid:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        # the library's own words ("File is not a zip file") mean nothing at the gate
        raise unreadable(name, t("不是有效的 Excel 文件，可能已损坏。请在 Excel 中打开后另存为 .xlsx 再导入",
                                 "not a valid Excel file (damaged?); open it in Excel and save it as .xlsx")) from None
    for ws in wb.worksheets:
        cells = [list(r) for r in ws.iter_rows(values_only=True)]
        if find_header(cells, known) is not None:
            merges = [(m.min_row, m.max_row, m.min_col, m.max_col, m.coord) for m in ws.merged_cells.ranges]
            return Grid(ws.title, cells, merges)
    ws = wb.worksheets[0]
    return Grid(ws.title, [list(r) for r in ws.iter_rows(values_only=True)])


def _csv(name: str, data: bytes) -> list[list[object]]:
    # Excel's "Unicode text" is UTF-16 with a byte-order mark; GB18030 reads everything GBK wrote.
    encodings = ("utf-16",) if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise unreadable(name, t("编码既不是 UTF-8 也不是 GBK", "the text is neither UTF-8 nor GBK"))
    if "\x00" in text:
        raise unreadable(name, t("不是文本表格", "not a text table"))
    # Comma, or tab when Excel saved "Unicode text". Never sniffed from the data: Chinese cells full
    # of commas and semicolons would fool a sniffer.
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]


Words = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class WordSheet:
    """A sheet whose columns are told by the words in their headers, tried in order (电话 before
    联系人: 户主电话 is a phone): the household register and the group-buying order sheet.

    `read` finds the header row (a title above is skipped), refuses two columns that both say one
    field and a sheet without the `required` ones, and returns every non-blank row with the
    headers it did not read, so that a report can name them: nothing is dropped without a word."""

    words: Words
    labels: dict[str, tuple[str, str]]  # field -> (Chinese, English), for the messages
    required: tuple[str, ...]

    def field_of(self, header: object) -> str | None:
        from desktop.services.columns import normalise

        s = normalise(header)
        if not s:
            return None
        for name, words in self.words:
            if any(w in s for w in words):
                return name
        return None

    def __contains__(self, key: object) -> bool:  # what `find_header` counts as a known header
        return self.field_of(key) is not None

    def read(self, path: Path) -> WordRows:
        """Every non-blank row as (spreadsheet row number, {field: text}), the headers not read,
        the header each field was read from (a 是/否 cell means what its header asks) and the
        total rows (合计 …) left out."""
        path = Path(path)
        grid = read_grid(path, self).cells
        at = find_header(grid, self)
        if at is None:
            raise ServiceError("missing_columns", t(
                "{f} 中找不到表头（应有“楼栋、房号、电话”等列）。",
                "{f} has no header row (expected columns such as 楼栋, 房号, 电话).", f=quote(path.name)))
        columns: dict[str, int] = {}
        ignored: list[str] = []
        for i, cell in enumerate(grid[at]):
            name, text = self.field_of(cell), cell_text(cell)
            if name and name in columns:
                raise ServiceError("ambiguous_columns", t(
                    "{f} 有两列都像“{x}”：{a}、{b}。请删去或改名其中一列。",
                    "{f} has two columns that both look like {x}: {a}, {b}. Remove or rename one.",
                    f=quote(path.name), x=t(*self.labels[name]), a=quote(cell_text(grid[at][columns[name]])),
                    b=quote(text)))
            if name:
                columns[name] = i
            elif text:
                ignored.append(text)
        missing = [self.labels[f][0] for f in self.required if f not in columns]
        if missing:
            raise ServiceError("missing_columns", t("{f} 缺少这些列：{c}", "{f} lacks these columns: {c}",
                                                    f=quote(path.name), c="、".join(missing)))
        out, totals = [], []
        for offset, row in enumerate(grid[at + 1:]):
            values = {f: cell_text(row[i] if i < len(row) else None) for f, i in columns.items()}
            if not any(values.values()):
                continue
            if total_row(row) and not any(values.get(f) for f in self.required):
                totals.append(at + 2 + offset)  # 合计 under the rows: the sheet's sums, not a household
                continue
            out.append((at + 2 + offset, values))
        return WordRows(out, ignored, {f: cell_text(grid[at][i]) for f, i in columns.items()}, totals)


@dataclass(frozen=True)
class WordRows:
    rows: list[tuple[int, dict[str, str]]]  # (spreadsheet row number, {field: text})
    ignored: list[str]  # headers not read
    headers: dict[str, str]  # field -> the header it was read from
    totals: list[int]  # row numbers of total rows (合计, 总计 …) left out


_TOTAL = re.compile(r"^(?:合计|总计|小计|共计|汇总|总数|total|sum)\b", re.IGNORECASE)


def total_row(cells: list[object]) -> bool:
    """A row that sums the sheet: 合计 / 总计 / 小计 / 共计 / 汇总 (or Total) in one of its cells."""
    return any(_TOTAL.match(cell_text(c)) for c in cells if c is not None and not isinstance(c, int | float))


def cell_text(value: object) -> str:
    """A cell as text: 12.0 read from Excel is 12, full-width folded, trimmed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()
