"""Audit findings to mark on a DIN (``--highlight-gaps``).

:func:`gap_highlights` keeps the findings of :func:`dinnet.audit.run_audit` that
point at a drawn node (a finding about an indicator marks the goals it
measures). Pass ``findings`` when you have them already, to audit only once.

>>> from dinnet.render._example import example_graph
>>> G = example_graph()
>>> G.remove_edge("mini:E2", "mini:SD2", "contributes_to")
>>> h = gap_highlights(G, "mini")
>>> "goal-without-effort" in h.nodes["mini:SD2"], h.nodes["mini:E2"]
(True, ('effort-without-goal',))
>>> h.severity["goal-without-effort"]
'error'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from ..audit import Finding, run_audit
from .select import column_of

__all__ = ["Highlights", "gap_highlights"]


@dataclass(frozen=True)
class Highlights:
    """Node id to the rules it breaks, and each rule's severity."""

    nodes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)


def gap_highlights(G: nx.MultiDiGraph, programme: str | None = None, *,
                   severities: Iterable[str] = ("error", "warning"),
                   findings: Iterable[Finding] | None = None) -> Highlights:
    """The findings of the audit that can be shown on a DIN of ``programme`` (all when ``None``).

    Only findings of the given ``severities`` count; ``findings`` defaults to
    ``run_audit(G)``. A finding about an
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
    for f in run_audit(G) if findings is None else findings:
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
