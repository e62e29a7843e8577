"""Preview and print a slip to a PDF printer, as a person would; the printed raster decodes."""

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from slipcheck import decode  # tests/slipcheck.py

from desktop.gui import printing
from desktop.gui.slip_preview import SlipPreviewDialog
from desktop.services import consignments, slips


@pytest.fixture
def slip(db, clock, ctx):
    with db.session() as s:
        c = consignments.create(s, actor=ctx.actor, now=clock.now(), category="大米", description="东北大米",
                                quantity=20, unit="袋", recipient="一食堂 13812341234", destination="① 食堂1-2连廊西侧")
        return slips.issue_slip(s, actor=ctx.actor, now=clock.now(), consignment_id=c.id)


def _open(qtbot, ctx, number, pdf_dir):
    dlg = SlipPreviewDialog(ctx, number, pdf_dir=pdf_dir)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.slip is not None and not dlg.loading, timeout=10_000)
    return dlg


def _choose(combo, data):
    combo.setCurrentIndex(combo.findData(data))


def _printed_raster_codes(pdf: Path, tmp: Path) -> list[tuple[str, str]]:
    """The image the printer was sent, pixel for pixel (no re-rasterizing)."""
    from PIL import Image

    subprocess.run(["pdfimages", "-png", str(pdf), str(tmp / "img")], check=True)
    images = sorted(tmp.glob("img-*.png"))
    assert len(images) == 1
    return decode(Image.open(images[0]))


def _print_and_wait(qtbot, dlg):
    before = dlg.message.text()
    qtbot.mouseClick(dlg.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.message.text() not in (before, "正在打印……") and not dlg.loading, timeout=20_000)


def test_preview_then_print_to_pdf_decodes_and_reprint_is_marked(qtbot, ctx, db, slip, tmp_path):
    dlg = _open(qtbot, ctx, slip.number, tmp_path)
    assert not dlg.page.pixmap().isNull()
    dlg.grab().save(str(tmp_path / "preview.png"))
    _choose(dlg.printer, printing.PDF_PRINTER)
    _choose(dlg.paper, "58mm")
    qtbot.waitUntil(lambda: not dlg.loading)
    _print_and_wait(qtbot, dlg)
    assert "已打印" in dlg.message.text()
    out = Path(dlg.last_output)
    assert out.exists()
    assert str(out) in dlg.message.text()  # a PDF "printer": the person is told where the file is
    assert ("Code128", slip.number) in _printed_raster_codes(out, tmp_path)
    with db.session(write=False) as s:
        assert slips.get_slip(s, slip.number).print_count == 1
        assert slips.print_settings(s, ctx.actor.station) == slips.PrintSettings(printing.PDF_PRINTER, "58mm", False)
    # the preview now shows what a second copy will carry
    assert dlg.print_button.text() == "补打"
    text = subprocess.run(["pdftotext", "-", "-"], input=dlg.pdf, capture_output=True, check=True).stdout.decode()
    assert "REPRINT 1" in text


@pytest.mark.qt_log_ignore("QPainter::begin")
def test_failed_job_is_said_plainly_not_counted_and_can_be_printed_again(qtbot, ctx, db, slip, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the output folder should be")
    dlg = _open(qtbot, ctx, slip.number, blocked)
    _choose(dlg.printer, printing.PDF_PRINTER)
    _print_and_wait(qtbot, dlg)
    assert "无法开始打印" in dlg.message.text()
    with db.session(write=False) as s:
        assert slips.get_slip(s, slip.number).print_count == 0
        assert [(p.ok, p.reprint_no) for p in slips.prints(s, slip.number)] == [(False, 0)]
    assert dlg.print_button.isEnabled()
    dlg.pdf_dir = tmp_path
    _print_and_wait(qtbot, dlg)
    assert "已打印" in dlg.message.text()
    with db.session(write=False) as s:
        assert [(p.ok, p.reprint_no) for p in slips.prints(s, slip.number)] == [(False, 0), (True, 0)]


def test_unknown_printer_is_named_in_the_message(qtbot, ctx, db, clock, slip, tmp_path):
    with db.session() as s:
        slips.save_print_settings(s, actor=ctx.actor, now=clock.now(), printer="XP-80 Lobby")
    dlg = _open(qtbot, ctx, slip.number, tmp_path)
    assert dlg.printer.currentData() == "XP-80 Lobby"
    _print_and_wait(qtbot, dlg)
    assert "XP-80 Lobby" in dlg.message.text() and "找不到打印机" in dlg.message.text()
    with db.session(write=False) as s:
        assert slips.get_slip(s, slip.number).print_count == 0


def test_void_needs_a_reason_then_marks_the_slip(qtbot, ctx, db, slip, tmp_path):
    dlg = _open(qtbot, ctx, slip.number, tmp_path)
    qtbot.mouseClick(dlg.void_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "作废原因" in dlg.message.text())
    qtbot.keyClicks(dlg.reason, "counted wrong")
    qtbot.mouseClick(dlg.void_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.slip.voided and not dlg.loading, timeout=10_000)
    assert not dlg.print_button.isEnabled()
    text = subprocess.run(["pdftotext", "-", "-"], input=dlg.pdf, capture_output=True, check=True).stdout.decode()
    assert "VOIDED" in text and "counted wrong" in text
