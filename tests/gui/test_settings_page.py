"""The settings screen, used as an administrator would: each change is saved through the services
(audited old → new) and takes effect without a restart; a non-administrator cannot open it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from desktop.services import audit, disinfection, dwell, policy, setup, site
from desktop.services import unloading_points as points
from desktop.services.context import Actor
from tests.services.disinfection_helpers import ACTOR, add_arrival, add_goods, form


def _settings(window, ctx, qtbot):
    ctx.user.sign_in(Actor("admin", "admin"), "管理员", "admin")
    index = window.page_index("settings")
    assert not window.nav.item(index).isHidden()
    window.show_page(index)
    page = window.current_page()
    assert page.key == "settings"
    ctx.ops.wait_idle()
    return page


def _save(page, ctx, qtbot):
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: page.message.text() != "")


def test_a_supervisor_cannot_open_the_settings(window, ctx, qtbot):
    index = window.page_index("settings")
    assert window.nav.item(index).isHidden()  # the window's operator is `duty`, a supervisor
    window.show_page(index)
    assert window.current_page().key != "settings"


def test_the_inside_too_long_limit_changed_on_screen_changes_the_gates_list(window, ctx, qtbot, db, clock):
    with db.session() as s:
        add_arrival(s, plate="苏N12345", at=clock.now() - timedelta(minutes=60))
    gate_page = window.pages[window.page_index("gate")]
    gate_page.refresh_inside()
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: gate_page.inside_list.count() == 1)
    assert not gate_page.inside_list.item(0).text().startswith("⚠")
    page = _settings(window, ctx, qtbot).show_section("gate")
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: page.editors["gate.inside_limit_minutes"].value() == 90)
    spin = page.editors["gate.inside_limit_minutes"].spin
    spin.selectAll()
    qtbot.keyClicks(spin, "45")
    _save(page, ctx, qtbot)
    assert page.message.text() == "已保存。"
    ctx.ops.wait_idle()  # the gate page re-reads its list on the settings signal: no restart, no click
    qtbot.waitUntil(lambda: gate_page.inside_list.item(0).text().startswith("⚠"))
    event = ctx.ops.call_now(lambda s: audit.recent(s, action_prefix="setting.set"))[0]
    assert (event["entity_id"], event["data"]["old"], event["data"]["new"]) == ("gate.inside_limit_minutes", 90, 45)
    assert event["operator"] == "admin"


def test_dwell_minutes_changed_on_screen_is_what_a_new_timer_uses(window, ctx, qtbot, db, clock):
    page = _settings(window, ctx, qtbot).show_section("disinfection")
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: page.editors["disinfection.dwell_minutes"].value() == 30)
    page.editors["disinfection.dwell_minutes"].spin.setValue(50)
    parts = page.editors["disinfection.parts"]
    parts.new_item.setText("门把手")
    qtbot.mouseClick(parts.add_button, Qt.MouseButton.LeftButton)
    _save(page, ctx, qtbot)
    form_ = window.pages[window.page_index("disinfection")].form  # re-read on the settings signal
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: [b.text() for b in form_.part_boxes] == ["门把手"])
    with db.session() as s:
        aid = add_arrival(s, plate="苏N12345", at=clock.now())
        good = add_goods(s, now=clock.now(), arrival_id=aid)
        disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, arrival_id=aid))
    with db.session(write=False) as s:
        assert dwell.release_status(s, consignment_id=good, clock=clock).remaining == timedelta(minutes=50)
        assert disinfection.presets(s).parts == ["门把手"]


def test_a_refusal_is_shown_inline_and_nothing_is_saved(window, ctx, qtbot):
    page = _settings(window, ctx, qtbot).show_section("site")
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: page.editors["site.time_zone"].value() == "Asia/Shanghai")
    page.editors["site.time_zone"].line.setText("Mars/Olympus")
    page.site_name.setText("第一中学")
    _save(page, ctx, qtbot)
    assert "不认识的时区" in page.message.text()
    assert ctx.ops.call_now(lambda s: setup.current_site(s)).name == "本站点"  # one transaction: nothing saved
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: page.site_name.text() == "本站点")


def test_the_site_edited_on_screen_renames_the_window(window, ctx, qtbot):
    page = _settings(window, ctx, qtbot).show_section("site")
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: page.site_name.text() == "本站点")
    page.site_name.setText("第一中学")
    page.site_code.clear()
    qtbot.keyClicks(page.site_code, "yz")
    page.site_kind.setCurrentIndex(page.site_kind.findData("community"))
    _save(page, ctx, qtbot)
    info = ctx.ops.call_now(lambda s: setup.current_site(s))
    assert (info.name, info.code, info.kind) == ("第一中学", "YZ", "community")
    assert "第一中学" in window.windowTitle() and "第一中学" in window.site_label.text()
    assert site.SITE_KINDS["community"][0] == page.site_kind.currentText()


def test_a_levels_rule_edited_in_the_table(window, ctx, qtbot):
    page = _settings(window, ctx, qtbot).show_section("policy")
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: page.table.rowCount() == 9)
    row = next(i for i, r in enumerate(page.rules) if (r.management_level, r.risk_level) == ("control", "medium"))
    page.spin(row, 1).setValue(24)
    page.table.item(row, 3).setCheckState(Qt.CheckState.Unchecked)
    assert "30 分钟" in page.dwell_note.text()
    _save(page, ctx, qtbot)
    rule = ctx.ops.call_now(lambda s: policy.get_rule(s, "control", "medium"))
    assert rule.test_valid_hours == 24 and not rule.vehicles_may_enter
    assert ctx.ops.call_now(lambda s: audit.recent(s, action_prefix="policy.update"))[0]["operator"] == "admin"


def test_unloading_points_added_edited_moved_and_retired(window, ctx, qtbot):
    page = _settings(window, ctx, qtbot).show_section("points")
    ctx.ops.wait_idle()
    for code, name in (("①", "一食堂"), ("②", "二食堂")):
        page.list.setCurrentRow(-1)
        page.code.setText(code)
        page.point_name.setText(name)
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
        ctx.ops.wait_idle()
        qtbot.waitUntil(lambda n=name: any(n in page.list.item(i).text() for i in range(page.list.count())))
    page.list.setCurrentRow(1)
    page.point_name.setText("二食堂西侧")
    _save(page, ctx, qtbot)
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: "二食堂西侧" in page.list.item(0).text())
    page.list.setCurrentRow(1)
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: "已停用" in page.list.item(1).text())
    offered = ctx.ops.call_now(setup.list_unloading_points)
    assert [(p.code, p.name) for p in offered] == [("②", "二食堂西侧")]
    assert [p.active for p in ctx.ops.call_now(points.list_all)] == [True, False]


def test_a_stations_printer_and_paper(window, ctx, qtbot):
    from desktop.services import slips

    page = _settings(window, ctx, qtbot).show_section("printer")
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: page.station.count() > 0)
    page.station.setCurrentIndex(page.station.findData("handoff"))
    page.printer.setCurrentText("XP-58")
    page.paper.setCurrentIndex(page.paper.findData("58mm"))
    _save(page, ctx, qtbot)
    stored = ctx.ops.call_now(lambda s: slips.print_settings(s, "handoff"))
    assert (stored.printer, stored.paper) == ("XP-58", "58mm")
