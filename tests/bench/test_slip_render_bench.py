from desktop.bench import BENCHES, slip_render


def test_slip_bench_is_registered_and_reports_beside_its_reference():
    assert "desktop.bench.slip_render" in BENCHES
    one, batch = slip_render.run(repeat=3, batch_repeat=1)
    for fig in (one, batch):
        assert {"name", "value", "unit", "reference_name", "reference_value", "target"} <= fig.keys()
        assert fig["unit"] == "ms" and fig["value"] > 0 and fig["reference_value"] > 0
    assert one["key"] == "slip.render.80mm" and batch["key"] == "slip.render.100" and batch["slips"] == 100
    assert one["minimal_page_app_font_ms"] > 0 and one["different_slip_each_time_ms"] > 0


def test_the_reference_page_and_the_slip_both_embed_a_font():
    assert b"FontFile2" in slip_render.minimal_page()
    from desktop.documents.slip import build_slip

    assert b"FontFile2" in build_slip(slip_render.sample_view(), "80mm")


def test_the_reference_is_reportlabs_own_font_not_the_apps():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from desktop.documents import fonts

    fonts.register()
    assert type(pdfmetrics.getFont(slip_render.plain_font())) is TTFont
    assert isinstance(pdfmetrics.getFont(fonts.FONT), fonts.SubsetCachingTTFont)


def test_a_hundred_different_slips_make_one_pdf_with_a_page_each():
    from desktop.documents.slip import build_slips

    pdf = build_slips([slip_render.varied_view(i) for i in range(100)], "80mm")
    assert pdf.count(b"/Type /Page\n") == 100 and b"FontFile2" in pdf
