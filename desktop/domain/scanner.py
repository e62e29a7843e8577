"""Telling a USB barcode scanner from a person typing, and reading what it typed.

A scanner is a keyboard that types a whole code in a burst (a few milliseconds a key) and ends
with Enter; a person types ten times slower. `BurstDetector` sees keystrokes with their times and
says, key by key, whether to hold them (they may be a scan), give them back to the widget that
has the focus (a person typed them), or hand over a finished scan. It never loses a keystroke:
what it gives back plus what it scanned is everything it was given, in order.

`read_scan` turns the raw burst into a slip number: case, stray control characters, full-width
characters from a Chinese input method, and a doubled key (a bouncing scanner or a hand that
scanned twice) are forgiven; a wrong check character is not (that is a damaged label or a typo).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.domain import codes, limits

ENTER = ("\r", "\n")
MAX_GAP = 0.05  # seconds between two keys of one burst; scanners manage 1-30 ms, people 80 ms+
MIN_LENGTH = 6  # shortest burst taken for a scan (a slip number has 11+ symbols)
TRAILER_GAP = 0.05  # a second Enter (CR LF) right after a scan belongs to that scan


class Action(StrEnum):
    HOLD = "hold"  # keep the key for now: it may be part of a scan
    PASS = "pass"  # give `replay` back to the focused widget: a person typed it
    SCAN = "scan"  # `text` is a finished scan; the Enter that ended it is swallowed
    SWALLOW = "swallow"  # the tail of a scan (a second Enter): drop it


@dataclass(frozen=True)
class Outcome:
    action: Action
    replay: tuple[str, ...] = ()  # keys to give back, oldest first (PASS, and before SCAN)
    text: str = ""  # the scanned characters (SCAN)


@dataclass
class BurstDetector:
    """Feed it every key with a time in seconds (any monotonic clock); see `Action`.

    The caller holds keys while `pending` is true and calls `expire(now)` once `deadline` passes:
    a key that was not followed quickly by another was typed by a person.
    """

    max_gap: float = MAX_GAP
    min_length: int = MIN_LENGTH
    _keys: list[str] = field(default_factory=list)
    _last: float | None = None
    _scan_end: float | None = None

    @property
    def pending(self) -> bool:
        return bool(self._keys)

    @property
    def deadline(self) -> float | None:
        return None if self._last is None or not self._keys else self._last + self.max_gap

    def key(self, char: str, at: float) -> Outcome:
        """One keystroke: a single character ("\\r" for Enter, control characters allowed)."""
        stale = self._expired(at)
        if char in ENTER:
            return self._enter(char, at, stale)
        if not self._keys and not stale and self._just_scanned(at) and _is_control(char):
            return Outcome(Action.SWALLOW)
        self._keys.append(char)
        self._last = at
        if stale:
            return Outcome(Action.PASS, replay=stale)
        return Outcome(Action.HOLD)

    def expire(self, now: float) -> Outcome:
        """The timer ran out: whatever is held was typed by a person."""
        stale = self._expired(now)
        return Outcome(Action.PASS, replay=stale) if stale else Outcome(Action.HOLD)

    def flush(self) -> tuple[str, ...]:
        """Give everything back (focus changed, window closed)."""
        keys, self._keys, self._last = tuple(self._keys), [], None
        return keys

    def _expired(self, now: float) -> tuple[str, ...]:
        if self._keys and self._last is not None and now - self._last > self.max_gap:
            return self.flush()
        return ()

    def _just_scanned(self, at: float) -> bool:
        return self._scan_end is not None and 0 <= at - self._scan_end <= TRAILER_GAP

    def _enter(self, char: str, at: float, stale: tuple[str, ...]) -> Outcome:
        if stale:
            return Outcome(Action.PASS, replay=(*stale, char))
        if not self._keys:
            if self._just_scanned(at):
                self._scan_end = None
                return Outcome(Action.SWALLOW)
            return Outcome(Action.PASS, replay=(char,))
        printable = sum(1 for c in self._keys if not _is_control(c))
        keys = self.flush()
        if printable < self.min_length:
            return Outcome(Action.PASS, replay=(*keys, char))
        self._scan_end = at
        return Outcome(Action.SCAN, text="".join(keys))


def _is_control(char: str) -> bool:
    return len(char) != 1 or unicodedata.category(char).startswith("C")


# --- reading the burst ----------------------------------------------------------------------


class ScanKind(StrEnum):
    CODE = "code"  # a well-formed slip number (whether it exists is the service's question)
    INVALID = "invalid"  # the right shape, but the check character is wrong: damaged label or typo
    GARBAGE = "garbage"  # not a slip number at all


@dataclass(frozen=True)
class ScanRead:
    kind: ScanKind
    raw: str
    code: str | None = None  # the canonical number, "SQ-7KM3QX9A4" (CODE only)
    site: str | None = None  # the site prefix, when one could be read
    problem: codes.CodeProblem | None = None
    repaired: bool = False  # a doubled key had to be dropped

    @property
    def ok(self) -> bool:
        return self.kind is ScanKind.CODE


MAX_DOUBLED = 3  # at most this many doubled keys are forgiven in one code


def clean(raw: str) -> str:
    """Full-width to ASCII, upper-case, only letters, digits and the dash after the site code."""
    wide = unicodedata.normalize("NFKC", raw).upper()
    return "".join(c for c in wide if c.isascii() and (c.isalnum() or c == "-"))


def read_scan(raw: str, *, site: str | None = None) -> ScanRead:
    """What a burst (or a hand-typed entry) says: a code, a wrong check character, or garbage.

    `site` (this site's code) settles a doubled key that could be read two ways.
    """
    if len(raw.strip()) > limits.CODE_MAX:  # no code is this long: not worth reading for doubled keys
        return ScanRead(ScanKind.GARBAGE, raw, problem=codes.CodeProblem.MALFORMED)
    text = clean(raw)
    if not text.replace("-", ""):
        return ScanRead(ScanKind.GARBAGE, raw, problem=codes.CodeProblem.EMPTY)
    first = _try(text)
    if isinstance(first, codes.ParsedCode) and site in (None, first.site):
        return ScanRead(ScanKind.CODE, raw, code=first.text, site=first.site)
    readings = {p.text: p for p in (_try(c) for c in sorted(_undoubled(text))) if isinstance(p, codes.ParsedCode)}
    if site is not None and any(p.site == site for p in readings.values()):
        readings = {k: p for k, p in readings.items() if p.site == site}
    if isinstance(first, codes.ParsedCode) and (not readings or first.text in readings):
        return ScanRead(ScanKind.CODE, raw, code=first.text, site=first.site)
    if len(readings) == 1:
        parsed = next(iter(readings.values()))
        return ScanRead(ScanKind.CODE, raw, code=parsed.text, site=parsed.site, repaired=True)
    plain = text.replace("-", "")
    if first is codes.CodeProblem.CHECK:
        return ScanRead(ScanKind.INVALID, raw, site=_site_of(plain), problem=codes.CodeProblem.CHECK)
    return ScanRead(ScanKind.GARBAGE, raw, site=_site_of(plain), problem=codes.CodeProblem.MALFORMED)


def _try(text: str) -> codes.ParsedCode | codes.CodeProblem:
    """Parse, and if the text has a dash, insist the site code is what stands before it."""
    try:
        parsed = codes.parse(text)
    except codes.CodeError as err:
        return err.problem
    head = text.strip("-").split("-", 1)
    if len(head) == 2 and head[0] != parsed.site:
        return codes.CodeProblem.MALFORMED
    return parsed


def _site_of(text: str) -> str | None:
    site = text[: -(codes.BODY_LENGTH + 1)]
    return site if codes.valid_site_code(site) else None


def _undoubled(text: str) -> set[str]:
    """Readings of `text` with doubled keys taken out: the whole code twice, every key twice,
    or up to MAX_DOUBLED single keys repeated."""
    out: set[str] = set()
    half = len(text) // 2
    if len(text) % 2 == 0 and text[:half] == text[half:]:
        out.add(text[:half])
    if len(text) % 2 == 0 and all(text[i] == text[i + 1] for i in range(0, len(text), 2)):
        out.add(text[::2])
    text = text.replace("--", "-")
    for extra in _extra_keys(text):
        out |= _drop_repeats(text, extra)
    return out


def _extra_keys(text: str) -> set[int]:
    """How many keys too many `text` has, for each site-code length its leading letters allow."""
    length = len(text.replace("-", ""))
    letters = 0
    while letters < len(text) and letters < 4 + MAX_DOUBLED and text[letters].isalpha():
        letters += 1
    counts = {length - (site_len + codes.BODY_LENGTH + 1) for site_len in range(2, min(letters, 4) + 1)}
    return {n for n in counts if 0 < n <= MAX_DOUBLED}


def _drop_repeats(text: str, count: int) -> set[str]:
    """Every way of dropping `count` characters that repeat the one before them."""
    results = {text}
    for _ in range(count):
        step: set[str] = set()
        for s in results:
            for i in range(1, len(s)):
                if s[i] == s[i - 1]:
                    step.add(s[:i] + s[i + 1 :])
        results = step
    return results
