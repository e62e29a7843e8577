"""Plates, resident ID numbers and phone numbers as people type them: normalise, then validate.

Every `normalize_*` returns the canonical stored form or raises `InputError` whose message says
what is wrong in words a guard or a reviewer can act on.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from desktop.domain.text import quote
from desktop.i18n import t

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_LETTER = "A-HJ-NP-Z"  # plates never use I or O
_SERIAL = f"[{_LETTER}0-9]"
_REGULAR = re.compile(f"^[{PROVINCES}][{_LETTER}]{_SERIAL}{{5}}$")
_SPECIAL = re.compile(f"^[{PROVINCES}][{_LETTER}]{_SERIAL}{{4}}[挂学警港澳]$")
# New-energy plates (GA 36-2018 and its 2023 extension): small cars put D/F (now A-K) first in the
# serial, large ones end with D/F.
_NEW_ENERGY = re.compile(
    f"^[{PROVINCES}][{_LETTER}](?:[A-HJK][{_LETTER}0-9][0-9]{{4}}|[0-9]{{5}}[DF])$"
)
_NOISE = re.compile(r"[\s·•・.\-_‧∙'\"]+")


class InputError(ValueError):
    """A value that cannot be accepted; the message is for the person who typed it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _fold(raw: str) -> str:
    """Full-width letters and digits to ASCII, upper case."""
    return unicodedata.normalize("NFKC", raw or "").upper()


def normalize_plate(raw: str) -> str:
    """'苏n·12345', '苏Ｎ １２３４５', ' su ...' -> '苏N12345' (or raise InputError)."""
    text = _NOISE.sub("", _fold(raw))
    if not text:
        raise InputError("plate", t("请输入车牌号。", "Enter the plate number."))
    if text[0] not in PROVINCES:
        raise InputError("plate", t("车牌号应以省份简称开头（如“苏”）：{p}",
                                    "A plate starts with a province character (e.g. 苏): {p}", p=quote(raw.strip())))
    # I and O never appear in the serial: a guard who typed them meant 1 and 0.
    if len(text) > 2:
        text = text[:2] + text[2:].replace("O", "0").replace("I", "1")
    if _REGULAR.match(text) or _SPECIAL.match(text) or _NEW_ENERGY.match(text):
        return text
    if len(text) not in (7, 8):
        return _bad_plate(raw, t("位数不对（应为7位，新能源8位）", "wrong length (7, or 8 for new-energy)"))
    return _bad_plate(raw, t("格式不对", "not a valid format"))


def _bad_plate(raw: str, why: str) -> str:
    raise InputError("plate", t("车牌号 {p} {w}。", "Plate {p}: {w}.", p=quote(raw.strip()), w=why))


def is_plate(raw: str) -> bool:
    try:
        normalize_plate(raw)
    except InputError:
        return False
    return True


def display_plate(plate: str) -> str:
    """'苏N12345' -> '苏N·12345', as painted on the plate."""
    return f"{plate[:2]}·{plate[2:]}" if len(plate) > 2 else plate


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    """GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits."""
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def normalize_id_number(raw: str) -> str:
    """An 18-character resident ID number with a correct check digit and a real birth date."""
    text = re.sub(r"\s+", "", _fold(raw))
    if not text:
        raise InputError("id_number", t("请填写身份证号。", "Enter the ID number."))
    if len(text) == 15 and text.isdigit():
        raise InputError("id_number", t("身份证号 {v} 是15位旧号码，请提供18位号码。",
                                        "ID number {v} is an old 15-digit number; give the 18-digit one.", v=quote(text)))
    if len(text) != 18 or not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise InputError("id_number", t("身份证号 {v} 应为18位（末位可为X）。",
                                        "ID number {v} must be 18 characters (the last may be X).", v=quote(text)))
    try:
        date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise InputError("id_number", t("身份证号 {v} 中的出生日期不存在。",
                                        "ID number {v} holds a birth date that does not exist.", v=quote(text))) from None
    if id_check_digit(text[:17]) != text[17]:
        raise InputError("id_number", t("身份证号 {v} 校验位不对，可能抄错了一位。",
                                        "ID number {v} fails its check digit: one character is probably wrong.",
                                        v=quote(text)))
    return text


_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}$")


def normalize_phone(raw: str) -> str:
    """A mainland mobile (11 digits) or a landline with area code; spaces, dashes and +86 dropped."""
    text = re.sub(r"[\s\-()（）]+", "", _fold(raw))
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    if text.endswith(".0") and text[:-2].isdigit():  # a number Excel stored as a float
        text = text[:-2]
    if _MOBILE.match(text) or _LANDLINE.match(text):
        return text
    if not text:
        raise InputError("phone", t("请填写联系电话。", "Enter the phone number."))
    raise InputError("phone", t("电话号码 {v} 不对（手机应为1开头的11位数字）。",
                                "Phone number {v} is not valid (a mobile has 11 digits starting with 1).",
                                v=quote(raw.strip())))


def mask_id(id_number: str) -> str:
    """Show only what a guard needs to compare: first 6 and last 4."""
    return id_number[:6] + "*" * 8 + id_number[-4:] if len(id_number) == 18 else id_number
