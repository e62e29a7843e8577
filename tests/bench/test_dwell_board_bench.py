from desktop.bench import BENCHES, dwell_board


def test_the_board_bench_is_registered_and_reports_beside_a_reference(qapp):
    assert "desktop.bench.dwell_board" in BENCHES
    [fig] = dwell_board.run()
    assert set(fig) >= {"name", "value", "unit", "reference_name", "reference_value", "target"}
    assert fig["unit"] == "ms" and fig["timers"] == 500
    assert fig["value"] > fig["reference_value"] > 0  # 500 rows cost more than none
