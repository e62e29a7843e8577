"""Writing the files a person asks for (`--out`) without ever writing over anything else.

A user once ran `gatehouse --db r.sqlite3 report daily --out r.sqlite3` and got a PDF where the
day's records had been. So every output goes through `replacing()`/`write_file()`:

- a database file this process has opened (and its -wal, -shm and -journal files) is never a
  target, however it is spelled: relative, through a symlink, or as a hard link;
- an existing file is replaced only when it is of the same kind as the new one (its first bytes
  say so: `%PDF-` for a PDF) or empty (nothing to lose: `mktemp` makes such files); anything else
  is refused and left as it was;
- the new content goes to a temporary file in the same folder and is renamed over the target
  (`os.replace`) only once complete, so a full disk or a crash leaves the old file, not half a
  new one.

Qt-free and light (standard library only): the CLI, the documents and the GUI can all use it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from desktop.i18n import t

# The first bytes that identify each kind of file we write.
MAGIC: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "json": (b"{", b"["),
    "xlsx": (b"PK\x03\x04",),  # a zip, as every .xlsx is
    "zip": (b"PK\x03\x04",),  # a day package (desktop.documents.day_package)
}
NAMES = {"pdf": "PDF", "png": "PNG", "json": "JSON", "xlsx": "Excel", "zip": "ZIP"}
DATABASE_SIDE_FILES = ("", "-wal", "-shm", "-journal")

_protected: set[Path] = set()


class OutputRefused(Exception):
    """The target cannot be written without destroying something else; nothing was written."""


def protect(database: str | os.PathLike[str]) -> None:
    """Never write over `database` (nor its -wal/-shm/-journal) for the rest of this process.
    `open_database` calls this for every SQLite file it opens."""
    _protected.add(Path(database).expanduser().resolve())


def protected_from(target: str | None) -> list[Path]:
    """The SQLite file a `--db` value names (a path or an sqlite:/// URL), without importing
    SQLAlchemy; [] for a server URL."""
    if not target or not target.strip():
        return []
    if "://" not in target:
        return [Path(target).expanduser().resolve()]
    if target.startswith("sqlite:///"):
        rest = target[len("sqlite:///"):].split("?", 1)[0]
        if rest and rest != ":memory:":
            return [Path(rest).expanduser().resolve()]
    return []


def _is_database_file(real: Path, extra: Iterable[Path]) -> bool:
    for db in {*_protected, *(Path(p).expanduser().resolve() for p in extra)}:
        for suffix in DATABASE_SIDE_FILES:
            side = Path(str(db) + suffix)
            if real == side:
                return True
            with suppress(OSError):
                if real.exists() and side.exists() and os.path.samefile(real, side):
                    return True
    return False


def check(path: str | os.PathLike[str], kind: str, *, protect: Iterable[Path] = ()) -> Path:
    """The real path to write `kind` into, or OutputRefused saying why not. Follows a symlink
    (the link stays, its target is replaced); the folder must exist."""
    if kind not in MAGIC:
        raise ValueError(f"unknown output kind {kind!r}")
    given = Path(path).expanduser()
    real = given.resolve()
    if _is_database_file(real, protect):
        raise OutputRefused(t("{p} 是数据库文件，不能写入。请另选输出文件名。",
                              "{p} is a database file; refusing to write over it. Choose another output name.",
                              p=given))
    if real.is_dir():
        raise OutputRefused(t("{p} 是文件夹，请给出文件名。", "{p} is a folder; give a file name.", p=given))
    if not real.parent.is_dir():
        raise OutputRefused(t("输出目录不存在：{p}", "the output folder does not exist: {p}", p=given.parent))
    if real.exists():
        if not real.is_file():
            raise OutputRefused(t("{p} 不是普通文件，不能写入。", "{p} is not a regular file; refusing to write to it.",
                                  p=given))
        if not _same_kind(real, kind):
            raise OutputRefused(t("{p} 已存在且不是 {k} 文件，未改动。请另选文件名。",
                                  "{p} already exists and is not a {k} file; it was left as it was. "
                                  "Choose another name.", p=given, k=NAMES[kind]))
    return real


def _same_kind(path: Path, kind: str) -> bool:
    with path.open("rb") as fh:
        head = fh.read(16)
    return not head or head.startswith(MAGIC[kind])


@contextmanager
def replacing(path: str | os.PathLike[str], kind: str, *, protect: Iterable[Path] = ()) -> Iterator[Path]:
    """Yield a fresh temporary path beside `path` to write into; on success it is checked to be
    `kind` and renamed over `path`, on any error it is removed and `path` is left as it was."""
    extra = list(protect)
    real = check(path, kind, protect=extra)
    try:
        tmp = _reserve(real)
    except OSError as exc:
        exc.filename = str(path)  # say the file asked for, not our temporary name
        raise
    try:
        yield tmp
        if not _same_kind(tmp, kind) or tmp.stat().st_size == 0:
            raise RuntimeError(f"wrote something that is not {kind} to {tmp}")
        _fsync(tmp)
        check(path, kind, protect=extra)  # again: the work may have taken a while
        os.replace(tmp, real)
    except BaseException as exc:
        with suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and exc.filename in (None, str(tmp)):
            exc.filename = str(path)  # a full disk shows on write(), which names no file
        raise


def write_file(path: str | os.PathLike[str], data: bytes, kind: str, *, protect: Iterable[Path] = ()) -> Path:
    """Write `data` to `path` as described in the module docstring; returns `path` as given."""
    with replacing(path, kind, protect=protect) as tmp, tmp.open("wb") as fh:
        fh.write(data)
    return Path(path)


def _reserve(real: Path) -> Path:
    """A new, empty file in the target's folder (same file system, so the rename is atomic),
    keeping the suffix so that tools which go by it (Qt's image writer) still do."""
    for _ in range(100):
        tmp = real.with_name(f".{real.stem}.{os.urandom(4).hex()}.tmp{real.suffix}")
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return tmp
    raise FileExistsError(real)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
