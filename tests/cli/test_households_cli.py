import json

from household_sheets import households, write_csv, write_xlsx
from slipcheck import decode, rasterize

from desktop.cli import main


def test_import_labels_and_waiting(tmp_path, capsys, db_path, db):
    db = str(db_path)  # a site with its team (tests/conftest.py)
    sheet = write_xlsx(tmp_path / "orders.xlsx", households(4, ("1号楼", "2号楼"), 1))
    assert main(["households", "import", str(sheet), "--batch", "B1", "--date", "2026-11-29", "--start", "10:00",
                 "--db", db, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["imported"] == 8 and report["door"] == 1 and len(report["labels"]) == 8
    assert main(["households", "import", str(sheet), "--batch", "B1", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["unchanged"] == 8

    out = tmp_path / "labels"
    assert main(["households", "labels", "--batch", "B1", "--out", str(out), "--size", "a4", "--db", db, "--json"]) == 0
    written = json.loads(capsys.readouterr().out)
    assert written["labels"] == 8
    assert {text for _, text in decode(rasterize(written["file"], 203))} == set(report["labels"])

    assert main(["households", "waiting", "--batch", "B1", "--db", db, "--json"]) == 0
    waiting = json.loads(capsys.readouterr().out)
    assert [(b["building"], b["waiting"], b["door"]) for b in waiting["buildings"]] == [("1号楼", 4, 0), ("2号楼", 3, 1)]
    assert all("****" in bag["phone"] for b in waiting["buildings"] for bag in b["bags"])
    assert main(["households", "waiting", "--db", db]) == 0
    text = capsys.readouterr().out
    assert "1号楼：待取 4 袋" in text and "10:00" in text and "送货上门" in text


def test_bad_rows_exit_1_and_a_missing_file_exits_2(tmp_path, capsys, db_path, db):
    db = str(db_path)  # a site with its team (tests/conftest.py)
    rows = [*households(2, ("1号楼",), 0), ["幸福里小区", "1号楼", "1单元", 901, "甲", "12345", "", "", ""]]
    assert main(["households", "import", str(write_csv(tmp_path / "bad.csv", rows)), "--db", db]) == 1
    out = capsys.readouterr().out
    assert "未导入" in out and "第4行" in out and "12345" in out
    assert main(["households", "import", str(tmp_path / "nope.xlsx"), "--db", db]) == 2
    assert main(["households", "labels", "--batch", "nope", "--out", str(tmp_path), "--db", db]) == 1
