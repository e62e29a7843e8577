"""One person in the vehicle: who they are, each check as a big control, and what failed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import parse_datetime, site_zone
from desktop.domain.identity import InputError, mask_id
from desktop.domain.masking import mask_phone
from desktop.domain.settings_catalog import entry
from desktop.gui.terms import term
from desktop.services.gate import CheckInfo, CheckInput

SYMPTOMS_WIDTH = 560  # what a card has beside the reference photo on a 1366-pixel-wide window
DEFAULT_SYMPTOMS: tuple[str, ...] = tuple(entry("health.symptoms").default)

CARD_STYLE = """
QFrame#occupant { background: white; border: 3px solid #6b7f93; border-radius: 8px; }
QFrame#occupant[verdict="pass"] { border-color: #1a7f37; }
QFrame#occupant[verdict="fail"] { border-color: #c62828; background: #fff5f5; }
QLabel#who { font-size: 22pt; font-weight: bold; }
QLabel#failures { font-size: 19pt; font-weight: bold; color: #b71c1c; }
QLabel#passed { font-size: 19pt; font-weight: bold; color: #1a7f37; }
QCheckBox { font-size: 16pt; }
"""


class OccupantCard(QFrame):
    """Signals: photo_requested(int check_id); reveal_requested(str table, int row id): the guard
    asks for the full ID number and phone (the page asks the service, which audits it)."""

    photo_requested = Signal(int)
    reveal_requested = Signal(str, int)

    def __init__(self, person: CheckInput, *, editable_identity: bool, photo: bytes | None = None,
                 parent: QWidget | None = None, symptoms: tuple[str, ...] = DEFAULT_SYMPTOMS) -> None:
        super().__init__(parent)
        self.setObjectName("occupant")
        self.setStyleSheet(CARD_STYLE)
        self.person = person
        self.symptom_names = symptoms
        self.check_id: int | None = None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        role = self.tr("驾驶员") if person.role == "driver" else self.tr("随车人员")
        if editable_identity:
            self.name_edit = QLineEdit(person.name, self)
            self.name_edit.setPlaceholderText(self.tr("姓名"))
            self.id_edit = QLineEdit(person.id_number, self)
            self.id_edit.setPlaceholderText(self.tr("身份证号"))
            top.addWidget(QLabel(role, self))
            top.addWidget(self.name_edit, 1)
            top.addWidget(self.id_edit, 2)
        else:
            self.name_edit = self.id_edit = None
            self.who = QLabel(self)
            self.who.setObjectName("who")
            self.who.setWordWrap(True)  # the show-full button beside it must not widen the card
            self.show_identity(mask_id(person.id_number), mask_phone(person.phone))
            top.addWidget(self.who, 1)
            self.reveal_button = QPushButton(self.tr("显示完整"), self)
            self.reveal_button.setObjectName("reveal")
            self.reveal_button.setToolTip(self.tr("核对身份时显示完整证件号和电话（会记入审计日志）"))
            self.reveal_button.setEnabled(bool(person.id_number or person.phone))
            self.reveal_button.clicked.connect(self._ask_reveal)
            top.addWidget(self.reveal_button)
        self.photo_button = QPushButton(self.tr("拍照"), self)
        self.photo_button.setEnabled(False)
        self.photo_button.setToolTip(self.tr("登记后可拍照留存（无摄像头时选择照片文件）"))
        self.photo_button.clicked.connect(lambda: self.check_id and self.photo_requested.emit(self.check_id))
        top.addWidget(self.photo_button)
        outer.addLayout(top)
        body = QHBoxLayout()
        self.reference = QLabel(self)
        self.reference.setFixedSize(96, 120)
        pixmap = QPixmap()
        if photo and pixmap.loadFromData(photo):
            self.reference.setPixmap(pixmap.scaled(96, 120, Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))
            self.reference.setToolTip(self.tr("审核时的证件照：与本人核对"))
            body.addWidget(self.reference)
        else:
            self.reference.hide()
        body.addLayout(self._checks(person), 1)
        outer.addLayout(body)
        self.result = QLabel("", self)
        self.result.setWordWrap(True)
        outer.addWidget(self.result)

    def _checks(self, p: CheckInput) -> QGridLayout:
        grid = QGridLayout()
        self.health = QComboBox(self)
        for text, value in ((self.tr("绿码"), "green"), (self.tr("黄码"), "yellow"), (self.tr("红码"), "red"),
                            (self.tr("未查验"), "unknown")):
            self.health.addItem(text, value)
        self.health.setCurrentIndex(self.health.findData(p.health_code if p.health_code != "unknown" else "green"))
        self.test = QComboBox(self)
        for text, value in ((self.tr("核酸阴性"), "negative"), (self.tr("核酸阳性"), "positive"),
                            (self.tr("无核酸结果"), "none")):
            self.test.addItem(text, value)
        self.test.setCurrentIndex(self.test.findData(p.test_result if p.test_result != "none" else "negative"))
        self.sampled = QLineEdit(self)
        self.sampled.setPlaceholderText(self.tr("采样时间，如 2026-11-28 09:30"))
        if p.test_sampled_at:
            self.sampled.setText(p.test_sampled_at.astimezone(site_zone()).strftime("%Y-%m-%d %H:%M"))
            self.sampled.setCursorPosition(0)
        self.contact = QComboBox(self)
        for text, value in ((self.tr("无疫区接触史"), False), (self.tr("有疫区接触史"), True), (self.tr("未询问"), None)):
            self.contact.addItem(text, value)
        self.itinerary = QCheckBox(self.tr("行程：近期未离开本市"), self)
        self.identity = QCheckBox(self.tr("人证一致"), self)
        self.pledge = QCheckBox(self.tr("已签承诺书"), self)
        self.rules = QCheckBox(self.tr("已告知：按路线、戴口罩、关车窗、不下车"), self)
        if self.name_edit is None:  # asked and told at the window
            for box in (self.itinerary, self.rules):
                box.setChecked(True)
        else:  # a walk-in: nobody has looked at anything yet, so nothing is shown as seen
            self.health.setCurrentIndex(self.health.findData(p.health_code))
            self.test.setCurrentIndex(self.test.findData(p.test_result))
            self.contact.setCurrentIndex(self.contact.count() - 1 if p.contact_history is None
                                         else self.contact.findData(p.contact_history))
            self.itinerary.setChecked(bool(p.itinerary_ok))
            self.rules.setChecked(p.rules_acknowledged)
        # never ticked for the guard without the materials: a pledge on file, a photo to compare
        self.identity.setChecked(bool(p.identity_ok))
        self.pledge.setChecked(p.pledge_signed)
        grid.addWidget(self.health, 0, 0)
        grid.addWidget(self.test, 0, 1)
        grid.addWidget(self.sampled, 0, 2)
        grid.addWidget(self.contact, 1, 0)
        grid.addWidget(self.itinerary, 1, 1, 1, 2)
        grid.addWidget(self.identity, 2, 0)
        grid.addWidget(self.pledge, 2, 1)
        grid.addWidget(self.rules, 3, 0, 1, 3)
        grid.addLayout(self._health(p), 4, 0, 1, 3)
        for combo in (self.health, self.test, self.contact):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)
        # the whole "2026-11-28 09:30" must show: a guard reads the year and the minutes
        self.sampled.setMinimumWidth(self.sampled.fontMetrics().horizontalAdvance("2026-11-28 09:30") + 30)
        for col, stretch in enumerate((1, 1, 2)):
            grid.setColumnStretch(col, stretch)
        return grid

    def _health(self, p: CheckInput) -> QGridLayout:
        """Body temperature (empty: not measured) and the symptom question, one box per symptom."""
        grid = QGridLayout()
        self.temperature = QLineEdit(f"{p.temperature_c:.1f}" if p.temperature_c is not None else "", self)
        self.temperature.setPlaceholderText(self.tr("如 36.5"))
        self.temperature.setMinimumWidth(self.temperature.fontMetrics().horizontalAdvance("如 36.5") + 40)
        title = QLabel(self.tr("体温℃"), self)
        title.setBuddy(self.temperature)
        grid.addWidget(title, 0, 0)
        grid.addWidget(self.temperature, 0, 1)
        grid.addWidget(QLabel(self.tr("症状："), self), 0, 2)
        self.symptoms: dict[str, QCheckBox] = {}
        for name in self.symptom_names:
            box = QCheckBox(term(name), self)
            box.setChecked(name in p.symptoms)
            self.symptoms[name] = box
        # three a row beside the temperature when they fit the card (Chinese); else on rows of their
        # own below it, as many a row as fit (English words are longer)
        boxes = list(self.symptoms.values())
        widest = max((b.sizeHint().width() for b in boxes), default=0)
        beside = widest * 3 + title.sizeHint().width() + self.temperature.minimumWidth() + 160 <= SYMPTOMS_WIDTH
        per_row = 3 if beside or widest * 3 + 16 <= SYMPTOMS_WIDTH else 2
        for i, box in enumerate(boxes):
            grid.addWidget(box, *((i // 3, 3 + i % 3) if beside else (1 + i // per_row, i % per_row * 2, 1, 2)))
        grid.setColumnStretch(6, 1)
        return grid

    def _temperature(self) -> float | None:
        text = self.temperature.text().strip().replace("℃", "").replace("，", ".").replace(",", ".")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            raise InputError("temperature", self.tr("体温“{t}”看不懂，请填写如 36.5").replace("{t}", text)) from None

    def value(self, *, today: date) -> CheckInput:
        """What the card says now; a sampling time without a year is in the year nearest `today`
        (the site's: 12-31 22:00 typed on 1 January is last year's). Raises InputError for a
        sampling time it cannot read."""
        text = self.sampled.text().strip()
        sampled = parse_datetime(text, tz=site_zone(), near=today) if text else None
        name = self.name_edit.text().strip() if self.name_edit else self.person.name
        id_number = self.id_edit.text().strip() if self.id_edit else self.person.id_number
        return CheckInput(
            name=name, role=self.person.role, id_number=id_number, phone=self.person.phone,
            approval_occupant_id=self.person.approval_occupant_id, health_code=self.health.currentData(),
            itinerary_ok=True if self.itinerary.isChecked() else None,
            identity_ok=True if self.identity.isChecked() else None, test_result=self.test.currentData(),
            test_sampled_at=sampled, contact_history=self.contact.currentData(),
            pledge_signed=self.pledge.isChecked(), rules_acknowledged=self.rules.isChecked(),
            identity_photo_id=self.person.identity_photo_id, temperature_c=self._temperature(),
            symptoms=tuple(name for name, box in self.symptoms.items() if box.isChecked()))

    def show_result(self, check: CheckInfo) -> None:
        self.check_id = check.id
        self.person = check.input
        self.photo_button.setEnabled(True)
        open_failures = check.open_failures
        lines = [f"✘ {f.message}" for f in open_failures]
        lines += [f"✔ {f.message}" + self.tr("（督查员已放行）") for f in check.failures if f.check in check.overridden]
        if open_failures:
            self.result.setObjectName("failures")
            self.result.setText("\n".join(lines))
            self.setProperty("verdict", "fail")
        else:
            self.result.setObjectName("passed")
            self.result.setText("\n".join([self.tr("✔ 全部合格"), *lines[len(open_failures):]]))
            self.setProperty("verdict", "pass")
        self.setStyleSheet(CARD_STYLE)  # re-polish for the new property

    def show_identity(self, id_text: str, phone_text: str) -> None:
        role = self.tr("驾驶员") if self.person.role == "driver" else self.tr("随车人员")
        shown = " · ".join(x for x in (role, id_text, phone_text) if x)
        self.who.setText(f"{self.person.name}  <span style='font-size:15pt;font-weight:normal'>{shown}</span>")

    def _ask_reveal(self) -> None:
        if self.check_id is not None:
            self.reveal_requested.emit("occupant_check", self.check_id)
        elif self.person.approval_occupant_id is not None:
            self.reveal_requested.emit("approval_occupant", self.person.approval_occupant_id)

    def show_photo_saved(self) -> None:
        self.photo_button.setText(self.tr("已拍照 ✔"))


__all__ = ["InputError", "OccupantCard"]
