"""Community cadence: order rounds of N site-local days, households that missed a round, and the
phone checks special-needs households are due every round (a call that did not get through
leaves them due)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from household_sheets import households, write_xlsx
from openpyxl import Workbook
from sqlmodel import select

from desktop.domain.localtime import site_today, site_tz
from desktop.services import audit, cadence, purge, register, setup
from desktop.services import households as hh
from desktop.services.context import Actor, ServiceError
from desktop.store.models import AuditEvent, Household, PhoneCheck

ADMIN = Actor("admin", "admin")
OFFICER = Actor("wang.fang", "households")  # review group: the community's information officer

# odd headers on purpose: brackets, a prefix, 户主 for the contact, 手机号码, a title row above
REGISTER_HEADER = ["序号", "小区名称", "楼栋号（必填）", "单元", "门牌号", "户主姓名", "手机号码", "特殊人群类别", "备注说明"]
REGISTER = [
    [1, "幸福里小区", "1号楼", "1单元", "101", "王女士", "13900000001", "", ""],
    [2, "幸福里小区", "1号楼", "1单元", "102", "李先生", "13900000002", "独居老人", "腿脚不便"],
    [3, "幸福里小区", "2号楼", "1单元", "101", "张女士", "13900000003", "孕妇", ""],
    [4, "幸福里小区", "10号楼", "2单元", "201", "刘先生", "13900000004", "否", ""],
]


def _register_sheet(path, rows=None, header=None):
    wb = Workbook()
    ws = wb.active
    ws.append(["幸福里小区 住户名册"])
    ws.append(header or REGISTER_HEADER)
    for r in rows if rows is not None else REGISTER:
        ws.append(r)
    wb.save(path)
    return path


def _at(day: date, hh_mm: str) -> datetime:
    """A site-local wall time as the UTC instant the services get."""
    h, m = map(int, hh_mm.split(":"))
    return datetime.combine(day, time(h, m), tzinfo=site_tz()).astimezone(UTC)


@pytest.fixture
def day0(clock) -> date:
    """The site-local day of the frozen test time: the first round starts here."""
    return site_today(clock.now())


def _orders(db, tmp_path, day, hhmm, rows, name):
    path = write_xlsx(tmp_path / f"{name}.xlsx", rows)
    with db.session() as s:
        report = hh.import_file(s, actor=OFFICER, now=_at(day, hhmm), path=path, batch=name, pickup_day=day)
    assert report.ok, report.lines()


def _order_row(building, unit, room):
    return ["幸福里小区", building, unit, room, "住户", 13900000099, "蔬菜套餐A×1", "", ""]


@pytest.fixture
def registered(db, tmp_path, day0):
    with db.session() as s:
        report = register.import_sheet(s, actor=OFFICER, now=_at(day0, "08:00"), path=_register_sheet(tmp_path / "r.xlsx"))
    assert report.ok and (report.added, report.special) == (4, 2)
    assert report.ignored == ["序号"]
    return report


def test_a_round_runs_from_site_midnight_for_n_days(db, tmp_path, day0):
    _orders(db, tmp_path, day0, "23:50", [_order_row("1号楼", "1单元", "101")], "B0")  # late evening: still day0
    with db.session(write=False) as s:
        first = cadence.current_round(s, _at(day0 + timedelta(days=2), "23:59"))
        second = cadence.current_round(s, _at(day0 + timedelta(days=3), "00:01"))
    assert (first.index, first.first_day, first.last_day) == (0, day0, day0 + timedelta(days=2))
    assert (second.index, second.first_day) == (1, day0 + timedelta(days=3))
    assert first.ends_at == second.starts_at == _at(day0 + timedelta(days=3), "00:00")
    assert second.previous() == first
    with db.session() as s:
        setup.set_setting(s, actor=ADMIN, now=_at(day0, "09:00"), key=cadence.ROUND_DAYS_KEY, value=1)
    with db.session(write=False) as s:
        assert cadence.current_round(s, _at(day0 + timedelta(days=2), "00:30")).index == 2
        assert "每1天" in cadence.current_round(s, _at(day0, "12:00")).text()


def test_missed_lists_households_without_an_order_and_who_missed_the_round_before(db, tmp_path, day0, registered):
    _orders(db, tmp_path, day0, "10:00", [_order_row("1号楼", "1单元", "101"), _order_row("2号楼", "1单元", "101")],
            "B0")
    with db.session(write=False) as s:
        rnd = cadence.current_round(s, _at(day0, "20:00"))
        rows = cadence.missed(s, rnd)
    assert [r.address for r in rows] == ["1号楼 1单元 102", "10号楼 2单元 201"]
    assert not any(r.also_previous for r in rows)  # registered during this round: nothing before it
    assert rows[0].phone == "139****0002" and rows[0].special_needs

    later = day0 + timedelta(days=3)
    _orders(db, tmp_path, later, "09:30", [_order_row("1号楼", "1单元", "101")], "B1")
    with db.session(write=False) as s:
        rnd = cadence.current_round(s, _at(later, "18:00"))
        rows = cadence.missed(s, rnd)
    assert rnd.index == 1
    assert [(r.address, r.also_previous) for r in rows] == [
        ("1号楼 1单元 102", True), ("2号楼 1单元 101", False), ("10号楼 2单元 201", True)]


def test_phone_checks_due_recorded_and_a_call_not_reached_stays_due(db, tmp_path, day0, registered):
    with db.session(write=False) as s:
        due = cadence.due_checks(s, _at(day0, "09:00"))
    assert [(r.address, r.special_note, r.phone) for r in due] == [
        ("1号楼 1单元 102", "独居老人；腿脚不便", "139****0002"), ("2号楼 1单元 101", "孕妇", "139****0003")]
    elder, mother = due[0].household_id, due[1].household_id

    with db.session() as s:
        cadence.record_check(s, actor=OFFICER, now=_at(day0, "10:00"), household_id=elder, outcome=cadence.NOT_REACHED)
        cadence.record_check(s, actor=OFFICER, now=_at(day0, "10:05"), household_id=mother,
                             outcome=cadence.NEEDS_HELP, note="需要送叶酸片")
    with pytest.raises(ServiceError) as err, db.session() as s:
        cadence.record_check(s, actor=OFFICER, now=_at(day0, "10:06"), household_id=mother, outcome=cadence.NEEDS_HELP)
    assert err.value.code == "note_required"
    with pytest.raises(ServiceError) as err, db.session() as s:
        cadence.record_check(s, actor=OFFICER, now=_at(day0, "10:06"), household_id=mother, outcome="maybe")
    assert err.value.code == "bad_outcome"

    with db.session(write=False) as s:
        rows = cadence.phone_checks(s, _at(day0, "11:00"))
    assert [(r.address, r.due, r.attempts, r.last_outcome, r.last_caller) for r in rows] == [
        ("1号楼 1单元 102", True, 1, "not_reached", "wang.fang"),
        ("2号楼 1单元 101", False, 1, "reached_needs_help", "wang.fang")]
    assert rows[1].last_note == "需要送叶酸片" and rows[1].last_caller_name == "王芳"

    with db.session(write=False) as s:  # the next round: both due again; the elder not reached in the last one
        rows = cadence.phone_checks(s, _at(day0 + timedelta(days=3), "00:05"))
    assert [(r.address, r.due, r.overdue, r.attempts) for r in rows] == [
        ("1号楼 1单元 102", True, True, 0), ("2号楼 1单元 101", True, False, 0)]

    with db.session(write=False) as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "cadence.phone_check")).all()
        assert [e.operator for e in events] == ["wang.fang", "wang.fang"]
        assert not any("叶酸" in e.data or "13900000003" in e.data for e in events)  # no note, no full phone
        chain = audit.verify_chain(s)
        assert chain.broken is None and chain.head_ok


def test_only_the_households_permission_records_a_call(db, day0, registered):
    with db.session(write=False) as s:
        hid = cadence.due_checks(s, _at(day0, "09:00"))[0].household_id
    with pytest.raises(ServiceError) as err, db.session() as s:
        cadence.record_check(s, actor=Actor("li.qiang", "gate"), now=_at(day0, "10:00"), household_id=hid,
                             outcome=cadence.REACHED_OK)
    assert err.value.code == "forbidden"
    with db.session() as s:
        cadence.record_check(s, actor=Actor("duty", "households"), now=_at(day0, "10:00"), household_id=hid,
                             outcome=cadence.REACHED_OK)
    with db.session(write=False) as s:
        assert [r.address for r in cadence.due_checks(s, _at(day0, "10:01"))] == ["2号楼 1单元 101"]


def test_a_register_with_bad_rows_imports_nothing_and_names_each(db, tmp_path, day0):
    rows = [*REGISTER, [5, "幸福里小区", "1号楼", "1单元", "101", "重复", "13900000009", "", ""],
            [6, "幸福里小区", "3号楼", "1单元", "301", "赵", "", "慢病", ""],
            [7, "幸福里小区", "", "1单元", "401", "钱", "555", "", ""]]
    with db.session() as s:
        report = register.import_sheet(s, actor=OFFICER, now=_at(day0, "08:00"),
                                       path=_register_sheet(tmp_path / "bad.xlsx", rows))
    assert not report.ok and [p.row for p in report.problems] == [7, 8, 9]
    reasons = [p.reason for p in report.problems]
    assert "与第3行重复" in reasons[0] and "须有电话" in reasons[1]
    assert "缺少楼栋" in reasons[2] and "555" in reasons[2]
    assert "未导入" in report.lines()[0]
    with db.session(write=False) as s:
        assert s.exec(select(Household)).all() == []


def test_importing_again_updates_and_typing_one_in_works(db, tmp_path, day0, registered):
    changed = [list(r) for r in REGISTER]
    changed[3][7] = "慢病"
    with db.session() as s:
        again = register.import_sheet(s, actor=OFFICER, now=_at(day0, "12:00"),
                                      path=_register_sheet(tmp_path / "r2.xlsx", changed))
    assert (again.added, again.updated, again.unchanged) == (0, 1, 3)
    no_phones = [[r[0], r[1], r[2], r[3], r[4], r[5], r[7]] for r in changed]  # a sheet without a phone column
    header = [h for h in REGISTER_HEADER if h not in ("手机号码", "备注说明")]
    with db.session() as s:
        third = register.import_sheet(s, actor=OFFICER, now=_at(day0, "12:10"),
                                      path=_register_sheet(tmp_path / "r3.xlsx", no_phones, header))
        assert third.ok and third.unchanged == 3 and third.updated == 1  # the elder's note 腿脚不便 went with 备注
        assert {h.phone for h in s.exec(select(Household)).all()} == {f"1390000000{i}" for i in range(1, 5)}
    with db.session() as s:
        row = register.add(s, actor=OFFICER, now=_at(day0, "12:30"), building="3号楼", unit="1单元", room="301",
                           contact="赵", phone="139 0000 0005", special="是", note="独居")
        assert (row.phone, row.special_needs, row.special_note) == ("13900000005", True, "独居")
    with pytest.raises(ServiceError) as err, db.session() as s:
        register.add(s, actor=OFFICER, now=_at(day0, "12:31"), building="3号楼", room="")
    assert err.value.code == "bad_household"
    with db.session(write=False) as s:
        assert len(cadence.due_checks(s, _at(day0, "13:00"))) == 4


def test_households_come_into_the_register_from_an_order_batch(db, tmp_path, day0):
    _orders(db, tmp_path, day0, "09:00", households(2, ("1号楼",), 0), "B0")
    with db.session() as s:
        assert register.add_from_orders(s, actor=OFFICER, now=_at(day0, "09:10"), batch="B0") == 2
        assert register.add_from_orders(s, actor=OFFICER, now=_at(day0, "09:11"), batch="B0") == 0
    with db.session(write=False) as s:
        assert cadence.missed(s, cadence.current_round(s, _at(day0, "10:00"))) == []


def test_the_retention_purge_empties_names_phones_and_call_notes(db, day0, registered):
    with db.session(write=False) as s:
        hid = cadence.due_checks(s, _at(day0, "09:00"))[1].household_id
    with db.session() as s:
        cadence.record_check(s, actor=OFFICER, now=_at(day0, "10:00"), household_id=hid,
                             outcome=cadence.NEEDS_HELP, note="需要送药 13900000003")
    later = _at(day0 + timedelta(days=40), "09:00")
    with db.session(write=False) as s:
        due = purge.plan(s, now=later)
    assert (due.counts["household"], due.counts["phone_check"]) == (4, 1)
    with db.session() as s:
        purge.purge(s, actor=ADMIN, now=later)
    with db.session(write=False) as s:
        rows = s.exec(select(Household)).all()
        assert {(h.contact_name, h.phone, h.special_note) for h in rows} == {("", "", "")}
        assert {h.special_needs for h in rows} == {True, False}  # the flag stays: they are still called
        assert [c.note for c in s.exec(select(PhoneCheck)).all()] == [""]
        assert purge.plan(s, now=later).counts["household"] == 0
        chain = audit.verify_chain(s)
        assert chain.broken is None and chain.head_ok


def test_a_register_that_asks_is_special_reads_the_need_from_its_header(db, tmp_path, day0):
    """是否独居老人 with 是 under it: the household is special and its need is 独居老人 (the column was
    not read at all, and a bare 是 would have been the need)."""
    header = ["楼栋", "单元", "房号", "户主", "电话", "是否独居老人"]
    rows = [["1号楼", "1单元", "101", "王", "13900000001", "是"], ["1号楼", "1单元", "102", "李", "13900000002", "否"]]
    with db.session() as s:
        report = register.import_sheet(s, actor=OFFICER, now=_at(day0, "08:00"),
                                       path=_register_sheet(tmp_path / "r.xlsx", rows=rows, header=header))
    assert report.ok and report.special == 1 and report.ignored == []
    with db.session(write=False) as s:
        got = {h.room: (h.special_needs, h.special_note) for h in s.exec(select(Household)).all()}
    assert got == {"101": (True, "独居老人"), "102": (False, "")}


def test_a_registers_total_row_is_named(db, tmp_path, day0):
    rows = [*REGISTER, ["合计", "", "", "", "", "4户", "", "", ""]]
    with db.session() as s:
        report = register.import_sheet(s, actor=OFFICER, now=_at(day0, "08:00"), path=_register_sheet(tmp_path / "r.xlsx", rows))
    assert report.ok and report.added == 4 and report.totals == [7]
    assert report.lines()[-1] == "合计行未作为住户：第7行"
