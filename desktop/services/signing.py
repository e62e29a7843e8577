"""The site's Ed25519 key pair, which signs its day packages (desktop.services.daypackage).

Made on the first export: the private key is written to the data folder (`keys/<CODE>-ed25519.pem`,
mode 0600, never into the database, so a database copy cannot sign for the site); the public key
and its fingerprint are stored in the site's settings (`package.public_key`,
`package.key_fingerprint`), audited like any setting. The fingerprint is short enough to read out
over the phone to the command centre, which registers the key from the site's first package.

A key file that is missing or does not match the stored public key (a new machine, a lost data
folder) is replaced by a new pair, audited: the command centre then refuses the packages until the
new fingerprint is compared and the site's key registered again there.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session

from desktop.paths import data_dir
from desktop.services import audit, setup
from desktop.services.authz import internal
from desktop.services.context import Actor

# cryptography (~7 MB) is imported by the functions that sign or check: the supervision page that
# imports this module may never make or merge a package.
if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PUBLIC_KEY_SETTING = "package.public_key"
FINGERPRINT_SETTING = "package.key_fingerprint"


@dataclass(frozen=True)
class SiteKey:
    private: Ed25519PrivateKey
    public_b64: str
    fingerprint: str
    new: bool  # made just now


def key_path(site_code: str) -> Path:
    return data_dir() / "keys" / f"{site_code.upper()}-ed25519.pem"


def raw_public(key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(public_b64: str) -> str:
    """Twenty hex digits of the key's SHA-256 in five groups, e.g. 3F2A-91C0-77DE-0B41-9A5C."""
    digest = hashlib.sha256(base64.b64decode(public_b64)).hexdigest()[:20].upper()
    return "-".join(digest[i:i + 4] for i in range(0, 20, 4))


def _load(path: Path) -> Ed25519PrivateKey | None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError):
        return None
    return key if isinstance(key, Ed25519PrivateKey) else None


def _write_private(path: Path, key: Ed25519PrivateKey) -> None:
    from cryptography.hazmat.primitives import serialization

    path.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


@internal("the day-package export makes the site's key on its first run; the export is checked")
def ensure_key(session: Session, *, actor: Actor, now: datetime, site_code: str) -> SiteKey:
    """The site's key pair, made (and its public half stored in the settings) when there is none."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = key_path(site_code)
    stored = setup.get_setting(session, PUBLIC_KEY_SETTING)
    key = _load(path)
    if key is not None:
        public = base64.b64encode(raw_public(key.public_key())).decode()
        if public == stored:
            return SiteKey(key, public, fingerprint(public), new=False)
    if key is None or stored is not None:  # none yet, or not the one the settings name: a new pair
        key = Ed25519PrivateKey.generate()
        _write_private(path, key)
    # else: a key file whose making was rolled back with its export; it becomes the site's key
    public = base64.b64encode(raw_public(key.public_key())).decode()
    setup.remember_choice(session, actor=actor, now=now, key=PUBLIC_KEY_SETTING, value=public)
    setup.remember_choice(session, actor=actor, now=now, key=FINGERPRINT_SETTING, value=fingerprint(public))
    audit.record(session, actor=actor, action="package.key_made", at=now, entity="site", entity_id=site_code,
                 data={"fingerprint": fingerprint(public), "replaces": fingerprint(stored) if stored else None})
    return SiteKey(key, public, fingerprint(public), new=True)


def verify(public_b64: str, message: bytes, signature: bytes) -> bool:
    """Whether `signature` is the key's signature of `message`."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64, validate=True)).verify(signature, message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
