"""Issue 15, items 1–3 and 8: three demo sites export their day packages, a command centre merges
them, and the county report's totals are the sum of the sites' own daily reports. Replayed,
corrected, tampered, older and unknown-key packages do what the issue says; the .xlsx files are
read back cell by cell."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from collections import defaultdict
from datetime import timedelta

import pytest
from centre_world import CENTRE_ADMIN, DAY, EXPORTED, SITES, SUPERVISOR, World, command_centre, demo_site
from openpyxl import load_workbook
from sqlmodel import select

from desktop.domain.localtime import site_tz
from desktop.services import county_report, daypackage, merge, reports, setup, signing, timeline
from desktop.services.context import ServiceError
from desktop.store.models import AuditEvent, CentrePackage, CentreSite, CentreTotal


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("centre")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GATEHOUSE_DATA_DIR", str(folder / "data"))
        w = World(folder)
        for code, name, seed in SITES:
            w.sites[code] = demo_site(folder / f"{code}.sqlite3", code, name, seed)
            with w.sites[code].session() as s:
                package = daypackage.export_day(s, actor=SUPERVISOR, now=EXPORTED, day=DAY, tz=site_tz())
            daypackage.write_verified(folder, package)
        w.centre = command_centre(folder / "centre.sqlite3")
        yield w
    for db in [*w.sites.values(), w.centre]:
        db.dispose()


@pytest.fixture
def site_data(world, monkeypatch):
    """Exports in a test use the sites' own data folder (where their keys are)."""
    monkeypatch.setenv("GATEHOUSE_DATA_DIR", str(world.folder / "data"))


def _file(world: World, code: str) -> bytes:
    return (world.folder / daypackage.file_name(code, DAY)).read_bytes()


def _merge(world: World, data: bytes, *, now=EXPORTED + timedelta(hours=1)) -> merge.Merged:
    with world.centre.session() as s:
        return merge.merge_package(s, actor=CENTRE_ADMIN, now=now, data=data)


def _state(world: World) -> tuple[int, int, int, int]:
    with world.centre.session(write=False) as s:
        return tuple(len(s.exec(select(t)).all()) for t in (CentreSite, CentrePackage, CentreTotal, AuditEvent))


@pytest.fixture(scope="module")
def merged(world):
    results = [_merge(world, _file(world, code)) for code, _, _ in SITES]
    return results


def test_the_site_key_is_private_to_the_data_folder_and_its_public_half_is_in_the_settings(world):
    path = world.folder / "data" / "keys" / "SQA-ed25519.pem"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with world.sites["SQA"].session(write=False) as s:
        public = setup.get_setting(s, signing.PUBLIC_KEY_SETTING)
        assert setup.get_setting(s, signing.FINGERPRINT_SETTING) == signing.fingerprint(public)
    assert b"PRIVATE" not in (world.folder / "SQA.sqlite3").read_bytes()


def test_a_package_holds_the_day_masked_with_its_reports_and_the_audit_head(world):
    data = _file(world, "SQA")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist() == ["manifest.json", "manifest.sig", "records.json", "report.json",
                                 "daily-report.pdf", "daily-report.xlsx"]
        manifest = json.loads(zf.read("manifest.json"))
        records = json.loads(zf.read("records.json"))
        assert zf.read("daily-report.pdf").startswith(b"%PDF")
    assert manifest["schema"] == "gatehouse.daypackage" and manifest["version"] == 1
    assert manifest["site"]["code"] == "SQA" and manifest["day"] == "2026-11-30"
    with world.sites["SQA"].session(write=False) as s:
        head = s.exec(select(AuditEvent).where(AuditEvent.id == manifest["audit_head"]["id"])).one()
        assert head.hash == manifest["audit_head"]["hash"]
    assert set(records) >= {"approvals", "arrivals", "overrides", "disinfections", "slips", "releases",
                            "custody_events", "violations", "consignments"}
    assert records["arrivals"] and records["violations"] and records["releases"]
    ids = [o["id_number"] for o in records["approval_occupants"] if o["id_number"]]
    assert ids and all("*" in i for i in ids)
    phones = [o["phone"] for o in records["approval_occupants"] + records["occupant_checks"] if o["phone"]]
    assert all("****" in p for p in phones)


def test_three_sites_merge_into_a_county_report_equal_to_the_sum_of_their_own_reports(world, merged):
    assert [m.outcome for m in merged] == ["merged"] * 3 and all(m.registered for m in merged)
    expected_goods: dict[tuple[str, str], float] = defaultdict(float)
    expected = defaultdict(int)
    for code, _, _ in SITES:
        with world.sites[code].session(write=False) as s:
            own = reports.as_dict(reports.daily(s, day=DAY, tz=site_tz(), now=EXPORTED))
        expected["vehicles"] += own["outcomes"]["total"]
        expected["refused"] += own["outcomes"]["refused"]
        expected["violations"] += own["counts"]["violations"]
        expected["overrides"] += own["counts"]["overrides"]
        for row in own["necessities"]:
            for q in row["quantities"]:
                expected_goods[(row["key"], q["unit"])] += q["quantity"]
    with world.centre.session(write=False) as s:
        view = county_report.county(s, day=DAY, now=EXPORTED)
    assert [f.code for f in view.sites] == ["SQA", "SQB", "SQC"] and view.missing == ()
    total = view.total
    assert (total.vehicles, total.refused, total.violations, total.overrides) == (
        expected["vehicles"], expected["refused"], expected["violations"], expected["overrides"])
    assert total.vehicles > 0 and total.violations > 0
    got = {(k, u): q[0] for k, units in total.goods.items() for u, q in units.items() if q[0]}
    assert got == dict(expected_goods)
    assert any(q[1] for units in total.goods.values() for q in units.values())  # something was handed on
    # nothing is handed on twice: a household's bag label hands on one bag, not its whole delivery
    assert all(handed <= received for units in total.goods.values() for received, handed in units.values())


def test_the_same_package_twice_changes_nothing(world, merged):
    before = _state(world)
    again = _merge(world, _file(world, "SQB"))
    assert again.outcome == "same" and not again.registered
    assert _state(world) == before


@pytest.mark.parametrize("where", [0, 40, 200, 1500, 5000, 30000, -30, -1])
def test_a_package_with_one_byte_changed_is_refused(world, merged, where):
    data = bytearray(_file(world, "SQC"))
    data[where] ^= 0x01
    before = _state(world)
    with pytest.raises(ServiceError) as err:
        _merge(world, bytes(data))
    assert err.value.code in ("damaged", "bad_signature", "not_a_package")
    assert _state(world) == before


def test_a_package_signed_by_another_key_is_refused(world, merged, site_data):
    key = world.folder / "data" / "keys" / "SQA-ed25519.pem"
    saved = key.read_bytes()
    key.unlink()
    try:
        with world.sites["SQA"].session() as s:
            other = daypackage.export_day(s, actor=SUPERVISOR, now=EXPORTED + timedelta(minutes=5), day=DAY,
                                          tz=site_tz())
    finally:
        key.write_bytes(saved)
        key.chmod(0o600)
        with world.sites["SQA"].session() as s:  # the site takes its old key back
            setup.remember_choice(s, actor=SUPERVISOR, now=EXPORTED, key=signing.PUBLIC_KEY_SETTING,
                                  value=_public(saved))
    assert other.new_key
    before = _state(world)
    with pytest.raises(ServiceError) as err:
        _merge(world, other.data)
    assert err.value.code == "unknown_key" and merged[0].fingerprint in err.value.message
    assert _state(world) == before
    with pytest.raises(ServiceError) as err, world.centre.session() as s:  # a fingerprint misheard
        merge.accept_new_key(s, actor=CENTRE_ADMIN, now=EXPORTED, data=other.data, fingerprint="0000-0000")
    assert err.value.code == "fingerprint_mismatch" and _state(world) == before


def test_a_new_key_is_accepted_with_its_fingerprint_read_by_phone_and_the_old_one_then_refused(world, merged,
                                                                                                site_data):
    key = world.folder / "data" / "keys" / "SQC-ed25519.pem"
    saved = key.read_bytes()
    key.unlink()
    try:
        with world.sites["SQC"].session() as s:
            other = daypackage.export_day(s, actor=SUPERVISOR, now=EXPORTED + timedelta(minutes=20), day=DAY,
                                          tz=site_tz())
        with world.centre.session() as s:
            result = merge.accept_new_key(s, actor=CENTRE_ADMIN, now=EXPORTED + timedelta(hours=1), data=other.data,
                                          fingerprint=other.fingerprint.lower())
        assert result.outcome == "replaced" and result.fingerprint == other.fingerprint
        with world.centre.session(write=False) as s:
            site = s.exec(select(CentreSite).where(CentreSite.code == "SQC")).one()
            assert site.fingerprint == other.fingerprint
            assert audit_actions(s) >= {"centre.key_replaced"}
        with pytest.raises(ServiceError) as err:  # a package signed by the old key is now the foreign one
            _merge(world, _file(world, "SQC"))
        assert err.value.code == "unknown_key"
    finally:
        key.write_bytes(saved)
        key.chmod(0o600)


def audit_actions(s) -> set[str]:
    return {e.action for e in s.exec(select(AuditEvent)).all()}


def _public(pem: bytes) -> str:
    import base64

    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(pem, password=None)
    return base64.b64encode(signing.raw_public(key.public_key())).decode()


def test_a_corrected_package_replaces_the_earlier_one_and_says_what_changed(world, merged, site_data):
    later = EXPORTED + timedelta(hours=2)
    with world.sites["SQB"].session() as s:
        timeline.record_violation(s, actor=SUPERVISOR, now=EXPORTED - timedelta(hours=1), arrival_id=None,
                                  kind=timeline.VIOLATION_KINDS[0], description="补录：车窗未关")
    with world.sites["SQB"].session() as s:
        corrected = daypackage.export_day(s, actor=SUPERVISOR, now=later, day=DAY, tz=site_tz())
    assert not corrected.new_key
    with world.centre.session(write=False) as s:
        before = county_report.county(s, day=DAY, now=later).total.violations
    result = _merge(world, corrected.data, now=later + timedelta(minutes=1))
    assert result.outcome == "replaced"
    assert any(c.startswith("violations:") for c in result.changes), result.changes
    with world.centre.session(write=False) as s:
        view = county_report.county(s, day=DAY, now=later)
        active = s.exec(select(CentrePackage).where(CentrePackage.replaced_at.is_(None))).all()
    assert view.total.violations == before + 1 and len(active) == 3
    state = _state(world)
    assert _merge(world, _file(world, "SQB"), now=later + timedelta(minutes=2)).outcome == "same"  # the replaced one
    with world.sites["SQB"].session() as s:  # written before the corrected one, arriving after it
        stale = daypackage.export_day(s, actor=SUPERVISOR, now=later - timedelta(minutes=30), day=DAY, tz=site_tz())
    with pytest.raises(ServiceError) as err:
        _merge(world, stale.data, now=later + timedelta(minutes=3))
    assert err.value.code == "older"
    assert _state(world) == state


def test_registered_sites_without_a_package_are_listed_as_not_reported(world, merged):
    with world.centre.session(write=False) as s:
        view = county_report.county(s, day=DAY + timedelta(days=1), now=EXPORTED)
    assert view.sites == () and [code for code, _ in view.missing] == ["SQA", "SQB", "SQC"]


def test_only_a_command_centre_merges(world, merged):
    with pytest.raises(ServiceError) as err, world.sites["SQA"].session() as s:
        merge.merge_package(s, actor=SUPERVISOR, now=EXPORTED, data=_file(world, "SQB"))
    assert err.value.code == "not_centre"


def test_the_county_workbook_cell_by_cell(world, merged):
    with world.centre.session(write=False) as s:
        view = county_report.county(s, day=DAY, now=EXPORTED)
    wb = load_workbook(io.BytesIO(county_report.county_xlsx(view)))
    assert wb.sheetnames == ["概况", "必需品", "未上报"]
    ws = wb["概况"]
    assert [c.value for c in ws[1]] == ["站点代码", "站点", "车辆", "进入", "接驳", "劝返", "违规", "督查放行", "上报时间"]
    for row, f in enumerate(view.sites, start=2):
        assert [c.value for c in ws[row]][:8] == [f.code, f.name, f.vehicles, f.admitted, f.handoff, f.refused,
                                                  f.violations, f.overrides]
    last = [c.value for c in ws[len(view.sites) + 2]]
    assert last[0] == "合计" and last[2:8] == [view.total.vehicles, view.total.admitted, view.total.handoff,
                                               view.total.refused, view.total.violations, view.total.overrides]
    assert ws.max_row == len(view.sites) + 2
    ns = wb["必需品"]
    assert [c.value for c in ns[1]] == ["品类", "代码", "单位", "站点代码", "站点", "到货", "交出"]
    rows = [[c.value for c in r] for r in ns.iter_rows(min_row=2)]
    totals = {(r[1], r[2]): (r[5], r[6]) for r in rows if r[3] == "合计"}
    assert totals == {(k, u): q for k, units in view.total.goods.items() for u, q in units.items()}
    for key_unit, (received, handed) in totals.items():
        assert received == pytest.approx(sum(r[5] for r in rows if (r[1], r[2]) == key_unit and r[3] != "合计"))
        assert handed == pytest.approx(sum(r[6] for r in rows if (r[1], r[2]) == key_unit and r[3] != "合计"))
    grain = [r for r in rows if r[1] == "grain" and r[3] == "SQA"]
    assert grain and grain[0][0] == "粮食（大米、面粉）" and grain[0][4] == "宿迁学院东门卡口"
    assert wb["未上报"].max_row == 1


def test_the_site_daily_workbook_cell_by_cell(world):
    with zipfile.ZipFile(io.BytesIO(_file(world, "SQA"))) as zf:
        wb = load_workbook(io.BytesIO(zf.read("daily-report.xlsx")))
    with world.sites["SQA"].session(write=False) as s:
        view = reports.daily(s, day=DAY, tz=site_tz(), now=EXPORTED)
    assert wb.sheetnames == ["概况", "必需品", "车辆", "异常"]
    ws = wb["概况"]
    assert ws["A1"].value == "宿迁学院东门卡口 生活必需品日报 2026-11-30"
    assert [c.value for c in ws[3]] == ["项目", "数量", "代码"]
    for row, c in enumerate((*view.outcomes, *view.counts), start=4):
        assert (ws.cell(row, 1).value, ws.cell(row, 2).value, ws.cell(row, 3).value) == (c.label, c.value, c.key)
    ns = wb["必需品"]
    assert [c.value for c in ns[1]] == ["品类", "数量", "单位", "明细", "批次", "代码"]
    expected = [[n.name, q.quantity, q.unit, n.items or None, n.lines, n.key] for n in view.necessities
                for q in n.quantities]
    got = [[c.value for c in r] for r in ns.iter_rows(min_row=2) if r[1].value]
    assert got == expected
    vs = wb["车辆"]
    assert vs.max_row == len(view.vehicles) + 1
    assert [vs.cell(i + 2, 2).value for i in range(len(view.vehicles))] == [v.plate for v in view.vehicles]
    assert wb["异常"].max_row == len(view.anomalies) + 1


def test_the_centre_and_the_sites_verify_after_exporting_and_merging(world, merged):
    from desktop.services import verify

    for db in (world.centre, *world.sites.values()):
        with db.session(write=False) as s:
            assert verify.verify(s, dialect=db.dialect).ok


def test_the_county_pdf_names_every_site_and_necessity_and_rasterizes(world, merged, tmp_path):
    import subprocess

    from PIL import ImageStat
    from slipcheck import embedded_fonts, rasterize

    with world.centre.session(write=False) as s:
        view = county_report.county(s, day=DAY, now=EXPORTED)
    pdf = tmp_path / "county.pdf"
    pdf.write_bytes(county_report.county_pdf(view))
    fonts = embedded_fonts(pdf)
    assert fonts and all(embedded for _name, embedded in fonts) and all("WenQuanYi" in n for n, _ in fonts)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for words in ("县级生活必需品日报", "SQA 宿迁学院东门卡口", "SQB 城南社区团购点", "SQC 洋河镇中转站", "合计",
                  "粮食（大米、面粉）", "食用油", "蔬菜", "猪肉", "鸡蛋", "方便面", "火腿肠", "瓶装水", "未上报站点（0）"):
        assert words in text, words
    page = rasterize(pdf, 60).convert("L")
    assert ImageStat.Stat(page).mean[0] < 250


def test_what_is_not_a_package_is_refused_with_the_reason(world, merged):
    from desktop.documents import day_package

    for data, code in ((b"", "damaged"), (b"%PDF-1.4 not a zip", "damaged"),
                       (b"PK\x05\x06" + b"\0" * 18, "not_a_package"), (b"0" * (day_package.MAX_BYTES + 1), "too_big")):
        with pytest.raises(ServiceError) as err:
            _merge(world, data)
        assert err.value.code == code and err.value.message
