"""The approval list template handed to suppliers: the columns the import understands, with
date cells, a list of modes and of this site's unloading points, one filled example row and a
second sheet explaining each column. A filled template imports with no mapping questions (its
headers are the fields' own labels), and its example row is skipped, and said to be, on import.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlmodel import Session, select

from desktop.domain.identity import id_check_digit
from desktop.domain.localtime import local
from desktop.i18n import t
from desktop.services.context import ServiceError
from desktop.store.models import UnloadingPoint

EXAMPLE_MARK = "示例行"  # a row whose 备注 starts with this is the template's example, not a vehicle

# (field, header, required, what to write)
COLUMNS: tuple[tuple[str, str, bool, str], ...] = (
    ("plate", "车牌号", True, "如 苏N12345（全角、带点均可）"),
    ("supplier", "供货单位", True, "企业全称；整张表只有一家时，导入时也可统一填写"),
    ("driver", "驾驶员", True, "驾驶员姓名"),
    ("id_number", "身份证号", True, "驾驶员18位身份证号（请设为文本，防止 Excel 改成科学计数）"),
    ("phone", "联系电话", True, "驾驶员手机号"),
    ("passengers", "随车人员", False, "每人：姓名 身份证号 手机号，多人用；分隔。也可分列：随车人员姓名 / 随车人员身份证号"),
    ("cargo", "物资", False, "品名，如 大米；也可写成“大米 50袋；食用油 20桶”（此时数量、单位两列留空）"),
    ("quantity", "数量", False, "数字"),
    ("unit", "单位", False, "如 袋、桶、公斤"),
    ("arrival_date", "到达日期", True, "预计到达日期（日期格式，如 2026-12-02）"),
    ("mode", "进校/接驳", False, "进校 或 接驳；不填时有通行证号按进校，否则按接驳"),
    ("unloading_point", "卸货点", False, "进校车辆的卸货点（下拉选择）"),
    ("pass_number", "通行证号", False, "保供/应急车辆通行证号"),
    ("pass_validity", "通行证有效期", False, "有效期至（日期），或“2026-11-01至2026-12-31”；未登记的通行证按此登记，已登记的按此延长"),
    ("test_sampled_at", "核酸采样时间", False, "驾驶员核酸采样时间，如 2026-12-01 08:30"),
    ("note", "备注", False, "其他说明"),
)


def _example(tomorrow: str, point: str) -> dict[str, object]:
    body = "32130219850101203"
    return {"plate": "苏N12345", "supplier": "宿迁市某某配送中心", "driver": "张三",
            "id_number": body + id_check_digit(body), "phone": "13800000000", "passengers": "",
            "cargo": "大米", "quantity": 50, "unit": "袋", "arrival_date": tomorrow, "mode": "进校",
            "unloading_point": point, "pass_number": "", "pass_validity": "", "test_sampled_at": "",
            "note": EXAMPLE_MARK + "（导入时自动跳过，可删除）"}


def point_choices(session: Session) -> list[str]:
    points = session.exec(select(UnloadingPoint).where(UnloadingPoint.active)).all()  # type: ignore[arg-type]
    return [f"{p.code}{p.name}".replace(",", "，") for p in points]


def write_template(session: Session, *, now: datetime, path: Path) -> Path:
    """Write the template .xlsx to `path`."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    points = point_choices(session)
    tomorrow = local(now).date() + timedelta(days=1)
    wb = Workbook()
    ws = wb.active
    ws.title = "审批名单"
    ws.append([header for _f, header, _r, _w in COLUMNS])
    example = _example(tomorrow.isoformat(), points[0] if points else "")
    ws.append([tomorrow if f == "arrival_date" else example[f] for f, *_ in COLUMNS])
    bold, required = Font(bold=True), PatternFill("solid", fgColor="FFF2CC")
    for i, (_f, _h, req, _w) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = bold
        if req:
            cell.fill = required
        ws.column_dimensions[cell.column_letter].width = 16
    col = {f: ws.cell(row=1, column=i).column_letter for i, (f, *_rest) in enumerate(COLUMNS, start=1)}
    ws[f"{col['arrival_date']}2"].number_format = "yyyy-mm-dd"
    for f in ("id_number", "phone", "plate", "pass_number"):  # text, so Excel keeps all 18 digits
        ws.column_dimensions[col[f]].number_format = "@"
        ws[f"{col[f]}2"].number_format = "@"
    dates = DataValidation(type="date", operator="greaterThan", formula1="DATE(2000,1,1)", allow_blank=True,
                           error="请填写日期，如 2026-12-02", errorTitle="到达日期")
    modes = DataValidation(type="list", formula1='"进校,接驳"', allow_blank=True)
    for dv, f in ((dates, "arrival_date"), (modes, "mode")):
        ws.add_data_validation(dv)
        dv.add(f"{col[f]}2:{col[f]}500")
    notes = wb.create_sheet("填写说明")
    notes.append(["列名", "必填", "填写说明", "示例"])
    for f, header, req, what in COLUMNS:
        notes.append([header, "是" if req else "", what, str(example[f])])
    notes.append([])
    notes.append(["卸货点（可选值）"])
    first_point_row = notes.max_row + 1
    for p in points:
        notes.append([p])
    if points:
        dv = DataValidation(type="list", allow_blank=True,
                            formula1=f"'填写说明'!$A${first_point_row}:$A${first_point_row + len(points) - 1}")
        ws.add_data_validation(dv)
        dv.add(f"{col['unloading_point']}2:{col['unloading_point']}500")
    for letter, width in (("A", 16), ("B", 6), ("C", 70), ("D", 24)):
        notes.column_dimensions[letter].width = width
    try:
        wb.save(path)
    except OSError as exc:
        raise ServiceError("unwritable", t("无法写入 {p}：{e}", "cannot write {p}: {e}", p=path,
                                           e=exc.strerror or exc)) from None
    return Path(path)
