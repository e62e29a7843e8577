from desktop.bench import BENCHES, imports


def test_the_import_bench_is_registered_and_reports_rows_per_second():
    assert "desktop.bench.imports" in BENCHES
    (fig,) = imports.run(rows=150)
    assert {"name", "value", "unit", "reference_name", "reference_value", "target"} <= fig.keys()
    assert fig["unit"] == "rows/s" and fig["key"] == "import.approvals.150"
    assert fig["imported"] == 150 and fig["value"] > 0 and fig["reference_value"] > 0
    assert fig["longest_transaction_ms"] > 0 and fig["transactions"] >= 2
