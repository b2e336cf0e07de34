"""Walking the graph: the edge kinds support flows along, and reachability.

:data:`SUPPORT_EDGES`, :data:`CHAIN_EDGES`, :func:`reach` and :func:`goals_served` are
public through :mod:`dinnet.queries`; :func:`require` is for the query modules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from ..errors import NodeNotFoundError
from ..glossary import message

#: Edge kinds along which support flows from means to ends.
SUPPORT_EDGES = frozenset({"contributes_to", "refines", "part_of", "delivers", "implements"})
#: Edge kinds of the DIN's why/how chains (means -> ends), without stakeholders.
CHAIN_EDGES = SUPPORT_EDGES | {"serves", "belongs_to", "measures"}


def require(G: nx.MultiDiGraph, node: str) -> None:
    """Raise :class:`NodeNotFoundError` with a hint when ``node`` is not in ``G``."""
    if node not in G:
        import difflib

        close = difflib.get_close_matches(node, [str(n) for n in G], n=3)
        hint = message("error.did_you_mean", ids=[repr(c) for c in close]) if close else ""
        raise NodeNotFoundError.of(message("error.no_node", node=repr(node), hint=hint))


def goals_served(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The goals ``node`` links to itself and, for an effort, through its track, sorted.

    A track's ``contributes_to`` link says the track as a whole serves the goal,
    so every effort in the track serves it too (``docs/format.md``).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph (:func:`dinnet.build_graph`).
    node : str
        An effort, result or track.

    Returns
    -------
    list of str
        Goal ids, sorted; empty when the node serves no goal itself (a
        sub-effort's parent's goals are not included).

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> goals_served(G, "mini:E1"), goals_served(G, "mini:S1")
    (['mini:SD1.a'], [])
    """
    return sorted(served(G.succ, G.nodes, node))


def served(succ: Mapping[str, Mapping[str, Any]], nodes: Mapping[str, Mapping[str, Any]],
           node: str) -> set[str]:
    """The set of :func:`goals_served`, from the graph's links out and node attributes
    (``G.succ`` and ``G.nodes``, or plain dicts of them for a walk over many nodes)."""
    goals = set()
    for v, keys in succ[node].items():
        kind = nodes[v]["kind"]
        if "contributes_to" in keys and kind == "goal":
            goals.add(v)
        elif "part_of" in keys and kind == "track":
            goals.update(w for w, k in succ[v].items()
                         if "contributes_to" in k and nodes[w]["kind"] == "goal")
    return goals


def reach(G: nx.MultiDiGraph, sources: Iterable[str], kinds: frozenset[str], *,
          forward: bool = True, skip: str | Iterable[str] | None = None) -> set[str]:
    """Nodes reachable from ``sources`` along edges of ``kinds`` (depth-first, linear time).

    The sources themselves are included; ``skip`` (a node or several) is
    treated as removed.
    Each source's reach is finished before the next source starts: the nodes
    of one contract lie together in memory, so a large graph is walked one
    contract at a time rather than every contract at every depth, which
    keeps the time per node nearly flat as the graph grows
    (``docs/performance.md``).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    sources : iterable of str
        Node ids to start from.
    kinds : frozenset of str
        Edge kinds to follow (:data:`SUPPORT_EDGES`, :data:`CHAIN_EDGES`).
    forward : bool, default True
        Follow the arrows (from means to ends); ``False`` walks against them.
    skip : str, optional
        A node treated as removed (what-if questions such as :func:`impact`).

    Returns
    -------
    set of str
        The sources and every node reached.

    Examples
    --------
    >>> import dinnet
    >>> from dinnet.queries import SUPPORT_EDGES, reach
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> sorted(reach(G, ["mini:E1"], SUPPORT_EDGES))
    ['mini:E1', 'mini:S1', 'mini:SD1', 'mini:SD1.a']
    >>> sorted(reach(G, ["mini:SD1"], SUPPORT_EDGES, forward=False))
    ['mini:E1', 'mini:P1', 'mini:SD1', 'mini:SD1.a']
    """
    adjacency = G.succ if forward else G.pred
    skipped = {skip} if isinstance(skip, str) else set(skip or ())
    seen: set[str] = set()
    for source in sources:
        if source in seen or source in skipped:
            continue
        seen.add(source)
        stack = [source]
        while stack:
            for other, edges in adjacency[stack.pop()].items():
                if other in seen or other in skipped or kinds.isdisjoint(edges):
                    continue
                seen.add(other)
                stack.append(other)
    return seen
