"""The report's pictures, drawn by :mod:`dinnet.render` and made fit to inline.

This is the only module of the report that runs Graphviz and matplotlib.
Each DIN carries the audit overlay; its nodes become focusable buttons (see
:func:`dinnet.report.svg.inline_svg`).

>>> from dinnet.render._example import example_graph
>>> figs = report_figures(example_graph(), charts=False)
>>> 'data-node="mini:SD1"' in figs.din["mini"], figs.portfolio.startswith("<svg")
(True, True)
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import networkx as nx

from ..audit import Finding, run_audit
from ..render.dot import iter_din_dot, svg_id
from ..render.labels import natural_key
from ..render.overlay import gap_highlights
from ..render.portfolio_map import portfolio_dot
from ..render.run import render
from ..render.select import DinPart, column_of, effort_track
from .svg import inline_svg

__all__ = ["REPORT_WRAP", "Figures", "charts_available", "din_svg", "report_figures"]

#: Label width of the report's DINs, as a share of the full-size DIN's (:class:`DinPart`).
REPORT_WRAP = 0.45


@dataclass(frozen=True)
class Figures:
    """Inline SVG fragments: the portfolio map and, per programme, DIN and charts."""

    portfolio: str
    din: Mapping[str, str] = field(default_factory=dict)
    indicators: Mapping[str, str] = field(default_factory=dict)
    budget: Mapping[str, str] = field(default_factory=dict)


def _node_map(G: nx.MultiDiGraph) -> dict[str, tuple[str, str]]:
    """Element id to (node id, label) for every node a DIN can draw, and its stub."""
    out: dict[str, tuple[str, str]] = {}
    first: dict[str, str] = {}  # a track: its first effort, the end its frame's links stand for
    for n, d in G.nodes(data=True):
        if d.get("kind") != "programme" and column_of(G, n) is not None:
            label = str(d.get("label", ""))
            out[svg_id(n)] = (n, label)
            out[svg_id(n, stub=True)] = (n, label)
        if d.get("kind") == "effort" and (track := effort_track(G, n)) is not None:
            first[track] = min(first.get(track, n), n, key=natural_key)
    for track, effort in first.items():
        out.setdefault(svg_id(track), (effort, str(G.nodes[track].get("label", ""))))
    return out


def din_svg(G: nx.MultiDiGraph, programme: str, *, lang: str = "nl",
            nodes: Mapping[str, tuple[str, str]] | None = None,
            findings: Sequence[Finding] | None = None) -> str:
    """The DIN of ``programme`` with the audit overlay, as an SVG fragment for the report.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph from :func:`dinnet.load`.
    programme : str
        A programme id.
    lang : {"nl", "en"}
        Language of the diagram's headings.
    nodes : mapping, optional
        Element id to ``(node id, label)``; computed from ``G`` when omitted.
    findings : sequence of Finding, optional
        The audit's findings for the overlay; ``None`` runs the audit.

    Returns
    -------
    str
        An ``<svg>`` element whose nodes have ``data-node``, ``tabindex`` and
        ``role="button"``; ids of this programme's nodes are kept
        (``din-zorg--SD3``), all others are prefixed with ``fig-<programme>--``.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> svg = din_svg(example_graph(), "mini")
    >>> 'id="din-mini--E1"' in svg and 'role="button"' in svg
    True
    """
    nodes = _node_map(G) if nodes is None else nodes
    highlights = gap_highlights(G, programme, findings=findings)
    # narrow columns (labels of about 15 characters a line): the DIN fitted to the width
    # of the report's middle column keeps its text large enough to read without zooming
    pieces = iter_din_dot(G, programme, lang=lang, highlight=highlights.nodes,
                          severity=highlights.severity, part=DinPart(wrap=REPORT_WRAP))
    keep = {k for k, (n, _) in nodes.items()
            if k == svg_id(n) and G.nodes[n].get("programme") == programme}
    return inline_svg(render(pieces, "svg"), scope=f"fig-{programme}", nodes=nodes, keep=keep)


def _chart_svg(fig: object, scope: str) -> str:
    from ..render.charts import figure_bytes

    return inline_svg(figure_bytes(fig, "svg"), scope=scope)


def charts_available() -> bool:
    """Whether matplotlib (the ``charts`` extra) is installed, so the report can have charts."""
    return importlib.util.find_spec("matplotlib") is not None


def report_figures(G: nx.MultiDiGraph, *, lang: str = "nl", charts: bool = True,
                   findings: Sequence[Finding] | None = None) -> Figures:
    """Every picture of the report; ``charts=False`` skips matplotlib (faster).

    Without matplotlib (installed by ``pip install "dinnet[charts]"``) the
    report has no charts, whatever ``charts`` says.
    """
    findings = run_audit(G) if findings is None else findings
    programmes = sorted(n for n, k in G.nodes(data="kind") if k == "programme")
    nodes = _node_map(G)
    portfolio = inline_svg(render(portfolio_dot(G, lang=lang), "svg"), scope="portfolio",
                           nodes={f"prog-{p}": (p, str(G.nodes[p].get("label", p)))
                                  for p in programmes}, keep=())
    din = {p: din_svg(G, p, lang=lang, nodes=nodes, findings=findings) for p in programmes}
    indicators: dict[str, str] = {}
    budget: dict[str, str] = {}
    if charts and charts_available():
        from ..render.charts import budget_chart, indicator_figure, numeric_indicators

        for p in programmes:
            if numeric_indicators(G, p):
                indicators[p] = _chart_svg(indicator_figure(G, p, lang=lang), f"ind-{p}")
            if G.nodes[p].get("budgets"):
                budget[p] = _chart_svg(budget_chart(G, p, lang=lang).figure, f"bud-{p}")
    return Figures(portfolio=portfolio, din=din, indicators=indicators, budget=budget)
