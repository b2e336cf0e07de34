"""Order the nodes of each column by their neighbours (barycentre sweeps).

Crossing edges are the main source of "spaghetti" in a DIN. Placing every
node at the mean position of its neighbours in the columns next to it, sweep
after sweep, removes most crossings; Graphviz starts its own crossing
minimisation from this order. The sweeps start from contract order (where
each element stands in the text, :func:`contract_key`) and ties keep it, so
an item only moves when that removes crossings, and the result only depends
on the data. Groups (tracks) stay together and a node that follows another
(a sub-effort its effort) stays right after it.

>>> cols = {"goal": ["G1", "G2"], "effort": ["E1", "E2", "E3"]}
>>> edges = [("E1", "G2"), ("E2", "G1"), ("E3", "G2")]
>>> order_columns(["goal", "effort"], cols, edges)["effort"]
['E2', 'E1', 'E3']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from .labels import natural_key

__all__ = ["contract_key", "order_columns"]

_LINES = re.compile(r":(\d+)")


def contract_key(node: str, source: str | None) -> tuple[str, int, str]:
    """Where ``node`` stands in its contract text: file, first line, then its id.

    >>> [k[:2] for k in sorted([contract_key("T6", "a.txt:1276"),
    ...                         contract_key("T2", "a.txt:1074-1100")])]
    [('a.txt', 1074), ('a.txt', 1276)]
    """
    text = source or ""
    line = _LINES.search(text)
    return (text.split(":", 1)[0], int(line.group(1)) if line else 0, natural_key(node))


def order_columns(
    order: Sequence[str],
    columns: Mapping[str, Sequence[str]],
    edges: Iterable[tuple[str, str]],
    *,
    groups: Mapping[str, str] | None = None,
    follows: Mapping[str, str] | None = None,
    sweeps: int = 4,
    seed: Mapping[str, tuple[str, int, str]] | None = None,
    pinned: Collection[str] = (),
) -> dict[str, list[str]]:
    """Each column's nodes in an order that keeps crossings low.

    Parameters
    ----------
    order : sequence of str
        The column names, left to right.
    columns : mapping
        Column name to its node ids.
    edges : iterable of (str, str)
        Links between nodes (direction does not matter).
    groups : mapping, optional
        Node id to group id; the nodes of a group stay together.
    follows : mapping, optional
        Node id to the node it should follow directly (same column).
    sweeps : int
        Alternating left-to-right and right-to-left passes.
    seed : mapping, optional
        Node or group id to its sort key in the order to start from and keep
        on ties (contract order); the natural order of the ids by default.
    pinned : collection of str, optional
        Columns that keep the order they start from (groups together, each in
        the place of its first member, followers after their node); the
        other columns are ordered around them.

    Returns
    -------
    dict
        Column name to the ordered list of its node ids.
    """
    groups = groups or {}
    follows = follows or {}
    col_of = {n: i for i, c in enumerate(order) for n in columns.get(c, ())}
    adjacent: dict[str, set[str]] = defaultdict(set)
    for u, v in edges:
        if u in col_of and v in col_of and col_of[u] != col_of[v]:
            adjacent[u].add(v)
            adjacent[v].add(u)
    seed = seed or {}

    def start(n: str) -> tuple[str, int, str]:
        return seed.get(n, ("", 0, natural_key(n)))

    current = {c: sorted(columns.get(c, ()), key=start) for c in order}
    fixed = {c: _fixed(current[c], groups, follows, start) for c in order}
    for c in pinned:
        if c in current:
            current[c] = _in_place(current[c], fixed[c])
    pos: dict[str, float] = {}

    def place(col: str) -> None:
        nodes = current[col]
        for i, n in enumerate(nodes):
            pos[n] = (i + 0.5) / len(nodes)

    for col in order:
        place(col)
    # each node's neighbours in the columns before and after its own
    sides = {n: ([m for m in adjacent[n] if col_of[m] < col_of[n]],
                 [m for m in adjacent[n] if col_of[m] > col_of[n]]) for n in col_of}
    for sweep in range(sweeps):
        forward = sweep % 2 == 0
        indices = range(len(order)) if forward else range(len(order) - 1, -1, -1)
        for ci in indices:
            col = order[ci]
            if col in pinned:
                continue
            bary: dict[str, float] = {}
            for n in current[col]:
                before, after = sides[n]
                near = (before or after) if forward else (after or before)
                bary[n] = sum([pos[m] for m in near]) / len(near) if near else pos[n]
            current[col] = _sorted(current[col], bary, fixed[col])
            place(col)
    return current


def _root(node: str, follows: Mapping[str, str]) -> tuple[str, int]:
    depth = 0
    seen = {node}
    while node in follows and follows[node] not in seen:
        node = follows[node]
        seen.add(node)
        depth += 1
    return node, depth


def _fixed(nodes: list[str], groups: Mapping[str, str], follows: Mapping[str, str],
           start: Callable[[str], tuple[str, int, str]]) -> dict[str, tuple[str, str, tuple[object, ...]]]:
    """What a column's sort needs that does not change from sweep to sweep.

    Per node: its group, the root of its chain of followers, and the rest of
    its sort key (group, root, depth in the chain, itself: in ``start`` order).
    """
    present = set(nodes)
    local = {n: p for n, p in follows.items() if n in present and p in present}
    fixed: dict[str, tuple[str, str, tuple[object, ...]]] = {}
    for n in nodes:
        group = groups.get(n, "")
        root, depth = _root(n, local)
        fixed[n] = (group, root, (start(group) if group else ("", 0, ""), start(root), depth,
                                  start(n)))
    return fixed


def _in_place(nodes: list[str],
              fixed: Mapping[str, tuple[str, str, tuple[object, ...]]]) -> list[str]:
    """``nodes`` (in start order) with each group in the place of its first member
    and each chain of followers right after its root."""
    place: dict[str, int] = {}
    for i, n in enumerate(nodes):
        group, root, _ = fixed[n]
        place.setdefault(group or root, i)
        place.setdefault(root, i)
    return sorted(nodes, key=lambda n: (place[fixed[n][0] or fixed[n][1]], place[fixed[n][1]],
                                        fixed[n][2]))


def _sorted(nodes: list[str], bary: Mapping[str, float],
            fixed: Mapping[str, tuple[str, str, tuple[object, ...]]]) -> list[str]:
    members: dict[str, list[float]] = defaultdict(list)
    for n in nodes:
        group, root, _ = fixed[n]
        members[group].append(bary[root])
    group_bary = {g: round(sum(v) / len(v), 9) for g, v in members.items()}
    keys = {}
    for n in nodes:
        group, root, (gkey, rkey, depth, nkey) = fixed[n]
        keys[n] = (group_bary[group], gkey, round(bary[root], 9), rkey, depth, nkey)
    return sorted(nodes, key=keys.__getitem__)
