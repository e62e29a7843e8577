"""Demo step: the review group's day-ahead list and the gate's morning, with every outcome —
admitted and out, sent to handoff, refused (old test), overridden by a supervisor, a wrong
check-in cancelled, an unapproved vehicle let in by a supervisor, one vehicle inside too long."""

from __future__ import annotations

import csv
import functools
import struct
import tempfile
import zlib
from datetime import datetime, timedelta
from pathlib import Path

from desktop.domain.identity import id_check_digit
from desktop.domain.localtime import site_tz
from desktop.services import approvals, gate, passes, policy
from desktop.services.approvals import ApprovalDraft, OccupantDraft
from desktop.services.context import Actor
from desktop.services.demo import DemoDay

REVIEW = Actor("wang.fang", "review")
GUARD = Actor("li.qiang", "gate")
DISINFECTION = Actor("chen.jing", "disinfection")
SUPERVISOR, PIN = "zhou.min", "2468"


def _id(area: str, born: str, seq: str) -> str:
    body = area + born + seq
    return body + id_check_digit(body)


# plate, supplier, driver, born, phone, cargo, mode, point, pass, sampled (hours before 08:00), passenger
VEHICLES = [
    ("苏N·12345", "宿迁市苏果超市配送中心", "张建国", "19780312", "13805271234", "大米 60袋；食用油 24桶；面粉 40袋",
     "进校", "①", "BG-2022-0031", 20, ("王小军", "19900707", "13951762201")),
    ("苏ND·23456", "宿迁市蔬菜批发市场", "李红梅", "19850921", "13912343210", "蔬菜 400公斤；鸡蛋 30箱",
     "接驳", "", "", 18, None),
    ("苏N·35791", "江苏众客食品有限公司", "陈志强", "19820105", "15850112233", "猪肉 300公斤；火腿肠 20箱",
     "进校", "②", "BG-2022-0047", 26, None),
    ("苏N·60218", "宿迁京东物流配送站", "周海涛", "19910630", "18752710088", "方便面 80箱；瓶装水 100箱",
     "进校", "③", "BG-2022-0052", 52, None),
    ("苏N·48260", "宿迁市洋河新区鲜奶厂", "吴秀英", "19870214", "13770443311", "牛奶 60箱",
     "进校", "③", "BG-2022-0058", 50, None),
    ("苏H·77321", "淮安市清江浦区粮油批发部", "孙立新", "19750818", "13505230987", "口罩 50箱；防护服 200套；折叠床 40张",
     "进校", "④", "YJ-2022-0006", 30, ("杨春燕", "19931112", "13852390016")),
]
HEADER = ["车牌号", "供货单位", "驾驶员", "身份证号", "联系电话", "随车人员", "物资类别及数量", "到达日期",
          "进校/接驳", "卸货点", "通行证号", "通行证有效期", "核酸采样时间"]


def _png(width: int, height: int, pixel: object) -> bytes:
    """A PNG from a pixel function (x, y) -> (r, g, b), with nothing but zlib: the demo's
    stand-in for the ID photos and pledges suppliers send."""
    rows = b"".join(b"\x00" + bytes(c for x in range(width) for c in pixel(x, y)) for y in range(height))  # type: ignore[operator]

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _portrait(n: int) -> bytes:
    """A head-and-shoulders silhouette on an ID-photo blue (shades differ per person)."""
    return _silhouette(60 + (n * 37) % 80)


@functools.cache  # drawn pixel by pixel in Python: once per shade, not once per person
def _silhouette(shade: int) -> bytes:
    def pixel(x: int, y: int) -> tuple[int, int, int]:
        head = (x - 45) ** 2 / 22**2 + (y - 48) ** 2 / 27**2 <= 1
        body = y > 82 and (x - 45) ** 2 / 42**2 + (y - 128) ** 2 / 44**2 <= 1
        return (shade, shade - 20, shade - 30) if head or body else (67, 142, 219)

    return _png(90, 120, pixel)


@functools.cache  # the same page for everyone: drawn once
def _pledge() -> bytes:
    """A white page with lines of "text" and a red fingerprint, as photographed."""
    def pixel(x: int, y: int) -> tuple[int, int, int]:
        if (x - 150) ** 2 + (y - 180) ** 2 <= 81:
            return (200, 30, 30)
        if 20 <= x <= 180 and y % 14 in (0, 1) and 20 <= y <= 150:
            return (60, 60, 60)
        return (250, 250, 246)

    return _png(200, 210, pixel)


def _materials(demo: DemoDay, ids: list[int]) -> None:
    now = demo.clock.now()
    with demo.db.session() as s:
        n = 0
        for approval_id in ids:
            found = approvals.get(s, approval_id)
            for o in found.occupants if found else ():
                n += 1
                approvals.attach(s, actor=REVIEW, now=now, occupant_id=o.id, kind="photo", data=_portrait(n),
                                 mime="image/png", name=f"{o.name}-证件照.png")
                approvals.attach(s, actor=REVIEW, now=now, occupant_id=o.id, kind="pledge", data=_pledge(),
                                 mime="image/png", name=f"{o.name}-承诺书.png")


def _sheet(demo: DemoDay, eight: datetime) -> Path:
    day = demo.day
    rows = []
    for n, (plate, supplier, driver, born, phone, cargo, mode, point, number, hours, extra) in enumerate(VEHICLES):
        sampled = (eight - timedelta(hours=hours)).astimezone(site_tz()).strftime("%Y-%m-%d %H:%M")
        passenger = f"{extra[0]} {_id('321302', extra[1], '042')} {extra[2]} {sampled}" if extra else ""
        validity = f"{day - timedelta(days=20)}至{day + timedelta(days=40)}" if number else ""
        rows.append([plate, supplier, driver, _id("321302" if n % 2 else "321311", born, f"{n + 3:02d}1"), phone,
                     passenger, cargo, day.isoformat(), mode, point, number, validity, sampled])
    folder = Path(tempfile.mkdtemp(prefix="gatehouse-demo-"))
    path = folder / f"{day:%m月%d日}进校车辆报备表.csv"
    with path.open("w", encoding="gbk", newline="") as f:  # suppliers' sheets come as GBK
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def _review(demo: DemoDay, eight: datetime) -> list[int]:
    demo.clock.advance(timedelta(minutes=30))
    now = demo.clock.now()
    path = _sheet(demo, eight)
    with demo.db.session() as s:
        policy.ensure_defaults(s, actor=REVIEW, now=now)
        policy.set_active_level(s, actor=Actor("zhou.min", "supervision"), now=now, management_level="prevention",
                                risk_level="low", reason="县指挥部通知：本校为防范区")
        if passes.find(s, "BG-2022-0019") is None:  # a second demo day in one file keeps the first's pass
            passes.add(s, actor=REVIEW, now=now, number="BG-2022-0019", plate="苏N·99881", holder="宿迁市菜篮子配送公司",
                       valid_from=demo.day - timedelta(days=30), valid_to=demo.day + timedelta(days=30))
        report = approvals.import_file(s, actor=REVIEW, now=now, path=path, default_day=demo.day)
        for approval_id in report.approval_ids:
            approvals.decide(s, actor=REVIEW, now=now, approval_id=approval_id, approve=True)
        rejected = approvals.add(s, actor=REVIEW, now=now, draft=ApprovalDraft(
            plate="苏N·99881", arrival_date=demo.day, supplier_name="宿迁市菜篮子配送公司", mode="enter",
            pass_number="BG-2022-0019", cargo_summary="蔬菜包 500份",
            occupants=(OccupantDraft("马晓东", _id("321322", "19890403", "051"), "13655271020"),)))
        approvals.decide(s, actor=REVIEW, now=now, approval_id=rejected.id, approve=False,
                         reason="承诺书未签字，行程卡截图不清")
        approvals.add(s, actor=REVIEW, now=now, draft=ApprovalDraft(
            plate="苏N·51234", arrival_date=demo.day + timedelta(days=1), supplier_name="宿迁市苏果超市配送中心",
            mode="enter", cargo_summary="大米 40袋",
            occupants=(OccupantDraft("胡玉兰", _id("321311", "19800229", "062"), "13962730215"),)))
    path.unlink(missing_ok=True)
    path.parent.rmdir()
    return report.approval_ids


def _arrive(demo: DemoDay, hh: int, mm: int, query: str, **kw: object) -> gate.ArrivalInfo:
    now = demo.move_to(hh, mm)
    with demo.db.session() as s:
        found = gate.lookup(s, query=query, now=now)
        people = [p.confirmed() for p in found.prefill] or list(kw.pop("people", []))  # type: ignore[call-overload]
        return gate.check_in(s, actor=GUARD, now=now, plate=found.plate, occupants=people,
                             approval_id=found.approval.id if found.approval else None,
                             **kw)  # type: ignore[arg-type]


def _disinfect(demo: DemoDay, hh: int, mm: int, arrival_id: int) -> None:
    """The vehicle's disinfection at the gate, before it may enter or go to the handoff zone."""
    from desktop.services import disinfection
    from desktop.services.demo import aligned_clock

    clock = aligned_clock(demo)
    clock.wall = demo.move_to(hh, mm)
    with demo.db.session() as s:
        disinfection.record(s, actor=DISINFECTION, clock=clock, form=disinfection.DisinfectionForm(
            location="gate", agent="84消毒液", dilution="1:100", parts=("货厢门把手", "后备箱锁", "轮胎"),
            operators=("陈静",), ppe_mask=True, ppe_gloves=True, ppe_gown=True,
            started_at=clock.wall - timedelta(minutes=1), ended_at=clock.wall, arrival_id=arrival_id))


def _then(demo: DemoDay, hh: int, mm: int, fn: object, **kw: object) -> None:
    now = demo.move_to(hh, mm)
    with demo.db.session() as s:
        fn(s, actor=GUARD, now=now, **kw)  # type: ignore[operator]


def run(demo: DemoDay) -> dict[str, int]:
    eight = demo.at(8, 0)  # the plan's 08:00: samples are dated from it, so their ages hold at any hour
    with demo.db.session(write=False) as s:
        if approvals.list_for_date(s, demo.day):
            return {"approvals": 0, "arrivals": 0}  # this day was already written
    ids = _review(demo, eight)
    _materials(demo, ids)
    demo.ids["approvals"] = ids
    # In time order (the demo clock only moves forward).
    a = _arrive(demo, 7, 40, "苏N12345")  # compliant: disinfected at the gate, enters, unloads, leaves
    _disinfect(demo, 7, 41, a.id)
    _then(demo, 7, 42, gate.decide, arrival_id=a.id, decision="enter")
    b = _arrive(demo, 8, 5, "苏ND23456")  # approved for the handoff zone only
    _disinfect(demo, 8, 6, b.id)
    _then(demo, 8, 6, gate.decide, arrival_id=b.id, decision="handoff")
    c = _arrive(demo, 8, 20, "BG-2022-0047")  # by pass number; still inside long after the limit
    _disinfect(demo, 8, 21, c.id)
    _then(demo, 8, 22, gate.decide, arrival_id=c.id, decision="enter")
    _then(demo, 8, 31, gate.log_exit, arrival_id=a.id)
    _then(demo, 8, 40, gate.log_exit, arrival_id=b.id)
    d = _arrive(demo, 8, 50, "苏N60218")  # sample 52 hours old: refused
    _then(demo, 8, 53, gate.decide, arrival_id=d.id, decision="refuse",
          reason="核酸采样超过48小时，已告知司机重新检测后再来")
    e = _arrive(demo, 9, 10, "BG-2022-0058")  # sample too old: the supervisor overrides
    _disinfect(demo, 9, 13, e.id)
    now = demo.move_to(9, 14)
    with demo.db.session() as s:
        gate.override(s, actor=GUARD, now=now, arrival_id=e.id, check_id=e.checks[0].id, check="test",
                      supervisor=SUPERVISOR, pin=PIN, reason="电话核实：昨日已复检阴性，报告补传中")
        gate.decide(s, actor=GUARD, now=now, arrival_id=e.id, decision="enter")
    wrong = _arrive(demo, 9, 30, "苏H77312", supervisor=SUPERVISOR, supervisor_pin=PIN, reason="司机称已报备",
                    people=[gate.CheckInput(name="孙立新", id_number=_id("321302", "19750818", "081")).confirmed()])
    _then(demo, 9, 32, gate.cancel, arrival_id=wrong.id, reason="车牌号录错（77321录成77312）")
    f = _arrive(demo, 9, 33, "苏H77321")
    _disinfect(demo, 9, 35, f.id)
    _then(demo, 9, 36, gate.decide, arrival_id=f.id, decision="enter")
    _then(demo, 9, 58, gate.log_exit, arrival_id=e.id)
    _then(demo, 10, 20, gate.log_exit, arrival_id=f.id)
    g = _arrive(demo, 10, 45, "皖L52013", supervisor=SUPERVISOR, supervisor_pin=PIN,  # no approval at all
                reason="零星自采：学生处临时采购药品",
                people=[gate.CheckInput(name="朱永刚", id_number=_id("341302", "19880516", "017"),
                                        test_sampled_at=eight - timedelta(hours=6)).confirmed()])
    _disinfect(demo, 10, 46, g.id)
    _then(demo, 10, 47, gate.decide, arrival_id=g.id, decision="handoff")
    from desktop.services import walkins

    _then(demo, 10, 49, walkins.record_goods, arrival_id=g.id,  # no approval: the gate counts its goods
          lines=[walkins.GoodsLine("药品", 6, "箱", "退烧药、感冒药"), walkins.GoodsLine("瓶装水", 10, "箱")])
    return {"approvals": len(ids) + 2, "arrivals": 8}
