"""Links compared between elements present in both versions (the links of an added or
removed element are part of that change), following renamed elements.

>>> import dinnet
>>> G = dinnet.load("tests/assets/minimal.yaml")
>>> H = G.copy()
>>> H.remove_edge("mini:P1", "mini:E1", "implements")
>>> [str(c) for c in link_changes(G, H, {}, [])]
['- link       mini:P1 implements mini:E1']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from .change import LINK_KINDS, Change, link_id

__all__ = ["link_changes"]


def _edges(G: nx.MultiDiGraph, ids: Mapping[str, str]) -> dict[tuple[str, str, str], dict[str, Any]]:
    out = {}
    for u, v, kind, data in G.edges(keys=True, data=True):
        if kind in LINK_KINDS:
            attrs = {k: val for k, val in data.items() if k not in ("source", "kind")}
            if "nodes" in attrs:
                attrs["nodes"] = sorted(ids.get(n, n) for n in attrs["nodes"])
            out[(ids.get(u, u), ids.get(v, v), kind)] = attrs
    return out


def link_changes(old: nx.MultiDiGraph, new: nx.MultiDiGraph, mapping: Mapping[str, str],
                 elements: list[Change]) -> Iterable[Change]:
    """The links removed, added or changed from ``old`` to ``new``.

    ``mapping`` takes old ids to new ones (renamed elements); ``elements`` are the
    changes of the elements, whose added and removed ones take their links along.
    """
    gone = {c.id for c in elements if c.action == "removed"}
    came = {c.id for c in elements if c.action == "added"}
    before = _edges(old, mapping)
    after = _edges(new, {})
    reverse = {t: o for o, t in mapping.items()}
    for key in sorted(set(before) | set(after)):
        u, v, kind = key
        if key not in after:
            if reverse.get(u, u) in gone or reverse.get(v, v) in gone or u not in new or v not in new:
                continue
            yield Change("removed", "link", link_id(u, v, kind))
        elif key not in before:
            if u in came or v in came:
                continue
            yield Change("added", "link", link_id(u, v, kind))
        else:
            a, b = before[key], after[key]
            for field in sorted(set(a) | set(b)):
                if a.get(field) != b.get(field):
                    yield Change("changed", "link", link_id(u, v, kind), "", field,
                                 a.get(field), b.get(field))
