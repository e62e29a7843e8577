"""The words stored in the database for each enumeration, with their Chinese and English names."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    REVIEW = "review"
    GATE = "gate"
    DISINFECTION = "disinfection"
    HANDOFF = "handoff"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class StationKind(StrEnum):
    GATE = "gate"
    DISINFECTION = "disinfection"
    HANDOFF = "handoff"
    SUPERVISION = "supervision"
    ADMIN = "admin"
    TRANSIT = "transit"


class ManagementLevel(StrEnum):
    PREVENTION = "prevention"  # 防范区
    CONTROL = "control"  # 管控区
    LOCKDOWN = "lockdown"  # 封控区


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


NAMES_ZH: dict[str, str] = {
    "review": "审核组", "gate": "门岗", "disinfection": "消杀组", "handoff": "接驳组",
    "supervisor": "督查", "supervision": "督查组", "admin": "管理", "transit": "中转站",
    "households": "团购组", "slips": "交接单", "settings": "设置",
    "prevention": "防范", "control": "管控", "lockdown": "封控",
    "low": "低风险", "medium": "中风险", "high": "高风险",
}
NAMES_EN: dict[str, str] = {
    "review": "Review", "gate": "Gate", "disinfection": "Disinfection", "handoff": "Handoff",
    "supervisor": "Supervisor", "supervision": "Supervision", "admin": "Admin", "transit": "Transit station",
    "households": "Group buying", "slips": "Slips", "settings": "Settings",
    "prevention": "Prevention", "control": "Control", "lockdown": "Lockdown",
    "low": "Low risk", "medium": "Medium risk", "high": "High risk",
}


def display(value: str, language: str = "zh") -> str:
    table = NAMES_EN if language == "en" else NAMES_ZH
    return table.get(value, value)
