"""Growth (`gatehouse bench --growth N ...`): one row per database size with the scan, start,
report and timeline figures; here at a small size (the README's rows are 10k, 100k and 1M)."""

from desktop.bench import growth


def test_one_size_gives_scan_start_report_and_timeline_figures():
    row = growth.run(2000, scans=4, repeat=1)
    assert row["slips"] == 2000 and row["scans"] == 4
    assert row["verdicts"] == {"ok": 4, "already": 4}  # releases first, then each refused elsewhere
    for key in ("release_p50_ms", "release_p99_ms", "refusal_p99_ms", "start_paint_ms", "start_ready_ms",
                "report_ms", "timeline_ms", "size_mb"):
        assert row[key] > 0, key
    assert row["start_ready_ms"] >= row["start_paint_ms"]
    assert row["timeline_entries"] > growth.ARRIVAL_GOODS  # the vehicle's goods, their slips and releases


def test_the_cli_writes_each_size_and_the_machine_to_the_out_file(tmp_path, monkeypatch, capsys):
    import json

    from desktop.cli import main

    monkeypatch.setattr(growth, "run", lambda n: {"slips": n, "release_p99_ms": 1.0})
    out = tmp_path / "growth.json"
    assert main(["bench", "--growth", "10000", "100000", "--out", str(out)]) == 0
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert [r["slips"] for r in saved["growth"]] == [10000, 100000]
    assert saved["machine"]["cpus"] and "load_before" in saved["machine"] and "load_after" in saved["machine"]
    assert "slips=10000" in capsys.readouterr().out
