"""Dynamic stock-flow engine: inflow- and stock-driven stock models with product lifetimes.

The discretisation matches flodym 1.1.0 (Lauinger et al.) / ODYM (Pauliuk & Heeren 2020,
J. Ind. Ecol. 24(3)); see docs/stockflow.md.
"""

from crmradar.stockflow.dynamic import StockFlowResult, inflow_driven, stock_driven
from crmradar.stockflow.lifetimes import Fixed, LifetimeDistribution, LogNormal, Normal, Weibull

__all__ = [
    "Fixed",
    "LifetimeDistribution",
    "LogNormal",
    "Normal",
    "StockFlowResult",
    "Weibull",
    "inflow_driven",
    "stock_driven",
]
