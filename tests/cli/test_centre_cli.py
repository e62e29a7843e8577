"""`gatehouse export`, `centre init`, `merge` and `report county` end to end, as a person types them."""

import json
import zipfile

from openpyxl import load_workbook

from desktop.cli import main
from tests.supervision_world import journey

DAY = "2026-11-30"


def test_export_merge_and_county_report(db, db_path, clock, tmp_path, capsys, monkeypatch):
    journey(db, clock)
    db.dispose()
    usb = tmp_path / "usb"
    assert main(["export", "--db", str(db_path), "--day", DAY, "--out", str(usb)]) == 0
    out = capsys.readouterr().out
    package = next(usb.glob("gatehouse-day-*-2026-11-30.zip"))
    assert "首次导出" in out and "指纹" in out and zipfile.is_zipfile(package)
    fingerprint = next(line for line in out.splitlines() if "指纹" in line).split()[-1]

    centre = tmp_path / "centre.sqlite3"
    assert main(["centre", "init", "--db", str(centre), "--code", "ZH", "--name", "县指挥部"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("GATEHOUSE_OPERATOR", "admin")  # the centre's administrator (PIN from GATEHOUSE_PIN)
    assert main(["merge", "--db", str(centre), str(package)]) == 0
    out = capsys.readouterr().out
    assert "已合并" in out and fingerprint in out
    assert main(["merge", "--db", str(centre), str(package)]) == 0
    assert "已有此包" in capsys.readouterr().out

    tampered = tmp_path / "tampered.zip"
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x20
    tampered.write_bytes(bytes(data))
    assert main(["merge", "--db", str(centre), "--json", str(tampered)]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["refused"] == 1 and result["files"][0]["outcome"] == "refused" and result["files"][0]["reason"]

    assert main(["report", "county", "--db", str(centre), "--day", DAY, "--json"]) == 0
    county = json.loads(capsys.readouterr().out)
    assert county["missing"] == [] and county["sites"][-1]["vehicles"] >= 1
    pdf, xlsx = tmp_path / "county.pdf", tmp_path / "county.xlsx"
    assert main(["report", "county", "--db", str(centre), "--day", DAY, "--out", str(pdf)]) == 0
    assert main(["report", "county", "--db", str(centre), "--day", DAY, "--out", str(xlsx)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert load_workbook(xlsx)["概况"]["A2"].value == "GH"

    daily = tmp_path / "daily.xlsx"
    assert main(["report", "daily", "--db", str(db_path), "--date", DAY, "--out", str(daily)]) == 0
    assert load_workbook(daily).sheetnames == ["概况", "必需品", "车辆", "异常"]


def test_merge_into_a_site_database_is_refused(made_db, tmp_path, capsys):
    assert main(["export", "--db", made_db, "--day", DAY, "--out", str(tmp_path)]) == 0
    package = next(tmp_path.glob("*.zip"))
    capsys.readouterr()
    assert main(["merge", "--db", made_db, str(package)]) == 1
    assert "不是指挥部" in capsys.readouterr().err
