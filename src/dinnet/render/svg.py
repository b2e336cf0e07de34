"""Make Graphviz SVG accessible: a ``<title>`` and a ``<desc>`` for every node.

Graphviz writes a node's DOT name as its ``<title>``. dinnet gives every node a
``tooltip`` (its full label) and a ``comment`` (its kind and source), which
Graphviz writes as ``xlink:title`` and as an XML comment; this module moves
them into ``<title>`` and ``<desc>``, where screen readers and browsers look.
Element ids (``din-zorg-SD3``) come from the DOT ``id`` attributes.

>>> svg = b'''<!-- n -->
... <!-- goal; z.txt:3 -->
... <g id="din&#45;z&#45;SD1" class="node">
... <title>n</title>
... <g id="a_din&#45;z&#45;SD1"><a xlink:title="Schone &quot;lucht&quot;">
... </a>
... </g>
... </g>'''
>>> print(accessible_svg(svg).decode().splitlines()[3:5])
['<title>Schone &quot;lucht&quot;</title>', '<desc>goal; z.txt:3</desc>']
"""

from __future__ import annotations

import re

__all__ = ["accessible_svg"]

_GROUP = re.compile(r'^<g id="[^"]*" class="(node|edge|cluster)[^"]*">$')
_TITLE = re.compile(r"^<title>.*</title>$")
_COMMENT = re.compile(r"^<!-- (.*) -->$")
_TOOLTIP = re.compile(r'xlink:title="([^"]*)"')


def accessible_svg(svg: bytes) -> bytes:
    """Give every node, edge and cluster group of a Graphviz SVG its full ``<title>`` and a ``<desc>``.

    The title becomes the element's tooltip (the full label); the description
    is the element's DOT ``comment`` (for dinnet diagrams: kind and source).
    Text is copied as Graphviz escaped it, so nothing user-written becomes
    markup. Running it twice changes nothing more.

    >>> accessible_svg(b'<svg/>')
    b'<svg/>'
    """
    lines = svg.decode("utf-8").split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        match = _GROUP.match(line)
        if not match or i + 1 >= len(lines) or not _TITLE.match(lines[i + 1]):
            out.append(line)
            i += 1
            continue
        comments = [m.group(1) for m in (_COMMENT.match(x) for x in out[-2:]) if m]
        desc = comments[-1] if len(comments) == 2 else ("track" if match.group(1) == "cluster"
                                                        else None)
        title = lines[i + 1]
        tooltip = next((m.group(1) for m in (_TOOLTIP.search(x) for x in lines[i + 2:i + 4]) if m),
                       None)
        if tooltip is not None:
            title = f"<title>{tooltip}</title>"
        out += [line, title]
        if desc is not None and lines[i + 2:i + 3] != [f"<desc>{desc}</desc>"]:
            out.append(f"<desc>{desc}</desc>")
        i += 2
    return "\n".join(out).encode("utf-8")
