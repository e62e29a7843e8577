import json
from datetime import date, timedelta

from desktop.cli import main
from desktop.domain.localtime import site_today
from tests.services.sheets import good_rows, write_csv


def _rows(day: date):
    rows = good_rows(day.isoformat())
    rows[0][11] = f"{day.isoformat()}至{(day + timedelta(days=30)).isoformat()}"
    rows[0][12] = ""
    return rows


def test_import_prints_the_summary_and_reimport_is_unchanged(tmp_path, capsys, made_db, clock, monkeypatch):
    monkeypatch.setattr("desktop.domain.clock.SystemClock", lambda: clock)  # the command's "now" is the test's
    db = made_db
    day = site_today(clock.now()) + timedelta(days=1)
    rows = _rows(day)
    rows[1][9] = ""  # no unloading points in a fresh database
    rows[0][9] = ""
    rows.append(["苏N1234", "某公司", "赵六", "x", "13812345678", "", "", day.isoformat(), "", "", "", "", ""])
    path = write_csv(tmp_path / "list.csv", rows)
    assert main(["approvals", "import", str(path), "--db", db]) == 1
    out = capsys.readouterr().out
    assert "导入 2 条" in out and "拒绝 1 条" in out and "第4行" in out
    assert main(["approvals", "import", str(path), "--db", db, "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["imported"], report["unchanged"], report["rejected"][0]["row"]) == (0, 2, 4)


def test_unreadable_file_exits_2_and_bad_date_too(tmp_path, capsys, made_db):
    db = made_db
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert main(["approvals", "import", str(bad), "--db", db]) == 2
    assert "密码" in capsys.readouterr().err
    assert main(["approvals", "import", str(bad), "--db", db, "--date", "tomorrow"]) == 2


def test_unplaced_columns_exit_2_naming_them_and_options_place_them(tmp_path, capsys, made_db, clock, monkeypatch):
    from tests.services.sheets import DRIVER_IDS

    monkeypatch.setattr("desktop.domain.clock.SystemClock", lambda: clock)  # the command's "now" is the test's
    db = made_db
    day = site_today(clock.now()) + timedelta(days=2)
    header = ["车牌号", "驾驶员", "身份证号", "联系电话", "货到日", "发票号"]
    path = write_csv(tmp_path / "s.csv", [["苏N44444", "孙八", DRIVER_IDS[4], "13812345678", day.isoformat(), "F1"]],
                     header=header, encoding="utf-8")
    assert main(["approvals", "import", str(path), "--db", db]) == 2
    err = capsys.readouterr().err
    assert "货到日" in err and "发票号" in err and "供货单位" in err
    assert main(["approvals", "import", str(path), "--db", db, "--map", "货到日=arrival_date", "--ignore", "发票号",
                 "--set", "supplier=某公司", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["imported"], report["ignored"], report["constants"]) == (1, ["发票号"], {"supplier": "某公司"})
    assert main(["approvals", "import", str(path), "--db", db, "--map", "货到日=nonsense"]) == 2


def test_the_template_round_trips_with_no_questions(tmp_path, capsys, made_db, clock, monkeypatch):
    from openpyxl import load_workbook

    from tests.services.sheets import DRIVER_IDS

    monkeypatch.setattr("desktop.domain.clock.SystemClock", lambda: clock)  # the command's "now" is the test's
    db, out = made_db, tmp_path / "模板.xlsx"
    assert main(["approvals", "template", "--out", str(out), "--db", db]) == 0
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    assert wb.sheetnames == ["审批名单", "填写说明"] and ws.data_validations.dataValidation
    header = [c.value for c in ws[1]]
    day = site_today(clock.now()) + timedelta(days=3)
    filled = dict(zip(header, [None] * len(header), strict=True))
    filled.update({"车牌号": "苏N55555", "供货单位": "甲公司", "驾驶员": "吴十", "身份证号": DRIVER_IDS[5],
                   "联系电话": "13812345678", "物资": "大米", "数量": 30, "单位": "袋", "到达日期": day,
                   "进校/接驳": "接驳"})
    ws.append([filled[h] for h in header])
    wb.save(out)
    capsys.readouterr()
    assert main(["approvals", "import", str(out), "--db", db, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["imported"], report["example_rows"], report["ignored"]) == (1, [2], [])


def test_a_mapping_given_once_answers_the_next_sheet_with_the_same_headers(tmp_path, capsys, made_db, clock,
                                                                           monkeypatch):
    from tests.services.sheets import DRIVER_IDS

    monkeypatch.setattr("desktop.domain.clock.SystemClock", lambda: clock)  # the command's "now" is the test's
    db = made_db
    day = site_today(clock.now()) + timedelta(days=2)
    header = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "货到日", "发票号"]
    first = write_csv(tmp_path / "a.csv", [["苏N44444", "甲公司", "孙八", DRIVER_IDS[4], "13812345678",
                                            day.isoformat(), "F1"]], header=header, encoding="utf-8")
    assert main(["approvals", "import", str(first), "--db", db, "--map", "货到日=arrival_date",
                 "--ignore", "发票号"]) == 0
    assert "记住" not in capsys.readouterr().out  # answered on the command line, not from memory
    nxt = write_csv(tmp_path / "b.csv", [["苏N55555", "乙公司", "吴十", DRIVER_IDS[5], "13912345678",
                                          (day + timedelta(days=1)).isoformat(), "F2"]], header=header, encoding="utf-8")
    assert main(["approvals", "import", str(nxt), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "导入 1 条" in out and "已按上次为同样表头记住的列对应导入" in out and "货到日→到达日期" in out
    other = write_csv(tmp_path / "c.csv", [["苏N66666", "丙公司", "周九", DRIVER_IDS[6], "13912345679",
                                            day.isoformat()]], header=[*header[:-1], "到货日"], encoding="utf-8")
    assert main(["approvals", "import", str(other), "--db", db]) == 2  # other headers: nothing remembered
    assert main(["approvals", "import", str(nxt), "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["remembered_mapping"] == {"货到日": "arrival_date", "发票号": "ignore"}
