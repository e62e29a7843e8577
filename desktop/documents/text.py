"""Measuring, wrapping and shortening mixed Chinese/Latin text for reportlab."""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth

ELLIPSIS = "…"
# A Latin word or number stays whole when it can; every CJK character is its own token.
# Closing punctuation sticks to what precedes it so no line starts with "）" or "，".
_TOKEN = re.compile(r"[A-Za-z0-9.,:;/%()+\-_']+[、，。）》」』】！？：；]*|\s+|.[、，。）》」』】！？：；,.)!?:;]*", re.S)


def width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def shorten(text: str, font: str, size: float, max_width: float) -> str:
    """The text, or as much of it as fits followed by an ellipsis."""
    if width(text, font, size) <= max_width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if width(text[:mid] + ELLIPSIS, font, size) <= max_width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS if lo else ""


def wrap(text: str, font: str, size: float, max_width: float, max_lines: int | None = None) -> list[str]:
    """Greedy line breaking; a word longer than a line is broken by character. With `max_lines`,
    the last kept line ends with an ellipsis when text was cut."""
    text = " ".join(text.split())
    if not text:
        return []
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(text):
        if width(line + token, font, size) <= max_width:
            line += token
            continue
        if token.isspace():
            lines.append(line)
            line = ""
            continue
        if line:
            lines.append(line.rstrip())
            line = ""
        for ch in token:  # a token wider than what is left: break it where it must break
            if width(line + ch, font, size) > max_width and line:
                lines.append(line)
                line = ""
            line += ch
    if line.strip():
        lines.append(line.rstrip())
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        last = kept[-1]
        while last and width(last + ELLIPSIS, font, size) > max_width:
            last = last[:-1]
        kept[-1] = last.rstrip() + ELLIPSIS
        return kept
    return lines
