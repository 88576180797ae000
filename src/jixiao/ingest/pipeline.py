"""From a path to a Document or an Evaluation: the one entry point for every format.

`READERS` maps an extension to its reader (read-only). Before a reader runs, the file must
exist, be non-empty, not be absurdly large, and its content must match its extension;
every refusal is an InputError naming the file and what is wrong.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Callable

from jixiao.errors import InputError
from jixiao.ingest.document import Document
from jixiao.ingest.extract import extract
from jixiao.ingest.model_file import MODEL_SUFFIXES, load_evaluation
from jixiao.ingest.readers import text
from jixiao.model.evaluation import Evaluation

Reader = Callable[[Path], Document]
MAX_REPORT_BYTES = 50 * 1024 * 1024

READERS: MappingProxyType[str, Reader] = MappingProxyType({
    ".txt": text.read,
    ".text": text.read,
})
FORMAT_NAMES = {".docx": "Word 文档", ".xlsx": "Excel 工作簿", ".pdf": "PDF 文件", ".html": "网页", ".htm": "网页"}


def supported_suffixes() -> tuple[str, ...]:
    return (*READERS, *MODEL_SUFFIXES)


def read_document(path: Path) -> Document:
    """Read a report file into a Document (no interpretation)."""
    _check_file(path, MAX_REPORT_BYTES)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = "、".join(sorted(READERS))
        raise InputError(f"{path}: 不支持“{path.suffix or '无扩展名'}”格式（支持 {known} 及 .yaml/.json 自评数据）")
    return reader(path)


def read_evaluation(path: Path) -> Evaluation:
    """An Evaluation from a model file (.yaml/.json) or from any readable report."""
    if path.suffix.lower() in MODEL_SUFFIXES:
        return load_evaluation(path)
    return extract(read_document(path))


def _check_file(path: Path, limit: int) -> None:
    if not path.exists():
        raise InputError(f"{path}: 文件不存在")
    if not path.is_file():
        raise InputError(f"{path}: 不是文件")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: 文件为空")
    if size > limit:
        raise InputError(f"{path}: 文件过大（{size // (1024 * 1024)} MB，上限 {limit // (1024 * 1024)} MB）")
