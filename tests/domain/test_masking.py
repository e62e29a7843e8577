from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.masking import mask_id, mask_phone, mask_text

digits = st.text(alphabet="0123456789", min_size=1, max_size=24)


def _shown(masked: str) -> int:
    return sum(c != "*" for c in masked)


def test_examples():
    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("138-1234-1234") == "138****1234"
    assert mask_id("32010219900101123X") == "320***********123X"
    assert mask_text("张三 13812341234，身份证320102199001011234") == "张三 138****1234，身份证320***********1234"
    assert mask_text("120 箱 大米") == "120 箱 大米"


@given(digits)
def test_phone_never_shows_more_than_allowed(phone):
    masked = mask_phone(phone)
    assert len(masked) == len(phone)
    assert _shown(masked) <= 7
    assert len(masked) - _shown(masked) >= min(4, len(phone))
    if len(phone) < 11:
        assert _shown(masked) * 2 <= len(phone)
    assert phone not in masked or len(phone) == 0


@given(st.text(alphabet="0123456789Xx", min_size=1, max_size=24))
def test_id_never_in_full(number):
    masked = mask_id(number)
    assert _shown(masked) <= 7
    assert masked.count("*") >= min(4, len(number))
    assert number.upper() != masked


@given(st.lists(st.one_of(st.sampled_from(["张三", " ", "电话", "，", "收"]),
                          st.from_regex(r"1[3-9]\d{9}", fullmatch=True),
                          st.from_regex(r"\d{17}[\dX]", fullmatch=True)), max_size=6))
def test_free_text_keeps_no_full_number(parts):
    text = "".join(parts)
    masked = mask_text(text)
    for part in parts:
        if part[:1].isdigit():
            assert part not in masked
    assert not any(len(run) >= 8 for run in "".join(c if c.isdigit() else " " for c in masked).split())
