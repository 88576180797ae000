"""PDF through LibreOffice headless: many files in one LibreOffice process, each run with
its own user profile (a profile serves one process at a time).

The profile carries a font replacement table: the 公文 fonts the report names (仿宋_GB2312,
方正小标宋简体, 黑体, 楷体_GB2312, 宋体, Times New Roman) are replaced, where the machine lacks
them, by the Simplified Chinese Noto CJK fonts (fonts-noto-cjk) — not by a Japanese face or
DejaVu, which is what fontconfig offers for a name it does not know. (LibreOffice asks
fontconfig whether a font exists, and fontconfig always answers with something, so the
pairs are written for the fonts `fc-list` does not list, and applied always.)
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
import tempfile
import zipfile
from html import escape
from pathlib import Path

from jixiao.errors import InputError
from jixiao.ingest.readers.office import soffice

TIMEOUT_PER_FILE = 60
SERIF, SANS = "Noto Serif CJK SC", "Noto Sans CJK SC"
REPLACEMENTS = {
    "仿宋_GB2312": SERIF, "仿宋": SERIF, "FangSong": SERIF, "FangSong_GB2312": SERIF,
    "方正小标宋简体": SERIF, "方正小标宋_GBK": SERIF, "宋体": SERIF, "SimSun": SERIF, "新宋体": SERIF,
    "楷体_GB2312": SERIF, "楷体": SERIF, "KaiTi": SERIF, "KaiTi_GB2312": SERIF,
    "黑体": SANS, "SimHei": SANS, "微软雅黑": SANS, "Microsoft YaHei": SANS, "Times New Roman": SERIF,
}


def to_pdf(sources: list[Path], out_dir: Path) -> list[Path]:
    """Convert .docx/.xlsx/.html files to PDF; returns the PDFs in order.

    A .docx goes through .odt first, where two of LibreOffice's defaults for Chinese text are
    switched off: the gap between Chinese and digits (`2023 年`, Word's `w:autoSpaceDE`,
    which LibreOffice's import ignores), which a reader of the PDF takes for a space, and
    hanging punctuation, which LibreOffice's PDF export drops at the end of a line."""
    stems = [source.stem for source in sources]
    if len(set(stems)) < len(stems):  # one PDF per name: a second would overwrite the first
        raise InputError(f"无法在同一次转换中生成同名的 PDF：{'、'.join(sorted({s for s in stems if stems.count(s) > 1}))}")
    profile = user_profile()
    try:
        with tempfile.TemporaryDirectory(prefix="jixiao-odt-") as folder:
            staged = [_without_autospace(odt) for odt in convert([s for s in sources if s.suffix == ".docx"],
                                                                 Path(folder), "odt", profile)]
            inputs = [staged.pop(0) if source.suffix == ".docx" else source for source in sources]
            convert(inputs, out_dir, "pdf", profile)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return [out_dir / f"{source.stem}.pdf" for source in sources]


def _without_autospace(odt: Path) -> Path:
    with zipfile.ZipFile(odt) as package:
        parts = {info: package.read(info) for info in package.infolist()}
    with zipfile.ZipFile(odt, "w") as package:
        for info, data in parts.items():
            if info.filename in ("styles.xml", "content.xml"):
                data = data.replace(b'style:text-autospace="ideograph-alpha"', b'style:text-autospace="none"')
                data = data.replace(b'style:punctuation-wrap="hanging"', b'style:punctuation-wrap="simple"')
            package.writestr(info, data)  # keeps each part's compression (mimetype stays stored)
    return odt


def convert(sources: list[Path], out_dir: Path, to: str, profile: Path) -> list[Path]:
    """LibreOffice `--convert-to to` in one run with the given profile."""
    if not sources:
        return []
    program = soffice()
    if program is None:
        raise InputError("生成 PDF 需要 LibreOffice，本机未安装（Debian/Ubuntu：apt-get install libreoffice-writer-nogui "
                         "libreoffice-calc-nogui fonts-noto-cjk）")
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", to, "--outdir", str(out_dir), *map(str, sources)]
    try:
        subprocess.run(command, capture_output=True, timeout=TIMEOUT_PER_FILE * len(sources), check=False)
    except subprocess.TimeoutExpired:
        raise InputError("LibreOffice 转换 PDF 超时") from None
    results = [out_dir / f"{source.stem}.{to.split(':')[0]}" for source in sources]
    missing = [str(source) for source, result in zip(sources, results) if not result.exists()]
    if missing:
        raise InputError(f"LibreOffice 未能生成 PDF：{'、'.join(missing)}")
    return results


def user_profile() -> Path:
    """A fresh LibreOffice user profile holding the font replacement table."""
    profile = Path(tempfile.mkdtemp(prefix="jixiao-lo-"))
    (profile / "user").mkdir()
    pairs = "".join(
        f'<node oor:name="jixiao{index}" oor:op="replace">'
        f'<prop oor:name="ReplaceFont" oor:op="fuse"><value>{escape(name)}</value></prop>'
        f'<prop oor:name="SubstituteFont" oor:op="fuse"><value>{escape(substitute)}</value></prop>'
        '<prop oor:name="Always" oor:op="fuse"><value>true</value></prop>'
        '<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop></node>'
        for index, (name, substitute) in enumerate(REPLACEMENTS.items()) if name not in installed_fonts())
    (profile / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<item oor:path="/org.openoffice.Office.Common/Font/Substitution">'
        '<prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>'
        f'<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">{pairs}</item></oor:items>',
        encoding="utf-8")
    return profile


@cache
def installed_fonts() -> frozenset[str]:
    """Font family names fontconfig knows (empty where `fc-list` is missing)."""
    program = shutil.which("fc-list")
    if program is None:
        return frozenset()
    try:
        listed = subprocess.run([program, ":", "family"], capture_output=True, text=True, timeout=30, check=False).stdout
    except subprocess.TimeoutExpired:
        return frozenset()
    return frozenset(name.strip() for line in listed.splitlines() for name in line.split(","))
