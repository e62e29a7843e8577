"""What a retention purge takes, in words: one label per kind of row it counts (Chinese, English)."""

from __future__ import annotations

TABLES: dict[str, tuple[str, str]] = {
    "approval_occupant": ("审批人员", "approval occupants"),
    "occupant_check": ("门岗查验人员", "gate checks"),
    "household_order": ("居民订单", "household orders"),
    "attachment": ("照片/附件", "photos/attachments"),
    "free_text": ("含号码的收货人/去向", "recipients/places with a number"),
    "supplier": ("供货单位联系人电话", "supplier contacts"),
    "household": ("住户名册", "household register"),
    "phone_check": ("电话问询备注", "phone check notes"),
    "staff_member": ("离岗人员电话", "phones of staff off the roster"),
}
