"""Read a drawn DIN back from its SVG: boxes, frames, links, text sizes (pure).

Graphviz writes every node, track frame and link as a ``<g>`` with the id
dinnet gave it (``din-zorg--SD3``, ``din-zorg--S1``,
``din-zorg--E1--contributes_to--din-zorg--SD3``). This module reads those
shapes so that tests and the benchmark can check the picture itself: does
every link start and end on its two ends (:func:`loose_ends`), how many pairs
of links cross (:func:`crossings`), how large is the text at print size
(:func:`font_sizes`).

>>> svg = b'''<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt">
... <g id="a" class="node"><polygon points="0,0 10,0 10,10 0,10 0,0"/></g>
... <g id="b" class="node"><polygon points="50,0 60,0 60,10 50,10 50,0"/></g>
... <g id="a--serves--b" class="edge"><path d="M10,5C20,5 40,5 50,5"/></g>
... </svg>'''
>>> d = read_svg(svg)
>>> d.size, sorted(d.boxes), [link.ends for link in d.links]
((100.0, 50.0), ['a', 'b'], [('a', 'b')])
>>> loose_ends(d)
[]
"""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

__all__ = ["Box", "Drawing", "Link", "crossings", "font_sizes", "loose_ends", "read_svg",
           "wrong_arrows"]

_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_PAIR = re.compile(r"(-?[\d.]+),(-?[\d.]+)")
#: Graphviz's units: an SVG length without ``pt`` is in pixels (96 per inch).
_UNIT = {"pt": 1.0, "px": 0.75, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "": 0.75}

Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle (SVG coordinates)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def distance(self, p: Point) -> float:
        """How far ``p`` is from the rectangle (0 on or inside it).

        >>> Box(0, 0, 10, 10).distance((13, 14)), Box(0, 0, 10, 10).distance((5, 5))
        (5.0, 0.0)
        """
        dx = max(self.x0 - p[0], 0.0, p[0] - self.x1)
        dy = max(self.y0 - p[1], 0.0, p[1] - self.y1)
        return math.hypot(dx, dy)


@dataclass(frozen=True)
class Link:
    """A drawn link: its element id, its two ends' ids and its line as points.

    ``line`` is the path flattened to a polyline; ``start`` and ``end`` are
    where the drawn link ends, arrowheads included; ``arrow`` is the tip of
    its arrowhead (``None`` without one).
    """

    id: str
    ends: tuple[str, str]
    line: tuple[Point, ...]
    start: Point
    end: Point
    arrow: Point | None = None


@dataclass(frozen=True)
class Drawing:
    """What :func:`read_svg` found: the size in pt, the boxes of nodes and frames, the links.

    ``fonts`` are the texts with their size as written; ``scale`` is how much
    the SVG scales its drawing (Graphviz ``size``), so a text shows at
    ``size * scale`` pt.
    """

    size: tuple[float, float]
    boxes: dict[str, Box]
    links: tuple[Link, ...]
    fonts: tuple[tuple[float, str], ...]
    scale: float = 1.0


def _length(value: str | None) -> float:
    m = re.fullmatch(r"\s*([\d.]+)\s*([a-z]*)\s*", value or "")
    if not m:
        return 0.0
    return float(m.group(1)) * _UNIT.get(m.group(2), 1.0)


def _bezier(p0: Point, p1: Point, p2: Point, p3: Point, steps: int = 8) -> list[Point]:
    out = []
    for i in range(1, steps + 1):
        t = i / steps
        a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
        out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                    a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


def _path_points(d: str) -> list[Point]:
    """A Graphviz path (``M`` then cubic ``C`` segments) flattened to points."""
    nums = [float(x) for x in _NUMBER.findall(d)]
    pts = list(zip(nums[::2], nums[1::2], strict=False))
    if not pts:
        return []
    line = [pts[0]]
    for i in range(1, len(pts) - 2, 3):
        line += _bezier(line[-1], pts[i], pts[i + 1], pts[i + 2])
    return line


def _shape_points(el: ET.Element) -> list[Point]:
    tag = el.tag.removeprefix(_SVG)
    if tag in ("polygon", "polyline"):
        return [(float(x), float(y)) for x, y in _PAIR.findall(el.get("points", ""))]
    if tag == "path":
        return [(float(x), float(y)) for x, y in _PAIR.findall(el.get("d", ""))]
    if tag == "ellipse":
        cx, cy = float(el.get("cx", 0)), float(el.get("cy", 0))
        rx, ry = float(el.get("rx", 0)), float(el.get("ry", 0))
        return [(cx - rx, cy - ry), (cx + rx, cy + ry)]
    return []


def _box(points: list[Point]) -> Box | None:
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Box(min(xs), min(ys), max(xs), max(ys))


def _shapes(g: ET.Element) -> list[ET.Element]:
    return [el for el in g.iter() if el.tag.removeprefix(_SVG) in
            ("polygon", "polyline", "path", "ellipse")]


def _split(link_id: str, known: set[str]) -> tuple[str, str] | None:
    """The two element ids in ``<a>--<kind>--<b>`` (ids may hold ``--`` themselves)."""
    parts = link_id.split("--")
    for i in range(1, len(parts) - 1):
        a, b = "--".join(parts[:i]), "--".join(parts[i + 1:])
        if a in known and b in known:
            return a, b
    return None


def _tip(end: Point, arrow: list[Point]) -> Point:
    """The point of an arrowhead farthest from the line end it sits on."""
    return max(arrow, key=lambda p: math.dist(p, end))


def read_svg(svg: bytes | str | ET.Element, *, shapes: bool = True) -> Drawing:
    """The boxes, frames, links and text sizes of a Graphviz SVG.

    Nodes (``class="node ..."``) and clusters (``class="cluster"``) become
    boxes by their id; edges whose id names two known boxes
    (``<a>--<kind>--<b>``) become links. An arrowhead that sits on an end of
    the line extends that end to its tip. ``shapes=False`` reads only the size
    and the text (no boxes, no links): enough to tell whether a drawing fits.
    ``svg`` may also be the document already parsed (its root element).
    """
    root = svg if isinstance(svg, ET.Element) else ET.fromstring(svg)
    size = (_length(root.get("width")), _length(root.get("height")))
    groups = [g for g in root.iter(f"{_SVG}g") if g.get("id")]
    boxes: dict[str, Box] = {}
    edges: list[ET.Element] = []
    for g in groups if shapes else ():
        cls = (g.get("class") or "").split()
        if cls and cls[0] in ("node", "cluster"):
            outline = _shapes(g)[:1] if cls[0] == "cluster" else _shapes(g)
            box = _box([p for el in outline for p in _shape_points(el)])
            if box is not None:
                boxes[g.get("id", "")] = box
        elif cls and cls[0] == "edge":
            edges.append(g)
    links = []
    known = set(boxes)
    for g in edges:
        ends = _split(g.get("id", ""), known)
        path = next((el for el in g.iter(f"{_SVG}path")), None)
        if ends is None or path is None:
            continue
        line = _path_points(path.get("d", ""))
        if len(line) < 2:
            continue
        start, end = line[0], line[-1]
        tip = None
        for poly in g.iter(f"{_SVG}polygon"):
            arrow = _shape_points(poly)
            if not arrow:
                continue
            centre = (sum(p[0] for p in arrow) / len(arrow), sum(p[1] for p in arrow) / len(arrow))
            if math.dist(centre, line[0]) <= math.dist(centre, line[-1]):
                start = tip = _tip(line[0], arrow)
            else:
                end = tip = _tip(line[-1], arrow)
        links.append(Link(g.get("id", ""), ends, tuple(line), start, end, tip))
    fonts = []
    for t in root.iter(f"{_SVG}text"):
        if t.get("font-size") and (t.text or "").strip():
            fonts.append((float(t.get("font-size", "0")), (t.text or "").strip()))
    graph = next((g for g in groups if g.get("class") == "graph"), None)
    scale = re.search(r"scale\(([\d.]+)", graph.get("transform", "") if graph is not None else "")
    return Drawing(size, boxes, tuple(links), tuple(fonts), float(scale.group(1)) if scale else 1.0)


def loose_ends(drawing: Drawing, tolerance: float = 2.0) -> list[tuple[str, float]]:
    """The links that do not start and end on the boxes of their two ends.

    Returns ``(link id, distance)`` for each such link: how far (pt) its
    worse end stays from its box, under the better of the two ways round.
    """
    out = []
    for link in drawing.links:
        a, b = (drawing.boxes[e] for e in link.ends)
        gap = min(max(a.distance(link.start), b.distance(link.end)),
                  max(b.distance(link.start), a.distance(link.end)))
        if gap > tolerance:
            out.append((link.id, round(gap, 1)))
    return out


def wrong_arrows(drawing: Drawing) -> list[str]:
    """The links whose arrowhead sits on the means instead of on the end it serves.

    A link's id names the means first (``<means>--<kind>--<end>``); its
    arrowhead belongs on the end's box.
    """
    return [link.id for link in drawing.links if link.arrow is not None
            and drawing.boxes[link.ends[0]].distance(link.arrow)
            < drawing.boxes[link.ends[1]].distance(link.arrow)]


def _segments_cross(p: Point, q: Point, r: Point, s: Point) -> Point | None:
    d = (q[0] - p[0]) * (s[1] - r[1]) - (q[1] - p[1]) * (s[0] - r[0])
    if d == 0:
        return None
    t = ((r[0] - p[0]) * (s[1] - r[1]) - (r[1] - p[1]) * (s[0] - r[0])) / d
    u = ((r[0] - p[0]) * (q[1] - p[1]) - (r[1] - p[1]) * (q[0] - p[0])) / d
    if 0 <= t <= 1 and 0 <= u <= 1:
        return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))
    return None


def _cross_away(a: Link, b: Link, near: float) -> bool:
    ends = (a.line[0], a.line[-1], b.line[0], b.line[-1])
    for p, q in itertools.pairwise(a.line):
        lo_x, hi_x = min(p[0], q[0]), max(p[0], q[0])
        lo_y, hi_y = min(p[1], q[1]), max(p[1], q[1])
        for r, s in itertools.pairwise(b.line):
            if (max(r[0], s[0]) < lo_x or min(r[0], s[0]) > hi_x
                    or max(r[1], s[1]) < lo_y or min(r[1], s[1]) > hi_y):
                continue
            hit = _segments_cross(p, q, r, s)
            if hit is not None and min(math.dist(hit, e) for e in ends) > near:
                return True
    return False


def crossings(drawing: Drawing, near: float = 6.0) -> int:
    """The number of pairs of links that cross away from their ends.

    Two links cross when their lines meet more than ``near`` pt from every
    end of either of them (links that share a node meet there, which is no
    crossing).

    >>> svg = b'''<svg xmlns="http://www.w3.org/2000/svg" width="9pt" height="9pt">
    ... <g id="a" class="node"><polygon points="0,0 1,0 1,1 0,1"/></g>
    ... <g id="b" class="node"><polygon points="99,99 100,99 100,100 99,100"/></g>
    ... <g id="c" class="node"><polygon points="0,99 1,99 1,100 0,100"/></g>
    ... <g id="d" class="node"><polygon points="99,0 100,0 100,1 99,1"/></g>
    ... <g id="a--x--b" class="edge"><path d="M1,1C30,30 70,70 99,99"/></g>
    ... <g id="c--x--d" class="edge"><path d="M1,99C30,70 70,30 99,1"/></g>
    ... </svg>'''
    >>> crossings(read_svg(svg))
    1
    """
    links = drawing.links
    boxes = [_box(list(link.line)) for link in links]
    count = 0
    for i, a in enumerate(links):
        ba = boxes[i]
        assert ba is not None
        for j in range(i + 1, len(links)):
            bb = boxes[j]
            assert bb is not None
            if bb.x0 > ba.x1 or bb.x1 < ba.x0 or bb.y0 > ba.y1 or bb.y1 < ba.y0:
                continue
            if _cross_away(a, links[j], near):
                count += 1
    return count


def font_sizes(drawing: Drawing, scale: float = 1.0) -> list[tuple[float, str]]:
    """Every text's size (pt) as shown, times ``scale``, with the text; smallest first."""
    return sorted((round(size * drawing.scale * scale, 2), text) for size, text in drawing.fonts)
