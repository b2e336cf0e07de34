"""``G.graph["locations"]`` of a load: where each element, table, relation and gap stands.

A :class:`Locations` maps a location key (a node id, or a
:func:`~dinnet.graph.location_key`) to ``[file, line, column]``, as a dict
would, but it keeps the parts' own lists (:func:`~dinnet.io.loading.read_part`'s
``nodes``, ``locations`` and ``positions``) and makes a value only when it is
asked for. A national data set has 700,000 keys: made as a dict of lists
up front they took half a second and about 100 MB of every load, while an
audit asks for the places of its findings only (docs/performance.md,
session 16).

Every key of a part starts with its programme's id (the id itself, or the
id and ``:`` or ``#``: ids cannot hold either sign; a cached part whose keys
are not its programme's, :func:`own_keys`, is read again), so a key is
looked up in its own programme's part only; that part's keys are put in a
dict the first time one of them is asked for.

>>> where = Locations([("a.yaml", {"programme": "a", "nodes": ["a", "a:G1"],
...                                 "locations": [0, 1, "a#table:B1"],
...                                 "positions": [1, 1, 4, 3, 9, 3]})])
>>> where["a:G1"], where.get("a#table:B1"), where.get("b:G1"), len(where)
(['a.yaml', 4, 3], ['a.yaml', 9, 3], None, 3)
>>> list(where) == ["a", "a:G1", "a#table:B1"] and where == dict(where.items())
True
"""

from __future__ import annotations

import itertools
from collections.abc import ItemsView, Iterable, Iterator, Mapping
from typing import Any

__all__ = ["Locations", "own_keys", "programme_of"]


def programme_of(key: str) -> str:
    """The programme id a location key starts with.

    >>> programme_of("zorg:SD3"), programme_of("zorg#table:B1"), programme_of("zorg")
    ('zorg', 'zorg', 'zorg')
    """
    return key.partition(":")[0].partition("#")[0]


def own_keys(pid: str, nodes: list[str], keys: list[str]) -> bool:
    """Whether a part of programme ``pid`` holds only its own keys: its nodes are the
    programme (first) and its elements (``pid:...``), its other location ``keys``
    ``pid#...`` or ``pid:...`` (what :class:`Locations` relies on; checked in bulk, for
    every part read from the cache).

    >>> own_keys("a", ["a", "a:G1"], ["a#table:B1"]), own_keys("a", ["a", "b:G1"], [])
    (True, False)
    """
    return (bool(nodes) and nodes[0] == pid
            and all(map(str.startswith, itertools.islice(nodes, 1, None), itertools.repeat(pid + ":")))
            and all(map(str.startswith, keys, itertools.repeat((pid + "#", pid + ":")))))


def _named(ids: list[str], keys: list[int | str]) -> Iterator[str]:
    """A part's location keys, a node's by its place in ``ids``."""
    return (ids[k] if isinstance(k, int) else k for k in keys)


class Locations(Mapping[str, list[Any]]):
    """``[file, line, column]`` of each location key of the ``(file, part)`` pairs, in
    turn (a read-only mapping: the graph's record of where its contracts stand)."""

    def __init__(self, parts: Iterable[tuple[str, Mapping[str, Any]]]) -> None:
        self._files: list[str] = []
        self._nodes: list[list[str]] = []
        self._keys: list[list[int | str]] = []
        self._positions: list[list[int]] = []
        self._part: dict[str, int] = {}  # programme id -> its place in the lists above
        for file, part in parts:
            self._part[part["programme"]] = len(self._files)
            self._files.append(file)
            self._nodes.append(part["nodes"])
            self._keys.append(part["locations"])
            self._positions.append(part["positions"])
        self._places: list[dict[str, int] | None] = [None] * len(self._files)

    def _place(self, key: object) -> tuple[int, int] | None:
        """The part holding ``key`` and the key's place among that part's keys."""
        if not isinstance(key, str):
            return None
        i = self._part.get(programme_of(key))
        if i is None:
            return None
        places = self._places[i]
        if places is None:
            places = self._places[i] = {key: j for j, key in
                                        enumerate(_named(self._nodes[i], self._keys[i]))}
        j = places.get(key)
        return None if j is None else (i, j)

    def _value(self, i: int, j: int) -> list[Any]:
        # lists, not tuples: the graph's attributes survive a JSON round trip unchanged
        positions = self._positions[i]
        return [self._files[i], positions[2 * j], positions[2 * j + 1]]

    def __getitem__(self, key: str) -> list[Any]:
        found = self._place(key)
        if found is None:
            raise KeyError(key)
        return self._value(*found)

    def get(self, key: str, default: Any = None) -> Any:
        found = self._place(key)
        return default if found is None else self._value(*found)

    def __contains__(self, key: object) -> bool:
        return self._place(key) is not None

    def __iter__(self) -> Iterator[str]:
        for ids, keys in zip(self._nodes, self._keys, strict=True):
            yield from _named(ids, keys)

    def items(self) -> ItemsView[str, list[Any]]:
        return _Items(self)

    def _pairs(self) -> Iterator[tuple[str, list[Any]]]:
        for i, (ids, keys) in enumerate(zip(self._nodes, self._keys, strict=True)):
            for j, key in enumerate(_named(ids, keys)):
                yield key, self._value(i, j)

    def __len__(self) -> int:
        return sum(map(len, self._keys))

    def __repr__(self) -> str:
        return f"<Locations of {len(self._files)} files, {len(self)} keys>"


class _Items(ItemsView[str, list[Any]]):
    """The pairs of a :class:`Locations`, made part by part (not looked up key by key)."""

    _mapping: Locations

    def __iter__(self) -> Iterator[tuple[str, list[Any]]]:
        return self._mapping._pairs()
