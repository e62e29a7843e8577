"""The necessities a county's daily report (日报) counts (Plan 3 of the domain brief): grain (rice,
flour), edible oil, vegetables, pork, eggs, instant noodles, ham sausage, bottled water — and
"other" for everything else.

Goods are recorded as a category and a free description ("粮油" / "食用油 5L", "蔬菜" / "蔬菜包",
"大米"). The description says what the goods are when there is one; the category only when not,
because a category such as 粮油 or 肉蛋奶 covers several necessities at once.
"""

from __future__ import annotations

from desktop.i18n import t

KEYS = ("grain", "oil", "vegetables", "pork", "eggs", "instant_noodles", "ham_sausage", "bottled_water", "other")

# Checked in this order: the more specific words first (方便面 before 面粉, 菜籽油 before 菜).
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("instant_noodles", ("方便面", "泡面", "速食面", "instant noodle")),
    ("ham_sausage", ("火腿肠", "火腿", "香肠", "ham", "sausage")),
    ("bottled_water", ("瓶装水", "矿泉水", "纯净水", "饮用水", "桶装水", "bottled water", "water")),
    ("grain", ("粮油",)),  # the usual category word for grain and oil together: grain, the larger part
    ("oil", ("食用油", "花生油", "菜籽油", "大豆油", "调和油", "色拉油", "油", "oil")),
    ("grain", ("大米", "面粉", "挂面", "粮食", "米", "粮", "rice", "flour", "grain")),
    ("eggs", ("鸡蛋", "鸭蛋", "蛋", "egg")),
    ("pork", ("猪肉", "五花肉", "排骨", "猪", "pork")),
    ("vegetables", ("蔬菜", "青菜", "白菜", "土豆", "西红柿", "番茄", "黄瓜", "萝卜", "茄子", "菜", "vegetable")),
)


def classify(category: str, description: str = "") -> str:
    """The necessity key of a line of goods ("other" when it is none of the eight)."""
    text = (description.strip() or category.strip()).lower()
    for key, words in _WORDS:
        if any(w in text for w in words):
            return key
    return "other"


def name(key: str) -> str:
    """The necessity's name in the user's language."""
    names = {
        "grain": t("粮食（大米、面粉）", "Grain (rice, flour)"),
        "oil": t("食用油", "Edible oil"),
        "vegetables": t("蔬菜", "Vegetables"),
        "pork": t("猪肉", "Pork"),
        "eggs": t("鸡蛋", "Eggs"),
        "instant_noodles": t("方便面", "Instant noodles"),
        "ham_sausage": t("火腿肠", "Ham sausage"),
        "bottled_water": t("瓶装水", "Bottled water"),
        "other": t("其他物资", "Other goods"),
    }
    return names.get(key, key)
