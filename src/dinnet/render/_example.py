"""A tiny programme for the examples in the docstrings (same as ``tests/assets/minimal.yaml``)."""

from __future__ import annotations

import networkx as nx

from ..contract.model import Contract
from ..graph import build_graph

__all__ = ["example_graph"]


def example_graph() -> nx.MultiDiGraph:
    """The graph of one small programme ``mini`` with every kind of DIN node."""
    src = {"source": "mini.txt:1"}
    return build_graph([Contract.model_validate({
        "programme": {"id": "mini", "name": "Mini", "municipality": "Teststad",
                      "period": {"start": 2019, "end": 2022}, **src},
        "vision": {"label": "Een betere stad", **src},
        "goals": [{"id": "SD1", "level": "strategic", "label": "Schonere lucht", **src,
                   "goals": [{"id": "SD1.a", "level": "operational", "label": "Minder fijnstof",
                              **src}]},
                  {"id": "SD2", "level": "strategic", "label": "Meer groen", **src}],
        "indicators": [{"id": "SD1.a.i1", "label": "Fijnstof", "measures": ["SD1.a"],
                        "unit": "ug/m3", "baseline": {"value": 30, "year": 2018},
                        "targets": {2020: 28, 2022: 25}, **src}],
        "tracks": [{"id": "S1", "label": "Spoor 1", **src}],
        "efforts": [{"id": "E1", "label": "Minder auto's", "track": "S1",
                     "contributes_to": ["SD1.a"], **src},
                    {"id": "E2", "label": "Bomen planten",
                     "contributes_to": [{"goal": "SD2", "strength": "strong"}], **src}],
        "projects": [{"id": "P1", "label": "Fietspad", "role": "regie", "implements": ["E1"],
                      **src}],
        "budgets": [{"id": "B1", "title": "Budget", "unit": "x 1.000 euro", "scale": 1000,
                     "lines": [{"label": "Fietspad", "amounts": {2019: 50, 2020: 50}}],
                     "stated_totals": {2019: 50, 2020: 60}, **src}],
    })])
