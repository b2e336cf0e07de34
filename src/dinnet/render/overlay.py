"""Audit findings to mark on a DIN (``--highlight-gaps``).

:func:`gap_highlights` runs :func:`dinnet.audit.audit` and keeps the findings
that point at a drawn node (a finding about an indicator marks the goals it
measures). Without the audit module it falls back to two coverage rules
computed here: goals with no effort behind them and efforts that serve no goal.

>>> from dinnet.render._example import example_graph
>>> G = example_graph()
>>> G.remove_edge("mini:E2", "mini:SD2", "contributes_to")
>>> h = gap_highlights(G, "mini")
>>> "goal-without-effort" in h.nodes["mini:SD2"], h.nodes["mini:E2"]
(True, ('effort-without-goal',))
>>> h.severity["goal-without-effort"]
'error'
>>> [(f.rule, f.node) for f in local_findings(G)]
[('effort-without-goal', 'mini:E2'), ('goal-without-effort', 'mini:SD2')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from .select import column_of

__all__ = ["Highlights", "gap_highlights", "local_findings"]


@dataclass(frozen=True)
class Highlights:
    """Node id to the rules it breaks, and each rule's severity."""

    nodes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Finding:
    rule: str
    severity: str
    programme: str
    node: str | None
    message: str
    source: str | None


def local_findings(G: nx.MultiDiGraph) -> list[Any]:
    """Goals without an effort behind them and efforts that reach no goal (no audit needed)."""
    found = []
    for n, d in sorted(G.nodes(data=True)):
        kind = d.get("kind")
        if kind == "goal" and not d.get("open") and not any(
                G.nodes[a].get("kind") in ("effort", "result") for a in nx.ancestors(G, n)):
            found.append(_Finding("goal-without-effort", "error", d.get("programme", ""), n,
                                  "no effort contributes to this goal", d.get("source")))
        if kind == "effort" and not any(G.nodes[x].get("kind") == "goal"
                                        for x in nx.descendants(G, n)):
            found.append(_Finding("effort-without-goal", "error", d.get("programme", ""), n,
                                  "this effort contributes to no goal", d.get("source")))
    return found


def _findings(G: nx.MultiDiGraph) -> Iterable[Any]:
    try:
        from ..audit import audit
    except ImportError:  # the audit is optional for drawing
        return local_findings(G)
    return audit(G)


def gap_highlights(G: nx.MultiDiGraph, programme: str | None = None, *,
                   severities: Iterable[str] = ("error", "warning")) -> Highlights:
    """The findings of the audit that can be shown on a DIN of ``programme`` (all when ``None``).

    Only findings of the given ``severities`` count. A finding about an
    indicator is shown on the goals it measures; findings about a programme
    or a budget table as a whole have no place in the picture and are left out.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> gap_highlights(example_graph(), "mini", severities=["error"]).nodes
    {}
    """
    wanted = set(severities)
    nodes: dict[str, set[str]] = {}
    severity: dict[str, str] = {}
    for f in _findings(G):
        if f.severity not in wanted or not f.node or f.node not in G:
            continue
        if programme is not None and f.programme != programme:
            continue
        targets = [f.node]
        if G.nodes[f.node].get("kind") == "indicator":
            targets = [v for _, v, k in G.out_edges(f.node, keys=True) if k == "measures"]
        for t in targets:
            if column_of(G, t) is not None:
                nodes.setdefault(t, set()).add(f.rule)
                if f.severity == "error" or f.rule not in severity:
                    severity[f.rule] = f.severity
    return Highlights({n: tuple(sorted(r)) for n, r in sorted(nodes.items())},
                      dict(sorted(severity.items())))
