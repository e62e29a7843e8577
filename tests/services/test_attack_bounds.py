"""The attack scripts of issue #17, kept: values no sheet, pass or scan should carry are refused
with a message that repeats at most 40 characters of them, and nothing of them is stored."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from handoff_world import ready_slip
from household_sheets import households
from household_sheets import write_csv as write_orders
from sqlmodel import func, select

from desktop.domain import limits
from desktop.services import approvals, handoff, passes
from desktop.services import households as hh
from desktop.services.approvals import ApprovalDraft, OccupantDraft
from desktop.services.context import Actor, ServiceError
from desktop.services.handoff import VerdictKind as V
from desktop.store.models import (
    Approval,
    ApprovalCargo,
    ApprovalOccupant,
    AuditEvent,
    CustodyEvent,
    HouseholdOrder,
    Release,
    VehiclePass,
)
from tests.services.sheets import DRIVER_IDS, HEADER, good_rows, idn, write_csv

pytestmark = pytest.mark.usefixtures("site_points")

NOW = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)  # 10:00 in Suqian
LONG = "张" * 100_000
HUGE = "1" + "0" * 41  # 1e41 as a supplier would type it
TEAM = Actor("liu.yang", "handoff")


def count(db, *models) -> int:
    with db.session(write=False) as s:
        return sum(s.exec(select(func.count()).select_from(m)).one() for m in models)


def echoes_at_most_40(lines: list[str], value: str) -> None:
    text = "\n".join(lines)
    assert value[:41] not in text  # the value is quoted, not repeated whole
    assert all(len(line) < 300 for line in lines), [line[:100] for line in lines]


def import_rows(db, actor, tmp_path, rows, header=None) -> approvals.ImportReport:
    path = write_csv(tmp_path / "名单.csv", rows, encoding="utf-8-sig", header=header)
    with db.session() as s:
        return approvals.import_file(s, actor=actor, now=NOW, path=path)


def row(**changes: object) -> list[object]:
    """The first good row with some cells replaced (by header name), plus a remark column."""
    values = dict(zip([*HEADER, "备注"], [*good_rows()[0], ""], strict=True))
    values.update({k.replace("_", ""): v for k, v in changes.items()})
    return list(values.values())


def refused(db, actor, tmp_path, value: str, **cells: object) -> str:
    report = import_rows(db, actor, tmp_path, [row(**cells)], header=[*HEADER, "备注"])
    assert (report.imported, len(report.rejected)) == (0, 1)
    echoes_at_most_40(report.lines(), value)
    assert count(db, Approval, ApprovalOccupant, ApprovalCargo, VehiclePass) == 0  # the pass is not registered either
    return report.rejected[0].reason


# --- approval sheets ------------------------------------------------------------------------------


@pytest.mark.parametrize("written", [f"大米 {HUGE}袋", "大米 1e41袋", "大米 NaN袋", "大米 inf袋", "大米 -1袋",
                                     "大米 0.5e7袋"])
def test_a_quantity_that_is_not_a_real_amount_refuses_the_row(db, actor, tmp_path, written):
    reason = refused(db, actor, tmp_path, written, 物资类别及数量=written)
    assert "大米" in reason and str(limits.QUANTITY_MAX) in reason


def test_a_hundred_thousand_character_name_refuses_the_row(db, actor, tmp_path):
    reason = refused(db, actor, tmp_path, LONG, 驾驶员=LONG)
    assert "100000" in reason


def test_a_hundred_thousand_character_remark_refuses_the_row(db, actor, tmp_path):
    reason = refused(db, actor, tmp_path, LONG, 备注=LONG)
    assert "备注" in reason and "100000" in reason


def test_a_name_of_51_characters_is_too_long_and_50_is_not(db, actor, tmp_path):
    refused(db, actor, tmp_path, "王" * 51, 驾驶员="王" * 51)
    report = import_rows(db, actor, tmp_path, [row(驾驶员="王" * 50)], header=[*HEADER, "备注"])
    assert (report.imported, report.rejected) == (1, [])


def passengers(n: int) -> str:
    return "；".join(f"随车{i} {idn(f'3213021990{(i % 12) + 1:02d}{(i % 28) + 1:02d}{i % 1000:03d}')}"
                    for i in range(n))


def test_501_people_in_one_vehicle_refuses_the_row(db, actor, tmp_path):
    cell = passengers(500)
    reason = refused(db, actor, tmp_path, cell, 随车人员=cell)
    assert "501" in reason and str(limits.OCCUPANTS_MAX) in reason


def test_a_driver_and_19_passengers_are_accepted(db, actor, tmp_path):
    report = import_rows(db, actor, tmp_path, [row(随车人员=passengers(19))], header=[*HEADER, "备注"])
    assert (report.imported, report.rejected) == (1, [])
    assert count(db, ApprovalOccupant) == limits.OCCUPANTS_MAX


def test_501_people_typed_in_by_hand_are_refused(db, actor):
    people = tuple(OccupantDraft(f"人{i}", DRIVER_IDS[0], "13812345678") for i in range(501))
    with db.session() as s, pytest.raises(ServiceError) as err:
        approvals.add(s, actor=actor, now=NOW, draft=ApprovalDraft(
            plate="苏N12345", arrival_date=date(2026, 11, 30), supplier_name="宿迁市苏果超市配送中心",
            occupants=people))
    assert "501" in err.value.message
    assert count(db, Approval) == 0


@pytest.mark.parametrize("quantity", [1e41, float("nan"), float("inf"), -1.0])
def test_a_quantity_typed_in_by_hand_is_refused(db, actor, quantity):
    with db.session() as s, pytest.raises(ServiceError):
        approvals.add(s, actor=actor, now=NOW, draft=ApprovalDraft(
            plate="苏N12345", arrival_date=date(2026, 11, 30), supplier_name="宿迁市苏果超市配送中心",
            occupants=(OccupantDraft("张建国", DRIVER_IDS[0], "13812345678"),),
            cargo=(approvals.CargoLine("大米", quantity, "袋"),)))
    assert count(db, Approval, ApprovalCargo) == 0


def test_a_hundred_thousand_character_plate_is_quoted(db, actor, tmp_path):
    plate = "苏" + "N" * 100_000
    report = import_rows(db, actor, tmp_path, [row(车牌号=plate)], header=[*HEADER, "备注"])
    assert report.imported == 0
    echoes_at_most_40(report.lines(), plate)


# --- passes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["number", "holder"])
def test_a_pass_with_a_hundred_thousand_character_field_is_refused(db, actor, field):
    fields = {"number": "BG-0001", "holder": "宿迁市苏果超市配送中心", field: "A" * 100_000}
    with db.session() as s, pytest.raises(ServiceError) as err:
        passes.add(s, actor=actor, now=NOW, plate="苏N12345", valid_from=date(2026, 11, 1),
                   valid_to=date(2026, 12, 31), **fields)
    echoes_at_most_40([err.value.message], "A" * 100_000)
    assert count(db, VehiclePass) == 0


# --- household order sheets -----------------------------------------------------------------------


@pytest.mark.parametrize("column", [4, 6, 1])  # contact name, what they ordered, building
def test_a_hundred_thousand_character_cell_refuses_the_order_sheet(db, clock, actor, tmp_path, column):
    rows = households(2, ("1号楼",), 0)
    rows[1][column] = LONG
    with db.session() as s:
        report = hh.import_file(s, actor=actor, now=clock.now(), path=write_orders(tmp_path / "o.csv", rows),
                                pickup_day=date(2026, 11, 29))
    assert not report.ok and [p.row for p in report.problems] == [3]
    echoes_at_most_40(report.lines(), LONG)
    assert count(db, HouseholdOrder) == 0


def test_a_hundred_thousand_character_batch_name_is_refused(db, clock, actor, tmp_path):
    with db.session() as s, pytest.raises(ServiceError) as err:
        hh.import_file(s, actor=actor, now=clock.now(), path=write_orders(tmp_path / "o.csv", households(1, ("1",), 0)),
                       batch=LONG)
    echoes_at_most_40([err.value.message], LONG)
    assert count(db, HouseholdOrder) == 0


# --- scans ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("junk", ["A" * 10_000, "SQ-" * 3_334, "名" * 10_000])
def test_a_ten_thousand_character_scan_is_refused_and_not_recorded(db, clock, junk):
    with db.session(write=False) as s:
        events = s.exec(select(func.count()).select_from(AuditEvent)).one()
    with db.session() as s:
        v = handoff.scan(s, code=junk, actor=TEAM, clock=clock)
    assert v.kind is V.UNKNOWN and not v.ok and "10" in v.message
    echoes_at_most_40([v.message, v.code, v.headline], junk)
    assert count(db, CustodyEvent) == 0
    assert count(db, AuditEvent) == events


def test_a_code_of_64_characters_is_still_read(db, clock):
    with db.session() as s:
        v = handoff.scan(s, code="A" * limits.CODE_MAX, actor=TEAM, clock=clock)
    assert v.kind is V.UNKNOWN and count(db, CustodyEvent) == 1  # an ordinary refusal, recorded


def test_a_hundred_thousand_character_receiver_is_refused_before_the_release(db, clock):
    with db.session() as s:
        number = ready_slip(s, clock.read())
    with db.session() as s, pytest.raises(ServiceError) as err:
        handoff.scan(s, code=number, actor=TEAM, clock=clock, receiver=LONG)
    echoes_at_most_40([err.value.message], LONG)
    assert count(db, Release, CustodyEvent) == 0


@pytest.mark.parametrize("quantity", [1e41, float("nan"), float("inf"), -1.0, 0.0])
def test_a_partial_receipt_quantity_that_is_not_a_real_amount_is_refused(db, clock, quantity):
    with db.session() as s:
        number = ready_slip(s, clock.read())
    with db.session() as s:
        assert handoff.scan(s, code=number, actor=TEAM, clock=clock, receiver="王师傅", destination="一食堂").ok
    with db.session() as s, pytest.raises(ServiceError) as err:
        handoff.hand_over(s, code=number, actor=TEAM, now=clock.now(), kind="partial", quantity=quantity,
                          reason="少两袋")
    assert err.value.code == "bad_quantity"
    assert count(db, CustodyEvent) == 1  # only the release


def test_a_hundred_thousand_character_reason_is_refused(db, clock):
    with db.session() as s:
        number = ready_slip(s, clock.read())
    with db.session() as s:
        assert handoff.scan(s, code=number, actor=TEAM, clock=clock, receiver="王师傅", destination="一食堂").ok
    with db.session() as s, pytest.raises(ServiceError) as err:
        handoff.hand_over(s, code=number, actor=TEAM, now=clock.now(), kind="damage", reason=LONG)
    echoes_at_most_40([err.value.message], LONG)
    assert count(db, CustodyEvent) == 1
