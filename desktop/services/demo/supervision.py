"""Demo step: the supervisors' rounds — two violations seen on the day's vehicles (a driver with
the window open while unloading, a receiver without gloves)."""

from __future__ import annotations

from datetime import timedelta

from desktop.domain.localtime import site_tz
from desktop.services import timeline
from desktop.services.context import Actor
from desktop.services.demo import DemoDay

SUPERVISOR = Actor("zhou.min", "supervision")
# plate (as stored), minutes after its arrival, kind, what was seen
ROUNDS = [
    ("苏N35791", 25, "window_open", "卸货时司机摇下车窗与接收人员交谈，已当场制止"),
    ("苏H77321", 20, "no_ppe", "④号卸货点一名接收人员未戴手套搬运，已要求整改"),
]


def run(demo: DemoDay) -> dict[str, int]:
    with demo.db.session(write=False) as s:
        vehicles = {v.plate.replace("·", ""): v for v in timeline.day_arrivals(s, day=demo.day, tz=site_tz())
                    if v.status not in ("cancelled", "refused")}
        if timeline.violations(s, day=demo.day, tz=site_tz()):
            return {"violations": 0}  # this day was already written
    count = 0
    for plate, minutes, kind, description in ROUNDS:
        car = vehicles.get(plate)
        if car is None:
            continue
        at = car.arrived_at + timedelta(minutes=minutes)
        if at > demo.real_now:
            continue
        with demo.db.session() as s:
            timeline.record_violation(s, actor=SUPERVISOR, now=at, arrival_id=car.arrival_id, kind=kind,
                                      description=description)
        count += 1
    return {"violations": count}
