"""The day package file (日数据包): one zip per site and day, written by a site, read by the command
centre. The format is documented in README.md ("Command centre"); this module only packs and unpacks.

Layout (every member stored uncompressed, in this order, with fixed dates and attributes, so the
same contents always give the same bytes):

    manifest.json       schema, version, site, day, the audit chain's head, the public key, and
                        the SHA-256 and size of every other member
    manifest.sig        the Ed25519 signature of manifest.json's exact bytes (64 bytes)
    records.json        the day's rows, personal data masked
    report.json         the daily report as data, with "summary": what the command centre adds up
    daily-report.pdf    the daily report as printed
    daily-report.xlsx   the daily report as a workbook

A reader accepts a file only when it is exactly the canonical packing of its own members (so no
byte of it, headers included, can change unnoticed), every member's hash matches the manifest and
the signature matches the manifest's key. Whether that key is the one registered for the site is
the command centre's question (desktop.services.merge).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SCHEMA = "gatehouse.daypackage"
VERSION = 1
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
MEMBERS = ("records.json", "report.json", "daily-report.pdf", "daily-report.xlsx")
_DATE = (2000, 1, 1, 0, 0, 0)
MAX_BYTES = 64 * 1024 * 1024  # a day of one site is well under 1 MB; anything this big is not a package


class PackageRefused(Exception):
    """The file is not an intact day package; `code` says which way, the message says it to a person."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1, default=str).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_DATE)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def pack(manifest: dict[str, Any], files: dict[str, bytes], sign: Callable[[bytes], bytes]) -> bytes:
    """The package's bytes: `manifest` completed with each file's hash and size, then signed."""
    manifest = {**manifest, "schema": SCHEMA, "version": VERSION,
                "files": {name: {"sha256": sha256(files[name]), "size": len(files[name])} for name in MEMBERS}}
    body = canonical_json(manifest)
    return _zip([(MANIFEST, body), (SIGNATURE, sign(body)), *((name, files[name]) for name in MEMBERS)])


@dataclass(frozen=True)
class Unpacked:
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    files: dict[str, bytes]


def _refuse(code: str, zh: str, en: str, **kw: object) -> PackageRefused:
    from desktop.i18n import t

    return PackageRefused(code, t(zh, en, **kw))


def unpack(data: bytes) -> Unpacked:
    """The members of an intact package (the signature is not checked here), or PackageRefused."""
    if len(data) > MAX_BYTES:
        raise _refuse("too_big", "文件过大（{n} MB），不是日数据包。", "The file is too big ({n} MB) to be a day package.",
                      n=len(data) // (1024 * 1024))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            contents = {name: zf.read(name) for name in names}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError, EOFError) as exc:
        raise _refuse("damaged", "数据包已损坏或被改动（无法读取：{e}）。",
                      "The package is damaged or was altered (cannot be read: {e}).", e=exc) from None
    if names[:2] != [MANIFEST, SIGNATURE] or sorted(names[2:]) != sorted(MEMBERS):
        raise _refuse("not_a_package", "这不是 Gatehouse 日数据包（内容不符）。",
                      "This is not a Gatehouse day package (unexpected contents).")
    if _zip([(name, contents[name]) for name in names]) != data:
        raise _refuse("damaged", "数据包已被改动（文件字节与其内容不符）。",
                      "The package was altered (its bytes do not match its contents).")
    try:
        manifest = json.loads(contents[MANIFEST].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _refuse("damaged", "数据包清单无法读取。", "The package's manifest cannot be read.") from None
    if not isinstance(manifest, dict) or manifest.get("schema") != SCHEMA:
        raise _refuse("not_a_package", "这不是 Gatehouse 日数据包。", "This is not a Gatehouse day package.")
    if manifest.get("version") != VERSION:
        raise _refuse("unsupported", "数据包格式版本 {v} 不受支持（本程序读版本 {w}）。",
                      "Package format version {v} is not supported (this program reads version {w}).",
                      v=manifest.get("version"), w=VERSION)
    listed = manifest.get("files") or {}
    for name in MEMBERS:
        if not isinstance(listed.get(name), dict) or listed[name].get("sha256") != sha256(contents[name]):
            raise _refuse("damaged", "数据包中的 {n} 与清单不符，已被改动。",
                          "{n} in the package does not match its manifest: it was altered.", n=name)
    return Unpacked(manifest, contents[MANIFEST], contents[SIGNATURE], {n: contents[n] for n in MEMBERS})
