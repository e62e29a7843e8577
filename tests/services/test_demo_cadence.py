from desktop.services import audit, cadence, demo, register
from desktop.store.migrate import open_database


def test_demo_register_missed_households_and_phone_checks(tmp_path, clock):
    db = open_database(str(tmp_path / "demo.sqlite3"))
    day = demo.today(clock)
    summary = demo.build(db, day=day, clock=clock)
    now = clock.now()
    with db.session(write=False) as s:
        rnd = cadence.current_round(s, now)
        missed = cadence.missed(s, rnd)
        checks = cadence.phone_checks(s, now)
        chain = audit.verify_chain(s)
    assert summary["register_households"] == 33 and summary["phone_checks"] == 2
    assert rnd.index == 0
    assert [m.address for m in missed] == ["1号楼 2单元 601", "2号楼 1单元 602", "3号楼 2单元 603"]
    assert len(checks) == 3 and sum(c.due for c in checks) == 2  # one reached; one not reached stays due
    assert {c.last_outcome for c in checks} == {"reached_ok", "not_reached", ""}
    assert chain.broken is None
    again = demo.build(db, day=day, clock=clock)
    assert again["register_households"] == 0
    with db.session(write=False) as s:
        assert len(register.households(s)) == 33
    db.dispose()
