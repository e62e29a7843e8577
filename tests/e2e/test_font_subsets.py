"""The app's font keeps the subsets it embedded between PDFs (fonts.SubsetCachingTTFont): the PDFs
it writes are byte for byte those reportlab's own TrueType font writes, the first time and when
a subset is taken from what it kept."""

from __future__ import annotations

from dataclasses import replace

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.bench.report import sample_view as report_view
from desktop.bench.slip_render import sample_view, varied_view
from desktop.documents import fonts
from desktop.documents.daily_report import build_daily_report
from desktop.documents.slip import build_slip, build_slips


@pytest.fixture
def reportlab_font():
    """Within the test: swap the app's font for reportlab's own, registered under the same name."""

    def build(make):  # type: ignore[no-untyped-def]
        ours = pdfmetrics.getFont(fonts.register())
        pdfmetrics._fonts[fonts.FONT] = TTFont(fonts.FONT, fonts.font_path(), subfontIndex=0)
        try:
            return make()
        finally:
            pdfmetrics._fonts[fonts.FONT] = ours

    return build


def test_a_slip_is_the_pdf_reportlab_writes_first_time_and_from_the_kept_subsets(reportlab_font):
    font = pdfmetrics.getFont(fonts.register())
    assert isinstance(font, fonts.SubsetCachingTTFont)
    view = replace(sample_view(), supplier="沭阳县鑫源蔬菜配送中心（测试）")
    font._subsets.clear()
    first, again = build_slip(view), build_slip(view)
    assert first == again == reportlab_font(lambda: build_slip(view))
    assert len(font._subsets) == 2  # the slip's fixed first subset and its own second one


def test_many_slips_and_a_report_are_the_pdfs_reportlab_writes(reportlab_font):
    views = [varied_view(i) for i in range(30)]
    assert build_slips(views, "80mm") == reportlab_font(lambda: build_slips(views, "80mm"))
    assert build_slips(views, "a4") == reportlab_font(lambda: build_slips(views, "a4"))
    report = report_view(120)
    assert build_daily_report(report) == reportlab_font(lambda: build_daily_report(report))
