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
from jixiao.ingest.furniture import without_page_numbers
from jixiao.ingest.model_file import MODEL_SUFFIXES, load_evaluation
from jixiao.ingest.readers import docx, html, office, pdf, text, xlsx
from jixiao.model.evaluation import Evaluation

Reader = Callable[[Path], Document]
MAX_REPORT_BYTES = 50 * 1024 * 1024

READERS: MappingProxyType[str, Reader] = MappingProxyType({
    ".txt": text.read,
    ".text": text.read,
    ".docx": docx.read,
    ".xlsx": xlsx.read,
    ".xlsm": xlsx.read,
    ".pdf": pdf.read,
    ".html": html.read,
    ".htm": html.read,
    ".doc": office.read,
    ".wps": office.read,
    ".xls": office.read,
    ".et": office.read,
})


def supported_suffixes() -> tuple[str, ...]:
    return (*READERS, *MODEL_SUFFIXES)


def read_document(path: Path) -> Document:
    """Read a report file into a Document (no interpretation)."""
    _check_file(path, MAX_REPORT_BYTES)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = "、".join(sorted(READERS))
        raise InputError(f"{path}: 不支持“{path.suffix or '无扩展名'}”格式（支持 {known} 及 .yaml/.json 自评数据）")
    try:
        return without_page_numbers(reader(path))
    except InputError:
        raise
    except RecursionError:
        raise InputError(f"{path}: 文档结构嵌套过深，无法读取") from None
    except Exception as exc:  # a reader meets untrusted bytes: any failure is bad input
        raise InputError(f"{path}: 文件已损坏或格式不对，无法读取（{_describe(exc)}）") from None


def _describe(exc: Exception) -> str:
    text = str(exc).splitlines()[0][:120] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


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
