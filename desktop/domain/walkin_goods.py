"""Quick picks for the goods of a vehicle that came without an approval (a walk-in): the eight
necessities of the daily report (desktop.domain.necessities), each with the unit it usually comes
in, so the guard records "大米 20 袋" with two taps and the report counts it where it belongs."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain import necessities


@dataclass(frozen=True)
class QuickPick:
    key: str  # the necessity it counts as
    category: str  # what is recorded (classified back to `key` by necessities.classify)
    unit: str


QUICK_PICKS: tuple[QuickPick, ...] = (
    QuickPick("grain", "大米", "袋"),
    QuickPick("oil", "食用油", "桶"),
    QuickPick("vegetables", "蔬菜", "公斤"),
    QuickPick("pork", "猪肉", "公斤"),
    QuickPick("eggs", "鸡蛋", "箱"),
    QuickPick("instant_noodles", "方便面", "箱"),
    QuickPick("ham_sausage", "火腿肠", "箱"),
    QuickPick("bottled_water", "瓶装水", "箱"),
)


def pick(key: str) -> QuickPick:
    return next(p for p in QUICK_PICKS if p.key == key)


def label(p: QuickPick) -> str:
    """The button text: the necessity's name in the user's language."""
    return necessities.name(p.key)
