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
from collections.abc import Iterable

import networkx as nx

from ..graph import nodes_of
from ._common import require

__all__ = ["one_sided_dependencies", "path_between", "programme_graph"]


def programme_graph(G: nx.MultiDiGraph, *, programmes: Iterable[str] | None = None
                    ) -> nx.DiGraph:
    """The programmes and their ``depends_on`` relations (topics and sources merged).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    programmes : iterable of str, optional
        The programme ids of ``G`` in graph order, when the caller has them at hand (the
        audit's :class:`~dinnet.audit.context.AuditContext`: finding them is a pass over
        every node); default: found here.

    Returns
    -------
    networkx.DiGraph
        Programme ids as nodes; edges carry ``topics`` and ``sources``.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load()  # the bundled Almelo data
    >>> P = programme_graph(G)
    >>> P.number_of_nodes(), P.number_of_edges()
    (7, 28)
    >>> sorted(P.successors("duurzaamheid"))[:2]
    ['binnenstad', 'nieuwstraatkwartier']
    """
    P = nx.DiGraph()
    programmes = list(nodes_of(G, "programme") if programmes is None else programmes)
    for n in programmes:
        P.add_node(n, label=G.nodes[n]["label"])
    # a relation links one programme to another: only the programmes' links out are read
    for u in programmes:
        for v, keys in G.succ[u].items():
            if "depends_on" not in keys:
                continue
            data = keys["depends_on"]
            if P.has_edge(u, v):
                edge = P.edges[u, v]
                edge["topics"] = sorted(set(edge["topics"]) | set(data["topics"]))
                edge["sources"] = sorted({*edge["sources"], data["source"]})
            else:
                P.add_edge(u, v, topics=sorted(set(data["topics"])), sources=[data["source"]])
    return P


def one_sided_dependencies(G: nx.MultiDiGraph, P: nx.DiGraph | None = None
                           ) -> list[tuple[str, str]]:
    """Pairs ``(a, b)`` where a names b as a dependency but b is silent about a.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    P : networkx.DiGraph, optional
        ``programme_graph(G)``, when the caller has it already (the audit).

    Returns
    -------
    list of tuple of str
        ``(a, b)`` programme id pairs, sorted.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load()  # the bundled Almelo data
    >>> one_sided_dependencies(G)[:2]
    [('duurzaamheid', 'binnenstad'), ('economie-en-participatie', 'binnenstad')]
    """
    if P is None:
        P = programme_graph(G)
    return sorted((u, v) for u, v in P.edges if not P.has_edge(v, u))


def path_between(G: nx.MultiDiGraph, source: str, target: str) -> list[str] | None:
    """A shortest path from ``source`` to ``target`` following means -> ends edges,
    or, when there is none, ignoring edge direction; ``None`` when unconnected.

    Both searches touch only the part of the graph around the two nodes.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    source, target : str
        Node ids of ``G``.

    Returns
    -------
    list of str or None
        The node ids along the path, ``source`` first.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> path_between(G, "mini:P1", "mini:visie")
    ['mini:P1', 'mini:E1', 'mini:SD1.a', 'mini:SD1', 'mini:visie']
    >>> path_between(G, "mini:E1", "mini:E2")  # no directed path: either direction
    ['mini:E1', 'mini:S1', 'mini', 'mini:visie', 'mini:SD2', 'mini:E2']
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
