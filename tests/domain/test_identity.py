from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.identity import (
    InputError,
    display_plate,
    id_check_digit,
    normalize_id_number,
    normalize_phone,
    normalize_plate,
)


@pytest.mark.parametrize(("raw", "want"), [
    ("苏N·12345", "苏N12345"),
    ("苏n 12345", "苏N12345"),
    ("苏Ｎ１２３４５", "苏N12345"),  # full-width
    (" 苏N-1234５ ", "苏N12345"),
    ("苏ND12345", "苏ND12345"),  # small new-energy
    ("苏N12345F", "苏N12345F"),  # large new-energy
    ("苏NA1B23", "苏NA1B23"),
    ("苏N1234挂", "苏N1234挂"),
    ("苏NO12I4", "苏N01214"),  # O and I never appear: they were 0 and 1
])
def test_plates_are_normalised(raw, want):
    assert normalize_plate(raw) == want


@pytest.mark.parametrize("raw", ["", "N12345", "苏N1234", "苏N1234567", "苏1A2345", "苏ND1234A", "AB苏12345"])
def test_bad_plates_are_refused_with_a_reason(raw):
    with pytest.raises(InputError) as err:
        normalize_plate(raw)
    assert err.value.field == "plate" and err.value.message


def test_plate_display_has_the_dot():
    assert display_plate("苏N12345") == "苏N·12345"


def _valid_id(body17: str) -> str:
    return body17 + id_check_digit(body17)


def test_id_number_check_digit_known_example():
    # The example printed in GB 11643-1999.
    assert normalize_id_number("11010519491231002x") == "11010519491231002X"


def test_id_number_wrong_digit_says_so():
    with pytest.raises(InputError, match="校验位"):
        normalize_id_number("110105194912310021")


def test_id_number_impossible_birth_date():
    with pytest.raises(InputError, match="出生日期"):
        normalize_id_number(_valid_id("32130219900230123"))


def test_old_15_digit_id_is_named():
    with pytest.raises(InputError, match="15位"):
        normalize_id_number("321302900101123")


@given(st.text("0123456789", min_size=6, max_size=6), st.dates(date(1900, 1, 1), date(2025, 12, 31)), st.text("0123456789", min_size=3, max_size=3),
       st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_typo_is_caught(area, born, seq, pos, shift):
    good = _valid_id(area + born.strftime("%Y%m%d") + seq)
    if len(good) != 18:
        return
    assert normalize_id_number(good) == good
    wrong = good[:pos] + str((int(good[pos]) + shift) % 10) + good[pos + 1:]
    with pytest.raises(InputError):
        normalize_id_number(wrong)


@pytest.mark.parametrize(("raw", "want"), [
    ("138 1234 5678", "13812345678"), ("+86 138-1234-5678", "13812345678"),
    ("１３８１２３４５６７８", "13812345678"), ("0527-84301234", "052784301234"), ("13812345678.0", "13812345678"),
])
def test_phones(raw, want):
    assert normalize_phone(raw) == want


@pytest.mark.parametrize("raw", ["1381234567", "23812345678", "abc"])
def test_bad_phones(raw):
    with pytest.raises(InputError):
        normalize_phone(raw)


_SERIAL = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


@given(st.sampled_from(list("京沪苏皖浙鲁豫")), st.sampled_from(list("ABCDEFGHJKLMN")),
       st.text(_SERIAL, min_size=5, max_size=5), st.lists(st.sampled_from([" ", "·", "-", ""]), min_size=6, max_size=6),
       st.booleans(), st.booleans())
def test_any_way_of_typing_a_plate_gives_the_same_plate(province, letter, serial, gaps, lower, wide):
    plate = province + letter + serial
    chars = list(plate)
    typed = "".join(c + g for c, g in zip(chars, [*gaps, ""], strict=False))
    if lower:
        typed = typed.lower()
    if wide:  # full-width forms, as a Chinese input method types them
        typed = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in typed)
    assert normalize_plate(typed) == plate
