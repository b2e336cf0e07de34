"""Impact: what dropping an effort or project does to which goals.

A goal *loses all* support when every path from a means of the same kind
(efforts for a dropped effort, projects for a dropped project) to the goal
runs through the dropped node; it *loses some* when at least one path does.
Computed with two reachability passes (linear time), not path enumeration.

>>> import dinnet
>>> G = dinnet.load("tests/assets/minimal.yaml")
>>> r = impact(G, "mini:E1")
>>> r.loses_all, r.loses_some
(('mini:SD1', 'mini:SD1.a'), ())
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..errors import DinnetError
from ..glossary import message
from ..graph import nodes_of
from ._common import SUPPORT_EDGES, reach, require

__all__ = ["Impact", "impact"]


@dataclass(frozen=True)
class Impact:
    """Goals affected by dropping ``node``."""

    node: str
    loses_all: tuple[str, ...]
    loses_some: tuple[str, ...]


def impact(G: nx.MultiDiGraph, node: str) -> Impact:
    """The goals that lose their only support, and those that lose some, if ``node`` goes."""
    require(G, node)
    kind = G.nodes[node]["kind"]
    if kind not in ("effort", "project"):
        raise DinnetError.of(message("error.impact_kind", node=repr(node), kind_term=kind))
    sources = list(nodes_of(G, kind))
    before = reach(G, sources, SUPPORT_EDGES)
    after = reach(G, sources, SUPPORT_EDGES, skip=node)
    through = reach(G, [node], SUPPORT_EDGES)
    goals = {n for n in through if G.nodes[n]["kind"] == "goal"}
    lost = {n for n in goals if n in before and n not in after}
    return Impact(node, tuple(sorted(lost)), tuple(sorted(goals - lost)))
