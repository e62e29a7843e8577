<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.ui" line="9"/>
        <source>关于 Gatehouse</source>
        <translation>About Gatehouse</translation>
    </message>
    <message>
        <location filename="../../ui/about.ui" line="14"/>
        <source>Gatehouse 卡口物资交接</source>
        <translation>Gatehouse checkpoint and handoff</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="46"/>
        <source>督查员、管理员必填</source>
        <translation>Required for supervisors and admins</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="47"/>
        <source>添加操作员</source>
        <translation>Add operator</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="51"/>
        <source>新操作员</source>
        <translation>New operator</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="53"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="54"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="55"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="56"/>
        <source>密码</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="59"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="60"/>
        <source>设置密码…</source>
        <translation>Set PIN…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="70"/>
        <source>数据库：{db}
数据文件夹：{dir}
备份：文件 → 备份数据库（Ctrl+B）</source>
        <translation>Database: {db}
Data folder: {dir}
Backup: File → Back up database (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="84"/>
        <source>员工名册…</source>
        <translation>Staff roster…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="98"/>
        <source>名称，如 食堂1-2连廊西侧</source>
        <translation>Name, e.g. west of canteen 1-2 corridor</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="100"/>
        <source>路线，如 东门→东环路→一食堂西侧</source>
        <translation>Route, e.g. east gate → East Ring Rd → west of canteen 1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="101"/>
        <source>添加卸货点</source>
        <translation>Add point</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="104"/>
        <source>卸货点</source>
        <translation>Unloading point</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="127"/>
        <source>管理</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="138"/>
        <source>还没有卸货点：进校车辆和名单里的“卸货点”需要先在这里添加。</source>
        <translation>No unloading points yet: add them here first, because entering vehicles and the “unloading point” in approval lists need them.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="144"/>
        <source>请填写卸货点编号和名称。</source>
        <translation>Enter the unloading point&apos;s number and name.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="167"/>
        <source>  · 无密码</source>
        <translation>  · no PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="182"/>
        <source>请先在左侧选择操作员。</source>
        <translation>First choose an operator on the left.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="185"/>
        <source>设置密码</source>
        <translation>Set PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="185"/>
        <source>{0} 的新密码（至少4位数字）</source>
        <translation>New PIN for {0} (at least 4 digits)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="191"/>
        <source>已设置 {0} 的密码。</source>
        <translation>PIN set for {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="200"/>
        <source>督查员和管理员必须设置密码。</source>
        <translation>Supervisors and administrators must have a PIN.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="148"/>
        <location filename="../../desktop/gui/stations/admin.py" line="204"/>
        <source>已添加：{0}</source>
        <translation>Added: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="79"/>
        <source>备份与恢复…</source>
        <translation>Backups and restore…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="168"/>
        <source>  · 已停用</source>
        <translation>  · disabled</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="169"/>
        <source>  · 已锁定</source>
        <translation>  · locked</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="43"/>
        <source>编辑审批</source>
        <translation>Edit approval</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="43"/>
        <source>新增审批</source>
        <translation>New approval</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="47"/>
        <source>如 苏N·12345</source>
        <translation>e.g. 苏N·12345</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="53"/>
        <source>进入（送到卸货点）</source>
        <translation>Enter (to the unloading point)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="54"/>
        <source>接驳（不进入）</source>
        <translation>Handoff (does not enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="56"/>
        <source>（到门岗再定）</source>
        <translation>(decide at the gate)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="61"/>
        <source>如 大米 50袋；食用油 20桶</source>
        <translation>e.g. rice 50 bags; cooking oil 20 drums</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="63"/>
        <source>车牌号</source>
        <translation>Plate number</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="63"/>
        <source>到达日期</source>
        <translation>Arrival date</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="64"/>
        <source>供货单位</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="64"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="65"/>
        <source>卸货点</source>
        <translation>Unloading point</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="65"/>
        <source>通行证号</source>
        <translation>Pass number</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="66"/>
        <source>物资</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="66"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="69"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="69"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="69"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="70"/>
        <source>核酸采样时间</source>
        <translation>Test sampling time</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="72"/>
        <source>加一人</source>
        <translation>Add person</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="74"/>
        <source>删除所选人</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="85"/>
        <source>司乘人员（第一行为驾驶员）</source>
        <translation>Occupants (the first row is the driver)</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="145"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="145"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="145"/>
        <source>岗位</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="145"/>
        <source>动作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="146"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="146"/>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="147"/>
        <source>审计日志（防篡改）</source>
        <translation>Audit log (tamper-evident)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="149"/>
        <source>校验审计链</source>
        <translation>Verify audit chain</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="152"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="166"/>
        <source>已核对 %v / %m 条审计记录</source>
        <translation>Checked %v / %m audit events</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="168"/>
        <source>取消校验</source>
        <translation>Cancel check</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="258"/>
        <source>已显示最新的 {n} 条记录；滚动到底部加载更早的记录</source>
        <translation>Showing the newest {n} events; scroll to the end for older ones</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="260"/>
        <source>共 {n} 条记录</source>
        <translation>{n} events in all</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="300"/>
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="332"/>
        <source>校验已取消：已核对 {n} 条审计记录，未得出结论。</source>
        <translation>Check cancelled after {n} audit events: no conclusion.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="353"/>
        <source>正在停止校验…</source>
        <translation>Stopping the check…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="157"/>
        <source>按身份证号或手机号查找</source>
        <translation>Find by ID number or phone</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="293"/>
        <source>找到 {n} 条与此人有关的记录</source>
        <translation>{n} records about this person</translation>
    </message>
</context>
<context>
    <name>CadenceTab</name>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="111"/>
        <source>记录电话问询…</source>
        <translation>Record a phone check…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="115"/>
        <source>导入住户名册…</source>
        <translation>Import the household register…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="126"/>
        <location filename="../../desktop/gui/stations/cadence.py" line="129"/>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="126"/>
        <location filename="../../desktop/gui/stations/cadence.py" line="129"/>
        <source>单元</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="126"/>
        <location filename="../../desktop/gui/stations/cadence.py" line="129"/>
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="126"/>
        <location filename="../../desktop/gui/stations/cadence.py" line="129"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="127"/>
        <location filename="../../desktop/gui/stations/cadence.py" line="130"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="127"/>
        <source>情况</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="127"/>
        <source>本轮问询</source>
        <translation>This round&apos;s call</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="127"/>
        <source>上次</source>
        <translation>Last call</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="130"/>
        <location filename="../../desktop/gui/stations/cadence.py" line="206"/>
        <source>特殊人群</source>
        <translation>Special needs</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="130"/>
        <source>前一轮</source>
        <translation>Round before</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="177"/>
        <source>逾期未问询</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="179"/>
        <source>待问询</source>
        <translation>Call due</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="179"/>
        <source>未接通 {n} 次，待再打</source>
        <translation>Not reached ({n}×), call again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="183"/>
        <source>已问询：需要帮助</source>
        <translation>Called: needs help</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="184"/>
        <source>已问询：正常</source>
        <translation>Called: all well</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="189"/>
        <source>正常</source>
        <translation>all well</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="189"/>
        <source>需要帮助</source>
        <translation>needs help</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="190"/>
        <source>未接通</source>
        <translation>not reached</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="196"/>
        <source>本轮：第{n}轮 {a}–{b}（每{d}天一轮）</source>
        <translation>This round: round {n}, {a} to {b} (every {d} days)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="201"/>
        <source>特殊人群电话问询：待问询 {n} 户，共 {t} 户</source>
        <translation>Special-needs phone checks: {n} due of {t} households</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="214"/>
        <source>本轮未下单：{n} 户</source>
        <translation>No order this round: {n} households</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="222"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="134"/>
        <source>本轮</source>
        <translation>This round</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="135"/>
        <source>上一轮</source>
        <translation>Last round</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="216"/>
        <source>上一轮（{a}–{b}）未下单：{n} 户</source>
        <translation>No order in the last round ({a} to {b}): {n} households</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="223"/>
        <source>前一轮也未下单</source>
        <translation>Missed the round before too</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="243"/>
        <source>请先在问询表中选中一户</source>
        <translation>Select a household in the phone-check table first</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="256"/>
        <source>已记录 {h} 的电话问询</source>
        <translation>Phone check for {h} recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="263"/>
        <source>选择住户名册</source>
        <translation>Choose the household register</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="264"/>
        <source>住户名册 (*.xlsx *.csv)</source>
        <translation>Household register (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="270"/>
        <source>正在导入 {f}…</source>
        <translation>Importing {f}…</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/gate/photo.py" line="52"/>
        <location filename="../../desktop/gui/stations/gate/photo.py" line="66"/>
        <source>拍照</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/photo.py" line="63"/>
        <source>摄像头出错，请改用照片文件。</source>
        <translation>Camera error: use a photo file instead.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/photo.py" line="64"/>
        <source>对准人脸，按回车拍照</source>
        <translation>Aim at the face, press Enter to take the photo</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../desktop/gui/stations/settings/catalog_page.py" line="63"/>
        <source>没有修改。</source>
        <translation>Nothing changed.</translation>
    </message>
</context>
<context>
    <name>ChooseVehicleDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/gate/choose.py" line="17"/>
        <source>选择车辆</source>
        <translation>Choose the vehicle</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/choose.py" line="20"/>
        <source>“{q}”对应多辆车，请选择（↑↓ 回车，或按序号）：</source>
        <translation>“{q}” fits several vehicles: choose one (↑↓ and Enter, or its number):</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/review/mapping.py" line="46"/>
        <source>导入 {f}：核对各列</source>
        <translation>Import {f}: check the columns</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/mapping.py" line="48"/>
        <source>请为每一列选择对应的内容（不需要的列选“忽略”）。下方是表中前几行。</source>
        <translation>Choose what each column holds (choose “ignore” for columns not needed). The first rows of the sheet are below.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/mapping.py" line="51"/>
        <source> 已套用上次对同样表头的选择。</source>
        <translation> The choices made last time for the same headers are applied.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/mapping.py" line="54"/>
        <source>读作</source>
        <translation>Read as</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/mapping.py" line="59"/>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/mapping.py" line="77"/>
        <source>表中没有供货单位列时，所有行都用这里填写的单位</source>
        <translation>When the sheet has no supplier column, every row takes the supplier given here</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/mapping.py" line="79"/>
        <source>没有到达日期的行按此日期</source>
        <translation>Rows without an arrival date take this date</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/mapping.py" line="85"/>
        <source>供货单位（统一）</source>
        <translation>Supplier (for every row)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/mapping.py" line="95"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/mapping.py" line="133"/>
        <source>请为这些列选择：</source>
        <translation>Choose for these columns: </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/mapping.py" line="136"/>
        <source>{h} 都可能是“{f}”：请选定一列，其余选“忽略”或别的内容</source>
        <translation>{h} could each be “{f}”: choose one, and “ignore” or another field for the others</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/mapping.py" line="144"/>
        <source>一项内容只能对应一列：</source>
        <translation>A field can be read from one column only: </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/mapping.py" line="148"/>
        <source>缺少：</source>
        <translation>Missing: </translation>
    </message>
</context>
<context>
    <name>CustodyDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="93"/>
        <source>交接链 {0}</source>
        <translation>Slip history {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="95"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="95"/>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="95"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="95"/>
        <source>岗位</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="95"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="96"/>
        <source>经手人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="96"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="96"/>
        <source>车辆</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="96"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="96"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="101"/>
        <source>扫码</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="101"/>
        <source>放行</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="101"/>
        <source>装车转运</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="102"/>
        <source>签收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="102"/>
        <source>部分签收</source>
        <translation>Partly received</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="102"/>
        <source>破损</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="115"/>
        <source>该单还没有任何扫码记录。</source>
        <translation>This slip has not been scanned yet.</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="137"/>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="209"/>
        <source>场内车辆（停留分钟）</source>
        <translation>Vehicles inside (minutes)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="143"/>
        <source>导入数据包…</source>
        <translation>Import packages…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="190"/>
        <source>{d}&#x3000;到达 {a} 辆&#x3000;场内 {i} 辆&#x3000;劝返 {r}&#x3000;督查放行 {o}</source>
        <translation>{d} · arrived {a} · inside {i} · refused {r} · overrides {o}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="195"/>
        <source>每小时到达与放行</source>
        <translation>Arrivals and releases per hour</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="196"/>
        <source>到达</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="197"/>
        <source>放行</source>
        <translation>Released</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="198"/>
        <source>静置中</source>
        <translation>Dwelling</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="198"/>
        <source>待放行</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="198"/>
        <source>已放行</source>
        <translation>Released</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="199"/>
        <source>已停止</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="200"/>
        <source>静置计时（按状态）</source>
        <translation>Dwell timers by state</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="201"/>
        <source>计时</source>
        <translation>Timers</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="203"/>
        <source>生活必需品到货批次：今日与前7日平均</source>
        <translation>Necessities arrived (lines): today and the 7-day average</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="204"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="205"/>
        <source>前7日平均</source>
        <translation>7-day average</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="206"/>
        <source>工作人员核酸需更新 {n} 人：</source>
        <translation>Staff whose test needs updating ({n}): </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="212"/>
        <source>分钟</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="212"/>
        <source>超时</source>
        <translation>over the limit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="220"/>
        <source>选择日数据包</source>
        <translation>Choose day packages</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="221"/>
        <source>日数据包 (gatehouse-day-*.zip)</source>
        <translation>Day packages (gatehouse-day-*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="238"/>
        <source>已合并</source>
        <translation>merged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="238"/>
        <source>已有此包，未改动</source>
        <translation>already merged, nothing changed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="239"/>
        <source>更正包，已替换</source>
        <translation>corrected package, replaces the earlier one</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="242"/>
        <source>；新站点已登记，请电话核对密钥指纹 {f}</source>
        <translation>; new site registered: compare its key fingerprint {f} by phone</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="249"/>
        <source>拒收</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="259"/>
        <source>{c} {d}&#x3000;已上报 {n} 个站点&#x3000;未上报 {m} 个&#x3000;车辆 {v}</source>
        <translation>{c} {d} · {n} sites reported · {m} not yet · vehicles {v}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="265"/>
        <source>各站点车辆</source>
        <translation>Vehicles per site</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="266"/>
        <source>车辆</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="267"/>
        <source>劝返</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="268"/>
        <source>违规与督查放行</source>
        <translation>Violations and overrides</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="269"/>
        <source>违规</source>
        <translation>Violations</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="270"/>
        <source>督查放行</source>
        <translation>Overrides</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="274"/>
        <source>各站点生活必需品到货</source>
        <translation>Necessities received per site</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="277"/>
        <source>未上报站点与导入结果</source>
        <translation>Sites not reported, and the last import</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dashboard_tab.py" line="280"/>
        <source>未上报：</source>
        <translation>Not reported: </translation>
    </message>
</context>
<context>
    <name>DisinfectionPage</name>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/page.py" line="37"/>
        <source>提前完成…</source>
        <translation>End early…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/page.py" line="40"/>
        <source>召回消杀…</source>
        <translation>Recall…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/page.py" line="71"/>
        <source>消杀</source>
        <translation>Disinfection</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/page.py" line="123"/>
        <source>系统时间被调整了 {s} 秒，已记录；静置计时不受影响。</source>
        <translation>The system clock was changed by {s} s; this was logged. Dwell timers are not affected.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/page.py" line="162"/>
        <source>{x} 已由督查员提前结束静置。</source>
        <translation>{x}: dwell ended early by a supervisor.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/page.py" line="180"/>
        <source>已召回 {x} 的消杀，{n} 批物资须重新消杀。</source>
        <translation>Disinfection of {x} recalled; {n} consignment(s) must be disinfected again.</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="64"/>
        <source>品类</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="64"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="64"/>
        <source>库存</source>
        <translation>In stock</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="65"/>
        <source>待入库</source>
        <translation>Not yet in stock</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="66"/>
        <source>尚在消杀、静置，或未扫码放行入库</source>
        <translation>Still being disinfected, dwelling, or not yet scanned into stock</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="77"/>
        <source>去向：供应点、小区</source>
        <translation>Destination: supply point, community</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="81"/>
        <source>外发车辆车牌，如 苏A12345</source>
        <translation>Onward vehicle&apos;s plate, e.g. 苏A12345</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="97"/>
        <source>加入</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="100"/>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="101"/>
        <source>开外发单并打印</source>
        <translation>Issue dispatch slip and print</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="106"/>
        <source>双击：预览、补打或作废</source>
        <translation>Double-click: preview, reprint or void</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="113"/>
        <source>去向</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="115"/>
        <source>车牌</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="117"/>
        <source>物资</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="131"/>
        <source>库存（已放行入库，减去已外发）</source>
        <translation>Stock (released into stock, less dispatched)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="133"/>
        <source>今日外发（双击预览、补打、作废）</source>
        <translation>Dispatched today (double-click to preview, reprint, void)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="137"/>
        <source>本次外发</source>
        <translation>This dispatch</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="167"/>
        <source>（已作废）</source>
        <translation>(voided)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="205"/>
        <source>请填写数量。</source>
        <translation>Enter a quantity.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dispatch.py" line="243"/>
        <source>已开外发单 {n}，正在打印……</source>
        <translation>Dispatch slip {n} issued, printing…</translation>
    </message>
</context>
<context>
    <name>EarlyDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="21"/>
        <source>提前结束静置</source>
        <translation>End dwell early</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="34"/>
        <source>{x}：未满静置时间即可转运，须督查员批准并写明原因。</source>
        <translation>{x}: moving goods before the dwell time is up needs a supervisor&apos;s approval and a written reason.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="37"/>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="40"/>
        <source>督查员</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="38"/>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="41"/>
        <source>密码</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="39"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>GateActions</name>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="51"/>
        <source>劝返</source>
        <translation>Refuse entry</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="51"/>
        <source>劝返原因会告知司机并记入日志。</source>
        <translation>The driver is told the reason, and it is logged.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="52"/>
        <source>司机拒绝关窗/戴口罩</source>
        <translation>Driver refuses to close windows / wear a mask</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="52"/>
        <source>无有效审批</source>
        <translation>No valid approval</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="61"/>
        <source>{p} 已放行进入 → {u}；路线：{r}</source>
        <translation>{p} admitted → {u}; route: {r}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="63"/>
        <source>{p} 转接驳区卸货，不进入</source>
        <translation>{p} unloads at the handoff zone, does not enter</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="64"/>
        <source>{p} 已劝返：{r}</source>
        <translation>{p} refused entry: {r}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="71"/>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="178"/>
        <source>F9 开交接单</source>
        <translation>F9 Issue slips</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="166"/>
        <source>撤销登记</source>
        <translation>Undo check-in</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="161"/>
        <source>登记有误时撤销；记录保留并注明原因。</source>
        <translation>Undo a wrong check-in; the record is kept with the reason.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="166"/>
        <source>车牌号录错</source>
        <translation>Plate number typed wrong</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="166"/>
        <source>重复登记</source>
        <translation>Checked in twice</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="179"/>
        <source>已撤销登记：{p}</source>
        <translation>Check-in undone: {p}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="200"/>
        <source>{p} 已出门</source>
        <translation>{p} has left</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="163"/>
        <source>未放行的交接单将作废，静置计时停止，物资标记为撤回。</source>
        <translation>Slips not yet released are voided, dwell timers stop, and the goods are marked withdrawn.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="165"/>
        <source>以下物资已放行，仍算已放行：{g}</source>
        <translation>These goods were already released and stay released: {g}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/actions.py" line="195"/>
        <source>{p} 没有在场记录。</source>
        <translation>{p} is not recorded as on site.</translation>
    </message>
</context>
<context>
    <name>GatePage</name>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="80"/>
        <source>门岗</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="92"/>
        <source>更改级别</source>
        <translation>Change level</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="100"/>
        <source>车牌号或通行证号，回车查询</source>
        <translation>Plate or pass number, then Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="102"/>
        <source>查询</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="138"/>
        <source>确认查验（回车）</source>
        <translation>Confirm checks (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="140"/>
        <source>F5 放行进入</source>
        <translation>F5 Admit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="141"/>
        <source>F6 转接驳区</source>
        <translation>F6 Handoff zone</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="142"/>
        <source>F7 劝返</source>
        <translation>F7 Refuse</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="143"/>
        <source>F8 督查放行</source>
        <translation>F8 Override</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="144"/>
        <source>加随车人员</source>
        <translation>Add passenger</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="145"/>
        <source>F10 出门登记</source>
        <translation>F10 Log exit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="146"/>
        <source>撤销登记</source>
        <translation>Undo check-in</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="147"/>
        <source>Esc 下一辆</source>
        <translation>Esc Next vehicle</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="148"/>
        <source>F9 开交接单</source>
        <translation>F9 Issue slips</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="151"/>
        <source>卸货点</source>
        <translation>Unloading point</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="161"/>
        <source>在场车辆</source>
        <translation>Vehicles inside</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="199"/>
        <source>车辆可进入</source>
        <translation>vehicles may enter</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="199"/>
        <source>车辆一律不得进入，全部转接驳</source>
        <translation>no vehicle may enter, all unload at the handoff zone</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="200"/>
        <source>当前：{m} · {r} · 核酸{h}小时内 · {e}</source>
        <translation>Now: {m} · {r} · test within {h} h · {e}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="324"/>
        <source>进入</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="324"/>
        <source>接驳（不进入）</source>
        <translation>Handoff (does not enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="339"/>
        <source>已于 {t} 登记（{s}）</source>
        <translation>Checked in at {t} ({s})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="348"/>
        <source>已审批 ✔ 核对后按回车确认</source>
        <translation>Approved ✔ Check, then press Enter to confirm</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="387"/>
        <source>须督查员批准</source>
        <translation>Supervisor approval needed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="430"/>
        <source>当前状态：{s}</source>
        <translation>Status: {s}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="434"/>
        <source>全部合格 — 按 F5 进入，F6 转接驳</source>
        <translation>All passed — F5 to admit, F6 for the handoff zone</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="444"/>
        <source>有检查不合格：F7 劝返，或 F8 请督查员放行</source>
        <translation>A check failed: F7 to refuse, or F8 for a supervisor override</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="467"/>
        <source>{p}  {u}  {m}分钟</source>
        <translation>{p}  {u}  {m} min</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="473"/>
        <source>在场时间超过规定，请联系卸货点督促离开</source>
        <translation>Inside longer than allowed: ask the unloading point to send it out</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="475"/>
        <source>在场车辆（{n}）</source>
        <translation>Vehicles inside ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="333"/>
        <source>今天：</source>
        <translation>Today: </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="346"/>
        <source>今天已劝返（原因见上）。如再次登记，请重新逐项查验</source>
        <translation>Refused today (reason above). If it registers again, check every item again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/__init__.py" line="443"/>
        <source>{n}：{m}</source>
        <translation>{n}: {m}</translation>
    </message>
</context>
<context>
    <name>GoodsDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/gate/goods.py" line="28"/>
        <source>登记物资</source>
        <translation>Record goods</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/goods.py" line="32"/>
        <source>该车没有审批的物资清单：按实际清点登记，开单后同样消杀、静置、交接。</source>
        <translation>This vehicle has no approved goods list: record what was counted; after the slips are issued the goods are disinfected, dwell and are handed off as usual.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/goods.py" line="44"/>
        <source>其他物资…</source>
        <translation>Other goods…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/goods.py" line="49"/>
        <source>物资类别</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/goods.py" line="49"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/goods.py" line="49"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/goods.py" line="90"/>
        <source>请至少登记一项物资。</source>
        <translation>Record at least one kind of goods.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/goods.py" line="92"/>
        <source>请填写每一项的物资类别。</source>
        <translation>Fill in the goods of every line.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/goods.py" line="94"/>
        <source>请填写每一项的数量。</source>
        <translation>Fill in the quantity of every line.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/goods.py" line="96"/>
        <source>请填写每一项的单位。</source>
        <translation>Fill in the unit of every line.</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="31"/>
        <source>签收 / 部分签收 / 破损</source>
        <translation>Receive / partly received / damaged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="35"/>
        <source>全部签收</source>
        <translation>Received in full</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="35"/>
        <source>部分签收</source>
        <translation>Partly received</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="35"/>
        <source>破损</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="47"/>
        <source>部分签收或破损时必填</source>
        <translation>Required if partly received or damaged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="52"/>
        <source>单号</source>
        <translation>Slip no.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="53"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="54"/>
        <source>签收人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="55"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="56"/>
        <source>实收数量</source>
        <translation>Quantity received</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="57"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/dialogs.py" line="78"/>
        <source>请填写原因</source>
        <translation>Enter a reason</translation>
    </message>
</context>
<context>
    <name>HandoffPage</name>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="59"/>
        <source>接驳</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="66"/>
        <source>放行</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="66"/>
        <source>装车转运</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="66"/>
        <source>到达签收</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="78"/>
        <source>接收人 / 经手人</source>
        <translation>Receiver / handler</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="83"/>
        <source>去向：食堂、超市、楼栋</source>
        <translation>Destination: canteen, supermarket, building</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="84"/>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="90"/>
        <source>接驳车</source>
        <translation>Transfer vehicle</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="86"/>
        <source>接收人</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="88"/>
        <source>去向</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="95"/>
        <source>手工输入单号，回车确认</source>
        <translation>Type the slip number, then Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="102"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="103"/>
        <source>签收 / 部分 / 破损…</source>
        <translation>Receive / partial / damaged…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="104"/>
        <source>交接链</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="125"/>
        <source>最近扫码</source>
        <translation>Recent scans</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="147"/>
        <source>接驳放行</source>
        <translation>Handoff release</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="148"/>
        <source>外发</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="228"/>
        <source>单号格式不对：应为站点代码-8位字符+校验位，如 SQ-7KM3QX9A4</source>
        <translation>Wrong slip number format: site code, dash, 8 characters and a check character, e.g. SQ-7KM3QX9A4</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="248"/>
        <source>未完成</source>
        <translation>NOT DONE</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="302"/>
        <location filename="../../desktop/gui/stations/handoff/__init__.py" line="320"/>
        <source>请先扫描或输入单号</source>
        <translation>Scan or type a slip number first</translation>
    </message>
</context>
<context>
    <name>HandoverAction</name>
    <message>
        <location filename="../../desktop/gui/handover_action.py" line="23"/>
        <source>保存交接班单</source>
        <translation>Save the shift handover sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/handover_action.py" line="36"/>
        <source>已保存：
{0}</source>
        <translation>Saved:
{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/handover_action.py" line="37"/>
        <location filename="../../desktop/gui/handover_action.py" line="42"/>
        <source>交接班单</source>
        <translation>Shift handover sheet</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="76"/>
        <source>团购</source>
        <translation>Group buy</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="91"/>
        <source>导入订单表…</source>
        <translation>Import orders…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="94"/>
        <source>批次名称（留空按文件名）</source>
        <translation>Batch name (empty: use the file name)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="109"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="115"/>
        <source>取货日</source>
        <translation>Pickup day</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="117"/>
        <source>首个时段</source>
        <translation>First slot</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="119"/>
        <source>每段</source>
        <translation>Each slot</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="128"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="132"/>
        <source>60×40 标签</source>
        <translation>60×40 label</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="132"/>
        <source>58mm 小票</source>
        <translation>58mm receipt</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="132"/>
        <source>80mm 小票</source>
        <translation>80mm receipt</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="133"/>
        <source>A4 整页（21枚）</source>
        <translation>A4 sheet (21 labels)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="135"/>
        <source>导出标签 PDF</source>
        <translation>Export labels PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="136"/>
        <source>打印标签</source>
        <translation>Print labels</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="137"/>
        <source>重排时段</source>
        <translation>Reschedule</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="138"/>
        <source>确认送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="143"/>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="159"/>
        <location filename="../../desktop/gui/stations/households.py" line="165"/>
        <location filename="../../desktop/gui/stations/households.py" line="167"/>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="159"/>
        <location filename="../../desktop/gui/stations/households.py" line="165"/>
        <source>时段</source>
        <translation>Time slot</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="159"/>
        <location filename="../../desktop/gui/stations/households.py" line="250"/>
        <source>待取</source>
        <translation>To collect</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="159"/>
        <location filename="../../desktop/gui/stations/households.py" line="250"/>
        <location filename="../../desktop/gui/stations/households.py" line="251"/>
        <source>已取</source>
        <translation>Collected</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="160"/>
        <source>上门</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="160"/>
        <source>共</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="163"/>
        <location filename="../../desktop/gui/stations/households.py" line="167"/>
        <source>单元</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="163"/>
        <location filename="../../desktop/gui/stations/households.py" line="167"/>
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="163"/>
        <location filename="../../desktop/gui/stations/households.py" line="168"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="163"/>
        <source>取货 / 送货</source>
        <translation>Pickup / delivery</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="164"/>
        <location filename="../../desktop/gui/stations/households.py" line="168"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="164"/>
        <location filename="../../desktop/gui/stations/households.py" line="168"/>
        <source>标签号</source>
        <translation>Label no.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="165"/>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="165"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="166"/>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="167"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="168"/>
        <source>特殊需要</source>
        <translation>Special needs</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="174"/>
        <source>袋子</source>
        <translation>Bags</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="175"/>
        <source>取货时段</source>
        <translation>Pickup slots</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="180"/>
        <source>送货员出发前在本页或接驳岗扫描袋标签；送到后选中该户，点“确认送达”。</source>
        <translation>Before setting out, the courier scans the bag labels on this page or at the handoff station; after delivery, select the household and click “Delivered”.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="187"/>
        <location filename="../../desktop/gui/stations/households.py" line="308"/>
        <source>送货上门</source>
        <translation>Door delivery</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="188"/>
        <source>导入结果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="190"/>
        <source>本轮</source>
        <translation>This round</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="215"/>
        <source>{name}（{n} 户）</source>
        <translation>{name} ({n} households)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="225"/>
        <source>还没有团购批次：请导入订单表</source>
        <translation>No group-buy batch yet: import an order sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="242"/>
        <source>待消杀</source>
        <translation>Awaiting disinfection</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="242"/>
        <source>静置中</source>
        <translation>In dwell</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="242"/>
        <source>可取货</source>
        <translation>Ready for pickup</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="243"/>
        <source>已全部取走</source>
        <translation>All collected</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="244"/>
        <source>消杀已召回</source>
        <translation>Disinfection recalled</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="248"/>
        <source>待送</source>
        <translation>To deliver</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="248"/>
        <source>配送中</source>
        <translation>Out for delivery</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="249"/>
        <source>已送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="260"/>
        <source>共 {n} 户 · 待取 {w} · 已取 {p} · 送货上门 {d}（已送 {dd}） · 物资：{g}</source>
        <translation>{n} households · to collect {w} · collected {p} · door delivery {d} ({dd} delivered) · goods: {g}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="281"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="326"/>
        <source>团购取货</source>
        <translation>Group-buy pickup</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="340"/>
        <source>请先在“送货上门”表中选中一户</source>
        <translation>First select a household in the “Door delivery” table</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="360"/>
        <source>已重排取货时段</source>
        <translation>Pickup slots rescheduled</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="366"/>
        <source>选择团购订单表</source>
        <translation>Choose the group-buy order sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="367"/>
        <source>订单表 (*.xlsx *.csv)</source>
        <translation>Order sheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="378"/>
        <source>正在导入 {f}…</source>
        <translation>Importing {f}…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="415"/>
        <source>请先选择批次</source>
        <translation>Choose a batch first</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="417"/>
        <source>正在生成标签…</source>
        <translation>Making labels…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="434"/>
        <source>已导出标签：{p}</source>
        <translation>Labels exported: {p}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/households.py" line="462"/>
        <source>已发送到打印机 {p}：{n} 页</source>
        <translation>Sent to printer {p}: {n} page(s)</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../desktop/gui/idle_lock.py" line="103"/>
        <source>已锁定：请登录</source>
        <translation>Locked: sign in</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <location filename="../../desktop/gui/stations/review/progress.py" line="25"/>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/progress.py" line="27"/>
        <source>正在导入</source>
        <translation>Importing</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/progress.py" line="53"/>
        <source>第 {d} / {n} 行</source>
        <translation>row {d} of {n}</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="150"/>
        <source>导入结果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="157"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="157"/>
        <source>车牌</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="157"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/dialogs.py" line="175"/>
        <source>以下各行未导入（请改正后重新导入，已导入的行不会重复）：</source>
        <translation>These rows were not imported (correct them and import again; rows already imported will not be added twice):</translation>
    </message>
</context>
<context>
    <name>IssueSlipsDialog</name>
    <message>
        <location filename="../../desktop/gui/slip_actions.py" line="58"/>
        <source>开交接单</source>
        <translation>Issue handoff slips</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_actions.py" line="66"/>
        <source>物资</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_actions.py" line="66"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_actions.py" line="66"/>
        <source>去向 / 收货方</source>
        <translation>Destination / recipient</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_actions.py" line="66"/>
        <source>交接单</source>
        <translation>Slip</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_actions.py" line="73"/>
        <source>开单</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_actions.py" line="75"/>
        <source>预览 / 打印 / 作废</source>
        <translation>Preview / print / void</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_actions.py" line="77"/>
        <source>开单后自动打印</source>
        <translation>Print when issued</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_actions.py" line="79"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_actions.py" line="110"/>
        <source>未开单</source>
        <translation>No slip</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_actions.py" line="117"/>
        <source>没有可开单的物资。</source>
        <translation>No goods need a slip.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_actions.py" line="159"/>
        <source>已开单：</source>
        <translation>Issued: </translation>
    </message>
</context>
<context>
    <name>LevelDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="138"/>
        <source>更改管理级别</source>
        <translation>Change management level</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="138"/>
        <source>按指挥部通知更改；更改会记入审计日志。</source>
        <translation>Change only on notice from the command centre; the change is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="147"/>
        <source>管理级别</source>
        <translation>Management level</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="148"/>
        <source>风险等级</source>
        <translation>Risk level</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../desktop/gui/stations/settings/editors.py" line="140"/>
        <source>新的一项</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/editors.py" line="142"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/editors.py" line="144"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="92"/>
        <source>Gatehouse 卡口物资交接</source>
        <translation>Gatehouse checkpoint and handoff</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="105"/>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="155"/>
        <location filename="../../desktop/gui/main_window.py" line="320"/>
        <source>Gatehouse 卡口物资交接 — {site}</source>
        <translation>Gatehouse — {site}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="324"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="307"/>
        <source>站点：{0}（{1}）</source>
        <translation>Site: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="309"/>
        <source>岗位：{0}</source>
        <translation>Station: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="310"/>
        <source>操作员：{0}</source>
        <translation>Operator: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="312"/>
        <source>数据：{0}</source>
        <translation>Data: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="354"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="355"/>
        <source>换班 / 切换操作员…</source>
        <translation>Change shift / operator…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="356"/>
        <source>备份数据库…</source>
        <translation>Back up database…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="357"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="365"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="366"/>
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="369"/>
        <source>语言 / Language</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="376"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="377"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="378"/>
        <source>查看错误记录</source>
        <translation>Show error log</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="400"/>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="400"/>
        <source>共享服务器数据库请由服务器管理员备份。</source>
        <translation>A shared server database is backed up by the server&apos;s administrator.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="404"/>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="407"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="413"/>
        <source>备份完成</source>
        <translation>Backup complete</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="413"/>
        <source>已备份到：
{0}</source>
        <translation>Backed up to:
{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="419"/>
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="440"/>
        <source>版本 {v}
数据：{db}
数据文件夹：{dir}

离线运行的卡口、消杀与接驳登记系统。</source>
        <translation>Version {v}
Database: {db}
Data folder: {dir}

An offline register for checkpoints, disinfection and handoff.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="450"/>
        <source>错误记录</source>
        <translation>Error log</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="451"/>
        <source>错误记录文件夹：{0}</source>
        <translation>Error log folder: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="459"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="273"/>
        <source>未处理的扫码</source>
        <translation>Scan not handled</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="274"/>
        <source>{code} 是交接单或团购标签，应在接驳岗扫码放行；当前操作员无权放行。</source>
        <translation>{code} is a handoff slip or bag label, released by scanning at the handoff station; the current operator may not release it.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="358"/>
        <source>交接班单…</source>
        <translation>Shift handover sheet…</translation>
    </message>
</context>
<context>
    <name>OccupantCard</name>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="60"/>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="232"/>
        <source>驾驶员</source>
        <translation>Driver</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="60"/>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="232"/>
        <source>随车人员</source>
        <translation>Passenger</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="63"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="65"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="82"/>
        <source>拍照</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="84"/>
        <source>登记后可拍照留存（无摄像头时选择照片文件）</source>
        <translation>After check-in, take a photo for the record (no camera: choose a photo file)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="95"/>
        <source>审核时的证件照：与本人核对</source>
        <translation>ID photo from the review: compare with the person</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="108"/>
        <source>绿码</source>
        <translation>Green code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="108"/>
        <source>黄码</source>
        <translation>Yellow code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="108"/>
        <source>红码</source>
        <translation>Red code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="109"/>
        <source>未查验</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="113"/>
        <source>核酸阴性</source>
        <translation>Test negative</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="113"/>
        <source>核酸阳性</source>
        <translation>Test positive</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="114"/>
        <source>无核酸结果</source>
        <translation>No test result</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="118"/>
        <source>采样时间，如 2026-11-28 09:30</source>
        <translation>Sampling time, e.g. 2026-11-28 09:30</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="123"/>
        <source>无疫区接触史</source>
        <translation>No epidemic-area contact</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="123"/>
        <source>有疫区接触史</source>
        <translation>Epidemic-area contact</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="123"/>
        <source>未询问</source>
        <translation>Not asked</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="125"/>
        <source>行程：近期未离开本市</source>
        <translation>Stayed in the city</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="126"/>
        <source>人证一致</source>
        <translation>Matches ID photo</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="127"/>
        <source>已签承诺书</source>
        <translation>Pledge signed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="128"/>
        <source>已告知：按路线、戴口罩、关车窗、不下车</source>
        <translation>Told: route, mask, windows shut, stay in cab</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="220"/>
        <source>（督查员已放行）</source>
        <translation> (supervisor override)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="227"/>
        <source>✔ 全部合格</source>
        <translation>✔ All passed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="243"/>
        <source>已拍照 ✔</source>
        <translation>Photo taken ✔</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="76"/>
        <source>显示完整</source>
        <translation>Show in full</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="78"/>
        <source>核对身份时显示完整证件号和电话（会记入审计日志）</source>
        <translation>Show the full ID number and phone to check identity (recorded in the audit log)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="164"/>
        <source>如 36.5</source>
        <translation>e.g. 36.5</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="166"/>
        <source>体温℃</source>
        <translation>Temp. °C</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="170"/>
        <source>症状：</source>
        <translation>Symptoms:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/occupant.py" line="194"/>
        <source>体温“{t}”看不懂，请填写如 36.5</source>
        <translation>Cannot read the temperature &quot;{t}&quot;: type e.g. 36.5</translation>
    </message>
</context>
<context>
    <name>OperatorActions</name>
    <message>
        <location filename="../../desktop/gui/stations/admin_operators.py" line="35"/>
        <source>改为此角色</source>
        <translation>Change to this role</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin_operators.py" line="36"/>
        <location filename="../../desktop/gui/stations/admin_operators.py" line="63"/>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin_operators.py" line="37"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin_operators.py" line="63"/>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin_operators.py" line="72"/>
        <source>请先在左侧选择操作员。</source>
        <translation>Select an operator on the left first.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin_operators.py" line="86"/>
        <source>已将 {0} 改为：</source>
        <translation>Changed {0} to: </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin_operators.py" line="92"/>
        <source>已启用：{0}</source>
        <translation>Enabled: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin_operators.py" line="92"/>
        <source>已停用：{0}（记录保留）</source>
        <translation>Disabled: {0} (records kept)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin_operators.py" line="95"/>
        <source>已解锁：{0}</source>
        <translation>Unlocked: {0}</translation>
    </message>
</context>
<context>
    <name>OptionPage</name>
    <message>
        <location filename="../../desktop/gui/stations/settings/base.py" line="27"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/base.py" line="30"/>
        <source>还原</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/base.py" line="31"/>
        <source>放弃未保存的修改，显示已保存的设置</source>
        <translation>Discard unsaved changes and show the saved settings</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/base.py" line="66"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="122"/>
        <source>督查员放行</source>
        <translation>Supervisor override</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="122"/>
        <source>只有督查员可以放行不合格的检查项，须填写原因。</source>
        <translation>Only a supervisor can override a failed check, and must give a reason.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="128"/>
        <source>放行项</source>
        <translation>Check to override</translation>
    </message>
</context>
<context>
    <name>PassRegisterDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="45"/>
        <source>通行证登记</source>
        <translation>Vehicle passes</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="49"/>
        <location filename="../../desktop/gui/stations/review/passes.py" line="57"/>
        <source>通行证号</source>
        <translation>Pass number</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="49"/>
        <source>车牌</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="49"/>
        <location filename="../../desktop/gui/stations/review/passes.py" line="61"/>
        <source>持证单位</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="50"/>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="50"/>
        <source>有效期</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="50"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="59"/>
        <source>车牌号</source>
        <translation>Plate number</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="63"/>
        <location filename="../../desktop/gui/stations/review/passes.py" line="100"/>
        <source>保供</source>
        <translation>Supply</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="64"/>
        <location filename="../../desktop/gui/stations/review/passes.py" line="100"/>
        <source>应急</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="70"/>
        <source>登记</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="72"/>
        <source>注销所选</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="102"/>
        <source>已注销：</source>
        <translation>Revoked: </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="102"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="117"/>
        <source>已登记 {n}</source>
        <translation>Added {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="126"/>
        <source>注销通行证</source>
        <translation>Revoke pass</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="126"/>
        <source>注销原因：</source>
        <translation>Reason for revoking:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="131"/>
        <source>已注销。</source>
        <translation>Revoked.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="74"/>
        <source>导入通行证表…</source>
        <translation>Import pass list…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="139"/>
        <source>选择通行证表</source>
        <translation>Choose the pass list</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="140"/>
        <source>表格 (*.xlsx *.csv *.txt)</source>
        <translation>Spreadsheets (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/passes.py" line="171"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>PhoneCheckDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="50"/>
        <source>记录电话问询</source>
        <translation>Record a phone check</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="57"/>
        <source>已接通，一切正常</source>
        <translation>Reached, all well</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="58"/>
        <source>已接通，需要帮助</source>
        <translation>Reached, needs help</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="59"/>
        <source>未接通</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/cadence.py" line="71"/>
        <source>备注：需要什么（买药、送菜、就医……）</source>
        <translation>Note: what is needed (medicine, food, a doctor…)</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <location filename="../../desktop/gui/stations/gate/photo.py" line="34"/>
        <source>选择照片</source>
        <translation>Choose a photo</translation>
    </message>
</context>
<context>
    <name>PointsPage</name>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="40"/>
        <source>名称，如 食堂1-2连廊西侧</source>
        <translation>Name, e.g. Canteen 1–2 walkway, west side</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="42"/>
        <source>路线，如 东门→东环路→一食堂西侧</source>
        <translation>Route, e.g. East gate → East Ring Rd → Canteen 1 west side</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="44"/>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="45"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="46"/>
        <source>路线</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="47"/>
        <source>添加为新卸货点</source>
        <translation>Add as a new unloading point</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="49"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="51"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="53"/>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="102"/>
        <source>停用</source>
        <translation>Retire</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="55"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="56"/>
        <source>只能删除从未被审批、登记或消杀记录使用过的卸货点；用过的请停用。</source>
        <translation>Only a point never used by an approval, arrival or disinfection record can be deleted; retire a used one.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="63"/>
        <source>保存所选修改</source>
        <translation>Save changes to selected</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="69"/>
        <source>卸货点</source>
        <translation>Unloading points</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="82"/>
        <source>  · 已停用</source>
        <translation>  · retired</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="102"/>
        <source>恢复使用</source>
        <translation>Use again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="109"/>
        <source>请先在列表中选择卸货点。</source>
        <translation>Select an unloading point in the list first.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/points_page.py" line="123"/>
        <source>请填写卸货点编号和名称。</source>
        <translation>Fill in the unloading point&apos;s code and name.</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <location filename="../../desktop/gui/stations/settings/policy_page.py" line="47"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/policy_page.py" line="47"/>
        <source>核酸有效
（小时）</source>
        <translation>Test valid
(hours)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/policy_page.py" line="47"/>
        <source>行程
（天）</source>
        <translation>Travel
(days)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/policy_page.py" line="47"/>
        <source>车辆
可进入</source>
        <translation>Vehicles
may enter</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/policy_page.py" line="69"/>
        <source>各级别规则</source>
        <translation>Rules by level</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/policy_page.py" line="78"/>
        <source>当前执行：{0}（由督查在督查页或 gatehouse policy set-level 切换）</source>
        <translation>In force: {0} (supervisors switch it on the supervision page or with gatehouse policy set-level)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/policy_page.py" line="81"/>
        <source>静置时长不分级别：所有级别都用“消杀与静置”页的静置时长（现为 {0} 分钟），计时器以它为准。</source>
        <translation>The dwell time is the same at every level: the one on the Disinfection and dwell page (now {0} minutes), which the timers follow.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/policy_page.py" line="126"/>
        <source>没有修改。</source>
        <translation>Nothing changed.</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../desktop/gui/stations/settings/printer_page.py" line="28"/>
        <source>（系统默认打印机）</source>
        <translation>(system default printer)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/printer_page.py" line="33"/>
        <source>开单后自动打印</source>
        <translation>Print automatically after issuing</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/printer_page.py" line="35"/>
        <source>岗位</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/printer_page.py" line="36"/>
        <source>小票打印机</source>
        <translation>Slip printer</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/printer_page.py" line="37"/>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/printer_page.py" line="43"/>
        <source>打印机与纸张</source>
        <translation>Printer and paper</translation>
    </message>
</context>
<context>
    <name>RawEventDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/supervision/audit_tab.py" line="116"/>
        <source>原始审计记录</source>
        <translation>Audit event as recorded</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="64"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="79"/>
        <source>请填写原因。</source>
        <translation>Enter a reason.</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="48"/>
        <source>召回消杀</source>
        <translation>Recall disinfection</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="58"/>
        <source>稀释比例错误</source>
        <translation>Wrong dilution</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="58"/>
        <source>漏消部位</source>
        <translation>Parts missed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="58"/>
        <source>消毒剂过期</source>
        <translation>Disinfectant expired</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="67"/>
        <source>召回 {x} 的消杀：所涉物资须重新消杀，静置计时停止。</source>
        <translation>Recall the disinfection of {x}: its goods must be disinfected again, and the dwell timer stops.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="71"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="72"/>
        <source>督查员</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/dialogs.py" line="73"/>
        <source>密码</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="76"/>
        <source>扫描交接单，或输入车牌后回车</source>
        <translation>Scan a handoff slip, or type a plate and press Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="82"/>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="301"/>
        <source>尚未选择消杀对象</source>
        <translation>Nothing chosen to disinfect yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="86"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="88"/>
        <source>① 消杀对象</source>
        <translation>① What is disinfected</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="95"/>
        <source>② 地点与消毒剂</source>
        <translation>② Place and disinfectant</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="99"/>
        <source>卡口</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="99"/>
        <source>卸货点</source>
        <translation>Unloading point</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="100"/>
        <source>接驳区</source>
        <translation>Handoff zone</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="100"/>
        <source>中转站</source>
        <translation>Transit station</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="114"/>
        <source>第{n}次</source>
        <translation>Round {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="130"/>
        <source>③ 消杀部位</source>
        <translation>③ Parts disinfected</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="132"/>
        <source>④ 防护确认</source>
        <translation>④ PPE worn</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="134"/>
        <source>口罩</source>
        <translation>Mask</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="135"/>
        <source>手套</source>
        <translation>Gloves</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="136"/>
        <source>隔离衣</source>
        <translation>Gown</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="145"/>
        <source>消杀人员，多人用顿号或逗号分隔</source>
        <translation>Who disinfected; separate several names with commas</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="146"/>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="150"/>
        <source>重新计开始时间</source>
        <translation>Reset start time</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="152"/>
        <source>完成，开始静置</source>
        <translation>Done, start dwell</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="206"/>
        <source>（卸货点）</source>
        <translation>(unloading point)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="215"/>
        <source>已入场</source>
        <translation>Inside</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="215"/>
        <source>接驳</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="217"/>
        <source>{n}批物资</source>
        <translation>{n} consignment(s)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="251"/>
        <source>开始于 {t}</source>
        <translation>Started {t}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="258"/>
        <source>车辆 {p}（{n}批物资）</source>
        <translation>Vehicle {p} ({n} consignment(s))</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="338"/>
        <source>已登记：{x}，静置 {m} 分钟，{t} 后可转运。</source>
        <translation>Recorded: {x}. Dwell {m} min; can be moved after {t}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/form.py" line="215"/>
        <source>在卡口待消杀</source>
        <translation>Waiting at the gate for disinfection</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="56"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="58"/>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="75"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="131"/>
        <source>导出日报PDF</source>
        <translation>Export daily report PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="137"/>
        <source>正在生成PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="169"/>
        <source>已导出：{p}</source>
        <translation>Exported: {p}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="63"/>
        <source>导出日数据包…</source>
        <translation>Export day package…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="66"/>
        <source>给指挥部的签名数据包：写入所选文件夹（如U盘）并读回核对</source>
        <translation>The signed package for the command centre: written to the chosen folder (a USB stick) and read back</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="144"/>
        <source>选择U盘或共享文件夹</source>
        <translation>Choose a USB stick or shared folder</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="150"/>
        <source>正在生成日数据包…</source>
        <translation>Making the day package…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="162"/>
        <source>已写入并读回核对：{p}（本站密钥指纹 {f}）</source>
        <translation>Written and read back: {p} (this site&apos;s key fingerprint {f})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="101"/>
        <source>生活必需品日报</source>
        <translation>Daily report of necessities</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="101"/>
        <source>本日无异常。</source>
        <translation>Nothing unusual this day.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="102"/>
        <source>异常情况（{n}）</source>
        <translation>Anomalies ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="103"/>
        <source>生活必需品到货</source>
        <translation>Necessities that arrived</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="103"/>
        <source>消杀、静置与交接</source>
        <translation>Disinfection, dwell and handoff</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/report_tab.py" line="104"/>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="52"/>
        <source>备份与恢复</source>
        <translation>Backups and restore</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="55"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="55"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="55"/>
        <source>审计记录</source>
        <translation>Audit records</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="55"/>
        <source>数据行</source>
        <translation>Data rows</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="56"/>
        <source>核验</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="56"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="65"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="67"/>
        <source>恢复所选备份…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="69"/>
        <source>清除过期个人信息…</source>
        <translation>Purge expired personal data…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="77"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="98"/>
        <source>共享服务器数据库请在服务器上备份与恢复（pg_dump / pg_restore）。</source>
        <translation>Back up and restore a shared server database on the server (pg_dump / pg_restore).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="108"/>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="108"/>
        <source>未通过</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="121"/>
        <source>共 {n} 份备份。</source>
        <translation>{n} backups.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="149"/>
        <source>清除过期个人信息</source>
        <translation>Purge expired personal data</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="150"/>
        <source>没有到期的个人信息（保留 {n} 天）。</source>
        <translation>No personal data is due (kept for {n} days).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="153"/>
        <source>将清除 {d} 之前（保留 {n} 天）的姓名、身份证号、电话和照片：
{c}
涉及日期：{days}
数量与审计链保留；数据库文件和所有备份都会清除。此操作不能撤销。确定清除？</source>
        <translation>Names, ID numbers, phones and photos from before {d} (kept for {n} days) will be purged:
{c}
Days: {days}
Counts and the audit chain stay; the database file and every backup are purged. This cannot be undone. Purge?</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="159"/>
        <source>确认清除</source>
        <translation>Confirm purge</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="165"/>
        <source>正在清除…</source>
        <translation>Purging…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="182"/>
        <source>清除失败</source>
        <translation>Purge failed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="189"/>
        <source>不能恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="189"/>
        <source>这份备份未通过核验，不能用于恢复。</source>
        <translation>This backup failed verification and cannot be restored.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="193"/>
        <source>当前数据库无法读取，无法统计会丢失的记录。</source>
        <translation>The current database cannot be read, so the records that would be lost cannot be counted.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="195"/>
        <source>将丢失备份之后的 {n} 条审计记录（最后一条在 {at}）。</source>
        <translation>{n} audit records written after the backup will be lost (the last at {at}).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="198"/>
        <source>不会丢失任何审计记录。</source>
        <translation>No audit record will be lost.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="200"/>
        <source>确认恢复</source>
        <translation>Confirm restore</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="201"/>
        <source>用 {when} 的备份替换当前数据库？
{loses}
当前文件会先备份并改名保留，不会删除。恢复后窗口将在恢复的数据库上重新打开，需重新登录。</source>
        <translation>Replace the current database with the backup of {when}?
{loses}
The current file is backed up and kept under a new name, not deleted. After the restore the window reopens on the restored database and everyone signs in again.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="230"/>
        <location filename="../../desktop/gui/restore_dialog.py" line="237"/>
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="230"/>
        <source>已恢复。原文件保留为：
{a}
程序将关闭，请重新启动。</source>
        <translation>Restored. The previous file is kept as:
{a}
Gatehouse will close; start it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="238"/>
        <source>已恢复 {when} 的备份。原文件保留为：
{a}
窗口将在恢复的数据库上重新打开，请重新登录。</source>
        <translation>The backup of {when} is restored. The old file is kept as:
{a}
The window reopens on the restored database; please sign in again.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="241"/>
        <source>已恢复 {when} 的备份；原文件保留为 {a}</source>
        <translation>Backup of {when} restored; the old file is kept as {a}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/restore_dialog.py" line="248"/>
        <source>恢复失败</source>
        <translation>Restore failed</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="158"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="78"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="78"/>
        <source>车牌</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="78"/>
        <source>供货单位</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="78"/>
        <source>司乘人员</source>
        <translation>Occupants</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="78"/>
        <source>物资</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="79"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="79"/>
        <source>卸货点</source>
        <translation>Unloading point</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="79"/>
        <source>通行证</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="80"/>
        <source>待审核</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="80"/>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="80"/>
        <source>已驳回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="81"/>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="82"/>
        <source>进入</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="82"/>
        <source>接驳</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="84"/>
        <source>到达日期</source>
        <translation>Arrival date</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="90"/>
        <source>导入名单…</source>
        <translation>Import list…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="97"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="99"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="101"/>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="103"/>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="324"/>
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="105"/>
        <source>批准全部待审</source>
        <translation>Approve all pending</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="107"/>
        <source>通行证登记…</source>
        <translation>Vehicle passes…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="133"/>
        <source>上传证件照</source>
        <translation>Upload ID photo</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="135"/>
        <source>上传承诺书</source>
        <translation>Upload pledge</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="137"/>
        <source>查看材料</source>
        <translation>View documents</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="150"/>
        <source>司乘人员与材料</source>
        <translation>Occupants and documents</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="190"/>
        <source>驾驶员</source>
        <translation>Driver</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="190"/>
        <source>随车</source>
        <translation>Passenger</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="192"/>
        <source>照片✔</source>
        <translation>Photo✔</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="192"/>
        <source>无照片</source>
        <translation>No photo</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="193"/>
        <source>承诺书✔</source>
        <translation>Pledge✔</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="193"/>
        <source>无承诺书</source>
        <translation>No pledge</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="195"/>
        <source>采样 {t}</source>
        <translation>Sampled {t}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="217"/>
        <source>选择供货单位发来的名单</source>
        <translation>Choose the list the supplier sent</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="218"/>
        <source>表格 (*.xlsx *.csv *.txt)</source>
        <translation>Tables (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="257"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="305"/>
        <source>已新增，待审核。</source>
        <translation>Added; waiting for review.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="316"/>
        <source>已修改，需重新批准。</source>
        <translation>Changed; needs approval again.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="324"/>
        <source>驳回原因（会告知供货单位）：</source>
        <translation>Reason for rejecting (the supplier will be told):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="330"/>
        <source>已批准。</source>
        <translation>Approved.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="330"/>
        <source>已驳回。</source>
        <translation>Rejected.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="342"/>
        <source>已批准 {n} 条。</source>
        <translation>{n} approved.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="374"/>
        <source>材料已保存。</source>
        <translation>Documents saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="382"/>
        <source>{n} 还没有材料。</source>
        <translation>{n} has no documents yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="92"/>
        <source>名单模板…</source>
        <translation>List template…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="96"/>
        <source>能识别的列（写法不限，如“预计到达日期”“数量（公斤）”）：</source>
        <translation>Columns understood (any spelling, e.g. “预计到达日期”, “数量（公斤）”):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="258"/>
        <source>正在导入 {f}…</source>
        <translation>Importing {f}…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="259"/>
        <source>正在取消导入…</source>
        <translation>Cancelling the import…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="268"/>
        <source>保存名单模板</source>
        <translation>Save the list template</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="269"/>
        <source>Excel 表格 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/review/__init__.py" line="274"/>
        <source>模板已保存：</source>
        <translation>Template saved: </translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="359"/>
        <source>员工名册</source>
        <translation>Staff roster</translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="189"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="189"/>
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="189"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="189"/>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="189"/>
        <source>最近核酸</source>
        <translation>Latest test</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="190"/>
        <source>核酸状态</source>
        <translation>Test status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="190"/>
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="190"/>
        <source>防护用品</source>
        <translation>Protective gear</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="197"/>
        <source>添加人员…</source>
        <translation>Add person…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="198"/>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="199"/>
        <source>记录核酸…</source>
        <translation>Record test…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="200"/>
        <source>移出名册</source>
        <translation>Take off roster</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="201"/>
        <source>导入名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="247"/>
        <source>共 {n} 人；核酸有效期 {h} 小时（按当前防控策略），需更新 {s} 人</source>
        <translation>{n} people; a test is valid for {h} hours (current policy); {s} need updating</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="250"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="250"/>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="250"/>
        <source>无记录</source>
        <translation>None recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="251"/>
        <location filename="../../desktop/gui/stations/roster.py" line="252"/>
        <source>阳性</source>
        <translation>Positive</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="252"/>
        <source>阴性</source>
        <translation>Negative</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="257"/>
        <source>已培训</source>
        <translation>Trained</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="258"/>
        <source>未培训</source>
        <translation>Not trained</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="295"/>
        <source>已添加：{n}</source>
        <translation>Added: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="300"/>
        <location filename="../../desktop/gui/stations/roster.py" line="312"/>
        <location filename="../../desktop/gui/stations/roster.py" line="324"/>
        <source>请先在表中选择一个人。</source>
        <translation>Select a person in the table first.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="307"/>
        <source>已保存：{n}</source>
        <translation>Saved: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="319"/>
        <source>已记录 {n} 的核酸。</source>
        <translation>Test recorded for {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="328"/>
        <source>已将 {n} 移出名册（记录保留）。</source>
        <translation>{n} taken off the roster (records kept).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="332"/>
        <source>导入员工名册</source>
        <translation>Import staff roster</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="333"/>
        <source>表格 (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="339"/>
        <source>已导入：新增 {a} 人，更新 {u} 人。</source>
        <translation>Imported: {a} added, {u} updated.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="342"/>
        <source>未读取的列：</source>
        <translation>Columns not read:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="344"/>
        <source>合计行未作为人员：第{r}行</source>
        <translation>Total rows not taken as people: row {r}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="344"/>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/gui/stations/settings/__init__.py" line="54"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/signin.ui" line="9"/>
        <source>上岗登记</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/signin.ui" line="15"/>
        <source>请选择您的姓名和岗位</source>
        <translation>Choose your name and station</translation>
    </message>
    <message>
        <location filename="../../ui/signin.ui" line="23"/>
        <source>操作员(&amp;O)</source>
        <translation>&amp;Operator</translation>
    </message>
    <message>
        <location filename="../../ui/signin.ui" line="32"/>
        <source>岗位(&amp;S)</source>
        <translation>&amp;Station</translation>
    </message>
    <message>
        <location filename="../../ui/signin.ui" line="41"/>
        <source>密码(&amp;P)</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/signin.py" line="61"/>
        <source>首次登录：请设置至少4位数字密码</source>
        <translation>First sign-in: set a PIN of at least 4 digits</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/signin.py" line="62"/>
        <location filename="../../ui/signin.ui" line="48"/>
        <source>督查员和管理员需要输入</source>
        <translation>Supervisors and admins enter their PIN</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <location filename="../../desktop/gui/stations/settings/site_page.py" line="26"/>
        <source>2–4个英文字母，交接单号以它开头；开具第一张单后不能再改。</source>
        <translation>2–4 letters that begin every slip number; cannot change once the first slip is issued.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/site_page.py" line="31"/>
        <source>站点名称</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/site_page.py" line="32"/>
        <source>站点代码</source>
        <translation>Site code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/site_page.py" line="33"/>
        <source>站点类型</source>
        <translation>Site kind</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/site_page.py" line="37"/>
        <source>站点</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/site_page.py" line="65"/>
        <source>没有修改。</source>
        <translation>Nothing changed.</translation>
    </message>
</context>
<context>
    <name>SlipListWidget</name>
    <message>
        <location filename="../../desktop/gui/slip_list.py" line="51"/>
        <source>扫描或输入单号查找</source>
        <translation>Scan or type a slip number to find it</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_list.py" line="66"/>
        <source>预览 / 补打 / 作废</source>
        <translation>Preview / reprint / void</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_list.py" line="68"/>
        <source>为未开单物资开单</source>
        <translation>Issue missing slips</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_list.py" line="95"/>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_list.py" line="96"/>
        <source>已打印 {n} 次</source>
        <translation>Printed {n} time(s)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_list.py" line="96"/>
        <source>未打印</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_list.py" line="104"/>
        <source>今日 {n} 张，未开单物资 {m} 批</source>
        <translation>Today: {n} slips; {m} consignment(s) without a slip</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_list.py" line="37"/>
        <source>单号</source>
        <translation>Slip no.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_list.py" line="37"/>
        <source>开单时间</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_list.py" line="38"/>
        <source>物资</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_list.py" line="38"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_list.py" line="39"/>
        <source>去向</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_list.py" line="39"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SlipPreviewDialog</name>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="59"/>
        <source>交接单预览 {n}</source>
        <translation>Slip preview {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="80"/>
        <location filename="../../desktop/gui/slip_preview.py" line="162"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="82"/>
        <source>作废原因（必填）</source>
        <translation>Reason for voiding (required)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="83"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="85"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="91"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="92"/>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="117"/>
        <source>（默认）</source>
        <translation> (default)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="119"/>
        <source>（未找到）</source>
        <translation> (not found)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="120"/>
        <source>PDF 文件</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="154"/>
        <source>已作废：</source>
        <translation>Voided: </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="157"/>
        <source>已打印 {n} 次，再次打印将标记为补打。</source>
        <translation>Printed {n} time(s); printing again marks it as a reprint.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="160"/>
        <source>尚未打印。</source>
        <translation>Not printed yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="162"/>
        <source>补打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="178"/>
        <source>找不到该交接单。</source>
        <translation>Slip not found.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="195"/>
        <source>正在打印……</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/slip_preview.py" line="216"/>
        <source>交接单已作废。</source>
        <translation>Slip voided.</translation>
    </message>
</context>
<context>
    <name>SlipsPage</name>
    <message>
        <location filename="../../desktop/gui/stations/slips.py" line="17"/>
        <source>交接单：开单、预览、打印、补打、作废</source>
        <translation>Handoff slips: issue, preview, print, reprint, void</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/slips.py" line="25"/>
        <source>交接单</source>
        <translation>Slips</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="92"/>
        <source>编辑人员</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="92"/>
        <source>添加人员</source>
        <translation>Add person</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="97"/>
        <source>如 消杀员、门岗志愿者</source>
        <translation>e.g. disinfector, gate volunteer</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="102"/>
        <source>登录账号（可不填），如 chen.jing</source>
        <translation>Sign-in account (optional), e.g. chen.jing</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="103"/>
        <source>有核酸记录</source>
        <translation>Has a test result</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="105"/>
        <source>阴性</source>
        <translation>Negative</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="105"/>
        <source>阳性</source>
        <translation>Positive</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="106"/>
        <source>已完成培训</source>
        <translation>Training done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="113"/>
        <source>如 N95口罩、防护服、面屏</source>
        <translation>e.g. N95 mask, protective suit, face shield</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="128"/>
        <source>（不改请留空）</source>
        <translation>(leave empty to keep)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="140"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="141"/>
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="142"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="143"/>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="148"/>
        <source>最近核酸</source>
        <translation>Latest test</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="152"/>
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="153"/>
        <source>防护用品</source>
        <translation>Protective gear</translation>
    </message>
</context>
<context>
    <name>StaffWarning</name>
    <message>
        <location filename="../../desktop/gui/staff_warning.py" line="38"/>
        <source>。请尽快检测并请督查员或管理员在“员工名册”中更新；更新前不能登记为消杀人员。</source>
        <translation>. Get tested soon and ask a supervisor or administrator to update the staff roster; until then you cannot be recorded as a disinfection operator.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/staff_warning.py" line="39"/>
        <source>核酸需更新</source>
        <translation>Test needs updating</translation>
    </message>
</context>
<context>
    <name>Stations</name>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="19"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="20"/>
        <source>门岗</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="21"/>
        <source>消杀</source>
        <translation>Disinfection</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="22"/>
        <source>接驳</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="23"/>
        <source>交接单</source>
        <translation>Slips</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="24"/>
        <source>团购</source>
        <translation>Group buy</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="25"/>
        <source>督查</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="26"/>
        <source>管理</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="27"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>SupervisionPage</name>
    <message>
        <location filename="../../desktop/gui/stations/supervision/__init__.py" line="42"/>
        <source>车辆时间线</source>
        <translation>Vehicle timeline</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/__init__.py" line="43"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/__init__.py" line="44"/>
        <source>日报</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/__init__.py" line="47"/>
        <source>员工名册</source>
        <translation>Staff roster</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/__init__.py" line="55"/>
        <source>督查</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/__init__.py" line="45"/>
        <source>看板</source>
        <translation>Dashboard</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="92"/>
        <source>督查员账号</source>
        <translation>Supervisor username</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="93"/>
        <source>密码（PIN）</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="94"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="114"/>
        <source>请督查员输入账号和密码。</source>
        <translation>The supervisor must enter username and PIN.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/gate/dialogs.py" line="115"/>
        <source>请填写原因。</source>
        <translation>Enter a reason.</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <location filename="../../desktop/gui/terms.py" line="13"/>
        <source>84消毒液</source>
        <translation>84 disinfectant</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/terms.py" line="14"/>
        <source>75%酒精擦拭</source>
        <translation>75% alcohol wipe</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/terms.py" line="15"/>
        <source>货厢门把手</source>
        <translation>Cargo door handles</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/terms.py" line="16"/>
        <source>后备箱锁</source>
        <translation>Boot lock</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/terms.py" line="17"/>
        <source>轮胎</source>
        <translation>Tyres</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/terms.py" line="18"/>
        <source>外包装</source>
        <translation>Outer packaging</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/terms.py" line="19"/>
        <source>特殊物品(酒精擦拭)</source>
        <translation>Special items (alcohol wipe)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/terms.py" line="20"/>
        <source>发热</source>
        <translation>Fever</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/terms.py" line="21"/>
        <source>干咳</source>
        <translation>Dry cough</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/terms.py" line="22"/>
        <source>乏力</source>
        <translation>Fatigue</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/terms.py" line="23"/>
        <source>咽痛</source>
        <translation>Sore throat</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/terms.py" line="24"/>
        <source>嗅(味)觉减退</source>
        <translation>Loss of smell/taste</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/terms.py" line="25"/>
        <source>腹泻</source>
        <translation>Diarrhoea</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/terms.py" line="45"/>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>TestDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="71"/>
        <source>记录核酸：{n}</source>
        <translation>Record test: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="72"/>
        <source>阴性</source>
        <translation>Negative</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="72"/>
        <source>阳性</source>
        <translation>Positive</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="74"/>
        <source>采样时间</source>
        <translation>Sampled at</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/roster.py" line="75"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <location filename="../../desktop/gui/stations/settings/editors.py" line="99"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/settings/editors.py" line="104"/>
        <source>选择文件夹</source>
        <translation>Choose a folder</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <location filename="../../desktop/gui/stations/supervision/timeline_tab.py" line="65"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/timeline_tab.py" line="78"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/timeline_tab.py" line="85"/>
        <location filename="../../desktop/gui/stations/supervision/timeline_tab.py" line="175"/>
        <source>请在左侧选择车辆</source>
        <translation>Choose a vehicle on the left</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/timeline_tab.py" line="89"/>
        <source>记录违规…</source>
        <translation>Log violation…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/timeline_tab.py" line="137"/>
        <source>放行{n}</source>
        <translation>Overrides {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/timeline_tab.py" line="139"/>
        <source>违规{n}</source>
        <translation>Violations {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/timeline_tab.py" line="148"/>
        <source>共 {n} 辆</source>
        <translation>{n} vehicles</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/timeline_tab.py" line="155"/>
        <source>这一天没有车辆到达</source>
        <translation>No vehicles arrived on this day</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/timeline_tab.py" line="232"/>
        <source>已记录违规：{k}</source>
        <translation>Violation logged: {k}</translation>
    </message>
</context>
<context>
    <name>TimerBoard</name>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="196"/>
        <source>静置计时</source>
        <translation>Dwell timers</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="205"/>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="287"/>
        <source>静置中</source>
        <translation>In dwell</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="289"/>
        <source>即将完成</source>
        <translation>Almost done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="291"/>
        <source>已完成·待转运</source>
        <translation>Done · ready to move</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="292"/>
        <source>超时未转运 {m}分</source>
        <translation>{m} min overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="298"/>
        <source>+{m}分</source>
        <translation>+{m} min</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="305"/>
        <source>完成于 {t}</source>
        <translation>Done at {t}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="305"/>
        <source>预计 {t}</source>
        <translation>Due {t}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="340"/>
        <source> 等{n}项</source>
        <translation> … {n} in all</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="341"/>
        <source>静置完成，可以转运：{x}</source>
        <translation>Dwell complete, ready to move: {x}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="346"/>
        <source>共 {n} 项</source>
        <translation>{n} in all</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="349"/>
        <source>静置中 {a} · 已完成 {b}</source>
        <translation>In dwell {a} · done {b}</translation>
    </message>
</context>
<context>
    <name>TimerCanvas</name>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="87"/>
        <source>没有正在静置的物资</source>
        <translation>No goods in dwell</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/disinfection/board.py" line="122"/>
        <source>督查提前 · </source>
        <translation>Ended early by supervisor · </translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../desktop/gui/stations/handoff/panel.py" line="56"/>
        <source>请扫描交接单</source>
        <translation>Scan a slip</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/panel.py" line="56"/>
        <source>扫码枪可在任何位置扫描；也可在下方手工输入单号。</source>
        <translation>The scanner works anywhere on the screen; or type the slip number below.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/handoff/panel.py" line="72"/>
        <source>（重复扫描，已忽略）</source>
        <translation> (scanned again, ignored)</translation>
    </message>
</context>
<context>
    <name>ViolationDialog</name>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dialogs.py" line="24"/>
        <source>记录违规</source>
        <translation>Log a violation</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dialogs.py" line="32"/>
        <source>看到了什么：地点、人员、已采取的措施</source>
        <translation>What you saw: place, people, action taken</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dialogs.py" line="38"/>
        <source>记录</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dialogs.py" line="44"/>
        <source>车辆 {p}</source>
        <translation>Vehicle {p}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dialogs.py" line="48"/>
        <source>违规类型</source>
        <translation>Violation type</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision/dialogs.py" line="49"/>
        <source>情况说明</source>
        <translation>What happened</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../desktop/gui/crash.py" line="52"/>
        <source>程序出错</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/crash.py" line="53"/>
        <source>发生了意外错误。刚才的操作没有保存任何半截记录，已确认的记录都还在。
错误已记录到：
{path}</source>
        <translation>An unexpected error happened. Nothing half-done was saved, and every confirmed record is still there.
The error was logged to:
{path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/crash.py" line="90"/>
        <source>上次运行出错</source>
        <translation>The last run failed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/crash.py" line="91"/>
        <source>上次运行时程序出错并已记录。已确认的记录都还在。是否查看错误记录？</source>
        <translation>Gatehouse stopped with an error last time; it was logged. Every confirmed record is still there. Show the error log?</translation>
    </message>
</context>
</TS>
