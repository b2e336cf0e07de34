"""Make Graphviz SVG accessible: a ``<title>`` and a ``<desc>`` for every node.

Graphviz writes a node's DOT name as its ``<title>``. dinnet gives every node a
``tooltip`` (its full label) and a ``comment`` (its kind and source), which
Graphviz writes as ``xlink:title`` and as an XML comment; this module moves
them into ``<title>`` and ``<desc>``, where screen readers and browsers look.
Element ids (``din-zorg--SD3``) come from the DOT ``id`` attributes.

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
from collections.abc import Iterable, Iterator

__all__ = ["accessible_svg", "iter_accessible_svg"]

#: Where an SVG may be cut into parts that :func:`accessible_svg` can work on
#: one by one: after the end of a group, before the comments of the next.
_BETWEEN_GROUPS = b"</g>\n<!-- "

# A group and its title as Graphviz writes them, each on a line of its own. The
# work is done on the bytes: the markup is ASCII, and text is copied unchanged.
_GROUP = re.compile(rb'<g id="[^"]*" class="(node|edge|cluster)[^"]*">')
_COMMENT = re.compile(rb"<!-- (.*) -->")
_TOOLTIP = re.compile(rb'xlink:title="([^"]*)"')


def _line_before(text: bytes, end: int) -> tuple[bytes, int]:
    """The line that ends just before ``end`` (a line start), and where it starts."""
    if end <= 0:
        return b"", -1
    start = text.rfind(b"\n", 0, end - 1) + 1
    return text[start:end - 1], start


def _line_after(text: bytes, start: int) -> tuple[bytes | None, int]:
    """The line that starts after the newline at ``start``, and where it ends."""
    if start >= len(text):
        return None, start
    end = text.find(b"\n", start + 1)
    end = len(text) if end < 0 else end
    return text[start + 1:end], end


def accessible_svg(svg: bytes) -> bytes:
    """Give every node, edge and cluster group of a Graphviz SVG its full ``<title>`` and a ``<desc>``.

    The title becomes the element's tooltip (the full label); the description
    is the element's DOT ``comment`` (for dinnet diagrams: kind and source).
    Text is copied as Graphviz escaped it, so nothing user-written becomes
    markup. Running it twice changes nothing more.

    >>> accessible_svg(b'<svg/>')
    b'<svg/>'
    """
    out: list[bytes] = []
    done = 0
    at = svg.find(b"\n<title>")
    while at >= 0:
        group, start = _line_before(svg, at + 1)
        title, end = _line_after(svg, at)
        match = _GROUP.fullmatch(group)
        if match is None or title is None or not title.endswith(b"</title>"):
            at = svg.find(b"\n<title>", at + 1)
            continue
        # Graphviz writes a node's or edge's DOT name, then its comment, as XML comments
        before, above = _line_before(svg, start)
        comment = _COMMENT.fullmatch(before)
        desc = (comment.group(1) if comment and _COMMENT.fullmatch(_line_before(svg, above)[0])
                else b"track" if match.group(1) == b"cluster" else None)
        following, stop = _line_after(svg, end)
        tooltip = _TOOLTIP.search(following or b"")
        if tooltip is None and following not in (None, b"</g>"):  # not past the group's end
            tooltip = _TOOLTIP.search(_line_after(svg, stop)[0] or b"")
        out.append(svg[done:at + 1])
        out.append(b"<title>%s</title>" % tooltip.group(1) if tooltip else title)
        if desc is not None and following != b"<desc>%s</desc>" % desc:
            out.append(b"\n<desc>%s</desc>" % desc)
        done = end
        at = svg.find(b"\n<title>", end)
    out.append(svg[done:])
    return b"".join(out)


def iter_accessible_svg(chunks: Iterable[bytes], *, size: int = 1 << 16) -> Iterator[bytes]:
    """:func:`accessible_svg` on an SVG that comes in chunks (as ``dot`` writes it).

    Chunks are gathered until there are ``size`` bytes, then cut between two
    groups, where nothing :func:`accessible_svg` reads crosses the cut: each
    part is done as soon as it is complete, while ``dot`` still writes the
    rest. Joined, the parts are the bytes :func:`accessible_svg` gives for
    the whole SVG.

    >>> svg = b'<g id="g" class="node">\\n<title>a</title>\\n<a xlink:title="A">\\n</g>\\n'
    >>> b"".join(iter_accessible_svg([svg[:9], svg[9:]])) == accessible_svg(svg)
    True
    """
    pending = bytearray()
    for chunk in chunks:
        pending += chunk
        if len(pending) < size:
            continue
        cut = pending.rfind(_BETWEEN_GROUPS)
        if cut > 0:
            cut += len(b"</g>\n")
            yield accessible_svg(bytes(pending[:cut]))
            del pending[:cut]
    if pending:
        yield accessible_svg(bytes(pending))
