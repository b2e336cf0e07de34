"""The DIN's visual language: colour, shape and line per kind of node and link.

Goals are blue (darker toward the vision), efforts green, results purple,
projects orange; a project's border says the programme's role (solid: regie,
dashed: afstemming, dotted: faciliterend) and a grey fill marks a
*lijnproject*. Contribution strength is the line width. Findings of the audit
get a red (error) or orange (warning) border.

>>> node_style("goal", level="strategic")["fillcolor"]
'#dbe9f6'
>>> edge_penwidth("strong") > edge_penwidth(None) > edge_penwidth("weak")
True
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "FINDING_TEXT",
    "FONT",
    "HIGHLIGHT",
    "WRAP",
    "edge_penwidth",
    "edge_style",
    "graph_attrs",
    "node_style",
]

FONT = "Helvetica"

#: Label width in characters per column.
WRAP: dict[str, int] = {"vision": 26, "main": 26, "strategic": 28, "operational": 30,
                        "effort": 34, "project": 30, "indicator": 40, "track": 40}

#: Border colour and width of a node with findings, by severity.
HIGHLIGHT: dict[str, tuple[str, float]] = {"error": ("#d7301f", 3.5), "warning": ("#f08c00", 3.0)}
#: Colour of a finding's text in a node, by severity: darker than the border, so it keeps
#: 4.5:1 contrast on every node fill (WCAG 2.1 AA; tests/report/test_contrast.py).
FINDING_TEXT: dict[str, str] = {"error": "#b02418", "warning": "#8a4b00"}

_GOAL = {
    "vision": ("#c9daf0", "#1f3b63"),
    "main": ("#cfe0f3", "#1f3b63"),
    "strategic": ("#dbe9f6", "#2b5d8c"),
    "operational": ("#eef5fb", "#4a7fb0"),
}

_ROLE_STYLE = {"regie": "filled", "afstemming": "filled,dashed", "faciliterend": "filled,dotted"}


def graph_attrs(*, compact: bool = False) -> dict[str, str]:
    """Attributes of the whole DIN graph (top to bottom, readable spacing; tighter on paper).

    ``mclimit`` keeps dot's own crossing reduction short: the order comes from
    dinnet (contract order for the efforts, barycentres for the goals,
    :mod:`dinnet.render.order`), and dot's reordering of clusters (tracks)
    would otherwise undo it.
    """
    return {"rankdir": "TB", "newrank": "true", "nodesep": "0.12" if compact else "0.18",
            "ranksep": "0.3" if compact else "0.45", "mclimit": "0.01",
            "splines": "spline", "fontname": FONT, "labelloc": "t", "labeljust": "l",
            "fontsize": "16", "pad": "0.3", "outputorder": "edgesfirst"}


def node_style(kind: str, *, level: str | None = None, role: str | None = None,
               lijnproject: bool = False, sub: bool = False, is_open: bool = False) -> dict[str, str]:
    """Graphviz node attributes for one kind of DIN node."""
    base = {"fontname": FONT, "fontsize": "10", "margin": "0.08,0.05", "penwidth": "1.2"}
    if kind in ("vision", "goal"):
        fill, line = _GOAL["vision" if kind == "vision" else (level or "strategic")]
        style = "rounded,filled" + (",dashed" if is_open else "")
        out = base | {"shape": "box", "style": style, "fillcolor": fill, "color": line}
        if kind == "vision" or level == "main":
            out |= {"penwidth": "2", "fontsize": "11"}
        return out
    if kind == "effort":
        return base | {"shape": "box", "style": "filled" + (",dashed" if sub else ""),
                       "fillcolor": "#f3faf0" if sub else "#e3f2dc", "color": "#3a7d2c",
                       "fontsize": "9" if sub else "10"}
    if kind == "result":
        return base | {"shape": "note", "style": "filled", "fillcolor": "#efe6f7",
                       "color": "#6a4a8c"}
    if kind == "project":
        return base | {"shape": "box", "style": _ROLE_STYLE.get(role or "", "filled"),
                       "fillcolor": "#ececec" if lijnproject else "#fdeccf", "color": "#b36b00",
                       "penwidth": "1.8" if role == "regie" else "1.2"}
    if kind == "stub":
        return base | {"shape": "box", "style": "rounded,dashed", "fontsize": "8",
                       "color": "#8c8c8c", "fontcolor": "#555555", "margin": "0.05,0.02",
                       "height": "0.2"}
    if kind == "header":
        return {"shape": "box", "color": "transparent", "fontname": FONT, "fontsize": "13",
                "margin": "0.02"}
    if kind == "placeholder":
        return {"shape": "plaintext", "fontname": FONT, "fontsize": "9", "fontcolor": "#666666"}
    raise ValueError(f"no style for kind {kind!r}")


def edge_penwidth(strength: str | None) -> float:
    """Line width of a contribution: weak 0.8, unstated 1.2, medium 2, strong 3.2."""
    return {"weak": 0.8, "medium": 2.0, "strong": 3.2}.get(strength or "", 1.2)


def edge_style(kind: str, attrs: dict[str, Any], *, stub: bool = False) -> dict[str, str]:
    """Graphviz edge attributes for a link of ``kind`` (drawn from its end back to its means)."""
    colour = {"serves": "#1f3b63", "refines": "#2b5d8c", "contributes_to": "#3a7d2c",
              "delivers": "#6a4a8c", "part_of": "#3a7d2c", "implements": "#b36b00"}[kind]
    out = {"dir": "back", "color": colour, "arrowsize": "0.6",
           "penwidth": f"{edge_penwidth(attrs.get('strength')) if kind == 'contributes_to' else 1.2:g}"}
    if kind == "part_of":
        out |= {"style": "dotted", "arrowtail": "odiamond"}
    elif kind == "delivers" or attrs.get("inferred"):
        out |= {"style": "dashed"}  # inferred: the text implies the link, does not state it
    if stub:
        out |= {"style": "dashed", "color": "#a6a6a6", "penwidth": "0.8"}
    return out
