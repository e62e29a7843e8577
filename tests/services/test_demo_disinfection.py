from collections import Counter
from datetime import timedelta

from sqlmodel import select

from desktop.domain import dwell as maths
from desktop.services import demo, dwell
from desktop.services.context import Actor
from desktop.store.migrate import open_database
from desktop.store.models import Consignment


def test_demo_has_disinfections_and_timers_in_every_state(tmp_path, clock):
    db = open_database(str(tmp_path / "demo.sqlite3"))
    summary = demo.build(db, day=demo.today(clock), clock=clock)
    assert summary["disinfections"] >= 9
    with db.session() as s:
        board = dwell.board(s, actor=Actor("admin", "disinfection"), clock=clock)
        mono = clock.read().mono
        states = Counter(maths.board_state(r.deadline_mono, mono, overdue_s=board.overdue_s) for r in board.rows)
        status = Counter(dwell.release_status(s, consignment_id=c.id, clock=clock).state
                         for c in s.exec(select(Consignment)).all())
        unacknowledged = [r.label for r in board.rows if r.deadline_mono <= mono and not r.acknowledged]
    db.dispose()
    assert set(states) == set(maths.BOARD_STATES), states
    assert {"released", "recalled", "ready", "dwelling"} <= set(status), status
    # the pork is the completion the team has not confirmed yet; vehicle goods may join it
    assert "猪肉" in unacknowledged


def test_demo_of_a_future_day_still_builds(tmp_path, clock):
    db = open_database(str(tmp_path / "demo.sqlite3"))
    summary = demo.build(db, day=demo.today(clock) + timedelta(days=3), clock=clock)
    db.dispose()
    assert summary["dwell_timers"] >= 9
