"""The position tree of :mod:`~dinnet.io.yamlfast`: nodes shaped like PyYAML's.

A node has ``id`` (``"scalar"``, ``"mapping"`` or ``"sequence"``), ``value``
and ``start_mark`` (with ``line`` and ``column`` from 0), as PyYAML's nodes
do, so that :func:`~dinnet.io.yamlread.locate` and the loader's walks work on
either tree. These classes stand apart from the reader so that the reader
can be compiled (:mod:`dinnet.io.speedup`) while both its forms make nodes of
the same classes.

>>> node = Scalar("x", 2, 4)
>>> node.id, node.start_mark.line, node.start_mark.column
('scalar', 2, 4)
"""

from __future__ import annotations

from typing import Any

__all__ = ["Mapping", "Node", "Scalar", "Sequence"]


class Node:
    """A node of the position tree: like PyYAML's, its ``value`` and where it starts.

    ``start_mark`` is the node itself: its ``line`` and ``column`` count from 0, as
    PyYAML's marks do.
    """

    __slots__ = ("column", "line")
    id = ""
    value: Any

    def __init__(self, value: Any, line: int, column: int) -> None:
        self.value = value
        self.line = line
        self.column = column

    @property
    def start_mark(self) -> Node:
        return self

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.value!r}, {self.line}, {self.column})"


class Scalar(Node):
    """A scalar: ``value`` is its text (as PyYAML's ``ScalarNode.value``)."""

    __slots__ = ("value",)
    id = "scalar"


class Mapping(Node):
    """A mapping: ``value`` is its list of ``(key, value)`` nodes.

    A block mapping's *common lines* (``key: value`` with the value on the line:
    :meth:`dinnet.io.yamlfast._Reader.common`) stand in ``pairs`` as their line's
    number until ``value`` is first asked for: most nodes of a contract are never
    looked at, so they are made only when they are (the reader's ``nodes`` makes
    them, as it read the line). :func:`~dinnet.io.yamlfast.keyed` walks the tree
    without making them.
    """

    __slots__ = ("ids", "indent", "pairs", "reader")
    id = "mapping"

    def __init__(self, pairs: list[Any], line: int, column: int, reader: Any = None,
                 indent: int = 0) -> None:
        self.pairs = pairs  # (key, value) nodes, or the number of a common line
        self.line = line
        self.column = column
        self.reader = reader  # None once every pair is made (or when all were made at once)
        self.indent = indent  # the keys' column
        # what :func:`~dinnet.io.yamlfast.keyed` finds here for the key ``id``, noted by the
        # reader as it read the mapping: the text of its ``id`` and its values that may
        # hold mappings; None: not noted (keyed looks at every pair)
        self.ids: tuple[str | None, list[Any]] | None = None

    @property
    def value(self) -> list[tuple[Node, Node]]:
        reader = self.reader
        if reader is not None:
            self.reader = None
            nodes, indent = reader.nodes, self.indent
            self.pairs[:] = [p if p.__class__ is tuple else nodes(p, indent) for p in self.pairs]
        return self.pairs


class Sequence(Node):
    """A list: ``value`` is its list of nodes."""

    __slots__ = ("value",)
    id = "sequence"
