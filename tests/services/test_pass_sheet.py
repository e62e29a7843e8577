"""Issue #11 item 6: a pass list imports the way the approval list does."""

from datetime import UTC, date, datetime

import pytest

from desktop.cli import main
from desktop.services import pass_sheet, passes
from desktop.services.context import ServiceError
from tests.services.sheets import write_csv, write_xlsx

NOW = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)
HEADER = ["序号", "通行证编号", "车辆号牌", "持证单位", "有效期起", "通行证有效期至"]


def run(db, actor, path, **kw):
    with db.session() as s:
        return pass_sheet.import_file(s, actor=actor, now=NOW, path=path, **kw)


def test_passes_are_added_extended_and_refused_by_row(db, actor, tmp_path):
    with db.session() as s:
        passes.add(s, actor=actor, now=NOW, number="BG-1", plate="苏N11111", valid_from=date(2026, 11, 1),
                   valid_to=date(2026, 11, 30))
    rows = [[1, "BG-1", "苏N11111", "甲", "2026-11-01", "2026年12月31日"],
            [2, "bg-2", "苏Ｎ22222", "乙", "", "12月20日"],
            [3, "BG-2", "苏N22222", "乙", "", "12月20日"],
            [4, "BG-3", "苏N3", "丙", "", "2026-12-20"],
            [5, "BG-4", "苏N44444", "丁", "", ""]]
    report = run(db, actor, write_xlsx(tmp_path / "p.xlsx", rows, header=HEADER))
    assert (report.imported, report.passes_extended, report.ignored) == (2, ["BG-1"], ["序号"])
    why = {p.row: p for p in report.rejected}
    assert set(why) == {4, 5, 6}
    assert "与第3行重复" in why[4].reason
    assert why[5].column == "车辆号牌" and why[6].column == "通行证有效期至"
    with db.session(write=False) as s:
        one, two = passes.find(s, "BG-1"), passes.find(s, "BG-2")
    assert one.valid_to == date(2026, 12, 31)
    assert (two.plate, two.holder, two.valid_to) == ("苏N22222", "乙", date(2026, 12, 20))


def test_an_unknown_column_is_refused_then_ignored(db, actor, tmp_path):
    path = write_csv(tmp_path / "p.csv", [["BG-5", "苏N55555", "2026-12-31", "x"]],
                     header=["通行证号", "车牌号", "有效期至", "颜色"], encoding="utf-8")
    with pytest.raises(ServiceError, match="颜色"):
        run(db, actor, path)
    report = run(db, actor, path, chosen={"颜色": "ignore"}, constants={"supplier": "戊"})
    assert report.imported == 1 and report.ignored == ["颜色"]


def test_cli_passes_import(tmp_path, capsys, db, db_path, monkeypatch):
    monkeypatch.setenv("GATEHOUSE_OPERATOR", "wang.fang")  # the review group keeps the pass register
    monkeypatch.setenv("GATEHOUSE_PIN", "1001")
    db = str(db_path)
    path = write_csv(tmp_path / "p.csv", [["BG-6", "苏N66666", "2030-12-31", "x"]],
                     header=["通行证号", "车牌号", "有效期至", "颜色"], encoding="utf-8")
    assert main(["passes", "import", str(path), "--db", db]) == 2
    assert "颜色" in capsys.readouterr().err
    assert main(["passes", "import", str(path), "--db", db, "--ignore", "颜色"]) == 0
    assert "导入 1 条" in capsys.readouterr().out
    again = write_csv(tmp_path / "p2.csv", [["BG-7", "苏N77777", "2030-12-31", "y"]],
                      header=["通行证号", "车牌号", "有效期至", "颜色"], encoding="utf-8")
    assert main(["passes", "import", str(again), "--db", db]) == 0  # the answer given last time
    out = capsys.readouterr().out
    assert "导入 1 条" in out and "颜色→忽略" in out
