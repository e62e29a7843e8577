import pytest

from desktop.domain import necessities


@pytest.mark.parametrize(("category", "description", "key"), [
    ("大米", "", "grain"), ("面粉", "", "grain"), ("粮油", "大米 25kg", "grain"), ("粮油", "食用油 5L", "oil"),
    ("粮油", "", "grain"), ("菜籽油", "", "oil"), ("蔬菜", "青菜、土豆、西红柿", "vegetables"), ("蔬菜包", "", "vegetables"),
    ("生鲜", "猪肉", "pork"), ("肉蛋奶", "鸡蛋", "eggs"), ("肉蛋奶", "牛奶", "other"), ("方便面", "", "instant_noodles"),
    ("食品", "康师傅方便面", "instant_noodles"), ("火腿肠", "", "ham_sausage"), ("瓶装水", "", "bottled_water"),
    ("饮料", "矿泉水 550ml", "bottled_water"), ("口罩", "", "other"), ("防护服", "", "other"),
])
def test_goods_are_counted_as_the_necessity_they_are(category, description, key):
    assert necessities.classify(category, description) == key


def test_every_necessity_has_a_chinese_name():
    assert [necessities.name(k) for k in necessities.KEYS] == [
        "粮食（大米、面粉）", "食用油", "蔬菜", "猪肉", "鸡蛋", "方便面", "火腿肠", "瓶装水", "其他物资"]
