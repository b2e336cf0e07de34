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
_special = _SPECIAL.search


def _escape(text: str) -> str:
    """``html.escape(text)``, without its five passes over text that needs none."""
    return html.escape(text) if _special(text) else text



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


# What happens to an attribute's value, by its name (see :func:`_attr_rule`).
_KEEP, _SKIP, _HREF, _ID, _FONT = range(5)


@cache
def _attr_rule(raw: str) -> tuple[str, int]:
    """An attribute's name as written, and what happens to its value (decided once per name)."""
    name = _attr_name(raw)
    if name is None or name.lower().startswith("on") or name == "xml:base":
        return "", _SKIP
    if name in ("href", "xlink:href"):
        return name, _HREF
    return name, {"id": _ID, "font-family": _FONT}.get(name, _KEEP)


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
        referred: set[str] = set()
        with_id = []
        for el in root.iter():
            for value in el.attrib.values():
                if "#" in value:
                    referred.update(m.group(1) for m in _REF.finditer(value))
            if "id" in el.attrib:
                with_id.append(el)
        seen: set[str] = set()
        for el in with_id:
            old = el.attrib["id"]
            if not (old in referred or old in self.nodes
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

    def attrs(self, el: ET.Element, root: bool) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for raw, value in el.attrib.items():
            name, rule = _attr_rule(raw)
            if rule == _KEEP:
                if "url(" in value:
                    value = self.fix_refs(value)
            elif rule == _SKIP:
                continue
            elif rule == _HREF:
                if not value.startswith("#"):
                    continue
                value = "#" + self.renamed.get(value[1:], value[1:])
            elif rule == _ID:
                if id(el) not in self.element_ids:
                    continue
                value = self.element_ids[id(el)]
            else:  # the font family: set once, on the root
                self.font = self.font or value
                if value == self.font:
                    continue
            if root and name in ("id", "class"):
                continue
            out.append((name, value))
        if root:
            out += [("id", self.scope), ("class", "figure")]
        return out

    def children(self, el: ET.Element) -> None:
        for child in el:
            self.element(child)
            tail = child.tail
            if tail and tail.strip():
                self.out.append(_escape(tail))

    def element(self, el: ET.Element, root: bool = False) -> None:
        tag = _local(el.tag)
        if tag is None or tag in _DROP:
            return
        attrs = self.attrs(el, root)
        title: str | None = None
        if tag == "g":
            if not attrs:
                self.children(el)  # a group that says nothing: its content stands for itself
                return
            old_id = el.attrib.get("id", "")
            classes = el.attrib.get("class", "").split()
            if old_id in self.nodes and "node" in classes:
                node, label = self.nodes[old_id]
                title = label
                attrs = [(k, v) for k, v in attrs if k != "class"]
                attrs.insert(1, ("class", " ".join([*classes, "din-node"])))
                attrs += [("data-node", node), ("tabindex", "0"), ("role", "button"),
                          ("aria-label", label)]
            elif "edge" in classes:
                ends = self.edge_ends(old_id)
                if ends is not None:
                    attrs += [("data-from", ends[0]), ("data-to", ends[1])]
        elif tag == "a":
            self.children(el)  # a tooltip's wrapper: its content stands for itself
            return
        out = self.out
        out.append("<" + tag + "".join([f' {k}="{html.escape(v) if _special(v) else v}"'
                                        for k, v in attrs]) + ">")
        if el.text:
            out.append(_escape(el.text))
        if title is not None:
            out.append(f"<title>{_escape(title)}</title>")
        self.children(el)
        out.append(f"</{tag}>")


def inline_svg(svg: str | bytes | ET.Element, *, scope: str,
               nodes: Mapping[str, tuple[str, str]] | None = None,
               keep: Container[str] | None = None) -> str:
    """An SVG document as a fragment to inline in HTML.

    Parameters
    ----------
    svg : str, bytes or xml.etree.ElementTree.Element
        The SVG document (from Graphviz or matplotlib), or its root element
        already parsed (it is only read).
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
    root = svg if isinstance(svg, ET.Element) else ET.fromstring(svg)
    nodes = nodes or {}
    writer = _Writer(scope, nodes, set(nodes) if keep is None else keep)
    writer.collect(root)
    writer.element(root, root=True)
    if writer.font:
        writer.out[0] = writer.out[0][:-1] + f' font-family="{_escape(writer.font)}">'
    return "".join(writer.out)
