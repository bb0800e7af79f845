"""Encrypted ZIPs for tests, written by hand (``zipfile`` can read ZipCrypto but not write it).

:func:`zipcrypto` writes the traditional PKWARE encryption (what ``zip -P`` makes and Python's
``zipfile`` decrypts with ``pwd=``); :func:`aes_marked` writes members the way WinZip AE-x
archives declare them (compression method 99), which ``zipfile`` cannot open.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

_TABLE = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    _TABLE.append(_c)


class _Keys:
    def __init__(self, password: bytes) -> None:
        self.k = [0x12345678, 0x23456789, 0x34567890]
        for byte in password:
            self.update(byte)

    @staticmethod
    def _crc(value: int, byte: int) -> int:
        return (value >> 8) ^ _TABLE[(value ^ byte) & 0xFF]

    def update(self, byte: int) -> None:
        k0, k1, k2 = self.k
        k0 = self._crc(k0, byte)
        k1 = ((k1 + (k0 & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        k2 = self._crc(k2, k1 >> 24)
        self.k = [k0, k1, k2]

    def encrypt(self, data: bytes) -> bytes:
        out = bytearray()
        for byte in data:
            temp = (self.k[2] | 2) & 0xFFFF
            out.append(byte ^ (((temp * (temp ^ 1)) >> 8) & 0xFF))
            self.update(byte)
        return bytes(out)


def _write(path: Path, members: dict[str, bytes], *, flag: int, method: int, pwd: bytes) -> None:
    local = bytearray()
    central = bytearray()
    for name, data in members.items():
        crc = zlib.crc32(data) & 0xFFFFFFFF
        if flag & 1 and method == 0:
            keys = _Keys(pwd)
            header = os.urandom(11) + bytes([crc >> 24])
            body = keys.encrypt(header) + keys.encrypt(data)
        else:
            body = data
        raw = name.encode()
        offset = len(local)
        fields = (20, flag, method, 0, 0x21, crc, len(body), len(data), len(raw), 0)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + raw + body
        central += (
            struct.pack("<IH", 0x02014B50, 20)
            + struct.pack("<HHHHHIIIHHHHHII", *fields, 0, 0, 0, 0, offset)
            + raw
        )
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(local), 0
    )
    path.write_bytes(bytes(local + central + end))


def zipcrypto(path: Path, members: dict[str, bytes], password: str) -> None:
    _write(path, members, flag=1, method=0, pwd=password.encode())


def aes_marked(path: Path, members: dict[str, bytes]) -> None:
    _write(path, members, flag=1, method=99, pwd=b"")


def deflate64_marked(path: Path, members: dict[str, bytes]) -> None:
    """Members declared as Deflate64 (method 9, what Windows' own zip writes for large files),
    which ``zipfile`` cannot decompress."""
    _write(path, members, flag=0, method=9, pwd=b"")
