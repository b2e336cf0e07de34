"""Why and how: the chain from a node up to the vision, and the means below it.

>>> import dinnet
>>> G = dinnet.load("tests/assets/minimal.yaml")
>>> why(G, "mini:E1")
['mini:SD1.a', 'mini:SD1', 'mini:visie']
>>> how(G, "mini:SD1")
['mini:SD1.a', 'mini:E1', 'mini:P1']
"""

from __future__ import annotations

import networkx as nx

from ._common import CHAIN_EDGES, reach, require

__all__ = ["CHAIN_UP_EDGES", "how", "why", "why_paths"]

_ORDER = {"programme": 0, "vision": 1, "goal": 2, "indicator": 3, "track": 4, "effort": 5,
          "result": 6, "project": 7, "stakeholder": 8}
_LEVEL = {"main": 0, "strategic": 1, "operational": 2}
#: Edge kinds a why-chain follows from a node up (and a how-chain down): means to ends.
CHAIN_UP_EDGES = CHAIN_EDGES - {"measures", "belongs_to"}
_UP = CHAIN_UP_EDGES


def _column(G: nx.MultiDiGraph, node: str) -> tuple[int, int, str]:
    data = G.nodes[node]
    return _ORDER[data["kind"]], _LEVEL.get(data.get("level", ""), 0), node


def why(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The ends ``node`` serves, up to the vision: goals, results, vision (nearest first).

    An effort serves the goals its track serves (``docs/format.md``); the
    track itself is a means, not an end, so it shows in :func:`why_paths`
    but not here. The programme node is not part of the chain.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    node : str
        A node id of ``G``.

    Returns
    -------
    list of str
        Node ids, nearest first.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> why(G, "mini:P1")
    ['mini:E1', 'mini:SD1.a', 'mini:SD1', 'mini:visie']
    """
    require(G, node)
    up = reach(G, [node], _UP) - {node}
    ends = [n for n in up if G.nodes[n]["kind"] in ("goal", "vision", "result", "effort")]
    return sorted(ends, key=lambda n: _column(G, n), reverse=True)


def how(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The means below ``node``: sub-goals, tracks that serve a goal, efforts, results and
    projects (top first).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    node : str
        A node id of ``G``.

    Returns
    -------
    list of str
        Node ids, top first.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> how(G, "mini:SD2")
    ['mini:E2']
    """
    require(G, node)
    down = reach(G, [node], _UP, forward=False) - {node}
    means = [n for n in down
             if G.nodes[n]["kind"] in ("goal", "track", "effort", "result", "project")]
    return sorted(means, key=lambda n: _column(G, n))


def why_paths(G: nx.MultiDiGraph, node: str) -> list[list[str]]:
    """Every path from ``node`` up to a vision (or a goal with nothing above it), sorted.

    A depth-first walk along the chain's links: the work depends on the
    paths above ``node``, not on the size of ``G``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    node : str
        A node id of ``G``.

    Returns
    -------
    list of list of str
        Each path from ``node`` to its top, sorted.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> why_paths(G, "mini:P1")
    [['mini:P1', 'mini:E1', 'mini:SD1.a', 'mini:SD1', 'mini:visie']]
    """
    require(G, node)
    ups = _up(G, node)
    paths = [[node]] if _top(G, node, ups) else []
    path, on_path = [node], {node}
    todo = [iter(ups)]
    while todo:
        nxt = next(todo[-1], None)
        if nxt is None:
            todo.pop()
            on_path.discard(path.pop())
        elif nxt not in on_path:
            path.append(nxt)
            on_path.add(nxt)
            ups = _up(G, nxt)
            if _top(G, nxt, ups):
                paths.append(list(path))
            todo.append(iter(ups))
    return sorted(paths)


def _up(G: nx.MultiDiGraph, node: str) -> list[str]:
    return [v for v, keys in G.succ[node].items() if not _UP.isdisjoint(keys)]


def _top(G: nx.MultiDiGraph, node: str, ups: list[str]) -> bool:
    """A vision, or a goal with nothing above it (``ups``: the nodes above ``node``)."""
    kind = G.nodes[node]["kind"]
    return kind == "vision" or (kind == "goal" and not ups)
