"""Group buying: import an order sheet into one batch of bags with labels and pickup slots."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from household_sheets import HEADER, households, write_csv, write_xlsx
from sqlmodel import select

from desktop.domain.clock import ManualClock
from desktop.domain.localtime import site_tz
from desktop.services import audit, disinfection, handoff, slips
from desktop.services import households as hh
from desktop.services.context import Actor, ServiceError
from desktop.store.models import AuditEvent, Bag, Consignment, HouseholdOrder, Slip
from tests.conftest import DEFAULT_NOW


@pytest.fixture
def clock() -> ManualClock:
    """This scenario writes its times out (samples at 08:00, lists by day): it runs at the default
    time, 09:00 on 2026-11-29 at the site, whatever GATEHOUSE_TEST_NOW says."""
    return ManualClock(start=DEFAULT_NOW)


DAY = date(2026, 11, 29)


def _import(db, clock, actor, path, **kw):
    with db.session() as s:
        return hh.import_file(s, actor=actor, now=clock.now(), path=path, pickup_day=DAY, **kw)


def _count(db, model):
    with db.session(write=False) as s:
        return len(s.exec(select(model)).all())


def test_xlsx_with_a_title_row_becomes_one_batch_of_labelled_bags(db, clock, actor, tmp_path):
    report = _import(db, clock, actor, write_xlsx(tmp_path / "orders.xlsx", households()), batch="B1")
    assert report.ok and report.imported == 30 and report.door == 2
    assert len(report.labels) == len(set(report.labels)) == 30
    with db.session(write=False) as s:
        goods = s.exec(select(Consignment)).all()
        assert [(g.category, g.quantity, g.unit, g.state) for g in goods] == [("团购", 30, "袋", "needs_disinfection")]
        labels = s.exec(select(Slip)).all()
        assert {x.kind for x in labels} == {"bag_label"} and all(x.bag_id for x in labels)
        assert {b.consignment_id for b in s.exec(select(Bag)).all()} == {goods[0].id}
        orders = s.exec(select(HouseholdOrder)).all()
        assert {o.phone for o in orders if o.building == "1号楼"} >= {"13900000000"}
        assert {o.room for o in orders} >= {"101", "102", "501"}
        door = hh.door_list(s, "B1")
        assert [(d.building, d.special_needs, d.slot_start) for d in door] == [("10号楼", True, None)] * 2
        actions = [e.action for e in s.exec(select(AuditEvent)).all()]
        assert actions.count("household.order") == 30 and actions.count("household.import") == 1
        assert actions.count("slip.issue") == 30
        chain = audit.verify_chain(s)
        assert chain.broken is None and chain.head_ok


def test_slots_are_staggered_building_by_building_in_natural_order(db, clock, actor, tmp_path):
    _import(db, clock, actor, write_xlsx(tmp_path / "o.xlsx", households()), batch="B1", first_slot="09:00",
            slot_minutes=15)
    with db.session(write=False) as s:
        plan = hh.schedule(s, "B1")
    local = [(hh.local_hhmm(x.start), hh.local_hhmm(x.end), x.building, x.households) for x in plan]
    assert local == [("09:00", "09:15", "1号楼", 10), ("09:15", "09:30", "2号楼", 10), ("09:30", "09:45", "10号楼", 8)]
    assert plan[0].start == datetime(2026, 11, 29, 1, 0, tzinfo=UTC)


def test_a_big_building_is_split_over_several_slots(db, clock, actor, tmp_path):
    _import(db, clock, actor, write_xlsx(tmp_path / "o.xlsx", households(25, ("3栋",), special=0)), batch="B",
            per_slot=10, slot_minutes=20, first_slot="14:00")
    with db.session(write=False) as s:
        plan = hh.schedule(s, "B")
    assert [(hh.local_hhmm(x.start), x.households) for x in plan] == [("14:00", 10), ("14:20", 10), ("14:40", 5)]


def test_slot_defaults_come_from_the_settings(db, clock, actor, tmp_path):
    with db.session() as s:
        from desktop.services import setup
        admin = Actor("admin", "admin")
        setup.set_setting(s, actor=admin, now=clock.now(), key=hh.SLOT_MINUTES_KEY, value=30)
        setup.set_setting(s, actor=admin, now=clock.now(), key=hh.FIRST_SLOT_KEY, value="08:30")
    _import(db, clock, actor, write_xlsx(tmp_path / "o.xlsx", households(3, ("1", "2"), 0)), batch="B")
    with db.session(write=False) as s:
        assert [hh.local_hhmm(x.start) for x in hh.schedule(s, "B")] == ["08:30", "09:00"]


def test_bad_rows_are_reported_by_number_and_nothing_is_written(db, clock, actor, tmp_path):
    rows = households(2, ("1号楼",), 0)
    rows += [["幸福里小区", "", "1单元", 301, "甲", "13900001111", "", "", ""],  # 4: no building
             ["幸福里小区", "1号楼", "1单元", "", "乙", "13900001112", "", "", ""],  # 5: no room
             ["幸福里小区", "1号楼", "1单元", 401, "丙", "139000012", "", "", ""],  # 7: bad phone
             ["幸福里小区", "1号楼", "1单元", 101, "丁", "13900001113", "", "", ""],  # 7: same household as row 2
             ["幸福里小区", "1号楼", "2单元", 402, "戊", "", "", "", ""]]  # 8: no phone
    before = _count(db, AuditEvent)
    report = _import(db, clock, actor, write_xlsx(tmp_path / "bad.xlsx", rows, title=None))
    assert not report.ok and report.imported == 0
    got = {p.row: p.reason for p in report.problems}
    assert set(got) == {4, 5, 6, 7, 8}
    assert "楼栋" in got[4] and "房号" in got[5] and "139000012" in got[6] and "第2行" in got[7] and "电话" in got[8]
    assert _count(db, HouseholdOrder) == _count(db, Bag) == _count(db, Slip) == _count(db, Consignment) == 0
    assert _count(db, AuditEvent) == before
    assert "未导入" in report.lines()[0]


def test_reimporting_the_same_file_changes_nothing(db, clock, actor, tmp_path):
    path = write_xlsx(tmp_path / "o.xlsx", households())
    first = _import(db, clock, actor, path, batch="B1")
    before = (_count(db, HouseholdOrder), _count(db, Slip), _count(db, AuditEvent))
    clock.advance(timedelta(minutes=5))
    again = _import(db, clock, actor, path, batch="B1")
    assert again.ok and again.imported == 0 and again.unchanged == 30
    assert again.consignment_id == first.consignment_id
    assert (_count(db, HouseholdOrder), _count(db, Slip), _count(db, AuditEvent)) == before


def test_the_same_batch_name_with_other_households_is_refused(db, clock, actor, tmp_path):
    _import(db, clock, actor, write_xlsx(tmp_path / "a.xlsx", households(2, ("1",), 0)), batch="B1")
    with pytest.raises(ServiceError) as e:
        _import(db, clock, actor, write_xlsx(tmp_path / "b.xlsx", households(3, ("1",), 0)), batch="B1")
    assert e.value.code == "batch_exists"
    assert _count(db, HouseholdOrder) == 2


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_csv_in_gbk_or_utf8_with_columns_in_any_order(db, clock, actor, tmp_path, encoding):
    order = [7, 5, 3, 1, 0, 2, 4, 6, 8]
    header = [HEADER[i] for i in order]
    rows = [[r[i] for i in order] for r in households(2, ("5号楼",), 1)]
    rows[1][header.index("送货方式")] = "送货上门"  # a household asking for the door without special needs
    header[header.index("电话")] = "联系电话"
    report = _import(db, clock, actor, write_csv(tmp_path / "o.csv", rows, encoding, header), batch="C")
    assert report.ok and report.imported == 2 and report.door == 2
    with db.session(write=False) as s:
        got = {(b.room, b.special_needs, b.delivery) for b in hh.bags(s, "C")}
    assert got == {("101", True, "door"), ("102", False, "door")}


def test_phone_numbers(monkeypatch):
    assert hh.normalise_phone("139 0527 1234") == "13905271234"
    assert hh.normalise_phone("+86 139-0527-1234") == "13905271234"
    assert hh.normalise_phone("0527-84561234") == "052784561234"
    assert hh.normalise_phone("84561234") == "84561234"
    for bad in ("12345678901", "1390527123", "abc", "139052712345"):
        assert hh.normalise_phone(bad) is None


def test_a_sheet_without_the_needed_columns_is_refused(db, clock, actor, tmp_path):
    path = write_csv(tmp_path / "x.csv", [["1", "2"]], "utf-8", ["小区", "楼栋", "联系人"])
    with pytest.raises(ServiceError) as e:
        _import(db, clock, actor, path)
    assert e.value.code == "missing_columns"


def test_bags_are_disinfected_then_picked_up_by_scanning_their_label(db, clock, actor, tmp_path):
    report = _import(db, clock, actor, write_xlsx(tmp_path / "o.xlsx", households(3, ("1号楼", "2号楼"), 1)), batch="B")
    sprayer, team = Actor("chen.jing", "disinfection"), Actor("liu.yang", "handoff")
    clock.advance(timedelta(minutes=10))
    now = clock.now()
    with db.session() as s:
        disinfection.record(s, actor=sprayer, clock=clock, form=disinfection.DisinfectionForm(
            location="gate", agent="84消毒液", dilution="1:100", parts=("外包装",), operators=("陈静",),
            ppe_mask=True, ppe_gloves=True, ppe_gown=True, started_at=now - timedelta(minutes=5), ended_at=now,
            slips=(report.labels[0],)))
    with db.session() as s:
        assert hh.batches(s)[0].goods_state == "dwelling"
        early = handoff.scan(s, code=report.labels[0], actor=team, clock=clock)
    assert early.kind is handoff.VerdictKind.NOT_YET
    clock.advance(timedelta(minutes=31))
    with db.session(write=False) as s:
        first_building = hh.buildings(s, "B")[0]
    number = first_building.bags[0].label
    with db.session() as s:
        v = handoff.scan(s, code=number, actor=team, clock=ManualClock(start=clock.now()), receiver="住户")
    assert v.ok
    with db.session(write=False) as s:
        rows = {r.building: r for r in hh.buildings(s, "B")}
        assert (rows["1号楼"].waiting, rows["1号楼"].picked_up, rows["1号楼"].door) == (2, 1, 0)
        assert (rows["2号楼"].waiting, rows["2号楼"].door) == (2, 1)
        left = hh.waiting(s, "B")
        assert sum(len(r.bags) for r in left) == 5 and number not in {b.label for r in left for b in r.bags}
        assert hh.batches(s)[0].waiting == 4
        assert hh.batch_info(s, "B") == hh.batches(s)[0] and hh.batch_info(s, "nope") is None


def test_reschedule_moves_every_pickup_slot(db, clock, actor, tmp_path):
    _import(db, clock, actor, write_xlsx(tmp_path / "o.xlsx", households(2, ("1", "2"), 0)), batch="B")
    with db.session() as s:
        plan = hh.reschedule(s, actor=actor, now=clock.now(), batch="B", pickup_day=DAY + timedelta(days=1),
                             first_slot="10:00", slot_minutes=10)
    assert [(x.start.astimezone(site_tz()).strftime("%d %H:%M"), x.building) for x in plan] == [
        ("30 10:00", "1"), ("30 10:10", "2")]


def test_unknown_batch(db):
    with db.session(write=False) as s, pytest.raises(ServiceError):
        hh.buildings(s, "nope")
    assert slips  # the labels are plain slips of kind bag_label


def test_the_same_file_without_a_batch_name_is_the_same_batch_on_another_day(db, clock, actor, tmp_path):
    path = write_xlsx(tmp_path / "团购.xlsx", households(2, ("1",), 0))
    first = _import(db, clock, actor, path)
    assert first.batch == "1129-团购" and first.imported == 2
    clock.advance(timedelta(days=3))
    again = _import(db, clock, actor, path)
    assert (again.batch, again.imported, again.unchanged) == ("1129-团购", 0, 2)
    newer = _import(db, clock, actor, write_xlsx(tmp_path / "团购.xlsx", households(3, ("1",), 0)))
    assert (newer.batch, newer.imported) == ("1202-团购", 3)  # the next round, a new sheet under the same name


def test_an_order_sheet_in_other_words_keeps_every_column_or_names_it(db, clock, actor, tmp_path):
    """Headers none of the earlier spellings had: 特殊情况 (a special need was dropped without a word,
    so an old person living alone got a pickup slot), 购买商品 and 份数 (the order's content was
    dropped); 门牌号/楼号/单元号/收货人/手机号码 as before. What is not read is named."""
    header = ["序号", "楼号", "单元号", "门牌号", "收货人", "手机号码", "购买商品", "份数", "配送方式", "特殊情况", "下单时间"]
    rows = [[1, "3号楼", "2单元", "301", "王阿姨", "13912345678", "蔬菜包", 2, "自提", "", "12-02 20:15"],
            [2, "3栋", "2", "302室", "李先生", "138 0000 1111", "蔬菜包；鸡蛋", 1, "", "独居老人", ""],
            [3, "5", "1", "101", "张", "13800002222", "大米", "2袋", "送货上门", "", ""]]
    report = _import(db, clock, actor, write_xlsx(tmp_path / "其他写法.xlsx", rows, header=header), batch="W")
    assert report.ok and report.imported == 3
    assert report.ignored == ["序号", "下单时间"]
    assert report.lines()[-1] == "未读取的列：序号、下单时间" and report.as_dict()["ignored"] == ["序号", "下单时间"]
    with db.session(write=False) as s:
        got = {o.room: (o.items, o.special_needs, o.delivery, o.contact_name)
               for o in s.exec(select(HouseholdOrder).where(HouseholdOrder.batch == "W")).all()}
    assert got == {"301": ("蔬菜包 ×2", False, "pickup", "王阿姨"),
                   "302室": ("蔬菜包;鸡蛋", True, "door", "李先生"),  # (full-width folded, as every cell)  # special needs: to the door, no slot
                   "101": ("大米 2袋", False, "door", "张")}


def test_two_columns_that_say_one_thing_are_a_question_not_a_guess(db, clock, actor, tmp_path):
    header = ["楼栋", "房号", "电话", "手机"]
    with pytest.raises(ServiceError) as caught:
        _import(db, clock, actor, write_xlsx(tmp_path / "两个电话.xlsx", [["1", "101", "13912345678", "13912345679"]],
                                             header=header), batch="Q")
    assert caught.value.code == "ambiguous_columns" and "电话、手机" in caught.value.message
    assert _count(db, HouseholdOrder) == 0


@pytest.mark.parametrize(("header", "door_values", "pickup_values"), [
    ("是否送货上门", ("是", "需要", "√"), ("否", "", "不需要")),
    ("是否自提", ("否", "不"), ("是", "")),
    ("配送方式", ("送货上门", "送到家"), ("自提", "")),
])
def test_a_yes_no_delivery_column_means_what_its_header_asks(db, clock, actor, tmp_path, header, door_values,
                                                             pickup_values):
    values = [*door_values, *pickup_values]
    rows = [["1号楼", "1单元", str(101 + i), f"住户{i}", f"139000000{i:02d}", v] for i, v in enumerate(values)]
    report = _import(db, clock, actor, write_xlsx(tmp_path / "o.xlsx", rows,
                                                  header=["楼栋", "单元", "房号", "联系人", "电话", header]), batch="D")
    assert report.ok and report.door == len(door_values)
    with db.session(write=False) as s:
        door = {o.room for o in s.exec(select(HouseholdOrder).where(HouseholdOrder.batch == "D")).all()
                if o.delivery == "door"}
    assert door == {str(101 + i) for i in range(len(door_values))}


def test_a_yes_under_a_special_needs_question_records_the_need_the_header_names(db, clock, actor, tmp_path):
    rows = [["1号楼", "101", "13900000001", "是"], ["1号楼", "102", "13900000002", "否"],
            ["1号楼", "103", "13900000003", "行动不便"]]
    _import(db, clock, actor, write_xlsx(tmp_path / "o.xlsx", rows, header=["楼栋", "房号", "电话", "是否独居老人"]),
            batch="S")
    with db.session(write=False) as s:
        needs = {o.room: (o.special_needs, o.delivery) for o in
                 s.exec(select(HouseholdOrder).where(HouseholdOrder.batch == "S")).all()}
        told = {json.loads(e.data)["room"]: json.loads(e.data)["special_needs"] for e in
                s.exec(select(AuditEvent).where(AuditEvent.action == "household.order")).all()}
    assert needs == {"101": (True, "door"), "102": (False, "pickup"), "103": (True, "door")}
    assert (told["101"], told["102"], told["103"]) == ("独居老人", "", "行动不便")


def test_a_total_row_under_the_orders_is_named_not_refused(db, clock, actor, tmp_path):
    """合计 under the rows, with the sum of the 份数 column: the sheet's sums, not a household (the
    import refused the whole sheet for it once 份数 was read)."""
    header = ["序号", "楼栋", "房号", "电话", "物品", "份数"]
    rows = [[1, "1号楼", "101", "13900000001", "蔬菜包", 2], [2, "1号楼", "102", "13900000002", "蔬菜包", 1],
            ["合计", "", "", "", "", 3]]
    report = _import(db, clock, actor, write_xlsx(tmp_path / "合计.xlsx", rows, header=header), batch="T")
    assert report.ok and report.imported == 2 and report.totals == [5]
    assert "合计行未作为订单：第5行" in report.lines()
    # a row with a household in it is an order, whatever else it says
    rows[2] = ["合计", "1号楼", "103", "13900000003", "蔬菜包", 1]
    report = _import(db, clock, actor, write_xlsx(tmp_path / "合计2.xlsx", rows, header=header), batch="T2")
    assert report.imported == 3 and report.totals == []
