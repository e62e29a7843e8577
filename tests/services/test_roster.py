"""The site's own staff roster: stale tests at the policy's hours, the sheet import with odd headers
(all or nothing), the disinfection operator check and its supervisor override, audited."""

from __future__ import annotations

import csv
import json
from datetime import timedelta

import pytest
from openpyxl import Workbook
from sqlmodel import select

from desktop.services import audit, dashboard, disinfection, policy, roster, roster_sheet
from desktop.services.context import Actor, ServiceError
from desktop.store.models import AuditEvent, StaffMember
from tests.services.disinfection_helpers import add_arrival, form
from tests.team import DUTY_PIN

DUTY = Actor("duty", "supervision")
CHEN = Actor("chen.jing", "disinfection")


def _hours(db) -> int:
    with db.session(write=False) as s:
        return roster.test_hours(s)


def _add(db, clock, name, *, hours_ago=None, result="negative", **kw):
    now = clock.now()
    with db.session() as s:
        return roster.add(s, actor=DUTY, now=now, name=name,
                          last_test_at=now - timedelta(hours=hours_ago) if hours_ago is not None else None,
                          last_test_result=result if hours_ago is not None else "", **kw)


def test_stale_is_judged_at_the_policy_hours(db, clock):
    hours = _hours(db)
    with db.session(write=False) as s:
        assert hours == policy.active(s).rule.test_valid_hours
    _add(db, clock, "甲", hours_ago=hours - 1)
    _add(db, clock, "乙", hours_ago=hours + 1)
    _add(db, clock, "丙")
    _add(db, clock, "丁", hours_ago=1, result="positive")
    with db.session(write=False) as s:
        states = {p.name: p.test_state for p in roster.list_staff(s, now=clock.now())}
        stale = [p.name for p in roster.stale(s, clock.now())]
    assert states == {"甲": "ok", "乙": "old", "丙": "missing", "丁": "positive"}
    assert sorted(stale) == sorted(["乙", "丙", "丁"])
    clock.advance(timedelta(hours=2))
    with db.session(write=False) as s:
        assert "甲" in [p.name for p in roster.stale(s, clock.now())]


def test_a_shorter_policy_window_makes_tests_stale_sooner(db, clock):
    _add(db, clock, "甲", hours_ago=30)
    with db.session() as s:
        level = policy.active(s)
        policy.update_rule(s, actor=Actor("admin", "admin"), now=clock.now(), management_level=level.management_level,
                           risk_level=level.risk_level, test_valid_hours=24)
    with db.session(write=False) as s:
        assert [p.name for p in roster.stale(s, clock.now())] == ["甲"]


def test_writes_are_audited_and_the_phone_is_masked_in_the_record(db, clock):
    person = _add(db, clock, "王五", post="消杀员", phone="13812341234", hours_ago=2)
    with db.session() as s:
        roster.record_test(s, actor=DUTY, now=clock.now(), staff_id=person.id, tested_at=clock.now(), result="negative")
        roster.set_active(s, actor=DUTY, now=clock.now(), staff_id=person.id, active=False)
    with db.session(write=False) as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.entity == "staff_member")).all()
        assert [e.action for e in events] == ["staff.add", "staff.test", "staff.deactivate"]
        assert "13812341234" not in " ".join(e.data for e in events)
        assert json.loads(events[0].data)["phone"] == "138****1234"
        assert roster.list_staff(s, now=clock.now()) == []


def test_the_gate_and_the_disinfection_team_may_not_edit_the_roster(db, clock):
    for who in (Actor("li.qiang", "gate"), CHEN):
        with pytest.raises(ServiceError) as err, db.session() as s:
            roster.add(s, actor=who, now=clock.now(), name="某人")
        assert err.value.code == "forbidden"
    with db.session() as s:
        assert roster.add(s, actor=Actor("admin", "admin"), now=clock.now(), name="某人").name == "某人"


def test_a_linked_account_finds_the_person_at_sign_in(db, clock):
    _add(db, clock, "陈静", operator="chen.jing", hours_ago=_hours(db) + 5)
    with db.session(write=False) as s:
        me = roster.for_operator(s, "chen.jing", now=clock.now())
        assert me is not None and me.stale and me.test_state == "old"
        assert roster.for_operator(s, "li.qiang", now=clock.now()) is None


def test_an_account_belongs_to_one_person(db, clock):
    _add(db, clock, "陈静", operator="chen.jing")
    with pytest.raises(ServiceError) as err:
        _add(db, clock, "陈静二", operator="chen.jing")
    assert err.value.code == "account_taken"
    with pytest.raises(ServiceError) as err:
        _add(db, clock, "某人", operator="nobody")
    assert err.value.code == "unknown_operator"


# --- the sheet ----------------------------------------------------------------------------------


def _csv(tmp_path, rows, name="roster.csv"):
    path = tmp_path / name
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_import_recognises_headers_spelt_other_ways(db, clock, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["卡口工作人员名册（12月）"])
    ws.append(["序号", "人员姓名（必填）", "所在岗位", "手机号码", "最近核酸采样时间", "检测结果", "是否完成培训", "防护用品发放"])
    ws.append([1, "赵一", "门岗志愿者", "13900001111", "2026-11-28 08:30", "阴性", "是", "N95口罩、防护服"])
    ws.append([2, "钱二", "消杀员", "13900002222", "2026-11-20", "阴性", "2026-11-01", ""])
    path = tmp_path / "名册.xlsx"
    wb.save(path)
    with db.session() as s:
        done = roster_sheet.import_sheet(s, actor=DUTY, now=clock.now(), path=path)
    assert (done.added, done.updated) == (2, 0)
    assert "序号" in done.ignored
    with db.session(write=False) as s:
        people = {p.name: p for p in roster.list_staff(s, now=clock.now())}
        assert people["赵一"].post == "门岗志愿者" and people["赵一"].phone == "13900001111"
        assert people["赵一"].training_done and people["赵一"].ppe_issued == "N95口罩、防护服"
        assert people["赵一"].last_test_result == "negative"
        assert people["钱二"].training_on.isoformat() == "2026-11-01"
        assert people["钱二"].test_state == "old"
        assert [e["action"] for e in audit.recent(s, limit=1)] == ["staff.import"]


def test_english_headers_and_a_second_import_updates(db, clock, tmp_path):
    _add(db, clock, "Zhao Yi", post="gate")
    path = _csv(tmp_path, [["Name", "Mobile", "Test date", "Result"],
                           ["Zhao Yi", "13900001111", "2026-11-29 07:00", "negative"],
                           ["Qian Er", "", "", ""]])
    with db.session() as s:
        done = roster_sheet.import_sheet(s, actor=DUTY, now=clock.now(), path=path)
    assert (done.added, done.updated) == (1, 1)
    with db.session(write=False) as s:
        people = {p.name: p for p in roster.list_staff(s, now=clock.now())}
    assert people["Zhao Yi"].post == "gate" and people["Zhao Yi"].test_state == "ok"
    assert people["Qian Er"].test_state == "missing"


def test_rows_with_errors_are_listed_and_nothing_is_imported(db, clock, tmp_path):
    path = _csv(tmp_path, [["姓名", "岗位", "核酸时间", "核酸结果", "培训"],
                           ["赵一", "门岗", "2026-11-28 08:30", "阴性", "是"],
                           ["", "门岗", "", "", ""],
                           ["孙三", "消杀", "昨天", "阴性", "是"],
                           ["赵一", "门岗", "", "", "也许"]])
    with pytest.raises(ServiceError) as err, db.session() as s:
        roster_sheet.import_sheet(s, actor=DUTY, now=clock.now(), path=path)
    assert err.value.code == "rows_invalid"
    text = err.value.message
    assert "第3行" in text and "第4行" in text and "第5行" in text and "与第2行重复" in text and "也许" in text
    assert "第2行" not in text.replace("与第2行重复", "")
    with db.session(write=False) as s:
        assert s.exec(select(StaffMember)).all() == []


# --- disinfection operator -------------------------------------------------------------------------


def _disinfect(db, clock, *, actor=CHEN, **kw):
    with db.session() as s:
        arrival = add_arrival(s, plate="苏A12345", at=clock.now() - timedelta(minutes=10))
    with db.session() as s:
        return disinfection.record(s, actor=actor, clock=clock, form=form(clock, arrival_id=arrival, **kw))


def test_a_stale_operator_cannot_be_recorded_without_an_override(db, clock):
    _add(db, clock, "陈静", operator="chen.jing", hours_ago=_hours(db) + 1)
    with pytest.raises(ServiceError) as err:
        _disinfect(db, clock, operators=("陈静",))
    assert err.value.code == "staff_test_stale" and "陈静" in err.value.message
    with pytest.raises(ServiceError) as err:
        _disinfect(db, clock, operators=("陈静",), stale_reason="复检结果未出", stale_supervisor="duty", stale_pin="0000")
    assert err.value.code == "bad_pin"
    done = _disinfect(db, clock, operators=("陈静",), stale_reason="复检结果未出", stale_supervisor="duty",
                      stale_pin=DUTY_PIN)
    with db.session(write=False) as s:
        override = audit.recent(s, action_prefix="staff.test_override")[0]
        recorded = audit.recent(s, action_prefix="disinfection.record")[0]
    assert override["data"]["names"] == ["陈静"] and override["data"]["supervisor"] == "duty"
    assert override["data"]["reason"] == "复检结果未出"
    assert recorded["entity_id"] == str(done.disinfection_id)
    assert recorded["data"]["stale_test"]["supervisor"] == "duty"


def test_a_fresh_test_or_someone_off_the_roster_needs_no_override(db, clock):
    person = _add(db, clock, "陈静", hours_ago=_hours(db) + 1)
    with db.session() as s:
        roster.record_test(s, actor=DUTY, now=clock.now(), staff_id=person.id, tested_at=clock.now() - timedelta(hours=1),
                           result="negative")
    assert _disinfect(db, clock, operators=("陈静", "临时帮手")).disinfection_id


def test_a_supervisor_recording_overrides_with_a_reason_only(db, clock):
    _add(db, clock, "周敏", hours_ago=None)
    with pytest.raises(ServiceError):
        _disinfect(db, clock, actor=DUTY, operators=("周敏",))
    assert _disinfect(db, clock, actor=DUTY, operators=("周敏",), stale_reason="人手不足，已安排今日复检").disinfection_id


def test_the_dashboard_counts_stale_staff(db, clock):
    _add(db, clock, "甲", hours_ago=1)
    _add(db, clock, "乙", hours_ago=_hours(db) + 3)
    from desktop.domain.localtime import site_tz

    with db.session(write=False) as s:
        f = dashboard.figures(s, now=clock.now(), tz=site_tz(), history=False)
    assert len(f.stale_staff) == 1 and "乙" in f.stale_staff[0]


def test_the_phone_of_someone_off_the_roster_expires_with_the_retention_and_the_name_stays(db, clock):
    from desktop.services import purge

    gone = _add(db, clock, "吴刚", phone="13900001111")
    staying = _add(db, clock, "郑丽", phone="13900002222")
    with db.session() as s:
        roster.set_active(s, actor=DUTY, now=clock.now(), staff_id=gone.id, active=False)
    later = clock.now() + timedelta(days=40)
    with db.session(write=False) as s:
        assert purge.plan(s, now=later).counts["staff_member"] == 1
    with db.session() as s:
        purge.purge(s, actor=Actor("admin", "admin"), now=later)
    with db.session(write=False) as s:
        rows = {m.name: m.phone for m in s.exec(select(StaffMember)).all()}
        assert rows["吴刚"] == "" and rows["郑丽"] == "13900002222"
        assert staying and audit.verify_chain(s).broken is None


def test_dates_written_without_a_year_are_read_in_the_sites_year_and_never_ahead(db, clock, tmp_path):
    """12月2日 was refused as a time it could not read. A date without its year is this year's at
    the site, unless that would put a test or a training in the future: then it is last year's."""
    from datetime import date

    from desktop.domain.localtime import site_tz

    today = clock.now().astimezone(site_tz()).date()
    earlier, later = today - timedelta(days=1), today + timedelta(days=40)
    rows = [["姓名", "岗位", "核酸采样时间", "核酸结果", "培训日期"],
            ["赵一", "门岗", f"{earlier.month}月{earlier.day}日", "阴性", f"{earlier.month}月{earlier.day}日"],
            ["钱二", "门岗", f"{earlier.month}月{earlier.day}日 07:30", "阴性", ""],
            ["孙三", "门岗", f"{later.month}月{later.day}日", "阴性", f"{later.month}月{later.day}日"]]
    with db.session() as s:
        done = roster_sheet.import_sheet(s, actor=DUTY, now=clock.now(), path=_csv(tmp_path, rows))
    assert done.added == 3
    with db.session(write=False) as s:
        people = {p.name: p for p in roster.list_staff(s, now=clock.now())}
    local = {n: p.last_test_at.astimezone(site_tz()) for n, p in people.items() if n in ("赵一", "钱二", "孙三")}
    assert local["赵一"].date() == earlier and people["赵一"].training_on == earlier
    assert (local["钱二"].date(), local["钱二"].hour, local["钱二"].minute) == (earlier, 7, 30)
    # 40 days ahead is not a test yet to come: it is last year's (or the year before at the turn of one)
    assert local["孙三"].date() < today and local["孙三"].date().replace(year=later.year) == later
    assert people["孙三"].training_on < today and isinstance(people["孙三"].training_on, date)


def test_a_roster_headed_in_other_words_is_read_whole(db, clock, tmp_path):
    """工作人员 is the name column (it was taken for the post), 最近一次核酸 the test time (it was a
    column not read)."""
    rows = [["工作人员", "工作岗位", "最近一次核酸", "最近一次核酸结果"],
            ["周一", "门岗", "2026-11-28 08:30", "阴性"]]
    with db.session() as s:
        done = roster_sheet.import_sheet(s, actor=DUTY, now=clock.now(), path=_csv(tmp_path, rows))
    assert (done.added, done.ignored) == (1, [])
    with db.session(write=False) as s:
        (person,) = [p for p in roster.list_staff(s, now=clock.now()) if p.name == "周一"]
    assert person.post == "门岗" and person.last_test_at is not None and person.last_test_result == "negative"


def test_a_total_row_is_not_a_person_named_total(db, clock, tmp_path):
    rows = [["序号", "姓名", "岗位", "电话"], [1, "周一", "门岗", "13900001111"], ["合计", "2人", "", ""],
            ["", "总计", "", ""]]
    with db.session() as s:
        done = roster_sheet.import_sheet(s, actor=DUTY, now=clock.now(), path=_csv(tmp_path, rows))
    assert (done.added, done.totals) == (1, [3, 4])
    with db.session(write=False) as s:
        assert "合计" not in {p.name for p in roster.list_staff(s, now=clock.now())}
        assert "总计" not in {p.name for p in roster.list_staff(s, now=clock.now())}
