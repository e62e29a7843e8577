"""The memory figure (`memory.rss.1m`) is registered and measured the way `gatehouse bench` measures
it, in child processes; here on a small database (the million-slip run is `gatehouse bench --only memory`)."""

from desktop.bench import BENCHES, memory


def test_the_memory_bench_measures_the_window_with_every_page_visited_beside_a_bare_window():
    assert "desktop.bench.memory" in BENCHES
    [fig] = memory.run(slips=2_000, rounds=1)
    assert fig["key"] == "memory.rss.1m" and fig["unit"] == "MB" and fig["slips"] == 2_000
    assert fig["pages_visited"] >= 5  # the bench supervisor may open every station
    assert fig["value"] > fig["reference_value"] > 0 and fig["peak_mb"] >= fig["value"] * 0.9
    assert "250 MB" in fig["target"]
    assert fig["start_backup_ok"] is True  # its rows are audited, as a station's are: the start-up backup passes


def test_a_child_s_peak_is_its_own_not_the_peak_of_the_process_that_started_it():
    """Linux carries ru_maxrss over exec: a child started by a big bench process once reported the
    bench's 800 MB as the window's peak. The peak is the child's own high-water mark (VmHWM)."""
    import subprocess
    import sys

    ballast = bytearray(300 * 1024 * 1024)
    ballast[::4096] = b"\x01" * len(ballast[::4096])  # resident, not only reserved
    code = "from desktop.bench.memory import rss_mb; print(*rss_mb())"
    now, peak = map(float, subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                          check=True).stdout.split())
    del ballast
    assert 0 < now <= peak < 150, (now, peak)
