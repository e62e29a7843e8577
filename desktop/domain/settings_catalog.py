"""Every site setting Gatehouse knows: its key, kind, default, bounds and what it is called.

One table, Qt-free, so the settings screen, `gatehouse settings get/set` and the services read the
same truth: a service asks `desktop.services.settings.value(session, KEY)` and gets the stored value
or this default, already checked against the bounds here. A key that is not in this catalogue cannot
be set from a screen or the command line (remembered choices such as an import's column mapping are
stored through `setup.remember_choice` and are not settings).

Kinds: bool, int, float, text, choice (one of `choices`), list (a list of short texts), folder (a
path, empty for none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Entry:
    key: str
    kind: str
    default: Any
    section: str
    label_zh: str
    label_en: str
    help_zh: str = ""
    help_en: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = field(default=())
    unit_zh: str = ""
    unit_en: str = ""


class BadSetting(ValueError):
    """A value that does not fit its entry; the message is bilingual-ready (zh, en)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


# Sections, in the order a settings screen shows them.
SECTIONS: dict[str, tuple[str, str]] = {
    "site": ("站点", "Site"),
    "gate": ("门岗", "Gate"),
    "health": ("健康检查", "Health checks"),
    "disinfection": ("消杀与静置", "Disinfection and dwell"),
    "handoff": ("接驳", "Handoff"),
    "households": ("团购", "Group buying"),
    "accounts": ("账号与锁屏", "Accounts and lock"),
    "records": ("备份与数据保留", "Backups and retention"),
}

ENTRIES: tuple[Entry, ...] = (
    # --- site
    Entry("site.time_zone", "text", "Asia/Shanghai", "site", "时区", "Time zone",
          "IANA 名称，如 Asia/Shanghai", "An IANA name such as Asia/Shanghai"),
    # --- gate
    Entry("gate.inside_limit_minutes", "int", 90, "gate", "车辆滞留上限", "Inside-too-long limit",
          minimum=5, maximum=24 * 60, unit_zh="分钟", unit_en="min"),
    Entry("gate.disinfect_before_entry", "bool", True, "gate", "入场前须先在门岗消杀",
          "Disinfect at the gate before entry",
          "开启时，车辆须先记录门岗消杀才能放行入场（F5）。",
          "When on, F5 (let in) waits for a gate disinfection of that vehicle."),
    Entry("gate.late_entry_grace_minutes", "int", 5, "gate", "补录时间容差", "Late-entry grace",
          "早于此时间的记录须督查补录并说明原因。",
          "Entries older than this need a supervisor's late entry with a reason.",
          minimum=0, maximum=120, unit_zh="分钟", unit_en="min"),
    # --- health
    Entry("health.temperature_limit_c", "float", 37.3, "health", "体温上限", "Temperature limit",
          "达到或超过此体温不得进入。", "At or above this temperature nobody may enter.",
          minimum=36.0, maximum=39.0, unit_zh="°C", unit_en="°C"),
    Entry("health.symptoms", "list", ["发热", "干咳", "乏力", "咽痛", "嗅(味)觉减退", "腹泻"], "health",
          "须询问的症状", "Symptoms to ask about"),
    # --- disinfection and dwell
    Entry("disinfection.dwell_minutes", "int", 30, "disinfection", "静置时长", "Dwell time",
          "消杀后物资静置的分钟数，所有计时器以此为准。",
          "Minutes goods dwell after disinfection; every timer uses this.",
          minimum=1, maximum=24 * 60, unit_zh="分钟", unit_en="min"),
    Entry("disinfection.overdue_minutes", "int", 30, "disinfection", "静置完成后超时提醒",
          "Overdue after completion", minimum=1, maximum=24 * 60, unit_zh="分钟", unit_en="min"),
    Entry("disinfection.agents", "list", [], "disinfection", "消毒剂", "Disinfectants",
          "空表示使用内置清单。", "Empty means the built-in list."),
    Entry("disinfection.parts", "list", [], "disinfection", "消杀部位", "Parts disinfected",
          "空表示使用内置清单。", "Empty means the built-in list."),
    # --- handoff
    Entry("handoff.require_receiver", "bool", True, "handoff", "放行须填写接收人", "Release needs a receiver"),
    Entry("handoff.require_destination", "bool", True, "handoff", "放行须填写去向", "Release needs a destination"),
    # --- group buying
    Entry("households.slot_minutes", "int", 15, "households", "取货时段长度", "Pickup slot length",
          minimum=5, maximum=240, unit_zh="分钟", unit_en="min"),
    Entry("households.first_slot", "text", "09:00", "households", "首个取货时段", "First pickup slot"),
    Entry("households.per_slot", "int", 20, "households", "每时段户数", "Households per slot",
          minimum=1, maximum=500),
    Entry("households.order_round_days", "int", 3, "households", "团购周期", "Order round",
          minimum=1, maximum=30, unit_zh="天", unit_en="days"),
    # --- accounts
    Entry("pins.station_staff_required", "bool", True, "accounts", "岗位人员须设 PIN",
          "Station staff need a PIN"),
    Entry("session.idle_lock_minutes", "int", 10, "accounts", "空闲自动锁屏", "Idle lock",
          "0 表示不自动锁屏。", "0 turns the idle lock off.", minimum=0, maximum=240,
          unit_zh="分钟", unit_en="min"),
    # --- records
    Entry("backup.interval_minutes", "int", 15, "records", "自动备份间隔", "Automatic backup every",
          minimum=1, maximum=24 * 60, unit_zh="分钟", unit_en="min"),
    Entry("backup.second_folder", "folder", "", "records", "第二备份目录（如U盘）",
          "Second backup folder (e.g. a USB stick)"),
    Entry("retention.days", "int", 30, "records", "个人信息保留天数", "Keep personal data for",
          "审批日期之后多少天清除姓名、证件号、电话和照片。",
          "Days after the approval's day before names, ID numbers, phones and photos are purged.",
          minimum=1, maximum=3650, unit_zh="天", unit_en="days"),
)

BY_KEY: dict[str, Entry] = {e.key: e for e in ENTRIES}


def entry(key: str) -> Entry:
    try:
        return BY_KEY[key]
    except KeyError:
        raise BadSetting(f"没有这个设置：{key}", f"No such setting: {key}") from None


def _bounded(e: Entry, number: float) -> None:
    low = e.minimum if e.minimum is not None else float("-inf")
    high = e.maximum if e.maximum is not None else float("inf")
    if not low <= number <= high:
        raise BadSetting(f"{e.label_zh}应在 {low:g}–{high:g} 之间",
                         f"{e.label_en} must be between {low:g} and {high:g}")


def coerce(key: str, value: Any) -> Any:
    """The value as its entry's kind, checked against its bounds; text from a command line or an
    edit box is parsed. Raises BadSetting with a message for the person who typed it."""
    e = entry(key)
    if e.kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in {"1", "true", "yes", "on", "是", "开"}:
            return True
        if text in {"0", "false", "no", "off", "否", "关"}:
            return False
        raise BadSetting(f"{e.label_zh}应为 是/否", f"{e.label_en} must be yes or no")
    if e.kind in {"int", "float"}:
        if isinstance(value, bool):
            raise BadSetting(f"{e.label_zh}应为数字", f"{e.label_en} must be a number")
        try:
            number = float(str(value).strip()) if not isinstance(value, int | float) else float(value)
        except ValueError:
            raise BadSetting(f"{e.label_zh}应为数字", f"{e.label_en} must be a number") from None
        if e.kind == "int":
            if number != int(number):
                raise BadSetting(f"{e.label_zh}应为整数", f"{e.label_en} must be a whole number")
            _bounded(e, number)
            return int(number)
        _bounded(e, number)
        return round(number, 2)
    if e.kind == "choice":
        text = str(value).strip()
        if text not in e.choices:
            raise BadSetting(f"{e.label_zh}应为：{'、'.join(e.choices)}",
                             f"{e.label_en} must be one of: {', '.join(e.choices)}")
        return text
    if e.kind == "list":
        if isinstance(value, list | tuple):
            items = [str(v).strip() for v in value]
        else:
            items = [p.strip() for p in str(value).replace("，", ",").replace("、", ",").split(",")]
        return [i for i in items if i]
    return str(value).strip()  # text, folder


def stored_or_default(key: str, stored: Any) -> Any:
    """What a reader gets: the stored value when it still fits the entry, else the default."""
    e = entry(key)
    if stored is None:
        return e.default
    try:
        return coerce(key, stored)
    except BadSetting:
        return e.default
