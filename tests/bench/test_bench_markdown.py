"""The README's performance tables are generated from a saved run: `gatehouse bench --markdown`."""

import json

from desktop.bench.markdown import render
from desktop.cli import main

RUN = {
    "machine": {"cpus": 2, "cpu_model": "AMD EPYC", "platform": "Linux-6.1-x86_64", "python": "3.12.3",
                "started": "2026-12-02T05:50:48Z", "finished": "2026-12-02T06:02:00Z",
                "load_before": [2.72, 2.25, 3.81], "load_after": [3.1, 2.9, 3.0]},
    "figures": [
        {"key": "start.first_paint", "name": "cold start", "value": 181.234, "unit": "ms",
         "reference_name": "bare PySide6 window", "reference_value": 94.0, "ratio": 1.93,
         "target": "≤ 1.5 × reference", "ok": False, "verdict": "missed"},
        {"key": "scan.release.p99", "name": "release", "value": 4.5, "unit": "ms",
         "reference_name": "one-row INSERT | COMMIT", "reference_value": 3.0, "ratio": 1.5,
         "target": "p99 < 5 ms", "ok": True, "verdict": "met"},
        {"key": "cli.help", "name": "help", "value": 1200, "unit": "ms", "reference_name": "python -c pass",
         "reference_value": 20.0, "ratio": None, "target": "reported; no target", "ok": None, "verdict": "reported"},
    ],
    "growth": [
        {"slips": 10000, "size_mb": 3.2, "release_p50_ms": 4.1, "release_p99_ms": 9.87, "refusal_p99_ms": 1.5,
         "start_paint_ms": 180.0, "start_ready_ms": 900.5, "report_ms": 40.0, "timeline_ms": 2.25,
         "load_average": [2.5, 2.0, 1.9]},
        {"slips": 1000000, "size_mb": 310.0, "release_p50_ms": 4.3, "release_p99_ms": 11.0, "refusal_p99_ms": 1.6,
         "start_paint_ms": 185.0, "start_ready_ms": 950.0, "report_ms": 41.0, "timeline_ms": 2.5,
         "load_average": [2.6, 2.0, 1.9]},
    ],
}


def test_each_figure_is_one_row_with_key_value_reference_ratio_target_and_verdict():
    lines = render(RUN).splitlines()
    assert "| key | value | unit | reference | reference value | ratio | target | verdict |" in lines
    assert "| `start.first_paint` | 181.234 | ms | bare PySide6 window | 94 | 1.93 | ≤ 1.5 × reference | **missed** |" in lines
    # a pipe inside a name cannot break the table
    assert "| `scan.release.p99` | 4.5 | ms | one-row INSERT \\| COMMIT | 3 | 1.5 | p99 < 5 ms | met |" in lines
    assert "| `cli.help` | 1,200 | ms | python -c pass | 20 | — | reported; no target | reported |" in lines


def test_the_machine_its_load_and_the_misses_are_named():
    text = render(RUN)
    assert ("on 2 × AMD EPYC (Linux-6.1-x86_64, Python 3.12.3); load average (1 / 5 / 15 min) "
            "2.72 / 2.25 / 3.81 before, 3.1 / 2.9 / 3 after.") in text
    assert "2026-12-02T05:50:48Z to 2026-12-02T06:02:00Z" in text
    assert "Missed (1 of 2): `start.first_paint` 181.234 ms (target ≤ 1.5 × reference)." in text


def test_growth_rows_one_per_size():
    lines = render(RUN).splitlines()
    assert lines.count("| slips | file MB | release p50 ms | release p99 ms | refusal p99 ms | first paint ms "
                       "| pages ready ms | daily report ms | timeline ms | load 1 min |") == 1
    assert "| 10,000 | 3.2 | 4.1 | 9.87 | 1.5 | 180 | 900.5 | 40 | 2.25 | 2.5 |" in lines
    assert "| 1,000,000 | 310 | 4.3 | 11 | 1.6 | 185 | 950 | 41 | 2.5 | 2.6 |" in lines


def test_all_met_says_so():
    met = {"figures": [RUN["figures"][1]]}
    assert "All 1 figures with a target met their target." in render(met)


def test_the_cli_prints_a_saved_run(tmp_path, capsys):
    saved = tmp_path / "run.json"
    saved.write_text(json.dumps(RUN), encoding="utf-8")
    assert main(["bench", "--markdown", str(saved)]) == 0
    assert "| `start.first_paint` | 181.234 |" in capsys.readouterr().out


def test_a_missing_file_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["bench", "--markdown", str(tmp_path / "none.json")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "none.json" in err[0]


def test_a_quick_run_says_so():
    from desktop.bench.markdown import render

    assert "quick run" in render({"quick": True, "figures": []})
    assert "quick run" not in render({"quick": False, "figures": []})


def test_a_figures_ratio_is_the_ratio_of_its_printed_values():
    from desktop.bench import figure

    # 1.2347 / 1.0004 rounds to 1.23, but the record prints 1.235 and 1.0, whose ratio is 1.24
    fig = figure("report", 1.2347, "ms", "reference", 1.0004, "≤ 2 × reference", True)
    assert (fig["value"], fig["reference_value"]) == (1.235, 1.0)
    assert fig["ratio"] == round(fig["value"] / fig["reference_value"], 2) == 1.24
    # a reference too small to print still gives a ratio, from the measured values
    tiny = figure("tiny", 0.0008, "s", "reference", 0.0002, "reported")
    assert tiny["reference_value"] == 0.0 and tiny["ratio"] == 4.0
