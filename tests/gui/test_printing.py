"""Printing through QPrinter (to its PDF output): the raster sent is the page at the printer's own
pixel size, unscaled, and it decodes; failures raise PrintError with a plain message."""

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtPrintSupport import QPrinter
from slipcheck import decode

from desktop.documents.slip import SlipView, build_slip, build_slips
from desktop.gui import printing

VIEW = SlipView(site_name="宿迁学院东门卡口", number="SQ-7KM3QX9A4", plate="苏N·A1234", category="大米",
                description="东北大米", quantity=20, unit="袋", destination="① 食堂1-2连廊西侧", issued_by="李强")


def _sent_images(pdf: Path, tmp: Path) -> list[Image.Image]:
    subprocess.run(["pdfimages", "-png", str(pdf), str(tmp / "img")], check=True)
    return [Image.open(p) for p in sorted(tmp.glob("img-*.png"))]


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("size", ["58mm", "80mm", "a6"])
def test_printed_raster_is_unscaled_and_decodes(qapp, tmp_path, size, dpi):
    out = tmp_path / "printed.pdf"
    result = printing.print_pdf(build_slip(VIEW, size),
                                printing.PrintTarget(printer=printing.PDF_PRINTER, output_file=str(out), dpi=dpi))
    assert result.dpi == dpi and result.pages == 1
    (image,) = _sent_images(out, tmp_path)
    assert image.size == result.pixel_size  # drawn 1:1: one image pixel per printer dot
    assert ("Code128", VIEW.number) in decode(image)


def test_a4_sheets_print_every_page(qapp, tmp_path):
    views = [replace(VIEW, number=n) for n in ("SQ-22222222X", "SQ-33333333A", "GH-44444444B")] * 3  # 9: two sheets
    out = tmp_path / "sheets.pdf"
    result = printing.print_pdf(build_slips(views, "a4"),
                                printing.PrintTarget(printer=printing.PDF_PRINTER, output_file=str(out), dpi=300))
    assert result.pages == 2
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           2" in pages


def test_a_printer_failing_mid_job_raises_a_plain_error(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(QPrinter, "newPage", lambda self: False)
    views = [replace(VIEW, number=f"SQ-{c * 8}X") for c in "23456789"]  # 8 slips: two A4 pages
    with pytest.raises(printing.PrintError) as err:
        printing.print_pdf(build_slips(views, "a4"),
                           printing.PrintTarget(printer=printing.PDF_PRINTER, output_file=str(tmp_path / "x.pdf")))
    assert "第 2 页" in err.value.message


def test_unknown_printer_and_missing_output_are_refused_before_printing(qapp):
    with pytest.raises(printing.PrintError) as err:
        printing.print_pdf(build_slip(VIEW), printing.PrintTarget(printer="No Such Printer"))
    assert "No Such Printer" in err.value.message
    with pytest.raises(printing.PrintError):
        printing.print_pdf(build_slip(VIEW), printing.PrintTarget(printer=printing.PDF_PRINTER))
