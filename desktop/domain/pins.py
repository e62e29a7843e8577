"""Operator PINs: a slow salted scrypt hash, compared in constant time.

A four-digit PIN has only 10,000 values, so the hash alone cannot protect it from someone holding
the database file: the lockout (services/authz.py) protects the counter, the hash only makes each
guess cost ~50 ms. Older pbkdf2 hashes still verify, so no operator is locked out by the upgrade.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

N, R, P = 2**14, 8, 1  # ~16 MB and a few tens of ms per check


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str | None) -> bool:
    if not stored:
        return False
    parts = stored.split("$")
    try:
        if parts[0] == "scrypt" and len(parts) == 6:
            n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
            candidate = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(parts[4]), n=n, r=r, p=p, dklen=32)
            return hmac.compare_digest(candidate.hex(), parts[5])
        if parts[0] == "pbkdf2" and len(parts) == 4:
            candidate = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(parts[2]), int(parts[1]))
            return hmac.compare_digest(candidate.hex(), parts[3])
    except ValueError:
        return False
    return False
