"""The self-contained HTML report: one file with the DINs, the audit and the charts.

The report is built in three steps, each its own module: :mod:`.data`
assembles what to show from the graph and the findings (pure),
:mod:`.figures` draws the pictures with :mod:`dinnet.render`, and
:mod:`.html` writes the page with Jinja2 (autoescape on), inlining the CSS,
the script and the SVG. The page makes no network request at all.

>>> from dinnet.render._example import example_graph
>>> page = build_report(example_graph(), charts=False)
>>> "<script>alert" in page, 'data-node="mini:SD1"' in page
(False, True)
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from ..audit import Finding, run_audit
from .data import ReportData, coverage_matrix, node_details, report_data
from .figures import Figures, din_svg, report_figures
from .html import content_security_policy, json_script, render_html
from .svg import inline_svg

__all__ = [
    "Figures",
    "ReportData",
    "build_report",
    "content_security_policy",
    "coverage_matrix",
    "din_svg",
    "inline_svg",
    "json_script",
    "node_details",
    "render_html",
    "report_data",
    "report_figures",
]


def build_report(G: nx.MultiDiGraph, findings: Sequence[Finding] | None = None, *,
                 lang: str = "nl", charts: bool = True) -> str:
    """The whole report for ``G`` as one HTML document.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph from :func:`dinnet.load`.
    findings : sequence of Finding, optional
        The audit's findings; ``None`` runs :func:`dinnet.audit.run_audit`.
    lang : {"nl", "en"}
        Language of headings and fixed words (data stays as written).
    charts : bool
        Draw the matplotlib charts (indicators, budget).

    Returns
    -------
    str
        HTML with inline CSS, script and SVG; write it with
        :func:`dinnet.io.output.write_output`.
    """
    findings = run_audit(G) if findings is None else findings
    data: ReportData = report_data(G, findings, lang=lang)
    return render_html(data, report_figures(G, lang=lang, charts=charts, findings=findings))
