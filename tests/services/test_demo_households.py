from desktop.services import audit, demo, households, slips
from desktop.store.migrate import open_database


def test_demo_batch_is_disinfected_and_partly_picked_up(tmp_path, clock):
    db = open_database(str(tmp_path / "demo.sqlite3"))
    day = demo.today(clock)
    summary = demo.build(db, day=day, clock=clock)
    with db.session(write=False) as s:
        batches = households.batches(s)
        rows = households.buildings(s, batches[0].name)
        plan = households.schedule(s, batches[0].name)
        chain = audit.verify_chain(s)
        printed = {slips.get_slip(s, b.label).print_count for r in rows for b in r.bags}
    assert summary["household_bags"] == 30 and summary["household_door"] == 2
    assert summary["household_picked_up"] == 8
    assert [r.building for r in rows] == ["1号楼", "2号楼", "3号楼"]
    assert (rows[0].picked_up, rows[0].waiting) == (7, 3)
    assert (rows[2].door, rows[2].door_done) == (2, 1)
    assert batches[0].goods_state == "ready"  # dwell over and acknowledged; 22 bags still to go
    assert [households.local_hhmm(x.start) for x in plan] == ["09:00", "09:15", "09:30"]
    assert chain.broken is None and printed == {1}
    again = demo.build(db, day=day, clock=clock)  # a second run adds no second batch
    with db.session(write=False) as s:
        assert len(households.batches(s)) == 1
    assert again["household_bags"] == 0
    db.dispose()
