"""Bag labels, every size: render → rasterize in black and white at 203 and 300 dpi → decode."""

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from slipcheck import decode, embedded_fonts, rasterize

from desktop.documents.bag_label import SIZES, BagLabelView, build_labels

START = datetime(2026, 11, 29, 1, 30, tzinfo=UTC)
FULL = BagLabelView(number="SQ-7KM3QX9A4", community="幸福里小区", building="10号楼", unit="2单元", room="1502",
                    phone="13912345678", items="蔬菜套餐A×1；鸡蛋×1；大米5kg×1；食用油×1；联系 13812341234",
                    slot_start=START, slot_end=START.replace(minute=45), batch="1129-团购", seq="12/30",
                    site_name="宿迁学院东门卡口")
DOOR = replace(FULL, number="SQ-XYWVT9876", community="幸福里小区很长的名字花园社区" * 3, building="3栋", unit="",
               room="201", phone="0527-84561234", door=True, slot_start=None, slot_end=None)
LONG = replace(FULL, number="ABCD-XYWVT987K", building="第十二号楼很长很长的楼名", unit="12单元", room="2501室")
BARE = BagLabelView(number="GH-3456789AB")


def _text(pdf) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("size", [s for s in SIZES if s != "a4"])
@pytest.mark.parametrize("view", [FULL, DOOR, LONG, BARE], ids=["full", "door", "long", "bare"])
def test_each_size_decodes_to_the_bag_number(tmp_path, size, dpi, view):
    pdf = tmp_path / f"{size}.pdf"
    pdf.write_bytes(build_labels([view], size))
    assert decode(rasterize(pdf, dpi)) == [("Code128", view.number)]


@pytest.mark.parametrize("dpi", [203, 300])
def test_a4_sheet_decodes_every_label(tmp_path, dpi):
    views = [replace(FULL, number=f"SQ-{n:08d}", room=str(100 + n)) for n in range(22)]  # 21 a page: two pages
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(build_labels(views, "a4"))
    page1 = {text for fmt, text in decode(rasterize(pdf, dpi, 1)) if fmt == "Code128"}
    page2 = {text for fmt, text in decode(rasterize(pdf, dpi, 2)) if fmt == "Code128"}
    assert page1 == {v.number for v in views[:21]}
    assert page2 == {views[21].number}


@pytest.mark.parametrize("size", SIZES)
def test_label_shows_address_masked_phone_and_slot_or_door_mark(tmp_path, size):
    pdf = tmp_path / "l.pdf"
    pdf.write_bytes(build_labels([FULL, DOOR], size))
    text = _text(pdf)
    assert "10号楼 2单元 1502" in text and "139****5678" in text and "幸福里小区" in text
    assert "09:30-09:45" in text and "送货上门" in text
    assert "13912345678" not in text and "84561234" not in text and "13812341234" not in text
    fonts = embedded_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts)


def test_fixed_sizes_keep_one_page_per_label_of_the_right_size(tmp_path):
    import subprocess

    pdf = tmp_path / "l.pdf"
    pdf.write_bytes(build_labels([FULL, DOOR, LONG], "60x40"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+3\n", info) and "170 x 113 pts" in info


def test_a_batch_s_labels_from_the_database_decode_to_their_bag_numbers(db, clock, actor, tmp_path):
    from datetime import date

    from household_sheets import households, write_xlsx

    from desktop.services import households as hh

    with db.session() as s:
        report = hh.import_file(s, actor=actor, now=clock.now(), path=write_xlsx(tmp_path / "o.xlsx", households(2)),
                                batch="B", pickup_day=date(2026, 11, 29))
    with db.session(write=False) as s:
        pdf_bytes = hh.render_labels(s, "B", size="a4")
        views = hh.label_views(s, "B")
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(pdf_bytes)
    assert {text for _, text in decode(rasterize(pdf, 203))} == set(report.labels)
    assert [v.seq for v in views][:2] == ["1/6", "2/6"] and sum(v.door for v in views) == 2
    assert views[0].slot_end is not None and (views[0].slot_end - views[0].slot_start).total_seconds() == 900
    text = _text(pdf)
    assert "1号楼 1单元 101" in text and "139****0000" in text and text.count("送货上门") == 2
