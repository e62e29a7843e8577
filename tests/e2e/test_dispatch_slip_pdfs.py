"""A transit station's dispatch slip, from the database: render → rasterize in black and white → decode,
and the destination, vehicle and every line printed on it."""

from __future__ import annotations

import subprocess

import pytest
from slipcheck import decode, rasterize
from transit_world import HANDOFF, make_transit, receive

from desktop.services import slips, transit


@pytest.fixture
def number(db, clock):
    with db.session() as s:
        make_transit(s, clock.now())
        receive(s, clock, "大米", 20, "袋")
        receive(s, clock, "瓶装水", 50, "箱")
        sent = transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination="城南小区供应点", plate="苏N·A1234",
                                lines=[("grain", 12, "袋"), ("bottled_water", 30, "箱")])
    return sent.number


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("size", ["58mm", "80mm", "a6", "a4"])
def test_the_dispatch_slip_decodes_and_shows_where_and_what(db, clock, tmp_path, number, size, dpi):
    with db.session(write=False) as s:
        pdf_bytes = slips.render_pdf(s, [number], size=size, printed_at=clock.now())
    pdf = tmp_path / f"{size}.pdf"
    pdf.write_bytes(pdf_bytes)
    assert {text for fmt, text in decode(rasterize(pdf, dpi)) if fmt == "Code128"} == {number}
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for words in ("外发单", "城南小区供应点", "苏N·A1234", "粮食（大米、面粉）12袋", "瓶装水30箱"):
        assert words in flat, (words, text)


def test_a_printed_dispatch_slip_counts_its_prints(db, clock, number):
    with db.session() as s:
        slips.record_print(s, actor=HANDOFF, now=clock.now(), number=number, printer="PDF", paper="80mm")
        assert slips.get_slip(s, number).print_count == 1
        assert slips.slip_view(s, number).reprint_no == 1
