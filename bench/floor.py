"""The floor: the least any reader must do with each file, measured in the same run.

.docx: open the zip and parse word/document.xml with lxml, nothing else.
.txt: read the bytes and decode them."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

from lxml import etree


def docx_floor(path: Path) -> int:
    with zipfile.ZipFile(path) as package:
        return len(etree.fromstring(package.read("word/document.xml")))


def txt_floor(path: Path) -> int:
    return len(path.read_bytes().decode("utf-8"))


def measure(files: list[Path]) -> float:
    """Seconds per file for the floor of these files (one process)."""
    floor = docx_floor if files[0].suffix == ".docx" else txt_floor
    start = time.perf_counter()
    for path in files:
        floor(path)
    return (time.perf_counter() - start) / len(files)
