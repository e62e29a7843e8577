"""A transit station's daily report (data, PDF, .xlsx): dispatched per necessity and stock at the day's end."""

from __future__ import annotations

import io
import subprocess
from datetime import timedelta

import openpyxl
from transit_world import HANDOFF, make_transit, receive

from desktop.documents.daily_xlsx import build_daily_xlsx
from desktop.domain.localtime import local, site_tz
from desktop.services import reports, transit
from desktop.services.context import Actor


def _row(view, key):
    row = next(n for n in view.transit if n.key == key)
    return {q.unit: q.quantity for q in row.dispatched}, {q.unit: q.quantity for q in row.on_hand}


def test_the_report_shows_dispatched_and_stock_at_the_days_end(db, clock, tmp_path):
    with db.session() as s:
        make_transit(s, clock.now())
        receive(s, clock, "大米", 20, "袋")
        receive(s, clock, "矿泉水", 40, "箱")
        transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination="城南小区", plate="苏A12345",
                         lines=[("grain", 15, "袋"), ("bottled_water", 10, "箱")])
    day = local(clock.now()).date()
    clock.advance(timedelta(days=1))
    with db.session() as s:  # the next day's dispatch is not in this day's report
        transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination="城南小区", plate="苏A12345",
                         lines=[("grain", 5, "袋")])
    with db.session(write=False) as s:
        view = reports.daily(s, day=day, tz=site_tz(), now=clock.now())
    assert _row(view, "grain") == ({"袋": 15}, {"袋": 5})
    assert _row(view, "bottled_water") == ({"箱": 10}, {"箱": 30})
    assert _row(view, "pork") == ({}, {})
    assert [n.key for n in view.transit] == list(transit.necessities.KEYS)
    data = reports.as_dict(view)
    assert data["transit"][0]["dispatched"] == [{"quantity": 15, "unit": "袋"}]

    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(reports.render(view))
    text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    assert "中转外发与库存" in text and "日终库存" in text

    wb = openpyxl.load_workbook(io.BytesIO(build_daily_xlsx(view)))
    rows = list(wb["中转"].iter_rows(min_row=2, values_only=True))
    assert ("粮食（大米、面粉）", "袋", 15, 5, "grain") in rows
    assert ("瓶装水", "箱", 10, 30, "bottled_water") in rows


def test_other_sites_have_no_transit_part(db, clock):
    with db.session(write=False) as s:
        view = reports.daily(s, day=local(clock.now()).date(), tz=site_tz(), now=clock.now())
    assert view.transit == ()
    assert "中转" not in openpyxl.load_workbook(io.BytesIO(build_daily_xlsx(view))).sheetnames


def test_the_day_package_carries_the_dispatches(db, clock):
    import json
    import zipfile

    from desktop.services import daypackage

    with db.session() as s:
        make_transit(s, clock.now())
        receive(s, clock, "大米", 20, "袋")
        sent = transit.dispatch(s, actor=HANDOFF, now=clock.now(), destination="城南小区", plate="苏A12345",
                                lines=[("grain", 15, "袋")])
    with db.session() as s:
        package = daypackage.export_day(s, actor=Actor("duty", "supervision"), now=clock.now(),
                                        day=local(clock.now()).date(), tz=site_tz())
    with zipfile.ZipFile(io.BytesIO(package.data)) as zf:
        records = json.loads(zf.read("records.json"))
        report = json.loads(zf.read("report.json"))
    assert [d["plate"] for d in records["dispatches"]] == ["苏A12345"]
    assert [(x["necessity"], x["quantity"], x["unit"]) for x in records["dispatch_lines"]] == [("grain", 15, "袋")]
    assert [d["name"] for d in records["destinations"]] == ["城南小区"]
    assert sent.number in {x["number"] for x in records["slips"]}
    assert report["transit"][0]["on_hand"] == [{"quantity": 5, "unit": "袋"}]
