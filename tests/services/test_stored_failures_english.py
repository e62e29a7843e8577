"""A failure stored in Chinese at the gate reads in English for an English reader (the stored row
stays as written: it is under the audit digests)."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from desktop.i18n import language, set_language
from desktop.services import gate
from desktop.services.context import ServiceError
from desktop.store.models import OccupantCheck
from tests.services.test_gate import NOW, approve, check_in

pytestmark = pytest.mark.usefixtures("site_points")


def test_an_old_sample_stored_in_chinese_is_explained_in_english(db, actor):
    before = language()
    try:
        set_language("zh")
        approve(db, actor, sampled_hours_ago=52)
        _, arrival = check_in(db, actor)
        set_language("en")
        with db.session() as s, pytest.raises(ServiceError) as err:
            gate.decide(s, actor=actor, now=NOW, arrival_id=arrival.id, decision="enter")
        assert "Sampled 52 hours ago, more than 48 hours" in err.value.message
        assert "采样" not in err.value.message
        with db.session(write=False) as s:
            stored = [json.loads(r.failures) for r in s.exec(select(OccupantCheck)).all()]
        assert stored == [[{"check": "test", "message": "采样时间52小时前，超过48小时"}]]  # as written
    finally:
        set_language(before)
