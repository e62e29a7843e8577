"""Why a database cannot be opened, in words a person can act on."""

from __future__ import annotations

from enum import StrEnum

from desktop.i18n import t


class Problem(StrEnum):
    NOT_A_DATABASE = "not_a_database"
    CORRUPT = "corrupt"
    NEWER = "newer"
    UNWRITABLE = "unwritable"
    UNREACHABLE = "unreachable"


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
        "数据库 {p} 已损坏（{d}）。请从备份恢复；文件未被改动。",
        "The database {p} is damaged ({d}). Restore it from a backup; the file was not changed.",
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
