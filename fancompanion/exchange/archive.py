"""Open what a fan hands to ``import``: a ZIP, an extracted folder or one file, by basename.

Exports put their files at the ZIP root or under a folder (``gdpr-data/…``); macOS adds
``__MACOSX/`` and ``._name`` junk. Members are found by basename, case-insensitively, and only
the files an importer asks for by name are ever opened: the rest of a TV Time archive holds
private data (tokens, logins, addresses) that this program never reads, prints or keeps.

ZipCrypto archives open with ``--password``; any other encryption (AES) gets one line telling
the fan to extract the archive and import the folder.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from fancompanion.exchange.importers import ImportFormatError

MAX_MEMBER = 512 * 1024 * 1024  # a history file larger than this is not an export
AES_METHOD = 99  # WinZip AES, what 7-Zip and others write for "AES-256"
STRONG_ENCRYPTION = 0x40  # PKWARE strong encryption (general purpose flag bit 6)
READABLE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
OTHER_METHODS = {9: "Deflate64", 93: "Zstandard", 95: "xz", 98: "PPMd"}  # that zipfile cannot read
_AES = 99  # the compression method AE-x archives declare (zipfile cannot decrypt them)


def _junk(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return "__MACOSX" in parts or parts[-1].startswith("._") or not parts[-1]


@dataclass(slots=True)
class ExportFiles:
    """The files of one export, by lower-case basename (never opened until :meth:`read`)."""

    label: str  # what the fan passed, for messages
    _zip: zipfile.ZipFile | None = None
    _members: dict[str, str | Path] = field(default_factory=dict)
    _password: bytes | None = None
    single: bool = False  # one file given on its own (not a ZIP, not a folder)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self._members)

    def has(self, name: str) -> bool:
        return name.lower() in self._members

    def matching(self, prefix: str, suffix: str) -> list[str]:
        return sorted(n for n in self._members if n.startswith(prefix) and n.endswith(suffix))

    def read(self, name: str) -> bytes:
        member = self._members[name.lower()]
        if isinstance(member, Path):
            try:
                return member.read_bytes()
            except OSError as error:
                raise ImportFormatError(f"cannot read {member.name}: {error.strerror}") from error
        assert self._zip is not None
        info = self._zip.getinfo(member)
        if info.file_size > MAX_MEMBER:
            raise ImportFormatError(f"{name} in {self.label} is too large to be an export")
        if info.compress_type == AES_METHOD or info.flag_bits & STRONG_ENCRYPTION:
            raise ImportFormatError(_aes_line(self.label))
        if info.compress_type not in READABLE_METHODS:
            method = OTHER_METHODS.get(info.compress_type, f"method {info.compress_type}")
            raise ImportFormatError(
                f"{name} in {self.label} is compressed with a method FanCompanion cannot read "
                f"({method}): extract it with your archive tool, then import the extracted folder"
            )
        try:
            return self._zip.read(info, pwd=self._password)
        except RuntimeError as error:
            text = str(error).lower()
            if "password required" in text:
                raise ImportFormatError(
                    f"{self.label} is password-protected: import it again with --password"
                ) from None
            if "bad password" in text:
                raise ImportFormatError(f"wrong password for {self.label}") from None
            raise ImportFormatError(f"cannot read {name} in {self.label} ({error})") from None
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise ImportFormatError(f"{self.label} is damaged ({error})") from None

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> ExportFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _aes_line(label: str) -> str:
    return (
        f"{label} uses an encryption FanCompanion cannot open (AES): extract it with your "
        "archive tool (it asks for the password), then import the extracted folder"
    )


def open_export(path: Path, password: str | None = None) -> ExportFiles:
    """The export at ``path`` (a ZIP, a folder or one file); raises ImportFormatError."""
    label = path.name or str(path)
    if path.is_dir():
        return ExportFiles(label, None, _by_basename(_walk(path)))
    if not path.exists():
        raise ImportFormatError(f"{path}: no such file or folder")
    if zipfile.is_zipfile(path):
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as error:
            raise ImportFormatError(f"{label} is not a readable ZIP ({error})") from None
        infos = [i for i in archive.infolist() if not i.is_dir() and not _junk(i.filename)]
        if any(i.compress_type == _AES for i in infos):
            archive.close()
            raise ImportFormatError(_aes_line(label))
        members: dict[str, str | Path] = {}
        for info in sorted(infos, key=lambda i: i.filename.count("/")):
            members.setdefault(info.filename.rsplit("/", 1)[-1].lower(), info.filename)
        pwd = password.encode("utf-8") if password else None
        return ExportFiles(label, archive, members, pwd)
    return ExportFiles(label, None, {path.name.lower(): path}, single=True)


def _walk(root: Path) -> Iterable[Path]:
    for path in sorted(root.rglob("*"), key=lambda p: (len(p.parts), str(p))):
        if path.is_file() and not _junk(str(path.relative_to(root))):
            yield path


def _by_basename(paths: Iterable[Path]) -> dict[str, str | Path]:
    out: dict[str, str | Path] = {}
    for path in paths:
        out.setdefault(path.name.lower(), path)
    return out
