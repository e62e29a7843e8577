"""Slip and bag-label numbers: random, short enough to type, with a check character.

A code looks like ``SQ-7KM3QX9A4``: the site's code, a dash, eight random symbols and one
check symbol. The 29 symbols leave out 0/O, 1/I/L, U and Z so nothing reads as something else.
With a prime modulus and distinct position weights the check catches every single wrong symbol
and every swap of two neighbours.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXY"
MODULUS = len(ALPHABET)  # 29, prime
BODY_LENGTH = 8
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
_SITE_RE = re.compile(r"^[A-Z]{2,4}$")
_ALNUM36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class CodeProblem(StrEnum):
    EMPTY = "empty"
    MALFORMED = "malformed"  # wrong length or symbols outside the alphabet
    CHECK = "check"  # the check symbol does not match: a typo or a damaged label


@dataclass(frozen=True)
class ParsedCode:
    site: str
    body: str
    check: str

    @property
    def text(self) -> str:
        return f"{self.site}-{self.body}{self.check}"


class CodeError(ValueError):
    def __init__(self, problem: CodeProblem, raw: str) -> None:
        super().__init__(f"{problem.value}: {raw!r}")
        self.problem = problem
        self.raw = raw


def valid_site_code(site: str) -> bool:
    return bool(_SITE_RE.match(site))


def check_symbol(site: str, body: str) -> str:
    total = 0
    for weight, char in enumerate(site + body, start=1):
        value = _VALUE[char] if char in _VALUE else _ALNUM36.index(char) % MODULUS
        total += weight * value
    return ALPHABET[total % MODULUS]


def new_code(site: str, randbelow: Callable[[int], int] = secrets.randbelow) -> str:
    """A fresh code for `site`; `randbelow` is injectable so tests can fix ids."""
    if not valid_site_code(site):
        raise ValueError(f"site code must be 2-4 letters A-Z, got {site!r}")
    body = "".join(ALPHABET[randbelow(MODULUS)] for _ in range(BODY_LENGTH))
    return f"{site}-{body}{check_symbol(site, body)}"


def normalise(raw: str) -> str:
    """Upper-case, drop separators, spaces and control characters a scanner or a person adds."""
    kept = [c for c in raw.upper() if c.isascii() and c.isalnum()]
    return "".join(kept)


def parse(raw: str) -> ParsedCode:
    """Parse what was scanned or typed; raise CodeError saying what is wrong with it."""
    text = normalise(raw)
    if not text:
        raise CodeError(CodeProblem.EMPTY, raw)
    site, rest = text[: -(BODY_LENGTH + 1)], text[-(BODY_LENGTH + 1) :]
    if not valid_site_code(site) or len(rest) != BODY_LENGTH + 1 or any(c not in _VALUE for c in rest):
        raise CodeError(CodeProblem.MALFORMED, raw)
    body, check = rest[:-1], rest[-1]
    if check_symbol(site, body) != check:
        raise CodeError(CodeProblem.CHECK, raw)
    return ParsedCode(site=site, body=body, check=check)
