"""Getting Evaluations in: report files through readers and extraction, or model files."""

from jixiao.ingest.model_file import load_evaluation, parse_evaluation
from jixiao.ingest.pipeline import read_document, read_evaluation

__all__ = ["load_evaluation", "parse_evaluation", "read_document", "read_evaluation"]
