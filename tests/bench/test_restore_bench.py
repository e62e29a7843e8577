"""The restore figure (`restore.1m`) is registered and measured the way `gatehouse bench` measures
it; here on a small file (the million-slip run is `gatehouse bench --only restore`)."""

from desktop.bench import BENCHES, restore


def test_the_restore_bench_restores_a_verified_backup_beside_a_plain_copy():
    assert "desktop.bench.restore" in BENCHES
    [fig] = restore.run(slips=2000)
    assert fig["key"] == "restore.1m" and fig["unit"] == "s" and fig["slips"] == 2000
    assert fig["restored_ok"] and fig["audit_events"] > 1
    assert fig["value"] > 0 and fig["reference_value"] > 0 and fig["verdict"] == "met"
