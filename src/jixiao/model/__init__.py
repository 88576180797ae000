"""The domain model (pydantic v2, no I/O). Money and scores are Decimal."""

from jixiao.model.evaluation import (
    BasicDataLine,
    Evaluation,
    Figure,
    FundLine,
    Funds,
    Goals,
    Section,
    Staffing,
    Stated,
    Unit,
)
from jixiao.model.indicator import Indicator
from jixiao.model.measure import Measure, parse_measure
from jixiao.model.source import SourceRef

__all__ = [
    "BasicDataLine",
    "Evaluation",
    "Figure",
    "FundLine",
    "Funds",
    "Goals",
    "Indicator",
    "Measure",
    "Section",
    "SourceRef",
    "Staffing",
    "Stated",
    "Unit",
    "parse_measure",
]
