"""Ed25519 keys and signatures for content packs, through the `cryptography` library.

A publisher (the national editors, or a municipality) holds a private key; every PC trusts one or more public
keys. Keys are PEM files: `NAME.key` (private, PKCS#8, readable only by its owner) and `NAME.pub` (public).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from handbook.errors import HandbookError

MAX_KEY_BYTES = 16_384


@dataclass(frozen=True)
class PublicKey:
    """A trusted publisher key and where it was read from."""

    key: Ed25519PublicKey
    path: Path

    @property
    def key_id(self) -> str:
        return key_id(self.key)


def key_id(key: Ed25519PublicKey) -> str:
    """A short, stable name for a public key: the first 16 hex digits of the SHA-256 of its raw bytes."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def generate_keys(folder: Path, name: str = "publisher") -> tuple[Path, Path]:
    """Write a new key pair into `folder` as NAME.key and NAME.pub; refuses to overwrite a key."""
    folder.mkdir(parents=True, exist_ok=True)
    private_path, public_path = folder / f"{name}.key", folder / f"{name}.pub"
    for path in (private_path, public_path):
        if path.exists():
            raise HandbookError(f"{path}: finnes allerede – en nøkkel blir aldri skrevet over")
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_pem)
    public_path.write_bytes(public_pem)
    return private_path, public_path


def _read_key_file(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise HandbookError(f"{path}: nøkkelfilen finnes ikke")
        if path.stat().st_size > MAX_KEY_BYTES:
            raise HandbookError(f"{path}: er for stor til å være en nøkkel")
        return path.read_bytes()
    except OSError as exc:
        raise HandbookError(f"{path}: kan ikke leses ({exc.strerror})") from exc


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """The private key in a PEM file, or a HandbookError saying what is wrong."""
    try:
        key = serialization.load_pem_private_key(_read_key_file(path), password=None)
    except (ValueError, TypeError) as exc:
        raise HandbookError(f"{path}: er ikke en privat nøkkel (PEM, Ed25519)") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise HandbookError(f"{path}: nøkkelen er ikke en Ed25519-nøkkel")
    return key


def load_public_key(path: Path) -> PublicKey:
    """The public key in a PEM file, or a HandbookError saying what is wrong."""
    try:
        key = serialization.load_pem_public_key(_read_key_file(path))
    except (ValueError, TypeError) as exc:
        raise HandbookError(f"{path}: er ikke en offentlig nøkkel (PEM, Ed25519)") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise HandbookError(f"{path}: nøkkelen er ikke en Ed25519-nøkkel")
    return PublicKey(key, path)


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def signed_by(keys: list[PublicKey], data: bytes, signature: bytes) -> PublicKey | None:
    """The trusted key that made `signature` over `data`, or None."""
    for public in keys:
        try:
            public.key.verify(signature, data)
        except InvalidSignature:
            continue
        return public
    return None
