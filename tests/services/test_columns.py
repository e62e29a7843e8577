"""Header recognition by meaning: many spellings suppliers really write, unknown columns, and
two columns for one field as a question."""

import pytest

from desktop.services.columns import IGNORE, field_names, normalise, recognise

SPELLINGS = {
    "车牌号": "plate", "车牌号码": "plate", "车辆号牌": "plate", "号牌号码": "plate", "车 牌": "plate",
    "ＰＬＡＴＥ": "plate", "车牌号（必填）": "plate", "*车牌": "plate",
    "供货单位": "supplier", "供应商": "supplier", "配送企业": "supplier", "供货企业名称": "supplier",
    "供应单位（全称）": "supplier", "配送公司": "supplier",
    "驾驶员": "driver", "司机": "driver", "司机姓名": "driver", "驾驶员姓名": "driver", "驾驶人": "driver",
    "Driver name": "driver",
    "身份证号": "id_number", "司机身份证号码": "id_number", "证件号码": "id_number", "驾驶员身份证": "id_number",
    "联系电话": "phone", "手机号": "phone", "司机手机": "phone", "联系方式": "phone", "驾驶员电话（手机）": "phone",
    "随车人员": "passengers", "同乘人员": "passengers", "押运员": "passengers",
    "随车人员姓名": "passenger_names", "同乘人员身份证号": "passenger_ids", "随车人员电话": "passenger_phones",
    "物资": "cargo", "货物名称": "cargo", "品名": "cargo", "物资类别及数量": "cargo", "运送物资": "cargo",
    "数量": "quantity", "件数": "quantity", "重量（公斤）": "quantity", "数量(斤)": "quantity",
    "计量单位": "unit",
    "预计到达日期": "arrival_date", "到达日期": "arrival_date", "计划送货日期": "arrival_date",
    "到货日期（年/月/日）": "arrival_date", "实际到达时间": "arrival_date", "进校日期": "arrival_date",
    "进校方式": "mode", "进校/接驳": "mode", "是否进校": "mode", "交接方式": "mode",
    "卸货点": "unloading_point", "卸货地点": "unloading_point", "收货点": "unloading_point",
    "通行证号": "pass_number", "通行证编号": "pass_number", "保供车辆通行证": "pass_number",
    "通行证有效期至": "pass_validity", "有效期": "pass_validity", "有效期截止": "pass_validity",
    "通行证有效期止": "pass_validity", "有效期起": "pass_valid_from", "有效期开始": "pass_valid_from",
    "核酸采样时间": "test_sampled_at", "核酸检测时间": "test_sampled_at", "采样日期": "test_sampled_at",
    "备注": "note", "备 注": "note", "序号": "row_number",
    # met later on sheets never seen before
    "送货单位": "supplier", "承运单位": "supplier", "配送单位": "supplier", "保供证编号": "pass_number",
    "送货日期": "arrival_date", "送货地点": "unloading_point",
}


@pytest.mark.parametrize(("header", "expected"), sorted(SPELLINGS.items()))
def test_a_spelling_is_placed_by_its_meaning(header, expected):
    placed = recognise([header])
    assert [c.field for c in placed.columns] == [expected], header


def test_there_are_many_spellings():
    assert len(SPELLINGS) >= 40


@pytest.mark.parametrize("header", ["发票号", "车型", "温度", "籍贯", "颜色", "驾驶证号", "行驶证号", "健康码"])
def test_an_unknown_header_is_unplaced_and_named(header):
    placed = recognise(["车牌号", header])
    assert placed.unknown == [header] and placed.unplaced == [header]


def test_normalising_folds_width_brackets_prefixes_and_suffixes():
    assert normalise("  预计到达日期（必填） ") == "到达日期"
    assert normalise("通行证有效期至") == "通行证有效期"
    assert normalise("ＡＢＣ＊") == "abc"


def test_two_columns_for_one_field_are_a_question_not_a_guess():
    placed = recognise(["车牌号", "联系电话", "手机号"])
    assert placed.questions == {"phone": ["联系电话", "手机号"]}
    assert [c.field for c in placed.columns] == ["plate", None, None]


def test_a_persons_choice_settles_the_question_and_an_ignored_column_is_listed():
    placed = recognise(["车牌号", "联系电话", "手机号"], chosen={"手机号": "phone", "联系电话": IGNORE})
    assert placed.field_columns()["phone"].header == "手机号"
    assert placed.ignored == ["联系电话"] and placed.unplaced == []


def test_a_bare_unit_column_is_the_unit_beside_a_quantity_else_the_supplier():
    assert [c.field for c in recognise(["物资", "数量", "单位"]).columns] == ["cargo", "quantity", "unit"]
    assert [c.field for c in recognise(["车牌号", "单位", "物资"]).columns] == ["plate", "supplier", "cargo"]


def test_a_bare_unit_column_is_what_its_cells_say():
    """单位 beside 数量（箱） held 宿迁市某某农贸公司: the cells name organisations, so it is the supplier
    (it was taken for the unit of measure, and the sheet refused for want of a supplier)."""
    header = ["车牌", "单位", "司机", "货物", "数量（箱）"]
    companies = [["苏N1", "宿迁市某某农贸公司", "周一", "牛奶", 50], ["苏N2", "某某超市", "周二", "蔬菜", 30]]
    units = [["苏N1", "箱", "周一", "牛奶", 50], ["苏N2", "kg", "周二", "蔬菜", 30]]
    assert recognise(header, rows=companies).field_columns()["supplier"].header == "单位"
    assert recognise(header, rows=units).field_columns()["unit"].header == "单位"
    # nothing to go by (no cells, or cells that say neither): the rule of the neighbours, as before
    assert recognise(header).field_columns()["unit"].header == "单位"
    # a sheet that already has its supplier column keeps 单位 as the unit whatever it holds
    placed = recognise(["供货单位", *header], rows=[["甲公司", *companies[0]]])
    assert placed.field_columns()["supplier"].header == "供货单位" and placed.field_columns()["unit"].header == "单位"


def test_the_unit_in_a_headers_brackets_is_kept():
    assert recognise(["重量（公斤）"]).columns[0].unit_hint == "公斤"


def test_field_names_accept_keys_labels_and_headers():
    assert field_names("arrival_date") == "arrival_date"
    assert field_names("到达日期") == "arrival_date"
    assert field_names("预计送达日期") == "arrival_date"
    assert field_names("忽略") == IGNORE
    assert field_names("xyz") is None


# Every spelling the old fixed list accepted still places itself (pass_valid_to is now the end of
# pass_validity: 有效期至 / 有效期止 hold the last day).
OLD_LIST = {
    "plate": ("车牌号", "车牌", "车牌号码", "车辆号牌", "号牌号码"),
    "supplier": ("供货单位", "供应商", "配送企业", "单位名称", "供货企业", "配送单位"),
    "driver": ("驾驶员", "司机", "驾驶员姓名", "司机姓名", "姓名"),
    "id_number": ("身份证号", "身份证号码", "驾驶员身份证号", "司机身份证号", "身份证"),
    "phone": ("联系电话", "手机号", "手机号码", "电话", "司机电话", "驾驶员电话"),
    "passengers": ("随车人员", "同乘人员", "乘车人员", "押运人员", "随车人员信息"),
    "cargo": ("物资", "物资类别及数量", "物资明细", "货物", "物资品类", "物资类别", "运送物资"),
    "arrival_date": ("到达日期", "进校日期", "送货日期", "日期", "到达时间", "配送日期"),
    "mode": ("进校或接驳", "进校/接驳", "是否进校", "交接方式", "方式", "进入方式"),
    "unloading_point": ("卸货点", "卸货地点", "目的地"),
    "pass_number": ("通行证号", "通行证编号", "通行证"),
    "pass_validity": ("通行证有效期", "有效期", "有效期止", "通行证有效期止", "有效期至", "有效期截止"),
    "pass_valid_from": ("有效期起", "通行证有效期起", "有效期开始"),
    "test_sampled_at": ("核酸采样时间", "采样时间", "核酸检测时间", "核酸时间"),
    "note": ("备注",),
}


@pytest.mark.parametrize(("expected", "header"), [(f, h) for f, hs in OLD_LIST.items() for h in hs])
def test_the_old_fixed_spellings_still_place_themselves(expected, header):
    assert recognise([header]).columns[0].field == expected
