"""Make an SVG file fit to sit inside the report's HTML (pure: text in, text out).

An SVG from Graphviz or matplotlib is parsed and written again element by
element, so that whatever it holds comes out as escaped text. On the way:

* the XML declaration, doctype, comments, metadata and ``<style>`` (which
  would apply to the whole page) are dropped; so are ``<script>``,
  ``<foreignObject>``, ``on*`` attributes and links that leave the document;
* every ``id`` gets the figure's ``scope`` as prefix, so several SVGs can
  share one page (references to ids inside the SVG follow), except the ids of
  DIN nodes, which stay as :func:`dinnet.render.dot.svg_id` makes them;
* a DIN node's group becomes a keyboard-reachable button: ``data-node``,
  ``tabindex="0"``, ``role="button"``, an ``aria-label`` and a ``<title>``
  with its full label; an edge's group gets ``data-from`` and ``data-to``.

>>> svg = ('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10pt" '
...        'viewBox="0 0 10 10"><g id="din-p--E1" class="node">'
...        '<title>din&#45;p&#45;&#45;E1</title>'
...        '<text onclick="x()">&lt;b&gt;</text></g><script>alert(1)</script></svg>')
>>> print(inline_svg(svg, scope="f1", nodes={"din-p--E1": ("p:E1", "E <b>")})
...       .replace("><", ">\\n<"))
<svg width="10pt" viewBox="0 0 10 10" id="f1" class="figure">
<g id="din-p--E1" class="node din-node" data-node="p:E1" tabindex="0" role="button" aria-label="E &lt;b&gt;">
<title>E &lt;b&gt;</title>
<text>&lt;b&gt;</text>
</g>
</svg>
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Mapping

__all__ = ["inline_svg"]

_SVG = "{http://www.w3.org/2000/svg}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_XML = "{http://www.w3.org/XML/1998/namespace}"
_DROP = frozenset({"script", "foreignObject", "metadata", "style"})
_URL_REF = re.compile(r"url\(#([^)]+)\)")
_EDGE_KINDS = ("serves", "refines", "contributes_to", "delivers", "part_of", "implements")


def _local(tag: str) -> str | None:
    """The SVG tag name without namespace; ``None`` for elements of other namespaces."""
    if tag.startswith(_SVG):
        return tag[len(_SVG):]
    if tag.startswith("{"):
        return None
    return tag


def _attr_name(name: str) -> str | None:
    if name.startswith(_XLINK):
        return "xlink:" + name[len(_XLINK):]
    if name.startswith(_XML):
        return "xml:" + name[len(_XML):]
    if name.startswith("{"):
        return None
    return name


class _Writer:
    def __init__(self, scope: str, nodes: Mapping[str, tuple[str, str]], keep: Collection[str]
                 ) -> None:
        self.scope = scope
        self.nodes = nodes
        self.keep = keep
        self.renamed: dict[str, str] = {}
        self.element_ids: dict[int, str] = {}
        self.out: list[str] = []

    def new_id(self, old: str) -> str:
        return old if old in self.keep else f"{self.scope}--{old}"

    def collect(self, root: ET.Element) -> None:
        """New ids for all elements; a repeated id gets a number (references go to the first)."""
        seen: set[str] = set()
        for el in root.iter():
            old = el.attrib.get("id")
            if old is None:
                continue
            new = self.new_id(old)
            if new in seen:
                n = 2
                while f"{new}-{n}" in seen:
                    n += 1
                new = f"{new}-{n}"
            else:
                self.renamed.setdefault(old, new)
            seen.add(new)
            self.element_ids[id(el)] = new

    def fix_refs(self, value: str) -> str:
        return _URL_REF.sub(lambda m: f"url(#{self.renamed.get(m.group(1), m.group(1))})", value)

    def edge_ends(self, edge_id: str) -> tuple[str, str] | None:
        for kind in _EDGE_KINDS:
            head, sep, tail = edge_id.partition(f"--{kind}--")
            if sep and head in self.nodes and tail in self.nodes:
                return self.nodes[head][0], self.nodes[tail][0]
        return None

    def attrs(self, el: ET.Element, tag: str, root: bool) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for raw, value in el.attrib.items():
            name = _attr_name(raw)
            if name is None or name.lower().startswith("on") or name == "xml:base":
                continue
            if name in ("href", "xlink:href"):
                if not value.startswith("#"):
                    continue
                value = "#" + self.renamed.get(value[1:], value[1:])
            elif name == "id":
                value = self.element_ids[id(el)]
            else:
                value = self.fix_refs(value)
            if root and name in ("id", "class"):
                continue
            out.append((name, value))
        if root:
            out += [("id", self.scope), ("class", "figure")]
        return out

    def element(self, el: ET.Element, root: bool = False) -> None:
        tag = _local(el.tag)
        if tag is None or tag in _DROP:
            return
        attrs = self.attrs(el, tag, root)
        title: str | None = None
        old_id = el.attrib.get("id", "")
        classes = el.attrib.get("class", "").split()
        if tag == "g" and old_id in self.nodes and "node" in classes:
            node, label = self.nodes[old_id]
            title = label
            attrs = [(k, v) for k, v in attrs if k != "class"]
            attrs.insert(1, ("class", " ".join([*classes, "din-node"])))
            attrs += [("data-node", node), ("tabindex", "0"), ("role", "button"),
                      ("aria-label", label)]
        elif tag == "g" and "edge" in classes:
            ends = self.edge_ends(old_id)
            if ends is not None:
                attrs += [("data-from", ends[0]), ("data-to", ends[1])]
        self.out.append("<" + tag + "".join(f' {k}="{html.escape(v, quote=True)}"'
                                            for k, v in attrs) + ">")
        if el.text:
            self.out.append(html.escape(el.text))
        for child in el:
            if title is not None and _local(child.tag) == "title":
                self.out.append(f"<title>{html.escape(title)}</title>")
                title = None
            else:
                self.element(child)
            if child.tail and child.tail.strip():
                self.out.append(html.escape(child.tail))
        if title is not None:
            self.out.append(f"<title>{html.escape(title)}</title>")
        self.out.append(f"</{tag}>")


def inline_svg(svg: str | bytes, *, scope: str,
               nodes: Mapping[str, tuple[str, str]] | None = None,
               keep: Collection[str] | None = None) -> str:
    """An SVG document as a fragment to inline in HTML.

    Parameters
    ----------
    svg : str or bytes
        The SVG document (from Graphviz or matplotlib).
    scope : str
        A page-unique prefix for the SVG's ids; it also becomes the root's id.
    nodes : mapping, optional
        Element id of a DIN node's group (``din-zorg--SD3``, or a stub's id)
        to ``(graph node id, full label)``.
    keep : collection of str, optional
        Ids that stay as they are (default: the keys of ``nodes``); they must
        be unique on the page.

    Returns
    -------
    str
        One ``<svg>`` element, all text escaped, without newlines between tags.

    Examples
    --------
    >>> out = inline_svg('<svg xmlns="http://www.w3.org/2000/svg"><defs><clipPath id="c"/></defs>'
    ...                  '<path clip-path="url(#c)"/></svg>', scope="chart-1")
    >>> print(out.replace("><", ">\\n<"))
    <svg id="chart-1" class="figure">
    <defs>
    <clipPath id="chart-1--c">
    </clipPath>
    </defs>
    <path clip-path="url(#chart-1--c)">
    </path>
    </svg>
    """
    root = ET.fromstring(svg)
    nodes = nodes or {}
    writer = _Writer(scope, nodes, set(nodes) if keep is None else set(keep))
    writer.collect(root)
    writer.element(root, root=True)
    return "".join(writer.out)
