"""Every page a station can be named after, and every role, reads as words in both languages: the
audit log's 岗位 column once showed "households" in the Chinese window."""

from desktop.domain.enums import NAMES_EN, NAMES_ZH, display
from desktop.domain.permissions import PAGE_NEEDS, ROLE_PERMISSIONS


def test_every_page_and_role_has_a_name_in_chinese_and_english():
    for key in [*PAGE_NEEDS, *ROLE_PERMISSIONS]:
        assert key in NAMES_ZH and key in NAMES_EN, key
        assert display(key, "zh") != key and display(key, "en") != key
    assert display("households", "zh") == "团购组" and display("households", "en") == "Group buying"
