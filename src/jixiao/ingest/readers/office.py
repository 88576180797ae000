"""Old binary Office files (.doc, .wps, .xls, .et) through LibreOffice headless.

Each conversion runs in its own temporary user profile (one LibreOffice profile serves
one process at a time), with a time limit; the result is read by the .docx or .xlsx
reader. Where LibreOffice is not installed the message says how to install it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from jixiao.errors import InputError
from jixiao.ingest.document import Document
from jixiao.ingest.readers import docx, xlsx
from jixiao.ingest.readers.package import OLE_MAGIC

TIMEOUT = 120
TARGETS = {".doc": "docx", ".wps": "docx", ".xls": "xlsx", ".et": "xlsx"}


def _check_ole_header(path: Path, head: bytes) -> None:
    """A compound file states its byte order (FE FF) and sector size (2^9 or 2^12)."""
    if len(head) < 512 or head[28:30] != b"\xfe\xff" or head[30] not in (9, 12):
        raise InputError(f"{path}: Office 文档已损坏（文件头无效）")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(path: Path, target: str, out_dir: Path) -> Path:
    program = soffice()
    if program is None:
        raise InputError(f"{path}: 读取“{path.suffix}”文件需要 LibreOffice，本机未安装"
                         "（Debian/Ubuntu：apt-get install libreoffice-writer-nogui libreoffice-calc-nogui）")
    profile = Path(tempfile.mkdtemp(prefix="jixiao-lo-"))
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(out_dir), str(path)]
    try:
        subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise InputError(f"{path}: LibreOffice 转换超过 {TIMEOUT} 秒未完成，文件可能已损坏") from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    result = out_dir / f"{path.stem}.{target}"
    if not result.exists():
        raise InputError(f"{path}: LibreOffice 无法转换此文件，文件可能已损坏或不是{path.suffix}格式")
    return result


def read(path: Path) -> Document:
    target = TARGETS[path.suffix.lower()]
    head = path.read_bytes()[:512]
    if head.startswith(OLE_MAGIC):
        _check_ole_header(path, head)
    elif path.suffix.lower() in (".doc", ".xls") and not head.startswith(b"PK"):
        raise InputError(f"{path}: 扩展名为“{path.suffix}”，但内容不是 Office 文档")
    with tempfile.TemporaryDirectory(prefix="jixiao-convert-") as folder:
        converted = convert(path, target, Path(folder))
        reader = docx.read if target == "docx" else xlsx.read
        doc = reader(converted)
    doc.path, doc.format = str(path), path.suffix.lower().lstrip(".")
    return doc
