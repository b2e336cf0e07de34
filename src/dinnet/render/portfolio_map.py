"""The portfolio map: all programmes and how they depend on each other.

One box per programme (with the size of its DIN), one arrow per stated
relation (``depends_on``) labelled with its topics. A relation stated by one
side only is dashed; a programme that is referred to but not loaded is grey.

>>> from dinnet.render._example import example_graph
>>> dg = portfolio_dot(example_graph(), lang="en")
>>> 'id="prog-mini"' in dg.source
True
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import graphviz
import networkx as nx

from .. import glossary
from .labels import comment_text, dot_text, html_lines, html_text, natural_key, term
from .style import FONT

__all__ = ["portfolio_dot"]

_COUNTED = ("goal", "effort", "project")
#: More programmes than this (or four times as many relations) are laid out by sfdp, not circo.
CIRCLE_LIMIT = 40


def _sizes(G: nx.MultiDiGraph) -> dict[str, Counter[str]]:
    sizes: dict[str, Counter[str]] = {}
    for _, d in G.nodes(data=True):
        sizes.setdefault(d.get("programme", ""), Counter())[d.get("kind", "")] += 1
    return sizes


def _boxed(text: str) -> str:
    """An edge label on a white ground, so lines behind it do not run through the text."""
    return ('<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2" '
            f'BGCOLOR="#ffffff"><TR><TD>{text}</TD></TR></TABLE>>')


def portfolio_dot(G: nx.MultiDiGraph, *, lang: str = "nl") -> graphviz.Digraph:
    """All programmes of ``G`` and their ``depends_on`` relations as a :class:`graphviz.Digraph`.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph from :func:`dinnet.load`.
    lang : {"nl", "en"}
        Language of the fixed words.

    Returns
    -------
    graphviz.Digraph
        Edges are labelled with the relation's topics; a relation that only
        one of the two contracts states is dashed.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> "en hun raakvlakken" in portfolio_dot(example_graph()).source
    True
    """
    term("vision", lang)
    programmes = sorted((n for n, k in G.nodes(data="kind") if k == "programme"),
                        key=natural_key)
    deps = sorted(((u, v, d) for u, v, k, d in G.edges(keys=True, data=True)
                   if k == "depends_on"), key=lambda e: (e[0], e[1]))
    missing = sorted({(r["from"], r["to"]) for r in G.graph.get("unresolved", [])
                      if r.get("kind") == "depends_on"})
    dg = graphviz.Digraph(name="din-portfolio")
    # circo puts the programmes on a circle, but takes minutes for a hundred or more
    # programmes with many relations; sfdp (force-directed) lays out hundreds in seconds
    big = len(programmes) > CIRCLE_LIMIT or len(deps) > 4 * CIRCLE_LIMIT
    layout = ({"layout": "sfdp", "overlap": "prism", "sep": "+6", "splines": "false"} if big
              else {"layout": "circo", "mindist": "2.6", "splines": "true"})
    dg.attr("graph", **layout, fontname=FONT, labelloc="t", labeljust="l",
            fontsize="16", pad="0.3", id="din-portfolio",
            label=f"<<B>{html_text(term('portfolio', lang))}</B><BR/>"
                  f'<FONT POINT-SIZE="10">{html_text(term("one_sided", lang))}</FONT>>')
    dg.attr("node", fontname=FONT, fontsize="11")
    dg.attr("edge", fontname=FONT, fontsize="8")
    sizes = _sizes(G)
    for p in programmes:
        _programme_node(dg, p, G.nodes[p], sizes.get(p, Counter()), lang)
    for q in sorted({v for _, v in missing} - set(programmes), key=natural_key):
        _unloaded_node(dg, q, lang)
    stated = {(u, v): d for u, v, d in deps}
    for u, v, d in deps:
        if (v, u) in stated and v < u:
            continue  # drawn with (v, u)
        _relation_edge(dg, G, [(u, v, d)] + ([(v, u, stated[(v, u)])] if (v, u) in stated else []))
    for u, v in missing:
        if (u, v) not in stated:
            dg.edge(f"prog-{u}", f"prog-{v}", id=f"dep-{u}--{v}", style="dashed",
                    color="#8c8c8c", tooltip=dot_text(f"{u} → {v}"),
                    comment=comment_text("depends_on (programme not loaded)"))
    return dg


def _programme_node(dg: graphviz.Digraph, p: str, data: dict[str, Any], size: Counter[str],
                    lang: str) -> None:
    """A loaded programme: its name, id and the size of its DIN."""
    counts = " · ".join(glossary.term(kind, lang, n=size[kind]) for kind in _COUNTED)
    label = (f'<<B>{html_lines(data.get("label", p), 24)}</B><BR/>'
             f'<FONT POINT-SIZE="8" COLOR="#44546a">{html_text(p)}<BR/>'
             f"{html_text(counts)}</FONT>>")
    dg.node(f"prog-{p}", label, id=f"prog-{p}", shape="box", style="rounded,filled",
            fillcolor="#dbe9f6", color="#2b5d8c", penwidth="1.5",
            tooltip=dot_text(data.get("label", p)),
            comment=comment_text(f"programme; {data.get('source', '')}"))


def _unloaded_node(dg: graphviz.Digraph, q: str, lang: str) -> None:
    """A programme a relation names but that is not loaded: grey and dashed."""
    dg.node(f"prog-{q}", f"<{html_text(q)}<BR/><I>({html_text(term('not_loaded', lang))})</I>>",
            id=f"prog-{q}", shape="box", style="rounded,dashed", color="#8c8c8c",
            fontcolor="#666666", tooltip=dot_text(f"{q} ({term('not_loaded', lang)})"),
            comment=comment_text("programme (not loaded)"))


def _relation_edge(dg: graphviz.Digraph, G: nx.MultiDiGraph,
                   parts: list[tuple[str, str, dict[str, Any]]]) -> None:
    """One arrow for a relation: ``parts`` holds one side (dashed) or both (solid, two heads)."""
    u, v, _ = parts[0]
    both = len(parts) == 2
    rows = []
    for a, b, e in parts:
        topics = "; ".join(e.get("topics") or [])
        if topics:
            head = f"{G.nodes[a].get('label', a)} → {G.nodes[b].get('label', b)}: " if both else ""
            rows.append(html_lines(head + topics, 30))
    tips = [f"{a} → {b}: {'; '.join(e.get('topics') or []) or e.get('text') or ''}"
            for a, b, e in parts]
    dg.edge(f"prog-{u}", f"prog-{v}", id=f"dep-{u}--{v}",
            label=_boxed("<BR/>".join(rows)) if rows else None,
            dir="both" if both else "forward",
            style="solid" if both else "dashed",
            color="#2b5d8c" if both else "#b36b00", penwidth="1.6" if both else "1.2",
            fontcolor="#1f3b63" if both else "#7a4900",
            tooltip=dot_text(" | ".join(tips)),
            comment=comment_text("depends_on; " + " | ".join(str(e.get("source", ""))
                                                          for _, _, e in parts)))
