from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from desktop.services import approvals, audit, passes
from desktop.services.context import ServiceError
from desktop.store.models import Approval, ApprovalOccupant
from tests.services.sheets import DRIVER_IDS, HEADER, excel_date, good_rows, write_csv, write_xlsx

pytestmark = pytest.mark.usefixtures("site_points")

NOW = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)  # 10:00 in Suqian


def run(db, actor, path, **kw):
    with db.session() as s:
        return approvals.import_file(s, actor=actor, now=NOW, path=path, **kw)


def test_gbk_csv_with_full_width_plate_imports_and_reimport_changes_nothing(db, actor, tmp_path):
    path = write_csv(tmp_path / "名单.csv", good_rows())
    first = run(db, actor, path)
    assert (first.imported, first.unchanged, first.rejected) == (2, 0, [])
    with db.session(write=False) as s:
        plates = [a.plate for a in approvals.list_for_date(s, date(2026, 11, 30))]
        events = len(audit.recent(s, limit=1000))
        second_pass = passes.find(s, "BG-0001")
    assert plates == ["苏N12345", "苏ND12345"]
    assert second_pass is not None and second_pass.valid_to == date(2026, 12, 31)
    again = run(db, actor, path)
    assert (again.imported, again.unchanged, again.rejected) == (0, 2, [])
    with db.session(write=False) as s:
        assert len(s.exec(select(Approval)).all()) == 2
        assert len(audit.recent(s, limit=1000)) == events


def test_utf8_csv_passenger_and_cargo_are_split(db, actor, tmp_path):
    run(db, actor, write_csv(tmp_path / "a.csv", good_rows(), encoding="utf-8-sig"))
    with db.session(write=False) as s:
        second = approvals.list_for_date(s, date(2026, 11, 30))[1]
        first = approvals.list_for_date(s, date(2026, 11, 30))[0]
    assert [(o.role, o.name) for o in second.occupants] == [("driver", "李红梅"), ("passenger", "王小军")]
    assert second.occupants[0].phone == "13905271234" and second.mode == "handoff"
    assert [(c.category, c.quantity, c.unit) for c in first.cargo] == [("大米", 50, "袋"), ("食用油", 20, "桶")]
    assert first.unloading_point_id is None or first.mode == "enter"
    assert first.occupants[0].test_sampled_at == datetime(2026, 11, 29, 1, 30, tzinfo=UTC)


def test_bad_rows_are_reported_by_row_and_nothing_of_them_is_stored(db, actor, tmp_path):
    rows = good_rows()
    bad_id = DRIVER_IDS[3][:-1] + ("0" if DRIVER_IDS[3][-1] != "0" else "1")
    rows += [
        ["苏N1234", "某公司", "赵六", DRIVER_IDS[3], "13812345678", "", "", "2026-11-30", "", "", "", "", ""],
        ["苏N88888", "某公司", "钱七", bad_id, "13812345678", "", "", "2026-11-30", "", "", "", "", ""],
        ["苏N77777", "某公司", "孙八", DRIVER_IDS[4], "1381234567", "", "", "2026-11-30", "", "", "", "", ""],
        ["苏N12345", "宿迁市苏果超市配送中心", "张建国", DRIVER_IDS[0], "13812345678", "", "", "2026-11-30", "", "", "",
         "", ""],
        ["苏N66666", "某公司", "周九", DRIVER_IDS[5], "13812345678", "", "", "2026-11-30", "进校", "", "BG-9",
         "2026-10-01至2026-11-28", ""],
        ["苏N55555", "某公司", "吴十", DRIVER_IDS[6], "13812345678", f"郑一 {DRIVER_IDS[6]}", "", "2026-11-30", "", "",
         "", "", ""],
    ]
    report = run(db, actor, write_csv(tmp_path / "bad.csv", rows))
    assert report.imported == 2
    reasons = {p.row: p.reason for p in report.rejected}
    assert set(reasons) == {4, 5, 6, 7, 8, 9}
    assert "位数不对" in reasons[4]
    assert "校验位" in reasons[5]
    assert "电话号码" in reasons[6]
    assert "与第2行重复" in reasons[7]
    assert "已于 2026-11-28 过期" in reasons[8]
    assert "两次" in reasons[9]
    with db.session(write=False) as s:
        stored = {a.plate for a in s.exec(select(Approval)).all()}
        assert stored == {"苏N12345", "苏ND12345"}
        assert passes.find(s, "BG-9") is None
        assert len(s.exec(select(ApprovalOccupant)).all()) == 3
    assert any("第4行" in line for line in report.lines())


def test_xlsx_with_title_row_excel_dates_and_headers_in_another_order(db, actor, tmp_path):
    order = [5, 0, 2, 3, 4, 1, 7, 12]
    header = [HEADER[i] for i in order]
    rows = []
    for r in good_rows():
        row = [r[i] for i in order]
        row[6] = excel_date(datetime(2026, 11, 30))  # a date Excel stored as a serial number
        row[7] = excel_date(datetime(2026, 11, 29, 7, 15)) if r[12] else None
        rows.append(row)
    rows.insert(1, [None] * len(header))  # a blank row in the middle
    path = write_xlsx(tmp_path / "list.xlsx", rows, header=header, title="11月30日进校车辆报备表")
    report = run(db, actor, path)
    assert (report.imported, report.rejected, report.blank_rows) == (2, [], 1)
    with db.session(write=False) as s:
        got = approvals.list_for_date(s, date(2026, 11, 30))
    assert got[0].occupants[0].test_sampled_at == datetime(2026, 11, 28, 23, 15, tzinfo=UTC)
    assert got[1].occupants[1].name == "王小军"


def test_merged_cells_in_data_rows_reject_those_rows(db, actor, tmp_path):
    rows = [*good_rows(), ["苏N22222", None, "赵六", DRIVER_IDS[3], "13812345678", "", "", "2026-11-30", "", "", "", "", ""]]
    rows[1][1] = None  # the supplier cell will be merged down from row 2
    path = write_xlsx(tmp_path / "merged.xlsx", rows, merge="B3:B4")
    report = run(db, actor, path)
    assert report.imported == 1
    assert [p.row for p in report.rejected] == [3, 4]
    assert "B3:B4" in report.rejected[0].reason and "合并" in report.rejected[0].reason


def test_missing_columns_are_named(db, actor, tmp_path):
    header = [h for h in HEADER if h not in ("身份证号", "联系电话")]
    path = write_csv(tmp_path / "m.csv", [[]], header=header)
    with pytest.raises(ServiceError) as err:
        run(db, actor, path)
    assert err.value.code == "missing_columns"
    assert "身份证号" in err.value.message and "联系电话" in err.value.message


def test_encrypted_or_garbage_files_are_refused_clearly(db, actor, tmp_path):
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(ServiceError, match="密码") as err:
        run(db, actor, locked)
    assert err.value.code == "unreadable"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ServiceError, match="不是有效的 Excel"):
        run(db, actor, broken)
    with pytest.raises(ServiceError, match="无法读取"):
        run(db, actor, tmp_path / "absent.csv")


def test_default_date_applies_to_rows_without_one(db, actor, tmp_path):
    header = [h for h in HEADER if h != "到达日期"]
    rows = [[c for i, c in enumerate(r) if i != 7] for r in good_rows()]
    report = run(db, actor, write_csv(tmp_path / "d.csv", rows, header=header), default_day=date(2026, 12, 1))
    assert report.imported == 2
    with db.session(write=False) as s:
        assert len(approvals.list_for_date(s, date(2026, 12, 1))) == 2


def test_past_arrival_date_is_rejected(db, actor, tmp_path):
    report = run(db, actor, write_csv(tmp_path / "p.csv", good_rows("2026-11-20")))
    assert report.imported == 0 and all("已过" in p.reason for p in report.rejected)


def test_commas_inside_chinese_cells_and_tab_separated_text(db, actor, tmp_path):
    rows = good_rows()
    rows[0][6] = "大米 50袋,食用油 20桶,面粉 10袋"  # commas inside a quoted cell
    report = run(db, actor, write_csv(tmp_path / "c.csv", rows))
    assert report.imported == 2
    with db.session(write=False) as s:
        assert len(approvals.list_for_date(s, date(2026, 11, 30))[0].cargo) == 3
    tab = tmp_path / "t.txt"
    tab.write_text("\n".join("\t".join(str(c) for c in r) for r in [HEADER, *good_rows("2026-12-01")]), encoding="utf-16")
    assert run(db, actor, tab).imported == 2  # Excel's "Unicode text": UTF-16, tab-separated
