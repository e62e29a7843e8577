from desktop.bench import BENCHES, dwell_board


def test_the_board_bench_is_registered_and_reports_beside_a_reference(qapp):
    assert "desktop.bench.dwell_board" in BENCHES
    [fig] = dwell_board.run()
    assert set(fig) >= {"name", "value", "unit", "reference_name", "reference_value", "target"}
    assert fig["unit"] == "ms" and fig["timers"] == 500
    assert fig["value"] > 0 and fig["reference_value"] > 0  # timed: which is faster is the bench's to say


def test_the_board_refresh_is_read_only_and_counts_its_queries():
    from desktop.bench import board_refresh

    assert "desktop.bench.board_refresh" in BENCHES and board_refresh.TIMERS == 500
    few = dwell_board.refresh_figure(timers=4, repeat=2)
    more = dwell_board.refresh_figure(timers=12, repeat=2)
    assert few["key"] == "board.refresh.500" and few["timers"] == 4 and few["reference_rows"] == 4
    assert few["queries"] == more["queries"] <= dwell_board.MAX_QUERIES and few["verdict"] == "met"
    assert more["write_refresh_queries"] >= more["queries"]
