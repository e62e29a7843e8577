import json

from desktop.cli import main
from tests.supervision_world import journey


def test_daily_report_json_and_exit_codes(db, db_path, clock, tmp_path, capsys):
    journey(db, clock)
    db.dispose()
    args = ["report", "daily", "--db", str(db_path), "--date", "2026-11-30"]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["day"] == "2026-11-30" and data["outcomes"]["admitted"] == 1 and "pdf" not in data
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "粮食（大米、面粉）: 60袋" in out and "劝返 苏N·60218" in out
    pdf = tmp_path / "r.pdf"
    assert main([*args, "--json", "--out", str(pdf)]) == 0
    assert json.loads(capsys.readouterr().out)["pdf"] == str(pdf) and pdf.read_bytes().startswith(b"%PDF")
    assert main(["report", "daily", "--db", str(db_path), "--date", "30.11.2026"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main([*args, "--out", str(tmp_path / "missing" / "r.pdf")]) == 2
