"""Dependencies between programmes, one-sided relations, and paths between nodes.

>>> import dinnet
>>> G = dinnet.load()
>>> P = programme_graph(G)
>>> P.has_edge("zorg", "veiligheid")
True
>>> ("economie-en-participatie", "zorg") in one_sided_dependencies(G)
False
"""

from __future__ import annotations

import itertools
from collections import deque

import networkx as nx

from ..graph import nodes_of
from ._common import require

__all__ = ["one_sided_dependencies", "path_between", "programme_graph"]


def programme_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """The programmes and their ``depends_on`` relations (topics and sources merged)."""
    P = nx.DiGraph()
    for n in nodes_of(G, "programme"):
        P.add_node(n, label=G.nodes[n]["label"])
    for u, v, key, data in G.edges(keys=True, data=True):
        if key != "depends_on":
            continue
        if P.has_edge(u, v):
            edge = P.edges[u, v]
            edge["topics"] = sorted(set(edge["topics"]) | set(data["topics"]))
            edge["sources"] = sorted({*edge["sources"], data["source"]})
        else:
            P.add_edge(u, v, topics=sorted(set(data["topics"])), sources=[data["source"]])
    return P


def one_sided_dependencies(G: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """Pairs ``(a, b)`` where a names b as a dependency but b is silent about a."""
    P = programme_graph(G)
    return sorted((u, v) for u, v in P.edges if not P.has_edge(v, u))


def path_between(G: nx.MultiDiGraph, source: str, target: str) -> list[str] | None:
    """A shortest path from ``source`` to ``target`` following means -> ends edges,
    or, when there is none, ignoring edge direction; ``None`` when unconnected.

    Both searches touch only the part of the graph around the two nodes.
    """
    require(G, source)
    require(G, target)
    try:
        return list(nx.shortest_path(G, source, target))
    except nx.NetworkXNoPath:
        return _undirected_path(G, source, target)


def _undirected_path(G: nx.MultiDiGraph, source: str, target: str) -> list[str] | None:
    """Breadth first along links in either direction (links out first, each in graph order).

    Not through ``G.to_undirected(as_view=True)``: making that view checks
    every node of the graph, which on a national graph costs more than the
    search.
    """
    parent: dict[str, str | None] = {source: None}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        for other in itertools.chain(G.succ[node], G.pred[node]):
            if other in parent:
                continue
            parent[other] = node
            if other == target:
                path = [target]
                while (step := parent[path[-1]]) is not None:
                    path.append(step)
                return path[::-1]
            queue.append(other)
    return None
