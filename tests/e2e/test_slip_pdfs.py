"""Every paper size: render → rasterize in black and white at 203 and 300 dpi → decode."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from slipcheck import decode, embedded_fonts, rasterize

from desktop.documents.slip import SIZES, Disinfected, SlipView, build_slip, build_slips, plan

NOW = datetime(2026, 11, 29, 2, 5, tzinfo=UTC)
FULL = SlipView(
    site_name="宿迁学院东门卡口", number="SQ-7KM3QX9A4", plate="苏N·A1234", supplier="宿迁苏果超市配送中心有限公司",
    category="蔬菜", description="青菜、土豆、西红柿（混装）", quantity=120, unit="箱",
    recipient="七食堂 张三 13812341234", destination="② 7食堂北门", contact_phone="13812341234",
    disinfections=(Disinfected(NOW, "84消毒液", "1:100", "卡口"),), dwell_end=NOW + timedelta(minutes=30),
    issued_by="李强", issued_at=NOW, station="gate", printed_at=NOW,
)
LONG = replace(FULL, number="SQ-XYWVT98765", description="很长的描述" * 60, supplier="供应商" * 40,
               recipient="收货人 13912345678 身份证 320102199001011234 " * 6, destination="去向" * 50)
BARE = SlipView(site_name="", number="GH-3456789AB")


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("size", [s for s in SIZES if s != "a4"])
@pytest.mark.parametrize("view", [FULL, LONG, BARE, replace(FULL, voided=True, void_reason="退回", reprint_no=3)],
                         ids=["full", "long", "bare", "voided-reprint"])
def test_each_size_decodes_to_the_slip_number(tmp_path, size, dpi, view):
    pdf = tmp_path / f"{size}.pdf"
    pdf.write_bytes(build_slip(view, size))
    found = decode(rasterize(pdf, dpi))
    assert ("Code128", view.number) in found
    assert {text for _, text in found} == {view.number}


@pytest.mark.parametrize("dpi", [203, 300])
def test_a4_sheet_decodes_every_slip(tmp_path, dpi):
    views = [replace(FULL, number=n) for n in ("SQ-22222222X", "SQ-33333333A", "SQ-44444444B")] + [LONG, BARE]
    views += [replace(BARE, number="GH-55555555C"), replace(BARE, number="GH-66666666D")]  # 7: two pages
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(build_slips(views, "a4"))
    page1 = {text for fmt, text in decode(rasterize(pdf, dpi, 1)) if fmt == "Code128"}
    page2 = {text for fmt, text in decode(rasterize(pdf, dpi, 2)) if fmt == "Code128"}
    assert page1 == {v.number for v in views[:6]}
    assert page2 == {views[6].number}


@pytest.mark.parametrize("size", SIZES)
def test_the_font_is_embedded_and_the_only_one(tmp_path, size):
    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(build_slips([FULL], size))
    fonts = embedded_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts)
    assert all("WenQuanYiMicroHei" in name for name, _ in fonts)


@pytest.mark.parametrize("size", SIZES)
def test_long_text_never_reaches_the_barcode_and_fixed_pages_hold_it(size):
    bands = plan(LONG, size)
    kinds = [b.kind for b in bands]
    assert kinds.count("barcode") == 1 and kinds.index("barcode") < kinds.index("fields")
    if size in ("a6", "a4"):
        from desktop.documents.slip import SPECS

        spec = SPECS["a4cell" if size == "a4" else size]
        assert sum(b.height for b in bands) <= spec.page_h - 2 * spec.margin


def test_no_full_phone_or_id_in_the_pdf_text(tmp_path):
    import subprocess

    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(build_slip(LONG, "a6"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "13912345678" not in text and "320102199001011234" not in text
    assert "139****5678" in text


def test_reprint_and_void_marks_are_printed(tmp_path):
    import subprocess

    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(build_slip(replace(FULL, voided=True, void_reason="货物退回", reprint_no=2), "80mm"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "REPRINT 2" in text and "补打" in text and "VOIDED" in text and "货物退回" in text


@pytest.mark.parametrize("size", [s for s in SIZES if s != "a4"])
def test_many_random_numbers_decode_at_both_resolutions(tmp_path, size):
    import random

    from desktop.domain.codes import new_code

    rng = random.Random(size)
    for site in ("SQ", "GATE", "AB"):
        number = new_code(site, rng.randrange)
        pdf = tmp_path / f"{number}.pdf"
        pdf.write_bytes(build_slip(replace(FULL, number=number), size))
        for dpi in (203, 300):
            assert ("Code128", number) in decode(rasterize(pdf, dpi)), (number, dpi)
