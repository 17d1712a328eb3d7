"""Staff PINs: what a PIN may be, and its hash.

A PIN is kept only as the hash of a memory-hard KDF, scrypt from the standard library (OpenSSL
underneath; no extra dependency to package on three systems), with a random 16-byte salt per
hash and N=2^15, r=8, p=1: 32 MiB and about a tenth of a second per check, twice the memory
Django's default takes. The parameters are written into each hash
(``scrypt$15$8$1$<salt>$<key>``), so raising them later needs no migration: a hash made with
other parameters is made again at its member's next sign-in. A check compares in constant time
(``hmac.compare_digest``), and a name nobody has still costs one hash, so the time taken does
not tell which names exist. A PIN is a few digits, so the real guard against guessing is the
lockout after repeated wrong PINs (``domain.staff.lockout_after``), counted in the store.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import os
import threading
from dataclasses import dataclass
from functools import cache

from frontdesk.domain.translation import translate

MIN_DIGITS = 4
MAX_DIGITS = 12


@dataclass(frozen=True, slots=True)
class Kdf:
    log2_n: int = 15
    r: int = 8
    p: int = 1

    @property
    def maxmem(self) -> int:
        return int(2 * 128 * self.r * (1 << self.log2_n) * self.p + (1 << 20))


CURRENT = Kdf()


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a PIN, in words for the form, or None."""
    if not pin.isascii() or not pin.isdigit():
        return translate("Staff", "A PIN is digits only.")
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return translate("Staff", "A PIN is {least} to {most} digits.").format(
            least=MIN_DIGITS, most=MAX_DIGITS
        )
    if len(set(pin)) == 1:
        return translate("Staff", "A PIN of one digit repeated is too easy to guess.")
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    if steps in ({1}, {-1}):
        return translate("Staff", "A PIN of digits in a row (1234, 9876) is too easy to guess.")
    return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(pin: str, salt: bytes, kdf: Kdf) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"),
        salt=salt,
        n=2**kdf.log2_n,
        r=kdf.r,
        p=kdf.p,
        maxmem=kdf.maxmem,
        dklen=32,
    )


_AHEAD: dict[str, tuple[threading.Thread, list[str]]] = {}


def hash_ahead(pin: str) -> None:
    """Start hashing ``pin`` on a thread of its own, for the next :func:`hash_pin` of it to
    take: scrypt lets the interpreter run meanwhile, so the demo's first start hashes its
    administrator's PIN (a published one) while the desk imports. Only for that."""
    made: list[str] = []
    thread = threading.Thread(
        target=lambda: made.append(_hash(pin, CURRENT)), name="pin-hash", daemon=True
    )
    _AHEAD[pin] = (thread, made)
    thread.start()


def hash_pin(pin: str, kdf: Kdf = CURRENT) -> str:
    """The hash the store keeps of ``pin`` (a fresh salt each time; one hashed ahead, once)."""
    ahead = _AHEAD.pop(pin, None)
    if ahead is not None and kdf == CURRENT:
        thread, made = ahead
        thread.join()
        if made:
            return made[0]
    return _hash(pin, kdf)


def _hash(pin: str, kdf: Kdf) -> str:
    salt = os.urandom(16)
    key = _derive(pin, salt, kdf)
    return f"scrypt${kdf.log2_n}${kdf.r}${kdf.p}${_b64(salt)}${_b64(key)}"


def _parse(encoded: str) -> tuple[Kdf, bytes, bytes] | None:
    parts = encoded.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        kdf = Kdf(int(parts[1]), int(parts[2]), int(parts[3]))
        salt, key = base64.b64decode(parts[4]), base64.b64decode(parts[5])
    except ValueError:
        return None
    if not (10 <= kdf.log2_n <= 22 and 1 <= kdf.r <= 32 and 1 <= kdf.p <= 16):
        return None
    return kdf, salt, key


def verify_pin(pin: str, encoded: str) -> bool:
    """Whether ``pin`` is the PIN ``encoded`` was made from (constant-time comparison)."""
    parsed = _parse(encoded)
    if parsed is None:
        nobody_has_it()
        return False
    kdf, salt, key = parsed
    return hmac.compare_digest(_derive(pin, salt, kdf), key)


def outdated(encoded: str) -> bool:
    """Whether the hash was made with other parameters than today's (made again at sign-in)."""
    parsed = _parse(encoded)
    return parsed is None or parsed[0] != CURRENT


@cache
def _decoy() -> str:
    return hash_pin("0")


def nobody_has_it() -> None:
    """The cost of one check, for a name no member has."""
    verify_pin("0", _decoy())
