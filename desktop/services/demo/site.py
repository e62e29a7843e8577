"""Demo step: the site (a campus east gate), its unloading points, operators and stations."""

from __future__ import annotations

from sqlmodel import select

from desktop.domain.enums import Role, StationKind
from desktop.services import setup, site
from desktop.services.context import SYSTEM, Actor
from desktop.services.demo import DEMO_SITE_NAME, DemoDay
from desktop.store.models import Site

# Every demo account has a PIN (stations need one by default): the README lists them.
OPERATORS = [
    ("wang.fang", "王芳", Role.REVIEW, "1001"),
    ("li.qiang", "李强", Role.GATE, "1111"),
    ("zhang.wei", "张伟", Role.GATE, "2222"),
    ("chen.jing", "陈静", Role.DISINFECTION, "3333"),
    ("zhao.lei", "赵磊", Role.DISINFECTION, "4444"),
    ("liu.yang", "刘洋", Role.HANDOFF, "5555"),
    ("sun.li", "孙丽", Role.HANDOFF, "6666"),
    ("zhou.min", "周敏", Role.SUPERVISOR, "2468"),
    ("canteen", "一食堂 张师傅", Role.HANDOFF, "7777"),  # signs for deliveries at the canteen
]

POINTS = [
    ("①", "食堂1-2连廊西侧", "东门→东环路→一食堂西侧"),
    ("②", "7食堂北门", "东门→东环路→北环路→七食堂北门"),
    ("③", "校园京东超市西入口", "东门→中心路→京东超市西入口"),
    ("④", "校园天猫超市东入口", "东门→中心路→天猫超市东入口"),
]


def run(demo: DemoDay) -> dict[str, int]:
    now = demo.clock.now()
    admin = Actor("admin", "admin")
    with demo.db.session() as s:
        if s.exec(select(Site)).first() is None:
            setup.create_site(s, actor=SYSTEM, now=now, code="SQ", name=DEMO_SITE_NAME, kind="campus")
            site.ensure_time_zone(s, now=now)
            setup.add_operator(s, actor=SYSTEM, now=now, username="admin", display_name="管理员",
                               role=Role.ADMIN, pin="1357")
            for kind in StationKind:
                setup.ensure_station(s, actor=SYSTEM, now=now, name=kind.value, kind=kind.value)
            for code, name, route in POINTS:
                setup.add_unloading_point(s, actor=admin, now=now, code=code, name=name, route=route)
        known = {o.username for o in setup.list_operators(s)}
        added = 0
        for username, name, role, pin in OPERATORS:
            if username not in known:
                setup.add_operator(s, actor=admin, now=now, username=username, display_name=name, role=role, pin=pin)
                added += 1
    return {"operators": added}
