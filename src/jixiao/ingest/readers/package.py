"""Checks on Office Open XML packages (.docx, .xlsx) before any parser touches them.

Refuses: files that are not zip packages (with the likely reason: an encrypted document,
an old binary .doc/.xls renamed), zip bombs (too many entries, absurd unpacked size or
compression ratio), and packages without their main part.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from jixiao.errors import InputError

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_ENTRIES = 5000
MAX_UNPACKED = 300 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 5 * 1024 * 1024  # tiny XML parts compress a lot; only big ones can bomb


def check_package(path: Path, main_part: str, format_name: str, old_format: str) -> None:
    head = path.read_bytes()[:8] if path.stat().st_size < 4096 else _head(path)
    if head.startswith(OLE_MAGIC):
        if _is_encrypted_ooxml(path):
            raise InputError(f"{path}: 文件已加密（设有打开密码），请去掉密码后再导入")
        raise InputError(f"{path}: 这是旧版{old_format}文件，扩展名却是“{path.suffix}”，请改为正确扩展名或另存为新格式")
    if not head.startswith(ZIP_MAGIC):
        raise InputError(f"{path}: 扩展名为“{path.suffix}”，但内容不是{format_name}")
    try:
        with zipfile.ZipFile(path) as package:
            _check_entries(path, package.infolist(), main_part, format_name)
    except zipfile.BadZipFile:
        raise InputError(f"{path}: {format_name}已损坏或不完整（压缩包无法打开）") from None


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(8)


def _is_encrypted_ooxml(path: Path) -> bool:
    with path.open("rb") as handle:
        return "EncryptedPackage".encode("utf-16-le") in handle.read(1024 * 1024)


def _check_entries(path: Path, entries: list[zipfile.ZipInfo], main_part: str, format_name: str) -> None:
    if len(entries) > MAX_ENTRIES:
        raise InputError(f"{path}: 压缩包内有 {len(entries)} 个条目，远超正常{format_name}，疑似压缩炸弹")
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED:
        raise InputError(f"{path}: 解压后达 {unpacked // (1024 * 1024)} MB，疑似压缩炸弹")
    for entry in entries:
        if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise InputError(f"{path}: 条目“{entry.filename}”压缩比异常（{entry.file_size // max(entry.compress_size, 1)} 倍），疑似压缩炸弹")
    if main_part not in {entry.filename for entry in entries}:
        raise InputError(f"{path}: 不是{format_name}（缺少 {main_part}）")
