"""Demo step: a group-buying delivery (团购) for 30 households of 幸福里小区 in three buildings.

The contact person's order sheet (two special-needs households: door delivery) is imported as one
batch with its bag labels; the delivery is disinfected at the gate through the disinfection
service (one scanned bag label covers the whole delivery); once the dwell is over, the first
building's residents pick up most of their bags (scanned through the handoff service) and one
door delivery is made. Everything else stays on the waiting list. Times are relative to the real
now, read as this machine's clocks would have read them (as the disinfection step does), so the
dwell board agrees.
"""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from desktop.services import disinfection, dwell, handoff, households
from desktop.services.context import Actor
from desktop.services.demo import DemoDay, aligned_clock

OFFICER = Actor("wang.fang", "gate")  # the community's information officer imports the sheet
SPRAYER = Actor("chen.jing", "disinfection")
TEAM = Actor("liu.yang", "handoff")
COMMUNITY = "幸福里小区"
BUILDINGS = ("1号楼", "2号楼", "3号楼")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
BASKETS = ("蔬菜套餐A×1；鸡蛋10枚", "蔬菜套餐B×1；猪肉1kg", "大米5kg；食用油1桶", "蔬菜套餐A×2；牛奶1箱",
           "水果套餐×1；面条2袋")
SPECIAL = {(2, 3): "独居老人", (2, 7): "残疾；无智能手机"}  # (building index, household index)


def batch_name(demo: DemoDay) -> str:
    return f"{demo.day:%m%d}-{COMMUNITY}"


def order_rows(demo: DemoDay) -> list[list[object]]:
    rows: list[list[object]] = []
    for b, building in enumerate(BUILDINGS):
        for i in range(10):
            unit = f"{i % 2 + 1}单元"
            room = f"{i // 2 + 1}0{i % 2 + 1}"
            name = SURNAMES[(b * 10 + i) % len(SURNAMES)] + ("先生" if (i + b) % 2 else "女士")
            phone = f"1{demo.rng.choice('3589')}{demo.rng.randrange(10**9):09d}"
            rows.append([COMMUNITY, building, unit, room, name, phone, BASKETS[(b + i) % len(BASKETS)],
                         SPECIAL.get((b, i), ""), "送货上门" if (b, i) in SPECIAL else "自提"])
    return rows


def _sheet(folder: Path, demo: DemoDay) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "团购订单"
    ws.append([f"{COMMUNITY} {demo.day:%m月%d日} 团购汇总表"])
    ws.append(["楼栋", "单元", "房号", "联系人", "电话", "物品", "特殊需要", "送货方式", "小区"])
    for r in order_rows(demo):
        ws.append([r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[0]])
    path = folder / f"{COMMUNITY}团购.xlsx"
    wb.save(path)
    return path


def run(demo: DemoDay) -> dict[str, int]:
    name = batch_name(demo)
    with demo.db.session(write=False) as s:
        if any(b.name == name for b in households.batches(s)):
            return {"household_bags": 0}
    clock = aligned_clock(demo)
    real = demo.real_now
    with tempfile.TemporaryDirectory() as folder:
        clock.wall = real - timedelta(hours=3)
        with demo.db.session() as s:
            report = households.import_file(s, actor=OFFICER, now=clock.wall, path=_sheet(Path(folder), demo),
                                            batch=name, pickup_day=demo.day, first_slot="09:00", slot_minutes=15)
    clock.wall += timedelta(minutes=10)  # the labels go to the supplier, who packs one bag per label
    with demo.db.session() as s:
        households.record_label_prints(s, actor=OFFICER, now=clock.wall, numbers=report.labels,
                                       printer="GP-3120TU", paper="60x40")
    clock.wall = real - timedelta(minutes=65)  # the supplier's van is at the gate; the bags are sprayed there
    with demo.db.session() as s:
        done = disinfection.record(s, actor=SPRAYER, clock=clock, form=disinfection.DisinfectionForm(
            location="gate", agent="84消毒液", dilution="1:100", parts=("外包装",), operators=("陈静", "赵磊"),
            ppe_mask=True, ppe_gloves=True, ppe_gown=True, started_at=clock.wall - timedelta(minutes=6),
            ended_at=clock.wall, slips=(report.labels[0],)))
    with demo.db.session(write=False) as s:
        rows = households.buildings(s, name)
    clock.wall = real - timedelta(minutes=26)  # the alarm rang; the handoff team confirms it
    with demo.db.session() as s:
        dwell.acknowledge(s, actor=TEAM, clock=clock, timer_ids=[done.timer_id])
    first = [b for b in rows[0].bags if b.delivery == "pickup"][:7]
    door = [b for r in rows for b in r.bags if b.delivery == "door"][:1]
    clock.wall = real - timedelta(minutes=25)  # the dwell is over: building 1 is called down
    picked = 0
    for bag in first + door:
        clock.wall += timedelta(seconds=40)
        with demo.db.session() as s:
            v = handoff.scan(s, code=bag.label, actor=TEAM, clock=clock, receiver=bag.contact or "住户",
                             destination=f"{bag.building} {bag.unit} {bag.room}")
            picked += v.ok
            if v.ok and bag.delivery == "door":
                handoff.hand_over(s, code=bag.label, actor=TEAM, now=clock.wall + timedelta(minutes=6), kind="receive",
                                  holder=bag.contact, location=f"{bag.building} {bag.unit} {bag.room}")
    return {"household_bags": report.imported, "household_door": report.door, "household_picked_up": picked}
