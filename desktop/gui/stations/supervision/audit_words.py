"""The audit log in people's words: actions as verbs, data as labelled fields, names not accounts.

    action_words("handoff.scan")                 # "接驳扫码" / "Handoff scan"
    data_words({"plate": "苏N12345", ...})        # "车牌：苏N12345 · 原因：…"

An action, field or entity not in the tables is shown as recorded (nothing is hidden); the raw
event stays one key away (Enter or F3 on a row). tests/gui/test_audit_words.py finds every action,
field and entity the code records and fails on one without words.
"""

from __future__ import annotations

from typing import Any

from desktop.domain.enums import display
from desktop.i18n import language

ACTIONS: dict[str, tuple[str, str]] = {
    "approval.add": ("新增审批", "Approval added"),
    "approval.approve": ("审批通过", "Approval granted"),
    "approval.edit": ("修改审批", "Approval edited"),
    "approval.import": ("导入审批名单", "Approvals imported"),
    "approval.import.discarded": ("放弃导入的审批名单", "Approval import discarded"),
    "approval.import.staged": ("审批名单待确认导入", "Approval import staged"),
    "approval.material": ("上传审批材料", "Approval material attached"),
    "approval.reject": ("审批驳回", "Approval rejected"),
    "audit.adopt_rows": ("审计接管记录", "Rows adopted by the audit"),
    "backup.restore": ("从备份恢复", "Restored from a backup"),
    "cadence.phone_check": ("电话问询", "Phone check"),
    "centre.key_replaced": ("更换站点签名密钥", "Site signing key replaced"),
    "centre.merge": ("合并站点日数据包", "Site day package merged"),
    "centre.site_registered": ("登记下属站点", "Site registered"),
    "clock.jump": ("系统时钟跳变", "System clock jumped"),
    "consignment.create": ("登记物资", "Goods recorded"),
    "consignment.state": ("物资状态变更", "Goods state changed"),
    "custody.damage": ("登记破损", "Damage recorded"),
    "custody.partial": ("部分签收", "Partly received"),
    "custody.receive": ("签收", "Received"),
    "custody.release": ("放行交接", "Released"),
    "custody.transfer": ("交接转运", "Custody transferred"),
    "disinfection.recall": ("撤回消杀记录", "Disinfection recalled"),
    "disinfection.record": ("登记消杀", "Disinfection recorded"),
    "dwell.acknowledge": ("确认静置完成", "Dwell completion acknowledged"),
    "dwell.complete": ("静置完成", "Dwell complete"),
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
    "operator.disable": ("停用操作员", "Operator disabled"),
    "operator.enable": ("启用操作员", "Operator enabled"),
    "operator.locked": ("账号锁定", "Account locked"),
    "operator.pin": ("修改密码", "PIN changed"),
    "operator.pin_failed": ("密码错误", "Wrong PIN"),
    "operator.pin_while_locked": ("锁定期间输入密码", "PIN while locked"),
    "operator.role": ("修改角色", "Role changed"),
    "operator.unlock": ("解锁账号", "Account unlocked"),
    "package.export": ("导出日数据包", "Day package exported"),
    "package.key_made": ("生成签名密钥", "Signing key made"),
    "pass.add": ("新增通行证", "Pass added"),
    "pass.extend": ("延长通行证", "Pass extended"),
    "pass.revoke": ("注销通行证", "Pass revoked"),
    "permission.refused": ("无权操作被拒", "Refused: no permission"),
    "permission.self_authorise": ("试图自我批准", "Tried to authorise own request"),
    "policy.add": ("新增防控规则", "Policy added"),
    "policy.level": ("更改管理级别", "Management level changed"),
    "policy.update": ("修改防控规则", "Policy updated"),
    "privacy.purge": ("清除过期个人信息", "Expired personal data purged"),
    "privacy.reveal": ("查看完整个人信息", "Personal data revealed"),
    "register.added": ("新增住户", "Household added"),
    "register.from_orders": ("由团购订单生成住户名册", "Households taken from orders"),
    "register.import": ("导入住户名册", "Household register imported"),
    "register.unchanged": ("住户信息无变化", "Household unchanged"),
    "register.updated": ("更新住户信息", "Household updated"),
    "set_active_level": ("更改管理级别", "Management level changed"),
    "setting.set": ("修改设置", "Setting changed"),
    "site.create": ("创建站点", "Site created"),
    "site.edit": ("修改站点信息", "Site edited"),
    "slip.issue": ("开交接单", "Slip issued"),
    "slip.print": ("打印交接单", "Slip printed"),
    "slip.print_failed": ("交接单打印失败", "Slip printing failed"),
    "slip.void": ("作废交接单", "Slip voided"),
    "staff.activate": ("员工恢复在岗", "Staff member reactivated"),
    "staff.add": ("新增员工", "Staff member added"),
    "staff.deactivate": ("员工停止在岗", "Staff member deactivated"),
    "staff.import": ("导入员工名册", "Staff roster imported"),
    "staff.test": ("登记员工核酸", "Staff test recorded"),
    "staff.test_override": ("准许核酸过期人员消杀", "Stale staff test allowed"),
    "staff.update": ("修改员工信息", "Staff member edited"),
    "station.add": ("新增岗位", "Station added"),
    "station.settings": ("岗位设置", "Station settings"),
    "supervision.violation": ("登记违规", "Violation recorded"),
    "transit.dispatch": ("中转外发", "Dispatched onward"),
    "unloading_point.add": ("新增卸货点", "Unloading point added"),
    "unloading_point.edit": ("修改卸货点", "Unloading point edited"),
    "unloading_point.move": ("调整卸货点顺序", "Unloading point moved"),
    "unloading_point.remove": ("删除卸货点", "Unloading point removed"),
    "unloading_point.restore": ("恢复卸货点", "Unloading point restored"),
    "unloading_point.retire": ("停用卸货点", "Unloading point retired"),
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
    "added": ("新增", "Added"), "address": ("地址", "Address"), "already_released": ("已放行", "Already released"),
    "approval_id": ("审批", "Approval"), "arrival_id": ("到达车辆", "Arrival"), "attachment_id": ("附件", "Attachment"),
    "audit_head": ("审计链头", "Audit head"), "bag_id": ("袋", "Bag"), "batch": ("批次", "Batch"),
    "before": ("此前", "Before"), "boot_id": ("开机标识", "Boot"), "building": ("楼栋", "Building"),
    "changes": ("变更", "Changes"), "community": ("小区", "Community"), "consignment_id": ("物资", "Goods"),
    "consignments": ("物资", "Goods"), "contact": ("联系人", "Contact"), "day": ("日期", "Day"),
    "delivery": ("送货方式", "Delivery"), "description": ("说明", "Description"), "dilution": ("稀释比例", "Dilution"),
    "disinfection_id": ("消杀记录", "Disinfection"), "display_name": ("姓名", "Name"), "door": ("送货上门", "To the door"),
    "ended_at": ("结束时间", "Ended"), "error": ("错误", "Error"), "fields": ("字段", "Fields"), "file": ("文件", "File"),
    "fingerprint": ("指纹", "Fingerprint"), "first_slot": ("首个时段", "First slot"), "from": ("原状态", "From"),
    "function": ("功能", "Function"), "goods_withdrawn": ("撤回物资", "Goods withdrawn"), "holder": ("接收人", "Holder"),
    "household_id": ("住户", "Household"), "households": ("住户数", "Households"), "ids": ("编号", "IDs"),
    "ignored": ("忽略", "Ignored"), "items": ("物品", "Items"), "jump_seconds": ("跳变秒数", "Jump (s)"),
    "kind": ("类型", "Kind"), "known": ("已知账号", "Known account"), "late": ("补录", "Late entry"),
    "level": ("管理/风险等级", "Levels"), "lines": ("明细", "Lines"), "machine_id": ("机器标识", "Machine"),
    "masked": ("已遮蔽", "Masked"), "message": ("信息", "Message"),
    "mono_seconds_between": ("单调时钟间隔秒数", "Monotonic seconds between"), "names": ("姓名", "Names"), "new": ("新值", "New"),
    "noted": ("有备注", "Noted"), "occupant": ("人员", "Person"), "ok": ("成功", "OK"), "old": ("原值", "Old"),
    "operators": ("操作员", "Operators"), "order": ("顺序", "Order"), "order_id": ("订单", "Order"),
    "outcome": ("结果", "Outcome"), "overrides": ("放行项", "Overrides"), "paper": ("纸张", "Paper"),
    "parts": ("消杀部位", "Parts"), "per_slot": ("每时段户数", "Per slot"), "phone": ("电话", "Phone"),
    "pickup_slot_start": ("取货时段", "Pickup slot"), "pin": ("已设密码", "PIN set"), "ppe": ("防护用品", "PPE"),
    "raw": ("原始扫码", "Raw scan"), "recipient": ("收件方", "Recipient"), "replaces": ("替换", "Replaces"),
    "reprint_no": ("补打次数", "Reprint"), "result": ("结果", "Result"), "room": ("房号", "Room"), "round": ("轮次", "Round"),
    "route": ("路线", "Route"), "row": ("行", "Row"), "rows": ("行数", "Rows"), "sha256": ("SHA-256", "SHA-256"),
    "site": ("站点", "Site"), "slips": ("交接单", "Slips"), "slips_voided": ("作废交接单", "Slips voided"),
    "slot_minutes": ("时段分钟", "Slot minutes"), "special": ("特殊需求", "Special needs"),
    "special_needs": ("特殊需求", "Special needs"), "stale_test": ("核酸过期", "Stale test"),
    "started_at": ("开始时间", "Started"), "started_mono": ("开始（单调时钟）", "Started (monotonic)"),
    "started_server": ("开始（服务器时间）", "Started (server)"), "started_wall": ("开始（本机时间）", "Started (wall)"),
    "target": ("消杀对象", "Target"), "tested_at": ("采样时间", "Tested"), "timer_released": ("计时已放行", "Timer released"),
    "timers_stopped": ("停止计时", "Timers stopped"), "to": ("新状态", "To"), "unchanged": ("未变", "Unchanged"),
    "unit": ("单元", "Unit"), "unloading_point_id": ("卸货点", "Unloading point"), "updated": ("更新", "Updated"),
    "valid_from": ("生效", "Valid from"), "valid_to": ("失效", "Valid to"), "vehicle": ("车辆", "Vehicle"),
    "wall_after": ("跳变后时间", "Wall after"), "wall_before": ("跳变前时间", "Wall before"), "why": ("原因", "Why"),
    "imported": ("已导入", "Imported"), "labels": ("标签", "Labels"), "problems": ("问题", "Problems"),
    "household": ("住户", "Household"), "retention_days": ("保留天数", "Retention days"), "counts": ("数量", "Counts"),
    "index": ("序号", "Index"), "days": ("天数", "Days"), "first_day": ("首日", "First day"),
    "id_ref": ("证件指纹", "ID reference"), "retention": ("保留期限", "Retention"),
    "active": ("在岗", "Active"), "arrival_date": ("到达日期", "Arrival date"), "cargo": ("货物", "Cargo"),
    "consignment_state": ("物资状态", "Goods state"), "dwell_minutes": ("静置分钟", "Dwell minutes"),
    "dwell_release": ("静置放行", "Dwell release"), "early_by": ("提前结束人", "Ended early by"),
    "itinerary_days": ("行程天数", "Itinerary days"), "last_test_at": ("最近核酸", "Last test"),
    "last_test_result": ("最近核酸结果", "Last test result"), "mode": ("方式", "Mode"), "operator": ("操作员", "Operator"),
    "phone_hash": ("电话指纹", "Phone reference"), "post": ("岗位", "Post"), "ppe_issued": ("发放防护用品", "PPE issued"),
    "ppe_issued_on": ("防护用品发放日", "PPE issued on"), "rejected": ("拒绝", "Rejected"), "release_id": ("放行记录", "Release"),
    "required_checks": ("必查项", "Required checks"), "test_valid_hours": ("核酸有效小时", "Test valid hours"),
    "training_done": ("已培训", "Trained"), "training_on": ("培训日期", "Trained on"),
    "transfer_vehicle": ("转运车辆", "Transfer vehicle"), "vehicles_may_enter": ("车辆可进入", "Vehicles may enter"),
    "timer_id": ("静置计时", "Dwell timer"),
}
# what an event is about (the 对象 column: "交接单 14")
ENTITIES: dict[str, tuple[str, str]] = {
    "approval": ("审批", "Approval"), "approval_occupant": ("审批人员", "Approved person"),
    "arrival": ("到达车辆", "Arrival"), "batch": ("批次", "Batch"), "centre_package": ("日数据包", "Day package"),
    "centre_site": ("下属站点", "Site"), "clock": ("时钟", "Clock"), "consignment": ("物资", "Goods"),
    "disinfection": ("消杀记录", "Disinfection"), "dispatch": ("中转外发", "Dispatch"),
    "dwell_timer": ("静置计时", "Dwell timer"), "household": ("住户", "Household"),
    "household_order": ("团购订单", "Household order"), "import_batch": ("导入批次", "Import batch"),
    "occupant_check": ("人员查验", "Person check"), "operator": ("操作员", "Operator"),
    "permission": ("权限", "Permission"), "phone_check": ("电话问询", "Phone check"), "policy": ("防控规则", "Policy"),
    "retention": ("保留期限", "Retention"), "setting": ("设置", "Setting"), "site": ("站点", "Site"),
    "site_day": ("站点日", "Site day"), "slip": ("交接单", "Slip"), "staff_member": ("员工", "Staff member"),
    "station": ("岗位", "Station"), "unloading_point": ("卸货点", "Unloading point"),
    "vehicle_pass": ("通行证", "Vehicle pass"), "violation": ("违规", "Violation"),
}

# the states goods pass through (consignment.state's from and to: desktop.services.consignments.STATES)
STATES: dict[str, tuple[str, str]] = {
    "needs_disinfection": ("待消杀", "needs disinfection"), "dwelling": ("静置中", "dwelling"),
    "ready": ("可放行", "ready"), "released": ("已放行", "released"), "delivered": ("已送达", "delivered"),
    "recalled": ("已撤回", "recalled"), "withdrawn": ("已撤销", "withdrawn"),
}
_STATE_FIELDS = frozenset({"from", "to"})
_NAMED_FIELDS = frozenset({"role", "station", "management_level", "risk_level"})  # desktop.domain.enums.display

HIDDEN = frozenset({"row_digests"})  # the chain's bookkeeping: in the raw event, not in the sentence


def _pick(pair: tuple[str, str]) -> str:
    return pair[1] if language() == "en" else pair[0]


def _label(key: str) -> str:
    return _pick(FIELDS[key]) if key in FIELDS else key


def entity_words(entity: str) -> str:
    pair = ENTITIES.get(entity)
    return _pick(pair) if pair else entity


def action_words(action: str) -> str:
    pair = ACTIONS.get(action)
    return _pick(pair) if pair else action


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return ("yes" if v else "no") if language() == "en" else ("是" if v else "否")
    if isinstance(v, list):
        return "、".join(_value(x) for x in v[:6]) + ("…" if len(v) > 6 else "")
    if isinstance(v, dict):
        return "、".join(f"{_label(k)}={_value(x)}" for k, x in list(v.items())[:4])
    return "" if v is None else str(v)


def data_words(data: dict[str, Any] | None, names: dict[str, str] | None = None) -> str:
    """'车牌：苏N12345 · 原因：样本过期'; account names become the people's names."""
    names = names or {}
    parts = []
    for key, v in (data or {}).items():
        if key in HIDDEN or v in (None, "", [], {}):
            continue
        label = _label(key)
        if isinstance(v, str) and key in _STATE_FIELDS and v in STATES:
            text = _pick(STATES[v])
        elif isinstance(v, str) and key in _NAMED_FIELDS:
            text = display(v, language())
        else:
            text = names.get(v, _value(v)) if isinstance(v, str) else _value(v)
        parts.append(f"{label}：{text}" if language() != "en" else f"{label}: {text}")
    return " · ".join(parts)
