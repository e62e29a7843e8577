"""The verify figure (`verify.3m`) is registered and measured the way `gatehouse bench` measures it;
here on a small log (the 3,000,000-event run is `gatehouse bench --only verify`)."""

from desktop.bench import BENCHES, verify


def test_the_verify_bench_walks_a_clean_chain_beside_a_plain_read():
    assert "desktop.bench.verify" in BENCHES
    [fig] = verify.run(events=3_000)
    assert fig["key"] == "verify.3m" and fig["unit"] == "s" and fig["events"] == 3_000
    assert fig["clean"] and fig["value"] > 0 and fig["reference_value"] > 0
    assert "30 s" in fig["target"] and fig["verdict"] in ("met", "missed")
