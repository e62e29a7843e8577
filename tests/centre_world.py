"""Three demo sites with their own codes, each a database of its own day written through the
services (as `gatehouse demo` does), and a command centre: the world of the command-centre tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.domain.enums import Role, StationKind
from desktop.services import demo, merge, setup, site
from desktop.services.context import SYSTEM, Actor
from desktop.services.demo.site import POINTS
from desktop.store.engine import Database
from desktop.store.migrate import open_database

DAY = date(2026, 11, 30)
EVENING = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # 20:00 at the sites
EXPORTED = datetime(2026, 11, 30, 13, 0, tzinfo=UTC)
SUPERVISOR = Actor("zhou.min", "supervision")  # in every demo site (PIN 2468)
CENTRE_ADMIN = Actor("admin", "admin")
SITES = [("SQA", "宿迁学院东门卡口", 2022), ("SQB", "城南社区团购点", 7), ("SQC", "洋河镇中转站", 99)]


@dataclass
class World:
    folder: Path
    sites: dict[str, Database] = field(default_factory=dict)
    centre: Database | None = None


def demo_site(path: Path, code: str, name: str, seed: int) -> Database:
    """A demo site like `gatehouse demo`'s, under its own code and name."""
    db = open_database(str(path))
    early = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
    with db.session() as s:
        setup.create_site(s, actor=SYSTEM, now=early, code=code, name=name, kind="campus")
        site.ensure_time_zone(s, now=early)
        setup.add_operator(s, actor=SYSTEM, now=early, username="admin", display_name="管理员", role=Role.ADMIN,
                           pin="1357")
        for kind in StationKind:
            setup.ensure_station(s, actor=SYSTEM, now=early, name=kind.value, kind=kind.value)
        for point, where, route in POINTS:
            setup.add_unloading_point(s, actor=Actor("admin", "admin"), now=early, code=point, name=where, route=route)
    demo.build(db, day=DAY, seed=seed, now=EVENING)
    return db


def command_centre(path: Path) -> Database:
    db = open_database(str(path))
    with db.session() as s:
        merge.set_up_centre(s, actor=SYSTEM, now=EVENING, code="ZH", name="县疫情防控指挥部", admin_pin="9753")
    return db
