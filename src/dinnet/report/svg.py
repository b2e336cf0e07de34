"""Make an SVG file fit to sit inside the report's HTML (pure: text in, text out).

An SVG from Graphviz or matplotlib is parsed and written again element by
element, so that whatever it holds comes out as escaped text. On the way:

* the XML declaration, doctype, comments, metadata and ``<style>`` (which
  would apply to the whole page) are dropped; so are ``<script>``,
  ``<foreignObject>``, ``on*`` attributes and links that leave the document;
* what only adds weight is dropped too: ``<desc>``, the ``<title>`` of
  anything but a DIN node (Graphviz writes one per edge and cluster), the
  ``<a>`` wrappers Graphviz puts around tooltips, ids nothing refers to, and
  the font family repeated on every text (it is set once, on the root);
* every kept ``id`` gets the figure's ``scope`` as prefix, so several SVGs
  can share one page (references to ids inside the SVG follow), except the
  ids of DIN nodes, which stay as :func:`dinnet.render.dot.svg_id` makes them;
* a DIN node's group becomes a keyboard-reachable button: ``data-node``,
  ``tabindex="0"``, ``role="button"``, an ``aria-label`` and a ``<title>``
  with its full label; an edge's group gets ``data-from`` and ``data-to``.

>>> svg = ('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10pt" '
...        'viewBox="0 0 10 10"><g id="din-p--E1" class="node"><title>din&#45;p&#45;&#45;E1</title>'
...        '<g id="a_x"><a title="E"><text onclick="x()" font-family="Arial">&lt;b&gt;</text>'
...        '</a></g></g><script>alert(1)</script></svg>')
>>> print(inline_svg(svg, scope="f1", nodes={"din-p--E1": ("p:E1", "E <b>")})
...       .replace("><", ">\\n<"))
<svg width="10pt" viewBox="0 0 10 10" id="f1" class="figure" font-family="Arial">
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
from collections.abc import Container, Mapping
from functools import cache

__all__ = ["inline_svg"]

_SVG = "{http://www.w3.org/2000/svg}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_XML = "{http://www.w3.org/XML/1998/namespace}"
_DROP = frozenset({"script", "foreignObject", "metadata", "style", "desc", "title"})
_REF = re.compile(r"#([^)\"\s]+)")
_URL_REF = re.compile(r"url\(#([^)]+)\)")
_EDGE_KINDS = ("serves", "refines", "contributes_to", "delivers", "part_of", "implements")


_SPECIAL = re.compile("[&<>\"']")


def _escape(text: str) -> str:
    """``html.escape(text)``, without its five passes over text that needs none."""
    return html.escape(text) if _SPECIAL.search(text) else text



@cache
def _local(tag: str) -> str | None:
    """The SVG tag name without namespace; ``None`` for elements of other namespaces."""
    if tag.startswith(_SVG):
        return tag[len(_SVG):]
    if tag.startswith("{"):
        return None
    return tag


@cache
def _attr_name(name: str) -> str | None:
    if name.startswith(_XLINK):
        return "xlink:" + name[len(_XLINK):]
    if name.startswith(_XML):
        return "xml:" + name[len(_XML):]
    if name.startswith("{"):
        return None
    return name


class _Writer:
    def __init__(self, scope: str, nodes: Mapping[str, tuple[str, str]], keep: Container[str]
                 ) -> None:
        self.scope = scope
        self.nodes = nodes
        self.keep = keep
        self.renamed: dict[str, str] = {}
        self.element_ids: dict[int, str] = {}
        self.out: list[str] = []
        self.font: str | None = None

    def new_id(self, old: str) -> str:
        return old if old in self.keep else f"{self.scope}--{old}"

    def collect(self, root: ET.Element) -> None:
        """New ids for the elements something refers to; a repeated id gets a number.

        References go to the first element with the id; ids of DIN nodes and
        edges are always kept, all others only when an attribute points at them.
        """
        referred = {m.group(1) for el in root.iter() for value in el.attrib.values()
                    if "#" in value for m in _REF.finditer(value)}
        seen: set[str] = set()
        for el in root.iter():
            old = el.attrib.get("id")
            if old is None or not (old in referred or old in self.nodes
                                   or "edge" in el.attrib.get("class", "").split()):
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
                if id(el) not in self.element_ids:
                    continue
                value = self.element_ids[id(el)]
            elif name == "font-family":
                self.font = self.font or value
                if value == self.font:
                    continue
            elif "url(" in value:
                value = self.fix_refs(value)
            if root and name in ("id", "class"):
                continue
            out.append((name, value))
        if root:
            out += [("id", self.scope), ("class", "figure")]
        return out

    def children(self, el: ET.Element) -> None:
        for child in el:
            self.element(child)
            if child.tail and child.tail.strip():
                self.out.append(_escape(child.tail))

    def element(self, el: ET.Element, root: bool = False) -> None:
        tag = _local(el.tag)
        if tag is None or tag in _DROP:
            return
        attrs = self.attrs(el, tag, root)
        if tag == "a" or (tag == "g" and not attrs):
            self.children(el)  # a tooltip's wrapper: its content stands for itself
            return
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
        self.out.append("<" + tag + "".join(f' {k}="{_escape(v)}"'
                                            for k, v in attrs) + ">")
        if el.text:
            self.out.append(_escape(el.text))
        if title is not None:
            self.out.append(f"<title>{_escape(title)}</title>")
        self.children(el)
        self.out.append(f"</{tag}>")


def inline_svg(svg: str | bytes, *, scope: str,
               nodes: Mapping[str, tuple[str, str]] | None = None,
               keep: Container[str] | None = None) -> str:
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
    writer = _Writer(scope, nodes, set(nodes) if keep is None else keep)
    writer.collect(root)
    writer.element(root, root=True)
    if writer.font:
        writer.out[0] = writer.out[0][:-1] + f' font-family="{_escape(writer.font)}">'
    return "".join(writer.out)
