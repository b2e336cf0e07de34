"""Graph exports: networkx node-link JSON.

>>> import json, networkx as nx
>>> from dinnet import load
>>> G = load()
>>> H = nx.node_link_graph(json.loads(to_json(G)), **NODE_LINK_KEYS)
>>> H.number_of_nodes() == G.number_of_nodes()
True
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

__all__ = ["NODE_LINK_KEYS", "to_json", "to_node_link"]

#: Edges have a ``source`` attribute (provenance), so the endpoints are
#: written ``from`` and ``to``. Pass these to :func:`networkx.node_link_graph`.
NODE_LINK_KEYS: dict[str, str] = {"edges": "edges", "source": "from", "target": "to"}


def to_node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Node-link data (``nodes``, ``edges``), sorted so it is stable."""
    data = nx.node_link_data(G, **NODE_LINK_KEYS)
    data["nodes"].sort(key=lambda n: n["id"])
    data["edges"].sort(key=lambda e: (e["from"], e["to"], e["key"]))
    return data


def to_json(G: nx.MultiDiGraph) -> str:
    """Node-link JSON text (UTF-8, indented, keys in a stable order)."""
    return json.dumps(to_node_link(G), ensure_ascii=False, indent=1, default=str) + "\n"
