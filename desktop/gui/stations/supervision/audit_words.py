"""The audit log in people's words: actions as verbs, data as labelled fields, names not accounts.

    action_words("handoff.scan")                 # "接驳扫码" / "Handoff scan"
    data_words({"plate": "苏N12345", ...})        # "车牌：苏N12345 · 原因：…"

An action or field not in the tables is shown as recorded (nothing is hidden); the raw event
stays one key away (Enter or F3 on a row).
"""

from __future__ import annotations

from typing import Any

from desktop.i18n import language

ACTIONS: dict[str, tuple[str, str]] = {
    "approval.add": ("新增审批", "Approval added"),
    "approval.approve": ("审批通过/驳回", "Approval decided"),
    "approval.edit": ("修改审批", "Approval edited"),
    "approval.import": ("导入审批名单", "Approvals imported"),
    "approval.material": ("上传审批材料", "Approval material attached"),
    "audit.adopt_rows": ("审计接管记录", "Rows adopted by the audit"),
    "clock.jump": ("系统时钟跳变", "System clock jumped"),
    "consignment.create": ("登记物资", "Goods recorded"),
    "consignment.state": ("物资状态变更", "Goods state changed"),
    "custody.transfer": ("交接转运", "Custody transferred"),
    "custody.receive": ("签收", "Received"),
    "custody.partial": ("部分签收", "Partly received"),
    "custody.damage": ("登记破损", "Damage recorded"),
    "custody.release": ("放行交接", "Released"),
    "disinfection.recall": ("撤回消杀记录", "Disinfection recalled"),
    "disinfection.record": ("登记消杀", "Disinfection recorded"),
    "dwell.acknowledge": ("确认静置完成", "Dwell completion acknowledged"),
    "dwell.complete_early": ("督查提前结束静置", "Dwell ended early"),
    "dwell.release": ("静置放行", "Dwell released"),
    "dwell.start": ("开始静置计时", "Dwell started"),
    "dwell.stop": ("停止静置计时", "Dwell stopped"),
    "gate.cancel": ("撤销车辆登记", "Check-in cancelled"),
    "gate.check_in": ("车辆登记查验", "Vehicle checked in"),
    "gate.decide": ("门岗决定", "Gate decision"),
    "gate.exit": ("车辆出门", "Vehicle left"),
    "gate.override": ("督查放行不合格项", "Failed check overridden"),
    "gate.photo": ("拍照存证", "Identity photo taken"),
    "gate.recheck": ("重新查验", "Checks redone"),
    "handoff.release": ("接驳放行", "Handoff release"),
    "handoff.scan": ("接驳扫码", "Handoff scan"),
    "household.import": ("导入团购订单", "Household orders imported"),
    "household.order": ("团购订单", "Household order"),
    "household.schedule": ("安排取货", "Pickup scheduled"),
    "operator.add": ("新增操作员", "Operator added"),
    "operator.enable": ("启用/停用操作员", "Operator enabled or disabled"),
    "operator.locked": ("账号锁定", "Account locked"),
    "operator.pin": ("修改密码", "PIN changed"),
    "operator.pin_failed": ("密码错误", "Wrong PIN"),
    "operator.pin_while_locked": ("锁定期间输入密码", "PIN while locked"),
    "operator.role": ("修改角色", "Role changed"),
    "operator.unlock": ("解锁账号", "Account unlocked"),
    "pass.add": ("新增通行证", "Pass added"),
    "pass.extend": ("延长通行证", "Pass extended"),
    "pass.revoke": ("注销通行证", "Pass revoked"),
    "permission.refused": ("无权操作被拒", "Refused: no permission"),
    "permission.self_authorise": ("试图自我批准", "Tried to authorise own request"),
    "policy.add": ("新增防控规则", "Policy added"),
    "policy.level": ("更改管理级别", "Management level changed"),
    "policy.update": ("修改防控规则", "Policy updated"),
    "set_active_level": ("更改管理级别", "Management level changed"),
    "setting.set": ("修改设置", "Setting changed"),
    "site.create": ("创建站点", "Site created"),
    "slip.issue": ("开交接单", "Slip issued"),
    "slip.print": ("打印交接单", "Slip printed"),
    "slip.void": ("作废交接单", "Slip voided"),
    "station.add": ("新增岗位", "Station added"),
    "station.settings": ("岗位设置", "Station settings"),
    "supervision.violation": ("登记违规", "Violation recorded"),
    "transit.dispatch": ("中转外发", "Dispatched onward"),
    "unloading_point.add": ("新增卸货点", "Unloading point added"),
}

FIELDS: dict[str, tuple[str, str]] = {
    "plate": ("车牌", "Plate"), "reason": ("原因", "Reason"), "supervisor": ("督查员", "Supervisor"),
    "authoriser": ("批准人", "Authoriser"), "decision": ("决定", "Decision"), "status": ("状态", "Status"),
    "number": ("单号", "Number"), "slip": ("交接单", "Slip"), "username": ("账号", "Account"),
    "role": ("角色", "Role"), "minutes": ("分钟", "Minutes"), "minutes_inside": ("在场分钟", "Minutes inside"),
    "printer": ("打印机", "Printer"), "purpose": ("用途", "Purpose"), "failures": ("失败次数", "Failures"),
    "receiver": ("收货人", "Receiver"), "destination": ("去向", "Destination"), "verdict": ("结果", "Verdict"),
    "code": ("条码", "Code"), "check": ("检查项", "Check"), "name": ("姓名", "Name"), "key": ("设置项", "Setting"),
    "value": ("值", "Value"), "management_level": ("管理级别", "Management level"),
    "risk_level": ("风险等级", "Risk level"), "occupants": ("人员", "People"), "count": ("数量", "Count"),
    "quantity": ("数量", "Quantity"), "category": ("物资", "Goods"), "location": ("地点", "Place"),
    "agent": ("消毒剂", "Agent"), "pass_number": ("通行证", "Pass"), "supplier": ("供货单位", "Supplier"),
}
HIDDEN = frozenset({"row_digests"})  # the chain's bookkeeping: in the raw event, not in the sentence


def _pick(pair: tuple[str, str]) -> str:
    return pair[1] if language() == "en" else pair[0]


def action_words(action: str) -> str:
    pair = ACTIONS.get(action)
    return _pick(pair) if pair else action


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return ("yes" if v else "no") if language() == "en" else ("是" if v else "否")
    if isinstance(v, list):
        return "、".join(_value(x) for x in v[:6]) + ("…" if len(v) > 6 else "")
    if isinstance(v, dict):
        return "、".join(f"{k}={_value(x)}" for k, x in list(v.items())[:4])
    return "" if v is None else str(v)


def data_words(data: dict[str, Any] | None, names: dict[str, str] | None = None) -> str:
    """'车牌：苏N12345 · 原因：样本过期'; account names become the people's names."""
    names = names or {}
    parts = []
    for key, v in (data or {}).items():
        if key in HIDDEN or v in (None, "", [], {}):
            continue
        label = _pick(FIELDS[key]) if key in FIELDS else key
        text = names.get(v, _value(v)) if isinstance(v, str) else _value(v)
        parts.append(f"{label}：{text}" if language() != "en" else f"{label}: {text}")
    return " · ".join(parts)
