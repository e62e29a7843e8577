"""Phone and ID numbers never appear in full on paper or screens that others can read.

Mobile numbers keep the first 3 and the last 4 digits (138****1234); other phone numbers keep the
last 4 at most. ID numbers keep the first 3 and the last 4 only when they are at least 15 long
(320***********1234); shorter documents keep the last 2 at most. In every case at most 7
characters show, at least 4 are hidden, and at least half of anything shorter than 11.
`mask_text` applies this to any free text (a recipient written as "张三 13812341234").
"""

from __future__ import annotations

import re

MASK = "*"
_MOBILE = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9])")
_ID = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])|(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])")
_LONG_DIGITS = re.compile(r"\d[\d -]{5,}\d")


def _keep(text: str, head: int, tail: int) -> str:
    hidden = len(text) - head - tail
    return text[:head] + MASK * hidden + (text[-tail:] if tail else "")


def _safe(n: int, head: int, tail: int) -> tuple[int, int]:
    """Shrink what is kept until at least 4 characters are hidden, and at least half of anything
    shorter than a mobile number."""
    while head + tail > 0 and (n - head - tail < 4 or (n < 11 and (head + tail) * 2 > n)):
        if head > 0:
            head -= 1
        else:
            tail -= 1
    return head, tail


def mask_phone(phone: str) -> str:
    """138****1234 for an 11-digit mobile; at most the last 4 digits of anything else."""
    digits = "".join(c for c in phone if c.isdigit())
    if not digits:
        return ""
    if len(digits) == 11:
        head, tail = 3, 4
    else:
        head, tail = 0, 4
    return _keep(digits, *_safe(len(digits), head, tail))


def mask_id(number: str) -> str:
    """320***********1234 for an 18-character resident ID; at most the last 2 of short documents."""
    text = "".join(c for c in number.strip() if c.isalnum()).upper()
    if not text:
        return ""
    head, tail = (3, 4) if len(text) >= 15 else (0, 2)
    return _keep(text, *_safe(len(text), head, tail))


def mask_text(text: str) -> str:
    """Mask every ID number, mobile number and long run of digits found in free text."""
    text = _ID.sub(lambda m: mask_id(m.group(0)), text)
    text = _MOBILE.sub(lambda m: mask_phone(m.group(0)), text)
    return _LONG_DIGITS.sub(lambda m: mask_phone(m.group(0)) if sum(c.isdigit() for c in m.group(0)) >= 7
                            else m.group(0), text)


def mask_numbers(text: str) -> str:
    """Mask ID and mobile numbers only, leaving other digits (slip numbers, dates) as they are:
    for codes a scanner read, which may be an ID card's number by mistake."""
    text = _ID.sub(lambda m: mask_id(m.group(0)), text)
    return _MOBILE.sub(lambda m: mask_phone(m.group(0)), text)
