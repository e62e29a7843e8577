from desktop.bench import BENCHES, slip_render


def test_slip_bench_is_registered_and_reports_beside_its_reference():
    assert "desktop.bench.slip_render" in BENCHES
    (fig,) = slip_render.run(repeat=3)
    assert {"name", "value", "unit", "reference_name", "reference_value", "target"} <= fig.keys()
    assert fig["unit"] == "ms" and fig["value"] > 0 and fig["reference_value"] > 0


def test_the_reference_page_and_the_slip_both_embed_a_font():
    assert b"FontFile2" in slip_render.minimal_page()
    from desktop.documents.slip import build_slip

    assert b"FontFile2" in build_slip(slip_render.sample_view(), "80mm")
