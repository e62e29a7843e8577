import json
from datetime import date

from desktop.cli import main
from desktop.services import demo


def _demo(db_path):
    from desktop.store.migrate import open_database

    database = open_database(str(db_path))
    try:
        demo.build(database, day=date(2026, 11, 28), seed=7)
    finally:
        database.dispose()


def test_list_json_shows_the_demo_day_with_one_voided_and_one_reprinted(tmp_path, capsys):
    db_path = tmp_path / "demo.sqlite3"
    _demo(db_path)
    assert main(["slips", "list", "--db", str(db_path), "--date", "2026-11-28", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["count"] >= 6  # the ad-hoc deliveries, plus the goods of the vehicles let in at the gate
    assert payload["count"] == len(payload["slips"])
    assert sum(r["voided"] for r in payload["slips"]) == 1
    assert max(r["print_count"] for r in payload["slips"]) == 2
    assert main(["slips", "list", "--db", str(db_path), "--date", "2026-11-27", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == 0


def test_pdf_writes_one_file_per_slip_named_by_number_and_a4_as_one_file(tmp_path, capsys):
    db_path = tmp_path / "demo.sqlite3"
    _demo(db_path)
    out = tmp_path / "pdfs"
    assert main(["slips", "pdf", "--db", str(db_path), "--out", str(out), "--size", "58mm", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.pdf" for n in payload["slips"])
    assert len(payload["slips"]) >= 6  # the demo day's own, and any for goods other demo steps registered
    sheet = tmp_path / "sheet"
    assert main(["slips", "pdf", "--db", str(db_path), "--out", str(sheet), "--size", "a4", "--date", "2026-11-28"]) == 0
    assert [p.name for p in sheet.iterdir()] == ["slips-2026-11-28-a4.pdf"]
    assert (sheet / "slips-2026-11-28-a4.pdf").read_bytes().startswith(b"%PDF")


def test_bad_date_and_unknown_number_are_usage_errors(tmp_path, capsys):
    db_path = tmp_path / "demo.sqlite3"
    _demo(db_path)
    assert main(["slips", "list", "--db", str(db_path), "--date", "28/11/2026"]) == 2
    assert main(["slips", "pdf", "--db", str(db_path), "--out", str(tmp_path / "o"), "--number", "SQ-22222222X"]) == 2
    assert "SQ-22222222X" in capsys.readouterr().err


def test_demo_twice_adds_no_second_set_of_slips(tmp_path):
    from desktop.services import slips
    from desktop.store.migrate import open_database

    db_path = tmp_path / "demo.sqlite3"
    counts = []
    for _ in range(2):
        _demo(db_path)
        database = open_database(str(db_path))
        try:
            with database.session(write=False) as s:
                counts.append(len(slips.list_slips(s, day=date(2026, 11, 28))))
        finally:
            database.dispose()
    assert counts[0] >= 6
    assert counts[1] == counts[0]
