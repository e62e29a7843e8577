"""The services behind the settings screens: site edit, unloading points (edit, reorder, retire,
never delete when used), per-level rules (update_rule), and settings that take effect at once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.services import audit, disinfection, dwell, gate, policy, settings, setup, site
from desktop.services import unloading_points as points
from desktop.services.context import Actor, ServiceError
from tests.services.disinfection_helpers import ACTOR, add_arrival, add_goods, add_slip, form

ADMIN = Actor("admin", "admin")
SUPERVISOR = Actor("duty", "supervision")


def test_an_administrator_edits_the_site_and_it_is_audited(db, clock):
    with db.session() as s:
        info = site.update_site(s, actor=ADMIN, now=clock.now(), name="第一中学", code="yz", kind="community")
    assert (info.name, info.code, info.kind) == ("第一中学", "YZ", "community")
    with db.session(write=False) as s:
        assert setup.current_site(s).name == "第一中学"
        event = audit.recent(s, action_prefix="site.edit")[0]
    assert event["data"]["old"]["code"] == "GH" and event["data"]["new"]["code"] == "YZ"


def test_site_edit_refusals(db, clock):
    for kw, code in ((dict(name="", code="GH", kind="campus"), "missing"),
                     (dict(name="x", code="G1", kind="campus"), "bad_site_code"),
                     (dict(name="x", code="GH", kind="county-hall"), "bad_site_kind")):
        with pytest.raises(ServiceError) as err, db.session() as s:
            site.update_site(s, actor=ADMIN, now=clock.now(), **kw)
        assert err.value.code == code
    with pytest.raises(ServiceError) as err, db.session() as s:
        site.update_site(s, actor=SUPERVISOR, now=clock.now(), name="x", code="GH", kind="campus")
    assert err.value.code == "forbidden"


def test_the_site_code_is_fixed_once_a_slip_carries_it(db, clock):
    with db.session() as s:
        good = add_goods(s, now=clock.now())
        add_slip(s, now=clock.now(), consignment_id=good)
    with pytest.raises(ServiceError) as err, db.session() as s:
        site.update_site(s, actor=ADMIN, now=clock.now(), name="本站点", code="YZ", kind="campus")
    assert err.value.code == "code_in_use"
    with db.session() as s:  # the name and kind still change
        assert site.update_site(s, actor=ADMIN, now=clock.now(), name="新名", code="GH", kind="transit").name == "新名"


def _three_points(db, clock) -> list[int]:
    with db.session() as s:
        return [setup.add_unloading_point(s, actor=ADMIN, now=clock.now(), code=c, name=n).id
                for c, n in (("①", "一食堂"), ("②", "二食堂"), ("③", "超市"))]


def test_unloading_points_edit_reorder_retire(db, clock):
    one, two, three = _three_points(db, clock)
    with db.session() as s:
        points.edit(s, actor=ADMIN, now=clock.now(), point_id=two, code="②", name="二食堂西侧", route="东门→西环路")
        order = points.move(s, actor=ADMIN, now=clock.now(), point_id=three, step=-2)
    assert [p.code for p in order] == ["③", "①", "②"]
    with db.session() as s:
        points.retire(s, actor=ADMIN, now=clock.now(), point_id=one)
    with db.session(write=False) as s:
        offered = setup.list_unloading_points(s)
        every = points.list_all(s)
        actions = [e["action"] for e in audit.recent(s, action_prefix="unloading_point.")]
    assert [(p.code, p.name) for p in offered] == [("③", "超市"), ("②", "二食堂西侧")]
    assert [(p.code, p.active) for p in every] == [("③", True), ("①", False), ("②", True)]
    assert {"unloading_point.edit", "unloading_point.move", "unloading_point.retire"} <= set(actions)
    with db.session() as s:
        assert points.retire(s, actor=ADMIN, now=clock.now(), point_id=one, retired=False).active


def test_a_point_in_use_is_never_deleted_an_unused_one_may_be(db, clock):
    one, two, _ = _three_points(db, clock)
    with db.session() as s:
        aid = add_arrival(s, plate="苏A12345", at=clock.now())
        from desktop.store.models import Arrival

        row = s.get(Arrival, aid)
        row.unloading_point_id = one
        s.add(row)
    with pytest.raises(ServiceError) as err, db.session() as s:
        points.remove(s, actor=ADMIN, now=clock.now(), point_id=one)
    assert err.value.code == "in_use" and "停用" in err.value.message
    with db.session() as s:
        points.remove(s, actor=ADMIN, now=clock.now(), point_id=two)
        assert [p.code for p in points.list_all(s)] == ["①", "③"]


def test_point_edits_refuse_duplicates_and_non_administrators(db, clock):
    one, two, _ = _three_points(db, clock)
    with pytest.raises(ServiceError) as err, db.session() as s:
        points.edit(s, actor=ADMIN, now=clock.now(), point_id=two, code="①", name="x")
    assert err.value.code == "duplicate"
    with pytest.raises(ServiceError) as err, db.session() as s:
        points.retire(s, actor=SUPERVISOR, now=clock.now(), point_id=one)
    assert err.value.code == "forbidden"


def test_update_rule_changes_one_level_and_is_audited(db, clock):
    with db.session() as s:
        rule = policy.update_rule(s, actor=ADMIN, now=clock.now(), management_level="control", risk_level="medium",
                                  test_valid_hours=24, itinerary_days=7, vehicles_may_enter=False,
                                  required_checks=["test", "health_code"])
    assert (rule.test_valid_hours, rule.itinerary_days, rule.vehicles_may_enter) == (24, 7, False)
    assert rule.required_checks == ("health_code", "test")
    with db.session(write=False) as s:
        assert policy.get_rule(s, "control", "medium") == rule
        event = audit.recent(s, action_prefix="policy.update")[0]
    assert event["entity_id"] == "control/medium" and event["data"]["new"]["test_valid_hours"] == 24


@pytest.mark.parametrize(("kw", "code"), [(dict(test_valid_hours=0), "bad_hours"), (dict(itinerary_days=61), "bad_days"),
                                          (dict(required_checks=["palm_reading"]), "bad_check")])
def test_update_rule_refuses_what_does_not_fit(db, clock, kw, code):
    with pytest.raises(ServiceError) as err, db.session() as s:
        policy.update_rule(s, actor=ADMIN, now=clock.now(), management_level="control", risk_level="medium", **kw)
    assert err.value.code == code


def test_update_rule_is_for_administrators_the_level_in_force_for_supervisors(db, clock):
    with pytest.raises(ServiceError) as err, db.session() as s:
        policy.update_rule(s, actor=SUPERVISOR, now=clock.now(), management_level="control", risk_level="medium",
                           test_valid_hours=24)
    assert err.value.code == "forbidden"
    with pytest.raises(ServiceError) as err, db.session() as s:
        policy.update_rule(s, actor=ADMIN, now=clock.now(), management_level="nope", risk_level="medium")
    assert err.value.code == "bad_level"


def test_dwell_minutes_is_one_setting_for_every_level_and_new_timers(db, clock):
    with db.session() as s:
        settings.change(s, actor=ADMIN, now=clock.now(), key="disinfection.dwell_minutes", raw="45")
        assert {r.dwell_minutes for r in policy.list_rules(s)} == {45}
        aid = add_arrival(s, plate="苏N12345", at=clock.now())
        good = add_goods(s, now=clock.now(), arrival_id=aid)
        disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, arrival_id=aid))
    with db.session(write=False) as s:
        assert dwell.release_status(s, consignment_id=good, clock=clock).remaining == timedelta(minutes=45)


def test_the_inside_too_long_limit_applies_at_once(db, clock):
    with db.session() as s:
        add_arrival(s, plate="苏N12345", at=clock.now())
    later = clock.now() + timedelta(minutes=60)
    with db.session(write=False) as s:
        assert [i.overdue for i in gate.inside(s, now=later)] == [False]
    with db.session() as s:
        settings.change(s, actor=ADMIN, now=clock.now(), key=gate.INSIDE_LIMIT_KEY, raw=45)
    with db.session(write=False) as s:
        assert [i.overdue for i in gate.inside(s, now=later)] == [True]


def test_disinfection_lists_from_settings_empty_means_built_in(db, clock):
    with db.session(write=False) as s:
        built_in = disinfection.presets(s)
    assert built_in.parts == disinfection.DEFAULT_PARTS and built_in.agents[0].agent == "84消毒液"
    with db.session() as s:
        settings.change(s, actor=ADMIN, now=clock.now(), key=disinfection.AGENTS_KEY, raw="过氧乙酸 0.2%, 酒精")
        settings.change(s, actor=ADMIN, now=clock.now(), key=disinfection.PARTS_KEY, raw="门把手")
        mine = disinfection.presets(s)
    assert [(a.agent, a.dilution) for a in mine.agents] == [("过氧乙酸", "0.2%"), ("酒精", "")]
    assert mine.parts == ["门把手"]
    with db.session() as s:
        settings.change(s, actor=ADMIN, now=clock.now(), key=disinfection.PARTS_KEY, raw="")
        assert disinfection.presets(s).parts == disinfection.DEFAULT_PARTS


def test_households_slots_read_the_catalogue(db, clock):
    from desktop.services import households

    with db.session() as s:
        settings.change(s, actor=ADMIN, now=clock.now(), key="households.per_slot", raw="8")
        assert households.slot_settings(s) == (15, "09:00", 8)


def test_the_first_pickup_slot_must_be_a_time_of_day(db, clock):
    with pytest.raises(ServiceError) as err, db.session() as s:
        settings.change(s, actor=ADMIN, now=clock.now(), key="households.first_slot", raw="九点")
    assert err.value.code == "bad_setting" and "HH:MM" in err.value.message
    with db.session() as s:
        assert settings.change(s, actor=ADMIN, now=clock.now(), key="households.first_slot", raw="08:30") == "08:30"
