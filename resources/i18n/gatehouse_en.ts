<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.ui" line="9" />
        <source>关于 Gatehouse</source>
        <translation>About Gatehouse</translation>
    </message>
    <message>
        <location filename="../../ui/about.ui" line="14" />
        <source>Gatehouse 卡口物资交接</source>
        <translation>Gatehouse checkpoint and handoff</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="39" />
        <source>督查员、管理员必填</source>
        <translation>Required for supervisors and admins</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="40" />
        <source>添加操作员</source>
        <translation>Add operator</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="44" />
        <source>新操作员</source>
        <translation>New operator</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="46" />
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="47" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="48" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="49" />
        <source>密码</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="52" />
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="54" />
        <source>数据库：{db}
数据文件夹：{dir}
备份：文件 → 备份数据库（Ctrl+B）</source>
        <translation>Database: {db}
Data folder: {dir}
Backup: File → Back up database (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="65" />
        <source>管理</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="80" />
        <source>督查员和管理员必须设置密码。</source>
        <translation>Supervisors and administrators must have a PIN.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/admin.py" line="84" />
        <source>已添加：{0}</source>
        <translation>Added: {0}</translation>
    </message>
</context>
<context>
    <name>DisinfectionPage</name>
    <message>
        <location filename="../../desktop/gui/stations/placeholder.py" line="38" />
        <source>消杀</source>
        <translation>Disinfection</translation>
    </message>
</context>
<context>
    <name>GatePage</name>
    <message>
        <location filename="../../desktop/gui/stations/placeholder.py" line="31" />
        <source>门岗</source>
        <translation>Gate</translation>
    </message>
</context>
<context>
    <name>HandoffPage</name>
    <message>
        <location filename="../../desktop/gui/stations/placeholder.py" line="45" />
        <source>接驳</source>
        <translation>Handoff</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="45" />
        <source>Gatehouse 卡口物资交接</source>
        <translation>Gatehouse checkpoint and handoff</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="61" />
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="83" />
        <source>Gatehouse 卡口物资交接 — {site}</source>
        <translation>Gatehouse — {site}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="98" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="153" />
        <source>站点：{0}</source>
        <translation>Site: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="154" />
        <source>岗位：{0}</source>
        <translation>Station: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="155" />
        <source>操作员：{0}</source>
        <translation>Operator: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="157" />
        <source>数据：{0}</source>
        <translation>Data: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="169" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="170" />
        <source>换班 / 切换操作员…</source>
        <translation>Change shift / operator…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="171" />
        <source>备份数据库…</source>
        <translation>Back up database…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="172" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="179" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="180" />
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="183" />
        <source>语言 / Language</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="190" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="191" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="192" />
        <source>查看错误记录</source>
        <translation>Show error log</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="207" />
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="207" />
        <source>共享服务器数据库请由服务器管理员备份。</source>
        <translation>A shared server database is backed up by the server's administrator.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="211" />
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="214" />
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="220" />
        <source>备份完成</source>
        <translation>Backup complete</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="220" />
        <source>已备份到：
{0}</source>
        <translation>Backed up to:
{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="226" />
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="236" />
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
        <location filename="../../desktop/gui/main_window.py" line="244" />
        <source>错误记录</source>
        <translation>Error log</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="245" />
        <source>错误记录文件夹：{0}</source>
        <translation>Error log folder: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="251" />
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/gui/stations/placeholder.py" line="24" />
        <source>审核</source>
        <translation>Review</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/signin.ui" line="9" />
        <source>上岗登记</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/signin.ui" line="15" />
        <source>请选择您的姓名和岗位</source>
        <translation>Choose your name and station</translation>
    </message>
    <message>
        <location filename="../../ui/signin.ui" line="23" />
        <source>操作员(&amp;O)</source>
        <translation>&amp;Operator</translation>
    </message>
    <message>
        <location filename="../../ui/signin.ui" line="32" />
        <source>岗位(&amp;S)</source>
        <translation>&amp;Station</translation>
    </message>
    <message>
        <location filename="../../ui/signin.ui" line="41" />
        <source>密码(&amp;P)</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <location filename="../../ui/signin.ui" line="48" />
        <source>督查员和管理员需要输入</source>
        <translation>Supervisors and admins enter their PIN</translation>
    </message>
</context>
<context>
    <name>Stations</name>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="19" />
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="20" />
        <source>门岗</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="21" />
        <source>消杀</source>
        <translation>Disinfection</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="22" />
        <source>接驳</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="23" />
        <source>督查</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/__init__.py" line="24" />
        <source>管理</source>
        <translation>Admin</translation>
    </message>
</context>
<context>
    <name>SupervisionPage</name>
    <message>
        <location filename="../../desktop/gui/stations/supervision.py" line="65" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision.py" line="65" />
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision.py" line="65" />
        <source>岗位</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision.py" line="65" />
        <source>动作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision.py" line="66" />
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision.py" line="66" />
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision.py" line="67" />
        <source>审计日志（防篡改）</source>
        <translation>Audit log (tamper-evident)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision.py" line="69" />
        <source>校验审计链</source>
        <translation>Verify audit chain</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision.py" line="71" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision.py" line="91" />
        <source>督查</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/stations/supervision.py" line="98" />
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
</context>
<context>
    <name>_Placeholder</name>
    <message>
        <location filename="../../desktop/gui/stations/placeholder.py" line="14" />
        <source>本岗位的界面正在建设中。</source>
        <translation>This station's screen is being built.</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../desktop/gui/crash.py" line="44" />
        <source>程序出错</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/crash.py" line="45" />
        <source>发生了意外错误。刚才的操作没有保存任何半截记录，已确认的记录都还在。
错误已记录到：
{path}</source>
        <translation>An unexpected error happened. Nothing half-done was saved, and every confirmed record is still there.
The error was logged to:
{path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/crash.py" line="80" />
        <source>上次运行出错</source>
        <translation>The last run failed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/crash.py" line="81" />
        <source>上次运行时程序出错并已记录。已确认的记录都还在。是否查看错误记录？</source>
        <translation>Gatehouse stopped with an error last time; it was logged. Every confirmed record is still there. Show the error log?</translation>
    </message>
</context>
</TS>