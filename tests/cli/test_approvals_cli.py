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
