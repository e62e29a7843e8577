import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import codes


def test_new_code_round_trips():
    code = codes.new_code("SQ", random.Random(1).randrange)
    assert codes.parse(code).text == code
    assert len(code) == len("SQ-") + 9


def test_scanner_noise_is_tolerated():
    code = codes.new_code("SQ", random.Random(2).randrange)
    assert codes.parse(f"\x02 {code.lower()}\r\n").text == code
    assert codes.parse(code.replace("-", "")).text == code


@given(st.integers(0, 2**32), st.integers(0, 8), st.integers(1, 28))
def test_any_single_wrong_symbol_is_caught(seed, pos, shift):
    code = codes.new_code("SQ", random.Random(seed).randrange)
    body = code[3:]
    wrong = codes.ALPHABET[(codes.ALPHABET.index(body[pos]) + shift) % codes.MODULUS]
    typo = code[:3] + body[:pos] + wrong + body[pos + 1:]
    with pytest.raises(codes.CodeError) as err:
        codes.parse(typo)
    assert err.value.problem is codes.CodeProblem.CHECK


@given(st.integers(0, 2**32), st.integers(0, 7))
def test_any_neighbour_swap_is_caught(seed, pos):
    code = codes.new_code("SQ", random.Random(seed).randrange)
    body = list(code[3:])
    if body[pos] == body[pos + 1]:
        return
    body[pos], body[pos + 1] = body[pos + 1], body[pos]
    with pytest.raises(codes.CodeError):
        codes.parse(code[:3] + "".join(body))


@pytest.mark.parametrize("raw", ["", "   ", "\r\n"])
def test_empty(raw):
    with pytest.raises(codes.CodeError) as err:
        codes.parse(raw)
    assert err.value.problem is codes.CodeProblem.EMPTY


@pytest.mark.parametrize("raw", ["hello", "SQ-123", "SQ-OOOOOOOOO", "12345678901234567"])
def test_garbage_is_malformed(raw):
    with pytest.raises(codes.CodeError) as err:
        codes.parse(raw)
    assert err.value.problem is codes.CodeProblem.MALFORMED
