"""The efforts of a DIN drawn top to bottom: tracks side by side, each in columns (pure).

A DIN reads from the vision at the top down to the projects. Its efforts
form a *band* under the goals: the tracks stand side by side, each track's
efforts in one or more columns inside its frame (read down, then the next
column), and the efforts outside tracks in columns of their own. How many
rows the band gets decides the shape of the whole picture: few rows make it
wide, many rows tall. :func:`band_rows` picks the number that brings the
picture closest to the shape of a landscape sheet, from counts alone (no
drawing), so choosing costs nothing next to running ``dot``.

A row of goals wider than :data:`ROW_MOST` stands in zig-zag rows
(:func:`sub_rows`): Binnenstad's ten operational goals in two rows of five,
each still under its strategic goal.

A *unit* is what stands in one place of a column: an effort, or an effort
with its sub-efforts under it (a unit several rows tall).

>>> blocks = [[("E1",), ("E2", "E2.a"), ("E3",)], [("E4",)]]
>>> pack(blocks, 2)
[[[('E1',)], [('E2', 'E2.a')], [('E3',)]], [[('E4',)]]]
>>> pack(blocks, 3)
[[[('E1',), ('E2', 'E2.a')], [('E3',)]], [[('E4',)]]]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["LANDSCAPE", "ROW_MOST", "Shape", "band_rows", "pack", "project_row", "sub_rows",
           "zigzag"]

#: A row of goals with more nodes than this stands in zig-zag rows.
ROW_MOST = 8

#: The shape aimed at: width over height of a landscape A-series sheet.
LANDSCAPE = math.sqrt(2)

Unit = Sequence[str]
Block = Sequence[Unit]


def sub_rows(nodes: int, aspect: float = LANDSCAPE) -> int:
    """The rows a row of ``nodes`` goals takes: one, or zig-zag rows of at most :data:`ROW_MOST`.

    For a tall shape (``aspect`` below 1: a portrait sheet, a screen that
    scrolls) at most half as many.

    >>> sub_rows(8), sub_rows(10), sub_rows(39), sub_rows(9, aspect=0.7)
    (1, 2, 5, 3)
    """
    most = ROW_MOST if aspect >= 1 else ROW_MOST // 2
    return max(1, math.ceil(nodes / most))


def zigzag(nodes: Sequence[str], aspect: float = LANDSCAPE) -> list[list[str]]:
    """A row of goals as the rows it stands in (:func:`sub_rows`): every k-th node together.

    >>> zigzag(["a", "b", "c"]), [len(r) for r in zigzag([str(i) for i in range(10)])]
    ([['a', 'b', 'c']], [5, 5])
    """
    k = sub_rows(len(nodes), aspect)
    return [list(nodes[j::k]) for j in range(k)]


def project_row(columns: int) -> int:
    """How many projects stand in a row under ``columns`` columns of goals or efforts.

    As many as there are columns: the projects' row is then no wider than
    the rest (a project's box is a little narrower than a column).

    >>> project_row(9), project_row(0)
    (9, 1)
    """
    return max(columns, 1)


def pack(blocks: Sequence[Block], rows: int) -> list[list[list[Unit]]]:
    """Each block's units in columns of at most ``rows`` rows, in their order.

    A column is filled top-down before the next one starts; a unit taller
    than ``rows`` gets a column of its own. Returns, per block, its columns,
    each a list of units.
    """
    out: list[list[list[Unit]]] = []
    for block in blocks:
        columns: list[list[Unit]] = []
        height = 0
        for unit in block:
            if not columns or height + len(unit) > rows:
                columns.append([])
                height = 0
            columns[-1].append(unit)
            height += len(unit)
        out.append(columns)
    return out


@dataclass(frozen=True)
class Shape:
    """What the shape of a DIN depends on, in counts and inches.

    ``widest`` is the number of nodes in the widest row above the band (the
    goals); ``above`` the number of rows above the band; ``through`` the
    most links that pass one row of goals on their way up (dot gives each
    room of its own there); ``projects`` the number of projects under the
    band; ``slot`` the width of one column, ``link`` the room one passing
    link takes, ``row`` the height of one row of efforts and ``goal_row`` of
    one row of goals (with the space between rows), all in inches.
    ``aspect`` is the width over height aimed at.
    """

    widest: int
    above: int
    through: int = 0
    projects: int = 0
    slot: float = 3.3
    link: float = 0.5
    row: float = 1.35
    goal_row: float = 1.7
    title: float = 1.5
    headings: float = 1.6
    aspect: float = LANDSCAPE
    most_rows: int = 12

    def estimate(self, columns: int, rows: int) -> float:
        """The width over height of the picture with a band of ``columns`` by ``rows``.

        The sizes are those of the Almelo DINs as dot draws them (the space
        between the boxes included), measured once.
        """
        wide = max(self.widest, columns, 1)
        project_rows = math.ceil(self.projects / project_row(wide))
        height = self.title + self.above * self.goal_row + (rows + project_rows) * self.row
        width = max(self.widest * self.slot + self.through * self.link, columns * self.slot)
        return (self.headings + width) / height


def band_rows(blocks: Sequence[Block], shape: Shape) -> int:
    """The number of rows that brings the picture's shape closest to ``shape.aspect``.

    Ties go to fewer rows (a wider picture, shorter links).

    At most ``shape.most_rows`` rows: dot's time grows with the rows a link
    crosses.

    >>> blocks = [[("E%d" % i,) for i in range(19)], [("F1",)] * 4, [("G1",)] * 5]
    >>> band_rows(blocks, Shape(widest=9, above=4))
    10
    >>> band_rows(blocks, Shape(widest=9, above=4, aspect=3))  # a wide strip
    3
    >>> band_rows(blocks, Shape(widest=9, above=4, aspect=0.7))  # portrait: as tall as allowed
    12
    >>> band_rows(blocks, Shape(widest=9, above=4, through=20))  # links widen the goals' rows
    12
    """
    tallest = max((len(u) for b in blocks for u in b), default=1)
    total = sum(len(u) for b in blocks for u in b)
    best: tuple[float, int] | None = None
    for rows in range(tallest, max(min(total, shape.most_rows), tallest) + 1):
        packed = pack(blocks, rows)
        columns = sum(len(cols) for cols in packed)
        height = max((sum(len(u) for u in col) for cols in packed for col in cols), default=0)
        miss = abs(math.log(shape.estimate(columns, height) / shape.aspect))
        if best is None or miss < best[0] - 1e-9:
            best = (miss, rows)
    return best[1] if best is not None else 1
