"""jixiao (绩效): budget performance self-evaluation — read, score, audit, write.

The pipeline is file → read → Document → extract → Evaluation → score → Scorecard →
check → Findings → render. This package exposes the steps that exist so far.
"""

__version__ = "0.1.0"
