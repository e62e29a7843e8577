"""How long a field and how large a number may be, in one place.

Everything that comes in from outside — a supplier's approval sheet, a pass, a community's order
sheet, a scan, a name typed at the handoff — is held to these before it is stored. A value past
them is refused with the row (or the scan), never cut short and stored: a truncated name or a
rounded quantity would be a wrong record that looks right.

The numbers come from the work, with room to spare: a supply vehicle carries its driver and a few
passengers (a van or a lorry: 1-5 people; 20 leaves room for a minibus of loaders); a Chinese name
is 2-4 characters, a company's rarely past 30; a slip number is 11-14 symbols and a scanner that
bounces doubles it; a quantity is bags, boxes, kilograms or litres of one vehicle's load.
"""

from __future__ import annotations

import math

NAME_MAX = 50  # a person, a supplier, a receiver, a building, a room, a batch, a cargo category
TEXT_MAX = 200  # free text: remarks, cargo as written, what a household ordered, a reason, a place
UNIT_MAX = 10  # 袋, 箱, 公斤, kg ...
PASS_NUMBER_MAX = 32
CODE_MAX = 64  # a scanned or typed slip code, before it is read
QUANTITY_MAX = 1_000_000
OCCUPANTS_MAX = 20  # driver and passengers of one vehicle
CARGO_LINES_MAX = 50  # kinds of goods on one vehicle
SHEET_ROWS_MAX = 20_000  # rows of one sheet: a county's day-ahead list may run to 10,000; past that, split it
QUOTE_MAX = 40  # characters of a bad value a message repeats (see desktop.domain.text.quote)


def quantity_ok(value: float) -> bool:
    """A stated quantity: a finite number, 0 < q <= QUANTITY_MAX."""
    return isinstance(value, int | float) and math.isfinite(value) and 0 < value <= QUANTITY_MAX
