"""`gatehouse scan` of a slip whose vehicle was cancelled at the gate: its own verdict, exit 1."""

from __future__ import annotations

import json

from desktop.cli import main
from desktop.domain.clock import SystemClock
from desktop.services import consignments, gate, slips
from desktop.services.context import Actor
from tests.services.disinfection_helpers import add_arrival

GUARD = Actor("li.qiang", "gate")


def test_a_cancelled_vehicles_slip_is_refused_with_its_own_verdict(db, db_path, capsys):
    now = SystemClock().now()
    with db.session() as s:
        aid = add_arrival(s, plate="苏N12345", at=now)
        goods = consignments.create(s, actor=GUARD, now=now, category="大米", quantity=60, unit="袋", arrival_id=aid)
        number = slips.issue_slip(s, actor=GUARD, now=now, consignment_id=goods.id).number
        gate.cancel(s, actor=GUARD, now=now, arrival_id=aid, reason="车牌号录错")
    assert main(["scan", number, "--db", str(db_path), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["kind"] == "withdrawn" and not out["ok"] and "车牌号录错" in out["message"]
    assert main(["scan", number, "--db", str(db_path), "--station", "west"]) == 1
    assert "车辆已撤销" in capsys.readouterr().out
