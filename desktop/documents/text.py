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
    the last kept line ends with an ellipsis when text was cut. Widths add up (no kerning in
    reportlab's TrueType support), so each token is measured once."""
    text = " ".join(text.split())
    if not text:
        return []
    lines: list[str] = []
    line, used = "", 0.0
    for token in _TOKEN.findall(text):
        w = width(token, font, size)
        if used + w <= max_width:
            line, used = line + token, used + w
            continue
        if token.isspace():
            lines.append(line)
            line, used = "", 0.0
            continue
        if line:
            lines.append(line.rstrip())
            line, used = "", 0.0
        if w <= max_width:
            line, used = token, w
            continue
        for ch in token:  # a token wider than a whole line: break it where it must break
            cw = width(ch, font, size)
            if used + cw > max_width and line:
                lines.append(line)
                line, used = "", 0.0
            line, used = line + ch, used + cw
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
