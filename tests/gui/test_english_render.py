"""Every screen and every dialog the screenshot walk opens, drawn at 1366×768 on a demo day: in
English no Chinese is left on a label, button, tab, heading or menu (names, places, plates and goods
that people typed aside), and in both languages no text is wider than the widget that shows it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from desktop.gui.screenshots import render_all
from desktop.services import demo
from desktop.store import models as m
from desktop.store.migrate import open_database
from tests.gui.render_check import Checker

# Data: what people typed or imported, shown as it was written, whatever the reader's language.
DATA_COLUMNS = [
    (m.Site, "name"), (m.UnloadingPoint, "name"), (m.UnloadingPoint, "route"), (m.Operator, "display_name"),
    (m.Station, "name"), (m.Supplier, "name"), (m.Supplier, "contact_name"), (m.VehiclePass, "holder"),
    (m.Approval, "supplier_name"), (m.Approval, "cargo_summary"), (m.Approval, "note"),
    (m.Approval, "review_reason"), (m.ApprovalOccupant, "name"), (m.ApprovalCargo, "category"),
    (m.ApprovalCargo, "description"), (m.ApprovalCargo, "unit"), (m.Arrival, "route"),
    (m.Arrival, "decision_reason"), (m.Arrival, "cancel_reason"), (m.OccupantCheck, "name"),
    (m.Override, "reason"), (m.HouseholdOrder, "community"), (m.HouseholdOrder, "building"),
    (m.HouseholdOrder, "contact_name"), (m.HouseholdOrder, "items"), (m.Consignment, "category"),
    (m.Consignment, "description"), (m.Consignment, "unit"), (m.Consignment, "recipient"),
    (m.Consignment, "destination"), (m.Disinfection, "operators"), (m.DwellTimer, "early_reason"),
    (m.Violation, "description"), (m.CustodyEvent, "reason"),
    (m.Disinfection, "agent"),  # as recorded (the form offers the settings' words through desktop.gui.terms)
    (m.Release, "receiver"), (m.Release, "destination"), (m.Release, "transfer_vehicle"), (m.Slip, "void_reason"), (m.Disinfection, "recall_reason"), (m.Disinfection, "late_reason"),
]

# Widgets whose whole text is data (an explicit few; everything else is checked).
DATA_WIDGETS: set[str] = set()
# Texts that are Chinese on purpose in every language: the language menu names each language in its own.
OWN_NAMES = {"语言 / Language", "简体中文"}


def _data(db) -> list[str]:  # type: ignore[no-untyped-def]
    values: list[str] = []
    with db.session(write=False) as s:
        for model, column in DATA_COLUMNS:
            for value in s.exec(select(getattr(model, column))).all():
                if value:
                    values.append(str(value))
                    values += [part for part in re.split(r"[\s；，、（）()]+", str(value)) if part]
    return values


@pytest.mark.qt_log_ignore("Couldn't (load|resolve)", "PulseAudioService", "propagateSizeHints")
@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_screen_reads_in_its_language_and_fits(tmp_path: Path, clock, qapp, language):
    from desktop.gui.application import install_translator

    db = open_database(str(tmp_path / "demo.sqlite3"))
    try:
        demo.build(db, day=date(2026, 11, 29), clock=clock)
        checker = Checker(english=language == "en", data=_data(db), allowed=DATA_WIDGETS, texts=OWN_NAMES)
        render_all(tmp_path / "shots", db=db, clock=clock, language=language, look=checker.look)
    finally:
        db.dispose()
        install_translator(qapp, "zh")
    problems = sorted(checker.problems.values())
    assert not problems, f"{len(problems)} texts untranslated or clipped:\n" + "\n".join(problems)
