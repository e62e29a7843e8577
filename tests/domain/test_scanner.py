"""The scan parser: bursts told from typing, and codes read through scanner noise."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import codes
from desktop.domain.scanner import MAX_GAP, Action, BurstDetector, ScanKind, read_scan

CONTROL = ["\x00", "\x02", "\x03", "\x1b", "\t", "\x7f", "\x10"]
fast_gap = st.floats(min_value=0.0, max_value=MAX_GAP * 0.9)
slow_gap = st.floats(min_value=MAX_GAP * 1.1, max_value=2.0)
seeds = st.integers(0, 2**32)


def a_code(seed: int, site: str = "SQ") -> str:
    return codes.new_code(site, random.Random(seed).randrange)


def run(keys: list[tuple[str, float]]) -> tuple[list[str], list[str]]:
    """Feed (char, gap) pairs; return (keys given back to the widget in order, scans)."""
    det, now, given_back, scans = BurstDetector(), 100.0, [], []
    stream: list[str] = []
    for char, gap in keys:
        now += gap
        if det.deadline is not None and det.deadline < now:
            out = det.expire(det.deadline + 1e-9)
            given_back += out.replay
            stream += out.replay
        out = det.key(char, now)
        given_back += out.replay
        stream += out.replay
        if out.action is Action.SCAN:
            scans.append(out.text)
            stream += [*out.text, char]
        elif out.action is Action.SWALLOW:
            stream.append(char)
    rest = det.flush()
    given_back += rest
    stream += rest
    assert stream == [c for c, _ in keys], "a keystroke was lost or reordered"
    return given_back, scans


def test_a_fast_burst_ending_in_enter_is_a_scan():
    code = a_code(1)
    back, scans = run([(c, 0.004) for c in code] + [("\r", 0.004)])
    assert scans == [code] and back == []


def test_a_person_typing_the_same_is_given_back():
    code = a_code(1)
    back, scans = run([(c, 0.2) for c in code] + [("\r", 0.2)])
    assert scans == [] and "".join(back) == code + "\r"


def test_short_fast_bursts_are_not_scans():
    back, scans = run([("a", 0.001), ("b", 0.001), ("\r", 0.001)])
    assert scans == [] and back == ["a", "b", "\r"]


def test_cr_lf_after_a_scan_is_swallowed():
    code = a_code(2)
    back, scans = run([(c, 0.003) for c in code] + [("\r", 0.003), ("\n", 0.003)])
    assert scans == [code] and back == []


@st.composite
def noisy_burst(draw):
    code = a_code(draw(seeds), draw(st.sampled_from(["SQ", "GH", "ABC", "WXYZ"])))
    chars: list[str] = []
    doubled = draw(st.integers(0, len(code) - 1)) if draw(st.booleans()) else -1
    for i, c in enumerate(code):
        if draw(st.integers(0, 5)) == 0:
            chars.append(draw(st.sampled_from(CONTROL)))
        c = c.lower() if draw(st.booleans()) else c
        chars.append(c)
        if i == doubled and c.isalnum():
            chars.append(c)
    if draw(st.booleans()):
        chars.insert(0, "\x02")  # STX prefix some scanners send
    gaps = [draw(fast_gap) for _ in chars]
    return code, [*zip(chars, gaps, strict=True), ("\r", draw(fast_gap))]


@given(noisy_burst())
def test_any_noisy_fast_burst_reads_as_its_code_or_is_refused_never_another(case):
    code, keys = case
    back, scans = run(keys)
    assert back == [] and len(scans) == 1
    site = code.split("-")[0]
    read = read_scan(scans[0], site=site)
    # A doubled key in a code that already has a repeated pair can be ambiguous: then it is
    # refused, never read as a different number of this site.
    assert read.code == code or read.kind is not ScanKind.CODE
    # Without knowing the site, a doubled site letter can read as another site's number
    # ("GHH-…"), which the service refuses as UNKNOWN — never as another slip of this site.
    blind = read_scan(scans[0])
    assert blind.code == code or blind.kind is not ScanKind.CODE or blind.site != site


@given(seeds, st.integers(0, 10), st.lists(st.sampled_from(CONTROL), max_size=4), st.booleans())
def test_a_doubled_key_is_forgiven_when_unambiguous(seed, pos, noise, lower):
    code = a_code(seed)
    plain = code.replace("-", "")
    if any(plain[i] == plain[i + 1] for i in range(len(plain) - 1)):
        return  # an ambiguous case: covered above
    doubled = plain[: pos + 1] + plain[pos] + plain[pos + 1 :]
    text = "".join(noise) + (doubled.lower() if lower else doubled)
    read = read_scan(text, site="SQ")  # without the dash, only the site code tells SSQ-… from SQ-S…
    assert read.kind is ScanKind.CODE and read.code == code and read.repaired


@given(seeds)
def test_the_whole_code_twice_in_one_burst_reads_once(seed):
    code = a_code(seed)
    assert read_scan(code + code).code == code
    assert read_scan("".join(c * 2 for c in code)).code == code


@given(st.lists(st.tuples(st.sampled_from([*"SQ-7KMAB3x\r\n", *CONTROL]), st.one_of(fast_gap, slow_gap)),
                max_size=60))
def test_any_keys_at_any_timing_are_never_lost(keys):
    run(keys)  # asserts conservation itself


@given(st.lists(st.tuples(st.sampled_from([*"SQ-7KMAB3x\r", *CONTROL]), slow_gap), max_size=40))
def test_slow_keys_are_never_a_scan(keys):
    _, scans = run(keys)
    assert scans == []


@given(st.text(max_size=40))
def test_read_scan_never_raises_and_a_code_always_parses(text):
    read = read_scan(text)
    if read.kind is ScanKind.CODE:
        assert codes.parse(read.code).text == read.code


@given(seeds, st.integers(0, 8), st.integers(1, 28))
def test_a_wrong_check_character_is_invalid_not_garbage(seed, pos, shift):
    code = a_code(seed)
    body = code[3:]
    wrong = codes.ALPHABET[(codes.ALPHABET.index(body[pos]) + shift) % codes.MODULUS]
    typo = code[:3] + body[:pos] + wrong + body[pos + 1 :]
    read = read_scan(typo)
    assert read.kind is not ScanKind.CODE or read.code != typo.replace("-", "")
    assert read.kind in (ScanKind.INVALID, ScanKind.CODE)
    if read.kind is ScanKind.CODE:  # only via a doubled-key repair that happens to give a valid code
        assert read.repaired


def test_garbage_and_empty():
    assert read_scan("\x02\r").kind is ScanKind.GARBAGE
    assert read_scan("hello world").kind is ScanKind.GARBAGE
    assert read_scan("SQ-123").kind is ScanKind.GARBAGE


def test_full_width_characters_from_an_input_method_are_read():
    code = a_code(5)
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in code)
    assert read_scan(wide).code == code


def test_a_burst_longer_than_any_code_is_garbage_without_being_read():
    from desktop.domain.limits import CODE_MAX

    assert read_scan("A" * (CODE_MAX + 1)).kind is ScanKind.GARBAGE
    assert read_scan("SQ-" * 3_334).kind is ScanKind.GARBAGE
