"""Recognise what a Document's blocks are and fill an Evaluation from them.

Each module recognises one thing (the 自评表, the 基础数据表, headed sections, figures
in prose) and reports values with the place it read them; `assemble` puts them together.
"""

from jixiao.ingest.extract.assemble import extract

__all__ = ["extract"]
