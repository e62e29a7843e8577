from desktop.domain.limits import QUANTITY_MAX, quantity_ok
from desktop.domain.text import quote, too_long


def test_quote_keeps_short_values_and_cuts_long_ones_to_forty_with_an_ellipsis():
    assert quote("苏N·12345") == "苏N·12345"
    assert quote("x" * 40) == "x" * 40
    long = quote("名" * 100_000)
    assert len(long) == 40 and long.endswith("…")
    assert quote("a\nb\x00c") == "a b c" and quote(None) == ""


def test_too_long_says_how_long_and_quotes_at_most_forty():
    assert too_long("姓名", "张三", 50) is None
    message = too_long("姓名", "张" * 100_000, 50)
    assert message is not None and "100000" in message and "张" * 41 not in message


def test_a_quantity_is_finite_positive_and_at_most_a_million():
    assert quantity_ok(1) and quantity_ok(0.5) and quantity_ok(QUANTITY_MAX)
    for bad in (0, -1, 1e41, float("nan"), float("inf"), float("-inf"), QUANTITY_MAX + 1):
        assert not quantity_ok(bad)
