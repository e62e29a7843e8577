from desktop.bench import BENCHES, report


def test_the_report_bench_is_registered_and_reports_beside_a_reference():
    assert "desktop.bench.report" in BENCHES
    [fig] = report.run(repeat=1)
    assert fig["key"] == "report.daily.2000" and fig["unit"] == "ms" and fig["vehicles"] == 2000
    assert fig["value"] > fig["reference_value"] > 0  # 2,000 vehicles cost more than none
    assert fig["verdict"] in {"met", "missed"} and fig["ratio"] > 1
