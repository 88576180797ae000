"""Recompute scores from an Evaluation and a Profile (never edits the Evaluation)."""

from jixiao.scoring.engine import score

__all__ = ["score"]
