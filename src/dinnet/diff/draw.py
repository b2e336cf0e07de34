"""The DIN of a new contract version with the changes coloured (``dinnet diff --format svg``).

Drawn with the DIN renderer (:func:`dinnet.render.dot.din_dot`) on the new
graph plus the removed elements and links of the old one, so it keeps the
new version's layout (contract order, tracks, crossing reduction). The
colours go into the builder as a :class:`~dinnet.render.dot.Paint`; the DOT
text is never edited afterwards. Changed elements
carry a note and a coloured border: green for added, red for removed, orange
for renamed or changed (a changed target marks the goal its indicator
measures). Changed links get the same colours.

>>> from dinnet import load
>>> from dinnet.diff import diff_graphs
>>> G = load()
>>> H = G.copy()
>>> H.remove_node("zorg:E1")
>>> dg = diff_dot(G, H, diff_graphs(G, H))
>>> 'id="din-zorg--E1"' in dg.source and COLOURS["removed"] in dg.source
True
"""

from __future__ import annotations

from collections.abc import Sequence

import graphviz
import networkx as nx

from .. import glossary
from ..errors import DinnetError
from .change import ELEMENT_KINDS, Change, link_parts

__all__ = ["COLOURS", "diff_dot", "diff_svg"]

#: Border and line colour per kind of change.
COLOURS: dict[str, str] = {"added": "#2b8a3e", "removed": "#d7301f", "renamed": "#f08c00",
                           "changed": "#f08c00"}


def _merged(old: nx.MultiDiGraph, new: nx.MultiDiGraph, changes: Sequence[Change]
            ) -> tuple[nx.MultiDiGraph, dict[tuple[str, str, str], str]]:
    """The new graph plus removed elements and links; the links' change per (u, v, kind)."""
    M = new.copy()
    renamed = {c.old_id: c.id for c in changes if c.action == "renamed" and c.old_id}
    gone = {c.id for c in changes if c.action == "removed" and c.kind in ELEMENT_KINDS}
    for node in sorted(gone):
        if node not in M:
            M.add_node(node, **old.nodes[node])
    links: dict[tuple[str, str, str], str] = {}
    for u, v, kind, data in old.edges(keys=True, data=True):
        a, b = renamed.get(u, u), renamed.get(v, v)
        if (u in gone or v in gone) and a in M and b in M and not M.has_edge(a, b, kind):
            M.add_edge(a, b, key=kind, **data)
            links[(a, b, kind)] = "removed"
    for c in changes:
        if c.kind == "link":
            u, v, kind = link_parts(c.id)
            if c.action == "removed" and not M.has_edge(u, v, kind):
                source = next((d for x, y, k, d in old.edges(keys=True, data=True)
                               if renamed.get(x, x) == u and renamed.get(y, y) == v and k == kind),
                              {"kind": kind})
                M.add_edge(u, v, key=kind, **source)
            links[(u, v, kind)] = c.action
    for node in sorted(c.id for c in changes if c.action == "added" and c.id in M):
        for u, v, kind in [*M.in_edges(node, keys=True), *M.out_edges(node, keys=True)]:
            links.setdefault((u, v, kind), "added")
    return M, links


def _marks(M: nx.MultiDiGraph, changes: Sequence[Change], lang: str) -> dict[str, list[str]]:
    words = glossary.words("diff", lang)
    marks: dict[str, set[str]] = {}
    for c in changes:
        if c.kind in ("link",) or c.id not in M:
            continue
        if c.kind in ("target", "indicator"):
            for _, goal, kind in M.out_edges(c.id, keys=True):
                if kind == "measures":
                    marks.setdefault(goal, set()).add(words[c.kind])
            continue
        marks.setdefault(c.id, set()).add(words[c.action])
    return {node: sorted(found) for node, found in marks.items()}


def _programme(M: nx.MultiDiGraph, changes: Sequence[Change], programme: str | None) -> str:
    if programme is not None:
        return programme
    touched = sorted({M.nodes[c.id].get("programme") for c in changes
                      if c.id in M and M.nodes[c.id].get("programme")})
    if touched:
        return str(touched[0])
    found = sorted(n for n, k in M.nodes(data="kind") if k == "programme")
    if not found:
        raise DinnetError.of(glossary.message("error.nothing_in_new"))
    return found[0]


def diff_dot(old: nx.MultiDiGraph, new: nx.MultiDiGraph, changes: Sequence[Change], *,
             programme: str | None = None, lang: str = "nl") -> graphviz.Digraph:
    """The DIN of ``programme`` (default: the first one that changed) with changes coloured.

    Parameters
    ----------
    old, new
        The two graphs given to :func:`dinnet.diff.diff_graphs`.
    changes
        Its result.
    programme
        The programme to draw.
    lang
        ``"nl"`` or ``"en"``: the words of the notes and the legend.
    """
    from ..render.dot import Paint, din_dot

    M, links = _merged(old, new, changes)
    marks = _marks(M, changes, lang)
    words = glossary.words("diff", lang)
    severity = {words[a]: "error" if a == "removed" else "warning" for a in COLOURS}
    severity |= {words["target"]: "warning", words["indicator"]: "warning"}
    paint = Paint(nodes={n: COLOURS["added"] for n, found in marks.items()
                         if words["added"] in found},
                  links={link: COLOURS[a] for link, a in links.items()},
                  rules={words["added"]: COLOURS["added"]},
                  legend=words["legend"])
    return din_dot(M, _programme(M, changes, programme), lang=lang, highlight=marks,
                   severity=severity, paint=paint)


def diff_svg(old: nx.MultiDiGraph, new: nx.MultiDiGraph, changes: Sequence[Change], *,
             programme: str | None = None, lang: str = "nl", timeout: float = 60) -> bytes:
    """The SVG of :func:`diff_dot` (runs Graphviz ``dot`` through :func:`dinnet.render.render`)."""
    from ..render import render

    return render(diff_dot(old, new, changes, programme=programme, lang=lang), "svg",
                  timeout=timeout)
