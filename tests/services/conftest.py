"""The gate's service tests stand on a site with its four unloading points, a supervisor and a guard
(`pytestmark = pytest.mark.usefixtures("site_points")` in those modules)."""

import pytest

from desktop.services import setup
from desktop.services.context import Actor

POINTS = [("①", "食堂1-2连廊西侧", "东门→东环路→一食堂西侧"), ("②", "7食堂北门", "东门→北环路→七食堂北门"),
          ("③", "校园京东超市西入口", "东门→中心路→京东超市"), ("④", "校园天猫超市东入口", "东门→中心路→天猫超市")]


@pytest.fixture
def site_points(db, clock):
    admin = Actor("admin", "admin")
    with db.session() as s:
        for code, name, route in POINTS:
            setup.add_unloading_point(s, actor=admin, now=clock.now(), code=code, name=name, route=route)
