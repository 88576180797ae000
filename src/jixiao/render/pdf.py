"""PDF through LibreOffice headless: many files in one LibreOffice process, each run with
its own user profile (a profile serves one process at a time)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from jixiao.errors import InputError
from jixiao.ingest.readers.office import soffice

TIMEOUT_PER_FILE = 60


def to_pdf(sources: list[Path], out_dir: Path) -> list[Path]:
    """Convert .docx/.xlsx files to PDF in one LibreOffice run; returns the PDFs in order."""
    program = soffice()
    if program is None:
        raise InputError("生成 PDF 需要 LibreOffice，本机未安装（Debian/Ubuntu：apt-get install libreoffice-writer-nogui "
                         "libreoffice-calc-nogui fonts-noto-cjk）")
    profile = Path(tempfile.mkdtemp(prefix="jixiao-lo-"))
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, sources)]
    try:
        subprocess.run(command, capture_output=True, timeout=TIMEOUT_PER_FILE * max(len(sources), 1), check=False)
    except subprocess.TimeoutExpired:
        raise InputError("LibreOffice 转换 PDF 超时") from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    results = [out_dir / f"{source.stem}.pdf" for source in sources]
    missing = [str(source) for source, result in zip(sources, results) if not result.exists()]
    if missing:
        raise InputError(f"LibreOffice 未能生成 PDF：{'、'.join(missing)}")
    return results
