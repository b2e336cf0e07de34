"""Impact: what dropping an effort or project does to which goals.

A goal *loses all* support when every path from a means of the same kind
(efforts for a dropped effort or track, projects for a dropped project) to
the goal runs through the dropped node; it *loses some* when at least one
path does. Dropping a track drops it with its efforts (and their
sub-efforts). A goal a track serves is reached by each of the track's
efforts, so dropping one effort of a track with others left loses *some*.
Computed with reachability passes (linear time), not path enumeration.

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
    """The goals that lose their only support, and those that lose some, if ``node`` goes.

    ``node`` is an effort, a project or a track (dropped with its efforts).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    node : str
        An effort, project or track of ``G``.

    Returns
    -------
    Impact
        The goals that lose all support and those that lose some, each sorted.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> impact(G, "mini:P1")
    Impact(node='mini:P1', loses_all=('mini:SD1', 'mini:SD1.a'), loses_some=())
    """
    require(G, node)
    kind = G.nodes[node]["kind"]
    if kind not in ("effort", "project", "track"):
        raise DinnetError.of(message("error.impact_kind", node=repr(node), kind_term=kind))
    dropped = ({node} if kind != "track"
               else reach(G, [node], frozenset({"part_of"}), forward=False))
    sources = list(nodes_of(G, "effort" if kind == "track" else kind))
    before = reach(G, sources, SUPPORT_EDGES)
    after = reach(G, sources, SUPPORT_EDGES, skip=dropped)
    # only the dropped efforts (and project) count: a track without efforts supports no goal,
    # so dropping it takes nothing away, whatever its own links say
    through = reach(G, dropped - {node} if kind == "track" else dropped, SUPPORT_EDGES)
    goals = {n for n in through if G.nodes[n]["kind"] == "goal" and n in before}
    lost = {n for n in goals if n not in after}
    return Impact(node, tuple(sorted(lost)), tuple(sorted(goals - lost)))
