"""Issue #11: sheets written the way suppliers write them are read faithfully — every field the
sheet gives is stored or the row is refused, every column not read is named."""

from datetime import UTC, date, datetime

import pytest

from desktop.services import approvals, audit, passes
from desktop.services.context import ServiceError
from tests.services.sheets import DRIVER_IDS, excel_date, write_csv, write_xlsx

pytestmark = pytest.mark.usefixtures("site_points")

NOW = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)  # 10:00 in Suqian, 2026-11-29

SUPPLIER_HEADER = ["序号", "车辆号牌", "司机姓名", "司机身份证号码", "手机号", "随车人员姓名", "随车人员身份证号",
                   "品名", "数量", "单位", "预计到达日期", "进校方式", "通行证编号", "通行证有效期至", "卸货地点"]


def run(db, actor, path, **kw):
    with db.session() as s:
        return approvals.import_file(s, actor=actor, now=NOW, path=path, **kw)


def stored(db, day):
    with db.session(write=False) as s:
        return approvals.list_for_date(s, day)


def supplier_rows():
    return [
        [1, "苏N·11111", "张建国", DRIVER_IDS[0], "13812345678", "王小军", DRIVER_IDS[1], "大米", 300, "公斤",
         "12月2日(周三)", "进校", "BG-0101", "2026-12-31", "①"],
        [2, "苏N22222", "李红梅", DRIVER_IDS[2], "13905271234", "", "", "食用油", "20", "桶",
         "2026.12.02", "接驳", "", "", ""],
        [3, "苏N33333", "赵六", DRIVER_IDS[3], "13600001111", "", "", "蔬菜", "", "",
         excel_date(datetime(2026, 12, 3)), "进校", "BG-0102", "2026年12月20日", "2"],
    ]


def test_a_supplier_sheet_is_stored_field_by_field(db, actor, tmp_path):
    path = write_xlsx(tmp_path / "宿迁.xlsx", supplier_rows(), header=SUPPLIER_HEADER)
    report = run(db, actor, path, constants={"supplier": "宿迁市苏果超市配送中心"})
    assert (report.imported, report.rejected) == (3, [])
    first, second = stored(db, date(2026, 12, 2))
    (third,) = stored(db, date(2026, 12, 3))
    assert (first.plate, first.supplier_name, first.mode, first.pass_number) == (
        "苏N11111", "宿迁市苏果超市配送中心", "enter", "BG-0101")
    assert [(o.role, o.name, o.id_number, o.phone) for o in first.occupants] == [
        ("driver", "张建国", DRIVER_IDS[0], "13812345678"), ("passenger", "王小军", DRIVER_IDS[1], "")]
    assert [(c.category, c.quantity, c.unit) for c in first.cargo] == [("大米", 300, "公斤")]
    assert first.unloading_point.startswith("①")
    assert (second.plate, second.mode, second.pass_number) == ("苏N22222", "handoff", None)
    assert [(c.category, c.quantity, c.unit) for c in second.cargo] == [("食用油", 20, "桶")]
    assert (third.mode, third.pass_number, [(c.category, c.quantity) for c in third.cargo]) == (
        "enter", "BG-0102", [("蔬菜", 0)])
    assert third.unloading_point.startswith("②")
    with db.session(write=False) as s:
        assert passes.find(s, "BG-0101").valid_to == date(2026, 12, 31)
        assert passes.find(s, "BG-0102").valid_to == date(2026, 12, 20)
    assert report.ignored == ["序号"] and report.default_day is None
    text = "\n".join(report.lines())
    assert "序号" in text and "宿迁市苏果超市配送中心" in text


def test_without_a_supplier_column_or_date_the_refusal_names_what_is_missing(db, actor, tmp_path):
    header = [h for h in SUPPLIER_HEADER if h != "预计到达日期"] + ["发票号"]
    rows = [[c for i, c in enumerate(r) if SUPPLIER_HEADER[i] != "预计到达日期"] + ["X1"] for r in supplier_rows()]
    path = write_csv(tmp_path / "a.csv", rows, header=header, encoding="utf-8")
    with pytest.raises(ServiceError) as err:
        run(db, actor, path)
    assert err.value.code == "missing_columns"
    for word in ("发票号", "供货单位", "到达日期"):
        assert word in err.value.message
    report = run(db, actor, path, constants={"supplier": "某公司"}, chosen={"发票号": "ignore"},
                 default_day=date(2026, 12, 5))
    assert report.imported == 3 and report.ignored == ["序号", "发票号"]
    assert report.default_day == "2026-12-05" and report.defaulted_rows == [2, 3, 4]
    assert any("2026-12-05" in line for line in report.lines())
    assert [a.plate for a in stored(db, date(2026, 12, 5))] == ["苏N11111", "苏N22222", "苏N33333"]


def test_a_mapped_unknown_header_is_read(db, actor, tmp_path):
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "货到日"]
    rows = [["苏N44444", "某公司", "孙八", DRIVER_IDS[4], "13812345678", "2026-12-04"]]
    path = write_csv(tmp_path / "b.csv", rows, header=header, encoding="utf-8")
    with pytest.raises(ServiceError, match="货到日"):
        run(db, actor, path)
    report = run(db, actor, path, chosen={"货到日": "arrival_date"})
    assert report.imported == 1 and [a.plate for a in stored(db, date(2026, 12, 4))] == ["苏N44444"]


@pytest.mark.parametrize(("cell", "expected"), [
    ("12月2日", date(2026, 12, 2)), ("2026.12.02", date(2026, 12, 2)), ("12月2日(周三)", date(2026, 12, 2)),
    ("2026-12-02 星期三", date(2026, 12, 2)), ("2026年12月2日", date(2026, 12, 2)), (46358, date(2026, 12, 2)),
])
def test_chinese_date_forms(db, actor, tmp_path, cell, expected):
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "到货日期"]
    path = write_xlsx(tmp_path / "d.xlsx", [["苏N44444", "某公司", "孙八", DRIVER_IDS[4], "13812345678", cell]],
                      header=header)
    assert run(db, actor, path).imported == 1
    assert [a.plate for a in stored(db, expected)] == ["苏N44444"]


def test_combined_goods_cell_and_split_columns_store_the_same_line(db, actor, tmp_path):
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "到达日期", "物资", "重量（公斤）"]
    rows = [["苏N44444", "甲", "孙八", DRIVER_IDS[4], "13812345678", "2026-12-02", "大米", "300"],
            ["苏N55555", "乙", "吴十", DRIVER_IDS[5], "13812345678", "2026-12-02", "大米 300公斤", ""]]
    report = run(db, actor, write_csv(tmp_path / "c.csv", rows, header=header, encoding="utf-8"))
    assert report.imported == 2
    a, b = stored(db, date(2026, 12, 2))
    assert [(c.category, c.quantity, c.unit) for c in a.cargo] == [("大米", 300, "公斤")] == \
        [(c.category, c.quantity, c.unit) for c in b.cargo]


def test_verdicts_name_the_earlier_row_the_expiry_and_the_column(db, actor, tmp_path):
    header = ["车牌号", "供货单位", "驾驶员", "身份证号码", "联系电话", "到达日期", "通行证号", "通行证有效期至",
              "数量", "物资"]
    base = ["苏N44444", "甲", "孙八", DRIVER_IDS[4], "13812345678", "2026-12-02", "", "", "", ""]
    rows = [base, list(base),
            ["苏N66666", "甲", "周九", DRIVER_IDS[5], "13812345678", "2026-12-02", "BG-9", "2026-11-25", "", ""],
            ["苏N77777", "甲", "钱七", DRIVER_IDS[6][:-1] + "X", "13812345678", "2026-12-02", "", "", "", ""],
            ["苏N88888", "甲", "郑一", DRIVER_IDS[3], "13812345678", "2026-12-02", "", "", "三百", "大米"]]
    report = run(db, actor, write_csv(tmp_path / "v.csv", rows, header=header, encoding="utf-8"))
    why = {p.row: p for p in report.rejected}
    assert report.imported == 1 and set(why) == {3, 4, 5, 6}
    assert "与第2行重复" in why[3].reason
    assert "已于 2026-11-25 过期" in why[4].reason and why[4].column == "通行证有效期至"
    assert why[5].column == "身份证号码"
    assert why[6].column == "数量" and "三百" in why[6].reason
    assert any("【身份证号码】" in line for line in report.lines())


def test_a_later_validity_extends_a_known_pass(db, actor, tmp_path):
    with db.session() as s:
        passes.add(s, actor=actor, now=NOW, number="BG-7", plate="苏N44444", valid_from=date(2026, 11, 1),
                   valid_to=date(2026, 11, 30))
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "到达日期", "通行证号", "有效期至"]
    rows = [["苏N44444", "甲", "孙八", DRIVER_IDS[4], "13812345678", "2026-12-02", "BG-7", "2026-12-31"]]
    report = run(db, actor, write_csv(tmp_path / "p.csv", rows, header=header, encoding="utf-8"))
    assert report.imported == 1 and report.passes_extended == ["BG-7"]
    with db.session(write=False) as s:
        assert passes.find(s, "BG-7").valid_to == date(2026, 12, 31)
        assert any(e["action"] == "pass.extend" for e in audit.recent(s, limit=50))


def test_a_constant_for_a_column_the_sheet_has_is_refused(db, actor, tmp_path):
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "到达日期"]
    path = write_csv(tmp_path / "k.csv", [["苏N44444", "甲", "孙八", DRIVER_IDS[4], "13812345678", "2026-12-02"]],
                     header=header, encoding="utf-8")
    with pytest.raises(ServiceError, match="供货单位"):
        run(db, actor, path, constants={"supplier": "乙"})



def test_two_phone_columns_are_a_question_named_in_the_refusal(db, actor, tmp_path):
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "手机号", "到达日期"]
    rows = [["苏N44444", "甲", "孙八", DRIVER_IDS[4], "13812345678", "13912345678", "2026-12-02"]]
    path = write_csv(tmp_path / "q.csv", rows, header=header, encoding="utf-8")
    with pytest.raises(ServiceError) as err:
        run(db, actor, path)
    assert "联系电话" in err.value.message and "手机号" in err.value.message and "都可能是" in err.value.message
    report = run(db, actor, path, chosen={"手机号": "phone", "联系电话": "ignore"})
    assert report.imported == 1 and report.ignored == ["联系电话"]
    assert stored(db, date(2026, 12, 2))[0].occupants[0].phone == "13912345678"


def test_passengers_in_split_columns_and_mode_words(db, actor, tmp_path):
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "到达日期", "同乘人员姓名", "同乘人员身份证号",
              "同乘人员电话", "交接方式"]
    rows = [["苏N44444", "甲", "孙八", DRIVER_IDS[4], "13812345678", "2026-12-02", "王小军、李四",
             f"{DRIVER_IDS[1]}、{DRIVER_IDS[2]}", "13600001111、13600002222", "接驳区交接"],
            ["苏N55555", "甲", "吴十", DRIVER_IDS[5], "13812345678", "2026-12-02", "", "", "", "进校卸货"]]
    report = run(db, actor, write_csv(tmp_path / "m.csv", rows, header=header, encoding="utf-8"))
    assert report.imported == 2, report.lines()
    a, b = stored(db, date(2026, 12, 2))
    assert [(o.role, o.name, o.id_number, o.phone) for o in a.occupants] == [
        ("driver", "孙八", DRIVER_IDS[4], "13812345678"), ("passenger", "王小军", DRIVER_IDS[1], "13600001111"),
        ("passenger", "李四", DRIVER_IDS[2], "13600002222")]
    assert (a.mode, b.mode, len(b.occupants)) == ("handoff", "enter", 1)


def test_a_passengers_bad_id_names_the_passenger_column(db, actor, tmp_path):
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "到达日期", "随车人员姓名", "随车人员身份证"]
    rows = [["苏N44444", "甲", "孙八", DRIVER_IDS[4], "13812345678", "2026-12-02", "王小军", DRIVER_IDS[1][:-1] + "Y"]]
    report = run(db, actor, write_csv(tmp_path / "p.csv", rows, header=header, encoding="utf-8"))
    assert [p.column for p in report.rejected] == ["随车人员身份证"]


def test_a_column_with_data_but_no_header_is_asked_about_by_its_letter(db, actor, tmp_path):
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "到达日期", ""]
    rows = [["苏N44444", "甲", "孙八", DRIVER_IDS[4], "13812345678", "2026-12-02", "大米 3袋"]]
    path = write_xlsx(tmp_path / "h.xlsx", rows, header=header)
    with pytest.raises(ServiceError, match="第G列"):
        run(db, actor, path)
    report = run(db, actor, path, chosen={"第G列": "cargo"})
    assert [(c.category, c.quantity, c.unit) for c in stored(db, date(2026, 12, 2))[0].cargo] == [("大米", 3, "袋")]
    assert report.imported == 1


@pytest.mark.parametrize(("cell", "expected"), [
    # a number that describes the goods stays in their name, with no count read from it
    ("口罩（N95）", [("口罩（N95）", 0, "")]),
    ("大米(25kg/袋)", [("大米(25kg/袋)", 0, "")]),
    ("纯牛奶 250ml×24", [("纯牛奶 250ml×24", 0, "")]),
    ("纯牛奶 250mlx24", [("纯牛奶 250mlx24", 0, "")]),
    ("消毒液 1:100", [("消毒液 1:100", 0, "")]),
    # a count after the description is still the count
    ("纯牛奶 250ml×24 80箱", [("纯牛奶 250ml×24", 80, "箱")]),
    ("口罩(N95) 200只", [("口罩(N95)", 200, "只")]),
    ("N95口罩 20箱", [("N95口罩", 20, "箱")]),
    ("大米 40袋；猪肉300公斤", [("大米", 40, "袋"), ("猪肉", 300, "公斤")]),
])
def test_a_goods_cell_counts_only_what_is_a_count(cell, expected):
    assert [(c.category, c.quantity, c.unit) for c in approvals.parse_cargo(cell)] == expected


def test_goods_named_with_their_size_are_counted_by_the_quantity_column(db, actor, tmp_path):
    """物资名称及规格 | 件数 | 单位: '食用油5L' with 20 桶 is 20 drums of 5 L oil (it was refused as a
    quantity written twice); '口罩（N95）' with 200 只 is 200 masks (not 95 '）')."""
    header = ["车牌号码", "送货单位名称", "驾驶人", "驾驶人身份证号", "联系手机", "计划进场时间", "物资名称及规格", "件数", "单位"]
    base = ["甲", "孙八", DRIVER_IDS[4], "13812345678", "2026-12-02"]
    rows = [["苏N44441", *base, "食用油5L", 20, "桶"],
            ["苏N44442", *base, "口罩（N95）", 200, "只"],
            ["苏N44443", *base, "纯牛奶 250ml×24", 80, "箱"],
            ["苏N44444", *base, "大米 40袋", 40, "袋"],      # the same count in both places: one count
            ["苏N44445", *base, "大米 40袋", 30, "袋"],      # two different counts: refused, nothing guessed
            ["苏N44446", *base, "大米 40袋；面粉10袋", 50, "袋"]]  # two kinds and one count: refused
    report = run(db, actor, write_xlsx(tmp_path / "规格.xlsx", rows, header=header))
    got = {a.plate: [(c.category, c.quantity, c.unit) for c in a.cargo] for a in stored(db, date(2026, 12, 2))}
    assert got == {"苏N44441": [("食用油5L", 20, "桶")], "苏N44442": [("口罩(N95)", 200, "只")],
                   "苏N44443": [("纯牛奶 250ml×24", 80, "箱")], "苏N44444": [("大米", 40, "袋")]}
    assert [(p.row, p.column) for p in report.rejected] == [(6, "件数"), (7, "件数")]
    assert all("请只写一处" in p.reason for p in report.rejected)


def test_a_validity_range_joined_by_a_hyphen_is_read_as_from_and_to(db, actor, tmp_path):
    """2026.12.01-2026.12.31 was refused as a date it could not read: one hyphen between two whole
    dates (with their year, or 12月1日) is a range; a hyphen inside a date stays the date's own."""
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "到达日期", "通行证号", "通行证有效期"]
    base = ["甲", "孙八", DRIVER_IDS[4], "13812345678", "2026-12-02"]
    ranges = {"BG-1": "2026.12.01-2026.12.31", "BG-2": "2026-12-01-2027-01-15", "BG-3": "12月1日-12月20日",
              "BG-4": "2026/12/01 – 2026/12/25", "BG-5": "2026-12-31"}
    rows = [[f"苏N5555{i}", *base, number, text] for i, (number, text) in enumerate(ranges.items())]
    report = run(db, actor, write_xlsx(tmp_path / "有效期.xlsx", rows, header=header))
    assert report.rejected == [] and report.imported == 5
    with db.session(write=False) as s:
        got = {n: (passes.find(s, n).valid_from, passes.find(s, n).valid_to) for n in ranges}
    assert got["BG-1"] == (date(2026, 12, 1), date(2026, 12, 31))
    assert got["BG-2"] == (date(2026, 12, 1), date(2027, 1, 15))
    assert got["BG-3"] == (date(2026, 12, 1), date(2026, 12, 20))
    assert got["BG-4"] == (date(2026, 12, 1), date(2026, 12, 25))
    assert got["BG-5"][1] == date(2026, 12, 31)  # one date: the end


def test_a_month_day_range_with_slashes_is_a_question_not_a_guess(db, actor, tmp_path):
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "到达日期", "通行证号", "通行证有效期"]
    rows = [["苏N55560", "甲", "孙八", DRIVER_IDS[4], "13812345678", "2026-12-02", "BG-9", "12/01-12/31"]]
    report = run(db, actor, write_xlsx(tmp_path / "斜杠.xlsx", rows, header=header))
    assert report.imported == 0 and [p.column for p in report.rejected] == ["通行证有效期"]


def test_at_the_turn_of_the_year_a_date_without_its_year_is_the_coming_one(db, actor, tmp_path):
    """1月2日 on a sheet imported on 30 December is the coming 2 January (it was read as the past
    one, and refused as a day gone by); a pass 至1月15日 likewise ends next year."""
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "到达日期", "通行证号", "通行证有效期至"]
    rows = [["苏N66661", "甲", "孙八", DRIVER_IDS[4], "13812345678", "1月2日", "BG-Y", "1月15日"]]
    with db.session() as s:
        report = approvals.import_file(s, actor=actor, now=datetime(2026, 12, 30, 2, 0, tzinfo=UTC),
                                       path=write_xlsx(tmp_path / "元旦.xlsx", rows, header=header))
    assert report.rejected == [] and report.imported == 1
    assert [a.plate for a in stored(db, date(2027, 1, 2))] == ["苏N66661"]
    with db.session(write=False) as s:
        assert passes.find(s, "BG-Y").valid_to == date(2027, 1, 15)


@pytest.mark.parametrize("cell", ["12月3日早上", "12月3日 06:30前", "2026-12-03 下午3点", "12月3日(周四)上午",
                                  "12月3号", "12-03 8:00"])
def test_an_arrival_date_with_the_time_of_day_is_that_day(db, actor, tmp_path, cell):
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "送达时间"]
    rows = [["苏N77771", "甲", "孙八", DRIVER_IDS[4], "13812345678", cell]]
    report = run(db, actor, write_xlsx(tmp_path / "时间.xlsx", rows, header=header))
    assert report.rejected == [] and [a.plate for a in stored(db, date(2026, 12, 3))] == ["苏N77771"]


def test_a_total_row_is_named_not_taken_for_a_vehicle(db, actor, tmp_path):
    header = ["序号", "车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "到达日期", "物资", "数量"]
    rows = [[1, "苏N88881", "甲", "孙八", DRIVER_IDS[4], "13812345678", "2026-12-02", "大米", 40],
            ["合计", "", "", "", "", "", "", "", 40], ["总计：", "", "", "", "", "", "", "", 40]]
    report = run(db, actor, write_xlsx(tmp_path / "合计.xlsx", rows, header=header))
    assert (report.imported, report.rejected, report.total_rows) == (1, [], [3, 4])
    assert "  合计行未作为车辆：第3、4行" in report.lines()
