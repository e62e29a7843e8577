import json

from openpyxl import Workbook

from desktop.cli import main


def _sheet(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["楼栋", "单元", "房号", "联系人", "联系电话", "特殊人群"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return str(path)


def test_register_then_show_the_round(tmp_path, capsys, made_db):
    good = _sheet(tmp_path / "名册.xlsx", [["1号楼", "1单元", "101", "王", "13900000001", ""],
                                         ["1号楼", "1单元", "102", "李", "13900000002", "独居老人"]])
    assert main(["round", "register", good, "--db", made_db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 2
    assert main(["round", "show", "--db", made_db, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["round"]["index"] == 1 and shown["round"]["days"] == 3
    assert [c["address"] for c in shown["phone_checks_due"]] == ["1号楼 1单元 102"]
    assert [m["phone"] for m in shown["missed"]] == ["139****0001", "139****0002"]
    assert main(["round", "show", "--db", made_db]) == 0
    assert "待电话问询 1 户" in capsys.readouterr().out


def test_a_bad_register_exits_1_and_imports_nothing(tmp_path, capsys, made_db):
    bad = _sheet(tmp_path / "bad.xlsx", [["1号楼", "1单元", "101", "王", "12345", ""]])
    assert main(["round", "register", bad, "--db", made_db]) == 1
    assert "第2行" in capsys.readouterr().out
    assert main(["round", "show", "--db", made_db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["missed"] == []
