"""Demo step: the site's own staff roster — the two disinfectors tested the evening before, a gate
volunteer, and 张伟 (gate) whose test is four days old: he is warned when he signs in, shown on
the dashboard, and could not be recorded as a disinfection operator without a supervisor."""

from __future__ import annotations

from datetime import timedelta

from desktop.services import roster
from desktop.services.context import Actor
from desktop.services.demo import DemoDay

SUPERVISOR = Actor("zhou.min", "supervision")
# name, post, phone, account, hours since the test (None: never tested), training done
STAFF = [
    ("陈静", "消杀员", "13800000031", "chen.jing", 2, True),
    ("赵磊", "消杀员", "13800000032", "zhao.lei", 3, True),
    ("张伟", "门岗", "13800000022", "zhang.wei", 96, True),
    ("吴刚", "门岗志愿者", "13800000051", "", 5, False),
]
PPE = "N95口罩、防护服、手套、面屏"


def run(demo: DemoDay) -> dict[str, int]:
    # As of the demo's real now, the time the disinfection step records at (its timers run on this
    # machine's clock): a demo of a past day still has its disinfectors' tests fresh.
    now = demo.real_now
    with demo.db.session() as s:
        known = {p.name: p for p in roster.list_staff(s, now=now)}
        added = 0
        for name, post, phone, account, hours, trained in STAFF:
            tested = now - timedelta(hours=hours)
            if name in known:  # another demo day on the same file: a new test only
                if known[name].last_test_at is None or known[name].last_test_at < tested:
                    roster.record_test(s, actor=SUPERVISOR, now=now, staff_id=known[name].id, tested_at=tested,
                                       result="negative")
                continue
            roster.add(s, actor=SUPERVISOR, now=now, name=name, post=post, phone=phone, operator=account,
                       last_test_at=tested, last_test_result="negative", training_done=trained,
                       training_on=(now - timedelta(days=10)).date() if trained else None,
                       ppe_issued=PPE if post != "门岗志愿者" else "医用外科口罩")
            added += 1
    return {"staff": added}
