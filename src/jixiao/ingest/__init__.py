"""Getting Evaluations in: model files (YAML/JSON) now; report readers follow."""

from jixiao.ingest.model_file import load_evaluation, parse_evaluation

__all__ = ["load_evaluation", "parse_evaluation"]
