"""Why a database cannot be opened, in words a person can act on."""

from __future__ import annotations

import os
import sys
from enum import StrEnum

from desktop.i18n import t


class Problem(StrEnum):
    NOT_A_DATABASE = "not_a_database"
    CORRUPT = "corrupt"
    NEWER = "newer"
    UNWRITABLE = "unwritable"
    UNREACHABLE = "unreachable"
    MISSING = "missing"
    FOREIGN = "foreign"
    FULL = "full"
    BUSY = "busy"
    IO = "io"

# The problems a later try may not have: the command ran but could not finish.
TRANSIENT = frozenset({Problem.FULL, Problem.BUSY, Problem.IO})


class StoreError(Exception):
    """The database cannot be used; `problem` says why and the message what to do."""

    def __init__(self, problem: Problem, message: str) -> None:
        super().__init__(message)
        self.problem = problem


def not_a_database(path: str) -> StoreError:
    return StoreError(Problem.NOT_A_DATABASE, t(
        "文件 {p} 不是 Gatehouse 数据库（不是 SQLite 文件）。请检查路径；文件未被改动。",
        "{p} is not a Gatehouse database (not an SQLite file). Check the path; the file was not changed.",
        p=path))


def corrupt(path: str, detail: str) -> StoreError:
    return StoreError(Problem.CORRUPT, t(
        "数据库 {p} 已损坏（{d}）。请从备份恢复（gatehouse restore --latest 恢复最新的已核验备份）；文件未被改动。",
        "The database {p} is damaged ({d}). Restore it from a backup (gatehouse restore --latest puts back the "
        "newest verified one); the file was not changed.",
        p=path, d=detail))


def newer(path: str, revision: str) -> StoreError:
    return StoreError(Problem.NEWER, t(
        "数据库 {p} 由更新版本的 Gatehouse 写入（结构版本 {r}）。请升级本程序；文件未被改动。",
        "The database {p} was written by a newer Gatehouse (schema {r}). Upgrade this program; "
        "the file was not changed.", p=path, r=revision))


def unwritable(path: str, detail: str) -> StoreError:
    return StoreError(Problem.UNWRITABLE, t(
        "无法写入数据库 {p}（{d}）。请选择可写的位置，或检查磁盘空间与权限。",
        "Cannot write the database {p} ({d}). Choose a writable place, or check disk space and permissions.",
        p=path, d=detail))


def missing(path: str) -> StoreError:
    return StoreError(Problem.MISSING, t(
        "找不到数据库 {p}。请检查路径（未创建新数据库；新数据库由程序首次启动或 gatehouse demo 创建）。",
        "No database at {p}. Check the path (nothing was created; a new database is made by the "
        "window's first start or by `gatehouse demo`).", p=path))


def empty_file(path: str) -> StoreError:
    return StoreError(Problem.NOT_A_DATABASE, t(
        "文件 {p} 是空的，不是 Gatehouse 数据库。请检查路径；文件未被改动。",
        "{p} is an empty file, not a Gatehouse database. Check the path; the file was not changed.", p=path))


def foreign(where: str, tables: list[str]) -> StoreError:
    if not tables:
        return StoreError(Problem.FOREIGN, t(
            "{p} 是空数据库，没有 Gatehouse 的表。请检查路径；未作任何改动。",
            "{p} is an empty database without Gatehouse's tables. Check the path; nothing was changed.",
            p=where))
    shown = ", ".join(sorted(tables)[:4]) + (", …" if len(tables) > 4 else "")
    return StoreError(Problem.FOREIGN, t(
        "{p} 是其他程序的数据库（表：{t}），不是 Gatehouse 数据库。请检查路径；未作任何改动。",
        "{p} belongs to another program (tables: {t}), not Gatehouse. Check the path; nothing was changed.",
        p=where, t=shown))


def disk_full(where: str) -> StoreError:
    return StoreError(Problem.FULL, t(
        "磁盘已满，无法写入 {p}。请腾出空间后重试；已写入的数据未受影响。",
        "The disk is full: cannot write {p}. Free some space and try again; what was already saved is intact.",
        p=where))


def busy(where: str) -> StoreError:
    return StoreError(Problem.BUSY, t(
        "数据库 {p} 长时间被其他程序占用。请稍后重试。",
        "The database {p} stayed locked by another program for too long. Try again in a moment.", p=where))


def disk_error(where: str, detail: str) -> StoreError:
    return StoreError(Problem.IO, t(
        "读写 {p} 时磁盘出错（{d}）。请检查磁盘是否仍已连接、是否有空间。",
        "A disk error while using {p} ({d}). Check that the disk is still connected and has space.",
        p=where, d=detail))


def unreachable(where: str, detail: str) -> StoreError:
    return StoreError(Problem.UNREACHABLE, t(
        "无法连接数据库服务器 {p}（{d}）。请检查服务器是否运行、地址与网络。",
        "Cannot reach the database server {p} ({d}). Check that it is running, the address and the network.",
        p=where, d=detail))


# SQLite's primary result codes (the low byte of the extended code).
_SQLITE = {3: "perm", 5: "busy", 6: "busy", 8: "readonly", 10: "io", 11: "corrupt", 13: "full", 14: "cantopen",
           23: "perm", 26: "corrupt"}
_SQLITE_TEXT = (("disk is full", "full"), ("locked", "busy"), ("readonly", "readonly"), ("disk I/O", "io"),
                ("malformed", "corrupt"), ("not a database", "corrupt"), ("unable to open", "cantopen"))
# PostgreSQL SQLSTATEs that are not about reaching the server.
_PG_STATE = {"53100": "full", "55P03": "busy", "40P01": "busy", "57014": "busy", "25006": "readonly"}


def describe(exc: BaseException, where: str) -> StoreError | None:
    """The StoreError a database driver's (or SQLAlchemy's) exception means, or None when it is
    not one we can put in words. Imports nothing: looks only at what is already loaded."""
    if isinstance(exc, StoreError):
        return exc
    orig = getattr(exc, "orig", None) if type(exc).__module__.startswith("sqlalchemy") else exc
    if orig is None:
        return None
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None and isinstance(orig, sqlite3.Error):
        return _sqlite(orig, where)
    if type(orig).__module__.startswith("psycopg"):
        return _postgres(orig, where)
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0].strip() if text else type(exc).__name__


def _sqlite(exc: BaseException, where: str) -> StoreError | None:
    code = getattr(exc, "sqlite_errorcode", None)
    kind = _SQLITE.get(code & 0xFF) if isinstance(code, int) else None
    if kind is None:
        kind = next((k for text, k in _SQLITE_TEXT if text in str(exc)), None)
    detail = _first_line(exc)
    if kind == "io" and _no_space_left(where):
        kind = "full"  # SQLite says "disk I/O error" when the -shm cannot grow on a full disk
    if kind == "full":
        return disk_full(where)
    if kind == "busy":
        return busy(where)
    if kind == "io":
        return disk_error(where, detail)
    if kind == "corrupt":
        return corrupt(where, detail)
    if kind in ("readonly", "cantopen", "perm"):
        return unwritable(where, detail)
    return None


def _no_space_left(where: str) -> bool:
    try:
        stat = os.statvfs(os.path.dirname(os.path.abspath(where)))
    except (OSError, AttributeError, ValueError):  # a URL, or Windows (no statvfs)
        return False
    return stat.f_bavail * stat.f_frsize < 64 * 1024


def _postgres(exc: BaseException, where: str) -> StoreError | None:
    state = getattr(exc, "sqlstate", None)
    kind = _PG_STATE.get(state or "")
    detail = _first_line(exc)
    if kind == "full":
        return disk_full(where)
    if kind == "busy":
        return busy(where)
    if kind == "readonly":
        return unwritable(where, detail)
    if type(exc).__name__ == "OperationalError" or (state or "").startswith("08"):
        return unreachable(where, detail.removeprefix("connection failed: "))
    return None

